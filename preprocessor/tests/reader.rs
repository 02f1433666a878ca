//! The reader's path and the contributor's loop (issue 13): the embedded `build` renders what
//! `mdbook build` renders, shows mdBook's own warnings, and prints little when all is well.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

mod common;

use common::copy_dir;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"));
    command.env_remove("MDBOOK_PREPROCESSOR__CONFIGCHECK__STRICT").env_remove("MDBOOK_LOG").env("NO_COLOR", "1");
    command
}

/// A copy of the guide (book.toml, chapters, verification record) in a scratch directory.
fn guide_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(root().join("book.toml"), dir.path().join("book.toml")).unwrap();
    copy_dir(&root().join("src"), &dir.path().join("src"));
    copy_dir(&root().join("verification"), &dir.path().join("verification"));
    dir
}

/// Every file under `dir`, by relative path, with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                out.insert(path.strip_prefix(base).unwrap().to_path_buf(), fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn embedded_build(book: &Path, dest: &Path) -> Output {
    bin().args(["build", book.to_str().unwrap(), "-d", dest.to_str().unwrap()]).output().unwrap()
}

/// The `mdbook` command to compare with: `MDBOOK_CLI`, else `mdbook` on the PATH, if it is 0.5.4
/// (the version of the mdBook crates this tool embeds). Install it as released, from its own
/// lock file: `cargo install mdbook --version 0.5.4 --locked`.
fn mdbook_cli() -> Option<PathBuf> {
    let named = std::env::var_os("MDBOOK_CLI");
    let cli = named.clone().map_or_else(|| PathBuf::from("mdbook"), PathBuf::from);
    let version = Command::new(&cli).arg("--version").output().ok();
    let found = version.is_some_and(|v| String::from_utf8_lossy(&v.stdout).contains("v0.5.4"));
    // Named on purpose (CI names it): never fall back to the weaker comparison silently.
    assert!(found || named.is_none(), "MDBOOK_CLI={} is not a runnable mdbook v0.5.4", cli.display());
    found.then_some(cli)
}

