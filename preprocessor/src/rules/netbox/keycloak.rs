//! What the Keycloak rules share: the settings of social-core's `KeycloakOAuth2` backend as this
//! checker sees them, and the layout of Keycloak's endpoint URLs.
//!
//! social-core's `KeycloakOAuth2` (backend name `keycloak`) reads `SOCIAL_AUTH_KEYCLOAK_*`:
//! `AUTHORIZATION_URL` is where the browser is sent to sign in, `ACCESS_TOKEN_URL` where NetBox
//! redeems the code (`KeycloakOAuth2.authorization_url()`/`access_token_url()` return the
//! settings: social_core/backends/keycloak.py L92-96 in social-auth-core 4.0.2, L93-97 in 4.3.0,
//! L102-106 in 4.5.0; from 4.8.7 through 7.0.0 `BaseOAuth2`'s read the same settings, oauth.py
//! L149-162 in 4.8.7 and 5.2.0, L161-174 in 7.0.0), and `PUBLIC_KEY` is the body social-core
//! wraps in `-----BEGIN PUBLIC KEY-----` to verify the access token (keycloak.py L104-109 in
//! 4.0.2, L110 in 4.8.7, L111-112 in 5.2.0, L117 in 7.0.0).
//!
//! Keycloak serves a realm's OpenID Connect endpoints at
//! `<base>/realms/<realm>/protocol/openid-connect/<endpoint>` (keycloak/keycloak,
//! services/src/main/java/org/keycloak/services/resources/RealmsResource.java at 007e953:
//! `@Path("/realms")`, `@Path("{realm}/protocol/{protocol}")`;
//! protocol/oidc/OIDCLoginProtocolService.java at 001fe9e: `tokenServiceBaseUrl` is
//! `realms/{realm}/protocol/openid-connect`, the authorization endpoint `@Path("auth")`, the token
//! endpoint `@Path("token")`). `<base>` is the server's root, `/auth` before Keycloak 17 or
//! whatever relative path it is given: it is never judged.

use std::ops::Range;

use crate::finding::{BlockId, Finding, Rule};
use crate::model::NetboxConfig;

/// social-core's Keycloak backend.
pub(super) const BACKEND: &str = "social_core.backends.keycloak.KeycloakOAuth2";

/// Where the browser is sent to sign in.
pub(super) const AUTHORIZATION_URL: &str = "SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL";

/// Where NetBox redeems the code.
pub(super) const ACCESS_TOKEN_URL: &str = "SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL";

/// Whether the Keycloak backend may sign users in: `REMOTE_AUTH_BACKEND` names it, or is not
/// statically known. A known list without it reads no `SOCIAL_AUTH_KEYCLOAK_*` setting.
pub(super) fn backend_may_be_used(nb: &NetboxConfig) -> bool {
    nb.backends().is_none_or(|backends| backends.iter().any(|b| b == BACKEND))
}

/// Where a literal value of a setting is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    /// Assigned in a NetBox file (also read by one from a variable the environment file sets).
    Assigned,
    /// `NAME: 'value'`, which binds nothing (`netbox/setting-annotated-not-assigned` says so):
    /// the value it holds once the colon becomes `=`.
    Annotated,
    /// A variable of netbox-docker's environment file that no shown file reads: netbox-docker
    /// maps no `SOCIAL_AUTH_KEYCLOAK_*` variable, so it reaches NetBox only through an add-on file that
    /// reads it, which a partial deployment may have.
    Environment,
}

/// A setting's literal text and where it is written.
#[derive(Debug, Clone)]
pub(super) struct Literal<'a> {
    pub(super) text: &'a str,
    pub(super) block: BlockId,
    pub(super) range: Range<usize>,
    pub(super) origin: Origin,
}

