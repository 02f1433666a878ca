//! `netbox/oidc-endpoint-name`: The OIDC endpoint set under a name social-core never reads.

use super::shared::at_statement;
use crate::finding::{Finding, Rule, Severity};
use crate::model::netbox::{ENDPOINT, OIDC_BACKEND};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The OIDC endpoint set under a name social-core never reads.
pub const OIDC_ENDPOINT_NAME: Rule = Rule {
    id: "netbox/oidc-endpoint-name",
    severity: Severity::Error,
    summary: "the OpenID Connect endpoint is missing, or set under a name social-core never reads (`OIDC_ENDPOINT`, `SOCIAL_AUTH_OIDC_OIDC_URL`, …)",
    help: "set SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://<Authentik host>/application/o/<application slug>/'",
    fact: "facts §2.1 (minimum settings; lookup order SOCIAL_AUTH_OIDC_X, SOCIAL_AUTH_X, X), §1.1 (only SOCIAL_AUTH_* names are passed on)",
    applies: Applies::Always,
};

pub fn oidc_endpoint_name(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    if nb.oidc_endpoint().is_some() {
        return;
    }
    let mut reported = false;
    for setting in nb.settings() {
        let name = setting.name.as_str();
        let wrong_name = (name.contains("ENDPOINT") && (name.contains("OIDC") || name.starts_with("SOCIAL_AUTH_")))
            || (name.starts_with("SOCIAL_AUTH_OIDC_")
                && (name.ends_with("OIDC_URL") || name == "SOCIAL_AUTH_OIDC_URL"));
        if wrong_name {
            reported = true;
            out.push(at_statement(
                &OIDC_ENDPOINT_NAME,
                setting,
                format!("social-core never reads `{name}`: the OpenID Connect backend looks for `{ENDPOINT}`, so it has no endpoint to discover Authentik from and single sign-on cannot start"),
            ));
        }
    }
    if !reported
        && nb.backends().is_some_and(|b| b.iter().any(|b| b == OIDC_BACKEND))
        && let Some(key) = nb.get("SOCIAL_AUTH_OIDC_KEY")
    {
        out.push(at_statement(
            &OIDC_ENDPOINT_NAME,
            key,
            format!("no `{ENDPOINT}` is set, so the OpenID Connect backend has no endpoint to discover Authentik from and single sign-on cannot start"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{OIDC, assert_cases};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/oidc-endpoint-name",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_OIDC_OIDC_URL = 'https://a/application/o/netbox'\nSOCIAL_AUTH_OIDC_KEY = 'id'\n",
            2,
            OIDC,
        ),
        (
            "netbox/oidc-endpoint-name",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_OIDC_KEY = 'id'\n",
            2,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_OIDC_ENDPOINT = 'https://a/application/o/netbox'\nSOCIAL_AUTH_OIDC_KEY = 'id'\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::OIDC_ENDPOINT_NAME, CASES);
    }
}
