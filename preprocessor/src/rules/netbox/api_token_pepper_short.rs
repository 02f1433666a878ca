//! `netbox/api-token-pepper-short`: a pepper of `API_TOKEN_PEPPERS` shorter than the 50
//! characters NetBox requires at start-up.
//!
//! ## What it does
//! Finds a pepper of `API_TOKEN_PEPPERS` (in configuration.py, or netbox-docker's
//! `API_TOKEN_PEPPER_1` variable, which its configuration.py makes pepper 1) shorter than 50
//! characters. Only the length is said: a pepper is a secret.
//!
//! ## Why is this bad?
//! NetBox 4.5+ validates the peppers at start-up (utilities/security.py `validate_peppers`) and
//! refuses to start: every page is a 502 from the proxy in front. netbox-docker's example
//! environment ships a short placeholder, so the mistake comes with the copy.
//!
//! ## Example
//! `API_TOKEN_PEPPERS = {1: 'change-me'}`
//!
//! Use instead: a random value of 50 characters or more (`openssl rand -base64 48`).

use super::shared::{PEPPER_1_SOURCE, at_value, peppers};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A pepper of `API_TOKEN_PEPPERS` shorter than 50 characters: NetBox refuses to start.
pub const API_TOKEN_PEPPER_SHORT: Rule = Rule {
    id: "netbox/api-token-pepper-short",
    severity: Severity::Error,
    summary: "a pepper in `API_TOKEN_PEPPERS` (in configuration.py, or netbox-docker's `API_TOKEN_PEPPER_1`) is shorter than the 50 characters NetBox requires at start-up",
    help: "generate a pepper of 50 characters or more (as for `SECRET_KEY`: NetBox ships generate_secret_key.py) and put it in its place",
    fact: "NetBox 4.6.8 (vendored source) and the 4.7.3 wheel: settings.py reads `API_TOKEN_PEPPERS = getattr(configuration, 'API_TOKEN_PEPPERS', {})` (L79 in 4.6.8, L86 in 4.7.3) and, when it is not empty, calls `validate_peppers` (L248-249, L254-255), which raises `ImproperlyConfigured(\"Invalid pepper {key}: Pepper must be at least 50 characters in length.\")` for `len(pepper) < 50` (utilities/security.py L23-24 in both). netbox-docker's configuration.py for NetBox 4.5 and later (as shipped with netbox-docker 5.0.1, copied in nekooo2404/netbox_smartlock netbox-docker/configuration/configuration.py L133-135): `API_TOKEN_PEPPERS = {}` and `if api_token_pepper := _read_secret('api_token_pepper_1', environ.get('API_TOKEN_PEPPER_1', '')): API_TOKEN_PEPPERS.update({1: api_token_pepper})`. The setting and the check came in NetBox 4.5.0: its git tag v4.5.0 has settings.py L80 (`getattr(configuration, 'API_TOKEN_PEPPERS', {})`) and L233-234 (`validate_peppers` when not empty) and utilities/security.py L23-24 (the same check); trial 9 of tests/realworld/README.md found a deployment on 4.5 where it was not judged",
    applies: Applies::netbox_since(4, 5, 0),
};

const MINIMUM: usize = 50;

pub fn api_token_pepper_short(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for pepper in peppers(&d.netbox) {
        let Some(text) = pepper.value.as_str() else { continue };
        // An empty variable is netbox-docker's "no pepper": it adds nothing to the dictionary (an
        // empty pepper written in the dictionary itself is refused like any short one).
        if pepper.from_variable && text.is_empty() {
            continue;
        }
        let length = text.chars().count();
        if length >= MINIMUM {
            continue;
        }
        let where_from = if pepper.from_variable { PEPPER_1_SOURCE } else { "" };
        // The pepper is a secret: only its length is said.
        out.push(at_value(
            &API_TOKEN_PEPPER_SHORT,
            pepper.setting,
            pepper.value,
            format!(
                "{} has {length} characters{where_from}: NetBox stops at start-up with `ImproperlyConfigured: Invalid pepper …: Pepper must be at least 50 characters in length.`, so it answers no request (a proxy in front of it answers 502 Bad Gateway)",
                pepper.name
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of, findings};
    use crate::rules::testing::fired_chapter;

    const FIFTY: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX";

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // 49 characters fail, 50 pass (NetBox's `len(pepper) < 50`).
        (
            "netbox/api-token-pepper-short",
            "4.7",
            "API_TOKEN_PEPPERS = {\n    1: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVW',\n}\n",
            2,
            "API_TOKEN_PEPPERS = {\n    1: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX',\n}\n",
        ),
        // A pepper read from a file or the environment is unknown.
        (
            "netbox/api-token-pepper-short",
            "4.5",
            "API_TOKEN_PEPPERS = {1: 'short'}\n",
            1,
            "import os\nAPI_TOKEN_PEPPERS = {1: os.environ['PEPPER']}\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::API_TOKEN_PEPPER_SHORT, CASES);
    }

    #[test]
    fn quiet_before_netbox_4_5() {
        let (message, _) = finding_of("netbox/api-token-pepper-short", "API_TOKEN_PEPPERS = {1: 'short'}\n", "4.7");
        assert!(message.contains("pepper 1 has 5 characters"), "{message}");
        let older = findings("API_TOKEN_PEPPERS = {1: 'short'}\n", "4.4");
        assert!(!older.iter().any(|f| f.0 == "netbox/api-token-pepper-short"), "{older:?}");
    }

    #[test]
    fn the_message_gives_the_length_never_the_pepper() {
        let (message, _) = finding_of("netbox/api-token-pepper-short", "API_TOKEN_PEPPERS = {3: 'Hq7Wm2Zr9Kt4'}\n", "4.7");
        assert!(message.contains("pepper 3 has 12 characters"), "{message}");
        assert!(!message.contains("Hq7Wm2"), "the pepper is printed: {message}");
    }

    /// netbox-docker's environment file: `API_TOKEN_PEPPER_1` becomes pepper 1; an empty value
    /// adds no pepper; a template's slot is unknown.
    #[test]
    fn a_short_pepper_in_netbox_dockers_environment_file_is_found() {
        let env = "```sh,check=env\nAPI_TOKEN_PEPPER_1=replace-with-random-string\n```\n";
        assert!(fired_chapter(env).contains(&"netbox/api-token-pepper-short"));
        let long = format!("```sh,check=env\nAPI_TOKEN_PEPPER_1={FIFTY}\n```\n");
        assert!(!fired_chapter(&long).contains(&"netbox/api-token-pepper-short"));
        let empty = "```sh,check=env\nAPI_TOKEN_PEPPER_1=\n```\n";
        assert!(!fired_chapter(empty).contains(&"netbox/api-token-pepper-short"));
        let slot = "```sh,check=env\nAPI_TOKEN_PEPPER_1={{ op://prod/netbox/pepper }}\n```\n";
        assert!(!fired_chapter(slot).contains(&"netbox/api-token-pepper-short"));
        // A configuration that sets the dictionary itself wins over the variable.
        let both = format!("{env}\n```python,check=netbox,file=extra.py\nAPI_TOKEN_PEPPERS = {{1: '{FIFTY}'}}\n```\n");
        assert!(!fired_chapter(&both).contains(&"netbox/api-token-pepper-short"));
    }
}
