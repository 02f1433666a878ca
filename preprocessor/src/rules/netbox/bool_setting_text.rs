//! `netbox/bool-setting-text`: a True/False parameter given a string, most often an environment
//! variable read as it is.
//!
//! ## What it does
//! Finds a parameter NetBox uses as True or False (`DEBUG`, `CORS_ORIGIN_ALLOW_ALL`,
//! `LOGIN_REQUIRED`, `REMOTE_AUTH_ENABLED`, …) whose value is text: `os.environ['NETBOX_DEBUG']`,
//! `os.environ.get('DEBUG', False)`, `os.getenv('DEBUG')`, or a string literal such as `'False'`.
//! A comparison (`os.environ.get('DEBUG') == 'True'`) or netbox-docker's `_AS_BOOL` gives a real
//! True or False and is left alone.
//!
//! ## Why is this bad?
//! An environment variable's value is always a string, and Python takes every non-empty string
//! as true: `NETBOX_DEBUG=False` or `0` switches debugging on, `CORS_ORIGIN_ALLOW_ALL=false`
//! allows every origin. Only an empty value (or the variable unset, with a False default) is
//! false.
//!
//! ## Example
//! `DEBUG = os.environ.get('DEBUG', False)`.
//!
//! Use instead: `DEBUG = os.environ.get('DEBUG', 'False').lower() == 'true'`.

