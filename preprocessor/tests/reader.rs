//! The reader's path and the contributor's loop (issue 13): the embedded `build` renders what
//! `mdbook build` renders, shows mdBook's own warnings, and prints little when all is well.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

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

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() != "book" {
                copy_dir(&entry.path(), &target);
            }
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
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

#[test]
fn the_embedded_build_writes_the_files_mdbook_build_writes_search_included() {
    // `mdbook build` as the mdbook command does it (MDBook::load, then build, with mdBook's
    // default `search` feature, which this test crate's mdbook-driver has as the binary's does),
    // running this binary through the preprocessor protocol as book.toml's command.
    let by_mdbook = guide_copy();
    let toml_path = by_mdbook.path().join("book.toml");
    let toml = fs::read_to_string(&toml_path).unwrap().replacen(
        "[preprocessor.configcheck]\n",
        &format!("[preprocessor.configcheck]\ncommand = {:?}\n", env!("CARGO_BIN_EXE_mdbook-configcheck")),
        1,
    );
    fs::write(&toml_path, toml).unwrap();
    mdbook_driver::MDBook::load(by_mdbook.path()).unwrap().build().unwrap();
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
