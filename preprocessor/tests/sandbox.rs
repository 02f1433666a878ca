//! A hostile book against `nginx-test = true`: what nginx is allowed to load, read and write when
//! the tool runs `nginx -t` on a book's blocks (issue 11, SECURITY.md). Each case is a block that
//! the static checks find clean, run through the real binary with the real nginx.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// A book with one chapter holding `blocks` (Markdown), with `nginx -t` on.
fn book(blocks: &str) -> tempfile::TempDir {
    let book = tempfile::tempdir().unwrap();
    for (path, text) in [
        ("book.toml", "[book]\ntitle = \"t\"\n\n[preprocessor.configcheck]\nnginx-test = true\n".to_string()),
        ("src/SUMMARY.md", "- [nginx](nginx.md)\n".to_string()),
        ("src/nginx.md", format!("# nginx\n\n{blocks}")),
    ] {
        std::fs::create_dir_all(book.path().join(path).parent().unwrap()).unwrap();
        std::fs::write(book.path().join(path), text).unwrap();
    }
    book
}

/// An nginx block in a chapter: the site, with `extra` lines inside `server {}` and `after` after it.
fn site(extra: &str, after: &str) -> String {
    format!(
        "```nginx,check=nginx\nserver {{\n    listen 443 ssl;\n    server_name netbox.internaldomain.com;\n    ssl_certificate /etc/ssl/certs/netbox.crt;\n    ssl_certificate_key /etc/ssl/private/netbox.key;\n    client_max_body_size 25m;\n{extra}    location / {{\n        proxy_pass http://127.0.0.1:8001;\n        proxy_set_header X-Forwarded-Host $http_host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }}\n}}\n{after}```\n"
    )
}

/// `check --format json` on a book: (exit code, report, stderr).
fn check(book: &Path) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["check", book.to_str().unwrap(), "--format", "json"])
        .env_remove("MDBOOK_PREPROCESSOR__CONFIGCHECK__STRICT")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let report = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap_or(-1), report, stderr)
}

