//! `netbox/remote-auth-enabled-unneeded`: `REMOTE_AUTH_ENABLED = True` for an OIDC-only setup.

use super::shared::{at_statement, social_backends_only};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `REMOTE_AUTH_ENABLED = True` for an OIDC-only setup.
pub const REMOTE_AUTH_ENABLED_UNNEEDED: Rule = Rule {
    id: "netbox/remote-auth-enabled-unneeded",
    severity: Severity::Info,
    summary: "`REMOTE_AUTH_ENABLED = True` while only social-auth backends are configured",
    help: "remove `REMOTE_AUTH_ENABLED`: OpenID Connect sign-in works with it False",
    fact: "facts §1.2 (REMOTE_AUTH_ENABLED gates only netbox.middleware.RemoteUserMiddleware), §7",
    applies: Applies::Always,
};

pub fn remote_auth_enabled_unneeded(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    if let Some(setting) = d.netbox.get("REMOTE_AUTH_ENABLED")
        && setting.value.truthy() == Some(true)
        && social_backends_only(&d.netbox)
    {
        out.push(at_statement(
            &REMOTE_AUTH_ENABLED_UNNEEDED,
            setting,
            "`REMOTE_AUTH_ENABLED` turns on header authentication only; single sign-on through OpenID Connect does not need it".into(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[(
        "netbox/remote-auth-enabled-unneeded",
        "4.7",
        "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n",
        1,
        "REMOTE_AUTH_ENABLED = False\nREMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n",
    )];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::REMOTE_AUTH_ENABLED_UNNEEDED, CASES);
    }
}
