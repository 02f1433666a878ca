//! `netbox/backend-path`: `REMOTE_AUTH_BACKEND` that is not social-core's OIDC backend while OIDC settings are used.

use super::shared::{at_statement, at_value, oidc_settings_used};
use crate::extract::closest_of;
use crate::finding::{Finding, Rule, Severity};
use crate::model::netbox::OIDC_BACKEND;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `REMOTE_AUTH_BACKEND` that is not social-core's OIDC backend while OIDC settings are used.
pub const BACKEND_PATH: Rule = Rule {
    id: "netbox/backend-path",
    severity: Severity::Error,
    summary: "`SOCIAL_AUTH_OIDC_*` settings are used but `REMOTE_AUTH_BACKEND` is missing or is not `social_core.backends.open_id_connect.OpenIdConnectAuth`",
    help: "set REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'",
    fact: "facts §2.1 (class OpenIdConnectAuth, backend name `oidc`, reads SOCIAL_AUTH_OIDC_*), §1.2 (REMOTE_AUTH_BACKEND default netbox.authentication.RemoteUserBackend), §1.3 (SSO buttons for the backends in AUTHENTICATION_BACKENDS)",
    applies: Applies::Always,
};

pub fn backend_path(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    if !oidc_settings_used(nb) {
        return;
    }
    match (nb.get("REMOTE_AUTH_BACKEND"), nb.backends()) {
        // Not shown in a partial configuration (a netbox-docker add-on, whose environment sets
        // it): unknown, not unset.
        (None, _) if !nb.is_complete() => {}
        (None, _) => {
            if let Some(first) = nb.settings().find(|s| s.name.starts_with("SOCIAL_AUTH_OIDC_")) {
                out.push(at_statement(
                    &BACKEND_PATH,
                    first,
                    "`REMOTE_AUTH_BACKEND` is not set, so NetBox keeps `netbox.authentication.RemoteUserBackend`: the `SOCIAL_AUTH_OIDC_*` settings are never used and the login page offers no OpenID Connect button".into(),
                ));
            }
        }
        (Some(setting), Some(list)) if !list.iter().any(|b| b == OIDC_BACKEND) => {
            let near = list.iter().find_map(|b| closest_of(b, std::iter::once(OIDC_BACKEND)).map(|_| b.clone()));
            let message = match near {
                Some(typo) => format!(
                    "`{typo}` is not social-core's OpenID Connect backend (`{OIDC_BACKEND}`), so single sign-on through Authentik does not work"
                ),
                None => format!(
                    "`REMOTE_AUTH_BACKEND` does not include `{OIDC_BACKEND}`, so the `SOCIAL_AUTH_OIDC_*` settings are never used and the login page offers no OpenID Connect button"
                ),
            };
            out.push(at_value(&BACKEND_PATH, setting, &setting.value, message));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/backend-path",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.oidc.OpenIdConnectAuth'\nSOCIAL_AUTH_OIDC_KEY = 'id'\n",
            1,
            "REMOTE_AUTH_BACKEND = ['netbox.authentication.RemoteUserBackend', 'social_core.backends.open_id_connect.OpenIdConnectAuth']\nSOCIAL_AUTH_OIDC_KEY = 'id'\n",
        ),
        (
            "netbox/backend-path",
            "4.7",
            "SOCIAL_AUTH_OIDC_KEY = 'id'\n",
            1,
            "ALLOWED_HOSTS = ['netbox.internaldomain.com']\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::BACKEND_PATH, CASES);
    }

    /// A netbox-docker add-on file does not show `REMOTE_AUTH_BACKEND` (the environment sets it):
    /// absent there is unknown, not unset. The same text as the whole configuration.py fires.
    #[test]
    fn a_partial_file_without_the_backend_is_unknown() {
        let text = "SOCIAL_AUTH_OIDC_KEY = 'id'\n";
        let fired = |info: &str| {
            let book = format!("```python,{info}\n{text}```\n");
            crate::rules::testing::fired_chapter(&book)
        };
        assert!(fired("check=netbox").contains(&"netbox/backend-path"));
        for quiet in ["check=netbox,file=extra.py", "check=netbox,partial", "check=netbox,file=configuration/authentik.py"] {
            assert!(!fired(quiet).contains(&"netbox/backend-path"), "{quiet}");
        }
    }
}
