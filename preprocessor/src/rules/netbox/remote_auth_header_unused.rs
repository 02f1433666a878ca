//! `netbox/remote-auth-header-unused`: `REMOTE_AUTH_HEADER` and friends next to only social-auth backends.

use super::shared::{at_statement, social_backends_only, social_backends_phrase};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `REMOTE_AUTH_HEADER` and friends next to only social-auth backends.
pub const REMOTE_AUTH_HEADER_UNUSED: Rule = Rule {
    id: "netbox/remote-auth-header-unused",
    severity: Severity::Warning,
    summary: "`REMOTE_AUTH_HEADER`, `REMOTE_AUTH_AUTO_CREATE_USER` or `REMOTE_AUTH_DEFAULT_PERMISSIONS` set while `REMOTE_AUTH_BACKEND` holds only social-auth backends: dead configuration",
    help: "remove these lines: they belong to header (forward-auth) setups with `netbox.authentication.RemoteUserBackend`; OpenID Connect needs only `REMOTE_AUTH_BACKEND` and the `SOCIAL_AUTH_OIDC_*` settings",
    fact: "facts §1.2 (the middleware authenticates with `remote_user=`, which social-core backends ignore; AUTO_CREATE_USER and DEFAULT_PERMISSIONS are read only by RemoteUserBackend), §7",
    applies: Applies::Always,
};

pub fn remote_auth_header_unused(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    if !social_backends_only(&d.netbox) {
        return;
    }
    // Name the file's own backends: a SAML, Keycloak or Entra ID setup is no OpenID Connect.
    let through = social_backends_phrase(&d.netbox);
    for (name, why) in [
        (
            "REMOTE_AUTH_HEADER",
            "no backend in `REMOTE_AUTH_BACKEND` accepts a user from an HTTP header, so this header never signs anyone in"
                .to_string(),
        ),
        (
            "REMOTE_AUTH_AUTO_CREATE_USER",
            format!(
                "only NetBox's `RemoteUserBackend` reads it; with single sign-on through {through}, the social-auth pipeline creates users whatever this says"
            ),
        ),
        (
            "REMOTE_AUTH_DEFAULT_PERMISSIONS",
            format!(
                "only users created by header authentication get these permissions; users who sign in through {through} never do"
            ),
        ),
    ] {
        if let Some(setting) = d.netbox.get(name) {
            out.push(at_statement(
                &REMOTE_AUTH_HEADER_UNUSED,
                setting,
                format!("`{name}` has no effect with social-auth backends only: {why}"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[(
        "netbox/remote-auth-header-unused",
        "4.7",
        "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nREMOTE_AUTH_HEADER = 'HTTP_X'\n",
        2,
        "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_HEADER = 'HTTP_X'\n",
    )];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::REMOTE_AUTH_HEADER_UNUSED, CASES);
    }

    /// The message names the backend the file sets: a SAML setup (NetBox Enterprise's SAML page,
    /// corpus case t30) is not told that it signs in through OpenID Connect.
    #[test]
    fn the_message_names_the_files_backend() {
        use crate::rules::netbox::testing::findings;
        let got = findings(
            "REMOTE_AUTH_BACKEND = 'social_core.backends.saml.SAMLAuth'\nREMOTE_AUTH_AUTO_CREATE_USER = True\nREMOTE_AUTH_DEFAULT_PERMISSIONS = {}\n",
            "4.7",
        );
        let messages: Vec<&String> =
            got.iter().filter(|f| f.0 == "netbox/remote-auth-header-unused").map(|f| &f.1).collect();
        assert_eq!(messages.len(), 2, "{got:?}");
        for message in messages {
            assert!(message.contains("(`SAMLAuth`)") && !message.contains("OpenID Connect"), "{message}");
        }
    }
}
