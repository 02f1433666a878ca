//! `mdbook-configcheck serve [BOOK]`: what `mdbook serve` does, with this preprocessor in-process
//! and no mdBook install.
//!
//! mdBook 0.5 keeps its `serve` in the `mdbook` binary crate (axum, tokio, notify), not in a
//! library, so this is a small reimplementation of the same behaviour with the standard library:
//! the build `mdbook serve` makes (the page's live-reload script connects to `/__livereload`, a
//! site URL of `/`), an HTTP server for the build directory with the book's 404 page, a poll
//! watcher over the paths mdBook's poller watches (the source and theme directories, book.toml,
//! `build.extra-watch-dirs`, additional CSS and JS, plus this preprocessor's verification record),
//! and on every change a rebuild with the checks, then the WebSocket message `reload` that the
//! page's script answers by reloading.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, SystemTime};

use anyhow::{Context, Result, anyhow};
use mdbook_configcheck::book::ConfigCheck;
use mdbook_driver::MDBook;
use sha1::{Digest, Sha1};

/// The endpoint of the page's live-reload script (mdBook's `LIVE_RELOAD_ENDPOINT`).
const LIVE_RELOAD_ENDPOINT: &str = "__livereload";
/// How often the watcher looks at the files (mdBook's poller: every second).
const POLL: Duration = Duration::from_secs(1);
/// A request head larger than this is refused.
const MAX_HEAD: usize = 16 * 1024;
/// Directories deeper than this are not watched (a symlink loop ends here).
const MAX_DEPTH: usize = 32;

/// The options of `serve`.
#[derive(Debug)]
pub struct Options {
    /// Where to write the rendered book (default: build-dir of book.toml).
    pub dest_dir: Option<PathBuf>,
    /// Host name or address to listen on.
    pub hostname: String,
    /// Port to listen on.
    pub port: u16,
    /// List expected findings and infos too.
    pub verbose: bool,
}

/// Serve a book and rebuild it on changes, until interrupted.
pub fn execute(book: &Path, options: &Options) -> ExitCode {
    super::init_mdbook_logger();
    match run(book, options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            super::print_error(&error);
            ExitCode::FAILURE
        }
    }
}

fn run(root: &Path, options: &Options) -> Result<()> {
    // As `mdbook serve`: a first build that fails ends the command.
    let book = build(root, options)?;
    let site = Arc::new(Site {
        dir: book.build_dir_for("html"),
        not_found: book.config.html_config().unwrap_or_default().get_404_output_file(),
    });
    let address = format!("{}:{}", options.hostname, options.port);
    let socket: SocketAddr = address
        .to_socket_addrs()
        .with_context(|| format!("cannot resolve {address}"))?
        .next()
        .ok_or_else(|| anyhow!("no address found for {address}"))?;
    let listener = TcpListener::bind(socket).with_context(|| format!("cannot listen on {address}"))?;
    let reload = Arc::new(Reload::default());
    let (server_site, server_reload) = (Arc::clone(&site), Arc::clone(&reload));
    std::thread::spawn(move || accept(&listener, &server_site, &server_reload));
    eprintln!("Serving on: http://{address}");

    let mut watcher = Watcher::default();
    watcher.set_roots(&book, &site.dir);
    watcher.scan();
    loop {
        std::thread::sleep(POLL);
        let changed = watcher.scan();
        if changed.is_empty() {
            continue;
        }
        super::print_err(&format!("Files changed: {changed:?}\n"));
        match build(root, options) {
            Ok(book) => {
                watcher.set_roots(&book, &site.dir);
                reload.notify();
            }
            Err(error) => super::print_error(&error),
        }
    }
}

/// Build with the checks and print their findings; the error of a failed build (strict mode
/// included) is returned, and the pages stay as they were.
fn build(root: &Path, options: &Options) -> Result<MDBook> {
    let preprocessor = ConfigCheck::default();
    let mut book = super::build::load(root, options.dest_dir.as_deref(), &preprocessor, Some(LIVE_RELOAD_ENDPOINT))?;
    super::build::build(&mut book, &preprocessor, options.verbose)?;
    Ok(book)
}

/// The built book on disk.
#[derive(Debug)]
struct Site {
    dir: PathBuf,
    not_found: String,
}

/// A counter of successful rebuilds that reload connections wait on.
#[derive(Debug, Default)]
struct Reload {
    generation: Mutex<u64>,
    changed: Condvar,
}

impl Reload {
    fn notify(&self) {
        if let Ok(mut generation) = self.generation.lock() {
            *generation += 1;
            self.changed.notify_all();
        }
    }

