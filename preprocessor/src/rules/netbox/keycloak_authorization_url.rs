//! `netbox/keycloak-authorization-url`: Keycloak's authorization URL is not the realm's
//! authorization endpoint.
//!
//! ## What it does
//! Finds `SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL` that is not
//! `…/realms/<realm>/protocol/openid-connect/auth` where Keycloak's layout is known (the URL
//! itself names a realm, or `SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL` is a realm's token
//! endpoint): Keycloak's base URL, the realm's own URL, its token endpoint or discovery
//! document. Also an authorization endpoint of another realm than the token URL's.
//!
//! ## Why is this bad?
//! social-core's `KeycloakOAuth2` sends the browser to `AUTHORIZATION_URL` with the sign-in
//! request (`BaseOAuth2.auth_url()`, social_core/backends/oauth.py L387-398 in 5.2.0; the URL is
//! the setting itself, see `rules/netbox/keycloak.rs`). Keycloak starts a sign-in only at a realm's
//! `…/protocol/openid-connect/auth` (OIDCLoginProtocolService.java, `@Path("auth")`): anywhere
//! else no code ever comes back to NetBox. A code issued in one realm and redeemed at another
//! realm's token endpoint is refused: `OAuth2CodeParser.parseCode` looks its user session up in
//! the token endpoint's realm and finds none (protocol/oidc/utils/OAuth2CodeParser.java).
//!
//! Values read from the environment stay unknown; a name only annotated (`NAME: 'url'`) is
//! judged by the URL written, and a variable of netbox-docker's environment file that no shown
//! file reads is judged as the value it would give (see `literal` in `rules/netbox/keycloak.rs`).
//!
//! ## Example
//! `SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://sso.example.com/auth'` beside
//! `SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://sso.example.com/auth/realms/corp/protocol/openid-connect/token'`
//!
//! Use instead:
//! `SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://sso.example.com/auth/realms/corp/protocol/openid-connect/auth'`

use super::keycloak::{
    ACCESS_TOKEN_URL, AUTHORIZATION_URL, Literal, RealmPath, Url, at, backend_may_be_used, endpoint_url, literal, oidc_endpoint, origin_note, parse_url,
    realm_path, realms_differ,
};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// Keycloak's authorization URL is not the realm's authorization endpoint.
pub const KEYCLOAK_AUTHORIZATION_URL: Rule = Rule {
    id: "netbox/keycloak-authorization-url",
    severity: Severity::Error,
    summary: "`SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL` is not the realm's authorization endpoint `…/realms/<realm>/protocol/openid-connect/auth` (Keycloak's base URL, the realm's URL, another endpoint), or it is another realm's than the token URL's",
    help: "give the realm's authorization endpoint, the token URL with `auth` for `token`: SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://<Keycloak host>[/auth]/realms/<realm>/protocol/openid-connect/auth'",
    fact: "social_core/backends/keycloak.py (social-auth-core 4.0.2 L92-93, 4.3.0 L93-94, 4.5.0 L102-103: authorization_url() is setting('AUTHORIZATION_URL'); 4.8.7-7.0.0: BaseOAuth2.authorization_url() reads the same setting, oauth.py L149-153 in 4.8.7 and 5.2.0, L161-165 in 7.0.0) and oauth.py L387-398 (5.2.0: the browser is sent to that URL with the request's parameters); keycloak/keycloak (RealmsResource.java at 007e953, OIDCLoginProtocolService.java at 001fe9e) services/…/resources/RealmsResource.java (@Path(\"/realms\"), @Path(\"{realm}/protocol/{protocol}\")) and protocol/oidc/OIDCLoginProtocolService.java (tokenServiceBaseUrl = realms/{realm}/protocol/openid-connect; @Path(\"auth\") the authorization endpoint, @Path(\"token\") the token endpoint) and protocol/oidc/utils/OAuth2CodeParser.java at 09b0c94 (parseCode looks the code's user session up in the token endpoint's realm: another realm's code is an illegal code); seen in netbox-community/netbox-docker issue #667 (tests/realworld/tuning/t61-…)",
    applies: Applies::Always,
};

