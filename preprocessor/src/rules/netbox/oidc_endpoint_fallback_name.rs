//! `netbox/oidc-endpoint-fallback-name`: The fallback endpoint name.

use super::shared::at_statement;
use crate::finding::{Finding, Rule, Severity};
use crate::model::netbox::{ENDPOINT, ENDPOINT_FALLBACK};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The fallback endpoint name.
pub const OIDC_ENDPOINT_FALLBACK_NAME: Rule = Rule {
    id: "netbox/oidc-endpoint-fallback-name",
    severity: Severity::Info,
    summary: "the endpoint is set as `SOCIAL_AUTH_OIDC_ENDPOINT`, social-core's non-backend fallback name (ignored when `SOCIAL_AUTH_OIDC_OIDC_ENDPOINT` is also set)",
    help: "use only SOCIAL_AUTH_OIDC_OIDC_ENDPOINT, the backend-specific name (it wins when both are set)",
    fact: "facts §2.1 (SOCIAL_AUTH_OIDC_ENDPOINT is honoured as the fallback for OIDC_ENDPOINT, verified), §3.4 (guide history)",
    applies: Applies::Always,
};

pub fn oidc_endpoint_fallback_name(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get(ENDPOINT_FALLBACK) else { return };
    if d.netbox.get(ENDPOINT).is_some() {
        out.push(at_statement(
            &OIDC_ENDPOINT_FALLBACK_NAME,
            setting,
            format!(
                "`{ENDPOINT_FALLBACK}` is never used: `{ENDPOINT}` is also set and wins, so a change here has no effect"
            ),
        ));
    } else {
        out.push(at_statement(
            &OIDC_ENDPOINT_FALLBACK_NAME,
            setting,
            format!("`{ENDPOINT_FALLBACK}` works only as social-core's fallback for the backend setting `OIDC_ENDPOINT`; people comparing with other guides expect `{ENDPOINT}`"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[(
        "netbox/oidc-endpoint-fallback-name",
        "4.7",
        "SOCIAL_AUTH_OIDC_ENDPOINT = 'https://a/application/o/netbox'\n",
        1,
        "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox'\n",
    )];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::OIDC_ENDPOINT_FALLBACK_NAME, CASES);
    }
}
