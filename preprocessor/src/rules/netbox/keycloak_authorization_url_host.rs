//! `netbox/keycloak-authorization-url-host`: Keycloak's authorization and token URLs name two
//! different servers.
//!
//! ## What it does
//! Finds `SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL` and `SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL`, a
//! realm's authorization and token endpoints of the same realm, on different hosts where also
//! Keycloak's base path differs (`https://a/realms/…` and `https://b/auth/realms/…`), or where
//! the authorization URL's host is one of NetBox's own names (`ALLOWED_HOSTS`) and the URL
//! writes no port.
//!
//! Quiet where a shown nginx server for the authorization URL's host (any shown server, when
//! none is named so) sends the URL's path to a location that proxies somewhere other than
//! NetBox's upstream (the login flow's `proxy_pass` target, `model/flow.rs`): that is Keycloak
//! behind NetBox's own proxy (`location /auth/ { proxy_pass http://keycloak:8080; }`), and the
//! proxy may rewrite the base path. A port in the URL (`http://localhost:8080/realms/…`, the
//! usual development setup) is another server on that host: `ALLOWED_HOSTS` matches the host
//! without its port (Django's `split_domain_port` and `validate_host`, see `django_domain` in
//! `model/flow.rs`), so a name in it says nothing about a URL with a port.
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
use crate::parse::authority;
use crate::finding::{Finding, Rule, Severity};
use crate::model::NetboxConfig;
use crate::model::flow::proxy_host;
use crate::model::nginx::Server;
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
    // A shown proxy that sends this path elsewhere is Keycloak on this name, whatever its base
    // path there.
    if proxied_elsewhere(d, host, auth_url.path) {
        return;
    }
    // ALLOWED_HOSTS ignores ports (Django's get_host validates the host without its port), so a
    // name in it with an explicit port is another server on NetBox's host.
    let netbox_own = !has_port(&auth_url) && netbox_names(nb).any(|name| name.eq_ignore_ascii_case(host));
    let other_bases = auth_realm.base != token_realm.base;
    if !other_bases && !netbox_own {
        return;
    }
    let differ = if other_bases { "other hosts and other base paths" } else { "other hosts" };
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
        "the browser signs in at the Keycloak of `{signs_in_at}`, and NetBox redeems the code at the Keycloak of `{redeemed_at}`: {differ}, two servers unless a proxy makes them one, and a code is only good where it was issued{own}{note}"
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
    authority::split(url.authority).host
}

/// Whether the URL writes a port (`host:8080`, `[::1]:8080`): evidence of another server than
/// the one NetBox's name, without a port, reaches.
fn has_port(url: &Url<'_>) -> bool {
    authority::split(url.authority).port.is_some()
}

