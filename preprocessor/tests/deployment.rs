//! The whole deployment: nginx, NetBox and Authentik blocks checked against each other, through
//! the real binary on fixture books.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(name)
}

fn check(name: &str, extra: &[&str]) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["check", fixture(name).to_str().unwrap(), "--format", "json"])
        .args(extra)
        .env_remove("MDBOOK_PREPROCESSOR__CONFIGCHECK__STRICT")
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), serde_json::from_slice(&out.stdout).expect("JSON"))
}

fn diagnostics(report: &Value) -> &Vec<Value> {
    report["diagnostics"].as_array().unwrap()
}

fn line_of(path: &Path, needle: &str) -> u64 {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().position(|l| l.contains(needle)).expect(needle) as u64 + 1
}

#[test]
fn netbox_reference_proxy_with_a_correct_configuration_and_blueprint_is_clean() {
    let (code, report) = check("reference-deployment", &["--deny-warnings"]);
    let found: Vec<_> = diagnostics(&report).iter().map(|d| (d["rule"].clone(), d["line"].clone())).collect();
    assert_eq!(code, 0, "{found:?}");
    assert_eq!(report["summary"]["errors"], 0, "{found:?}");
    assert_eq!(report["summary"]["warnings"], 0, "{found:?}");
    assert_eq!(report["summary"]["blocks"], 3);
}

#[test]
fn the_seed_deployment_reports_each_failure_on_its_own_line() {
    let (code, report) = check("seed-deployment", &[]);
    assert_eq!(code, 1);
    let chapter = fixture("seed-deployment/src/deployment.md");
    let at = |rule: &str| -> Vec<u64> {
        diagnostics(&report).iter().filter(|d| d["rule"] == rule).map(|d| d["line"].as_u64().unwrap()).collect()
    };
    let want = [
        // Where the header goes; the TLS listener is its secondary place (below).
        ("nginx/missing-forwarded-proto", line_of(&chapter, "location / {")),
        ("nginx/missing-forwarded-host", line_of(&chapter, "proxy_pass")),
        ("authentik/encryption-key-set", line_of(&chapter, "encryption_key:")),
        ("flow/scope-not-provided", line_of(&chapter, "SOCIAL_AUTH_OIDC_SCOPE")),
        ("flow/host-refused", line_of(&chapter, "ALLOWED_HOSTS")),
    ];
    for (rule, line) in want {
        assert_eq!(at(rule), vec![line], "{rule}");
    }
    let lines: std::collections::HashSet<u64> = want.iter().map(|(_, l)| *l).collect();
    assert_eq!(lines.len(), want.len(), "each on its own line");
    let proto = diagnostics(&report).iter().find(|d| d["rule"] == "nginx/missing-forwarded-proto").unwrap();
    assert_eq!(proto["related"][0]["line"], line_of(&chapter, "listen 443 ssl"));
    assert_eq!(proto["related"][0]["label"], "users arrive over https here");
    let host = diagnostics(&report).iter().find(|d| d["rule"] == "flow/host-refused").unwrap();
    assert!(host["message"].as_str().unwrap().contains("127.0.0.1:8001"), "names the host Django sees");
    assert_eq!(host["severity"], "error");
    let scope = diagnostics(&report).iter().find(|d| d["rule"] == "flow/scope-not-provided").unwrap();
    assert!(scope["message"].as_str().unwrap().contains("'roles'"));
}

#[test]
fn troubleshooting_variants_pass_strictly_and_leave_the_main_deployment_alone() {
    let (code, report) = check("troubleshooting", &["--deny-warnings"]);
    let unexpected: Vec<_> = diagnostics(&report).iter().filter(|d| d["expected"] == false).collect();
    assert_eq!(code, 0, "{unexpected:#?}");
    assert!(unexpected.is_empty());
    assert!(!diagnostics(&report).iter().any(|d| d["path"] == "src/deployment.md"), "main deployment untouched");
    let expected: Vec<&str> = diagnostics(&report).iter().map(|d| d["rule"].as_str().unwrap()).collect();
    for rule in [
        "nginx/missing-forwarded-proto",
        "flow/redirect-uri-mismatch",
        "flow/csrf-origin-fails",
        "nginx/port-lost",
        "nginx/missing-forwarded-host",
        "flow/host-refused",
        "authentik/encryption-key-set",
        "netbox/login-redirect-url-type",
        "flow/allowed-hosts-missing-public-host",
    ] {
        assert!(expected.contains(&rule), "{rule} in {expected:?}");
    }
    let t = fixture("troubleshooting/src/troubleshooting.md");
    let mismatch = diagnostics(&report).iter().find(|d| d["rule"] == "flow/redirect-uri-mismatch").unwrap();
    let message = mismatch["message"].as_str().unwrap();
    assert!(
        message.contains("`http://netbox.internaldomain.com/oauth/complete/oidc/`"),
        "the URI NetBox sends: {message}"
    );
    assert!(
        message.contains("`https://netbox.internaldomain.com/oauth/complete/oidc/` (strict)"),
        "what the provider accepts: {message}"
    );
    assert!(message.contains("the scheme differs") && message.contains("X-Forwarded-Proto"), "{message}");
    // Shown at the variant block that causes it.
    let variant_lines = line_of(&t, "## \"Redirect URI Error\": the scheme is lost")
        ..line_of(&t, "## \"Redirect URI Error\": the port is lost");
    assert!(variant_lines.contains(&mismatch["line"].as_u64().unwrap()));
}

