//! Opt-in executable checks: `nginx -t` on the guide's nginx files (`nginx-test = true`).
//!
//! A book is untrusted input (SECURITY.md). Before nginx sees a file, directives that make it
//! load code are refused (`nginx/code-loading-directive`); a file that does not parse is not run
//! either (our reading is nginx's own, [`crate::parse::nginx_lexer`]). nginx then runs in
//! [`sandbox`]: no privileges, its own namespaces, a read-only filesystem of nginx, its libraries
//! and the generated files, a private `/tmp`, a time limit and an output cap.
//!
//! The site is wrapped in a minimal main configuration (`events {}`, `http { … }`) at
//! `/etc/nginx/nginx.conf` inside the sandbox, beside copies of Debian's stock files
//! (`mime.types`, `proxy_params`, …) so that a site's `include proxy_params;` reads what a
//! reader's would. The reader's certificate paths point at a throw-away self-signed pair, log
//! paths at the private `/tmp`: neither exists here. nginx's own messages (`… in FILE:LINE`) are
//! mapped back to the chapter.

pub mod sandbox;

use std::collections::HashMap;
use std::ffi::OsString;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

use self::sandbox::Sandbox;
use crate::extract::{Block, Kind};
use crate::finding::BlockId;
use crate::finding::Finding;
use crate::model::{self, FileBlocks};
use crate::parse::Parsed;
use crate::parse::nginx::{NginxFile, walk};
use crate::rules::nginx::code_loading_directive::{CODE_LOADING_DIRECTIVE, refusal};
use crate::rules::nginx::syntax_test_failed::SYNTAX_TEST_FAILED;

/// Where nginx finds its configuration inside the sandbox.
const CONF_DIR: &str = "/etc/nginx";
const CONF: &str = "/etc/nginx/nginx.conf";
const CERT: &str = "/etc/nginx/configcheck-snakeoil.crt";
const KEY: &str = "/etc/nginx/configcheck-snakeoil.key";
/// The sandbox's private, writable directory.
const TMP: &str = "/tmp";

/// Debian's stock files beside nginx.conf, which a site may include; copied when present.
const STOCK_FILES: &[&str] =
    &["mime.types", "proxy_params", "fastcgi_params", "fastcgi.conf", "scgi_params", "uwsgi_params"];

/// A generated main configuration: which line of it came from which block.
struct Wrapped {
    text: String,
    /// `(first line in the wrapper, block index, byte offset of each of its lines in the block)`.
    parts: Vec<(usize, usize, Vec<usize>)>,
}

