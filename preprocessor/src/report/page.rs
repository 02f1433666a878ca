//! Findings in the rendered page: a box right after each block that has findings.
//!
//! For the `html` renderer the box is raw HTML (escaped text, mdBook's theme colours, so it reads
//! in all five themes); other renderers get a plain Markdown blockquote. Injected lines carry the
//! block's own container prefix (list indentation, `> `) so the box stays inside the same list
//! item or blockquote. The only other edit is removing our attributes from a checked block's
//! info string, so they never turn into CSS classes.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::check::Checked;
use crate::diagnostic::Diagnostic;
use crate::extract::{Block, Kind};
use crate::finding::{BlockId, Severity};
use crate::report::escape;
use crate::verification::Record;

/// How the box is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageStyle {
    /// Raw HTML for the `html` renderer.
    Html,
    /// A Markdown blockquote for any other renderer.
    Markdown,
}

impl PageStyle {
    /// The style for an mdBook renderer name.
    pub fn for_renderer(renderer: &str) -> PageStyle {
        if renderer == "html" { PageStyle::Html } else { PageStyle::Markdown }
    }
}

const CSS: &str = "<style>\
.configcheck{margin:0.4em 0 1.4em;padding:0.5em 1em;border-left:0.3em solid var(--blockquote-caution-color,#d1242f);background:var(--quote-bg);color:var(--fg);border-radius:0 4px 4px 0}\
.configcheck.configcheck-teaching{border-left-color:var(--blockquote-warning-color,#9a6700)}\
.configcheck-title{margin:0.2em 0;font-weight:bold}\
.configcheck ul{margin:0.3em 0;padding-left:1.2em}\
.configcheck li{margin:0.35em 0}\
.configcheck-badge{display:inline-block;padding:0 0.45em;border-radius:3px;font-size:0.85em;font-weight:bold;color:var(--bg)}\
.configcheck-error .configcheck-badge{background:var(--blockquote-caution-color,#d1242f)}\
.configcheck-warning .configcheck-badge{background:var(--blockquote-warning-color,#9a6700)}\
.configcheck-info .configcheck-badge{background:var(--blockquote-note-color,#0969da)}\
.configcheck-expected .configcheck-badge{background:var(--blockquote-warning-color,#9a6700)}\
.configcheck-wrong{margin:1em 0;padding-left:0.6em;border-left:0.3em solid var(--blockquote-warning-color,#9a6700)}\
.configcheck-wrong-label{margin:0 0 0.3em;padding:0.2em 0.6em;font-weight:bold;color:var(--fg);background:color-mix(in srgb,var(--blockquote-warning-color,#9a6700) 22%,transparent);border-radius:3px}\
.configcheck-wrong .clip-button{display:none!important}\
.configcheck-fold-hint{margin:0 0 0.3em;font-size:0.85em;color:var(--fg);opacity:0.85}\
.configcheck-help{display:block;margin-top:0.15em;opacity:0.9}\
.configcheck-verified{padding:0.4em 0.8em;border-left:0.3em solid var(--blockquote-note-color,#0969da);background:var(--quote-bg);color:var(--fg);font-size:0.9em}\
.configcheck-marked{--configcheck-tint-error:color-mix(in srgb,var(--blockquote-caution-color,#d1242f) 28%,transparent);--configcheck-tint-warning:color-mix(in srgb,var(--blockquote-warning-color,#9a6700) 28%,transparent);--configcheck-tint-info:color-mix(in srgb,var(--blockquote-note-color,#0969da) 28%,transparent);--configcheck-tint-expected:color-mix(in srgb,var(--blockquote-warning-color,#9a6700) 28%,transparent)}\
.configcheck-marked pre>code{background-image:var(--configcheck-marks)!important;background-origin:content-box!important;background-repeat:no-repeat!important}\
.configcheck-marked pre>code.hide-boring{background-image:var(--configcheck-marks-folded,var(--configcheck-marks))!important}\
</style>";

/// Once per page with a block wrong on purpose: take the copy button (which mdBook's book.js adds
/// to every code block) off those blocks; the style sheet already hides it before this runs.
const SCRIPT: &str = "<script>document.addEventListener('DOMContentLoaded',function(){document.querySelectorAll('.configcheck-wrong .clip-button').forEach(function(b){b.remove()})})</script>";

/// Said before a folded block.
pub const FOLD_HINT: &str = "Lines the same as in the working file are folded; the eye button of the block shows them.";

