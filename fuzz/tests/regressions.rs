//! Every input a fuzz target ever crashed on, kept under `regressions/<target>/`, runs through
//! that target again without crashing; so do the seed inputs under `corpus/<target>/`.
//!
//! Each input runs on a thread with the main thread's 8 MiB stack, as in the fuzzer's binary, so
//! that an input that overflowed the stack there overflows it here too, and not merely because a
//! test thread's stack is smaller.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::path::{Path, PathBuf};

const STACK: usize = 8 << 20;

fn inputs(folder: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder).join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    // Notes (`README.md`) say why an input is kept; they are not inputs.
    files.retain(|p| p.extension().is_none_or(|e| e != "md"));
    files.sort();
    files
}

fn replay(target: &'static configcheck_fuzz::Target, file: &Path) {
    let data = std::fs::read(file).unwrap();
    let run = target.run;
    let outcome = std::thread::Builder::new().stack_size(STACK).spawn(move || run(&data)).unwrap().join();
    assert!(outcome.is_ok(), "target `{}` crashed on {}", target.name, file.display());
}

#[test]
fn every_kept_crash_runs_without_crashing() {
    let mut replayed = 0;
    for target in configcheck_fuzz::TARGETS {
        for file in inputs("regressions", target.name) {
            replay(target, &file);
            replayed += 1;
        }
    }
    // Folders are per target: one named for no target would never be replayed.
    for folder in ["regressions", "pending", "corpus"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        for entry in std::fs::read_dir(&dir).into_iter().flatten().filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(
                entry.path().is_file() || configcheck_fuzz::target(&name).is_some(),
                "{folder}/{name} is named for no fuzz target"
            );
        }
    }
    eprintln!("{replayed} kept crash input(s) replayed");
}

#[test]
fn every_target_has_seeds_and_they_run() {
    for target in configcheck_fuzz::TARGETS {
        let seeds = inputs("corpus", target.name);
        assert!(!seeds.is_empty(), "corpus/{} has no seed input", target.name);
        for file in seeds {
            replay(target, &file);
        }
    }
}

#[test]
fn the_protocol_seeds_are_inputs_the_preprocessor_accepts() {
    // A seed the protocol refuses would leave the fuzzer at the door.
    for file in inputs("corpus", "preprocess") {
        let data = std::fs::read(&file).unwrap();
        let parsed = mdbook_configcheck::protocol::parse_input(&data);
        assert!(parsed.is_ok(), "{}: {:#}", file.display(), parsed.err().map(|e| e.to_string()).unwrap_or_default());
    }
}
