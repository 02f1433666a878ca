//! `netbox/keycloak-authorization-url-host`: Keycloak's authorization and token URLs name two
//! different servers.
//!
//! ## What it does
//! Finds `SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL` and `SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL`, a
//! realm's authorization and token endpoints of the same realm, on different hosts where also
//! Keycloak's base path differs (`https://a/realms/…` and `https://b/auth/realms/…`), or where
//! the authorization URL's host is one of NetBox's own names (`ALLOWED_HOSTS`).
//!
//! ## Why is this bad?
//! The browser signs in at the authorization URL and NetBox redeems the code at the token URL
//! (social_core/backends/oauth.py L387-398 and `request_access_token`, 5.2.0): that works only
//! when both reach the same Keycloak, whose code it is. Two names for one Keycloak are common (a
//! public name for the browser, a container name for NetBox), and then the base path is the same,
//! so one host alone is not reported; two hosts and two base paths, or NetBox's own host where
//! Keycloak belongs, are two servers unless a proxy maps one onto the other: a warning.
//!
//! ## Example
//! `SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://netbox.example.com/realms/corp/protocol/openid-connect/auth'`
//! beside
//! `SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://sso.example.com/auth/realms/corp/protocol/openid-connect/token'`
//!
//! Use instead: the authorization endpoint on the Keycloak the token URL names,
//! `'https://sso.example.com/auth/realms/corp/protocol/openid-connect/auth'`.

use super::keycloak::{ACCESS_TOKEN_URL, AUTHORIZATION_URL, Url, at, backend_may_be_used, endpoint_url, literal, origin_note, realms_differ};
use crate::finding::{Finding, Rule, Severity};
use crate::model::NetboxConfig;
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// Keycloak's authorization and token URLs name two different servers.
pub const KEYCLOAK_AUTHORIZATION_URL_HOST: Rule = Rule {
    id: "netbox/keycloak-authorization-url-host",
    severity: Severity::Warning,
    summary: "`SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL` and `SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL` name two different Keycloak servers (other hosts and other base paths, or NetBox's own host for the authorization URL): the code is redeemed where it was not issued",
    help: "point the authorization URL at the Keycloak the token URL names, by the name the browser reaches it by: 'https://<Keycloak host>[/auth]/realms/<realm>/protocol/openid-connect/auth'",
    fact: "social_core/backends/oauth.py (social-auth-core 5.2.0): auth_url() sends the browser to authorization_url() (L387-398), auth_complete() redeems the code at access_token_url() (request_access_token); both read the settings (L149-162; keycloak.py L92-96 in 4.0.2, L102-106 in 4.5.0); keycloak/keycloak (RealmsResource.java at 007e953, OIDCLoginProtocolService.java at 001fe9e) services/…/resources/RealmsResource.java and protocol/oidc/OIDCLoginProtocolService.java (a realm's endpoints are <base>/realms/<realm>/protocol/openid-connect/…) and protocol/oidc/utils/OAuth2CodeParser.java at 09b0c94 (the token endpoint looks the code's user session up in its own server's session store); seen in netbox-community/netbox issue #11316 (tests/realworld/tuning/t60-…)",
    applies: Applies::Always,
};

pub fn keycloak_authorization_url_host(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    if !backend_may_be_used(nb) {
        return;
    }
    let (Some(auth), Some(token)) = (literal(nb, AUTHORIZATION_URL), literal(nb, ACCESS_TOKEN_URL)) else { return };
    let Some((auth_url, auth_realm)) = endpoint_url(auth.text, "auth") else { return };
    let Some((token_url, token_realm)) = endpoint_url(token.text, "token") else { return };
    // Another realm is `netbox/keycloak-authorization-url`'s.
    if realms_differ(auth_realm.realm, token_realm.realm) || auth_url.authority.eq_ignore_ascii_case(token_url.authority) {
        return;
    }
    let host = host_of(&auth_url);
    let netbox_own = netbox_names(nb).any(|name| name.eq_ignore_ascii_case(host));
    if auth_realm.base == token_realm.base && !netbox_own {
        return;
    }
    let signs_in_at = format!("{}{}", auth_url.origin, auth_realm.base).escape_debug().to_string();
    let redeemed_at = format!("{}{}", token_url.origin, token_realm.base).escape_debug().to_string();
    let note = origin_note(auth.origin);
    let own = if netbox_own {
        format!(
            "; `{}` is one of NetBox's own names (ALLOWED_HOSTS), so the browser is sent to NetBox, which serves no `/realms/` path",
            host.escape_debug()
        )
    } else {
        String::new()
    };
    let finding = at(&KEYCLOAK_AUTHORIZATION_URL_HOST, &auth, format!(
        "the browser signs in at the Keycloak of `{signs_in_at}`, and NetBox redeems the code at the Keycloak of `{redeemed_at}`: other hosts and other base paths, two servers unless a proxy makes them one, and a code is only good where it was issued{own}{note}"
    ));
    let finding = if token.block == auth.block {
        finding.with_related(token.range.clone(), "the token URL names another server")
    } else {
        finding
    };
    let suggestion = format!("{redeemed_at}/realms/{}/protocol/openid-connect/auth", token_realm.realm.escape_debug());
    out.push(finding.with_help(format!(
        "if `{redeemed_at}` is the Keycloak the browser reaches, use {AUTHORIZATION_URL} = '{suggestion}'; otherwise the name the browser reaches that Keycloak by"
    )));
}

