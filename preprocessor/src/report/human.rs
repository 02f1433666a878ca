//! Terminal output: rustc-style snippets with the chapter's own line numbers.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::check::Checked;
use crate::diagnostic::Diagnostic;
use crate::finding::Severity;
use crate::report::escape;

/// Render every diagnostic and a summary line.
pub fn render(checked: &Checked, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for d in &checked.diagnostics {
        out.push_str(&render_one(d, checked, &renderer));
        out.push_str("\n\n");
    }
    out.push_str(&summary_line(checked));
    out.push('\n');
    out
}

fn render_one(d: &Diagnostic, checked: &Checked, renderer: &Renderer) -> String {
    let file = checked.sources.get(d.site.source);
    let first = d.start.line;
    let last = d.end.line.max(first);
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
    let label = if d.expected { "expected here" } else { "here" };
    let report = [
        level.primary_title(title).id(d.rule).element(
            Snippet::source(source.as_ref())
                .line_start(first)
                .path(path.as_ref())
                .annotation(AnnotationKind::Primary.span(span_start..span_end).label(label)),
        ),
        Group::with_title(Level::HELP.secondary_title(escape::plain(&d.help))),
    ];
    renderer.render(&report)
}

/// `mdbook-configcheck: 2 errors, 1 warning, 0 infos in 7 checked blocks (3 expected findings)`.
pub fn summary_line(checked: &Checked) -> String {
    let s = checked.summary();
    let expected = checked.diagnostics.iter().filter(|d| d.expected).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "mdbook-configcheck: {}, {}, {} in {}{}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info"),
        plural(s.blocks, "checked block"),
        if expected > 0 {
            format!(" ({} shown on purpose)", plural(expected, "expected finding"))
        } else {
            String::new()
        }
    )
}
