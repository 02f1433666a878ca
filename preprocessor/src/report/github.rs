//! `--format github`: workflow commands that annotate the pull request.
//!
//! Escaping follows actions/toolkit (`packages/core/src/command.ts`: `escapeData`,
//! `escapeProperty`): `%`, CR and LF in the message; additionally `:` and `,` in property values.
//! Before that, text from the book goes through [`escape::plain`], so no control character (ESC,
//! BEL, …) reaches the log. Expected findings are not problems and are left out.

use crate::check::Checked;
use crate::finding::Severity;
use crate::report::escape;

fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Render the annotations, one line each, and a summary line.
pub fn render(checked: &Checked) -> String {
    let mut out = String::new();
    for d in checked.diagnostics.iter().filter(|d| !d.expected) {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        // Columns count only on single-line annotations (actions/runner#2082).
        let columns = if d.start.line == d.end.line {
            format!(",col={},endColumn={}", d.start.column, d.end.column.max(d.start.column))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "::{command} file={},line={},endLine={}{columns},title={}::{}\n",
            escape_property(&escape::plain(&d.path)),
            d.start.line,
            d.end.line,
            escape_property(d.rule),
            escape_data(&format!("{}\nhelp: {}", escape::plain(&d.message), escape::plain(&d.help))),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_actions_toolkit_does() {
        assert_eq!(escape_data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
