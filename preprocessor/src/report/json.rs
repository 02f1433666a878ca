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
    /// Secondary places with their labels; left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<RelatedEntry<'a>>,
}

#[derive(Serialize)]
struct RelatedEntry<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    label: &'a str,
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
                related: d
                    .related
                    .iter()
                    .map(|r| RelatedEntry {
                        line: r.start.line,
                        column: r.start.column,
                        end_line: r.end.line,
                        end_column: r.end.column,
                        label: &r.label,
                    })
                    .collect(),
            })
            .collect(),
        summary: checked.summary(),
    };
    // Serializing plain data cannot fail; an empty string would still be noticed by CI.
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}
