//! `netbox/okta-api-url-endpoint`: Okta's `API_URL` names an endpoint, not the authorization
//! server.
//!
//! ## What it does
//! Finds `SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL` or `SOCIAL_AUTH_OKTA_OAUTH2_API_URL` whose path
//! already holds Okta's `v1` endpoint directory (`…/oauth2/v1/authorize`, `…/oauth2/default/v1`)
//! or the discovery document (`…/.well-known/openid-configuration`).
//!
//! ## Why is this bad?
//! social-core's Okta backends build every URL from `API_URL`: `_url(path)` is
//! `urljoin(append_slash(API_URL), path)`, and the authorization and token URLs are
//! `_url('v1/authorize')` and `_url('v1/token')` (social_core/backends/okta.py, `OktaMixin`, L12-22
//! in social-auth-core 4.3.0 and L15-25 in 5.2.0; `OktaMixin` comes first in the bases of
//! `OktaOpenIdConnect`, so its URLs win over discovery). An API URL that already ends in
//! `/v1/authorize` sends the browser to `…/v1/authorize/v1/authorize`, which Okta does not serve.
//!
//! ## Example
//! `SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = 'https://example.okta.com/oauth2/v1/authorize'`
//!
//! Use instead: `SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = 'https://example.okta.com/oauth2/'` (or
//! `…/oauth2/<authorization server id>/`).

use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// Okta's `API_URL` names an endpoint.
pub const OKTA_API_URL_ENDPOINT: Rule = Rule {
    id: "netbox/okta-api-url-endpoint",
    severity: Severity::Error,
    summary: "Okta's `API_URL` already names an endpoint (`…/v1/authorize`, `…/.well-known/openid-configuration`), to which social-core appends the endpoint paths again",
    help: "give the authorization server's base URL: SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = 'https://<your Okta domain>/oauth2/' (or …/oauth2/<authorization server id>/)",
    fact: "social_core/backends/okta.py (social-auth-core 4.3.0 L12-22, 5.2.0 L15-25): OktaMixin._url(path) = urljoin(append_slash(API_URL), path); authorization_url() = _url('v1/authorize'), access_token_url() = _url('v1/token'); seen in netbox-community/netbox-docker issue #769 (tests/realworld/tuning/t46-…)",
    applies: Applies::Always,
};

/// The Okta backends' `API_URL` settings (backend names `okta-openidconnect` and `okta-oauth2`).
const SETTINGS: &[&str] = &["SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL", "SOCIAL_AUTH_OKTA_OAUTH2_API_URL"];

pub fn okta_api_url_endpoint(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for name in SETTINGS {
        let Some(setting) = d.netbox.get(name) else { continue };
        let Some(url) = setting.value.as_str() else { continue };
        if !names_an_endpoint(url) {
            continue;
        }
        let base = if url.ends_with('/') { url.to_string() } else { format!("{url}/") };
        out.push(at_value(
            &OKTA_API_URL_ENDPOINT,
            setting,
            &setting.value,
            format!(
                "social-core appends Okta's endpoint paths to this URL: users are sent to `{base}v1/authorize` and the code is exchanged at `{base}v1/token`, URLs Okta does not serve, so single sign-on fails"
            ),
        ));
    }
}

/// Whether the URL's path holds Okta's `v1` endpoint directory or the discovery document.
fn names_an_endpoint(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    path.split('/').any(|segment| segment == "v1" || segment == ".well-known")
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of, findings};

    const BACKEND: &str = "REMOTE_AUTH_BACKEND = 'social_core.backends.okta_openidconnect.OktaOpenIdConnect'\n";

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // The authorization endpoint as the API URL (netbox-docker issue #769).
        (
            "netbox/okta-api-url-endpoint",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.okta_openidconnect.OktaOpenIdConnect'\nSOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = 'https://example.okta.com/oauth2/v1/authorize'\n",
            2,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.okta_openidconnect.OktaOpenIdConnect'\nSOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = 'https://example.okta.com/oauth2/'\n",
        ),
        // A custom authorization server's `v1` directory; its base is right.
        (
            "netbox/okta-api-url-endpoint",
            "4.7",
            "SOCIAL_AUTH_OKTA_OAUTH2_API_URL = 'https://example.okta.com/oauth2/default/v1'\n",
            1,
            "SOCIAL_AUTH_OKTA_OAUTH2_API_URL = 'https://example.okta.com/oauth2/default'\n",
        ),
        // The discovery document as the API URL; a host whose name merely contains "v1" is fine.
        (
            "netbox/okta-api-url-endpoint",
            "4.7",
            "SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = 'https://example.okta.com/oauth2/.well-known/openid-configuration'\n",
            1,
            "SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = 'https://v1.okta.example/oauth2/'\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::OKTA_API_URL_ENDPOINT, CASES);
    }

    #[test]
    fn the_message_names_the_url_the_browser_is_sent_to() {
        let (message, _) = finding_of("netbox/okta-api-url-endpoint", &format!("{BACKEND}SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = 'https://example.okta.com/oauth2/v1/authorize'\n"), "4.7");
        assert!(message.contains("`https://example.okta.com/oauth2/v1/authorize/v1/authorize`"), "{message}");
    }

    #[test]
    fn a_value_from_the_environment_is_unknown() {
        let got = findings("import os\nSOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = os.environ['OKTA_URL']\n", "4.7");
        assert!(!got.iter().any(|(r, _, _)| *r == "netbox/okta-api-url-endpoint"), "{got:?}");
    }
}
