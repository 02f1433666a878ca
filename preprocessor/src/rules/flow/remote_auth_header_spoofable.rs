//! `flow/remote-auth-header-spoofable`: a location proxies to NetBox without setting the header
//! that header authentication trusts.
//!
//! ## What it does
//! With header authentication (REMOTE_AUTH_ENABLED and a RemoteUserBackend), finds the locations
//! that send the trusted header to NetBox from a variable (the sign-on's `auth_request_set`
//! result, `$remote_user`), and reports every other location that proxies to the same upstream
//! without setting that header at all (its own `proxy_set_header`s, or the server's it
//! inherits).
//!
//! ## Why is this bad?
//! nginx passes a client's request headers on, and NetBox's RemoteUserMiddleware signs in
//! whoever the header names, on every path: a client that sends `X-Authentik-Username: admin` to
//! the open location (often `/api/`, left out of the forward-auth so that API tokens work) is
//! signed in as admin, superuser status included.
//!
//! ## Example
//! `location / { auth_request …; proxy_set_header X-Authentik-Username $authentik_username; … }`
//! beside `location /api/ { proxy_pass http://127.0.0.1:8001; }`.
//!
//! Use instead: `proxy_set_header X-Authentik-Username "";` in `/api/` (nginx then passes no
//! such header), or the same `auth_request` there.

use std::collections::HashMap;

use crate::finding::{Finding, Rule, Severity};
use crate::model::netbox::{NetboxConfig, Presence};
use crate::model::nginx::{HeaderSetting, Location};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A location proxies to NetBox without setting the header that header authentication trusts.
pub const REMOTE_AUTH_HEADER_SPOOFABLE: Rule = Rule {
    id: "flow/remote-auth-header-spoofable",
    severity: Severity::Error,
    summary: "with header authentication, a location proxies to NetBox without setting the user header: a client's own header passes through and signs it in as anyone",
    help: "set the header in that location too: `proxy_set_header <header> \"\";` clears it (nginx passes no header whose value is empty), or put the location behind the same `auth_request` and set the header from it",
    fact: "NetBox 4.6.8 and 4.7.3 netbox/netbox/middleware.py L153-192 (RemoteUserMiddleware: with REMOTE_AUTH_ENABLED, reads request.META[REMOTE_AUTH_HEADER] on every request, the API included, and calls auth.authenticate(request, remote_user=…), then logs that user in; seen with NetBox 4.7.3 and REMOTE_AUTH_HEADER 'HTTP_X_USER': GET /api/users/users/ with `X-User: admin` answered 200 as the superuser admin, and `X-User: mallory` signed in a new user mallory with REMOTE_AUTH_AUTO_CREATE_USER); netbox/netbox/settings.py (4.6.8 L171-185, 4.7.3 L185-192: defaults REMOTE_AUTH_BACKEND 'netbox.authentication.RemoteUserBackend', REMOTE_AUTH_HEADER 'HTTP_REMOTE_USER'); nginx docs, ngx_http_proxy_module: proxy_pass_request_headers is on by default (the client's header fields are passed), a field set by proxy_set_header replaces the client's, and one set to an empty string is not passed (seen with nginx 1.22.1: a client's `X-User: admin` reached the upstream through a location without the header, was replaced where the location set it, and was absent where it set \"\"); Django 6.0 docs, 'How to authenticate using REMOTE_USER': the front-end server must always set or strip the header",
    applies: Applies::Always,
};