/// Whether a shown nginx server for `host` (every shown server, when none is named so) sends
/// `path` to a location (the one nginx picks: exact, then longest prefix) that proxies
/// somewhere other than NetBox's upstream: the login flow's location's `proxy_pass` target
/// (`model/flow.rs`). When that is not known, a location other than the catch-all `/` that
/// proxies counts.
fn proxied_elsewhere(d: &Input<'_>, host: &str, path: &str) -> bool {
    let servers = &d.nginx.servers;
    let named = |s: &&Server| s.names.iter().any(|n| n.eq_ignore_ascii_case(host));
    let any_named = servers.iter().any(|s| named(&s));
    let netbox = d.flow.as_ref().and_then(|f| f.location.proxy_pass.as_ref()).map(|(target, _)| proxy_host(target));
    let path = if path.is_empty() { "/" } else { path };
    servers.iter().filter(|s| !any_named || named(s)).filter_map(|s| s.location_for(path)).any(|location| {
        let Some((target, _)) = &location.proxy_pass else { return false };
        match &netbox {
            Some(netbox) => !proxy_host(target).eq_ignore_ascii_case(netbox),
            None => location.path != "/",
        }
    })
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
        // netbox-docker's development setup (a whole configuration.py): Keycloak on the
        // browser's `localhost:8080`, a container name for NetBox. `localhost` is also one of
        // NetBox's names, but ALLOWED_HOSTS ignores ports and the explicit port says another
        // server; without the port the browser is sent to NetBox.
        (
            "netbox/keycloak-authorization-url-host",
            "4.7",
            "ALLOWED_HOSTS = ['localhost', '127.0.0.1']\nREMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\nSOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'http://localhost/realms/netbox/protocol/openid-connect/auth'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'http://keycloak:8080/realms/netbox/protocol/openid-connect/token'\n",
            3,
            "ALLOWED_HOSTS = ['localhost', '127.0.0.1']\nREMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\nSOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'http://localhost:8080/realms/netbox/protocol/openid-connect/auth'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'http://keycloak:8080/realms/netbox/protocol/openid-connect/token'\n",
        ),
    ];

    /// Keycloak behind NetBox's own nginx, on a path of NetBox's host.
    const BEHIND_NGINX: &str = "ALLOWED_HOSTS = ['netbox.example.com']\nREMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\nSOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://netbox.example.com/auth/realms/corp/protocol/openid-connect/auth'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'http://keycloak:8080/auth/realms/corp/protocol/openid-connect/token'\n";

    /// An nginx site for `netbox.example.com` whose `/auth/` location proxies to `auth_to`, and
    /// (when `other` is set) a server of another name whose `/auth/` goes to Keycloak.
    fn site(auth_to: &str, other: bool) -> String {
        let netbox = format!(
            "server {{\n    listen 443 ssl;\n    server_name netbox.example.com;\n    location / {{\n        proxy_pass http://netbox:8080;\n        proxy_set_header X-Forwarded-Host $host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }}\n    location /auth/ {{\n        proxy_pass {auth_to};\n    }}\n}}\n"
        );
        let other = if other {
            "server {\n    listen 443 ssl;\n    server_name sso.example.com;\n    location /auth/ {\n        proxy_pass http://keycloak:8080;\n    }\n}\n"
        } else {
            ""
        };
        format!("```python,check=netbox\n{BEHIND_NGINX}```\n\n```nginx,check=nginx\n{netbox}{other}```\n")
    }

    fn fires_with(chapter: &str) -> bool {
        let lines =
            crate::rules::netbox::testing::fired_chapter_lines("netbox/keycloak-authorization-url-host", &format!("# t\n\n{chapter}"));
        assert!(lines.is_empty() || lines == [3], "{lines:?}");
        !lines.is_empty()
    }

    #[test]
    fn a_location_of_netboxs_host_that_proxies_elsewhere_is_keycloaks() {
        assert!(!fires_with(&site("http://keycloak:8080", false)), "Keycloak at /auth/ of NetBox's host");
        // The same path proxied to NetBox's own upstream is NetBox.
        assert!(fires_with(&site("http://netbox:8080", false)));
        // Keycloak behind another server's name does not serve NetBox's host.
        assert!(fires_with(&site("http://netbox:8080", true)));
        // Without nginx shown, NetBox's own host is reported.
        assert!(fires_with(&format!("```python,check=netbox\n{BEHIND_NGINX}```\n")));
    }

    #[test]
    fn a_host_no_server_is_named_for_is_matched_by_any_server() {
        let chapter = format!(
            "```python,check=netbox\n{}```\n\n```nginx,check=nginx\nserver {{\n    listen 80;\n    server_name _;\n    location / {{\n        proxy_pass http://127.0.0.1:8001;\n    }}\n    location /auth {{\n        proxy_pass http://10.0.0.5:8080;\n    }}\n}}\n```\n",
            BEHIND_NGINX
        );
        assert!(!fires_with(&chapter));
        assert!(fires_with(&chapter.replace("location /auth {", "location /keycloak/ {")));
    }

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

    /// The base paths are named as different only where they are.
    #[test]
    fn one_base_path_is_not_called_two() {
        let (message, _) = finding_of(
            "netbox/keycloak-authorization-url-host",
            "ALLOWED_HOSTS = ['netbox.example']\nSOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://netbox.example/realms/corp/protocol/openid-connect/auth'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://sso.example/realms/corp/protocol/openid-connect/token'\n",
            "4.7",
        );
        assert!(message.contains(": other hosts, two servers unless"), "{message}");
        assert!(!message.contains("base path"), "{message}");
        let (message, _) = finding_of("netbox/keycloak-authorization-url-host", T60, "4.7");
        assert!(message.contains(": other hosts and other base paths, two servers unless"), "{message}");
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