pub fn keycloak_authorization_url(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    if !backend_may_be_used(nb) {
        return;
    }
    let Some(auth) = literal(nb, AUTHORIZATION_URL) else { return };
    let Some(url) = parse_url(auth.text) else { return };
    let token = literal(nb, ACCESS_TOKEN_URL);
    let token_endpoint = token.as_ref().and_then(|t| endpoint_url(t.text, "token"));
    let realm = realm_path(url.path);
    let note = origin_note(auth.origin);
    if let Some(realm) = &realm
        && is_authorization_endpoint(realm)
    {
        let (Some(token), Some((_, token_realm))) = (&token, &token_endpoint) else { return };
        if !realms_differ(realm.realm, token_realm.realm) {
            return;
        }
        let (a, b) = (realm.realm.escape_debug(), token_realm.realm.escape_debug());
        let finding = at(&KEYCLOAK_AUTHORIZATION_URL, &auth, format!(
            "this is the authorization endpoint of realm `{a}`, but the token URL is realm `{b}`'s: Keycloak issues the code in realm `{a}` and NetBox redeems it at realm `{b}`'s token endpoint, which does not accept it, so every sign-in fails after the user has signed in{note}"
        ));
        out.push(related(finding, &auth, token, "the token URL names the other realm").with_help(format!(
            "name the same realm in both URLs: the realm the `{}` client is registered in",
            client_phrase(d)
        )));
        return;
    }
    // Keycloak's layout is known only from a realm in this URL or a realm's token endpoint.
    if realm.is_none() && token_endpoint.is_none() {
        return;
    }
    let what = describe(&url, realm.as_ref(), token_endpoint.as_ref());
    let mut finding = at(&KEYCLOAK_AUTHORIZATION_URL, &auth, format!(
        "this is {what}, not a realm's authorization endpoint `…/realms/<realm>/protocol/openid-connect/auth`: social-core sends the browser here to sign in, so Keycloak never starts a sign-in and no code ever comes back to NetBox{note}"
    ));
    if let Some((token_url, token_realm)) = &token_endpoint {
        let suggestion = format!(
            "{}{}/realms/{}/protocol/openid-connect/auth",
            token_url.origin, token_realm.base, token_realm.realm
        );
        finding = finding.with_help(format!(
            "use the authorization endpoint of the realm the token URL names: {AUTHORIZATION_URL} = '{}'",
            suggestion.escape_debug()
        ));
        if let Some(token) = &token {
            finding = related(finding, &auth, token, "the token URL shows the realm's endpoints");
        }
    }
    out.push(finding);
}

/// The realm's authorization endpoint (also under Keycloak's deprecated `{realm}/tokens`, which
/// RealmsResource.java maps to the same protocol service).
fn is_authorization_endpoint(realm: &RealmPath<'_>) -> bool {
    oidc_endpoint(realm) == Some("auth") || realm.rest == "tokens/auth"
}

/// What the URL is, in words, for the message.
fn describe(url: &Url<'_>, realm: Option<&RealmPath<'_>>, token: Option<&(Url<'_>, RealmPath<'_>)>) -> String {
    let Some(realm) = realm else {
        let path = url.path.trim_end_matches('/');
        let base_of_token = token.is_some_and(|(token_url, token_realm)| {
            token_url.authority.eq_ignore_ascii_case(url.authority) && token_realm.base.trim_end_matches('/') == path
        });
        return if base_of_token {
            let base = format!("{}{path}", url.origin);
            format!("Keycloak's base URL (`{}`, where the token URL's `/realms/…` starts)", base.escape_debug())
        } else if path.is_empty() {
            "a server's root URL, with no realm in its path".to_string()
        } else {
            format!("a URL with no `/realms/<realm>/` in its path (`{}`)", path.escape_debug())
        };
    };
    let name = realm.realm.escape_debug();
    match (realm.rest, oidc_endpoint(realm)) {
        ("", _) => format!("the URL of realm `{name}` itself"),
        (".well-known/openid-configuration", _) => format!("realm `{name}`'s discovery document"),
        (_, Some(endpoint)) => format!("realm `{name}`'s `{}` endpoint", endpoint.escape_debug()),
        (rest, None) => format!("`…/realms/{name}/{}`", rest.escape_debug()),
    }
}

/// The token URL as a secondary place, when it is written in the same block.
fn related(finding: Finding, auth: &Literal<'_>, token: &Literal<'_>, label: &str) -> Finding {
    if token.block == auth.block { finding.with_related(token.range.clone(), label) } else { finding }
}

