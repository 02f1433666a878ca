//! `nginx/plain-http-only`: the site serves NetBox only over plain http (no TLS anywhere).
//!
//! ## What it does
//! Fires when no server of the site listens with TLS (`listen … ssl`, or the old `ssl on`) and
//! NetBox is told the request is plain http: no `X-Forwarded-Proto`, or `$scheme` (which is
//! `http` here). A fixed `X-Forwarded-Proto https`, a value passed on from an outer proxy, or
//! `SOCIAL_AUTH_REDIRECT_IS_HTTPS = True` or a CSRF_TRUSTED_ORIGINS of `https://` origins only
//! say that TLS ends in front of this nginx: no finding.
//! Nor when no server of the site writes a `listen`: nginx would then listen on port 80, but a
//! site that shows none of its listeners is an excerpt (an issue's location quoted inside a
//! bare `server`), and where TLS ends is not shown.
//!
//! ## Why is this bad?
//! The sign-on then runs over plain http: NetBox's session cookie, its CSRF token and the
//! authorization code Authentik sends back to NetBox's callback travel unencrypted, and NetBox
//! builds the redirect URI with `http://` (Django's request scheme), so Authentik must have an
//! `http://` redirect URI registered. The guide's flow, and NetBox's reference nginx file,
//! assume https. It works, so it is a warning, not an error.
//!
//! ## Example
//! `server { listen 80; … location / { proxy_pass http://127.0.0.1:8001; … } }` alone.
//!
//! Use instead: a `listen 443 ssl` server with a certificate that proxies NetBox, and a port-80
//! server that only redirects (`return 301 https://$host$request_uri;`), as NetBox's
//! contrib/nginx.conf does.

use super::shared::{SignOn, sign_on};
use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::{header, tls_front_hosts};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The site serves NetBox only over plain http.
pub const PLAIN_HTTP_ONLY: Rule = Rule {
    id: "nginx/plain-http-only",
    severity: Severity::Warning,
    summary: "no server of the site listens with TLS and NetBox is told the request is plain http: sign-on, session cookie and authorization code travel unencrypted",
    help: "serve NetBox over https: `listen 443 ssl;` with `ssl_certificate`/`ssl_certificate_key` in the server that proxies NetBox, and a port-80 server that only redirects (`return 301 https://$host$request_uri;`), as NetBox's contrib/nginx.conf does",
    fact: "facts §5 (NetBox's contrib/nginx.conf: TLS on 443, port 80 redirects), §4 (request.scheme comes from X-Forwarded-Proto, else the plain connection), §2.2 (the redirect URI is built with that scheme)",
    applies: Applies::Always,
};

