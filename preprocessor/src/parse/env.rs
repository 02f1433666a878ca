//! `check=env`: netbox-docker's environment file (`env/netbox.env`, Docker Compose's `env_file`),
//! and how netbox-docker turns its variables into NetBox settings.
//!
//! netbox-docker 3.0.2 (commit 27bf52c, `configuration/configuration.py`) reads most settings from
//! the environment, each from the variable of the same name: `environ.get(NAME, default)` keeps
//! the text, `_environ_get_and_map(NAME, default, _AS_BOOL | _AS_INT | _AS_LIST)` converts it
//! (`value.lower() == 'true'`, `int(value)`, `list(filter(None, value.split(' ')))`), and
//! `ALLOWED_HOSTS` is `environ.get('ALLOWED_HOSTS', '*').split(' ')` with `'localhost'` added
//! unless `'*'` or `'localhost'` is there. It maps no `SOCIAL_AUTH_*` variable: those reach NetBox
//! only through an add-on file that reads them (`SOCIAL_AUTH_OIDC_KEY = environ.get(…)`).
//!
//! The parsed file is a [`PythonFile`] whose settings are the file's variables, as text; the
//! model ([`crate::model::netbox`]) applies them: a setting read from a variable the file sets
//! gets its value, and the variables in [`MAPPED`] become their settings where no configuration
//! file of the deployment says otherwise.

use std::ops::Range;
use std::sync::Arc;

use compact_str::CompactString;

pub use super::netbox::Conversion;
use super::netbox::{PythonFile, Setting, SyntaxError, Value, ValueKind};
use crate::finding::BlockId;

/// The variables netbox-docker 3.0.2's `configuration/configuration.py` maps to the NetBox
/// setting of the same name, unconditionally or when the variable is set, with their conversion.
/// (Database, Redis, e-mail and secret settings are built from several variables or read from
/// `/run/secrets` first: they stay unknown.)
pub const MAPPED: &[(&str, Conversion)] = &[
    ("ALLOWED_HOSTS", Conversion::Hosts),
    ("ALLOWED_URL_SCHEMES", Conversion::List),
    ("BANNER_BOTTOM", Conversion::Text),
    ("BANNER_LOGIN", Conversion::Text),
    ("BANNER_TOP", Conversion::Text),
    ("CENSUS_REPORTING_ENABLED", Conversion::Bool),
    ("CHANGELOG_RETENTION", Conversion::Int),
    ("CORS_ORIGIN_ALLOW_ALL", Conversion::Bool),
    ("CORS_ORIGIN_WHITELIST", Conversion::List),
    ("CSRF_COOKIE_NAME", Conversion::Text),
    ("CSRF_TRUSTED_ORIGINS", Conversion::List),
    ("DEBUG", Conversion::Bool),
    ("DEVELOPER", Conversion::Bool),
    ("ENFORCE_GLOBAL_UNIQUE", Conversion::Bool),
    ("EXEMPT_VIEW_PERMISSIONS", Conversion::List),
    ("GRAPHQL_ENABLED", Conversion::Bool),
    ("INTERNAL_IPS", Conversion::List),
    ("LOGIN_PERSISTENCE", Conversion::Bool),
    ("LOGIN_REQUIRED", Conversion::Bool),
    ("LOGIN_TIMEOUT", Conversion::Int),
    ("MAINTENANCE_MODE", Conversion::Bool),
    ("MAPS_URL", Conversion::Text),
    ("MAX_PAGE_SIZE", Conversion::Int),
    ("MEDIA_ROOT", Conversion::Text),
    ("METRICS_ENABLED", Conversion::Bool),
    ("PAGINATE_COUNT", Conversion::Int),
    ("PREFER_IPV4", Conversion::Bool),
    ("RELEASE_CHECK_URL", Conversion::Text),
    ("REMOTE_AUTH_AUTO_CREATE_GROUPS", Conversion::Bool),
    ("REMOTE_AUTH_AUTO_CREATE_USER", Conversion::Bool),
    ("REMOTE_AUTH_BACKEND", Conversion::List),
    ("REMOTE_AUTH_DEFAULT_GROUPS", Conversion::List),
    ("REMOTE_AUTH_ENABLED", Conversion::Bool),
    ("REMOTE_AUTH_GROUP_HEADER", Conversion::Text),
    ("REMOTE_AUTH_GROUP_SEPARATOR", Conversion::Text),
    ("REMOTE_AUTH_GROUP_SYNC_ENABLED", Conversion::Bool),
    ("REMOTE_AUTH_HEADER", Conversion::Text),
    ("REMOTE_AUTH_STAFF_GROUPS", Conversion::List),
    ("REMOTE_AUTH_STAFF_USERS", Conversion::List),
    ("REMOTE_AUTH_SUPERUSERS", Conversion::List),
    ("REMOTE_AUTH_SUPERUSER_GROUPS", Conversion::List),
    ("REMOTE_AUTH_USER_EMAIL", Conversion::Text),
    ("REMOTE_AUTH_USER_FIRST_NAME", Conversion::Text),
    ("REMOTE_AUTH_USER_LAST_NAME", Conversion::Text),
    ("RQ_DEFAULT_TIMEOUT", Conversion::Int),
    ("SECURE_HSTS_INCLUDE_SUBDOMAINS", Conversion::Bool),
    ("SECURE_HSTS_PRELOAD", Conversion::Bool),
    ("SECURE_HSTS_SECONDS", Conversion::Int),
    ("SECURE_SSL_REDIRECT", Conversion::Bool),
    ("SESSION_COOKIE_NAME", Conversion::Text),
    ("TIME_ZONE", Conversion::Text),
];

