//! `flow/oidc-endpoint-mismatch`: The endpoint does not point at the application.

use crate::finding::{Finding, Rule, Severity};
use crate::model::authentik::endpoint_application;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The endpoint does not point at the application.
pub const OIDC_ENDPOINT_MISMATCH: Rule = Rule {
    id: "flow/oidc-endpoint-mismatch",
    severity: Severity::Error,
    summary: "`SOCIAL_AUTH_OIDC_OIDC_ENDPOINT` does not point at `/application/o/<slug>/` of the application in the blueprint",
    help: "use https://<authentik host>/application/o/<application slug>/ (the application slug, not the provider name)",
    fact: "facts §3.1 (URL layout; the slug is the application slug; issuer https://host/application/o/<slug>/)",
    applies: Applies::Always,
};

pub fn oidc_endpoint_mismatch(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.oidc_endpoint() else { return };
    let Some(url) = setting.value.as_str() else { return };
    let Some((slug, _)) = d.authentik.application().and_then(|a| a.slug.clone()) else { return };
    let named = endpoint_application(url);
    // An endpoint into `/application/o/` that names no application is
    // `netbox/oidc-endpoint-shape`'s to report.
    if named.is_none() && url.contains("/application/o/") {
        return;
    }
    if named != Some(slug.as_str()) {
        let path = url.split_once("://").map_or(url, |(_, rest)| rest);
        let path = path.find('/').map_or("", |i| &path[i..]);
        let expected = format!("/application/o/{slug}");
        out.push(Finding::in_block(
            &OIDC_ENDPOINT_MISMATCH,
            setting.block,
            setting.value.range.clone(),
            format!("the endpoint's path is `{path}`, but the application's issuer is at `{expected}/`: discovery finds no provider (404) and single sign-on cannot start"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::flow::testing::netbox;
    use crate::rules::testing::{BLUEPRINT, NGINX, assert_fires, assert_quiet, fired};

    #[test]
    fn oidc_endpoint_mismatch() {
        let n = netbox("application/o/netbox'", "application/o/grafana/'");
        assert_fires("flow/oidc-endpoint-mismatch", (&n, NGINX, BLUEPRINT), "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT");
        // An endpoint that names no application at all is one mistake, reported once, by the
        // endpoint's own rule; and Authentik served under a path is no mismatch.
        let shared = netbox("application/o/netbox'", "application/o/authorize/'");
        let rules: Vec<&str> = fired(&shared, NGINX, BLUEPRINT).into_iter().map(|(r, _)| r).collect();
        assert!(
            rules.contains(&"netbox/oidc-endpoint-shape") && !rules.contains(&"flow/oidc-endpoint-mismatch"),
            "{rules:?}"
        );
        let under_a_path = netbox(".com/application/o/netbox'", ".com/sso/application/o/netbox'");
        assert_quiet("flow/oidc-endpoint-mismatch", (&under_a_path, NGINX, BLUEPRINT));
    }
}
