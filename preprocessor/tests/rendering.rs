//! Faithful rendering, on generated books built twice with real mdBook (0.5, the crate this tool
//! embeds): once without the preprocessor, once with it in-process (as `mdbook-configcheck
//! build` runs it). Every code block must come out as the same HTML both ways — the same language
//! class and the same code, byte for byte — whatever the fence's shape: the closing fence indented
//! differently from the opening one (CommonMark allows it), fences of tildes or longer runs,
//! list items indented with tabs, blockquotes, lists in blockquotes, and fences that are never
//! closed (mdBook ends those with their container, or the page). The box and the line tints are
//! the only additions.
//!
//! `PROPTEST_CASES=200 cargo test -p mdbook-configcheck --test rendering` runs a deeper search.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::fs;
use std::path::Path;

use mdbook_configcheck::book::ConfigCheck;
use mdbook_driver::MDBook;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config as ProptestConfig;

/// Where a block stands: the first line's prefix and every later line's.
#[derive(Debug, Clone, Copy)]
enum Container {
    Page,
    Dash,
    Ordered,
    TabDash,
    DashThenTabs,
    Quote,
    QuotedList,
}

impl Container {
    fn prefixes(self) -> (&'static str, &'static str) {
        match self {
            Container::Page => ("", ""),
            Container::Dash => ("- ", "  "),
            Container::Ordered => ("1. ", "   "),
            Container::TabDash => ("-\t", "\t"),
            Container::DashThenTabs => ("- ", "\t"),
            Container::Quote => ("> ", "> "),
            Container::QuotedList => ("> - ", ">   "),
        }
    }
}

#[derive(Debug, Clone)]
struct Fence {
    container: Container,
    open_indent: usize,
    marker: char,
    open_len: usize,
    /// `None`: never closed.
    close: Option<(usize, usize)>,
    body: Vec<&'static str>,
}

impl Fence {
    fn markdown(&self) -> String {
        let (first, rest) = self.container.prefixes();
        let line = |prefix: &str, text: &str| {
            if text.is_empty() { format!("{}\n", prefix.trim_end()) } else { format!("{prefix}{text}\n") }
        };
        let fence =
            |indent: usize, len: usize| format!("{}{}", " ".repeat(indent), self.marker.to_string().repeat(len));
        let mut out = line(first, &format!("{}python,check=netbox", fence(self.open_indent, self.open_len)));
        for body in &self.body {
            out.push_str(&line(rest, body));
        }
        if let Some((indent, extra)) = self.close {
            out.push_str(&line(rest, &fence(indent, self.open_len + extra)));
        }
        out
    }
}

fn fence() -> impl Strategy<Value = Fence> {
    let container = select(vec![
        Container::Page,
        Container::Dash,
        Container::Ordered,
        Container::TabDash,
        Container::DashThenTabs,
        Container::Quote,
        Container::QuotedList,
    ]);
    let body = prop::collection::vec(
        select(vec![
            "SOCIAL_AUTH_LOGIN_REDIRECT_URL = True",
            "if True:",
            "    LOGIN_REQUIRED = True",
            "\tLOGIN_REQUIRED = True",
            "  # two spaces",
            " ALLOWED_HOSTS = ['*']",
            "",
            "x = '<b>&amp;'",
        ]),
        1..6,
    );
    let close = prop::option::weighted(0.8, (0..4usize, 0..3usize));
    (container, 0..4usize, select(vec!['`', '~']), 3..6usize, close, body).prop_map(
        |(container, open_indent, marker, open_len, close, body)| Fence {
            container,
            open_indent,
            marker,
            open_len,
            close,
            body,
        },
    )
}

/// A chapter: blocks separated by paragraphs.
fn chapter() -> impl Strategy<Value = String> {
    prop::collection::vec(fence(), 1..4).prop_map(|fences| {
        let mut text = String::from("# Chapter\n\n");
        for (i, fence) in fences.iter().enumerate() {
            text.push_str(&fence.markdown());
            text.push_str(&format!("\nParagraph {i}.\n\n"));
        }
        text
    })
}

