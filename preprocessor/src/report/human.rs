//! Terminal output: rustc-style snippets at the checked files' own lines (a book's chapters, or
//! the files `lint` reads).

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::check::Checked;
use crate::diagnostic::Diagnostic;
use crate::extract::Block;
use crate::finding::Severity;
use crate::report::escape;

/// Render the diagnostics and a summary line. By default only what fails or warns (errors and
/// warnings that no `expect=` asked for): a contributor who broke one block sees that block's
/// finding, not the guide's dozens of mistakes shown on purpose. When a block of the main
/// deployment has an error, what the variants and deliberately wrong blocks (each checked on top
/// of the main deployment) report is its consequence, so it is counted, not printed: the cause
/// comes first. `verbose` lists every diagnostic, expected findings and infos included. What fails
/// the build is decided elsewhere and is the same either way.
pub fn render(checked: &Checked, color: bool, verbose: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let main_broken =
        checked.diagnostics.iter().any(|d| is_error(d) && block_of(d, checked).is_some_and(Block::is_main));
    let shown = |d: &Diagnostic| {
        let consequence = main_broken && block_of(d, checked).is_some_and(|b| !b.is_main());
        verbose || (is_shown_by_default(d) && !consequence)
    };
    let mut out = String::new();
    for d in checked.diagnostics.iter().filter(|d| shown(d)) {
        out.push_str(&render_one(d, checked, &renderer));
        out.push_str("\n\n");
    }
    let consequences = checked.diagnostics.iter().filter(|d| is_shown_by_default(d) && !shown(d)).count();
    let hidden = !verbose && checked.diagnostics.iter().any(|d| !is_shown_by_default(d));
    if consequences > 0 {
        out.push_str(&format!(
            "{consequences} more error{s} and warning{s} in variants and deliberately wrong blocks, \
             which are checked on top of the main deployment: fix the error above first (--verbose lists them)\n",
            s = if consequences == 1 { "" } else { "s" }
        ));
    }
    out.push_str(&summary_line(checked, hidden));
    out.push('\n');
    out
}

/// What a default run prints: a finding that fails or warns.
fn is_shown_by_default(d: &Diagnostic) -> bool {
    !d.expected && matches!(d.severity, Severity::Error | Severity::Warning)
}

fn is_error(d: &Diagnostic) -> bool {
    !d.expected && d.severity == Severity::Error
}

/// The block a diagnostic is about (none for a book-level one, such as an allow comment's).
fn block_of<'a>(d: &Diagnostic, checked: &'a Checked) -> Option<&'a Block> {
    d.block.as_ref().and_then(|b| checked.blocks.get(b.id.0))
}

fn render_one(d: &Diagnostic, checked: &Checked, renderer: &Renderer) -> String {
    let file = checked.sources.get(d.site.source);
    // The snippet shows the primary place and the secondary ones (all in this file).
    let first = d.related.iter().map(|r| r.start.line).fold(d.start.line, usize::min);
    let last = d.related.iter().map(|r| r.end.line).fold(d.end.line.max(d.start.line), usize::max);
    let lines = file.line_range(first).start..file.line_range(last).end;
    // The book's text reaches a terminal: its control characters are shown, never sent.
    let (source, shown) = escape::plain_source(&file.text[lines.clone()]);
    let span_start = shown(d.site.range.start.clamp(lines.start, lines.end) - lines.start);
    let span_end = shown(d.site.range.end.clamp(lines.start, lines.end) - lines.start);
    let level = match (d.expected, d.severity) {
        (true, _) => Level::NOTE,
        (false, Severity::Error) => Level::ERROR,
        (false, Severity::Warning) => Level::WARNING,
        (false, Severity::Info) => Level::INFO,
    };
    let message = escape::plain(&d.message);
    let title = if d.expected {
        format!("{message} (expected: this block shows the mistake on purpose)")
    } else {
        message.into_owned()
    };
    let path = escape::plain(&d.path);
    let related: Vec<(std::ops::Range<usize>, String)> = d
        .related
        .iter()
        .map(|r| {
            let span = shown(r.site.range.start.clamp(lines.start, lines.end) - lines.start)
                ..shown(r.site.range.end.clamp(lines.start, lines.end) - lines.start);
            (span, escape::plain(&r.label).into_owned())
        })
        .collect();
    let label = if d.expected { "expected here" } else { "here" };
    let report = [
        level.primary_title(title).id(d.rule).element(
            Snippet::source(source.as_ref())
                .line_start(first)
                .path(path.as_ref())
                .annotation(AnnotationKind::Primary.span(span_start..span_end).label(label))
                .annotations(
                    related.iter().map(|(span, label)| AnnotationKind::Context.span(span.clone()).label(label)),
                ),
        ),
        Group::with_title(Level::HELP.secondary_title(escape::plain(&d.help))),
    ];
    renderer.render(&report)
}

/// `mdbook-configcheck: 1 error, 0 warnings, 2 infos in 49 checked blocks; 74 expected findings
/// shown on purpose (--verbose lists them)`: the hint when `hidden` findings were not printed.
pub fn summary_line(checked: &Checked, hidden: bool) -> String {
    let s = checked.summary();
    let expected = checked.diagnostics.iter().filter(|d| d.expected).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut line = format!(
        "mdbook-configcheck: {}, {}, {} in {}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info"),
        plural(s.blocks, if checked.of_files { "checked file" } else { "checked block" }),
    );
    if expected > 0 {
        line.push_str(&format!("; {} shown on purpose", plural(expected, "expected finding")));
    }
    if hidden {
        line.push_str(if s.infos > 0 && expected > 0 {
            " (--verbose lists them and the infos)"
        } else if s.infos > 0 {
            " (--verbose lists the infos)"
        } else {
            " (--verbose lists them)"
        });
    }
    line
}
