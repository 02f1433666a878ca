//! Opt-in executable checks: `nginx -t` on the guide's nginx files (`nginx-test = true`).
//!
//! The site is wrapped in a minimal main configuration (`events {}`, `http { … }`) in a temporary
//! prefix, its certificate paths point at a throw-away self-signed pair, and nginx runs with a
//! timeout in a network namespace of its own when `unshare` is available (no network, no clash
//! with ports in use). nginx's own messages (`… in FILE:LINE`) are mapped back to the chapter.

use std::collections::HashMap;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::extract::{Block, Kind};
use crate::finding::BlockId;
use crate::finding::Finding;
use crate::model::{self, FileBlocks};
use crate::parse::Parsed;
use crate::parse::nginx::{NginxFile, walk};
use crate::rules::nginx::syntax_test_failed::SYNTAX_TEST_FAILED;

const TIMEOUT: Duration = Duration::from_secs(20);

/// A generated main configuration: which line of it came from which block.
struct Wrapped {
    text: String,
    /// `(first line in the wrapper, block index, byte offset of each of its lines in the block)`.
    parts: Vec<(usize, usize, Vec<usize>)>,
}

/// The nginx to run: `CONFIGCHECK_NGINX` if set, else nginx on PATH or where Debian installs it.
fn nginx_binary() -> Option<PathBuf> {
    if let Some(chosen) = std::env::var_os("CONFIGCHECK_NGINX") {
        let chosen = PathBuf::from(chosen);
        return chosen.is_file().then_some(chosen);
    }
    let from_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|dir| dir.join("nginx"));
    from_path.chain([PathBuf::from("/usr/sbin/nginx")]).find(|p| p.is_file())
}

/// Run `nginx -t` on the main nginx file(s) and on each nginx variant.
pub fn nginx_test(blocks: &[Block], parsed: &[(BlockId, Parsed)]) -> Result<Vec<Finding>> {
    let parsed: HashMap<usize, &NginxFile> = parsed
        .iter()
        .filter_map(|(id, parsed)| match parsed {
            Parsed::Nginx(file) => Some((id.0, file)),
            _ => None,
        })
        .collect();
    let nginx_blocks: Vec<usize> =
        blocks.iter().enumerate().filter(|(_, b)| b.kind == Kind::Nginx).map(|(i, _)| i).collect();
    if nginx_blocks.is_empty() {
        return Ok(Vec::new());
    }
    let Some(nginx) = nginx_binary() else {
        bail!(
            "book.toml enables `nginx-test`, but nginx is not installed (looked at $CONFIGCHECK_NGINX, on PATH and at /usr/sbin/nginx): install it (Debian: apt-get install nginx-light) or set `nginx-test = false`"
        );
    };
    // A fresh directory of a random name, made for this run alone (not a predictable path in a
    // shared /tmp).
    let prefix = tempfile::Builder::new()
        .prefix("mdbook-configcheck-")
        .tempdir()
        .context("cannot create a temporary directory for `nginx -t`")?;
    let (cert, key) = snakeoil(prefix.path())?;
    // Each nginx file of the main deployment, then the file each nginx variant makes.
    let main = model::main_files(blocks);
    let ids = |file: &FileBlocks<'_>| file.blocks.iter().map(|b| b.id.0).collect::<Vec<usize>>();
    let mut groups: Vec<Vec<usize>> = main.iter().filter(|f| f.kind == Kind::Nginx).map(ids).collect();
    for &i in nginx_blocks.iter().filter(|&&i| !blocks[i].is_main()) {
        let mut files = main.clone();
        model::apply_variant(&mut files, &blocks[i]);
        groups.extend(files.iter().filter(|f| f.kind == Kind::Nginx && f.file == blocks[i].file).map(ids));
    }
    let mut findings = Vec::new();
    for (n, group) in groups.iter().enumerate() {
        if group.iter().any(|i| parsed.get(i).is_some_and(|f| !f.syntax_errors.is_empty())) {
            continue; // Already reported as a syntax error; nginx would only repeat it.
        }
        let dir = prefix.path().join(format!("t{n}"));
        std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let wrapped = wrap(blocks, &parsed, group, &dir, &cert, &key);
        let conf = dir.join("nginx.conf");
        std::fs::write(&conf, &wrapped.text).with_context(|| format!("cannot write {}", conf.display()))?;
        let output = run_nginx(&nginx, &dir, &conf)?;
        if output.success {
            continue;
        }
        let mut mapped = false;
        for line in output.stderr.lines() {
            let Some((message, at)) = parse_message(line, &conf) else { continue };
            if let Some((block, range)) = locate(&wrapped, blocks, at) {
                findings.push(Finding::in_block(
                    &SYNTAX_TEST_FAILED,
                    blocks[block].id,
                    range,
                    format!("`nginx -t` fails: {message}"),
                ));
                mapped = true;
            }
        }
        if !mapped {
            let first = &blocks[group[0]];
            let text =
                output.stderr.trim().lines().filter(|l| !l.contains("test failed")).collect::<Vec<_>>().join("; ");
            findings.push(Finding::at(
                &SYNTAX_TEST_FAILED,
                Some(first.id),
                first.fence_site(),
                format!("`nginx -t` fails: {text}"),
            ));
        }
    }
    Ok(findings)
}