pub fn plain_http_only(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    // A server that trusts a proxy in front of it for the client's address is reached through
    // that proxy, where TLS may end (corpus case t178; what it then tells NetBox is
    // nginx/forwarded-proto-behind-proxy's).
    if d.nginx.servers.iter().any(|s| s.is_tls())
        || flow.server.behind_proxy()
        || flow.redirect_is_https
        || tls_front_hosts(d.deployment).is_some()
        || !flow.scheme_known
        || d.nginx.servers.iter().all(|s| s.listens.iter().all(|l| l.range.is_none()))
    {
        return;
    }
    // What NetBox is told: nothing, or this connection's scheme (http). Anything else (a fixed
    // `https`, an outer proxy's header, a map) means TLS may end before this nginx.
    if let Some(xfp) = header(flow.headers, "X-Forwarded-Proto")
        && !matches!(xfp.value.as_str(), "$scheme" | "${scheme}" | "http")
    {
        return;
    }
    // Without sign-on through an identity provider (the whole configuration shows only NetBox's
    // own backends), there is no authorization code and no redirect URI to speak of; Authentik is
    // named only where a blueprint shows it.
    let provider = if d.authentik.provider().is_some() { "Authentik" } else { "the identity provider" };
    let what = match sign_on(d) {
        SignOn::None => {
            "the session cookie, the CSRF token and the password typed into the login form travel unencrypted".to_string()
        }
        SignOn::OpenIdConnect => {
            let uri = flow
                .redirect_uri
                .clone()
                .unwrap_or_else(|| format!("http://…/{}oauth/complete/oidc/", flow.base_path));
            format!(
                "the session cookie, the CSRF token and the authorization code {provider} sends back travel unencrypted, and NetBox sends the redirect URI `{uri}`, which {provider} must then list with http"
            )
        }
        SignOn::OtherSocial => format!(
            "the session cookie, the CSRF token and the authorization code {provider} sends back travel unencrypted, and the redirect URI NetBox sends begins with `http://`, which {provider} must then list"
        ),
        SignOn::Unknown => {
            "the session cookie, the CSRF token, and the password typed into the login form or the code a single sign-on sends back, travel unencrypted".to_string()
        }
    };
    out.push(Finding::in_block(
        &PLAIN_HTTP_ONLY,
        flow.server.block,
        flow.server.anchor(),
        format!(
            "users reach NetBox only over plain http (no server of this site listens with `ssl`), and NetBox is told so: {what}"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{BLUEPRINT, NETBOX, NGINX, assert_fires, assert_quiet, messages};


    fn plain() -> String {
        NGINX.replace("listen [::]:443 ssl ipv6only=off", "listen 80")
    }

    #[test]
    fn plain_http_only() {
        assert_fires("nginx/plain-http-only", (NETBOX, &plain(), BLUEPRINT), "listen 80");
        let all = messages(NETBOX, &plain(), BLUEPRINT);
        let message = all.iter().find(|(r, _)| *r == "nginx/plain-http-only").map(|(_, m)| m.as_str()).unwrap_or("");
        assert!(message.contains("`http://netbox.internaldomain.com/oauth/complete/oidc/`"), "{message}");
        // Without sign-on (the whole configuration, LDAP only), no redirect URI nor Authentik is named.
        let ldap = "ALLOWED_HOSTS = ['*']\nSECRET_KEY = 'k' * 60\nREMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'\n";
        let all = messages(ldap, &plain(), "");
        let message = all.iter().find(|(r, _)| *r == "nginx/plain-http-only").map(|(_, m)| m.as_str()).unwrap_or("");
        assert!(message.contains("password typed into the login form"), "{message}");
        assert!(!message.contains("Authentik") && !message.contains("redirect URI"), "{message}");
        // The backend not known (read from the environment), no blueprint: no sign-on is invented.
        let from_env = "import os\nALLOWED_HOSTS = ['netbox.internaldomain.com']\nREMOTE_AUTH_BACKEND = os.environ.get('BACKEND')\n";
        let message = crate::rules::testing::message_of("nginx/plain-http-only", Default::default(), (from_env, &plain(), ""));
        assert!(!message.contains("Authentik") && !message.contains("oidc") && message.contains("or the code a single sign-on sends back"), "{message}");
        // The reference layout: TLS on 443.
        assert_quiet("nginx/plain-http-only", (NETBOX, NGINX, BLUEPRINT));
    }

    #[test]
    fn tls_in_front_of_this_nginx_is_no_plain_http() {
        // A sidecar behind a TLS proxy that says so.
        let behind = plain().replace("X-Forwarded-Proto $scheme", "X-Forwarded-Proto https");
        assert_quiet("nginx/plain-http-only", (NETBOX, &behind, BLUEPRINT));
        let passed_on = plain().replace("X-Forwarded-Proto $scheme", "X-Forwarded-Proto $http_x_forwarded_proto");
        assert_quiet("nginx/plain-http-only", (NETBOX, &passed_on, BLUEPRINT));
        // A server that trusts a proxy in front of it for the client's address.
        let fronted = plain().replace("listen 80;", "listen 80;\n    set_real_ip_from 10.0.0.0/8;");
        assert_quiet("nginx/plain-http-only", (NETBOX, &fronted, BLUEPRINT));
        // NetBox trusts only https origins: browsers reach it through a TLS proxy in front
        // (corpus case t218); an http origin among them says this listener is reached itself.
        let https_only = format!("{NETBOX}CSRF_TRUSTED_ORIGINS = ['https://netbox.internaldomain.com']\n");
        assert_quiet("nginx/plain-http-only", (&https_only, &plain(), BLUEPRINT));
        let mixed = format!("{NETBOX}CSRF_TRUSTED_ORIGINS = ['https://netbox.internaldomain.com', 'http://netbox.internaldomain.com']\n");
        assert_fires("nginx/plain-http-only", (&mixed, &plain(), BLUEPRINT), "listen 80");
        // A TLS server elsewhere in the site.
        let tls_too = format!("{}server {{\n    listen 443 ssl;\n    server_name other.example;\n}}\n", plain());
        assert_quiet("nginx/plain-http-only", (NETBOX, &tls_too, BLUEPRINT));
        // No listener shown at all: an excerpt, where TLS ends is not shown.
        let excerpt = plain().replace("    listen 80;\n", "");
        assert!(!excerpt.contains("listen"), "{excerpt}");
        assert_quiet("nginx/plain-http-only", (NETBOX, &excerpt, BLUEPRINT));
    }
}
