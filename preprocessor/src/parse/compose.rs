//! `check=compose`: a Docker Compose file (netbox-docker's `docker-compose.yml` or
//! `docker-compose.override.yml`), read for what it gives the `netbox` service's environment.
//!
//! netbox-docker (3.0.2, `docker-compose.yml`) gives the `netbox` service `env_file:
//! env/netbox.env`, and its `docker-compose.override.yml.example` shows `environment:` under
//! `services: netbox:` as the place for the administrator's own variables. Docker Compose merges
//! an override file's `environment:` and `env_file:` into the base file's, after it
//! (compose-go e70e961 `override/merge.go`: both `mergeToSequence`), and `environment:` wins over
//! every `env_file:` (`types/project.go` `WithServicesEnvironmentResolved`: the env files' mapping
//! `OverrideBy(service.Environment)`; Docker's documentation, "Environment variables precedence
//! in Docker Compose": `environment` above `env_file`).
//!
//! `environment:` is a list (`- KEY=value`, `- KEY`) or a map (`KEY: value`, `KEY:`); a name
//! without a value comes from the shell that starts Compose, and a value with `${VAR}` or `$VAR`
//! is interpolated by Compose (`$$` is a `$`): both unknown, never guessed. The variables become
//! settings of the same kind as an environment file's ([`super::env`]), placed at their YAML
//! line; the model applies them after the environment files.

use std::ops::Range;
use std::sync::Arc;

use compact_str::CompactString;

use super::authentik::{Node, NodeKind, load};
use super::env::{Interpolation, interpolation, invalid_template_message};
use super::netbox::{PythonFile, Setting, SyntaxError, Value, ValueKind};
use crate::finding::BlockId;

/// One `env_file:` entry of the `netbox` service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvFile {
    /// The path as written (relative to the compose file's directory).
    pub path: String,
    /// Whether Compose stops when it is missing (`required: false` says no; the default is yes).
    pub required: bool,
}

/// The `netbox` service of the first document, if any.
fn netbox_service(documents: &[Node]) -> Option<&Node> {
    documents.first()?.get("services")?.get("netbox")
}

/// Parse a compose file: the `netbox` service's `environment:` as settings.
pub fn parse(text: &str, block: BlockId) -> PythonFile {
    let loaded = load(text);
    let mut file =
        PythonFile { syntax_errors: loaded.syntax_errors, too_complex: loaded.too_complex, ..PythonFile::default() };
    let Some(environment) = netbox_service(&loaded.documents).and_then(|s| s.get("environment")) else {
        return file;
    };
    let mut invalid = Vec::new();
    let mut add = |name: &str, name_range: Range<usize>, value: Option<Value>, statement: Range<usize>| {
        let Some(value) = value else {
            invalid.push(SyntaxError { range: statement.clone(), message: invalid_template_message(Some(name)) });
            return;
        };
        file.settings.push(Arc::new(Setting { name: CompactString::from(name), name_range, statement, value, block }));
    };
    match &environment.kind {
        NodeKind::Seq(items) => {
            for item in items {
                let Some(entry) = item.as_str() else { continue };
                // The text as written, when the scalar is plain: then the name and the value
                // have ranges of their own.
                let plain = text.get(item.range.clone()) == Some(entry);
                let (name, value) = match entry.split_once('=') {
                    Some((name, value)) => (name, Some(value)),
                    None => (entry, None),
                };
                let name_range =
                    if plain { item.range.start..item.range.start + name.len() } else { item.range.clone() };
                let value_range = match (plain, value) {
                    (true, Some(value)) => item.range.end - value.len()..item.range.end,
                    _ => item.range.clone(),
                };
                add(name, name_range, interpolated(value, value_range), item.range.clone());
            }
        }
        NodeKind::Map(entries) => {
            for (key, value) in entries {
                let Some(name) = key.as_str() else { continue };
                let text = match &value.kind {
                    NodeKind::Str(s) => Some(s.clone()),
                    NodeKind::Bool(b) => Some(b.to_string()),
                    NodeKind::Int(i) => Some(i.to_string()),
                    // From the shell (`KEY:`); a float or a collection Compose would render its own way.
                    _ => None,
                };
                let statement = key.range.start..value.range.end.max(key.range.end);
                let range = if value.range.is_empty() { key.range.clone() } else { value.range.clone() };
                add(name, key.range.clone(), interpolated(text.as_deref(), range), statement);
            }
        }
        _ => {}
    }
    file.syntax_errors.extend(invalid);
    file
}

/// The `netbox` service's `env_file:` entries, in order (a string, or a list of strings and
/// `{path, required}` maps). A path Compose would interpolate is left out: unknown.
pub fn env_files(text: &str) -> Vec<EnvFile> {
    let loaded = load(text);
    let Some(env_file) = netbox_service(&loaded.documents).and_then(|s| s.get("env_file")) else {
        return Vec::new();
    };
    let entries: Vec<&Node> = match &env_file.kind {
        NodeKind::Seq(items) => items.iter().collect(),
        _ => vec![env_file],
    };
    entries
        .into_iter()
        .filter_map(|entry| {
            let (path, required) = match &entry.kind {
                NodeKind::Str(path) => (path.clone(), true),
                NodeKind::Map(_) => (
                    entry.get("path")?.as_str()?.to_string(),
                    !matches!(entry.get("required").map(|r| &r.kind), Some(NodeKind::Bool(false))),
                ),
                _ => return None,
            };
            match interpolation(&path) {
                Interpolation::Known(path) => Some(EnvFile { path, required }),
                Interpolation::Unknown | Interpolation::Invalid => None,
            }
        })
        .collect()
}