pub fn remote_auth_header_spoofable(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(meta) = trusted_header(&d.netbox) else { return };
    // `HTTP_X_AUTHENTIK_USERNAME` is what gunicorn makes of `X-Authentik-Username` (and of
    // `X_Authentik_Username`): compare with `-` and `_` alike.
    let Some(wire) = meta.strip_prefix("HTTP_").filter(|w| !w.is_empty()) else { return };
    let sets_it = |h: &HeaderSetting| same_header(&h.name, wire);
    let proxying = || {
        d.nginx.servers.iter().flat_map(|s| s.locations.iter().map(move |l| (s, l))).filter(|(_, l)| l.proxy_pass.is_some())
    };
    // The sign-on's locations send the header from a variable (an `auth_request_set` result,
    // `$remote_user`); NetBox is where they proxy to. A location that clears the header (`""`)
    // or fixes it is not one: with none in the files, the header comes from elsewhere (a proxy
    // or an outpost in front) and nothing is known.
    let mut signing: HashMap<String, &HeaderSetting> = HashMap::new();
    for (server, location) in proxying() {
        let from_sign_on = server.effective_headers(location).iter().rev().find(|h| sets_it(h)).filter(|h| from_variable(&h.value));
        if let (Some(set), Some(to)) = (from_sign_on, target(location)) {
            signing.entry(to).or_insert(set);
        }
    }
    if signing.is_empty() {
        return;
    }
    let header = display_name(wire);
    for (server, location) in proxying() {
        let Some(set) = target(location).and_then(|to| signing.get(&to)) else { continue };
        if server.effective_headers(location).iter().any(sets_it) || !server.headers_complete(location) {
            continue;
        }
        let finding = Finding::in_block(
            &REMOTE_AUTH_HEADER_SPOOFABLE,
            location.block,
            location.head.clone(),
            format!(
                "requests to `{}` reach NetBox with the client's own `{header}` header: NetBox's RemoteUserMiddleware reads `{meta}` on every request, so anyone who sends `{header}: <a user name>` here is signed in as that user",
                location.path
            ),
        );
        let finding = if set.block == location.block {
            finding.with_related(set.range.clone(), "the sign-on sets it here, for another location")
        } else {
            finding
        };
        // One `proxy_set_header` in a location that has none drops the server's it inherits
        // (X-Forwarded-Host, X-Forwarded-Proto): then the server is where the line goes.
        let help = if location.headers.is_empty() {
            format!(
                "add `proxy_set_header {header} \"\";` to this location's server, beside its other `proxy_set_header`s (nginx then passes no `{header}`; a `proxy_set_header` in the location itself would drop the ones it inherits), or put the location behind the sign-on's `auth_request` and set the header from it"
            )
        } else {
            format!(
                "add `proxy_set_header {header} \"\";` to this location (nginx then passes no `{header}` at all), or put it behind the sign-on's `auth_request` and set the header from it as the other location does"
            )
        };
        out.push(finding.with_help(help));
    }
}

/// Whether a header's value comes from a variable nginx fills (`$authentik_username`,
/// `$remote_user`, `$ssl_client_s_dn`), not from the client's own header (`$http_…`) nor a
/// constant.
fn from_variable(value: &str) -> bool {
    let value = value.trim_matches('"');
    value.starts_with('$') && !value.starts_with("$http_")
}

/// The `request.META` name header authentication trusts, when it surely signs users in from a
/// header: REMOTE_AUTH_ENABLED is true and a RemoteUserBackend is among the backends (NetBox's
/// default when REMOTE_AUTH_BACKEND is unset). A backend this checker does not know, or a
/// setting not in the files, leaves it unknown.
fn trusted_header(netbox: &NetboxConfig) -> Option<String> {
    let enabled = netbox.surely_set("REMOTE_AUTH_ENABLED")?;
    if enabled.value.truthy() != Some(true) {
        return None;
    }
    let remote_user_backend = match netbox.presence("REMOTE_AUTH_BACKEND") {
        Presence::Set(_) => netbox.backends()?.iter().any(|b| b.rsplit('.').next() == Some("RemoteUserBackend")),
        Presence::Unset => true,
        Presence::Unknown => false,
    };
    if !remote_user_backend {
        return None;
    }
    match netbox.presence("REMOTE_AUTH_HEADER") {
        Presence::Set(setting) => match &setting.value.kind {
            ValueKind::Str(name) => Some(name.to_string()),
            _ => None,
        },
        Presence::Unset => Some("HTTP_REMOTE_USER".to_string()),
        Presence::Unknown => None,
    }
}