fn diagnostics(report: &Value) -> Vec<(String, u64, String)> {
    report["diagnostics"]
        .as_array()
        .map(|all| {
            all.iter()
                .map(|d| {
                    (
                        d["rule"].as_str().unwrap().to_string(),
                        d["line"].as_u64().unwrap(),
                        d["message"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The chapter line (1-based) of the first line containing `needle`.
fn line_of(book: &Path, needle: &str) -> u64 {
    let text = std::fs::read_to_string(book.join("src/nginx.md")).unwrap();
    text.lines().position(|l| l.contains(needle)).expect(needle) as u64 + 1
}

/// A shared library whose constructor creates `marker`: proof that something loaded it.
fn library_that_leaves(dir: &Path, marker: &Path) -> std::path::PathBuf {
    let source = dir.join("evil.c");
    let library = dir.join("evil.so");
    std::fs::write(
        &source,
        format!(
            "#include <stdio.h>\n__attribute__((constructor)) static void ran(void) {{ FILE *f = fopen({:?}, \"w\"); if (f) fclose(f); }}\n",
            marker.to_str().unwrap()
        ),
    )
    .unwrap();
    let status = Command::new("cc").args(["-shared", "-fPIC", "-o"]).arg(&library).arg(&source).status().unwrap();
    assert!(status.success(), "cc builds the test library");
    library
}

#[test]
fn a_certificate_key_from_an_engine_is_refused_and_never_loaded() {
    let outside = tempfile::tempdir().unwrap();
    let marker = outside.path().join("engine-ran");
    let library = library_that_leaves(outside.path(), &marker);
    let certificate = outside.path().join("client.crt");
    let status = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=t", "-keyout"])
        .arg(outside.path().join("client.key"))
        .arg("-out")
        .arg(&certificate)
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    // nginx loads a proxy client key when the upstream is https and a client certificate is set.
    let block = format!(
        "    location /api/ {{\n        proxy_pass https://127.0.0.1:8443;\n        proxy_ssl_certificate {};\n        proxy_ssl_certificate_key engine:{}:key;\n    }}\n",
        certificate.display(),
        library.display()
    );
    let book = book(&site(&block, ""));
    let (_, report, stderr) = check(book.path());
    assert!(!marker.exists(), "nginx -t loaded the book's library: {stderr}");
    let found = diagnostics(&report);
    let at = line_of(book.path(), "proxy_ssl_certificate_key");
    assert!(
        found.iter().any(|(rule, l, message)| rule == "nginx/code-loading-directive"
            && *l == at
            && message.contains("proxy_ssl_certificate_key")
            && message.contains("engine:")),
        "{found:#?} {stderr}"
    );
}

#[test]
fn load_module_and_ssl_engine_are_refused_before_nginx_runs() {
    let outside = tempfile::tempdir().unwrap();
    let marker = outside.path().join("module-ran");
    let library = library_that_leaves(outside.path(), &marker);
    for directive in ["load_module", "ssl_engine"] {
        let after = format!("{directive} {};\n", library.display());
        let book = book(&site("", &after));
        let (_, report, stderr) = check(book.path());
        assert!(!marker.exists(), "{directive}: nginx -t loaded the book's library: {stderr}");
        let found = diagnostics(&report);
        let at = line_of(book.path(), directive);
        assert!(
            found.iter().any(|(rule, l, message)| rule == "nginx/code-loading-directive"
                && *l == at
                && message.contains(&format!("`{directive}`"))),
            "{directive}: {found:#?}"
        );
    }
}

#[test]
fn a_comment_right_after_a_semicolon_cannot_close_the_wrapper_nginx_puts_around_the_site() {
    // nginx reads `;#` as the end of a directive and a comment; a reader that took `#` for an
    // argument would see `# {` open a block, and the stray `}` below would close the `http {}`
    // the tool wraps the site in, putting what follows in nginx's main context.
    let outside = tempfile::tempdir().unwrap();
    let marker = outside.path().join("engine-ran");
    let library = library_that_leaves(outside.path(), &marker);
    let block = format!(
        "```nginx,check=nginx\nserver {{\n    listen 80;# {{\n    server_name netbox.internaldomain.com;\n}}\n}}\nssl_engine {};\n```\n",
        library.display()
    );
    let book = book(&block);
    let (_, report, stderr) = check(book.path());
    assert!(!marker.exists(), "nginx -t loaded the book's library: {stderr}");
    let found = diagnostics(&report);
    // Our reading agrees with nginx's: the second `}` closes nothing.
    let text = std::fs::read_to_string(book.path().join("src/nginx.md")).unwrap();
    let stray = text.lines().position(|l| l == "}").unwrap() as u64 + 2;
    assert!(
        found.iter().any(|(rule, l, message)| rule == "configcheck/syntax-error"
            && *l == stray
            && message.contains("unexpected \"}\"")),
        "{found:#?} {stderr}"
    );
}

#[test]
fn logs_cannot_be_written_outside_the_sandbox() {
    let outside = tempfile::tempdir().unwrap();
    let access = outside.path().join("access.log");
    let error = outside.path().join("error.log");
    let extra = format!("    access_log {};\n    error_log {};\n", access.display(), error.display());
    let book = book(&site(&extra, ""));
    let (code, report, stderr) = check(book.path());
    assert!(!access.exists() && !error.exists(), "nginx -t wrote outside its sandbox: {stderr}");
    // A reader's log paths do not exist here; that is no fault of the site.
    assert_eq!(code, 0, "{report:#} {stderr}");
    assert!(diagnostics(&report).is_empty(), "{report:#}");
}

#[test]
fn an_included_file_outside_the_book_never_reaches_a_finding() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret");
    std::fs::write(&secret, "configcheck_secret_value_4711;\n").unwrap();
    let extra = format!("    include {};\n", secret.display());
    let book = book(&site(&extra, ""));
    let (_, report, stderr) = check(book.path());
    let everything = format!("{report} {stderr}");
    assert!(!everything.contains("configcheck_secret_value_4711"), "the file's content leaked: {everything}");
    // nginx, in its sandbox, cannot open the file: that is the finding, at the include line.
    let at = line_of(book.path(), "include");
    assert!(
        diagnostics(&report)
            .iter()
            .any(|(rule, l, m)| rule == "nginx/syntax-test-failed" && *l == at && m.contains("open()")),
        "{report:#}"
    );
}

#[test]
fn without_bubblewrap_nginx_is_not_run_unconfined_and_the_error_names_the_fix() {
    let outside = tempfile::tempdir().unwrap();
    let access = outside.path().join("access.log");
    let book = book(&site(&format!("    access_log {};\n", access.display()), ""));
    let out = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["check", book.path().to_str().unwrap()])
        .env("CONFIGCHECK_BWRAP", "/nonexistent/bwrap")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bubblewrap") && stderr.contains("nginx-test = false"), "{stderr}");
}