#[test]
fn a_variant_expectation_that_no_longer_fires_fails_the_book() {
    let dir = tempfile::tempdir().unwrap();
    let from = fixture("troubleshooting");
    for sub in ["", "src"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(from.join(sub)).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                std::fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name())).unwrap();
            }
        }
    }
    let t = dir.path().join("src/troubleshooting.md");
    let text = std::fs::read_to_string(&t).unwrap();
    // "Fix" the broken example: the expectation is now unmet.
    std::fs::write(
        &t,
        text.replacen("SOCIAL_AUTH_LOGIN_REDIRECT_URL = True", "SOCIAL_AUTH_LOGIN_REDIRECT_URL = '/'", 1),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["check", dir.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(diagnostics(&report).iter().any(|d| d["rule"] == "configcheck/expectation-unmet"
        && d["message"].as_str().unwrap().contains("netbox/login-redirect-url-type")));
}

#[test]
fn nginx_itself_tests_the_site_and_its_errors_land_on_the_chapter_line() {
    let (code, report) = check("nginx-test", &["--deny-warnings"]);
    let chapter = fixture("nginx-test/src/nginx.md");
    assert_eq!(code, 0, "the reference site passes `nginx -t`; the broken variant is expected: {report:#}");
    let found = diagnostics(&report);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["rule"], "nginx/syntax-test-failed");
    assert_eq!(found[0]["line"], line_of(&chapter, "proxy_bufering off;"));
    assert_eq!(found[0]["message"], "`nginx -t` fails: unknown directive \"proxy_bufering\"");
    assert_eq!(found[0]["expected"], true);
}

#[test]
fn nginx_test_copes_with_quoted_certificate_paths_and_an_odd_temporary_directory() {
    let book = tempfile::tempdir().unwrap();
    let site = "server {\n    listen 443 ssl;\n    server_name netbox.internaldomain.com;\n    ssl_certificate \"/etc/ssl/certs/netbox internal.crt\";\n    ssl_certificate_key '/etc/ssl/private/netbox.key';\n    client_max_body_size 25m;\n    location / {\n        proxy_pass http://127.0.0.1:8001;\n        proxy_set_header X-Forwarded-Host $http_host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }\n}\n";
    for (path, text) in [
        ("book.toml", "[book]\ntitle = \"t\"\n\n[preprocessor.configcheck]\nnginx-test = true\n".to_string()),
        ("src/SUMMARY.md", "- [nginx](nginx.md)\n".to_string()),
        ("src/nginx.md", format!("# nginx\n\n```nginx,check=nginx\n{site}```\n")),
    ] {
        std::fs::create_dir_all(book.path().join(path).parent().unwrap()).unwrap();
        std::fs::write(book.path().join(path), text).unwrap();
    }
    // The wrapper writes temporary paths into nginx.conf: spaces, `;` and braces must stay one argument.
    let tmp = tempfile::tempdir().unwrap();
    let odd = tmp.path().join("a dir; with {braces}");
    std::fs::create_dir_all(&odd).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["check", book.path().to_str().unwrap(), "--format", "json"])
        .env("TMPDIR", &odd)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(out.status.code(), Some(0), "{report:#}");
    assert!(!diagnostics(&report).iter().any(|d| d["rule"] == "nginx/syntax-test-failed"), "{report:#}");
}

#[test]
fn an_enabled_nginx_test_without_nginx_is_a_clear_error_not_a_skip() {
    let out = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["check", fixture("nginx-test").to_str().unwrap()])
        .env("CONFIGCHECK_NGINX", "/nonexistent/nginx")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nginx is not installed") && stderr.contains("nginx-test"), "{stderr}");
}