/// How netbox-docker converts a variable into the setting of the same name, if it maps it.
pub fn mapped(var: &str) -> Option<Conversion> {
    MAPPED.iter().find(|(name, _)| *name == var).map(|&(_, conversion)| conversion)
}

/// Parse an environment file as Docker Compose reads an `env_file`: `NAME=value` lines, `#`
/// comments, an optional `export `, values in single quotes taken literally, in double quotes
/// up to the closing quote, unquoted ones up to a ` #` comment. A line that is only a name takes
/// its value from the shell that starts Compose: it is left out (unknown).
pub fn parse(text: &str, block: BlockId) -> PythonFile {
    let mut file = PythonFile::default();
    // Docker Compose skips a UTF-8 byte order mark (compose-go v2 `dotenv/godotenv.go`,
    // `bytes.TrimPrefix(data, utf8BOM)`): the first variable is still a variable.
    let content = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut offset = text.len() - content.len();
    for raw in content.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let indent = line.len() - line.trim_start().len();
        let mut body = &line[indent..];
        let mut at = start + indent;
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        if let Some(rest) = body.strip_prefix("export ") {
            at += body.len() - rest.len();
            body = rest;
        }
        let Some((name, value)) = body.split_once('=') else {
            if !is_name(body.trim_end()) {
                file.syntax_errors
                    .push(SyntaxError { range: at..start + line.len(), message: "expected `NAME=value`".into() });
            }
            continue;
        };
        let name = name.trim_end();
        if !is_name(name) {
            file.syntax_errors.push(SyntaxError {
                range: at..at + name.len().max(1),
                message: format!("`{}` is not a variable name", name.escape_default()),
            });
            continue;
        }
        let value_start = at + body.len() - value.len();
        let lead = value.len() - value.trim_start().len();
        let (text, range) = unquote(value.trim_start(), value_start + lead);
        file.settings.push(Arc::new(Setting {
            name: CompactString::from(name),
            name_range: at..at + name.len(),
            statement: at..start + line.len(),
            value: Value { kind: ValueKind::Str(text.into()), range },
            block,
        }));
    }
    file
}

fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The value's text and its range (`at` is where `value` starts).
fn unquote(value: &str, at: usize) -> (&str, Range<usize>) {
    for quote in ['\'', '"'] {
        if let Some(inner) = value.strip_prefix(quote)
            && let Some(end) = inner.find(quote)
        {
            return (&inner[..end], at..at + end + 2);
        }
    }
    let text = value.find(" #").map_or(value, |i| &value[..i]).trim_end();
    (text, at..at + text.len())
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
    fn reads_compose_env_files() {
        let text = "# comment\nA=1\nexport B='x # y'\nC=\"two words\"\nD=plain # comment\n  E=\nPASSED_FROM_SHELL\n";
        let got = vars(text);
        let want = [
            ("A", "'1'", "1"),
            ("B", "'x # y'", "'x # y'"),
            ("C", "'two words'", "\"two words\""),
            ("D", "'plain'", "plain"),
            ("E", "''", ""),
        ];
        assert_eq!(got, want.map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).to_vec());
        assert!(parse(text, BlockId(0)).syntax_errors.is_empty());
    }

    #[test]
    fn a_byte_order_mark_is_skipped_as_compose_skips_it() {
        // Saved by a Windows editor: Compose reads REMOTE_AUTH_BACKEND all the same.
        let text =
            "\u{feff}REMOTE_AUTH_BACKEND=social_core.backends.open_id_connect.OpenIdConnectAuth\r\nDEBUG=false\r\n";
        let file = parse(text, BlockId(0));
        assert!(file.syntax_errors.is_empty(), "{:?}", file.syntax_errors);
        assert_eq!(&text[file.settings[0].name_range.clone()], "REMOTE_AUTH_BACKEND");
        assert_eq!(vars(text)[1], ("DEBUG".to_string(), "'false'".to_string(), "false".to_string()));
    }

    #[test]
    fn a_line_that_is_no_assignment_is_a_syntax_error_at_its_line() {
        let text = "A=1\nthis is not\n";
        let file = parse(text, BlockId(0));
        assert_eq!(&text[file.syntax_errors[0].range.clone()], "this is not");
    }

    #[test]
    fn conversions_are_netbox_dockers() {
        let show = |c: Conversion, text: &str| c.apply(text, 0..0).to_string();
        assert_eq!(show(Conversion::Bool, "True"), "True");
        assert_eq!(show(Conversion::Bool, "yes"), "False");
        assert_eq!(show(Conversion::List, "a  b"), "['a', 'b']");
        assert_eq!(show(Conversion::Int, "x"), "(not statically known)");
        assert_eq!(show(Conversion::Hosts, "netbox.example.com"), "['netbox.example.com', 'localhost']");
        assert_eq!(show(Conversion::Hosts, "*"), "['*']");
        assert_eq!(mapped("REMOTE_AUTH_BACKEND"), Some(Conversion::List));
        assert_eq!(mapped("SOCIAL_AUTH_OIDC_KEY"), None);
    }

    proptest::proptest! {
        /// Any text: no panic, and every range is a slice of the text (on char boundaries), so
        /// that findings can be placed; the same text as a `check=env` block goes through the
        /// whole pipeline.
        #[test]
        fn any_text_parses_with_ranges_inside_it(text in "(\\PC|[=#'\" \n\r]|export |REMOTE_AUTH_BACKEND=){0,80}") {
            let file = parse(&text, BlockId(0));
            for setting in &file.settings {
                for range in [&setting.name_range, &setting.statement, &setting.value.range] {
                    proptest::prop_assert!(text.get(range.clone()).is_some(), "{range:?} of {text:?}");
                }
            }
            for error in &file.syntax_errors {
                proptest::prop_assert!(text.get(error.range.clone()).is_some(), "{:?} of {text:?}", error.range);
            }
            let fence = if text.contains("```") { "~~~~" } else { "```" };
            crate::rules::testing::fired_chapter(&format!("{fence}sh,check=env\n{text}\n{fence}\n"));
        }
    }
}