use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::{Conversion, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A True/False parameter given text.
pub const BOOL_SETTING_TEXT: Rule = Rule {
    id: "netbox/bool-setting-text",
    severity: Severity::Warning,
    summary: "a parameter NetBox uses as True or False (`DEBUG`, `CORS_ORIGIN_ALLOW_ALL`, `LOGIN_REQUIRED`, `REMOTE_AUTH_ENABLED`, …) is given text, most often an environment variable read as it is: every non-empty string is true to Python, so `False` or `0` switches it on",
    help: "convert the text: `os.environ.get('DEBUG', 'False').lower() == 'true'`, or write True or False",
    fact: "NetBox 4.6.8 netbox/netbox/settings.py takes these parameters from configuration.py as they are, `getattr(configuration, NAME, False)` (CORS_ORIGIN_ALLOW_ALL L94, CSRF_COOKIE_SECURE L100, DEBUG L106, LOGIN_PERSISTENCE L157, LOGIN_REQUIRED L158, LOGIN_FORM_HIDDEN L160, METRICS_ENABLED L163, REMOTE_AUTH_AUTO_CREATE_GROUPS, _AUTO_CREATE_USER, _ENABLED, _GROUP_SYNC_ENABLED L171-179, SECURE_SSL_REDIRECT L205, SESSION_COOKIE_SECURE L219, and the others of the list), and the code using them tests them for truth (`if not settings.REMOTE_AUTH_ENABLED`, middleware.py L156; Django's DEBUG); Python's `os.environ` holds strings only, and a non-empty string is true (Python's truth value testing). Seen in a NetBox fork's Azure configuration (tests/realworld/tuning/t148-…: `DEBUG = os.environ['NETBOX_DEBUG']`, `CORS_ORIGIN_ALLOW_ALL = os.environ['CORS_ORIGIN_ALLOW_ALL']`), and judged as configuration.py writes it where the environment file sets the variable (tests/realworld/tuning/t226-…: `DEBUG = os.environ.get(\"DEBUG\", \"true\")` beside `DEBUG=true`)",
    applies: Applies::Always,
};

/// The parameters NetBox 4.6.8 reads as `getattr(configuration, NAME, False/True)` and uses as
/// True or False (settings.py L92-225).
const BOOL_PARAMETERS: &[&str] = &[
    "CHANGELOG_SKIP_EMPTY_CHANGES",
    "CENSUS_REPORTING_ENABLED",
    "CORS_ORIGIN_ALLOW_ALL",
    "CSRF_COOKIE_SECURE",
    "DEBUG",
    "DEVELOPER",
    "STREAMING_EXPORTS",
    "ISOLATED_DEPLOYMENT",
    "LOGIN_PERSISTENCE",
    "LOGIN_REQUIRED",
    "LOGIN_FORM_HIDDEN",
    "METRICS_ENABLED",
    "REMOTE_AUTH_AUTO_CREATE_GROUPS",
    "REMOTE_AUTH_AUTO_CREATE_USER",
    "REMOTE_AUTH_ENABLED",
    "REMOTE_AUTH_GROUP_SYNC_ENABLED",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SENTRY_ENABLED",
    "SENTRY_SEND_DEFAULT_PII",
    "SESSION_COOKIE_SECURE",
    "TRANSLATION_ENABLED",
];

/// Texts that mean "off" to whoever wrote them, and are true to Python.
fn reads_as_off(text: &str) -> bool {
    matches!(text.trim().to_ascii_lowercase().as_str(), "false" | "0" | "no" | "off" | "n")
}

pub fn bool_setting_text(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for name in BOOL_PARAMETERS {
        // As configuration.py writes it: an environment file that gives the variable `true`
        // today leaves the line that reads it as text (corpus case t226).
        let Some(setting) = d.netbox.as_written(name) else { continue };
        let message = match &setting.value.kind {
            ValueKind::Env { var, conversion: Conversion::Text, .. } => format!(
                "`{name}` is the environment variable `{}` as it is, a string: `False` or `0` there is a non-empty string, which Python takes as true, so `{name}` is on whenever the variable is set to anything but nothing",
                var.escape_debug()
            ),
            ValueKind::Str(text) if reads_as_off(text) => format!(
                "`{name}` is the string '{}', which Python takes as true (every non-empty string is): `{name}` is on",
                text.escape_debug()
            ),
            _ => continue,
        };
        out.push(at_value(&BOOL_SETTING_TEXT, setting, &setting.value, message));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // a NetBox fork's Azure configuration (corpus): the variable read as it is
        (
            "netbox/bool-setting-text",
            "4.6",
            "import os\nDEBUG = os.environ['NETBOX_DEBUG']\n",
            2,
            "import os\nDEBUG = os.environ.get('NETBOX_DEBUG', 'False').lower() == 'true'\n",
        ),
        (
            "netbox/bool-setting-text",
            "4.6",
            "import os\nCORS_ORIGIN_ALLOW_ALL = os.getenv('CORS_ORIGIN_ALLOW_ALL', False)\n",
            2,
            "import os\nCORS_ORIGIN_ALLOW_ALL = False\nSECRET_KEY = os.environ['SECRET_KEY']\n",
        ),
        // a literal that means off
        (
            "netbox/bool-setting-text",
            "4.6",
            "LOGIN_REQUIRED = 'False'\n",
            1,
            "LOGIN_REQUIRED = False\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::BOOL_SETTING_TEXT, CASES);
    }

    /// An environment file that sets the variable (to `true`, which reads as on) leaves the
    /// line that reads it as text: judged as written (t226: `DEBUG = os.environ.get("DEBUG",
    /// "true")` beside `DEBUG=true`). A value that reads as off in the file is the string's.
    #[test]
    fn judges_the_line_as_written_when_the_environment_sets_the_variable() {
        let chapter = "# t\n\n```python,check=netbox,file=configuration/configuration.py\nimport os\nDEBUG = os.environ.get('DEBUG', 'true')\nCORS_ORIGIN_ALLOW_ALL = os.environ.get('CORS_ORIGIN_ALLOW_ALL', 'True').lower() == 'true'\n```\n\n```sh,check=env,file=env/netbox.env\nDEBUG=true\nCORS_ORIGIN_ALLOW_ALL=false\n```\n";
        let found = crate::rules::testing::linted("netbox/bool-setting-text", chapter);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 2, "{found:?}");
        assert!(found[0].1.contains("`DEBUG` is the environment variable `DEBUG` as it is, a string"), "{found:?}");
    }

    #[test]
    fn the_message_names_the_variable() {
        let (message, _) =
            finding_of("netbox/bool-setting-text", "import os\nREMOTE_AUTH_ENABLED = os.environ['SSO']\n", "4.6");
        assert!(message.contains("`REMOTE_AUTH_ENABLED` is the environment variable `SSO` as it is"), "{message}");
    }
}
