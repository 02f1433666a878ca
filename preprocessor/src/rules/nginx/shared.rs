//! The helpers several nginx rules use.

use crate::finding::{Finding, Rule};
use crate::model::flow::Flow;
use crate::model::netbox::OIDC_BACKEND;
use crate::model::nginx::Location;
use crate::rules::input::Input;
use crate::version::{Targets, Version};

/// A finding on the location's `proxy_pass` line.
pub(super) fn at_proxy_pass(rule: &'static Rule, location: &Location, message: String) -> Option<Finding> {
    let (_, range) = location.proxy_pass.as_ref()?;
    Some(Finding::in_block(rule, location.block, range.clone(), message))
}

/// Whether a header value appends to what the client sent (a comma list).
pub(super) fn appends(value: &str) -> bool {
    value.contains(',') || value.contains("$http_x_forwarded_host") || value.contains("$proxy_add_")
}

/// How NetBox signs users in, as far as the deployment shows it: messages about what a wrong
/// scheme or host breaks must not invent a sign-on the files do not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SignOn {
    /// social-core's OpenID Connect backend (`…open_id_connect.OpenIdConnectAuth`, path `oidc`).
    OpenIdConnect,
    /// Another social-core backend (Keycloak, Entra ID, SAML, …).
    OtherSocial,
    /// NetBox's and Django's own backends only (header, LDAP, password): no identity provider.
    None,
    /// Not shown (no configuration, a fragment, a value from the environment, a class of one's own).
    Unknown,
}

/// [`SignOn`] of the deployment.
pub(super) fn sign_on(d: &Input<'_>) -> SignOn {
    let nb = &d.netbox;
    if nb.only_own_backends() {
        return SignOn::None;
    }
    let Some(backends) = nb.backends() else { return SignOn::Unknown };
    if backends.iter().any(|b| b == OIDC_BACKEND) {
        SignOn::OpenIdConnect
    } else if backends.iter().any(|b| b.starts_with("social_core.backends.")) {
        SignOn::OtherSocial
    } else if backends.iter().all(|b| b.starts_with("netbox.authentication.") || b.starts_with("django.contrib.auth."))
    {
        SignOn::None
    } else {
        SignOn::Unknown
    }
}

/// What NetBox taking the public https for http breaks, as far as the files show: the sign-on's
/// redirect URI (where NetBox signs in through an identity provider), the CSRF origin check
/// (Django 4.0's, NetBox 3.2 and later, unless CSRF_TRUSTED_ORIGINS lists the browser's https
/// `origin`), else the links NetBox builds.
pub(super) fn broken_by_http(d: &Input<'_>, flow: &Flow<'_>, targets: &Targets, origin: Option<String>) -> Vec<String> {
    let mut broken: Vec<String> = http_redirect_uri(d, flow).into_iter().collect();
    if targets.netbox >= Version::new(3, 2, 0) {
        // Said the same whether the setting is unset or not shown (`lint` on a fragment and
        // `check` on the whole file say one thing).
        let trusted = origin.and_then(|origin| d.netbox.csrf_trusts(&origin)) == Some(true);
        if !trusted {
            broken.push(
                "the login POSTs fail with 403 CSRF verification failed unless CSRF_TRUSTED_ORIGINS lists the https origin"
                    .to_string(),
            );
        }
    }
    if broken.is_empty() {
        broken.push("the links and API URLs NetBox builds begin with `http://`".to_string());
    }
    broken
}

/// What NetBox taking the public https for http does to the sign-on's redirect URI, when it
/// sends one (`None` without an identity provider, or when `SOCIAL_AUTH_REDIRECT_IS_HTTPS`
/// rewrites the scheme): for OpenID Connect the URI itself, and Authentik's answer when a
/// blueprint shows the provider.
pub(super) fn http_redirect_uri(d: &Input<'_>, flow: &Flow<'_>) -> Option<String> {
    // Rewritten to https, or set to a value not known here (the environment's): nothing said.
    let rewrite = d.netbox.get("SOCIAL_AUTH_REDIRECT_IS_HTTPS");
    if flow.redirect_is_https || rewrite.is_some_and(|s| s.value.truthy().is_none()) {
        return None;
    }
    match sign_on(d) {
        SignOn::OpenIdConnect => {
            let refusal = if d.authentik.provider().is_some() {
                "Authentik answers \"Redirect URI Error\"".to_string()
            } else {
                "the identity provider refuses it unless it lists it".to_string()
            };
            Some(format!("NetBox sends the redirect URI `http://…/{}oauth/complete/oidc/` ({refusal})", flow.base_path))
        }
        SignOn::OtherSocial => Some(
            "the redirect URI NetBox's social-auth backend sends begins with `http://`, which the identity provider refuses unless it lists it"
                .to_string(),
        ),
        SignOn::Unknown => {
            Some("if NetBox signs in through an identity provider, the redirect URI it sends begins with `http://`".to_string())
        }
        SignOn::None => None,
    }
}
