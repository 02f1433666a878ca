//! The real-world corpus (`tests/realworld/`): the checker's findings on shapes of public
//! configuration, scored against ground truth written before the checker ran. The result must be
//! the one recorded in `tests/realworld/measured.json` and in the table of its README, so a change
//! to the rules shows its effect on precision and recall (regenerate as the README says).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn corpus() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/realworld")
}

#[test]
fn the_corpus_scores_as_recorded() {
    let output = Command::new("python3")
        .arg(corpus().join("run.py"))
        .args(["--binary", env!("CARGO_BIN_EXE_mdbook-configcheck"), "--json"])
        .output()
        .expect("python3 runs tests/realworld/run.py");
    assert!(output.status.success(), "run.py failed: {}", String::from_utf8_lossy(&output.stderr));
    let measured: Value = serde_json::from_slice(&output.stdout).unwrap();
    let recorded: Value =
        serde_json::from_str(&std::fs::read_to_string(corpus().join("measured.json")).unwrap()).unwrap();
    for half in ["tuning", "heldout", "all"] {
        assert_eq!(measured[half], recorded[half], "{half}: the corpus scores differently from measured.json");
    }
    assert_eq!(measured["cases"], recorded["cases"], "a case's false findings or misses changed");
}

/// A share in percent with one decimal, rounded down: 95/96 is 98.9 %, never shown as the 99.0 %
/// a bar asks for; nothing of nothing is 100 %.
fn percent_down(part: &Value, whole: &Value) -> String {
    let (part, whole) = (part.as_u64().unwrap(), whole.as_u64().unwrap());
    let tenths = (part * 1000).checked_div(whole).unwrap_or(1000);
    format!("{}.{}%", tenths / 10, tenths % 10)
}

#[test]
fn the_readme_table_shows_the_recorded_figures() {
    let recorded: Value =
        serde_json::from_str(&std::fs::read_to_string(corpus().join("measured.json")).unwrap()).unwrap();
    let readme = std::fs::read_to_string(corpus().join("README.md")).unwrap();
    for half in ["tuning", "heldout", "all"] {
        let m = &recorded[half];
        let row = format!(
            "| {half} | {} | {} | {} | {} ({}) | {} | {}/{} | {} | {} |",
            m["cases"],
            m["findings"],
            m["correct"],
            m["false"],
            m["false_errors"],
            percent_down(&m["correct"], &m["findings"]),
            m["found"],
            m["required"],
            percent_down(&m["found"], &m["required"]),
            m["misplaced"]
        );
        assert!(readme.contains(&row), "tests/realworld/README.md lacks the row\n{row}");
    }
}

/// The project README shows the same figures (the table under "Checking your own files").
#[test]
fn the_project_readme_shows_the_recorded_figures() {
    let recorded: Value =
        serde_json::from_str(&std::fs::read_to_string(corpus().join("measured.json")).unwrap()).unwrap();
    let readme = std::fs::read_to_string(corpus().join("../../README.md")).unwrap();
    for (half, label) in [("tuning", "tuning"), ("heldout", "held out"), ("all", "all")] {
        let m = &recorded[half];
        let row = format!(
            "| {label} | {} | {} | {} ({}) | {} | {}/{} |",
            m["cases"],
            m["findings"],
            m["false"],
            m["false_errors"],
            percent_down(&m["correct"], &m["findings"]),
            m["found"],
            m["required"]
        );
        assert!(readme.contains(&row), "README.md lacks the corpus row\n{row}");
    }
}
