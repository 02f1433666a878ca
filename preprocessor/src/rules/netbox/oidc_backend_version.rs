//! `netbox/oidc-backend-version`: The generic OpenID Connect backend on a NetBox whose social-core does not have it yet.

use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::model::netbox::OIDC_BACKEND;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The generic OpenID Connect backend on a NetBox whose social-core does not have it yet.
pub const OIDC_BACKEND_VERSION: Rule = Rule {
    id: "netbox/oidc-backend-version",
    severity: Severity::Error,
    summary: "`REMOTE_AUTH_BACKEND` names the generic OpenID Connect backend, which NetBox has only from 3.2.5 on (social-core 4.3.0)",
    help: "target NetBox 3.2.5 or later, better a current release (3.2.5 to 3.3.9 also need python-jose installed)",
    fact: "facts §2.1 (the usable `oidc` backend first appeared in social-core 4.3.0; 4.1.0 and 4.2.0 have only the abstract base class, without a name), §1.3 (NetBox v3.1.0 pins social-auth-core 4.1.0, v3.2.0 4.2.0, v3.2.5 4.3.0)",
    applies: Applies::netbox_before(3, 2, 5),
};

pub fn oidc_backend_version(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    if let Some(setting) = d.netbox.get("REMOTE_AUTH_BACKEND")
        && d.netbox.backends().is_some_and(|backends| backends.iter().any(|b| b == OIDC_BACKEND))
    {
        out.push(at_value(
            &OIDC_BACKEND_VERSION,
            setting,
            &setting.value,
            format!("NetBox {} bundles a social-core older than 4.3.0, in which `OpenIdConnectAuth` is only an abstract base class without the `oidc` name, so there is no OpenID Connect backend to sign in with; the generic backend arrived with NetBox 3.2.5", targets.netbox),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/oidc-backend-version",
            "3.2.4",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n",
            1,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\n",
        ),
        (
            "netbox/oidc-backend-version",
            "3.2.5",
            "X = 1\n",
            0,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::OIDC_BACKEND_VERSION, CASES);
    }
}
