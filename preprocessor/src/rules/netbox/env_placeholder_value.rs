//! `netbox/env-placeholder-value`: an environment variable that a Python file of the deployment
//! reads still holds an example's placeholder (`your-access-key-id`).
//!
//! ## What it does
//! Finds the environment's variables (an env file, a Compose `environment:`) whose value is a
//! placeholder an example prints for its reader to replace, `your-…` or `your_…`, where a Python
//! file shown reads that variable (`os.environ.get('AWS_ACCESS_KEY_ID')`). One finding, at the
//! first such variable of a file, names the others.
//!
//! ## Why is this bad?
//! The placeholder reaches NetBox as the value: an S3 key or bucket, a client ID, a password that
//! no service accepts. What depends on it fails when it is used (every upload, the sign-on), not
//! when NetBox starts.
//!
//! ## Example
//! `AWS_ACCESS_KEY_ID=your-access-key-id` beside an `extra.py` that builds STORAGE_CONFIG from it.
//!
//! Use instead: the real value, or a Docker secret.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A variable a Python file reads is still an example's placeholder.
pub const ENV_PLACEHOLDER_VALUE: Rule = Rule {
    id: "netbox/env-placeholder-value",
    severity: Severity::Warning,
    summary: "an environment variable that a Python file of the deployment reads still holds an example's placeholder (`your-access-key-id`): that text reaches NetBox as the value",
    help: "replace the placeholder with the real value (or give it as a Docker secret)",
    fact: "Python's os.environ.get returns the variable's text as it is, and netbox-docker passes every variable of the service's env files to the container (Compose's env_file and environment); a placeholder is the value then. Seen in tests/realworld/tuning/t134-… (S3 keys and bucket left as `your-…` beside an extra.py that reads them into STORAGE_CONFIG)",
    applies: Applies::Always,
};

/// Whether a value is a placeholder an example prints for its reader to replace (`your-…`).
fn is_placeholder(value: &str) -> bool {
    let value = value.trim().to_ascii_lowercase();
    (value.starts_with("your-") || value.starts_with("your_")) && value.len() > 5
}

pub fn env_placeholder_value(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    // The placeholders each file holds, in order (a later variable of the same name wins).
    let mut by_file: Vec<(crate::finding::BlockId, Vec<&crate::parse::netbox::Setting>)> = Vec::new();
    let mut file_at: std::collections::HashMap<crate::finding::BlockId, usize> = std::collections::HashMap::new();
    let kept = nb.environment_last();
    for var in nb.environment() {
        let Some(value) = var.value.as_str() else { continue };
        // The variable's last value is the one the container gets.
        let last = kept.get(var.name.as_str()).is_some_and(|last| std::ptr::eq(*last, var));
        if !is_placeholder(value) || !nb.looks_up_variable(&var.name) || !last {
            continue;
        }
        match file_at.get(&var.block) {
            Some(&at) => by_file[at].1.push(var),
            None => {
                file_at.insert(var.block, by_file.len());
                by_file.push((var.block, vec![var]));
            }
        }
    }
    for (block, vars) in by_file {
        let names: Vec<String> = vars.iter().map(|v| format!("`{}`", v.name.escape_debug())).collect();
        let also = if names.len() > 1 { format!(" (so do {})", names[1..].join(", ")) } else { String::new() };
        out.push(Finding::in_block(
            &ENV_PLACEHOLDER_VALUE,
            block,
            vars[0].value.range.clone(),
            format!(
                "{} still holds an example's placeholder{also}, and a Python file of this deployment reads it from the environment: the placeholder is the value NetBox gets, and what uses it fails",
                names[0]
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_fires_in_chapter, assert_quiet_in_chapter, fired_chapter_lines};

    /// t134's shape: an env file and an extra.py that reads it.
    fn chapter(env: &str, python: &str) -> String {
        format!("# t\n\n```sh,check=env,file=env/netbox.env\n{env}```\n\n```python,check=netbox,file=configuration/extra.py\n{python}```\n")
    }

    const READS: &str = "import os\nSTORAGE_CONFIG = {\n    'AWS_ACCESS_KEY_ID': os.environ.get('AWS_ACCESS_KEY_ID'),\n    'AWS_STORAGE_BUCKET_NAME': os.environ.get('AWS_STORAGE_BUCKET_NAME'),\n}\n";

    #[test]
    fn one_finding_at_the_first_placeholder_a_file_reads() {
        let env = "DB_HOST=postgres\nAWS_ACCESS_KEY_ID=your-access-key-id\nAWS_STORAGE_BUCKET_NAME=your-netbox-bucket\n";
        assert_fires_in_chapter("netbox/env-placeholder-value", &chapter(env, READS), 2);
        assert_eq!(fired_chapter_lines("netbox/env-placeholder-value", &chapter(env, READS)).len(), 1);
        let found = crate::rules::testing::diagnostics(&chapter(env, READS), &crate::config::Settings::default());
        let message = &found.iter().find(|d| d.rule == "netbox/env-placeholder-value").unwrap().message;
        assert!(message.starts_with("`AWS_ACCESS_KEY_ID` still holds an example's placeholder (so do `AWS_STORAGE_BUCKET_NAME`)"), "{message}");
    }

    #[test]
    fn quiet_on_real_values_and_on_variables_nothing_shown_reads() {
        assert_quiet_in_chapter("netbox/env-placeholder-value", &chapter("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n", READS));
        assert_quiet_in_chapter("netbox/env-placeholder-value", &chapter("OTHER=your-value\n", READS));
        assert_quiet_in_chapter("netbox/env-placeholder-value", &chapter("AWS_ACCESS_KEY_ID=yourself\n", READS));
    }
}