#[test]
fn the_embedded_build_writes_the_files_mdbook_build_writes_search_included() {
    // `mdbook build` of the guide, running this binary through the preprocessor protocol as
    // book.toml's command. With the real mdbook 0.5.4 command when there is one; else the mdBook
    // library as that command drives it (MDBook::load, then build), which shares this binary's
    // dependencies and so cannot see a difference in them (it found none where the command found
    // elasticlunr-rs 3.1 and serde_json's key order).
    let by_mdbook = guide_copy();
    let toml_path = by_mdbook.path().join("book.toml");
    let toml = fs::read_to_string(&toml_path).unwrap().replacen(
        "[preprocessor.configcheck]\n",
        &format!("[preprocessor.configcheck]\ncommand = {:?}\n", env!("CARGO_BIN_EXE_mdbook-configcheck")),
        1,
    );
    fs::write(&toml_path, toml).unwrap();
    match mdbook_cli() {
        Some(cli) => {
            let out = Command::new(cli)
                .arg("build")
                .current_dir(by_mdbook.path())
                .env_remove("MDBOOK_PREPROCESSOR__CONFIGCHECK__STRICT")
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
        None => {
            eprintln!("no mdbook 0.5.4 command (MDBOOK_CLI or PATH): comparing with the mdBook library");
            mdbook_driver::MDBook::load(by_mdbook.path()).unwrap().build().unwrap();
        }
    }
    let expected = tree(&by_mdbook.path().join("book"));

    let embedded = guide_copy();
    let dest = tempfile::tempdir().unwrap();
    let out = embedded_build(embedded.path(), dest.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got = tree(dest.path());

    assert!(expected.keys().any(|p| p.to_string_lossy().starts_with("searchindex")), "mdbook build has a search index");
    let only_mdbook: Vec<_> = expected.keys().filter(|p| !got.contains_key(*p)).collect();
    let only_embedded: Vec<_> = got.keys().filter(|p| !expected.contains_key(*p)).collect();
    assert!(
        only_mdbook.is_empty() && only_embedded.is_empty(),
        "only mdbook: {only_mdbook:?}; only embedded: {only_embedded:?}"
    );
    let differing: Vec<_> = expected.iter().filter(|(p, bytes)| got[*p] != **bytes).map(|(p, _)| p).collect();
    assert!(differing.is_empty(), "files that differ: {differing:?}");
    let index = String::from_utf8(got[Path::new("index.html")].clone()).unwrap();
    assert!(index.contains("id=\"mdbook-searchbar\""), "the search box is on the page");
}

#[test]
fn mdbooks_own_warnings_show_in_the_embedded_build() {
    let dest = tempfile::tempdir().unwrap();
    let out = embedded_build(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mdbook-warnings"), dest.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("WARN unclosed HTML tag `<unclosed>` found in `chapter.md`"), "{stderr}");
    assert!(stderr.contains("INFO Running the html backend"), "{stderr}");
}

#[test]
fn the_guides_reference_shows_its_placeholders_and_mdbook_warns_about_nothing() {
    let dest = tempfile::tempdir().unwrap();
    let out = embedded_build(&root(), dest.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains(" WARN "), "{stderr}");
    let reference = fs::read_to_string(dest.path().join("reference.html")).unwrap();
    for placeholder in ["/application/o/&lt;slug&gt;/", "&lt;app-slug&gt;", "&lt;application slug&gt;"] {
        assert!(reference.contains(placeholder), "{placeholder} is on the page");
    }
}

/// A copy of the guide with the line `right` of the NetBox chapter's main block made `wrong`,
/// built (the strict build must fail): the copy, the build's directory and its stderr.
fn broken_guide(right: &str, wrong: &str) -> (tempfile::TempDir, tempfile::TempDir, String) {
    let guide = guide_copy();
    let chapter = guide.path().join("src/netbox.md");
    let text = fs::read_to_string(&chapter).unwrap();
    assert!(text.contains(right), "the NetBox chapter's main block");
    fs::write(&chapter, text.replacen(right, wrong, 1)).unwrap();
    let dest = tempfile::tempdir().unwrap();
    let out = embedded_build(guide.path(), dest.path());
    assert!(!out.status.success(), "the guide's strict build fails");
    let stderr = String::from_utf8(out.stderr).unwrap();
    (guide, dest, stderr)
}

#[test]
fn one_broken_block_in_the_guide_prints_that_error_and_little_else() {
    let (guide, dest, stderr) = broken_guide(
        "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://authentik.yourdomain.com/application/o/netbox'\n",
        "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://authentik.yourdomain.com/application/o/grafana/'\n",
    );
    let lines = stderr.lines().count();
    assert!(lines <= 40, "{lines} lines:\n{stderr}");
    assert!(stderr.contains("error[flow/oidc-endpoint-mismatch]"), "{stderr}");
    assert!(stderr.contains("--> src/netbox.md:12:34"), "{stderr}");
    assert!(
        stderr.contains(
            "12 | SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://authentik.yourdomain.com/application/o/grafana/'"
        ),
        "the snippet: {stderr}"
    );
    assert!(stderr.contains("help: use https://<authentik host>/application/o/<application slug>/"), "{stderr}");
    assert!(!stderr.contains("note["), "no expected finding is listed: {stderr}");
    // As many as the JSON report marks expected (the guide's count changes as it grows).
    let json = bin().args(["check", guide.path().to_str().unwrap(), "--format", "json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let expected = report["diagnostics"].as_array().unwrap().iter().filter(|d| d["expected"] == true).count();
    assert!(expected > 50, "{expected}");
    assert!(
        stderr.contains(&format!("{expected} expected findings shown on purpose (--verbose lists them")),
        "{stderr}"
    );

    // --verbose lists the expected findings too.
    let out = bin()
        .args(["build", guide.path().to_str().unwrap(), "-d", dest.path().to_str().unwrap(), "--verbose"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches("\nnote[").count(), expected, "{stderr}");
}

/// Breaking a line of the main deployment that every variant builds on (ALLOWED_HOSTS) makes
/// variants report consequences too; the terminal shows the cause and counts the rest.
#[test]
fn a_broken_main_block_is_shown_first_and_its_consequences_are_counted() {
    let (guide, _dest, stderr) = broken_guide(
        "ALLOWED_HOSTS = ['netbox.internaldomain.com']\n",
        "ALLOWED_HOSTS = 'netbox.internaldomain.com'\n",
    );
    assert!(stderr.lines().count() <= 40, "{} lines:\n{stderr}", stderr.lines().count());
    assert!(stderr.contains("error[netbox/allowed-hosts-type]"), "{stderr}");
    assert!(stderr.contains("9 | ALLOWED_HOSTS = 'netbox.internaldomain.com'"), "the snippet: {stderr}");
    // The consequences exist (the strict build counts them) but are not printed one by one.
    let json = bin().args(["check", guide.path().to_str().unwrap(), "--format", "json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let errors = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error" && d["expected"] == false)
        .count();
    assert!(errors > 1, "variants report consequences: {errors}");
    assert_eq!(stderr.matches("\nerror[").count() + usize::from(stderr.starts_with("error[")), 1, "{stderr}");
    assert!(stderr.contains("in variants and deliberately wrong blocks"), "{stderr}");
}

/// A `serve` process, stopped when dropped.
struct Served(std::process::Child);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// GET a path: (status line, body).
fn get(port: u16, path: &str) -> (String, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    (head.lines().next().unwrap().to_string(), body.to_string())
}

#[test]
fn serve_shows_the_checks_and_reloads_the_page_after_a_change() {
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};
    let book = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expectations"), book.path());
    let port = free_port();
    let stderr = tempfile::NamedTempFile::new().unwrap();
    let _served = Served(
        bin()
            .args(["serve", book.path().to_str().unwrap(), "-n", "127.0.0.1", "-p", &port.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(stderr.reopen().unwrap())
            .spawn()
            .unwrap(),
    );
    let start = Instant::now();
    while !fs::read_to_string(stderr.path()).unwrap().contains("Serving on") {
        assert!(start.elapsed() < Duration::from_secs(60), "{}", fs::read_to_string(stderr.path()).unwrap());
        std::thread::sleep(Duration::from_millis(100));
    }
    let log = fs::read_to_string(stderr.path()).unwrap();
    assert!(log.contains("error[netbox/backend-path]"), "the findings are printed: {log}");

    // The page, with its finding boxes and mdBook's live-reload script; the book's 404 page.
    let (status, page) = get(port, "/troubleshooting.html");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(page.contains("Wrong on purpose") && page.contains("netbox/backend-path"), "the checks are in the page");
    assert!(page.contains("\"__livereload\""), "the reload script");
    let (status, missing) = get(port, "/no-such-page.html");
    assert_eq!(status, "HTTP/1.1 404 Not Found");
    assert!(missing.contains("Document not found"), "mdBook's 404 page");
    assert_eq!(get(port, "/../book.toml").0, "HTTP/1.1 400 Bad Request");

    // What the page's script does: open the WebSocket, and reload on "reload".
    let mut socket = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        socket,
        "GET /__livereload HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    .unwrap();
    let mut head = [0u8; 129];
    let n = socket.read(&mut head).unwrap();
    let head = String::from_utf8_lossy(&head[..n]).into_owned();
    assert!(head.starts_with("HTTP/1.1 101") && head.contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), "{head}");
    // A contributor fixes the backend path.
    let chapter = book.path().join("src/troubleshooting.md");
    let text = fs::read_to_string(&chapter).unwrap();
    fs::write(&chapter, text.replace("open_id_connect.OpenIdConnect'", "open_id_connect.OpenIdConnectAuth'")).unwrap();
    socket.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut frame = [0u8; 8];
    socket.read_exact(&mut frame).unwrap();
    assert_eq!(&frame, b"\x81\x06reload", "the reload message");
    let (_, page) = get(port, "/troubleshooting.html");
    assert!(!page.contains("netbox/backend-path"), "the rebuilt page has the fix and no longer that finding");
    let log = fs::read_to_string(stderr.path()).unwrap();
    assert!(log.contains("Files changed"), "{log}");
}

#[test]
fn a_near_identical_broken_copy_folds_the_lines_it_shares_with_the_working_file() {
    let book = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/folding"), book.path());
    let dest = tempfile::tempdir().unwrap();
    let out = embedded_build(book.path(), dest.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = fs::read_to_string(dest.path().join("nginx.html")).unwrap();
    // The working site is untouched; the broken copy (X-Forwarded-Proto dropped) is folded.
    assert_eq!(html.matches("<code class=\"language-nginx\">").count(), 1, "the working file is not folded");
    let start = html.find("<code class=\"language-nginx hidelines=@@\">").expect("the broken copy is folded");
    let code = &html[start..start + html[start..].find("</code>").unwrap()];
    assert!(html[..start].contains("Lines the same as in the working file are folded"), "the hint before the block");
    // Every line is still on the page (the eye button shows them), in order, without the prefix.
    let text = code.replace("<span class=\"boring\">", "").replace("</span>", "");
    let text = text[text.find('>').unwrap() + 1..].replace("&amp;", "&");
    let source = fs::read_to_string(book.path().join("src/nginx.md")).unwrap();
    let broken = source.split("expect=flow/csrf-origin-fails\n").nth(1).unwrap().split("```").next().unwrap();
    assert_eq!(text, broken, "the whole block, as written");
    // Hidden: lines shared with the working file, far from the change; shown: the lines around
    // the dropped header, and the `listen` line the findings point at.
    let boring: Vec<&str> =
        code.split("<span class=\"boring\">").skip(1).map(|s| s.split("</span>").next().unwrap()).collect();
    assert!(boring.iter().any(|l| l.contains("return 301")), "{boring:?}");
    assert!(boring.iter().any(|l| l.contains("ssl_certificate_key")), "{boring:?}");
    for shown in ["proxy_set_header X-Forwarded-Host", "proxy_set_header X-Real-IP", "listen [::]:443"] {
        assert!(!boring.iter().any(|l| l.contains(shown)), "{shown} stays visible: {boring:?}");
    }
    // The tinted line keeps its place in the folded view: `listen` is the block's second line
    // either way; a second gradient serves the folded view.
    assert!(html.contains("--configcheck-marks-folded: linear-gradient(to bottom, transparent 1lh"), "{html}");
    // Checking reads the block whole: the findings are the same as without folding.
    let report = bin().args(["check", book.path().to_str().unwrap(), "--format", "json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let rules: Vec<&str> =
        report["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["flow/csrf-origin-fails", "nginx/missing-forwarded-proto"]);
}

#[test]
fn markdown_renderers_get_the_label_before_the_block_too() {
    let book = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expectations"), book.path());
    let toml = book.path().join("book.toml");
    fs::write(&toml, fs::read_to_string(&toml).unwrap() + "\n[output.html]\n[output.markdown]\n").unwrap();
    let dest = tempfile::tempdir().unwrap();
    let out = embedded_build(book.path(), dest.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let md = fs::read_to_string(dest.path().join("markdown/troubleshooting.md")).unwrap();
    let label = md.find("**Wrong on purpose — do not copy:**\n\n```python\nSOCIAL_AUTH_LOGIN_REDIRECT_URL = True\n```");
    assert!(label.is_some(), "{md}");
    let main = fs::read_to_string(dest.path().join("markdown/main.md")).unwrap();
    assert!(!main.contains("Wrong on purpose"), "{main}");
}
