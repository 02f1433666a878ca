//! `netbox/env-last-line-unnamed`: the environment file's last line has no `=` and no line end,
//! so Docker Compose reads it as a value without a name, and the variable it names is not set.

use crate::finding::{Finding, Rule, Severity};
use crate::parse::env::UnnamedLastLine;
use crate::version::Applies;

/// A last line that Compose reads as a value, not as a variable taken from the shell.
pub const ENV_LAST_LINE_UNNAMED: Rule = Rule {
    id: "netbox/env-last-line-unnamed",
    severity: Severity::Warning,
    summary: "the environment file's last line has no `=` and no line end: Docker Compose accepts the file but reads that line as the value of a variable without a name, so the variable it names is not set, not even from the shell",
    help: "end the file with a newline (a name alone on its line takes its value from the shell that starts Compose), or write NAME=value",
    fact: "compose-go (compose-spec/compose-go e70e961, dotenv/parser.go): locateKeyName finds no `=`, `:` or line end on the last line and returns it as the rest with the key \"\"; extractVarValue reads the whole line as the value and the parser stores out[\"\"]: no error, no variable of that name",
    applies: Applies::Always,
};

/// Report the env files' unnamed last lines, as the env parser noted them. Called by the check
/// stage (the rule needs the file as written: whether it ends with a line end).
pub fn report(lines: &[UnnamedLastLine], out: &mut Vec<Finding>) {
    for line in lines {
        // Only a valid name is quoted: after a blank may come a value, and a secret.
        let message = match &line.name {
            Some(name) => format!(
                "this last line has no `=` and no line end: Docker Compose reads it as the value of a variable without a name, so `{name}` is not set, not even from the shell that starts Compose"
            ),
            None => "this last line has no `=` and no line end: Docker Compose reads it as the value of a variable without a name, and sets no variable from it".to_string(),
        };
        out.push(Finding::in_block(&ENV_LAST_LINE_UNNAMED, line.block, line.range.clone(), message));
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::BlockId;
    use crate::parse::env::read;

    /// The messages of the rule on an env file as `lint` reads it (a book's block always ends
    /// with a line end, so the rule fires on real files only).
    fn messages(rule: &str, env: &str) -> Vec<String> {
        let mut out = Vec::new();
        super::report(&read(env, BlockId(0)).1.unnamed_last_line, &mut out);
        out.into_iter().filter(|f| f.rule.id == rule).map(|f| f.message).collect()
    }

    fn assert_fires(rule: &str, env: &str) -> String {
        let found = messages(rule, env);
        assert_eq!(found.len(), 1, "{rule} should fire once on {env:?}: {found:?}");
        found[0].clone()
    }

    fn assert_quiet(rule: &str, env: &str) {
        assert!(messages(rule, env).is_empty(), "{rule} must not fire on {env:?}");
    }

    /// `DEBUG=false` then `SECRET_KEY` without a line end: a warning naming the variable,
    /// never what follows a blank.
    #[test]
    fn fires_on_a_name_alone_at_the_end_without_a_line_end() {
        let message = assert_fires("netbox/env-last-line-unnamed", "DEBUG=false\nSECRET_KEY r9Xq2LmZ8pTw4Vn7");
        assert!(message.contains("`SECRET_KEY` is not set") && !message.contains("r9Xq"), "{message}");
        assert_fires("netbox/env-last-line-unnamed", "DEBUG=false\nSECRET_KEY");
    }

    #[test]
    fn quiet_on_a_last_line_with_an_equals_sign_or_a_line_end() {
        assert_quiet("netbox/env-last-line-unnamed", "DEBUG=false\nSECRET_KEY=x");
        assert_quiet("netbox/env-last-line-unnamed", "DEBUG=false\nSECRET_KEY\n");
    }
}
