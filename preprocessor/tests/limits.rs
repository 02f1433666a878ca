//! Bounded work on hostile blocks (issue 11, item 3): nesting deeper than the parsers' and the
//! evaluator's limits, and values that would grow past the size budget, give the block one
//! `configcheck/too-complex` finding; the binary never overflows its stack, never takes
//! gigabytes, and checks the other blocks as usual.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const TOML: &str = "[book]\ntitle = \"t\"\n\n[preprocessor.configcheck]\n";

/// `check --format json` on a book whose one chapter is `chapter`, with a deadline: (exit code,
/// report, seconds taken).
fn check(chapter: &str) -> (Option<i32>, Value, f64) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("src")).unwrap();
    std::fs::write(dir.path().join("book.toml"), TOML).unwrap();
    std::fs::write(dir.path().join("src/SUMMARY.md"), "- [T](t.md)\n").unwrap();
    std::fs::write(dir.path().join("src/t.md"), chapter).unwrap();
    let out = tempfile::tempfile().unwrap();
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["check", dir.path().to_str().unwrap(), "--format", "json"])
        .stdout(out.try_clone().unwrap())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().unwrap();
            panic!("still running after 120 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let seconds = started.elapsed().as_secs_f64();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(status.code().is_some(), "killed by a signal ({status}): {stderr}");
    let stdout =
        std::fs::read_to_string(format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&out))).unwrap_or_default();
    let report = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stderr}"));
    (status.code(), report, seconds)
}

/// The lines of the `configcheck/too-complex` findings.
fn too_complex(report: &Value) -> Vec<u64> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "configcheck/too-complex")
        .map(|d| d["line"].as_u64().unwrap())
        .collect()
}

/// A chapter with the hostile block first and a block with a known finding after it.
fn chapter(lang: &str, kind: &str, hostile: &str) -> String {
    format!(
        "# T\n\n```{lang},check={kind},variant\n{hostile}\n```\n\n```python,check=netbox\nSOCIAL_AUTH_LOGIN_REDIRECT_URL = 42\n```\n"
    )
}

/// One finding for the hostile block (on a line of it), and the other block still checked.
fn assert_one_finding(name: &str, lang: &str, kind: &str, hostile: &str) {
    let text = chapter(lang, kind, hostile);
    let block_end = 4 + hostile.lines().count() as u64;
    let (code, report, seconds) = check(&text);
    let lines = too_complex(&report);
    assert_eq!(lines.len(), 1, "{name}: {lines:?}");
    assert!((4..=block_end).contains(&lines[0]), "{name}: line {} outside the block", lines[0]);
    let message = report["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "configcheck/too-complex");
    let message = message.unwrap()["message"].as_str().unwrap();
    assert!(message.contains("too deep") || message.contains("too large"), "{name}: {message}");
    assert!(
        report["diagnostics"].as_array().unwrap().iter().any(|d| d["rule"] == "netbox/login-redirect-url-type"),
        "{name}: the next block is still checked"
    );
    assert_eq!(code, Some(1), "{name}");
    assert!(seconds < 60.0, "{name}: {seconds} s");
}

#[test]
fn nested_python_brackets_unary_operators_and_long_chains_are_too_deep() {
    let n = 13_000;
    assert_one_finding("[[[…]]]", "python", "netbox", &format!("X = {}1{}", "[".repeat(n), "]".repeat(n)));
    assert_one_finding("+ chain", "python", "netbox", &format!("X = 1{}", " + 1".repeat(21_000)));
    assert_one_finding("unary", "python", "netbox", &format!("X = {}1", "-".repeat(20_000)));
    assert_one_finding("attributes", "python", "netbox", &format!("X = a{}", ".b".repeat(20_000)));
    assert_one_finding("calls", "python", "netbox", &format!("X = f{}", "()".repeat(20_000)));
    assert_one_finding("conditional", "python", "netbox", &format!("X = {}1", "1 if a else ".repeat(10_000)));
    assert_one_finding("lambdas", "python", "netbox", &format!("X = {}1", "lambda a, b: ".repeat(10_000)));
    let mut nested_if = String::new();
    for depth in 0..1_000 {
        nested_if.push_str(&format!("{}if a:\n", " ".repeat(depth)));
    }
    nested_if.push_str(&format!("{}X = 1", " ".repeat(1_000)));
    assert_one_finding("if nesting", "python", "netbox", &nested_if);
}

#[test]
fn python_values_that_double_are_too_large() {
    let doubling = |start: &str, times: usize| format!("A = {start}\n{}", "A = A + A\n".repeat(times));
    assert_one_finding("list doubling", "python", "netbox", &doubling("[1, 2]", 40));
    assert_one_finding("string doubling", "python", "netbox", &doubling("'ab'", 40));
    assert_one_finding("nesting by name", "python", "netbox", &format!("A = 1\n{}", "A = [A, A]\n".repeat(40)));
    assert_one_finding("deep by name", "python", "netbox", &format!("A = 1\n{}", "A = [A]\n".repeat(5_000)));
}

#[test]
fn nested_nginx_blocks_are_too_deep() {
    let n = 35_000;
    assert_one_finding("nginx", "nginx", "nginx", &format!("{}{}", "location / {".repeat(n), "}".repeat(n)));
}

#[test]
fn nested_yaml_is_too_deep() {
    assert_one_finding("block sequences", "yaml", "authentik", &format!("{}x", "- ".repeat(20_000)));
    assert_one_finding("flow sequences", "yaml", "authentik", &format!("{}x{}", "[".repeat(200), "]".repeat(200)));
    let mut indented = String::new();
    for depth in 0..500 {
        indented.push_str(&format!("{}a{depth}:\n", " ".repeat(depth)));
    }
    indented.push_str(&format!("{}x: 1", " ".repeat(500)));
    assert_one_finding("block mappings", "yaml", "authentik", &indented);
}

#[test]
fn ordinary_nesting_is_checked_as_before() {
    let python =
        format!("X = {}1{}\nY = 'a' + 'b' + 'c'\nif a:\n    if b:\n        Z = 1", "[".repeat(30), "]".repeat(30));
    let nginx = format!("server {{\n{}listen 80;\n{}}}", "location / {\n".repeat(20), "}\n".repeat(20));
    let yaml = format!("version: 1\nentries:\n  - model: x\n    attrs: {}1{}", "[".repeat(30), "]".repeat(30));
    for (lang, kind, text) in [("python", "netbox", python), ("nginx", "nginx", nginx), ("yaml", "authentik", yaml)] {
        let (_, report, _) = check(&chapter(lang, kind, &text));
        assert!(too_complex(&report).is_empty(), "{kind}: {report:#}");
    }
}