/// "netbox": the client ID, when it is a known string; else a description.
fn client_phrase(d: &Input<'_>) -> String {
    match literal(&d.netbox, "SOCIAL_AUTH_KEYCLOAK_KEY") {
        Some(key) if !key.text.is_empty() && key.text.len() <= 64 => key.text.escape_debug().to_string(),
        _ => "SOCIAL_AUTH_KEYCLOAK_KEY".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of, findings};

    const TOKEN: &str = "SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://kc.example/auth/realms/corp/protocol/openid-connect/token'\n";

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // Keycloak's base URL beside a realm's token endpoint (netbox-docker issue #667, t61).
        (
            "netbox/keycloak-authorization-url",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\nSOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://kc.example/auth'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://kc.example/auth/realms/corp/protocol/openid-connect/token'\n",
            2,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\nSOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://kc.example/auth/realms/corp/protocol/openid-connect/auth'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://kc.example/auth/realms/corp/protocol/openid-connect/token'\n",
        ),
        // The realm's URL, with no token URL shown: the realm in the path says it is Keycloak's.
        (
            "netbox/keycloak-authorization-url",
            "4.7",
            "SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://kc.example/realms/corp'\n",
            1,
            "SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://kc.example/realms/corp/protocol/openid-connect/auth/'\n",
        ),
        // The token endpoint twice; the other way round is right.
        (
            "netbox/keycloak-authorization-url",
            "4.7",
            "SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://kc.example/realms/corp/protocol/openid-connect/token'\n",
            1,
            "SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://kc.example/realms/corp/protocol/openid-connect/auth?kc_idp_hint=ad'\n",
        ),
        // Two realms; the same realm in another case is one realm to a database that ignores case.
        (
            "netbox/keycloak-authorization-url",
            "4.7",
            "SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://kc.example/auth/realms/lab/protocol/openid-connect/auth'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://kc.example/auth/realms/corp/protocol/openid-connect/token'\n",
            1,
            "SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://kc.example/auth/realms/CORP/protocol/openid-connect/auth'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://kc.example/auth/realms/corp/protocol/openid-connect/token'\n",
        ),
        // Without a realm anywhere, nothing says the server is Keycloak (another provider's URLs
        // with the Keycloak backend are not judged).
        (
            "netbox/keycloak-authorization-url",
            "4.7",
            "SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://kc.example/'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://kc.example/realms/corp/protocol/openid-connect/token'\n",
            1,
            "SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://id.example/application/o/authorize/'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://id.example/application/o/token/'\n",
        ),
        // Another backend list: nothing reads the Keycloak settings.
        (
            "netbox/keycloak-authorization-url",
            "4.7",
            "REMOTE_AUTH_BACKEND = ['social_core.backends.keycloak.KeycloakOAuth2']\nSOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://kc.example/realms/corp'\n",
            2,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://kc.example/realms/corp'\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::KEYCLOAK_AUTHORIZATION_URL, CASES);
    }

    #[test]
    fn the_help_gives_the_endpoint_of_the_token_urls_realm() {
        let (message, help) = finding_of(
            "netbox/keycloak-authorization-url",
            &format!("SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://kc.example/auth'\n{TOKEN}"),
            "4.7",
        );
        assert!(message.contains("Keycloak's base URL (`https://kc.example/auth`"), "{message}");
        assert!(help.ends_with("= 'https://kc.example/auth/realms/corp/protocol/openid-connect/auth'"), "{help}");
    }

    #[test]
    fn the_message_names_what_the_url_is() {
        for (url, what) in [
            ("https://kc.example/realms/corp", "the URL of realm `corp` itself"),
            ("https://kc.example/realms/corp/.well-known/openid-configuration", "realm `corp`'s discovery document"),
            ("https://kc.example/realms/corp/protocol/openid-connect/userinfo", "realm `corp`'s `userinfo` endpoint"),
            ("https://kc.example/admin/master/console/", "a URL with no `/realms/<realm>/` in its path (`/admin/master/console`)"),
        ] {
            let (message, _) = finding_of(
                "netbox/keycloak-authorization-url",
                &format!("SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = '{url}'\n{TOKEN}"),
                "4.7",
            );
            assert!(message.starts_with(&format!("this is {what}, not")), "{url}: {message}");
        }
    }

    #[test]
    fn a_url_from_the_environment_or_a_template_is_unknown() {
        for value in ["os.environ['KC_AUTH_URL']", "'{{ keycloak_url }}/auth'"] {
            let got = findings(&format!("import os\nSOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = {value}\n{TOKEN}"), "4.7");
            assert!(got.iter().all(|(r, ..)| *r != "netbox/keycloak-authorization-url"), "{value}: {got:?}");
        }
    }

    /// `NAME: 'url'` binds nothing (another rule says so); the URL written is judged as the value
    /// it holds once the colon becomes `=`, and the message says so.
    #[test]
    fn an_annotated_url_is_judged_by_the_url_written() {
        let (message, _) =
            finding_of("netbox/keycloak-authorization-url", "SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL: 'https://kc.example/realms/corp'\n", "4.7");
        assert!(message.ends_with("(the value it holds once the colon is an `=`)"), "{message}");
    }

    /// In netbox-docker's environment file, whose SOCIAL_AUTH_* variables netbox-docker does not
    /// map: judged where no configuration.py is shown (an add-on may read it), not beside a
    /// whole configuration.py that does not read it.
    #[test]
    fn an_environment_variable_is_judged_unless_the_whole_configuration_ignores_it() {
        use crate::rules::netbox::testing::fired_chapter_lines;
        let env = "```sh,check=env\nREMOTE_AUTH_BACKEND=social_core.backends.keycloak.KeycloakOAuth2\nSOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL=https://kc.example/auth\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL=https://kc.example/auth/realms/corp/protocol/openid-connect/token\n```\n";
        assert_eq!(fired_chapter_lines("netbox/keycloak-authorization-url", &format!("# t\n\n{env}")), vec![2]);
        let whole = format!("# t\n\n{env}\n```python,check=netbox\nALLOWED_HOSTS = ['netbox.example']\n```\n");
        assert_eq!(fired_chapter_lines("netbox/keycloak-authorization-url", &whole), Vec::<usize>::new());
    }
}