#[test]
fn extract_writes_each_deployment_with_a_manifest_of_its_blocks() {
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["extract", fixture("troubleshooting").to_str().unwrap(), out.path().to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(out.path().join("manifest.json")).unwrap()).unwrap();
    let deployments = manifest["deployments"].as_array().unwrap();
    assert_eq!(deployments[0]["name"], "main");
    assert_eq!(deployments.len(), 7, "main and six variants");
    let main_conf = std::fs::read_to_string(out.path().join("main/netbox.conf")).unwrap();
    let chapter = std::fs::read_to_string(fixture("troubleshooting/src/deployment.md")).unwrap();
    assert!(chapter.contains(&main_conf), "the file is the block, byte for byte");
    let nginx =
        &deployments[0]["files"].as_array().unwrap().iter().find(|f| f["kind"] == "nginx").unwrap()["blocks"][0];
    assert_eq!(nginx["path"], "src/deployment.md");
    assert_eq!(nginx["line"], line_of(&fixture("troubleshooting/src/deployment.md"), "```nginx"));
    use sha2::Digest;
    let digest: String = sha2::Sha256::digest(main_conf.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(nginx["hash"], format!("sha256:{digest}"));
    // A NetBox variant is laid over configuration.py: the main settings stay, its line comes last.
    let typeerror = deployments.iter().find(|d| d["expect"][0] == "netbox/login-redirect-url-type").unwrap();
    // Named by its chapter and heading; its files in one directory, `/` made `--`.
    assert_eq!(typeerror["name"], "troubleshooting/500-typeerror-after-login");
    let dir = out.path().join("variants").join(typeerror["name"].as_str().unwrap().replace('/', "--"));
    let conf = std::fs::read_to_string(dir.join("configuration.py")).unwrap();
    assert!(
        conf.starts_with("ALLOWED_HOSTS") && conf.trim_end().ends_with("SOCIAL_AUTH_LOGIN_REDIRECT_URL = True"),
        "{conf}"
    );
    // An nginx variant replaces the site.
    let scheme = deployments.iter().find(|d| d["expect"][0] == "nginx/missing-forwarded-proto").unwrap();
    assert_eq!(scheme["name"], "troubleshooting/redirect-uri-error-the-scheme-is-lost");
    let site = std::fs::read_to_string(
        out.path().join("variants/troubleshooting--redirect-uri-error-the-scheme-is-lost/netbox.conf"),
    )
    .unwrap();
    assert!(!site.contains("X-Forwarded-Proto") && !site.contains("/static/"), "{site}");
}

/// `extract` run on a scratch book.
struct Extracted {
    ok: bool,
    manifest: Value,
    out: tempfile::TempDir,
}

impl Extracted {
    fn names(&self) -> Vec<&str> {
        self.manifest["deployments"].as_array().unwrap().iter().map(|d| d["name"].as_str().unwrap()).collect()
    }

    /// A variant's file: under `variants/`, in one directory whose name is the scenario name
    /// with `--` for `/`.
    fn variant_file(&self, name: &str, file: &str) -> String {
        let dir = self.out.path().join("deployments/variants").join(name.replace('/', "--"));
        std::fs::read_to_string(dir.join(file)).unwrap()
    }
}

fn extract_book(files: &[(&str, &str)]) -> Extracted {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("deployments");
    let status = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["extract", dir.path().to_str().unwrap(), target.to_str().unwrap()])
        .status()
        .unwrap();
    let manifest = std::fs::read_to_string(target.join("manifest.json"))
        .map_or(Value::Null, |m| serde_json::from_str(&m).unwrap());
    Extracted { ok: status.success(), manifest, out }
}

const SCRATCH_TOML: &str = "[book]\ntitle = \"t\"\n\n[preprocessor.configcheck]\n";

/// A chapter whose only block is a NetBox variant under its title `# C`.
fn variant_chapter(setting: &str) -> String {
    format!("# C\n\n```python,check=netbox,variant\n{setting}\n```\n")
}

/// A NetBox variant block setting `setting`.
fn variant_block(setting: &str) -> String {
    format!("```python,check=netbox,variant\n{setting}\n```\n")
}

/// Extract a book of one chapter, `src/t.md`.
fn extract_chapter(chapter: &str) -> Extracted {
    extract_book(&[("book.toml", SCRATCH_TOML), ("src/SUMMARY.md", "- [T](t.md)\n"), ("src/t.md", chapter)])
}

#[test]
fn a_variant_is_named_by_its_chapter_and_the_heading_above_it_as_mdbook_slugs_it() {
    let chapter = format!(
        "# Troubleshooting\n\n## \"Redirect URI Error\"\n\nProse.\n\n### The scheme is lost\n\nMore prose.\n\n{}\n\
         ### `SOCIAL_AUTH_LOGIN_REDIRECT_URL = True`\n\n{}\nA setext heading\n----------------\n\n{}",
        variant_block("LOGIN_REQUIRED = True"),
        variant_block("SOCIAL_AUTH_LOGIN_REDIRECT_URL = True"),
        variant_block("LOGIN_PERSISTENCE = True"),
    );
    let extracted = extract_chapter(&chapter);
    assert!(extracted.ok);
    assert_eq!(
        extracted.names(),
        ["main", "t/the-scheme-is-lost", "t/social_auth_login_redirect_url--true", "t/a-setext-heading",]
    );
    assert_eq!(extracted.variant_file("t/the-scheme-is-lost", "configuration.py"), "LOGIN_REQUIRED = True\n");
    // Prose added above a block leaves its name alone.
    let longer = chapter.replace("Prose.", "Prose.\n\nA new paragraph.\n\nAnd another.");
    assert_eq!(extract_chapter(&longer).names(), extracted.names());
}

