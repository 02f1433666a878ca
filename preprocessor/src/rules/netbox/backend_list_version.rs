//! `netbox/backend-list-version`: A list of backends on NetBox before 3.4.8.

use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A list of backends on NetBox before 3.4.8.
pub const BACKEND_LIST_VERSION: Rule = Rule {
    id: "netbox/backend-list-version",
    severity: Severity::Error,
    summary: "`REMOTE_AUTH_BACKEND` is a list or tuple, which NetBox accepts only from 3.4.8 on",
    help: "give a single backend as a string, or target NetBox 3.4.8 or later",
    fact: "facts §1.2 (before v3.4.8 only a single string worked; commit 571d33e66)",
    applies: Applies::netbox_before(3, 4, 8),
};

pub fn backend_list_version(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    // From netbox-docker's environment file the list is this checker's reading of netbox-docker
    // 2.7.0 and later (`_AS_LIST`, commit 12af423); the images of the NetBox releases this rule
    // applies to were built by older netbox-docker, which read the variable as one string
    // (`environ.get('REMOTE_AUTH_BACKEND', …)`, 1.5.1 configuration/configuration.py L209 to
    // 2.6.1; 2.7.0's default image is NetBox 3.6).
    if let Some(setting) = d.netbox.get("REMOTE_AUTH_BACKEND")
        && matches!(setting.value.kind, ValueKind::List(_) | ValueKind::Tuple(_))
        && !d.netbox.is_from_environment(setting)
    {
        out.push(at_value(
            &BACKEND_LIST_VERSION,
            setting,
            &setting.value,
            format!("NetBox {} inserts `REMOTE_AUTH_BACKEND` into the backend list as one element, so a {} breaks authentication; lists are accepted from 3.4.8 on", targets.netbox, setting.value.type_name()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/backend-list-version",
            "3.4",
            "REMOTE_AUTH_BACKEND = ['social_core.backends.open_id_connect.OpenIdConnectAuth']\n",
            1,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n",
        ),
        (
            "netbox/backend-list-version",
            "3.4.8",
            "X = 1\n",
            0,
            "REMOTE_AUTH_BACKEND = ['social_core.backends.open_id_connect.OpenIdConnectAuth']\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::BACKEND_LIST_VERSION, CASES);
    }

    /// netbox-docker's environment file on NetBox 3.1 (corpus case t61): the image's
    /// netbox-docker read the variable as one string, so no list reaches NetBox.
    #[test]
    fn the_environment_file_of_an_older_netbox_docker_gives_a_string() {
        let mut settings = crate::config::Settings::default();
        settings.targets.netbox = "3.1".parse().unwrap();
        let python = "# t\n\n```python,check=netbox\nREMOTE_AUTH_BACKEND = ['social_core.backends.keycloak.KeycloakOAuth2']\n```\n";
        let env = "# t\n\n```sh,check=env\nREMOTE_AUTH_BACKEND=social_core.backends.keycloak.KeycloakOAuth2\n```\n";
        let fired = |content: &str| {
            crate::rules::testing::diagnostics(content, &settings).iter().any(|d| d.rule == "netbox/backend-list-version")
        };
        assert!(fired(python), "a list written in Python is one");
        assert!(!fired(env));
    }
}