/// The nginx to run: `CONFIGCHECK_NGINX` if set, else nginx on PATH or where Debian installs it.
fn nginx_binary() -> Option<PathBuf> {
    sandbox::program("CONFIGCHECK_NGINX", "nginx", "/usr/sbin/nginx")
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
    // The throw-away certificate, made once in a private directory and copied into each sandbox.
    let private = tempfile::Builder::new()
        .prefix("mdbook-configcheck-")
        .tempdir()
        .context("cannot create a temporary directory for `nginx -t`")?;
    let (cert, key) = snakeoil(private.path())?;
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
    for group in &groups {
        if group.iter().any(|i| parsed.get(i).is_some_and(|f| !f.syntax_errors.is_empty())) {
            continue; // Already reported as a syntax error; nginx would only repeat it.
        }
        let refused = refusals(blocks, &parsed, group);
        if !refused.is_empty() {
            findings.extend(refused);
            continue; // nginx never sees a file that loads code.
        }
        let sandbox = Sandbox::new("nginx-test")?;
        let etc = sandbox.staging().join("etc-nginx");
        std::fs::create_dir_all(&etc).with_context(|| format!("cannot create {}", etc.display()))?;
        for name in STOCK_FILES {
            let stock = Path::new(CONF_DIR).join(name);
            if std::fs::symlink_metadata(&stock).is_ok_and(|m| m.is_file() && m.len() < 1 << 20) {
                std::fs::copy(&stock, etc.join(name)).with_context(|| format!("cannot copy {}", stock.display()))?;
            }
        }
        std::fs::copy(&cert, etc.join("configcheck-snakeoil.crt")).context("cannot stage the certificate")?;
        std::fs::copy(&key, etc.join("configcheck-snakeoil.key")).context("cannot stage the certificate")?;
        let wrapped = wrap(blocks, &parsed, group);
        std::fs::write(etc.join("nginx.conf"), &wrapped.text).context("cannot write nginx.conf for `nginx -t`")?;
        let args: Vec<OsString> =
            ["-t", "-p", "/tmp/", "-e", "stderr", "-c", CONF].into_iter().map(OsString::from).collect();
        let output = sandbox.run(&nginx, &args, &[(etc, CONF_DIR)])?;
        // nginx -t always ends with its verdict: without it, nginx did not run (or was cut off).
        let verdict = format!("configuration file {CONF} test ");
        if output.truncated || !output.stderr.contains(&verdict) {
            let said: String = output.stderr.lines().take(5).collect::<Vec<_>>().join("; ");
            bail!(
                "`nginx -t` did not run to its end in its sandbox{}: {said}",
                if output.truncated { " (its output passed the cap)" } else { "" }
            );
        }
        if output.success {
            continue;
        }
        let mut mapped = false;
        for line in output.stderr.lines() {
            let Some((message, at)) = parse_message(line, Path::new(CONF)) else { continue };
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
            let text = output
                .stderr
                .trim()
                .lines()
                .filter(|l| !l.contains("test failed") && !l.contains("syntax is ok"))
                .collect::<Vec<_>>()
                .join("; ");
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

/// The findings for directives of a file that nginx must not read.
fn refusals(blocks: &[Block], parsed: &HashMap<usize, &NginxFile>, group: &[usize]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for &i in group {
        let Some(file) = parsed.get(&i) else { continue };
        walk(&file.directives, &mut |d| {
            if let Some(why) = refusal(d) {
                findings.push(Finding::in_block(
                    &CODE_LOADING_DIRECTIVE,
                    blocks[i].id,
                    d.range.clone(),
                    format!("{why}: `nginx -t` is not run on this file"),
                ));
            }
        });
    }
    findings
}

fn wrap(blocks: &[Block], parsed: &HashMap<usize, &NginxFile>, group: &[usize]) -> Wrapped {
    let mut text = format!(
        "# generated by mdbook-configcheck for `nginx -t`\npid {tmp}/nginx.pid;\nerror_log stderr;\nevents {{}}\nhttp {{\n    access_log off;\n    client_body_temp_path {tmp};\n    proxy_temp_path {tmp};\n    fastcgi_temp_path {tmp};\n    uwsgi_temp_path {tmp};\n    scgi_temp_path {tmp};\n",
        tmp = TMP
    );
    let mut parts = Vec::new();
    for &i in group {
        let block = &blocks[i];
        // The reader's certificates and log directories do not exist here: a throw-away pair and
        // the sandbox's private /tmp stand in.
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        if let Some(file) = parsed.get(&i) {
            walk(&file.directives, &mut |d| {
                let replacement = match d.name.as_str() {
                    "ssl_certificate" => Some(CERT.to_string()),
                    "ssl_certificate_key" => Some(KEY.to_string()),
                    "access_log" | "error_log" => d.args.first().and_then(|a| {
                        let kept = ["off", "stderr"].contains(&a.text.as_str())
                            || a.text.starts_with("syslog:")
                            || a.text.starts_with("memory:");
                        (!kept).then(|| format!("{TMP}/{}.log", d.name))
                    }),
                    _ => None,
                };
                if let (Some(path), Some(arg)) = (replacement, d.args.first()) {
                    edits.push((arg.range.clone(), quoted(Path::new(&path))));
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