#[test]
fn a_nearest_heading_that_repeats_in_the_chapter_is_prefixed_by_its_parent() {
    let chapter = format!(
        "# T\n\n## Redirect URI Error\n\n### The fix\n\n{}\n## 400 Bad Request\n\n### The fix\n\n{}\n## Other\n\n{}",
        variant_block("LOGIN_REQUIRED = True"),
        variant_block("LOGIN_REQUIRED = False"),
        variant_block("LOGIN_PERSISTENCE = True"),
    );
    let extracted = extract_chapter(&chapter);
    assert!(extracted.ok);
    assert_eq!(extracted.names(), ["main", "t/redirect-uri-error/the-fix", "t/400-bad-request/the-fix", "t/other"]);
    assert_eq!(extracted.variant_file("t/400-bad-request/the-fix", "configuration.py"), "LOGIN_REQUIRED = False\n");
}

#[test]
fn blocks_under_one_heading_are_numbered_in_reading_order() {
    let chapter = format!(
        "# T\n\n## 400 Bad Request\n\n{}\nOr:\n\n{}\nOr even:\n\n{}",
        variant_block("LOGIN_REQUIRED = True"),
        variant_block("LOGIN_REQUIRED = False"),
        variant_block("LOGIN_PERSISTENCE = True"),
    );
    let extracted = extract_chapter(&chapter);
    assert!(extracted.ok);
    assert_eq!(extracted.names(), ["main", "t/400-bad-request", "t/400-bad-request-2", "t/400-bad-request-3"]);
    assert_eq!(extracted.variant_file("t/400-bad-request", "configuration.py"), "LOGIN_REQUIRED = True\n");
    assert_eq!(extracted.variant_file("t/400-bad-request-2", "configuration.py"), "LOGIN_REQUIRED = False\n");
    assert_eq!(extracted.variant_file("t/400-bad-request-3", "configuration.py"), "LOGIN_PERSISTENCE = True\n");
}

#[test]
fn a_heading_inside_a_code_block_is_no_heading() {
    let chapter = format!(
        "# T\n\n## 405 Method Not Allowed\n\n```text\n# 405\n## Not a heading\n```\n\n~~~\nNeither\n=======\n~~~\n\n    # indented code\n\n{}",
        variant_block("LOGIN_REQUIRED = True"),
    );
    let extracted = extract_chapter(&chapter);
    assert!(extracted.ok);
    assert_eq!(extracted.names(), ["main", "t/405-method-not-allowed"]);
}

#[test]
fn a_chapter_in_a_subfolder_keeps_its_folders_and_one_flat_directory() {
    let extracted = extract_book(&[
        ("book.toml", SCRATCH_TOML),
        ("src/SUMMARY.md", "- [A](guide/netbox/setup.md)\n- [B](other.md)\n- [C](nothing.md)\n"),
        ("src/guide/netbox/setup.md", &variant_chapter("LOGIN_REQUIRED = True")),
        ("src/other.md", &variant_chapter("LOGIN_REQUIRED = False")),
        // A block under no heading: the chapter alone.
        ("src/nothing.md", &variant_block("LOGIN_PERSISTENCE = True")),
    ]);
    assert!(extracted.ok);
    assert_eq!(extracted.names(), ["main", "guide/netbox/setup/c", "other/c", "nothing"]);
    assert_eq!(extracted.variant_file("guide/netbox/setup/c", "configuration.py"), "LOGIN_REQUIRED = True\n");
    let variants = extracted.out.path().join("deployments/variants");
    let mut dirs: Vec<String> =
        std::fs::read_dir(&variants).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    dirs.sort();
    assert_eq!(dirs, ["guide--netbox--setup--c", "nothing", "other--c"]);
    let setup = &extracted.manifest["deployments"][1];
    assert_eq!(setup["files"][0]["path"], "variants/guide--netbox--setup--c/configuration.py");
}

