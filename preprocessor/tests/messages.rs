//! Findings state what their input says, not invented values (issue 12: a message invented a host
//! name to illustrate regex dots, another an `a.example, b.example` list). Over the guide and every
//! real-world corpus case, each host name a message quotes in backticks must be in the files it is
//! about; the one derived example allowed is `authentik/redirect-uri-regex-dots`'s own, a host of
//! the input with one dot replaced (what the regex also accepts), and the one upstream default
//! quoted is linuxserver's image's own `netbox.example.com` (what it writes where the files set
//! no host: `netbox/linuxserver-allowed-host-default`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Lower-case dotted names in a backticked part of a message: `netbox.internaldomain.com`,
/// `https://auth.example.com:8443/…` (not `users.Group`, not `10.0.0.1`).
fn hosts(message: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (i, quoted) in message.split('`').enumerate() {
        if i % 2 == 0 {
            continue;
        }
        for word in quoted.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_')) {
            let word = word.trim_matches('.');
            let labels: Vec<&str> = word.split('.').collect();
            let tld = labels.last().copied().unwrap_or("");
            if labels.len() >= 2
                && labels.iter().all(|l| !l.is_empty())
                && tld.len() >= 2
                && tld.chars().all(|c| c.is_ascii_lowercase())
                && word.chars().all(|c| !c.is_ascii_uppercase())
                && !word.ends_with(".py")
                && !word.ends_with(".yaml")
                && !word.ends_with(".conf")
            {
                found.push(word.to_string());
            }
        }
    }
    found
}

fn one_dot_replaced(host: &str, input: &str) -> bool {
    input.match_indices('.').count() > 0
        && input.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-')).any(|word| {
            word.len() == host.len()
                && word.chars().zip(host.chars()).filter(|(a, b)| a != b).count() == 1
                && word.chars().zip(host.chars()).all(|(a, b)| a == b || a == '.')
        })
}

fn invented(report: &Value, input: &str) -> Vec<String> {
    let input = input.to_ascii_lowercase();
    let mut out = Vec::new();
    for d in report["diagnostics"].as_array().unwrap() {
        let rule = d["rule"].as_str().unwrap();
        for host in hosts(d["message"].as_str().unwrap()) {
            let derived = rule == "authentik/redirect-uri-regex-dots" && one_dot_replaced(&host, &input);
            let image_default = rule == "netbox/linuxserver-allowed-host-default" && host == "netbox.example.com";
            if !input.contains(&host) && !derived && !image_default {
                out.push(format!("{rule}: `{host}` in “{}”", d["message"].as_str().unwrap()));
            }
        }
    }
    out
}

/// The JSON report of a run; a run that printed none fails the test with what it said, so a case
/// the binary cannot read is never passed over as one without findings.
fn report_of(output: &Output, what: &str) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "{what}: no JSON report ({error}; exit {:?}); stderr:\n{}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

#[test]
fn the_guides_messages_quote_only_hosts_of_the_guide() {
    let output = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["check", root().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let report = report_of(&output, "check of the guide");
    assert!(report["diagnostics"].as_array().unwrap().len() > 50, "the guide's findings are checked");
    let mut input = String::new();
    for entry in std::fs::read_dir(root().join("src")).unwrap() {
        input.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    let invented = invented(&report, &input);
    assert!(invented.is_empty(), "{invented:#?}");
}

#[test]
fn the_corpus_messages_quote_only_hosts_of_their_files() {
    let mut checked = 0;
    let mut all = Vec::new();
    for half in ["tuning", "heldout"] {
        for case in std::fs::read_dir(root().join("tests/realworld").join(half)).unwrap() {
            let case = case.unwrap().path();
            // The files the case names (`[[file]]`'s `name`, which may be in a folder, as t189's
            // `env/netbox.env`), as tests/realworld/run.py lints them; the text of every file of
            // the case, placeholders a compose file names included, is what messages may quote.
            let toml = std::fs::read_to_string(case.join("case.toml")).unwrap();
            let files: Vec<PathBuf> = toml
                .lines()
                .filter_map(|line| line.strip_prefix("name = \"")?.strip_suffix('"').map(|name| case.join(name)))
                .collect();
            // Each with the kind case.toml gives it (`kind = "…"` after its `name`): run.py names
            // it so where lint cannot tell (t198's two lines of chart values).
            let kinds: Vec<&str> =
                toml.lines().filter_map(|line| line.strip_prefix("kind = \"")?.strip_suffix('"')).collect();
            assert_eq!(kinds.len(), files.len(), "{}: a kind for each file", case.display());
            let named: Vec<String> =
                files.iter().zip(&kinds).map(|(file, kind)| format!("--kind={kind}={}", file.display())).collect();
            let mut input = String::new();
            let mut folders = vec![case.clone()];
            while let Some(folder) = folders.pop() {
                for entry in std::fs::read_dir(&folder).unwrap() {
                    let path = entry.unwrap().path();
                    if path.is_dir() {
                        folders.push(path);
                    } else if path.file_name().is_some_and(|n| n != "case.toml") {
                        input.push_str(&std::fs::read_to_string(&path).unwrap());
                    }
                }
            }
            let output = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
                .arg("lint")
                .args(&named)
                .args(["--format", "json"])
                .output()
                .unwrap();
            let report = report_of(&output, &format!("lint of {}", case.display()));
            checked += report["diagnostics"].as_array().map_or(0, Vec::len);
            all.extend(invented(&report, &input).into_iter().map(|m| format!("{}: {m}", case.display())));
        }
    }
    assert!(checked > 50, "the corpus' findings are checked: {checked}");
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn an_invented_host_is_caught() {
    let report: Value = serde_json::json!({"diagnostics": [
        {"rule": "nginx/forwarded-host-appended", "message": "can become `a.example, b.example`"},
        {"rule": "netbox/pipeline-group-import", "message": "`users.Group` and `custom_pipeline.py`"}
    ]});
    assert_eq!(invented(&report, "server_name netbox.internaldomain.com;").len(), 2);
    assert!(invented(&report, "a.example b.example").is_empty());
}

#[test]
fn a_run_without_a_report_fails_with_its_case_and_stderr() {
    let output = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["lint", "/nonexistent/configuration.py", "--format", "json"])
        .output()
        .unwrap();
    let panic = std::panic::catch_unwind(|| report_of(&output, "lint of t99-missing")).unwrap_err();
    let said = panic.downcast_ref::<String>().unwrap();
    assert!(said.starts_with("lint of t99-missing: no JSON report"), "{said}");
    assert!(said.contains("exit Some(2)") && said.contains("cannot read /nonexistent/configuration.py"), "{said}");
}