    fn current(&self) -> u64 {
        self.generation.lock().map(|g| *g).unwrap_or(0)
    }

    /// Wait up to `timeout` for a rebuild after `seen`; true when there was one.
    fn wait_after(&self, seen: u64, timeout: Duration) -> bool {
        let Ok(generation) = self.generation.lock() else { return false };
        match self.changed.wait_timeout_while(generation, timeout, |g| *g == seen) {
            Ok((generation, _)) => *generation != seen,
            Err(_) => false,
        }
    }
}

fn accept(listener: &TcpListener, site: &Arc<Site>, reload: &Arc<Reload>) {
    for stream in listener.incoming().flatten() {
        let (site, reload) = (Arc::clone(site), Arc::clone(reload));
        // One thread per connection: a local preview has a handful.
        std::thread::spawn(move || {
            let _ignored = handle(stream, &site, &reload);
        });
    }
}

/// A request head: method, path (decoded, without query), and headers by lower-case name.
struct Request {
    method: String,
    path: String,
    headers: HashMap<String, String>,
}

fn handle(mut stream: TcpStream, site: &Site, reload: &Reload) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let Some(request) = read_request(&mut stream)? else {
        return respond(&mut stream, "400 Bad Request", "text/plain", b"bad request\n", false);
    };
    if request.method != "GET" && request.method != "HEAD" {
        return respond(&mut stream, "405 Method Not Allowed", "text/plain", b"method not allowed\n", false);
    }
    let head_only = request.method == "HEAD";
    let upgrade = request.headers.get("upgrade").is_some_and(|u| u.eq_ignore_ascii_case("websocket"));
    if request.path == format!("/{LIVE_RELOAD_ENDPOINT}") && upgrade {
        return live_reload(stream, &request, reload);
    }
    let Some(relative) = safe_relative(&request.path) else {
        return respond(&mut stream, "400 Bad Request", "text/plain", b"bad path\n", head_only);
    };
    let mut file = site.dir.join(&relative);
    if file.is_dir() {
        if !request.path.ends_with('/') {
            // Relative links in an index page resolve against the directory.
            let location = format!("{}/", request.path);
            let head = format!(
                "HTTP/1.1 301 Moved Permanently\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            return stream.write_all(head.as_bytes());
        }
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(body) if file.is_file() => respond(&mut stream, "200 OK", content_type(&file), &body, head_only),
        _ => {
            let body = std::fs::read(site.dir.join(&site.not_found)).unwrap_or_else(|_| b"not found\n".to_vec());
            respond(&mut stream, "404 Not Found", "text/html; charset=utf-8", &body, head_only)
        }
    }
}

fn respond(stream: &mut TcpStream, status: &str, kind: &str, body: &[u8], head_only: bool) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// Read the request head (up to the blank line); `None` when it is not HTTP or too large.
fn read_request(stream: &mut TcpStream) -> std::io::Result<Option<Request>> {
    let mut head = Vec::with_capacity(1024);
    let mut buffer = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buffer)?;
        if n == 0 || head.len() + n > MAX_HEAD {
            return Ok(None);
        }
        head.extend_from_slice(buffer.get(..n).unwrap_or_default());
    }
    let Ok(head) = String::from_utf8(head) else { return Ok(None) };
    let mut lines = head.split("\r\n");
    let mut first = lines.next().unwrap_or_default().split(' ');
    let (Some(method), Some(target)) = (first.next(), first.next()) else { return Ok(None) };
    let raw_path = target.split(['?', '#']).next().unwrap_or_default();
    let Some(path) = percent_decode(raw_path) else { return Ok(None) };
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
        .collect();
    Ok(Some(Request { method: method.to_string(), path, headers }))
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The URL path as a path inside the build directory: only normal components (no `..`, no root,
/// no drive, no NUL), so a request can never leave it.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for part in path.split('/').filter(|p| !p.is_empty() && *p != ".") {
        let mut components = Path::new(part).components();
        match (components.next(), components.next()) {
            (Some(Component::Normal(name)), None) if !part.contains(['\\', '\0']) => out.push(name),
            _ => return None,
        }
    }
    Some(out)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The WebSocket of the page's reload script (RFC 6455): accept, wait for a rebuild, send the text