/// The label before a block wrong on purpose.
pub const WRONG_LABEL: &str = "Wrong on purpose — do not copy";

/// Annotate one chapter. Returns `None` when nothing changes.
/// The blocks of each chapter and the diagnostics of each block, indexed once per book so that
/// annotating stays linear in its size.
#[derive(Debug, Default)]
pub struct PageIndex<'a> {
    blocks: HashMap<usize, Vec<&'a Block>>,
    diagnostics: HashMap<BlockId, Vec<&'a Diagnostic>>,
    /// The main deployment's nginx and Authentik files, by kind and name: what a whole-file
    /// block wrong on purpose is folded against.
    main_files: HashMap<(Kind, &'a str), String>,
}

impl<'a> PageIndex<'a> {
    /// Index a checked book.
    pub fn new(checked: &'a Checked) -> PageIndex<'a> {
        let mut index = PageIndex::default();
        for block in &checked.blocks {
            index.blocks.entry(block.chapter).or_default().push(block);
            if block.is_main() && block.kind != Kind::Netbox {
                let file = index.main_files.entry((block.kind, block.file.as_str())).or_default();
                if !file.is_empty() && !file.ends_with('\n') {
                    file.push('\n');
                }
                file.push_str(&block.text);
            }
        }
        // Files too long to fold against are dropped here, once, so that no block pays for them.
        index.main_files.retain(|_, text| text.lines().count() <= super::fold::MAX_LINES);
        for d in &checked.diagnostics {
            if let Some(block) = &d.block {
                index.diagnostics.entry(block.id).or_default().push(d);
            }
        }
        index
    }
}

/// `reference` is the href of the rule reference chapter, if the book has one: rule ids link there.
pub fn annotate_chapter(
    content: &str,
    chapter: usize,
    checked: &Checked,
    index: &PageIndex<'_>,
    style: PageStyle,
    reference: Option<&str>,
) -> Option<String> {
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut css_done = false;
    let mut script_done = false;
    for block in index.blocks.get(&chapter).into_iter().flatten() {
        let wrong = !block.expect.is_empty();
        let findings = index.diagnostics.get(&block.id);
        let findings_here = findings.map_or(&[][..], Vec::as_slice);
        let fold = (style == PageStyle::Html).then(|| fold(content, block, index, findings_here)).flatten();
        let info = match &fold {
            Some(fold) => format!("{},hidelines={}", block.clean_info, fold.prefix),
            None => block.clean_info.to_string(),
        };
        if content.get(block.info.clone()) != Some(info.as_str()) {
            edits.push((block.info.clone(), info));
        }
        if let Some(fold) = &fold {
            edits.extend(fold.lines.iter().map(|&at| (at..at, fold.prefix.to_string())));
        }
        if findings.is_none() && !wrong {
            continue;
        }
        let findings = findings_here;
        let (at, leading_newline) = insertion_point(content, block);
        let body = match style {
            PageStyle::Html if findings.is_empty() => String::new(),
            PageStyle::Html => {
                let html = html_box(findings, !css_done, reference);
                css_done = true;
                html
            }
            PageStyle::Markdown => markdown_box(findings),
        };
        let prefix = block.prefix.as_str();
        let blank = prefix.trim_end();
        let mut text = String::with_capacity(body.len() + 16 + body.len() / 16 * prefix.len());
        if leading_newline {
            text.push('\n');
        }
        if !block.closed {
            // mdBook ends an unclosed fence with its container (or the page): anything written
            // after it in the same container would be code. Closing it first keeps the code as it
            // was (its trailing blank lines included) and puts the box after it.
            let fence = &content[block.fence.start..];
            let marker = fence.chars().next().filter(|c| matches!(c, '`' | '~')).unwrap_or('`');
            let run = fence.len() - fence.trim_start_matches(marker).len();
            text.push_str(prefix);
            text.extend(std::iter::repeat_n(marker, run.max(3)));
            text.push('\n');
        }
        // A block wrong on purpose is labelled before it; offending lines are marked inside the
        // code block. One wrapper holds the block for both: its class and the lines' positions.
        let marks = (style == PageStyle::Html).then(|| line_marks(findings, None)).flatten();
        let folded_marks = fold.as_ref().and_then(|fold| line_marks(findings, Some(&fold.hidden)));
        if style == PageStyle::Html && (wrong || marks.is_some()) {
            let mut open = String::new();
            if wrong && !css_done {
                open.push_str(CSS);
                css_done = true;
            }
            if wrong && !script_done {
                open.push_str(SCRIPT);
                script_done = true;
            }
            if !open.is_empty() {
                open.push('\n');
                open.push_str(blank);
                open.push('\n');
                open.push_str(prefix);
            }
            let class = match (wrong, marks.is_some()) {
                (true, true) => "configcheck-wrong configcheck-marked",
                (true, false) => "configcheck-wrong",
                _ => "configcheck-marked",
            };
            let _ = write!(open, "<div class=\"{class}\"");
            if let Some(marks) = &marks {
                let _ = write!(open, " style=\"--configcheck-marks: {marks}");
                if let Some(folded) = &folded_marks {
                    let _ = write!(open, "; --configcheck-marks-folded: {folded}");
                }
                open.push('"');
            }
            open.push_str(">\n");
            if wrong {
                let _ = writeln!(
                    open,
                    "{prefix}<p class=\"configcheck-wrong-label\" role=\"note\">&#x26A0; {WRONG_LABEL}</p>"
                );
            }
            if fold.is_some() {
                let _ = writeln!(open, "{prefix}<p class=\"configcheck-fold-hint\">{FOLD_HINT}</p>");
            }
            let _ = write!(open, "{blank}\n{prefix}");
            edits.push((block.fence.start..block.fence.start, open));
            text.push_str(blank);
            text.push('\n');
            text.push_str(prefix);
            text.push_str("</div>\n");
        } else if wrong {
            edits.push((block.fence.start..block.fence.start, format!("**{WRONG_LABEL}:**\n{blank}\n{prefix}")));
        }
        if body.is_empty() {
            edits.push((at..at, text));
            continue;
        }
        text.push_str(blank);
        text.push('\n');
        if prefix.is_empty() && !body.contains('\r') {
            // Outside lists and blockquotes the box goes in as it is, line for line.
            text.push_str(&body);
            if !body.is_empty() && !body.ends_with('\n') {
                text.push('\n');
            }
        } else {
            for line in body.lines() {
                text.push_str(prefix);
                text.push_str(line);
                text.push('\n');
            }
        }
        text.push_str(blank);
        text.push('\n');
        edits.push((at..at, text));
    }
    if let Some((record, chapters)) = &checked.verified
        && chapters.contains(&chapter)
    {
        // The record is part of the book: its text may hold line breaks, markup or Markdown.
        let text = record.stamp();
        let banner = match style {
            PageStyle::Html => {
                let mut escaped = String::new();
                escape::html(&mut escaped, &text);
                let css = if css_done { "" } else { CSS };
                format!("{css}<p class=\"configcheck-verified\" role=\"note\">&#x2714; {escaped}</p>")
            }
            PageStyle::Markdown => format!("> {}", escape::markdown_string(&text)),
        };
        // Right after the chapter's title, or at the top.
        let at = content.lines().next().filter(|l| l.starts_with('#')).map_or(0, |l| (l.len() + 1).min(content.len()));
        let lead = if at > 0 && !content[..at].ends_with('\n') { "\n" } else { "" };
        edits.push((at..at, format!("{lead}\n{banner}\n\n")));
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|(range, _)| (range.start, range.end));
    // One pass: untouched text between the edits, then each edit.
    let mut out = String::with_capacity(content.len() + edits.iter().map(|(_, r)| r.len()).sum::<usize>());
    let mut at = 0;
    for (range, replacement) in &edits {
        out.push_str(&content[at..range.start.max(at)]);
        out.push_str(replacement);
        at = at.max(range.end);
    }
    out.push_str(&content[at..]);
    Some(out)
}

/// A CSS gradient that tints the lines of the block that findings point at (line units, `lh`,
/// from the top of the code's content box), in the tints the style sheet names per severity.
/// With `hidden` (the folded lines of a folded block), the positions are those of the folded
/// view: a line's place among the lines still shown.
fn line_marks(findings: &[&Diagnostic], hidden: Option<&[bool]>) -> Option<String> {
    let shown_before = |line: usize| match hidden {
        Some(hidden) => hidden.iter().take(line).filter(|h| !**h).count(),
        None => line,
    };
    let mut lines: Vec<(usize, &'static str)> = Vec::new();
    for d in findings {
        let tint = if d.expected { "expected" } else { d.severity.name() };
        for line in d.block_lines.clone().into_iter().flatten() {
            if hidden.is_some_and(|h| h.get(line).copied().unwrap_or(false)) {
                continue;
            }
            let line = shown_before(line);
            if !lines.iter().any(|(l, _)| *l == line) {
                lines.push((line, tint));
            }
        }
    }
    if lines.is_empty() {
        return None;
    }
    lines.sort();
    let mut gradient = String::from("linear-gradient(to bottom");
    for (line, tint) in lines {
        let tint = format!("var(--configcheck-tint-{tint})");
        let _ = write!(
            gradient,
            ", transparent {line}lh, {tint} {line}lh, {tint} {}lh, transparent {}lh",
            line + 1,
            line + 1
        );
    }
    gradient.push(')');
    Some(gradient)
}

/// A folded block: the chapter offsets where a hidden line starts (each gets the prefix), and
/// which of the block's lines are hidden.
struct Fold {
    prefix: &'static str,
    lines: Vec<usize>,
    hidden: Vec<bool>,
}

/// Fold a whole-file nginx or Authentik block wrong on purpose (`expect=`) against the main file of that name
/// (see [`crate::report::fold`]). Only where every hidden line is the chapter's own text, at an
/// offset where that line's text starts, and the author set no `hidelines` of their own.
fn fold(content: &str, block: &Block, index: &PageIndex<'_>, findings: &[&Diagnostic]) -> Option<Fold> {
    if block.expect.is_empty() || block.kind == Kind::Netbox || block.clean_info.contains("hidelines") {
        return None;
    }
    let main = index.main_files.get(&(block.kind, block.file.as_str()))?;
    let lines: Vec<&str> = block.text.lines().collect();
    let main: Vec<&str> = main.lines().collect();
    let keep: Vec<usize> = findings.iter().filter_map(|d| d.block_lines.clone()).flatten().collect();
    let (hidden, prefix) = super::fold::folded_lines(&lines, &main, &keep)?;
    let mut offsets = Vec::new();
    let mut start = 0;
    for (raw, is_hidden) in block.text.split_inclusive('\n').zip(&hidden) {
        if *is_hidden {
            let line = raw.trim_end_matches(['\n', '\r']);
            let site = block.map.site(start..start);
            if site.source != block.chapter_source || !content.get(site.range.start..)?.starts_with(line) {
                return None;
            }
            offsets.push(site.range.start);
        }
        start += raw.len();
    }
    Some(Fold { prefix, lines: offsets, hidden })
}

/// Just after the closing fence line.
fn insertion_point(content: &str, block: &Block) -> (usize, bool) {
    let end = block.fence.end.min(content.len());
    if end == 0 || content.as_bytes()[end - 1] == b'\n' {
        return (end, false);
    }
    match content[end..].find('\n') {
        Some(i) => (end + i + 1, false),
        None => (content.len(), true),
    }
}

/// Escape text into `out`, then show `code` spans as code (an odd backtick: no code spans at
/// all). Written straight into the box: no string per piece.
fn push_inline(out: &mut String, text: &str) {
    if memchr::memchr_iter(b'`', text.as_bytes()).count() % 2 == 1 {
        escape::html(out, text);
        return;
    }
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str("<code>");
            escape::html(out, part);
            out.push_str("</code>");
        } else {
            escape::html(out, part);
        }
    }
}