/// The literal text of a setting, when it has one: its effective assignment (a value from the
/// environment counts only where an environment file of the deployment sets it, as the model
/// resolves it); else, for a name only annotated, the value written after the colon; else, when
/// the NetBox files are not all shown, the environment file's variable of that name. Anything
/// else (a value read from the environment and not set by a file shown, computed, a template's
/// slot) is unknown: `None`.
pub(super) fn literal<'a>(nb: &'a NetboxConfig, name: &str) -> Option<Literal<'a>> {
    if let Some(setting) = nb.get(name) {
        return known(setting.value.as_str()?, setting.block, setting.value.range.clone(), Origin::Assigned);
    }
    if let Some(annotated) = nb.annotated_only.iter().rev().find(|a| a.name == name) {
        return known(annotated.value.as_str()?, annotated.block, annotated.value.range.clone(), Origin::Annotated);
    }
    if nb.is_complete() {
        return None;
    }
    let var = nb.environment_variable(name)?;
    known(var.value.as_str()?, var.block, var.value.range.clone(), Origin::Environment)
}

fn known(text: &str, block: BlockId, range: Range<usize>, origin: Origin) -> Option<Literal<'_>> {
    // A template's slot (`{{ url }}`, `${URL}`, `{% … %}`): the deployed value is not this one.
    if ["{{", "${", "{%"].iter().any(|slot| text.contains(slot)) {
        return None;
    }
    Some(Literal { text, block, range, origin })
}

/// A finding of `rule` on a setting's literal value.
pub(super) fn at(rule: &'static Rule, value: &Literal<'_>, message: String) -> Finding {
    Finding::in_block(rule, value.block, value.range.clone(), message)
}

/// What a message adds at its end about where a value is written, so it does not claim that
/// NetBox reads it.
pub(super) fn origin_note(origin: Origin) -> &'static str {
    match origin {
        Origin::Assigned => "",
        Origin::Annotated => " (the value it holds once the colon is an `=`)",
        Origin::Environment => {
            " (the value the setting gets once an add-on file reads the variable: netbox-docker maps no SOCIAL_AUTH_KEYCLOAK_* variable)"
        }
    }
}

/// An absolute `http(s)` URL, split: its scheme and authority (`host[:port]`) and its path,
/// without query or fragment.
#[derive(Debug, Clone, Copy)]
pub(super) struct Url<'a> {
    /// `https://host:port`.
    pub(super) origin: &'a str,
    /// The host and port.
    pub(super) authority: &'a str,
    /// The path, `""` or starting with `/`.
    pub(super) path: &'a str,
}

/// The URL split, when it is an absolute `http://` or `https://` URL with a host.
pub(super) fn parse_url(url: &str) -> Option<Url<'_>> {
    let url = url.trim();
    let scheme_len = ["https://", "http://"]
        .iter()
        .find(|scheme| url.get(..scheme.len()).is_some_and(|s| s.eq_ignore_ascii_case(scheme)))?
        .len();
    let rest = &url[scheme_len..];
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    let rest = &rest[..end];
    let slash = rest.find('/').unwrap_or(rest.len());
    let authority = &rest[..slash];
    if authority.is_empty() {
        return None;
    }
    Some(Url { origin: &url[..scheme_len + slash], authority, path: &rest[slash..] })
}

/// A path under a Keycloak realm: the base before `/realms/`, the realm and what follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RealmPath<'a> {
    /// The server's base path before `/realms/` (`""` or `/auth`).
    pub(super) base: &'a str,
    /// The realm's name as the URL writes it.
    pub(super) realm: &'a str,
    /// What follows the realm, without the slashes around it (`protocol/openid-connect/auth`).
    pub(super) rest: &'a str,
}

/// The path split at its first `/realms/<realm>` (a trailing slash is ignored), if it has one.
pub(super) fn realm_path(path: &str) -> Option<RealmPath<'_>> {
    let path = path.strip_suffix('/').unwrap_or(path);
    let mut from = 0;
    while let Some(at) = path[from..].find("/realms/").map(|i| from + i) {
        let after = &path[at + "/realms/".len()..];
        let realm_end = after.find('/').unwrap_or(after.len());
        if realm_end > 0 {
            let rest = after.get(realm_end + 1..).unwrap_or("");
            return Some(RealmPath { base: &path[..at], realm: &after[..realm_end], rest });
        }
        from = at + "/realms/".len();
    }
    None
}

