//! The rule reference, generated from the registry so it cannot drift from the code.

use std::fmt::Write as _;

use crate::finding::Rule;
use crate::rules;

/// The anchor of a rule's entry (`netbox-login-redirect-url-type`).
pub fn anchor(rule: &Rule) -> String {
    rule.id.replace('/', "-")
}

/// Every rule as a Markdown document (RULES.md).
pub fn markdown() -> String {
    format!(
        "# Rule reference\n\nGenerated from the rule registry of mdbook-configcheck (`mdbook-configcheck rules`); do not edit by hand.\n{}",
        body()
    )
}

/// Every rule, one section per rule grouped by domain: what a book's `{{#configcheck-rules}}` becomes.
pub fn body() -> String {
    let mut out = String::new();
    let mut domain = "";
    for rule in rules::all() {
        let this_domain = rule.id.split('/').next().unwrap_or("");
        if this_domain != domain {
            domain = this_domain;
            let _ = write!(out, "\n## {domain}\n");
        }
        let _ = write!(
            out,
            "\n### `{id}` {{#{anchor}}}\n\n{summary}.\n\n- **Default severity:** {severity}\n- **Applies to:** {applies}\n- **Fix:** {help}\n- **Rests on:** {fact}\n",
            id = rule.id,
            anchor = anchor(rule),
            summary = capitalize(rule.summary),
            severity = rule.severity.name(),
            applies = rule.applies,
            help = rule.help,
            fact = rule.fact,
        );
    }
    out
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