/// frame `reload`, close. A connection whose page went away ends at the next check.
fn live_reload(mut stream: TcpStream, request: &Request, reload: &Reload) -> std::io::Result<()> {
    let Some(key) = request.headers.get("sec-websocket-key") else {
        return respond(&mut stream, "400 Bad Request", "text/plain", b"no Sec-WebSocket-Key\n", false);
    };
    let seen = reload.current();
    let head = format!(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {}\r\n\r\n",
        websocket_accept(key)
    );
    stream.write_all(head.as_bytes())?;
    stream.set_read_timeout(Some(Duration::from_millis(1)))?;
    loop {
        if reload.wait_after(seen, Duration::from_secs(5)) {
            // FIN + text frame, unmasked (server to client), then a close frame.
            stream.write_all(&[0x81, 6])?;
            stream.write_all(b"reload")?;
            return stream.write_all(&[0x88, 0]);
        }
        let mut probe = [0u8; 1];
        match stream.peek(&mut probe) {
            Ok(0) => return Ok(()),
            Err(e) if e.kind() != std::io::ErrorKind::WouldBlock && e.kind() != std::io::ErrorKind::TimedOut => {
                return Err(e);
            }
            // The page sent a frame (only a close frame is expected): it is going away.
            Ok(_) => return Ok(()),
            Err(_) => {}
        }
    }
}

/// `Sec-WebSocket-Accept`: base64 of the SHA-1 of the key and the protocol's GUID.
fn websocket_accept(key: &str) -> String {
    let mut sha = Sha1::new();
    sha.update(key.trim().as_bytes());
    sha.update(b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
    base64(&sha.finalize())
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A poll watcher: modification time and size of every file under its roots.
#[derive(Debug, Default)]
struct Watcher {
    roots: Vec<PathBuf>,
    skip: PathBuf,
    seen: HashMap<PathBuf, (Option<SystemTime>, u64)>,
}

impl Watcher {
    /// What mdBook's poller watches, plus the verification record this preprocessor reads; never
    /// the build directory.
    fn set_roots(&mut self, book: &MDBook, build_dir: &Path) {
        let mut roots = vec![book.source_dir(), book.theme_dir(), book.root.join("book.toml")];
        roots.extend(book.config.build.extra_watch_dirs.iter().map(|p| book.root.join(p)));
        if let Some(html) = book.config.html_config() {
            roots.extend(html.additional_css.iter().chain(&html.additional_js).map(|p| book.root.join(p)));
        }
        if let Ok(Some(record)) = book.config.get::<String>("preprocessor.configcheck.verification") {
            roots.push(book.root.join(record));
        }
        self.roots = roots;
        self.skip = build_dir.to_path_buf();
    }

    /// The files added, changed or removed since the last scan.
    fn scan(&mut self) -> Vec<PathBuf> {
        let mut now = HashMap::with_capacity(self.seen.len());
        for root in &self.roots {
            walk(root, &self.skip, 0, &mut now);
        }
        let mut changed: Vec<PathBuf> = now
            .iter()
            .filter(|(path, data)| self.seen.get(*path) != Some(*data))
            .map(|(path, _)| path.clone())
            .chain(self.seen.keys().filter(|path| !now.contains_key(*path)).cloned())
            .collect();
        changed.sort();
        self.seen = now;
        changed
    }
}

fn walk(path: &Path, skip: &Path, depth: usize, out: &mut HashMap<PathBuf, (Option<SystemTime>, u64)>) {
    if depth > MAX_DEPTH || path.starts_with(skip) {
        return;
    }
    let Ok(meta) = std::fs::metadata(path) else { return };
    if meta.is_dir() {
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            walk(&entry.path(), skip, depth + 1, out);
        }
    } else {
        out.insert(path.to_path_buf(), (meta.modified().ok(), meta.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_websocket_accept_value_is_rfc_6455s_example() {
        // RFC 6455, section 1.3.
        assert_eq!(websocket_accept("dGhlIHNhbXBsZSBub25jZQ=="), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    #[test]
    fn base64_pads_as_rfc_4648() {
        for (input, output) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64(input.as_bytes()), output);
        }
    }

    #[test]
    fn request_paths_never_leave_the_build_directory() {
        assert_eq!(safe_relative("/"), Some(PathBuf::new()));
        assert_eq!(safe_relative("/guide/netbox.html"), Some(PathBuf::from("guide/netbox.html")));
        assert_eq!(safe_relative("/./a//b"), Some(PathBuf::from("a/b")));
        assert_eq!(safe_relative("/../etc/passwd"), None);
        assert_eq!(safe_relative("/a/../../b"), None);
        assert_eq!(safe_relative("/a\\..\\b"), None);
        assert_eq!(percent_decode("/a%2e%2e/%2E%2E/x").as_deref(), Some("/a../../x"));
        assert_eq!(safe_relative("/a../../x"), None);
        assert_eq!(percent_decode("/bad%zz"), None);
        assert_eq!(percent_decode("/cut%2"), None);
    }
}
