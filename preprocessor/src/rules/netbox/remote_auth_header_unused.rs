//! `netbox/remote-auth-header-unused`: `REMOTE_AUTH_HEADER` and friends next to only social-auth backends.

use super::shared::{at_statement, social_backends_only};
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
    for (name, why) in [
        (
            "REMOTE_AUTH_HEADER",
            "no backend in `REMOTE_AUTH_BACKEND` accepts a user from an HTTP header, so this header never signs anyone in",
        ),
        (
            "REMOTE_AUTH_AUTO_CREATE_USER",
            "only NetBox's `RemoteUserBackend` reads it; with OpenID Connect, social-auth's pipeline creates users whatever this says",
        ),
        (
            "REMOTE_AUTH_DEFAULT_PERMISSIONS",
            "only users created by header authentication get these permissions; users who sign in through OpenID Connect never do",
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
}