/// Build `chapters` into `out`, with the preprocessor or without.
fn build(root: &Path, with_checker: bool, out: &Path) {
    let mut config: mdbook_preprocessor::config::Config =
        fs::read_to_string(root.join("book.toml")).unwrap().parse().unwrap();
    config.build.build_dir = out.to_path_buf();
    if with_checker {
        config.set("preprocessor.configcheck", serde_json::json!({})).unwrap();
    }
    let mut book = MDBook::load_with_config(root, config).unwrap();
    if with_checker {
        book.with_preprocessor(ConfigCheck::default());
    }
    book.build().unwrap();
}

/// (class, code) of every `<pre><code>` of a page.
fn code_blocks(html: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<pre><code") {
        let after = &rest[start + "<pre><code".len()..];
        let open_end = after.find('>').unwrap();
        let end = after.find("</code></pre>").unwrap();
        blocks.push((after[..open_end].to_string(), after[open_end + 1..end].to_string()));
        rest = &after[end..];
    }
    blocks
}

fn runner() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(24);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Build `chapters` both ways; the first chapter whose code blocks differ, with both sides.
fn differences(chapters: &[String]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    fs::create_dir_all(&src).unwrap();
    fs::write(dir.path().join("book.toml"), "[book]\ntitle = \"generated\"\n").unwrap();
    let mut summary = String::new();
    for (i, text) in chapters.iter().enumerate() {
        fs::write(src.join(format!("ch{i}.md")), text).unwrap();
        summary.push_str(&format!("- [Chapter {i}](ch{i}.md)\n"));
    }
    fs::write(src.join("SUMMARY.md"), summary).unwrap();
    build(dir.path(), false, &dir.path().join("off"));
    build(dir.path(), true, &dir.path().join("on"));
    for (i, text) in chapters.iter().enumerate() {
        let page = |side: &str| fs::read_to_string(dir.path().join(side).join(format!("ch{i}.html"))).unwrap();
        // Our attributes never reach the class: compare the language mdBook derives.
        let off: Vec<(String, String)> = code_blocks(&page("off"))
            .into_iter()
            .map(|(class, code)| (class.replace(" check=netbox", "").replace(",check=netbox", ""), code))
            .collect();
        let on = code_blocks(&page("on"));
        if off != on {
            return Some(format!("chapter:\n{text}\nwithout the checker: {off:#?}\nwith it: {on:#?}"));
        }
    }
    None
}

/// The shapes the issue names, each of which changed the code before.
#[test]
fn the_fence_shapes_that_changed_the_code_render_as_without_the_checker() {
    let python = "if True:\n    LOGIN_REQUIRED = True\nSOCIAL_AUTH_LOGIN_REDIRECT_URL = True";
    let indent = |prefix: &str| python.lines().map(|l| format!("{prefix}{l}\n")).collect::<String>();
    let chapters = [
        // The closing fence indented three spaces, the opening one not.
        format!("# a\n\n```python,check=netbox\n{python}\n   ```\n"),
        // List items indented with tabs: after a tab marker, and a dash item continued with tabs.
        format!("# b\n\n-\t```python,check=netbox\n{}\t```\n\nAfter.\n", indent("\t")),
        format!("# b2\n\n- ```python,check=netbox\n{}\t```\n\nAfter.\n", indent("\t")),
        // In a list, the closing fence further in than the opening one.
        format!("# c\n\n1. ```python,check=netbox\n{}      ```\n", indent("   ")),
        // Never closed, at the end of the page and at the end of a blockquote.
        format!("# d\n\n```python,check=netbox\n{python}\n"),
        format!("# e\n\n> ```python,check=netbox\n{}\nAfter.\n", indent("> ")),
    ];
    for chapter in chapters {
        assert_eq!(differences(std::slice::from_ref(&chapter)), None);
    }
}

proptest! {
    #![proptest_config(runner())]

    #[test]
    fn every_code_block_renders_as_mdbook_renders_it_without_the_checker(chapters in prop::collection::vec(chapter(), 1..4)) {
        let differs = differences(&chapters);
        prop_assert!(differs.is_none(), "{}", differs.unwrap_or_default());
    }
}