/// The rule id as code, linked to its entry in the reference chapter when the book has one.
fn push_rule_link(out: &mut String, rule: &str, reference: Option<&str>) {
    let link = reference.zip(crate::rules::find(rule));
    if let Some((href, found)) = link {
        out.push_str("<a href=\"");
        let _ = pulldown_cmark_escape::escape_href(&mut *out, href);
        out.push('#');
        out.push_str(&crate::report::reference::anchor(found));
        out.push_str("\">");
    }
    out.push_str("<code>");
    escape::html(out, rule);
    out.push_str("</code>");
    if link.is_some() {
        out.push_str("</a>");
    }
}

/// Where in the block a finding is: "line 3" counts the block's own lines, which is what a reader
/// sees (the chapter's source lines mean nothing on the page); "this block" for a finding about
/// the block as a whole (its info string, an expectation).
fn where_text(d: &Diagnostic) -> String {
    match &d.block_lines {
        Some(lines) if lines.len() > 1 => format!("lines {}–{}", lines.start + 1, lines.end),
        Some(lines) => format!("line {}", lines.start + 1),
        None => "this block".to_string(),
    }
}

fn html_box(findings: &[&Diagnostic], with_css: bool, reference: Option<&str>) -> String {
    let teaching = findings.iter().all(|d| d.expected);
    let mut html = String::with_capacity(if with_css { CSS.len() } else { 0 } + 200 + 600 * findings.len());
    if with_css {
        html.push_str(CSS);
        html.push('\n');
    }
    let class = if teaching { "configcheck configcheck-teaching" } else { "configcheck" };
    let _ = writeln!(html, "<div class=\"{class}\" role=\"note\">");
    let title = if teaching {
        "What goes wrong in the block above (on purpose), and the fix:".to_string()
    } else {
        let count = |severity: Severity| findings.iter().filter(|d| !d.expected && d.severity == severity).count();
        let parts: Vec<String> = [(Severity::Error, "error"), (Severity::Warning, "warning"), (Severity::Info, "info")]
            .into_iter()
            .filter(|(severity, _)| count(*severity) > 0)
            .map(|(severity, word)| {
                let n = count(severity);
                format!("{n} {word}{}", if n == 1 { "" } else { "s" })
            })
            .collect();
        format!("mdbook-configcheck: {} in this block", parts.join(", "))
    };
    html.push_str("<p class=\"configcheck-title\">");
    push_inline(&mut html, &title);
    html.push_str("</p>\n<ul>\n");
    for d in findings {
        let severity = d.severity.name();
        html.push_str("<li class=\"configcheck-finding configcheck-");
        html.push_str(if d.expected { "expected" } else { severity });
        html.push_str("\"><span class=\"configcheck-badge\">");
        if d.expected {
            html.push_str("expected ");
        }
        html.push_str(severity);
        html.push_str("</span> ");
        push_rule_link(&mut html, d.rule, reference);
        html.push(' ');
        push_inline(&mut html, &where_text(d));
        html.push_str(": ");
        push_inline(&mut html, &d.message);
        html.push_str("<span class=\"configcheck-help\">Fix: ");
        push_inline(&mut html, &d.help);
        html.push_str("</span></li>\n");
    }
    html.push_str("</ul>\n</div>");
    html
}

