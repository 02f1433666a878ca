//! The `[preprocessor.configcheck]` table of `book.toml`.
//!
//! Keys are kebab-case, as everywhere in `book.toml`. Unknown keys are an error (a misspelt
//! `strict` must not silently leave a CI build lenient), except mdBook's own keys.

use std::collections::BTreeMap;

use anyhow::{Result, bail};
use mdbook_preprocessor::config::Config;
use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::finding::Severity;
use crate::rules;
use crate::version::{Product, Targets, Version, unknown_target};

/// The name of the preprocessor table: `[preprocessor.configcheck]`.
pub const TABLE: &str = "preprocessor.configcheck";

/// What a book asks of the checker.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// Errors fail the build.
    pub strict: bool,
    /// Warnings fail too.
    pub deny_warnings: bool,
    /// The versions the book is written for.
    pub targets: Targets,
    /// Severity overrides per rule id; `None` turns the rule off.
    pub overrides: BTreeMap<String, Option<Severity>>,
    /// Run `nginx -t` on the nginx files.
    pub nginx_test: bool,
    /// The verification record, relative to the book root.
    pub verification: Option<std::path::PathBuf>,
    /// Targets outside the versions the rules know: (key under `targets`, warning).
    pub unknown_targets: Vec<(&'static str, String)>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Table {
    strict: Option<bool>,
    deny_warnings: Option<bool>,
    nginx_test: Option<bool>,
    verification: Option<std::path::PathBuf>,
    targets: Option<TargetsTable>,
    rules: Option<BTreeMap<String, String>>,
    // mdBook's own keys, read by mdBook itself.
    #[allow(dead_code, reason = "accepted so that deny_unknown_fields lets mdBook's keys through")]
    command: Option<IgnoredAny>,
    #[allow(dead_code, reason = "mdBook's key")]
    renderers: Option<IgnoredAny>,
    #[allow(dead_code, reason = "mdBook's key")]
    before: Option<IgnoredAny>,
    #[allow(dead_code, reason = "mdBook's key")]
    after: Option<IgnoredAny>,
    #[allow(dead_code, reason = "mdBook's key")]
    optional: Option<IgnoredAny>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetsTable {
    netbox: Option<String>,
    authentik: Option<String>,
    nginx: Option<String>,
}

impl Settings {
    /// Read the table from a loaded mdBook configuration (environment overrides already applied).
    pub fn from_book_config(config: &Config) -> Result<Settings> {
        let table: Table = match config.get(TABLE) {
            Ok(table) => table.unwrap_or_default(),
            Err(error) => {
                // The message names the key (`in `strict``, `unknown field `strikt``): blame the
                // environment variable that set it, if one did.
                let message = format!("{error:#}");
                let culprit = overrides(TABLE)
                    .into_iter()
                    .find(|(key, _)| key.rsplit('.').next().is_some_and(|last| message.contains(&format!("`{last}`"))));
                return Err(match culprit {
                    Some((_, variable)) => error.context(format!("{variable}: invalid [{TABLE}] setting")),
                    None => error.context(format!("{}: invalid [{TABLE}] table", origin(TABLE))),
                });
            }
        };
        let mut settings = Settings {
            strict: table.strict.unwrap_or(false),
            deny_warnings: table.deny_warnings.unwrap_or(false),
            nginx_test: table.nginx_test.unwrap_or(false),
            verification: table.verification,
            ..Settings::default()
        };
        if let Some(targets) = table.targets {
            let parse = |key: &str, value: Option<String>, default: Version| -> Result<Version> {
                value.map_or(Ok(default), |v| {
                    v.parse().map_err(|e: String| {
                        anyhow::anyhow!("{}: [{TABLE}.targets] {key}: {e}", origin(&format!("{TABLE}.targets.{key}")))
                    })
                })
            };
            let defaults = Targets::default();
            settings.targets = Targets {
                netbox: parse("netbox", targets.netbox, defaults.netbox)?,
                authentik: parse("authentik", targets.authentik, defaults.authentik)?,
                nginx: parse("nginx", targets.nginx, defaults.nginx)?,
            };
            for (key, product) in
                [("netbox", Product::NetBox), ("authentik", Product::Authentik), ("nginx", Product::Nginx)]
            {
                if let Some(warning) = unknown_target(product, settings.targets.of(product)) {
                    settings.unknown_targets.push((key, warning));
                }
            }
        }
        for (id, level) in table.rules.unwrap_or_default() {
            if rules::find(&id).is_none() {
                let hint = rules::closest(&id).map(|near| format!(" (did you mean `{near}`?)")).unwrap_or_default();
                bail!("{}: [{TABLE}.rules] names the unknown rule `{id}`{hint}", origin(&format!("{TABLE}.rules")));
            }
            let severity = match level.as_str() {
                "error" => Some(Severity::Error),
                "warning" => Some(Severity::Warning),
                "info" => Some(Severity::Info),
                "off" => None,
                other => bail!(
                    "{}: [{TABLE}.rules] `{id}` = \"{other}\": use \"error\", \"warning\", \"info\" or \"off\"",
                    origin(&format!("{TABLE}.rules"))
                ),
            };
            settings.overrides.insert(id, severity);
        }
        Ok(settings)
    }
}

/// mdBook's environment overrides of `key` or of anything below it: (the key each sets, the
/// variable as `NAME="value"`). mdBook reads `MDBOOK_A__B_C` as the key `a.b-c`.
fn overrides(key: &str) -> Vec<(String, String)> {
    std::env::vars_os()
        .filter_map(|(name, value)| {
            let name = name.to_str()?;
            let set = name.strip_prefix("MDBOOK_")?.to_lowercase().replace("__", ".").replace('_', "-");
            let related = set == key || set.starts_with(&format!("{key}.")) || key.starts_with(&format!("{set}."));
            related.then(|| (set, format!("the environment variable {name}={:?}", value.to_string_lossy())))
        })
        .collect()
}

/// Where `key` was set: the environment variable that overrides it, or book.toml.
fn origin(key: &str) -> String {
    let mut set = overrides(key);
    set.retain(|(set, _)| set == key || key.starts_with(&format!("{set}.")));
    set.pop().map_or_else(|| "book.toml".to_string(), |(_, variable)| variable)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(toml: &str) -> Result<Settings> {
        let config: Config = toml.parse()?;
        Settings::from_book_config(&config)
    }

    #[test]
    fn the_readme_example_is_a_valid_book_toml() {
        let readme = include_str!("../../README.md");
        let start = readme.find("```toml\n# book.toml\n").expect("README shows a book.toml") + "```toml\n".len();
        let example = &readme[start..start + readme[start..].find("```").expect("the block ends")];
        let s = settings(example).unwrap();
        assert_eq!(s.targets.authentik, "2026.5".parse().unwrap());
        assert!(!s.strict);
    }

    #[test]
    fn reads_the_documented_keys() {
        let s = settings(
            r#"
[preprocessor.configcheck]
strict = true
deny-warnings = true
nginx-test = true
command = "cargo run"
renderers = ["html"]
before = ["links"]
[preprocessor.configcheck.targets]
netbox = "3.4"
[preprocessor.configcheck.rules]
"netbox/setting-ignored" = "error"
"netbox/remote-auth-header-unused" = "off"
"#,
        )
        .unwrap();
        assert!(s.strict && s.deny_warnings && s.nginx_test);
        assert_eq!(s.targets.netbox, Version::new(3, 4, 0));
        assert_eq!(s.overrides["netbox/setting-ignored"], Some(Severity::Error));
        assert_eq!(s.overrides["netbox/remote-auth-header-unused"], None);
    }

    #[test]
    fn unknown_keys_rules_and_levels_are_errors_that_name_them() {
        let e = settings("[preprocessor.configcheck]\nstrikt = true\n").unwrap_err();
        assert!(format!("{e:#}").contains("strikt"), "{e:#}");
        let e = settings("[preprocessor.configcheck.rules]\n\"netbox/setting-ignord\" = \"error\"\n").unwrap_err();
        assert!(format!("{e:#}").contains("did you mean `netbox/setting-ignored`"), "{e:#}");
        let e = settings("[preprocessor.configcheck.rules]\n\"netbox/setting-ignored\" = \"fatal\"\n").unwrap_err();
        assert!(format!("{e:#}").contains("\"fatal\""), "{e:#}");
        let e = settings("[preprocessor.configcheck.targets]\nnetbox = \"latest\"\n").unwrap_err();
        assert!(format!("{e:#}").contains("netbox"), "{e:#}");
    }
}
