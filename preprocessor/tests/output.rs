//! What reaches the reader: the page (HTML and other renderers), the terminal and CI logs, on
//! hostile books, through real mdBook builds and the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"));
    command.env_remove("MDBOOK_PREPROCESSOR__CONFIGCHECK__STRICT").env("NO_COLOR", "1");
    command
}

/// A scratch book whose book.toml runs this binary as the preprocessor (so a real mdBook drives it
/// through the JSON protocol), with `files` written under its root.
fn book(extra_toml: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let toml = format!(
        "[book]\ntitle = \"scratch\"\n\n[preprocessor.configcheck]\ncommand = {:?}\n{extra_toml}",
        env!("CARGO_BIN_EXE_mdbook-configcheck")
    );
    fs::write(dir.path().join("book.toml"), toml).unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

fn mdbook_build(dir: &Path) {
    mdbook_driver::MDBook::load(dir).unwrap().build().unwrap();
}

fn check(dir: &Path, format: &str) -> Output {
    bin().args(["check", dir.to_str().unwrap(), "--format", format]).output().unwrap()
}

/// The characters a terminal or a CI log must never receive from a book: C0 and C1 controls but
/// the line break, DEL, and the bidirectional overrides that reorder what a reader sees.
fn unsafe_for_logs(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The `<div class="configcheck"` box of a page, up to its end.
fn html_box(html: &str) -> &str {
    let start = html.find("<div class=\"configcheck\"").expect("a findings box");
    // mdBook 0.5 re-serialises raw HTML (blank lines between elements, references decoded).
    let end = start + html[start..].find("</div>").expect("the box's end");
    &html[start..end]
}

/// A block whose values hold a blank line, Markdown, HTML, terminal escapes, BEL, a C1 control,
/// a bidi override, and a `{{#include}}` put together at run time (so only the box could carry
/// it to mdBook's `links` preprocessor, which runs after ours).
const HOSTILE: &str = "# Hostile\n\n```python,check=netbox\nALLOWED_HOSTS = \"\"\"a\n\n[x](javascript:alert(1))\n\n<script>alert(2)</script> \x1b[31mred\x07 \u{9b}31m \u{202e}evil\"\"\"\nSOCIAL_AUTH_LOGIN_REDIRECT_URL = ['{{#incl' + 'ude ../secret.txt}}']\n```\n\nAfter the block.\n";

#[test]
fn hostile_values_stay_text_in_the_page_in_markdown_in_the_terminal_and_in_ci_logs() {
    let dir = book(
        "[output.html]\n[output.markdown]\n",
        &[("src/SUMMARY.md", "- [Hostile](ch.md)\n"), ("src/ch.md", HOSTILE), ("secret.txt", "TOPSECRET\n")],
    );
    mdbook_build(dir.path());

    let html = fs::read_to_string(dir.path().join("book/html/ch.html")).unwrap();
    let found = html_box(&html);
    assert!(found.contains("javascript:alert(1)"), "the value reaches the box as text: {found}");
    assert!(!html.contains("href=\"javascript"), "no live link: {html}");
    assert!(!html.contains("<script>alert(2)"), "{html}");
    assert!(!html.contains("TOPSECRET"), "a value never becomes an include: {html}");
    assert!(found.contains("{{#include ../secret.txt}}"), "shown, not expanded: {found}");
    // A blank line would end the HTML block: the rest would be Markdown paragraphs.
    assert_eq!(found.matches("<p").count(), 1, "only the title paragraph: {found}");
    assert!(!found.chars().any(unsafe_for_logs), "{found:?}");
    let after = html.find("After the block.").unwrap();
    assert!(html.find("</ul>").unwrap() < after, "the box ends before the next paragraph");

    let md = fs::read_to_string(dir.path().join("book/markdown/ch.md")).unwrap();
    let start = md.find("> **mdbook-configcheck**").expect("the Markdown box");
    let end = start + md[start..].find("\n\n").unwrap();
    let quote = &md[start..end];
    assert!(quote.lines().all(|l| l.starts_with('>')), "one blockquote: {quote}");
    assert!(!quote.contains("](javascript") && !quote.contains("<script>"), "no live Markdown or HTML: {quote}");
    assert!(!quote.contains("{{#"), "{quote}");
    assert!(!quote.chars().any(unsafe_for_logs), "{quote:?}");
    assert!(!md.contains("TOPSECRET"), "{md}");

    let human = check(dir.path(), "human");
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(text.contains("javascript:alert(1)"), "{text}");
    assert!(!text.chars().any(unsafe_for_logs), "{text:?}");

    let github = check(dir.path(), "github");
    let text = String::from_utf8(github.stdout).unwrap();
    assert!(text.contains("javascript:alert(1)"), "{text}");
    assert!(!text.chars().any(unsafe_for_logs), "{text:?}");
    assert!(text.lines().all(|l| l.starts_with("::")), "one workflow command per line: {text}");
}

/// The directives are expanded where a chapter writes them as text, never where it shows them as
/// code: in a code span, a fenced or an indented code block. A backslash shows one literally, as
/// mdBook's own `\{{#include …}}` does (mdBook's `links` removes the backslash after us).
#[test]
fn directives_shown_as_code_stay_code() {
    let chapter = "# Reference\n\nWrite `{{#configcheck-rules}}` or `{{#configcheck-verification}}` on a line of its own:\n\n```markdown\n{{#configcheck-rules}}\n{{#configcheck-verification}}\n```\n\n    {{#configcheck-rules}}\n\nLiterally: \\{{#configcheck-rules}}\n\n{{#configcheck-rules}}\n";
    let dir = book("", &[("src/SUMMARY.md", "- [Reference](reference.md)\n"), ("src/reference.md", chapter)]);
    mdbook_build(dir.path());
    let html = fs::read_to_string(dir.path().join("book/reference.html")).unwrap();
    let main = &html[html.find("<main>").unwrap()..html.find("</main>").unwrap()];
    assert!(
        main.contains("<code>{{#configcheck-rules}}</code> or <code>{{#configcheck-verification}}</code>"),
        "code spans keep the directive: {main}"
    );
    assert!(
        main.contains("{{#configcheck-rules}}\n{{#configcheck-verification}}\n</code></pre>"),
        "the fenced block keeps both: {main}"
    );
    assert!(main.contains("<pre><code>{{#configcheck-rules}}\n</code></pre>"), "the indented block too: {main}");
    assert!(main.contains("Literally: {{#configcheck-rules}}"), "an escaped one is shown: {main}");
    assert_eq!(main.matches("configcheck/syntax-error").count(), 1, "expanded once, where it is text: {main}");
    assert!(!main.contains("This book has no verification record"), "{main}");
}

// --- {{#include}} as mdBook's `links` preprocessor reads it --------------------------------------

/// `check --format json` on a book, stopped after `limit` (a hang is a failure, not a stuck test).
fn check_json_within(dir: &Path, limit: std::time::Duration) -> serde_json::Value {
    let mut child = bin()
        .args(["check", dir.to_str().unwrap(), "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("`check` did not finish within {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (rule, path, line) of every diagnostic.
fn found(report: &serde_json::Value) -> Vec<(String, String, u64)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap().into(), d["path"].as_str().unwrap().into(), d["line"].as_u64().unwrap()))
        .collect()
}

const REDIRECT: &str = "netbox/login-redirect-url-type";

/// Each form mdBook's `links` accepts: spacing inside the braces, extra arguments after the path,
/// `:0` (mdBook: the first line), a directive inside a line, and includes nested in included
/// files (paths relative to the including file). Each block is a variant of its own, so each
/// finding shows which forms were read.
#[test]
fn includes_are_read_as_mdbook_reads_them() {
    let chapter = "# Includes\n\n\
        ```python,check=netbox,variant\n{{ #include   conf/a.py }}\n```\n\n\
        ```python,check=netbox,variant\n{{#include conf/b.py extra words}}\n```\n\n\
        ```python,check=netbox,variant\n{{#include conf/c.py:0}}\n```\n\n\
        ```python,check=netbox,variant\nSOCIAL_AUTH_LOGIN_REDIRECT_URL = {{#include conf/value.txt}}\n```\n\n\
        ```python,check=netbox,variant\n{{#include conf/nested.py}}\n```\n";
    let dir = book(
        "",
        &[
            ("src/SUMMARY.md", "- [Includes](ch.md)\n"),
            ("src/ch.md", chapter),
            ("src/conf/a.py", "SOCIAL_AUTH_LOGIN_REDIRECT_URL = True\nLOGIN_REQUIRED = True\n"),
            ("src/conf/b.py", "SOCIAL_AUTH_LOGIN_REDIRECT_URL = True\nLOGIN_REQUIRED = True\n"),
            ("src/conf/c.py", "SOCIAL_AUTH_LOGIN_REDIRECT_URL = True\nLOGIN_REQUIRED = True\n"),
            ("src/conf/value.txt", "True\n"),
            ("src/conf/nested.py", "LOGIN_REQUIRED = True\n{{#include inner/deeper.py}}\n"),
            ("src/conf/inner/deeper.py", "\nSOCIAL_AUTH_LOGIN_REDIRECT_URL = True\n"),
        ],
    );
    let report = check_json_within(dir.path(), std::time::Duration::from_secs(60));
    let mut redirects: Vec<(String, u64)> = found(&report)
        .into_iter()
        .filter(|(rule, _, _)| rule == REDIRECT)
        .map(|(_, path, line)| (path, line))
        .collect();
    redirects.sort();
    assert_eq!(
        redirects,
        vec![
            ("src/conf/a.py".to_string(), 1),
            ("src/conf/b.py".to_string(), 1),
            ("src/conf/c.py".to_string(), 1),
            ("src/conf/inner/deeper.py".to_string(), 2),
            ("src/conf/value.txt".to_string(), 1),
        ],
        "{report:#}"
    );
    assert!(!found(&report).iter().any(|(rule, _, _)| rule == "configcheck/syntax-error"), "{report:#}");
}

/// mdBook would read a FIFO or `/dev/zero` forever, and any file whole: the checker reads regular
/// files only, up to a limit, and says so at the directive; a chapter that includes itself (a
/// cycle) is cut where mdBook cuts it, with a finding, in `check` and in a real mdBook build.
#[test]
fn includes_that_would_hang_or_loop_are_findings() {
    let chapter = "# Hostile includes\n\n\
        ```python,check=netbox,variant\n{{#include fifo}}\n```\n\n\
        ```python,check=netbox,variant\n{{#include /dev/zero}}\n```\n\n\
        ```python,check=netbox,variant\n{{#include ch.md}}\n```\n";
    let dir = book("", &[("src/SUMMARY.md", "- [Hostile](ch.md)\n"), ("src/ch.md", chapter)]);
    let fifo = dir.path().join("src/fifo");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let report = check_json_within(dir.path(), std::time::Duration::from_secs(60));
    let errors: Vec<(String, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "configcheck/include-error")
        .map(|d| (d["message"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap()))
        .collect();
    assert!(errors.iter().any(|(m, l)| *l == 4 && m.contains("not a regular file")), "{report:#}");
    assert!(errors.iter().any(|(m, l)| *l == 8 && m.contains("not a regular file")), "{report:#}");
    assert!(errors.iter().any(|(m, _)| m.contains("nest")), "the cycle is named: {report:#}");
    // Through mdBook's protocol: no panic, the build goes on; mdBook's own links is not given
    // what would hang it (it runs after the checker): the FIFO, in the block and in the prose, is
    // shown as text. (A FIFO, not /dev/zero: a hanging build must not eat the machine's memory.)
    fs::write(
        dir.path().join("src/ch.md"),
        "# Self\n\nProse: {{#include fifo}}\n\n```python,check=netbox\n{{#include ch.md}}\n{{#include fifo}}\n```\n",
    )
    .unwrap();
    let report = check_json_within(dir.path(), std::time::Duration::from_secs(60));
    assert!(found(&report).contains(&("configcheck/include-error".into(), "src/ch.md".into(), 3)), "{report:#}");
    let root = dir.path().to_path_buf();
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        mdbook_build(&root);
        let _ = done.send(());
    });
    finished.recv_timeout(std::time::Duration::from_secs(120)).expect("the mdBook build finishes");
    let html = fs::read_to_string(dir.path().join("book/ch.html")).unwrap();
    assert!(html.contains("Prose: {{#include fifo}}"), "{html}");
}

/// An error message quoting the book (here a path from book.toml) reaches the terminal without
/// its control characters.
#[test]
fn error_messages_quoting_the_book_carry_no_control_characters() {
    let dir = book(
        "verification = \"record\\u001b[2J\\u0007.json\"\n",
        &[("src/SUMMARY.md", "- [A](a.md)\n"), ("src/a.md", "# A\n")],
    );
    let out = check(dir.path(), "human");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("record"), "{stderr}");
    assert!(!stderr.chars().any(unsafe_for_logs), "{stderr:?}");
}

/// mdBook's `links` pastes an included file's lines as they are: inside a blockquote or a list
/// item, the lines after the first lack the container's prefix, so mdBook ends the code block
/// after one line and renders the rest as a paragraph (seen in a real mdBook 0.5 build). The
/// checker, which reads the whole file, says so at the directive.
#[test]
fn a_multi_line_include_inside_a_blockquote_or_list_item_is_reported() {
    let chapter = "# A\n\n> ```python,check=netbox\n> {{#include a.py}}\n> ```\n\n- item\n\n  ```python,check=netbox,variant\n  {{#include a.py}}\n  ```\n\n- item\n\n  ```python,check=netbox,variant\n  {{#include a.py:1}}\n  ```\n\n```python,check=netbox,variant\n{{#include a.py}}\n```\n";
    let dir = book(
        "",
        &[
            ("src/SUMMARY.md", "- [A](a.md)\n"),
            ("src/a.md", chapter),
            ("src/a.py", "LOGIN_REQUIRED = True\nBASE_PATH = ''\n"),
        ],
    );
    let report = check_json_within(dir.path(), std::time::Duration::from_secs(60));
    let lines: Vec<u64> = found(&report)
        .into_iter()
        .filter(|(rule, _, _)| rule == "configcheck/include-in-container")
        .map(|(_, _, line)| line)
        .collect();
    assert_eq!(
        lines,
        vec![4, 10],
        "the blockquote and the list item, not the one-line include nor the page: {report:#}"
    );
}
