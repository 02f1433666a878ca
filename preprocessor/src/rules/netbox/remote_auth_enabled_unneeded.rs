//! `netbox/remote-auth-enabled-unneeded`: `REMOTE_AUTH_ENABLED = True` where no backend takes a
//! user from a header.

use super::shared::{any_social_backend, at_statement, backends_phrase, no_header_backend, social_backends_phrase};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `REMOTE_AUTH_ENABLED = True` where no backend takes a user from a header.
pub const REMOTE_AUTH_ENABLED_UNNEEDED: Rule = Rule {
    id: "netbox/remote-auth-enabled-unneeded",
    severity: Severity::Info,
    summary: "`REMOTE_AUTH_ENABLED = True` while the backends are social-auth, LDAP or username-and-password ones, none of which takes a user from a header",
    help: "remove `REMOTE_AUTH_ENABLED`: only header authentication (NetBox's `RemoteUserBackend`) needs it; OpenID Connect and LDAP sign-in work with it False",
    fact: "facts §1.2 (REMOTE_AUTH_ENABLED gates only netbox.middleware.RemoteUserMiddleware, which calls authenticate(request, remote_user=…)), §7; django-auth-ldap 5.4.0 backend.py L166-178 (LDAPBackend.authenticate returns None without a username), which NetBox's LDAPBackend makes (netbox/authentication/__init__.py L319, L335-360, 4.6.8)",
    applies: Applies::Always,
};

pub fn remote_auth_enabled_unneeded(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    if let Some(setting) = d.netbox.get("REMOTE_AUTH_ENABLED")
        && setting.value.truthy() == Some(true)
        && no_header_backend(&d.netbox)
    {
        // Name the backends the file sets (a Keycloak or Entra ID backend is no OpenID Connect).
        let sign_in = if any_social_backend(&d.netbox) {
            format!("single sign-on through {}", social_backends_phrase(&d.netbox))
        } else {
            format!("sign-in with {}", backends_phrase(&d.netbox))
        };
        out.push(at_statement(
            &REMOTE_AUTH_ENABLED_UNNEEDED,
            setting,
            format!("`REMOTE_AUTH_ENABLED` turns on header authentication only; {sign_in} does not need it"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/remote-auth-enabled-unneeded",
            "4.7",
            "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n",
            1,
            "REMOTE_AUTH_ENABLED = False\nREMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n",
        ),
        // Django's ModelBackend beside it reads no header either (the netbox-chart docs' Keycloak
        // example, netbox-chart docs/auth.md); NetBox's RemoteUserBackend beside it does.
        (
            "netbox/remote-auth-enabled-unneeded",
            "4.7",
            "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_BACKEND = ['social_core.backends.keycloak.KeycloakOAuth2', 'django.contrib.auth.backends.ModelBackend']\n",
            1,
            "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_BACKEND = ['social_core.backends.keycloak.KeycloakOAuth2', 'netbox.authentication.RemoteUserBackend']\n",
        ),
        // NetBox's LDAP backend signs in from the login form (tuning cases t29, t72), as a
        // custom backend may not.
        (
            "netbox/remote-auth-enabled-unneeded",
            "4.7",
            "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'\n",
            1,
            "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_BACKEND = ['netbox.authentication.LDAPBackend', 'sso.backends.HeaderBackend']\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::REMOTE_AUTH_ENABLED_UNNEEDED, CASES);
    }

    /// The message names the backend the file sets: a Keycloak setup is not told about OpenID
    /// Connect, which it does not use.
    #[test]
    fn the_message_names_the_files_backend() {
        use crate::rules::netbox::testing::finding_of;
        let (message, _) = finding_of("netbox/remote-auth-enabled-unneeded", "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\n", "4.7");
        assert!(message.contains("(`KeycloakOAuth2`)") && !message.contains("OpenID Connect"), "{message}");
    }
}