#[test]
fn names_whose_directories_would_coincide_are_numbered() {
    // `a--b/c.md` and `a/b/c.md` both flatten to the directory `a--b--c--c`.
    let extracted = extract_book(&[
        ("book.toml", SCRATCH_TOML),
        ("src/SUMMARY.md", "- [One](a--b/c.md)\n- [Two](a/b/c.md)\n"),
        ("src/a--b/c.md", &variant_chapter("LOGIN_REQUIRED = True")),
        ("src/a/b/c.md", &variant_chapter("LOGIN_REQUIRED = False")),
    ]);
    assert!(extracted.ok);
    assert_eq!(extracted.names(), ["main", "a--b/c/c", "a/b/c/c-2"]);
    assert_eq!(extracted.variant_file("a--b/c/c", "configuration.py"), "LOGIN_REQUIRED = True\n");
    assert_eq!(extracted.variant_file("a/b/c/c-2", "configuration.py"), "LOGIN_REQUIRED = False\n");
}

/// Every file below `dir`, relative to it.
fn files_below(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(
                files_below(&path).into_iter().map(|f| format!("{}/{f}", path.file_name().unwrap().to_str().unwrap())),
            );
        } else {
            found.push(path.file_name().unwrap().to_str().unwrap().to_string());
        }
    }
    found.sort();
    found
}

#[test]
fn nothing_is_written_outside_the_output_directory() {
    // Headings made of path syntax, in a chapter in a folder, slug to plain names.
    let chapter = format!(
        "# ../../escape\n\n{}\n## /etc/passwd\n\n{}\n## ..\n\n{}",
        variant_block("LOGIN_REQUIRED = True"),
        variant_block("LOGIN_REQUIRED = False"),
        variant_block("LOGIN_PERSISTENCE = True"),
    );
    let extracted = extract_book(&[
        ("book.toml", SCRATCH_TOML),
        ("src/SUMMARY.md", "- [T](sub/t.md)\n"),
        ("src/sub/t.md", &chapter),
    ]);
    assert!(extracted.ok);
    // `## ..` slugs to nothing and names nothing: the block is under `/etc/passwd`'s section.
    assert_eq!(extracted.names(), ["main", "sub/t/escape", "sub/t/etcpasswd", "sub/t/etcpasswd-2"]);
    assert_eq!(
        files_below(extracted.out.path()),
        [
            "deployments/manifest.json",
            "deployments/variants/sub--t--escape/configuration.py",
            "deployments/variants/sub--t--etcpasswd-2/configuration.py",
            "deployments/variants/sub--t--etcpasswd/configuration.py",
        ]
    );
    // A `file=` that climbs out is refused before anything is written there.
    let extracted =
        extract_chapter("# T\n\n```python,check=netbox,file=../../outside.py\nLOGIN_REQUIRED = True\n```\n");
    assert!(!extracted.ok, "refused");
    assert!(!extracted.out.path().join("outside.py").exists());
    assert!(files_below(extracted.out.path()).iter().all(|f| f.starts_with("deployments/")));
}

#[test]
fn a_book_without_checked_blocks_extracts_to_an_empty_manifest() {
    let extracted = extract_book(&[
        ("book.toml", SCRATCH_TOML),
        ("src/SUMMARY.md", "- [Intro](intro.md)\n"),
        ("src/intro.md", "# Intro\n\nNo configuration here.\n"),
    ]);
    assert!(extracted.ok, "the output directory is made even when there is nothing to write into it");
    assert_eq!(extracted.names(), ["main"]);
    assert_eq!(extracted.manifest["deployments"][0]["files"], serde_json::json!([]));
}

/// A scratch copy of the reference deployment whose book.toml reads a verification record made
/// from `extract`'s manifest, as the harness writes it.
fn verified_book() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("src")).unwrap();
    for file in ["book.toml", "src/SUMMARY.md", "src/deployment.md"] {
        std::fs::copy(fixture("reference-deployment").join(file), dir.path().join(file)).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_mdbook-configcheck");
    assert!(
        Command::new(bin)
            .args(["extract", dir.path().to_str().unwrap(), out.path().to_str().unwrap()])
            .status()
            .unwrap()
            .success()
    );
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(out.path().join("manifest.json")).unwrap()).unwrap();
    let blocks: Vec<Value> = manifest["deployments"][0]["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["blocks"].as_array().unwrap().clone())
        .collect();
    let record = serde_json::json!({
        "version": 2,
        "verified_at": "2026-11-28T21:00:00Z",
        "versions": {"netbox": "4.7.3", "nginx": "1.22.1", "postgresql": "15.14", "chromium": "<b>156</b>\n\n[x](javascript:alert(1))"},
        "authentik": [{"version": "2025.12.4", "python": "3.13.0"}, {"version": "2026.5.0-rc1", "python": "3.14.2"}],
        "scenarios": [{"name": "main", "result": "pass", "blocks": blocks}]
    });
    std::fs::create_dir_all(dir.path().join("verification")).unwrap();
    std::fs::write(dir.path().join("verification/record.json"), record.to_string()).unwrap();
    let toml = std::fs::read_to_string(dir.path().join("book.toml")).unwrap();
    std::fs::write(
        dir.path().join("book.toml"),
        toml.replace("[preprocessor.configcheck]\n", "[preprocessor.configcheck]\nstrict = true\ndeny-warnings = true\nverification = \"verification/record.json\"\n"),
    )
    .unwrap();
    dir
}

