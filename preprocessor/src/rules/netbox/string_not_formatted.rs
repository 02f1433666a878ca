//! `netbox/string-not-formatted`: a setting's text holds `{name}` for a variable the
//! configuration binds, but the text is a plain string, not an f-string: Python leaves the braces as they are.
//!
//! ## What it does
//! Reads every setting of the Python configuration files (configuration.py, ldap_config.py, an
//! add-on file), the texts in its dicts, lists and tuples included, and reports a plain string
//! holding `{name}` where `name` is a variable assigned at the top level of a configuration file
//! (`hostname = os.environ['LDAP_HOST']` above `"ldaps://{hostname}"`). Template slots
//! (`{{ name }}`, `${name}`) and braces naming nothing the configuration binds (a logging format's
//! `{levelname}`) are left alone; so are the DNs of the LDAP settings, which
//! `netbox/ldap-dn-malformed` reports.
//!
//! ## Why is this bad?
//! Only an f-string (`f"ldaps://{hostname}"`) or `str.format` fills a placeholder; a plain
//! string keeps `{hostname}` as text. The setting then holds that text: an LDAP URI or a Redis
//! host with braces in it names no server, a password `{bindpassword}` is refused, and the
//! variable read just above is never used.
//!
//! ## Example
//! `AUTH_LDAP_SERVER_URI = "ldaps://{hostname}"`
//!
//! Use instead: `AUTH_LDAP_SERVER_URI = f"ldaps://{hostname}"`.

