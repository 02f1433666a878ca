//! `flow/logout-url-mismatch`: The logout URL is not the application's end-session.

use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::end_session_url;
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The logout URL is not the application's end-session.
pub const LOGOUT_URL_MISMATCH: Rule = Rule {
    id: "flow/logout-url-mismatch",
    severity: Severity::Warning,
    summary: "`LOGOUT_REDIRECT_URL` points at Authentik, but not at `/application/o/<slug>/end-session/` of the same application",
    help: "use https://<authentik host>/application/o/<application slug>/end-session/",
    fact: "facts §3.1 (end-session at /application/o/<app-slug>/end-session/), §1.1 (LOGOUT_REDIRECT_URL)",
    applies: Applies::Always,
};

pub fn logout_url_mismatch(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("LOGOUT_REDIRECT_URL") else { return };
    let ValueKind::Str(url) = &setting.value.kind else { return };
    if !url.contains("/application/o/") {
        return;
    }
    let Some(end_session) = end_session_url(d) else { return };
    if normalized_url(url) != normalized_url(&end_session) {
        out.push(Finding::in_block(
            &LOGOUT_URL_MISMATCH,
            setting.block,
            setting.value.range.clone(),
            format!("NetBox sends users to `{url}` after logout, but the application's end-session is `{end_session}`: the Authentik session stays open (or the user lands on an error page)"),
        ));
    }
}

/// A URL as a browser treats it: scheme and host in lower case, without the scheme's default port.
fn normalized_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let scheme = scheme.to_ascii_lowercase();
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let mut authority = authority.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => "",
    };
    if !default_port.is_empty() && authority.ends_with(default_port) {
        authority.truncate(authority.len() - default_port.len());
    }
    format!("{scheme}://{authority}{path}")
}

#[cfg(test)]
mod tests {
    use crate::rules::flow::testing::{netbox, value_of};
    use crate::rules::testing::{BLUEPRINT, NETBOX, NGINX, assert_fires, assert_quiet, diagnostics};

    #[test]
    fn logout_url_mismatch() {
        let n = netbox("/application/o/netbox/end-session/", "/application/o/other/end-session/");
        assert_fires("flow/logout-url-mismatch", (&n, NGINX, BLUEPRINT), "LOGOUT_REDIRECT_URL");
        // configuration.py alone: the endpoint names the application.
        let alone = |netbox: &str| {
            let chapter = format!("```python,check=netbox\n{netbox}```\n");
            diagnostics(&chapter, &Default::default()).iter().filter(|d| d.rule == "flow/logout-url-mismatch").count()
        };
        assert_eq!(alone(&n), 1);
        assert_eq!(alone(NETBOX), 0);
        // What a browser treats as the same URL, and Authentik served under a path, are right.
        let endpoint = "https://authentik.yourdomain.com/application/o/netbox";
        let logout = "https://authentik.yourdomain.com/application/o/netbox/end-session/";
        for (endpoint, logout) in [
            (endpoint.to_string(), logout.replace("authentik.yourdomain.com", "Authentik.YourDomain.com:443")),
            (endpoint.replace(".com/", ".com/sso/"), logout.replace(".com/", ".com/sso/")),
        ] {
            let n = NETBOX
                .replace(value_of(NETBOX, "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT"), &endpoint)
                .replace(value_of(NETBOX, "LOGOUT_REDIRECT_URL"), &logout);
            assert_eq!(alone(&n), 0, "{n}");
            assert_quiet("flow/logout-url-mismatch", (&n, NGINX, BLUEPRINT));
        }
        // An endpoint that names no application gives no end-session to compare with (the
        // endpoint's own rule reports it): no advice to log out at `…/authorize/end-session/`.
        let wrong = NETBOX.replace(
            value_of(NETBOX, "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT"),
            "https://authentik.yourdomain.com/application/o/authorize/",
        );
        assert_eq!(alone(&wrong), 0);
    }
}