fn check_dir(dir: &Path) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["check", dir.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn verified_chapters_say_so_and_pass_strictly() {
    let dir = verified_book();
    let (code, report) = check_dir(dir.path());
    assert_eq!(code, 0, "{report:#}");
    let out = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["build", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = std::fs::read_to_string(dir.path().join("book/deployment.html")).unwrap();
    assert!(html.contains("Verified 2026-11-28 on NetBox 4.7.3 with Authentik 2025.12.4 and 2026.5.0-rc1."), "{html}");
}

/// Rewrite the scratch book's record.
fn edit_record(dir: &Path, edit: impl FnOnce(&mut Value)) {
    let path = dir.join("verification/record.json");
    let mut record: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    edit(&mut record);
    std::fs::write(&path, record.to_string()).unwrap();
}

#[test]
fn a_record_older_than_the_targets_is_outdated_and_fails_strictly() {
    let dir = verified_book();
    let toml = std::fs::read_to_string(dir.path().join("book.toml")).unwrap();
    let target = |authentik: &str| {
        std::fs::write(
            dir.path().join("book.toml"),
            format!("{toml}\n[preprocessor.configcheck.targets]\nauthentik = \"{authentik}\"\n"),
        )
        .unwrap();
        let (code, report) = check_dir(dir.path());
        let outdated: Vec<String> = diagnostics(&report)
            .iter()
            .filter(|d| d["rule"] == "configcheck/verification-outdated")
            .map(|d| d["message"].as_str().unwrap().to_string())
            .collect();
        (code, outdated)
    };
    let (code, outdated) = target("2026.8");
    assert_eq!((code, outdated.len()), (1, 1), "{outdated:?}");
    assert!(outdated[0].contains("Authentik 2026.5.0-rc1 at newest (targets.authentik is 2026.8.0)"), "{outdated:?}");
    // A release candidate is older than its release: 2026.5.0-rc1 does not cover 2026.5, and
    // covers 2026.5.0-rc1 itself.
    let (code, outdated) = target("2026.5");
    assert_eq!((code, outdated.len()), (1, 1), "{outdated:?}");
    assert!(outdated[0].contains("(targets.authentik is 2026.5.0)"), "{outdated:?}");
    assert_eq!(target("2026.5.0-rc1"), (0, vec![]));
}

#[test]
fn a_record_without_a_netbox_version_is_outdated() {
    let dir = verified_book();
    edit_record(dir.path(), |record| {
        record["versions"].as_object_mut().unwrap().remove("netbox");
    });
    let (code, report) = check_dir(dir.path());
    assert_eq!(code, 1, "{report:#}");
    let outdated: Vec<&Value> =
        diagnostics(&report).iter().filter(|d| d["rule"] == "configcheck/verification-outdated").collect();
    assert!(outdated[0]["message"].as_str().unwrap().contains("no NetBox version"), "{report:#}");
}

#[test]
fn a_record_of_an_emulator_is_outdated() {
    let dir = verified_book();
    edit_record(dir.path(), |record| {
        record["version"] = 1.into();
        record.as_object_mut().unwrap().remove("authentik");
        record["versions"]["authentik_emulator"] = "1.1.0".into();
    });
    let (code, report) = check_dir(dir.path());
    assert_eq!(code, 1);
    let outdated: Vec<&Value> =
        diagnostics(&report).iter().filter(|d| d["rule"] == "configcheck/verification-outdated").collect();
    assert_eq!(outdated.len(), 1, "{report:#}");
    assert!(outdated[0]["message"].as_str().unwrap().contains("no real Authentik"));
}

#[test]
fn a_record_of_a_newer_format_is_refused_with_its_name() {
    let dir = verified_book();
    edit_record(dir.path(), |record| record["version"] = 3.into());
    let out = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["check", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("record.json") && stderr.contains("format 3"), "{stderr}");
}

#[test]
fn the_verification_directive_lists_every_component_escaped() {
    let dir = verified_book();
    let chapter = dir.path().join("src/deployment.md");
    let text = std::fs::read_to_string(&chapter).unwrap();
    std::fs::write(&chapter, format!("{text}\n## Versions\n\n{{{{#configcheck-verification}}}}\n")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["build", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = std::fs::read_to_string(dir.path().join("book/deployment.html")).unwrap();
    assert!(!html.contains("configcheck-verification}}"), "the directive is replaced");
    for row in [
        "<td>NetBox</td><td>4.7.3</td>",
        "<td>Authentik</td><td>2025.12.4 (Python 3.13.0)</td>",
        "<td>Authentik</td><td>2026.5.0-rc1 (Python 3.14.2)</td>",
        "<td>nginx</td><td>1.22.1</td>",
    ] {
        assert!(html.contains(row), "{row} in {html}");
    }
    // Record text stays text: escaped, and a blank line in it cannot end the HTML block.
    assert!(html.contains("<td>Chromium</td><td>&lt;b&gt;156&lt;/b&gt;  [x](javascript:alert(1))</td>"), "{html}");
    assert!(!html.contains("href=\"javascript"), "{html}");
}

#[test]
fn editing_one_line_of_a_verified_block_makes_the_strict_build_fail_as_stale() {
    let dir = verified_book();
    let chapter = dir.path().join("src/deployment.md");
    let text = std::fs::read_to_string(&chapter).unwrap();
    std::fs::write(&chapter, text.replacen("client_max_body_size 25m;", "client_max_body_size 50m;", 1)).unwrap();
    let (code, report) = check_dir(dir.path());
    assert_eq!(code, 1, "a warning fails with deny-warnings");
    let stale: Vec<&Value> =
        diagnostics(&report).iter().filter(|d| d["rule"] == "configcheck/verification-stale").collect();
    assert_eq!(stale.len(), 1, "{report:#}");
    assert_eq!(stale[0]["line"], line_of(&chapter, "```nginx"), "names the edited block");
    assert_eq!(stale[0]["block"]["kind"], "nginx");
    let out = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["build", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success(), "the strict build fails");
    assert!(String::from_utf8_lossy(&out.stderr).contains("configcheck/verification-stale"));
}

#[test]
fn a_new_main_block_no_scenario_covers_is_reported_missing() {
    let dir = verified_book();
    let chapter = dir.path().join("src/deployment.md");
    let text = std::fs::read_to_string(&chapter).unwrap();
    std::fs::write(&chapter, format!("{text}\nMore:\n\n```python,check=netbox\nLOGIN_TIMEOUT = 3600\n```\n")).unwrap();
    let (_, report) = check_dir(dir.path());
    let missing: Vec<&Value> =
        diagnostics(&report).iter().filter(|d| d["rule"] == "configcheck/verification-missing").collect();
    assert_eq!(missing.len(), 1, "{report:#}");
    assert_eq!(missing[0]["line"], line_of(&chapter, "LOGIN_TIMEOUT") - 1);
}

#[test]
fn a_block_whose_scenario_failed_is_not_called_stale() {
    let dir = verified_book();
    let record_path = dir.path().join("verification/record.json");
    let mut record: Value = serde_json::from_str(&std::fs::read_to_string(&record_path).unwrap()).unwrap();
    record["scenarios"][0]["result"] = "fail".into();
    std::fs::write(&record_path, record.to_string()).unwrap();
    let (code, report) = check_dir(dir.path());
    assert_eq!(code, 1);
    let rules: Vec<&str> = diagnostics(&report).iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert!(rules.iter().all(|r| *r == "configcheck/verification-failed"), "{rules:?}");
    assert_eq!(rules.len(), 3, "one per block of the failed scenario");
}

#[test]
fn editing_one_line_of_the_guides_verified_nginx_block_fails_its_strict_build() {
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = tempfile::tempdir().unwrap();
    for sub in ["src", "verification"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(guide.join(sub)).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                std::fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name())).unwrap();
            }
        }
    }
    std::fs::copy(guide.join("book.toml"), dir.path().join("book.toml")).unwrap();
    // The scratch copy checks clean with the committed record.
    let (code, report) = check_dir(dir.path());
    assert_eq!(code, 0, "{report:#}");
    let nginx = dir.path().join("src/nginx.md");
    let text = std::fs::read_to_string(&nginx).unwrap();
    assert!(text.contains("client_max_body_size 25m;"));
    std::fs::write(&nginx, text.replacen("client_max_body_size 25m;", "client_max_body_size 50m;", 1)).unwrap();
    let (code, report) = check_dir(dir.path());
    assert_eq!(code, 1);
    let stale: Vec<&Value> =
        diagnostics(&report).iter().filter(|d| d["rule"] == "configcheck/verification-stale").collect();
    assert_eq!(stale.len(), 1, "{report:#}");
    assert_eq!(stale[0]["path"], "src/nginx.md");
    assert_eq!(stale[0]["block"]["kind"], "nginx");
    let edited_line = line_of(&nginx, "client_max_body_size 50m;");
    assert!(stale[0]["line"].as_u64().unwrap() < edited_line, "names the block that holds the edited line");
}

