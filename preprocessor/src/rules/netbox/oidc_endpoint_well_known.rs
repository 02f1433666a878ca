//! `netbox/oidc-endpoint-well-known`: The endpoint already ends in the discovery path.

use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The endpoint already ends in the discovery path.
pub const OIDC_ENDPOINT_WELL_KNOWN: Rule = Rule {
    id: "netbox/oidc-endpoint-well-known",
    severity: Severity::Error,
    summary: "the OpenID Connect endpoint ends in `/.well-known/openid-configuration`, which social-core appends itself",
    help: "give the issuer URL only: 'https://<Authentik host>/application/o/<application slug>/'",
    fact: "facts §2.1 (discovery URL is f\"{OIDC_ENDPOINT}/.well-known/openid-configuration\")",
    applies: Applies::Always,
};

pub fn oidc_endpoint_well_known(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.oidc_endpoint() else { return };
    if let Some(url) = setting.value.as_str()
        && url.trim_end_matches('/').ends_with("/.well-known/openid-configuration")
    {
        out.push(at_value(
            &OIDC_ENDPOINT_WELL_KNOWN,
            setting,
            &setting.value,
            format!("social-core appends `/.well-known/openid-configuration` itself, so discovery asks for `{}/.well-known/openid-configuration`, a URL that does not exist, and single sign-on fails", url),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[(
        "netbox/oidc-endpoint-well-known",
        "4.7",
        "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox/.well-known/openid-configuration'\n",
        1,
        "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox'\n",
    )];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::OIDC_ENDPOINT_WELL_KNOWN, CASES);
    }
}
