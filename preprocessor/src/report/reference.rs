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
            summary = escape_markdown(&capitalize(rule.summary)),
            severity = rule.severity.name(),
            applies = escape_markdown(&rule.applies.to_string()),
            help = escape_markdown(rule.help),
            fact = escape_markdown(rule.fact),
        );
    }
    out
}

/// The reference as a book's `{{#configcheck-rules}}` becomes: mdBook's `links` preprocessor runs
/// after this one and expands `{{#…}}` anywhere, code spans included, so a rule text that shows
/// such a directive gets mdBook's own escape (`\{{#`), which `links` turns back into the text.
pub fn body_for_mdbook() -> String {
    body().replace("{{#", "\\{{#")
}

/// Rule texts as Markdown that renders them literally: code spans (`` `…` ``) stay code spans,
/// and outside them every character Markdown or HTML would read (`<slug>` as a tag, `*` and `_` as
/// emphasis, `[` as a link, `&` as an entity) is backslash-escaped. A backtick without its closing
/// run is escaped too, so it cannot swallow the rest of the entry.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            let run = rest.len() - rest.trim_start_matches('`').len();
            let fence = &rest[..run];
            // The closing run: the same number of backticks, not part of a longer run.
            let closing = rest[run..].match_indices(fence).find(|(at, _)| {
                let after = run + at + run;
                !rest[after..].starts_with('`') && !rest[..run + at].ends_with('`')
            });
            if let Some((at, _)) = closing {
                let end = run + at + run;
                out.push_str(&rest[..end]);
                rest = &rest[end..];
            } else {
                for _ in 0..run {
                    out.push_str("\\`");
                }
                rest = &rest[run..];
            }
            continue;
        }
        let at_line_start = out.is_empty() || out.ends_with('\n');
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|' | '!')
            || (at_line_start && matches!(c, '#' | '-' | '+' | '='))
        {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::escape_markdown;

    #[test]
    fn placeholders_and_emphasis_are_literal_and_code_spans_stay_code() {
        assert_eq!(escape_markdown("at /application/o/<slug>/"), "at /application/o/\\<slug\\>/");
        assert_eq!(escape_markdown("`<app-slug>` and <app-slug>"), "`<app-slug>` and \\<app-slug\\>");
        assert_eq!(escape_markdown("a_b *c* [d](e) &amp;"), "a\\_b \\*c\\* \\[d\\](e) \\&amp;");
        assert_eq!(escape_markdown("``a ` b`` <x>"), "``a ` b`` \\<x\\>");
        assert_eq!(escape_markdown("`open <x>"), "\\`open \\<x\\>");
        assert_eq!(escape_markdown("# not a heading"), "\\# not a heading");
    }
}
