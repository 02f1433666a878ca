//! `netbox/env-value-spans-lines`: a quoted value in netbox-docker's environment file whose
//! closing quote is lines further down, so the variables written between are part of its value.

use crate::finding::{Finding, Rule, Severity};
use crate::parse::env::SpanningValue;
use crate::version::Applies;

/// A quoted env-file value that swallows the lines up to its closing quote.
pub const ENV_VALUE_SPANS_LINES: Rule = Rule {
    id: "netbox/env-value-spans-lines",
    severity: Severity::Warning,
    summary: "a quoted value in the environment file closes only lines further down: Docker Compose takes the `NAME=value` lines between as part of it, and sets none of them",
    help: "close the quote on the value's own line (SOCIAL_AUTH_OIDC_SECRET=\"…\"), or drop the quotes; a value that is meant to hold several lines is better kept in a file that configuration.py reads",
    fact: "Docker Compose v2 reads env_file with compose-go's dotenv parser (compose-spec/compose-go e70e961, v2.13.0+6, dotenv/parser.go extractVarValue): a single- or double-quoted value runs to the next unescaped matching quote, newlines included; only a quote that nothing closes is an error (`unterminated quoted value`: a syntax error of the file, reported by its reader)",
    applies: Applies::Always,
};

/// Report the env files' quoted values that run over lines and swallow `NAME=` lines, as the
/// env parser noted them ([`crate::parse::env::SpanningValue`]). Called by the check stage, for
/// `check=env` blocks and env files only: the rule needs the file as written (a `\n` escape in
/// double quotes is no line), and a compose file's YAML block scalar (`|`) is meant to hold
/// lines.
pub fn report(spanning: &[SpanningValue], out: &mut Vec<Finding>) {
    for value in spanning {
        if value.swallowed.is_empty() {
            continue;
        }
        // Names only, never the value (it may be a secret).
        let names = value.swallowed.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
        let lines = value.lines;
        let message = format!(
            "the quote that opens the value of `{}` closes only {lines} line{} further down: Docker Compose takes the lines between into that value, so {names} written there {} not set",
            value.name.escape_default(),
            if lines == 1 { "" } else { "s" },
            if value.swallowed.len() == 1 { "is" } else { "are" },
        );
        out.push(Finding::in_block(&ENV_VALUE_SPANS_LINES, value.block, value.name_range.clone(), message));
    }
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

    /// What Compose reads as meant: a `\n` escape in double quotes (one physical line), a PEM
    /// key over lines (its base64 lines end in `=` padding, and are no names), and a compose
    /// file's YAML block scalar under `environment:` (the rule reads env files only).
    #[test]
    fn quiet_on_escaped_newlines_pem_blocks_and_compose_block_scalars() {
        let rule = "netbox/env-value-spans-lines";
        assert_quiet(rule, "BANNER_TOP=\"line one\\nDEBUG=true\"\n");
        assert_quiet(
            rule,
            "OIDC_PRIVATE_KEY=\"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cK=\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\nNMoSfm76oqFvAp8Gy0iz5sxjZmSnXyCdPEovGhLa0VzMaQ8s+CLOyS56YyCFGeJZ=\n-----END PRIVATE KEY-----\"\n",
        );
        let compose = "# t\n\n```yaml,check=compose\nservices:\n  netbox:\n    environment:\n      BANNER_LOGIN: |\n        Welcome\n        DEBUG=true\n```\n";
        assert!(!fired_chapter(compose).contains(&rule), "{:?}", fired_chapter(compose));
    }

    /// A base64 line or a long token is never printed as a variable's name.
    #[test]
    fn only_valid_names_of_at_most_64_characters_are_named() {
        let long = "A".repeat(65);
        assert_quiet("netbox/env-value-spans-lines", &format!("X=\"a\n{long}=1\nZm9vYmFy==\"\n"));
        assert_fires("netbox/env-value-spans-lines", &format!("X=\"a\n{}=1\"\n", "A".repeat(64)));
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
