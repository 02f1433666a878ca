//! `netbox/oidc-endpoint-shape`: An endpoint into Authentik's `/application/o/` that is not an application's issuer URL.

use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::model::authentik::{SHARED_ENDPOINTS, endpoint_application};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// An endpoint into Authentik's `/application/o/` that is not an application's issuer URL.
pub const OIDC_ENDPOINT_SHAPE: Rule = Rule {
    id: "netbox/oidc-endpoint-shape",
    severity: Severity::Error,
    summary: "the OpenID Connect endpoint points into Authentik's `/application/o/`, but not at an application's issuer URL `/application/o/<application slug>/`",
    help: "give the application's issuer URL: 'https://<Authentik host>/application/o/<application slug>/' (the application's slug, not the provider's name)",
    fact: "facts §3.1 (authorize, token, userinfo, introspect, revoke and device are shared endpoints; discovery lives at /application/o/<app-slug>/.well-known/openid-configuration; the slug is the application's, not the provider name), §2.1 (discovery URL is the endpoint + /.well-known/openid-configuration; the authorization endpoint is discovered)",
    applies: Applies::Always,
};

pub fn oidc_endpoint_shape(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.oidc_endpoint() else { return };
    let Some(problem) = setting.value.as_str().and_then(shape_problem) else { return };
    out.push(at_value(
        &OIDC_ENDPOINT_SHAPE,
        setting,
        &setting.value,
        format!("social-core looks for Authentik's endpoints at this URL followed by `/.well-known/openid-configuration`, and Authentik serves that only under `/application/o/<application slug>/`; this endpoint {problem}, so discovery fails (404) and the sign-on never reaches Authentik"),
    ));
}

/// What is wrong with an Authentik endpoint's path, if anything: the end of this rule's
/// message. Other rules on the endpoint stay quiet when it says something (a slash is no
/// matter on an endpoint that names no application).
pub(super) fn shape_problem(url: &str) -> Option<String> {
    // An endpoint ending in the discovery path is `netbox/oidc-endpoint-well-known`'s.
    if url.trim_end_matches('/').ends_with("/.well-known/openid-configuration") {
        return None;
    }
    if endpoint_application(url).is_some() {
        return None;
    }
    let (_, path) = url.split_once("/application/o/")?;
    let path = path.split(['?', '#']).next().unwrap_or("").trim_end_matches('/');
    // A template's slot (`{{ slug }}`, `${SLUG}`, `{% … %}`): the deployed file holds a value this
    // checker does not see, so nothing is known about it.
    if ["{{", "${", "{%"].iter().any(|slot| path.contains(slot)) {
        return None;
    }
    Some(match path.split('/').collect::<Vec<_>>().as_slice() {
        [] | [""] => "names no application".to_string(),
        [shared] if SHARED_ENDPOINTS.contains(shared) => {
            format!(
                "names `{shared}`, an endpoint Authentik shares between all applications, where the application's slug belongs"
            )
        }
        [name] if name.len() > 2 && name.starts_with('<') && name.ends_with('>') => format!(
            "still names `{name}`, a documentation placeholder, where the application's slug belongs"
        ),
        [name] => format!(
            "names `{name}`, which is no slug (letters, digits, `-` and `_` only): an application's or provider's display name does not work here"
        ),
        [_, rest @ ..] => format!("goes on past the application's slug (`/{}`)", rest.join("/")),
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/oidc-endpoint-shape",
            "4.7",
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/authorize/'\n",
            1,
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox-prod_2/'\n",
        ),
        (
            "netbox/oidc-endpoint-shape",
            "4.7",
            "X = 1\nSOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/NetBox Provider'\n",
            2,
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://keycloak.example.com/realms/netbox'\n",
        ),
        (
            "netbox/oidc-endpoint-shape",
            "4.7",
            "SOCIAL_AUTH_OIDC_ENDPOINT = 'https://a/application/o/netbox/end-session/'\n",
            1,
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox/.well-known/openid-configuration'\n",
        ),
        (
            "netbox/oidc-endpoint-shape",
            "4.7",
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/'\n",
            1,
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox?x=1'\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::OIDC_ENDPOINT_SHAPE, CASES);
    }

    /// An example's placeholder left in is named as one (not taken for a display name); a
    /// template's slot is a value the checker cannot see, so it says nothing.
    #[test]
    fn a_placeholder_is_named_as_one_and_a_template_slot_is_unknown() {
        use crate::rules::netbox::testing::findings;
        let placeholder = findings("SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://id.example.org/application/o/<your slug>/'\n", "4.7");
        let shape: Vec<_> = placeholder.iter().filter(|f| f.0 == "netbox/oidc-endpoint-shape").collect();
        assert_eq!(shape.len(), 1, "{placeholder:?}");
        assert!(shape[0].1.contains("`<your slug>`, a documentation placeholder"), "{}", shape[0].1);
        assert!(!shape[0].1.contains("display name"), "{}", shape[0].1);
        for slot in ["{{ netbox_oidc_slug }}", "${AUTHENTIK_SLUG}", "{% if x %}netbox{% endif %}"] {
            let text = format!("SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://id.example.org/application/o/{slot}/'\n");
            let got = findings(&text, "4.7");
            assert!(got.iter().all(|f| f.0 != "netbox/oidc-endpoint-shape"), "{slot}: {got:?}");
        }
    }
}