fn wrap(
    blocks: &[Block],
    parsed: &HashMap<usize, &NginxFile>,
    group: &[usize],
    dir: &Path,
    cert: &Path,
    key: &Path,
) -> Wrapped {
    let mut text = format!(
        "# generated by mdbook-configcheck for `nginx -t`\npid {pid};\nerror_log stderr;\nevents {{}}\nhttp {{\n    access_log off;\n    client_body_temp_path {dir};\n    proxy_temp_path {dir};\n    fastcgi_temp_path {dir};\n    uwsgi_temp_path {dir};\n    scgi_temp_path {dir};\n",
        pid = quoted(&dir.join("nginx.pid")),
        dir = quoted(dir)
    );
    let mut parts = Vec::new();
    for &i in group {
        let block = &blocks[i];
        // Certificates: the reader's paths do not exist here; a throw-away pair stands in.
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        if let Some(file) = parsed.get(&i) {
            walk(&file.directives, &mut |d| {
                let replacement = match d.name.as_str() {
                    "ssl_certificate" => Some(cert),
                    "ssl_certificate_key" => Some(key),
                    _ => None,
                };
                if let (Some(path), Some(arg)) = (replacement, d.args.first()) {
                    edits.push((arg.range.clone(), quoted(path)));
                }
            });
        }
        let mut body = block.text.clone();
        edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
        for (range, replacement) in edits {
            body.replace_range(range, &replacement);
        }
        let first_line = text.lines().count() + 1;
        let offsets: Vec<usize> =
            std::iter::once(0).chain(block.text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        parts.push((first_line, i, offsets));
        text.push_str(&body);
        if !body.ends_with('\n') {
            text.push('\n');
        }
    }
    text.push_str("}\n");
    Wrapped { text, parts }
}

/// A path as an nginx string: quoted, so that a temporary directory with spaces or `;` in its
/// name still makes one argument.
fn quoted(path: &Path) -> String {
    format!("\"{}\"", path.display().to_string().replace('\\', "\\\\").replace('"', "\\\""))
}

/// The block and the range of the line a wrapper line came from.
fn locate(wrapped: &Wrapped, blocks: &[Block], line: usize) -> Option<(usize, Range<usize>)> {
    let (first, block, offsets) = wrapped.parts.iter().rev().find(|(first, _, _)| *first <= line)?;
    let start = *offsets.get(line - first)?;
    let text = &blocks[*block].text;
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let indent = text[start..end].len() - text[start..end].trim_start().len();
    Some((*block, start + indent..end))
}

/// `nginx: [emerg] unknown directive "proxy_passs" in /tmp/…/nginx.conf:12`.
fn parse_message(line: &str, conf: &Path) -> Option<(String, usize)> {
    let after = line.split_once("] ")?;
    if !(after.0.ends_with("[emerg")
        || after.0.ends_with("[alert")
        || after.0.ends_with("[crit")
        || after.0.ends_with("[error"))
    {
        return None;
    }
    let marker = format!(" in {}:", conf.display());
    let (message, line_number) = after.1.rsplit_once(&marker)?;
    // nginx prefixes `PID#TID: `.
    let message = match message.split_once(": ") {
        Some((ids, rest)) if ids.chars().all(|c| c.is_ascii_digit() || c == '#') => rest,
        _ => message,
    };
    Some((message.to_string(), line_number.trim().parse().ok()?))
}

struct NginxOutput {
    success: bool,
    stderr: String,
}

fn run_nginx(nginx: &Path, dir: &Path, conf: &Path) -> Result<NginxOutput> {
    let isolated = Path::new("/usr/bin/unshare").is_file() && is_root();
    let mut command = if isolated {
        let mut c = Command::new("/usr/bin/unshare");
        // A network namespace of its own: no network, and `listen 443` cannot clash with a port in use.
        c.args(["--net", "--", "sh", "-c", "ip link set lo up 2>/dev/null; exec \"$0\" \"$@\""]).arg(nginx);
        c
    } else {
        Command::new(nginx)
    };
    command
        .arg("-t")
        .arg("-q")
        .arg("-p")
        .arg(dir)
        .arg("-e")
        .arg("stderr")
        .arg("-c")
        .arg(conf)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = command.spawn().with_context(|| format!("cannot run {}", nginx.display()))?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            let mut stderr = String::new();
            if let Some(mut pipe) = child.stderr.take() {
                let _ = pipe.read_to_string(&mut stderr);
            }
            return Ok(NginxOutput { success: status.success(), stderr });
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            bail!("`nginx -t` did not finish within {} s", TIMEOUT.as_secs());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("Uid:")).map(|l| l.split_whitespace().nth(1) == Some("0")))
        .unwrap_or(false)
}

/// A throw-away self-signed certificate and key.
fn snakeoil(dir: &Path) -> Result<(PathBuf, PathBuf)> {
    let cert = dir.join("snakeoil.crt");
    let key = dir.join("snakeoil.key");
    let status = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=configcheck.invalid",
            "-keyout",
        ])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .context("`nginx -t` needs a throw-away certificate, made with `openssl`, which could not run")?;
    if !status.success() {
        bail!("openssl could not make the throw-away certificate for `nginx -t`");
    }
    Ok((cert, key))
}
