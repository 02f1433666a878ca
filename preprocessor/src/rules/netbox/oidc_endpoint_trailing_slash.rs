//! `netbox/oidc-endpoint-trailing-slash`: A trailing slash on the endpoint.

use super::oidc_endpoint_shape::shape_problem;
use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A trailing slash on the endpoint.
pub const OIDC_ENDPOINT_TRAILING_SLASH: Rule = Rule {
    id: "netbox/oidc-endpoint-trailing-slash",
    severity: Severity::Info,
    summary: "the OpenID Connect endpoint ends with `/`, so discovery requests `…//.well-known/openid-configuration`",
    help: "drop the trailing slash; it works with Authentik only because Authentik redirects the double slash",
    fact: "facts §2.1 (no slash normalisation; Authentik's router answers the double slash with a 301)",
    applies: Applies::Always,
};

pub fn oidc_endpoint_trailing_slash(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.oidc_endpoint() else { return };
    if let Some(url) = setting.value.as_str()
        && url.ends_with('/')
        && !url.trim_end_matches('/').ends_with("/.well-known/openid-configuration")
        // An endpoint that names no application (a placeholder left in) fails whatever its
        // slash: `netbox/oidc-endpoint-shape` says so, and this advice would be noise (corpus
        // case t132).
        && shape_problem(url).is_none()
    {
        out.push(at_value(
            &OIDC_ENDPOINT_TRAILING_SLASH,
            setting,
            &setting.value,
            "the endpoint ends with `/`, so discovery asks for `…//.well-known/openid-configuration`: Authentik redirects that, other identity providers may answer 404".into(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[(
        "netbox/oidc-endpoint-trailing-slash",
        "4.7",
        "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox/'\n",
        1,
        "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox'\n",
    ), (
        "netbox/oidc-endpoint-trailing-slash",
        "4.7",
        "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://id.example.org/application/o/netbox/'\n",
        1,
        "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://id.example.org/application/o/<application_slug>/'\n",
    )];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::OIDC_ENDPOINT_TRAILING_SLASH, CASES);
    }
}