/// The URL's host, without a user, a port or IPv6 brackets.
fn host_of<'a>(url: &Url<'a>) -> &'a str {
    let authority = url.authority.rsplit('@').next().unwrap_or(url.authority);
    match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(v6),
        None => authority.split(':').next().unwrap_or(authority),
    }
}

/// The host names `ALLOWED_HOSTS` lists one by one (not `*`, not a `.domain` pattern).
fn netbox_names(nb: &NetboxConfig) -> impl Iterator<Item = &str> {
    let items = match nb.get("ALLOWED_HOSTS").map(|s| &s.value.kind) {
        Some(ValueKind::List(items) | ValueKind::Tuple(items)) => items.as_slice(),
        _ => &[],
    };
    items.iter().filter_map(|i| i.as_str()).filter(|h| !h.is_empty() && *h != "*" && !h.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    const T60: &str = "SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://netbox-dev.example/realms/netbox/protocol/openid-connect/auth'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://sso-dev.example/auth/realms/netbox/protocol/openid-connect/token'\n";

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // Another host and another base path (NetBox issue #11316, t60); a public name for the
        // browser and a container name for NetBox, with one base path, is one Keycloak.
        (
            "netbox/keycloak-authorization-url-host",
            "4.7",
            T60,
            1,
            "SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://sso.example/realms/netbox/protocol/openid-connect/auth'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'http://keycloak:8080/realms/netbox/protocol/openid-connect/token'\n",
        ),
        // NetBox's own host for the authorization URL, with the same base path; the same URLs
        // where ALLOWED_HOSTS names only NetBox's own host are quiet.
        (
            "netbox/keycloak-authorization-url-host",
            "4.7",
            "ALLOWED_HOSTS = ['netbox.example']\nSOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://netbox.example/realms/corp/protocol/openid-connect/auth'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://sso.example/realms/corp/protocol/openid-connect/token'\n",
            2,
            "ALLOWED_HOSTS = ['netbox.example']\nSOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://SSO.example/realms/corp/protocol/openid-connect/auth'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'http://keycloak:8080/realms/corp/protocol/openid-connect/token'\n",
        ),
        // One server with a port named differently is another authority; the same authority in
        // another case is the same server.
        (
            "netbox/keycloak-authorization-url-host",
            "4.7",
            "SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://a.example:8443/realms/r/protocol/openid-connect/auth'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://b.example/auth/realms/r/protocol/openid-connect/token'\n",
            1,
            "SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://SSO.example/realms/r/protocol/openid-connect/auth'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://sso.example/auth/realms/r/protocol/openid-connect/token'\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::KEYCLOAK_AUTHORIZATION_URL_HOST, CASES);
    }

    #[test]
    fn the_message_names_both_servers_and_the_help_the_token_urls() {
        let (message, help) = finding_of("netbox/keycloak-authorization-url-host", T60, "4.7");
        assert!(message.contains("at the Keycloak of `https://netbox-dev.example`, and NetBox redeems the code at the Keycloak of `https://sso-dev.example/auth`"), "{message}");
        assert!(!message.contains("NetBox's own names"), "{message}");
        assert!(help.contains("= 'https://sso-dev.example/auth/realms/netbox/protocol/openid-connect/auth'"), "{help}");
    }

    #[test]
    fn netboxs_own_host_is_named_as_such() {
        let (message, _) = finding_of(
            "netbox/keycloak-authorization-url-host",
            &format!("ALLOWED_HOSTS = ['netbox-dev.example', '.example']\n{T60}"),
            "4.7",
        );
        assert!(message.ends_with("`netbox-dev.example` is one of NetBox's own names (ALLOWED_HOSTS), so the browser is sent to NetBox, which serves no `/realms/` path"), "{message}");
    }

    /// Two realms are the other rule's; this one stays quiet.
    #[test]
    fn another_realm_is_left_to_the_endpoint_rule() {
        let text = T60.replace("realms/netbox/protocol/openid-connect/token", "realms/lab/protocol/openid-connect/token");
        let got = crate::rules::netbox::testing::findings(&text, "4.7");
        assert!(got.iter().all(|(r, ..)| *r != "netbox/keycloak-authorization-url-host"), "{got:?}");
        assert!(got.iter().any(|(r, ..)| *r == "netbox/keycloak-authorization-url"), "{got:?}");
    }
}
