//! `--format json`: exactly the object of DESIGN.md.

use serde::Serialize;

use crate::check::Checked;
use crate::diagnostic::{BlockRef, Summary};
use crate::finding::Severity;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    diagnostics: Vec<Entry<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Entry<'a> {
    rule: &'a str,
    severity: Severity,
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'a str,
    help: &'a str,
    block: Option<&'a BlockRef>,
    expected: bool,
}

/// Render the report.
pub fn render(checked: &Checked) -> String {
    let report = Report {
        version: 1,
        diagnostics: checked
            .diagnostics
            .iter()
            .map(|d| Entry {
                rule: d.rule,
                severity: d.severity,
                path: &d.path,
                line: d.start.line,
                column: d.start.column,
                end_line: d.end.line,
                end_column: d.end.column,
                message: &d.message,
                help: &d.help,
                block: d.block.as_ref(),
                expected: d.expected,
            })
            .collect(),
        summary: checked.summary(),
    };
    // Serializing plain data cannot fail; an empty string would still be noticed by CI.
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}