// --- `file=` names: relative, inside OUTDIR, no collisions (issue 11, item 2) -----------------

/// `check --format json` on a scratch book of one chapter, `src/t.md`.
fn check_chapter(chapter: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("src")).unwrap();
    std::fs::write(dir.path().join("book.toml"), SCRATCH_TOML).unwrap();
    std::fs::write(dir.path().join("src/SUMMARY.md"), "- [T](t.md)\n").unwrap();
    std::fs::write(dir.path().join("src/t.md"), chapter).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["check", dir.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The (line, message) of each finding of `rule`.
fn findings_of(report: &Value, rule: &str) -> Vec<(u64, String)> {
    diagnostics(report)
        .iter()
        .filter(|d| d["rule"] == rule)
        .map(|d| (d["line"].as_u64().unwrap(), d["message"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn a_file_name_that_is_absolute_climbs_or_holds_control_characters_is_a_finding_and_never_written() {
    for name in ["/tmp/configcheck-absolute.py", "../up.py", "a/../../up.py", "a\u{1b}[31mb.py", "a//b.py", "dir/"] {
        let chapter = format!("# T\n\n```python,check=netbox,file={name}\nLOGIN_REQUIRED = True\n```\n");
        let report = check_chapter(&chapter);
        let found = findings_of(&report, "configcheck/invalid-file-name");
        assert_eq!(found.len(), 1, "{name:?}: {report:#}");
        assert_eq!(found[0].0, 3, "reported on the block's fence line");
        let extracted = extract_chapter(&chapter);
        assert!(!extracted.ok, "{name:?}: extract refuses the book");
        assert!(files_below(extracted.out.path()).iter().all(|f| f.starts_with("deployments/")));
    }
    assert!(!Path::new("/tmp/configcheck-absolute.py").exists());
    // A plain relative name with folders is fine.
    let fine =
        check_chapter("# T\n\n```python,check=netbox,file=netbox/configuration.py\nLOGIN_REQUIRED = True\n```\n");
    assert!(findings_of(&fine, "configcheck/invalid-file-name").is_empty(), "{fine:#}");
}

#[test]
fn two_blocks_whose_files_would_collide_are_a_finding_naming_both() {
    // An nginx block written to the NetBox block's file, and a file that another needs as a folder.
    let chapter = "# T\n\n```python,check=netbox\nLOGIN_REQUIRED = True\n```\n\n```nginx,check=nginx,file=configuration.py\nserver {\n    listen 80;\n}\n```\n\n```python,check=netbox,file=extra\nA = 1\n```\n\n```python,check=netbox,file=extra/b.py\nB = 1\n```\n";
    let report = check_chapter(chapter);
    let found = findings_of(&report, "configcheck/file-collision");
    assert_eq!(found.len(), 2, "{report:#}");
    assert_eq!(found[0].0, 7);
    assert!(found[0].1.contains("src/t.md:3") && found[0].1.contains("configuration.py"), "{}", found[0].1);
    assert_eq!(found[1].0, 17);
    assert!(found[1].1.contains("src/t.md:13") && found[1].1.contains("extra"), "{}", found[1].1);
    let extracted = extract_chapter(chapter);
    assert!(!extracted.ok, "extract refuses to overwrite one block's file with another's");
}

#[test]
#[cfg(unix)]
fn extract_never_follows_a_symbolic_link_out_of_the_output_directory() {
    let outside = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("src")).unwrap();
    std::fs::write(dir.path().join("book.toml"), SCRATCH_TOML).unwrap();
    std::fs::write(dir.path().join("src/SUMMARY.md"), "- [T](t.md)\n").unwrap();
    std::fs::write(dir.path().join("src/t.md"), "```python,check=netbox\nLOGIN_REQUIRED = True\n```\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    // A directory and a file of a previous run replaced by links to elsewhere.
    std::os::unix::fs::symlink(outside.path(), out.path().join("main")).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["extract", dir.path().to_str().unwrap(), out.path().to_str().unwrap()])
        .status()
        .unwrap();
    assert!(!status.success(), "refused");
    assert!(!outside.path().join("configuration.py").exists(), "nothing written through the link");
    std::fs::remove_file(out.path().join("main")).unwrap();
    std::fs::create_dir(out.path().join("main")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("target.py"), out.path().join("main/configuration.py")).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["extract", dir.path().to_str().unwrap(), out.path().to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success(), "a link where a file goes is replaced, not followed");
    assert!(!outside.path().join("target.py").exists(), "nothing written through the link");
    assert_eq!(std::fs::read_to_string(out.path().join("main/configuration.py")).unwrap(), "LOGIN_REQUIRED = True\n");
}