/// Whether the `netbox` service sets `environment:` or `env_file:`.
pub fn sets_netbox_environment(text: &str) -> bool {
    let loaded = load(text);
    netbox_service(&loaded.documents).is_some_and(|s| s.get("environment").is_some() || s.get("env_file").is_some())
}

/// A value as Compose gives it: `None` (from the shell) or interpolated is unknown; `None` back
/// for a `${` Compose refuses.
fn interpolated(value: Option<&str>, range: Range<usize>) -> Option<Value> {
    let kind = match value.map(interpolation) {
        Some(Interpolation::Known(text)) => ValueKind::Str(text.into()),
        Some(Interpolation::Invalid) => return None,
        Some(Interpolation::Unknown) | None => ValueKind::Unknown,
    };
    Some(Value { kind, range })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(text: &str) -> Vec<(String, String, String)> {
        parse(text, BlockId(0))
            .settings
            .iter()
            .map(|s| (s.name.to_string(), s.value.to_string(), text[s.value.range.clone()].to_string()))
            .collect()
    }

    #[test]
    fn reads_the_netbox_services_environment_in_both_forms() {
        let list = "services:\n  netbox:\n    environment:\n      - REMOTE_AUTH_BACKEND=social_core.backends.open_id_connect.OpenIdConnectAuth\n      - \"DEBUG=false\"\n      - FROM_SHELL\n      - SECRET=${OIDC_SECRET}\n  postgres:\n    environment:\n      - OTHER=1\n";
        let got = vars(list);
        assert_eq!(got[0].0, "REMOTE_AUTH_BACKEND");
        assert_eq!(got[0].2, "social_core.backends.open_id_connect.OpenIdConnectAuth");
        assert_eq!((got[1].0.as_str(), got[1].1.as_str(), got[1].2.as_str()), ("DEBUG", "'false'", "\"DEBUG=false\""));
        assert_eq!(got[2].1, "(not statically known)");
        assert_eq!(got[3].1, "(not statically known)");
        assert_eq!(got.len(), 4, "another service's environment is not NetBox's: {got:?}");

        let map = "services:\n  netbox:\n    environment:\n      REMOTE_AUTH_ENABLED: true\n      LOGIN_TIMEOUT: 3600\n      BANNER_TOP: \"$$ratio\"\n      FROM_SHELL:\n";
        let got = vars(map);
        let want = [
            ("REMOTE_AUTH_ENABLED", "'true'", "true"),
            ("LOGIN_TIMEOUT", "'3600'", "3600"),
            ("BANNER_TOP", "'$ratio'", "\"$$ratio\""),
            ("FROM_SHELL", "(not statically known)", "FROM_SHELL"),
        ];
        assert_eq!(got, want.map(|(a, b, c)| (a.into(), b.into(), c.into())).to_vec());
    }

    #[test]
    fn reads_env_file_entries_in_every_form() {
        let text = "services:\n  netbox:\n    env_file:\n      - env/netbox.env\n      - path: env/extra.env\n        required: false\n      - ${ENV_DIR}/x.env\n";
        assert_eq!(
            env_files(text),
            [
                EnvFile { path: "env/netbox.env".into(), required: true },
                EnvFile { path: "env/extra.env".into(), required: false }
            ]
        );
        assert_eq!(env_files("services:\n  netbox:\n    env_file: env/netbox.env\n").len(), 1);
        assert!(sets_netbox_environment("services:\n  netbox:\n    env_file: env/netbox.env\n"));
        assert!(!sets_netbox_environment("services:\n  netbox:\n    ports:\n      - 8000:8080\n"));
    }

    proptest::proptest! {
        /// Any text: no panic, and every range is a slice of the text, so findings can be
        /// placed; the same text as a `check=compose` block goes through the whole pipeline.
        #[test]
        fn any_text_parses_with_ranges_inside_it(
            text in r#"(services:\n  netbox:\n    (environment|env_file):\n|      - |      [A-Z_]{1,4}: |[A-Z]=|\$\{X\}|\PC|[\n "'#:\[\]{}-]){0,60}"#
        ) {
            let file = parse(&text, BlockId(0));
            for setting in &file.settings {
                for range in [&setting.name_range, &setting.statement, &setting.value.range] {
                    proptest::prop_assert!(text.get(range.clone()).is_some(), "{range:?} of {text:?}");
                }
            }
            let _ = env_files(&text);
            let fence = if text.contains("```") { "~~~~" } else { "```" };
            crate::rules::testing::fired_chapter(&format!("{fence}yaml,check=compose\n{text}\n{fence}\n"));
        }
    }

    #[test]
    fn a_template_compose_refuses_is_a_syntax_error_at_its_entry() {
        let list = "services:\n  netbox:\n    environment:\n      - A=x$${ok}\n      - B=p${\n";
        let file = parse(list, BlockId(0));
        let at: Vec<&str> = file.syntax_errors.iter().map(|e| &list[e.range.clone()]).collect();
        assert_eq!(at, ["B=p${"]);
        assert_eq!(file.settings[0].value.as_str(), Some("x${ok}"));
        let map = "services:\n  netbox:\n    environment:\n      C: \"${}\"\n";
        let file = parse(map, BlockId(0));
        let at: Vec<&str> = file.syntax_errors.iter().map(|e| &map[e.range.clone()]).collect();
        assert_eq!(at, ["C: \"${}\""]);
    }

    #[test]
    fn a_yaml_error_is_a_syntax_error() {
        let file = parse("services:\n  netbox:\n    environment: [unclosed\n", BlockId(0));
        assert_eq!(file.syntax_errors.len(), 1);
    }
}