use super::placeholders::{names_bound, unformatted_placeholder};
use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::{Value, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A plain string holding a placeholder for one of its file's variables.
pub const STRING_NOT_FORMATTED: Rule = Rule {
    id: "netbox/string-not-formatted",
    severity: Severity::Warning,
    summary: "a setting's text holds `{name}` for a variable the configuration assigns, but it is a plain string, not an f-string: Python keeps the braces, so the setting holds them instead of the variable's value",
    help: "write an f-string (`f\"ldaps://{hostname}\"`), or use the variable itself when it is the whole value",
    fact: "The Python Language Reference §2.4.3 (formatted string literals: only a literal prefixed with `f` replaces `{expression}` fields; any other string literal is its text as written) and the `str.format` method, which a plain literal is not passed through unless the code calls it; NetBox imports configuration.py and ldap_config.py as modules (netbox/netbox/settings.py L57-62, `load_configuration`, and netbox/netbox/authentication/__init__.py L362-366, 4.6.8) and takes each setting's value as it is. Seen in tests/realworld/tuning/t188-… (a 2017 NetBox image's ldap_config.py, mastermindg/netbox-docker: `\"ldaps://{hostname}\"`, fixed there by adding the `f`)",
    applies: Applies::Always,
};

pub fn string_not_formatted(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let bound = names_bound(nb);
    for setting in nb.own_settings() {
        if nb.is_from_environment(setting) || nb.is_chart_rendered(setting) {
            continue;
        }
        // LDAP DNs are `netbox/ldap-dn-malformed`'s. A template the file formats later
        // (`URI_TEMPLATE.format(host=host)`: its name is read in its file) and the logging
        // configuration (`{levelname}` with `'style': '{'`, filled by logging) hold braces on
        // purpose.
        if (nb.is_ldap_setting(setting) && super::ldap_dn_malformed::holds_dns(&setting.name))
            || nb.is_read_in_its_file(setting)
            || setting.name == "LOGGING"
        {
            continue;
        }
        let Some((value, placeholder)) = first_placeholder(&setting.value, &|name| bound.contains(name)) else { continue };
        let what = if value.range == setting.value.range {
            format!("`{}` is this text", setting.name.escape_debug())
        } else {
            format!("this value of `{}` is this text", setting.name.escape_debug())
        };
        out.push(at_value(
            &STRING_NOT_FORMATTED,
            setting,
            value,
            format!(
                "`{}` holds `{}`, but it is a plain string, not an f-string: Python keeps the braces, so {what}, not the value of the variable `{}` the configuration assigns",
                value.as_str().unwrap_or_default().escape_debug(),
                placeholder.escape_debug(),
                placeholder.trim_matches(['{', '}']).escape_debug(),
            ),
        ));
    }
}

/// The first text of a value (its dict values, list and tuple items included) holding a
/// placeholder, and that placeholder.
fn first_placeholder<'a>(value: &'a Value, is_bound: &dyn Fn(&str) -> bool) -> Option<(&'a Value, &'a str)> {
    match &value.kind {
        ValueKind::Str(text) => unformatted_placeholder(text, is_bound).map(|p| (value, p)),
        // A logging formatter with `'style': '{'` is filled by logging, not by Python.
        ValueKind::Dict(pairs)
            if pairs.iter().any(|(k, v)| k.as_str() == Some("style") && v.as_str() == Some("{")) =>
        {
            None
        }
        ValueKind::Dict(pairs) => pairs.iter().find_map(|(_, v)| first_placeholder(v, is_bound)),
        ValueKind::List(items) | ValueKind::Tuple(items) => items.iter().find_map(|i| first_placeholder(i, is_bound)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases_in, finding_in};

    #[test]
    fn cases() {
        assert_cases_in(
            &super::STRING_NOT_FORMATTED,
            "ldap_config.py",
            &[
                // The URI and the password of corpus case t188; the f-string is right.
                ("netbox/string-not-formatted", "4.7", "import os\nhostname = os.environ['LDAP_HOST']\nAUTH_LDAP_SERVER_URI = 'ldaps://{hostname}'\n", 3, "import os\nhostname = os.environ['LDAP_HOST']\nAUTH_LDAP_SERVER_URI = f'ldaps://{hostname}'\n"),
                ("netbox/string-not-formatted", "4.7", "import os\npw = os.environ['PW']\nAUTH_LDAP_BIND_PASSWORD = \"{pw}\"\n", 3, "import os\npw = os.environ['PW']\nAUTH_LDAP_BIND_PASSWORD = pw\n"),
                // Braces naming nothing the configuration binds, and template slots, are text.
                ("netbox/string-not-formatted", "4.7", "host = 'r'\nREDIS = {'tasks': {'HOST': '{host}'}}\n", 2, "host = 'r'\nREDIS = {'tasks': {'HOST': '{{host}}', 'X': '${host}', 'Y': '{other}', 'Z': '{1}'}}\n"),
            ],
        );
    }

    #[test]
    fn the_message_names_the_placeholder_and_the_variable() {
        let (message, _) = finding_in(
            "netbox/string-not-formatted",
            "configuration.py",
            "redis_host = 'cache.internal'\nALLOWED_HOSTS = ['*']\nREDIS = {'caching': {'HOST': 'redis://{redis_host}:6379'}}\n",
            "4.7",
        );
        assert!(
            message.starts_with("`redis://{redis_host}:6379` holds `{redis_host}`")
                && message.contains("the variable `redis_host` the configuration assigns"),
            "{message}"
        );
    }

    /// A template formatted later, an escaped f-string, and the logging configuration (whose
    /// `{name}` and `{module}` a loop may bind) hold braces on purpose (the review of
    /// 2026-12-02); a value inside a setting is named as such.
    #[test]
    fn braces_on_purpose() {
        use crate::rules::netbox::testing::assert_quiet_in_chapter;
        let chapter = |body: &str| format!("# t\n\n```python,check=netbox,file=configuration.py\n{body}```\n");
        for body in [
            "import os\nhost = os.environ['LDAP_HOST']\nURI_TEMPLATE = 'ldaps://{host}:636'\nAUTH_URI = URI_TEMPLATE.format(host=host)\n",
            "host = 'x'\nESCAPED = f'{{host}}'\n",
            "_loggers = {}\nfor name in ('django', 'netbox.auth'):\n    _loggers[name] = {'level': 'INFO'}\nLOGGING = {'version': 1, 'formatters': {'p': {'format': '{asctime} {name} {message}', 'style': '{'}}, 'loggers': _loggers}\n",
            "module = 'x'\nOTHER = {'formatters': {'p': {'format': '{module}', 'style': '{'}}}\n",
        ] {
            assert_quiet_in_chapter("netbox/string-not-formatted", &chapter(body));
        }
        let (message, _) = finding_in("netbox/string-not-formatted", "configuration.py", "host = 'r'\nALLOWED_HOSTS = ['*']\nREDIS = {'tasks': {'HOST': '{host}'}}\n", "4.7");
        assert!(message.contains("so this value of `REDIS` is this text"), "{message}");
    }

    /// A logging format's fields name no variable of the configuration.
    #[test]
    fn logging_formats_are_left_alone() {
        use crate::rules::netbox::testing::assert_quiet_in_chapter;
        assert_quiet_in_chapter(
            "netbox/string-not-formatted",
            "# t\n\n```python,check=netbox,file=configuration.py\nlevel = 'INFO'\nLOGGING = {'version': 1, 'formatters': {'f': {'format': '{levelname} {message}', 'style': '{'}}}\n```\n",
        );
    }
}