fn markdown_box(findings: &[&Diagnostic]) -> String {
    let mut md = String::new();
    for (i, d) in findings.iter().enumerate() {
        if i > 0 {
            md.push_str(">\n");
        }
        let severity =
            if d.expected { format!("expected {}", d.severity.name()) } else { d.severity.name().to_string() };
        // Rule ids are the registry's own (`DOMAIN/kebab-name`): a code span cannot break.
        let _ = write!(md, "> **mdbook-configcheck** {severity} `{}` (", d.rule);
        escape::markdown(&mut md, &where_text(d));
        md.push_str("): ");
        escape::markdown(&mut md, &d.message);
        md.push_str("\n>\n> Fix: ");
        escape::markdown(&mut md, &d.help);
        md.push('\n');
    }
    md
}

/// What a book's `{{#configcheck-verification}}` becomes: every component the verification record
/// ran, with its version (the page's stamp names only NetBox and Authentik). The record is part of
/// the book, so its text is escaped for the page like any other.
pub fn verification_components(record: Option<&Record>, style: PageStyle) -> String {
    let Some(record) = record else {
        return "This book has no verification record (`verification` in `[preprocessor.configcheck]`).".to_string();
    };
    let rows = record.components();
    let mut out = String::new();
    match style {
        PageStyle::Html => {
            out.push_str("<p class=\"configcheck-verified-components\">Last run on ");
            escape::html(&mut out, record.date());
            out.push_str(", every scenario against each Authentik version:</p>\n<table>\n<thead><tr><th>component</th><th>version</th></tr></thead>\n<tbody>\n");
            for (component, version) in &rows {
                out.push_str("<tr><td>");
                escape::html(&mut out, component);
                out.push_str("</td><td>");
                escape::html(&mut out, version);
                out.push_str("</td></tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        PageStyle::Markdown => {
            let _ = writeln!(
                out,
                "Last run on {}, every scenario against each Authentik version:\n",
                escape::markdown_string(record.date())
            );
            for (component, version) in &rows {
                let _ = writeln!(out, "- {}: {}", escape::markdown_string(component), escape::markdown_string(version));
            }
        }
    }
    out
}