/// Whether an nginx header name is the one gunicorn puts under `HTTP_<wire>`.
fn same_header(name: &str, wire: &str) -> bool {
    name.len() == wire.len()
        && name.bytes().zip(wire.bytes()).all(|(a, b)| {
            let fold = |c: u8| if c == b'-' { b'_' } else { c.to_ascii_uppercase() };
            fold(a) == fold(b)
        })
}

/// The request header a client sends for `HTTP_<wire>`: `X_AUTHENTIK_USERNAME` →
/// `X-Authentik-Username`.
fn display_name(wire: &str) -> String {
    wire.split('_')
        .map(|word| {
            let lower = word.to_ascii_lowercase();
            let mut chars = lower.chars();
            chars.next().map_or(String::new(), |first| first.to_ascii_uppercase().to_string() + chars.as_str())
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// Where a location proxies to, compared without case or a trailing `/`.
fn target(location: &Location) -> Option<String> {
    location.proxy_pass.as_ref().map(|(to, _)| to.trim_end_matches('/').to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{BLUEPRINT, assert_fires, assert_quiet, helps, messages};

    const HEADER_AUTH: &str = "ALLOWED_HOSTS = ['netbox.internaldomain.com']\nREMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_HEADER = 'HTTP_X_AUTHENTIK_USERNAME'\nREMOTE_AUTH_AUTO_CREATE_USER = True\n";

    /// Authentik's forward-auth shape: `/` behind `auth_request` with the user header from the
    /// outpost, and `/api/` left open for API tokens.
    const SITE: &str = "server {\n    listen 443 ssl;\n    server_name netbox.internaldomain.com;\n    client_max_body_size 25m;\n    location /outpost.goauthentik.io {\n        proxy_pass http://authentik:9000/outpost.goauthentik.io;\n        proxy_set_header Host $host;\n    }\n    location / {\n        auth_request /outpost.goauthentik.io/auth/nginx;\n        auth_request_set $authentik_username $upstream_http_x_authentik_username;\n        proxy_pass http://127.0.0.1:8001;\n        proxy_set_header X-Forwarded-Host $http_host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n        proxy_set_header X-authentik-username $authentik_username;\n    }\n    location /api/ {\n        proxy_pass http://127.0.0.1:8001/;\n        proxy_set_header X-Forwarded-Host $http_host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }\n}\n";

    #[test]
    fn an_open_location_to_netbox_passes_the_clients_header() {
        assert_fires("flow/remote-auth-header-spoofable", (HEADER_AUTH, SITE, BLUEPRINT), "location /api/ {");
        let said = messages(HEADER_AUTH, SITE, BLUEPRINT);
        let (_, message) = said.iter().find(|(r, _)| *r == "flow/remote-auth-header-spoofable").unwrap();
        assert!(message.contains("`/api/`") && message.contains("`X-Authentik-Username`"), "{message}");
        assert!(message.contains("HTTP_X_AUTHENTIK_USERNAME"), "{message}");
    }

    #[test]
    fn clearing_the_header_or_inheriting_it_closes_the_hole() {
        let cleared = SITE.replace(
            "        proxy_pass http://127.0.0.1:8001/;\n",
            "        proxy_pass http://127.0.0.1:8001/;\n        proxy_set_header X-Authentik-Username \"\";\n",
        );
        assert_quiet("flow/remote-auth-header-spoofable", (HEADER_AUTH, &cleared, BLUEPRINT));
        // An `include` may set it: not followed, so nothing is said.
        let included = SITE.replace("    location /api/ {\n", "    location /api/ {\n        include snippets/clear-user.conf;\n");
        assert_quiet("flow/remote-auth-header-spoofable", (HEADER_AUTH, &included, BLUEPRINT));
    }

    #[test]
    fn only_where_the_header_signs_users_in() {
        // OpenID Connect with REMOTE_AUTH_ENABLED left on: the middleware's authenticate() call
        // finds no backend that takes `remote_user`.
        let oidc = HEADER_AUTH.replace("netbox.authentication.RemoteUserBackend", "social_core.backends.open_id_connect.OpenIdConnectAuth");
        assert_quiet("flow/remote-auth-header-spoofable", (&oidc, SITE, BLUEPRINT));
        let disabled = HEADER_AUTH.replace("REMOTE_AUTH_ENABLED = True", "REMOTE_AUTH_ENABLED = False");
        assert_quiet("flow/remote-auth-header-spoofable", (&disabled, SITE, BLUEPRINT));
        // Another upstream: not NetBox's.
        let elsewhere = SITE.replace("proxy_pass http://127.0.0.1:8001/;", "proxy_pass http://127.0.0.1:9090/;");
        assert_quiet("flow/remote-auth-header-spoofable", (HEADER_AUTH, &elsewhere, BLUEPRINT));
        // No location sets the header: it comes from a proxy the files do not show.
        let unset = SITE.replace("        proxy_set_header X-authentik-username $authentik_username;\n", "");
        assert_quiet("flow/remote-auth-header-spoofable", (HEADER_AUTH, &unset, BLUEPRINT));
    }

    #[test]
    fn a_location_that_clears_or_fixes_the_header_is_not_the_sign_on() {
        // An outpost or proxy in front sets the header; nginx clears it on /api/ only: `/` passes
        // the front proxy's value and is not reported.
        let front = SITE
            .replace("        proxy_set_header X-authentik-username $authentik_username;\n", "")
            .replace(
                "        proxy_pass http://127.0.0.1:8001/;\n",
                "        proxy_pass http://127.0.0.1:8001/;\n        proxy_set_header X-Authentik-Username \"\";\n",
            );
        assert_quiet("flow/remote-auth-header-spoofable", (HEADER_AUTH, &front, BLUEPRINT));
        // The client's own header passed on by name is no sign-on either.
        let echoed = SITE.replace("$authentik_username;\n    }", "$http_x_authentik_username;\n    }");
        assert_quiet("flow/remote-auth-header-spoofable", (HEADER_AUTH, &echoed, BLUEPRINT));
    }

    #[test]
    fn a_location_inheriting_the_servers_headers_is_told_to_set_it_at_the_server() {
        let inheriting = SITE.replace(
            "        proxy_pass http://127.0.0.1:8001/;\n        proxy_set_header X-Forwarded-Host $http_host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n",
            "        proxy_pass http://127.0.0.1:8001/;\n",
        );
        let help = helps(HEADER_AUTH, &inheriting, BLUEPRINT).into_iter().find(|(r, _)| *r == "flow/remote-auth-header-spoofable");
        assert!(help.is_some_and(|(_, h)| h.contains("to this location's server")));
        // Cleared at the top of the site file (nginx's `http` level, where the file is
        // included): every server that sets no headers inherits it.
        let top = format!("proxy_set_header X-Authentik-Username \"\";\n{inheriting}");
        let fired = crate::rules::testing::fired(HEADER_AUTH, &top, BLUEPRINT);
        assert!(fired.iter().all(|(r, l)| *r != "flow/remote-auth-header-spoofable" || !l.contains("/api/")), "{fired:#?}");
    }

    #[test]
    fn the_default_header_and_backend_count() {
        // REMOTE_AUTH_BACKEND and REMOTE_AUTH_HEADER unset: RemoteUserBackend and HTTP_REMOTE_USER.
        let defaults = "ALLOWED_HOSTS = ['netbox.internaldomain.com']\nREMOTE_AUTH_ENABLED = True\n";
        let site = SITE.replace("X-authentik-username $authentik_username", "Remote-User $authentik_username");
        assert_fires("flow/remote-auth-header-spoofable", (defaults, &site, BLUEPRINT), "location /api/ {");
    }

    #[test]
    fn header_names_fold_dashes_underscores_and_case() {
        assert!(super::same_header("X-authentik-username", "X_AUTHENTIK_USERNAME"));
        assert!(super::same_header("x_authentik_username", "X_AUTHENTIK_USERNAME"));
        assert!(!super::same_header("X-Authentik-Uid", "X_AUTHENTIK_USERNAME"));
        assert_eq!(super::display_name("X_AUTHENTIK_USERNAME"), "X-Authentik-Username");
    }
}