/// The realm's OpenID Connect endpoint a URL names (`auth`, `token`, …), from its path.
pub(super) fn oidc_endpoint<'a>(realm: &RealmPath<'a>) -> Option<&'a str> {
    realm.rest.strip_prefix("protocol/openid-connect/").filter(|e| !e.is_empty() && !e.contains('/'))
}

/// A Keycloak endpoint URL: the URL and its realm path, when it names the realm's OpenID Connect
/// endpoint `endpoint`.
pub(super) fn endpoint_url<'a>(url: &'a str, endpoint: &str) -> Option<(Url<'a>, RealmPath<'a>)> {
    let parsed = parse_url(url)?;
    let realm = realm_path(parsed.path)?;
    (oidc_endpoint(&realm) == Some(endpoint)).then_some((parsed, realm))
}

/// Whether two realm names may name different realms: they differ even ignoring case (a
/// database may compare names without case), and neither is percent-encoded.
pub(super) fn realms_differ(a: &str, b: &str) -> bool {
    !a.eq_ignore_ascii_case(b) && !a.contains('%') && !b.contains('%')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_split_into_origin_authority_and_path() {
        let url =
            parse_url("https://SSO.example:8443/auth/realms/x/protocol/openid-connect/auth?kc_idp_hint=a#f").unwrap();
        assert_eq!(
            (url.origin, url.authority, url.path),
            ("https://SSO.example:8443", "SSO.example:8443", "/auth/realms/x/protocol/openid-connect/auth")
        );
        let bare = parse_url("http://kc").unwrap();
        assert_eq!((bare.origin, bare.authority, bare.path), ("http://kc", "kc", ""));
        for not_absolute in ["/realms/x", "kc.example/realms/x", "https:///realms/x", "ftp://kc/realms/x", ""] {
            assert!(parse_url(not_absolute).is_none(), "{not_absolute}");
        }
    }

    #[test]
    fn a_realm_path_has_a_base_a_realm_and_a_rest() {
        let at = |p| realm_path(p).map(|r| (r.base, r.realm, r.rest));
        assert_eq!(
            at("/auth/realms/CORP/protocol/openid-connect/token"),
            Some(("/auth", "CORP", "protocol/openid-connect/token"))
        );
        assert_eq!(at("/realms/home/"), Some(("", "home", "")));
        // A realm named `realms`.
        assert_eq!(
            at("/realms/realms/protocol/openid-connect/auth"),
            Some(("", "realms", "protocol/openid-connect/auth"))
        );
        assert_eq!(at("/realms//x"), None);
        assert_eq!(at("/auth"), None);
        assert_eq!(at(""), None);
    }

    #[test]
    fn endpoints_are_the_last_segment_under_protocol_openid_connect() {
        let endpoint = |p| realm_path(p).and_then(|r| oidc_endpoint(&r));
        assert_eq!(endpoint("/realms/a/protocol/openid-connect/auth"), Some("auth"));
        assert_eq!(endpoint("/realms/a/protocol/openid-connect/auth/"), Some("auth"));
        assert_eq!(endpoint("/realms/a/protocol/openid-connect/token/introspect"), None);
        assert_eq!(endpoint("/realms/a/protocol/saml"), None);
        assert_eq!(endpoint("/realms/a"), None);
    }

    #[test]
    fn realms_that_differ_only_in_case_or_by_an_escape_are_not_judged() {
        assert!(realms_differ("corp", "lab"));
        assert!(!realms_differ("CORP-TEST", "corp-test"));
        assert!(!realms_differ("my%20realm", "my realm"));
    }
}
