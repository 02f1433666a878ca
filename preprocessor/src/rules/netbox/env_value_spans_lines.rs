//! `netbox/env-value-spans-lines`: a quoted value in netbox-docker's environment file whose
//! closing quote is lines further down, so the variables written between are part of its value.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A quoted env-file value that swallows the lines up to its closing quote.
pub const ENV_VALUE_SPANS_LINES: Rule = Rule {
    id: "netbox/env-value-spans-lines",
    severity: Severity::Warning,
    summary: "a quoted value in the environment file closes only lines further down: Docker Compose takes the `NAME=value` lines between as part of it, and sets none of them",
    help: "close the quote on the value's own line (SOCIAL_AUTH_OIDC_SECRET=\"…\"), or drop the quotes; a value that is meant to hold several lines is better kept in a file that configuration.py reads",
    fact: "Docker Compose v2 reads env_file with compose-go's dotenv parser (compose-spec/compose-go e70e961, v2.13.0+6, dotenv/parser.go extractVarValue): a single- or double-quoted value runs to the next unescaped matching quote, newlines included; only a quote that nothing closes is an error (`unterminated quoted value`: a syntax error of the file, reported by its reader)",
    applies: Applies::Always,
};

pub fn env_value_spans_lines(d: &Input<'_>, _targets: &Targets, out: &mut Vec<Finding>) {
    for var in d.netbox.environment() {
        let Some(value) = var.value.as_str() else { continue };
        // The lines after the first that Compose took into the value, and that read as
        // variables: names only, never the value (it may be a secret).
        let swallowed: Vec<&str> = value.split('\n').skip(1).filter_map(assignment_name).collect();
        if swallowed.is_empty() {
            continue;
        }
        let lines = value.matches('\n').count();
        let names = swallowed.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
        let message = format!(
            "the quote that opens the value of `{}` closes only {lines} line{} further down: Docker Compose takes the lines between into that value, so {names} written there {} not set",
            var.name,
            if lines == 1 { "" } else { "s" },
            if swallowed.len() == 1 { "is" } else { "are" },
        );
        out.push(Finding::in_block(&ENV_VALUE_SPANS_LINES, var.block, var.name_range.clone(), message));
    }
}

/// The name a line assigns, as an env file writes it (`NAME=…`, `export NAME=…`).
fn assignment_name(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let line = line.strip_prefix("export ").map_or(line, str::trim_start);
    let (name, _) = line.split_once('=')?;
    let name = name.trim_end();
    let mut chars = name.chars();
    let first = chars.next()?;
    ((first.is_ascii_alphabetic() || first == '_') && chars.all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then_some(name)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::fired_chapter;

    /// The rules that fire on a chapter with one environment file.
    fn fired(env: &str) -> Vec<&'static str> {
        fired_chapter(&format!("# t\n\n```sh,check=env\n{env}```\n"))
    }

    fn assert_fires(rule: &str, env: &str) {
        assert!(fired(env).contains(&rule), "{rule} should fire on:\n{env}got {:?}", fired(env));
    }

    fn assert_quiet(rule: &str, env: &str) {
        assert!(!fired(env).contains(&rule), "{rule} must not fire on:\n{env}got {:?}", fired(env));
    }

    #[test]
    fn fires_on_a_quote_closed_lines_later_and_not_on_a_value_that_spans_no_variable() {
        // The closing quote of the secret was lost, and the opening one of a later value.
        assert_fires(
            "netbox/env-value-spans-lines",
            "SOCIAL_AUTH_OIDC_SECRET=\"abc\nREMOTE_AUTH_ENABLED=true\nBANNER_TOP=x\"\n",
        );
        assert_quiet("netbox/env-value-spans-lines", "SOCIAL_AUTH_OIDC_SECRET=\"abc\"\nBANNER_TOP=\"x\"\n");
        // A value that is meant to hold lines, with no assignment among them.
        assert_quiet("netbox/env-value-spans-lines", "BANNER_TOP=\"first line\nsecond line\"\n");
    }

    #[test]
    fn the_message_names_the_lost_variables_never_the_value() {
        let chapter = "# t\n\n```sh,check=env\nSOCIAL_AUTH_OIDC_SECRET=\"s3cr3t\nDEBUG=true\nexport LOGIN_REQUIRED=true\nTIME_ZONE=UTC\"\n```\n";
        let checked = crate::check::check_chapters(
            &[crate::extract::ChapterInput::for_test(chapter)],
            std::path::Path::new("."),
            &crate::config::Settings::default(),
        )
        .unwrap();
        let finding = checked.diagnostics.iter().find(|d| d.rule == "netbox/env-value-spans-lines").unwrap();
        assert_eq!(finding.start.line, 4, "the variable's own line");
        assert!(finding.message.contains("`DEBUG`, `LOGIN_REQUIRED`, `TIME_ZONE`"), "{}", finding.message);
        assert!(finding.message.contains("3 lines further down"), "{}", finding.message);
        assert!(!finding.message.contains("s3cr3t"), "{}", finding.message);
    }
}
