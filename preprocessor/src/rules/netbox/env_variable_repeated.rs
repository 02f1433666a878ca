//! `netbox/env-variable-repeated`: an environment file sets the same variable twice.
//!
//! ## What it does
//! Points at the later line of a variable an env file sets again, with the earlier line as a
//! secondary place. Across files it says nothing: a later env file of the `env_file:` list
//! overriding an earlier one is how Compose layers them.
//!
//! ## Why is this bad?
//! Compose keeps only the later value: whatever the earlier line says (an `https://` origin, a
//! first group list) never reaches NetBox. A value meant to hold both belongs on one line
//! (netbox-docker's list variables take several items separated by spaces).
//!
//! ## Example
//! `CSRF_TRUSTED_ORIGINS=https://192.0.2.10` and, below it, `CSRF_TRUSTED_ORIGINS=http://192.0.2.10`.
//!
//! Use instead: `CSRF_TRUSTED_ORIGINS=https://192.0.2.10 http://192.0.2.10`.

use crate::finding::{Finding, Rule, Severity};
use crate::parse::env::RepeatedVariable;
use crate::version::Applies;

/// A variable an env file sets twice.
pub const ENV_VARIABLE_REPEATED: Rule = Rule {
    id: "netbox/env-variable-repeated",
    severity: Severity::Warning,
    summary: "an environment file sets the same variable twice: Docker Compose keeps the later value, and the earlier line never reaches NetBox",
    help: "keep one line per variable; netbox-docker's list variables (CSRF_TRUSTED_ORIGINS, ALLOWED_HOSTS, group lists) take several items on one line, separated by spaces",
    fact: "compose-go (compose-spec/compose-go e70e961, dotenv/parser.go `parser.parse`, L33-70) stores each KEY=value in one map in file order, `out[key] = value`, so a later line replaces an earlier one (a later line whose value is not known, a bare name or one that builds on the earlier value, `X=${X} b`, is left alone: godotenv.go L170-177 expands it with the values already read); netbox-docker 3.0.2 configuration/configuration.py splits its list variables on spaces (`_AS_LIST`, L46). Seen in a blog post setting CSRF_TRUSTED_ORIGINS once per scheme (tests/realworld/tuning/t147-…)",
    applies: Applies::Always,
};

/// Report the variables the env parser saw set again. Called by the check stage (the model
/// keeps one value per name).
pub fn report(repeated: &[RepeatedVariable], out: &mut Vec<Finding>) {
    for variable in repeated {
        out.push(
            Finding::in_block(
                &ENV_VARIABLE_REPEATED,
                variable.block,
                variable.range.clone(),
                format!(
                    "`{}` is set again here: Docker Compose keeps this later value, so the earlier line's never reaches NetBox",
                    variable.name.escape_debug()
                ),
            )
            .with_related(variable.earlier.clone(), "set first here, then replaced"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_fires_in_chapter, assert_quiet_in_chapter, fired_chapter_lines};

    fn env(text: &str) -> String {
        format!("# t\n\n```sh,check=env\n{text}```\n")
    }

    /// A blog post's two lines, one per scheme (corpus case t147): the later wins.
    #[test]
    fn a_variable_set_twice_is_reported_on_the_later_line() {
        let twice = env("CSRF_TRUSTED_ORIGINS=https://192.0.2.10\nDB_HOST=postgres\nCSRF_TRUSTED_ORIGINS=http://192.0.2.10\n");
        assert_fires_in_chapter("netbox/env-variable-repeated", &twice, 3);
        assert_eq!(fired_chapter_lines("netbox/env-variable-repeated", &twice).len(), 1, "once, on the later line");
        assert_quiet_in_chapter(
            "netbox/env-variable-repeated",
            &env("CSRF_TRUSTED_ORIGINS=https://192.0.2.10 http://192.0.2.10\nDB_HOST=postgres\n"),
        );
        // A later line that builds on the earlier value, or a bare name (the shell's, if set).
        for later in ["CSRF_TRUSTED_ORIGINS=${CSRF_TRUSTED_ORIGINS} http://192.0.2.10", "CSRF_TRUSTED_ORIGINS"] {
            let text = env(&format!("CSRF_TRUSTED_ORIGINS=https://192.0.2.10\n{later}\n"));
            assert_quiet_in_chapter("netbox/env-variable-repeated", &text);
        }
    }

    /// Two files of the `env_file:` list: the later overriding the earlier is Compose's layering.
    #[test]
    fn two_files_setting_one_variable_are_layers_not_a_mistake() {
        let layered = "# t\n\n```sh,check=env,file=env/netbox.env\nDB_HOST=postgres\n```\n\n```sh,check=env,file=env/local.env\nDB_HOST=db.example.net\n```\n";
        assert_quiet_in_chapter("netbox/env-variable-repeated", layered);
    }
}
