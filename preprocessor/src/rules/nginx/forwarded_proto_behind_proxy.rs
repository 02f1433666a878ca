//! `nginx/forwarded-proto-behind-proxy`: an nginx behind another proxy tells NetBox its own
//! plain-http scheme, where NetBox is reached over https.
//!
//! ## What it does
//! Finds `proxy_set_header X-Forwarded-Proto $scheme;` (or `http`) in the location that proxies
//! NetBox when its server is reached through a proxy in front (it trusts that proxy's addresses
//! with `set_real_ip_from`, or listens with `proxy_protocol`), does not itself listen with TLS, and
//! NetBox's configuration says NetBox is reached over https (`CSRF_TRUSTED_ORIGINS` trusts its
//! public host with `https://`, or a `SECURE_PROXY_SSL_HEADER` line, which NetBox ignores but
//! which says a proxy in front ends TLS): TLS ends at the proxy in front, and `$scheme` is this
//! hop's, always `http`.
//!
//! ## Why is this bad?
//! The header replaces the `https` the proxy in front sent, and NetBox takes every request for
//! plain http: the redirect URI of a single sign-on begins with `http://` (unless
//! `SOCIAL_AUTH_REDIRECT_IS_HTTPS`), and so do the links and API URLs NetBox builds; from NetBox
//! 3.2 (Django 4.0's Origin check) the login POSTs fail with 403 unless `CSRF_TRUSTED_ORIGINS`
//! lists the https origin.
//!
//! ## Example
//! An installer's nginx on port 80 behind a TLS load balancer, with `set_real_ip_from 10.0.0.0/8;`
//! and `proxy_set_header X-Forwarded-Proto $scheme;`.
//!
//! Use instead: pass the front proxy's scheme on, `proxy_set_header X-Forwarded-Proto
//! $http_x_forwarded_proto;`, or `https` when every request comes through a proxy that ends TLS
//! (behind a PROXY-protocol front, which sends no HTTP header, only `https` works).

use super::shared::broken_by_http;
use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::header;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// An nginx behind another proxy tells NetBox its own plain-http scheme.
pub const FORWARDED_PROTO_BEHIND_PROXY: Rule = Rule {
    id: "nginx/forwarded-proto-behind-proxy",
    severity: Severity::Warning,
    summary: "the server is reached through a proxy in front (`set_real_ip_from`, `listen … proxy_protocol`), does not listen with TLS, and sends `X-Forwarded-Proto $scheme` (or `http`), while NetBox's configuration says it is reached over https: NetBox takes every request for plain http",
    help: "pass the front proxy's scheme on: `proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;`, or `https` when every request comes through a proxy that ends TLS (the only choice behind a PROXY-protocol front, which sends no HTTP header)",
    fact: "nginx docs: ngx_http_core_module `$scheme` is the request's scheme on this connection (`http` on a plain listener); ngx_http_proxy_module `proxy_set_header` replaces the header sent upstream, and a header whose value is empty is not sent; ngx_http_realip_module `set_real_ip_from` defines trusted addresses of a proxy in front; `listen … proxy_protocol`. facts §1.1 (NetBox sets SECURE_PROXY_SSL_HEADER itself, a configuration.py line is ignored), §4 (request.scheme follows X-Forwarded-Proto; the redirect URI and absolute URLs are built with it; Django 4.0's CSRF Origin check compares the Origin with the request's scheme and host unless CSRF_TRUSTED_ORIGINS lists it). Seen in tests/realworld/tuning/t178-… and t91-… (an installer's inner nginx behind a TLS proxy)",
    applies: Applies::Always,
};

pub fn forwarded_proto_behind_proxy(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    // `$scheme` is this server's connection's: another site's TLS server changes nothing.
    if !flow.server.behind_proxy() || flow.server.is_tls() {
        return;
    }
    // Where a blueprint shows the provider, flow/redirect-uri-mismatch reports the http redirect
    // URI at this header, with this fix (one cause, one finding).
    if d.authentik.provider().is_some() && flow.redirect_uri.is_some() {
        return;
    }
    let Some(xfp) = header(flow.headers, "X-Forwarded-Proto") else { return };
    if !matches!(xfp.value.as_str(), "$scheme" | "${scheme}" | "http") {
        return;
    }
    let nb = &d.netbox;
    // The browser's origin at the proxy in front: NetBox's public host over https.
    let origin = flow.public.host.as_ref().map(|host| format!("https://{host}"));
    let says = if origin.as_ref().is_some_and(|origin| nb.csrf_trusts(origin) == Some(true)) {
        "NetBox's CSRF_TRUSTED_ORIGINS names its public host with https"
    } else if nb.get("SECURE_PROXY_SSL_HEADER").is_some() {
        "configuration.py's SECURE_PROXY_SSL_HEADER line (which NetBox ignores, setting its own) says a proxy in front ends TLS"
    } else {
        return;
    };
    let broken = broken_by_http(d, flow, targets, origin);
    out.push(Finding::in_block(
        &FORWARDED_PROTO_BEHIND_PROXY,
        xfp.block,
        xfp.value_range.clone(),
        format!(
            "this server is reached through a proxy in front of it ({}) and does not listen with TLS, and {says}: TLS ends at that proxy, but `{}` replaces the `https` it sent with this hop's `http`, so NetBox takes every request for plain http: {}",
            flow.server.proxy_in_front_directive(),
            xfp.value,
            broken.join(" and ")
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{BLUEPRINT, NGINX, assert_fires, assert_quiet};

    /// The reference site on port 80 behind a load balancer it trusts for the client's address.
    fn behind() -> String {
        NGINX.replace("listen [::]:443 ssl ipv6only=off;", "listen 80;\n    set_real_ip_from 10.0.0.0/8;\n    real_ip_header X-Forwarded-For;")
    }

    const HTTPS_ORIGIN: &str = "ALLOWED_HOSTS = ['netbox.internaldomain.com']\nCSRF_TRUSTED_ORIGINS = ['https://netbox.internaldomain.com']\nREMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://authentik.yourdomain.com/application/o/netbox'\nSOCIAL_AUTH_OIDC_KEY = 'netbox'\n";

    /// t178's shape: an inner hop on port 80, NetBox reached over https.
    #[test]
    fn the_inner_hop_overwrites_the_front_proxys_scheme() {
        assert_fires("nginx/forwarded-proto-behind-proxy", (HTTPS_ORIGIN, &behind(), ""), "X-Forwarded-Proto $scheme");
    }

    /// With a blueprint, flow/redirect-uri-mismatch reports the http redirect URI at the header,
    /// with the front proxy's fix: this rule leaves it that one finding.
    #[test]
    fn the_provider_shown_leaves_it_to_the_redirect_uri() {
        assert_quiet("nginx/forwarded-proto-behind-proxy", (HTTPS_ORIGIN, &behind(), BLUEPRINT));
        let got = crate::rules::testing::messages(HTTPS_ORIGIN, &behind(), BLUEPRINT);
        let message = got.iter().find(|(r, _)| *r == "flow/redirect-uri-mismatch").map(|(_, m)| m.clone()).unwrap_or_default();
        assert!(message.contains("$http_x_forwarded_proto"), "{got:?}");
    }

    /// With the https origin trusted, the CSRF check passes: the message does not say it fails.
    #[test]
    fn says_only_what_breaks() {
        let got = crate::rules::testing::messages(HTTPS_ORIGIN, &behind(), "");
        let message = got.iter().find(|(r, _)| *r == "nginx/forwarded-proto-behind-proxy").map(|(_, m)| m.clone()).unwrap_or_default();
        assert!(message.contains("redirect URI") && !message.contains("403"), "{message}");
        // A PROXY-protocol listener is a proxy in front; a literal `http` is the same as `$scheme`.
        let proxy_protocol = NGINX.replace("listen [::]:443 ssl ipv6only=off;", "listen 80 proxy_protocol;").replace("$scheme", "http");
        assert_fires("nginx/forwarded-proto-behind-proxy", (HTTPS_ORIGIN, &proxy_protocol, ""), "X-Forwarded-Proto http");
        // The realip directive in the location counts.
        let in_location = NGINX.replace("listen [::]:443 ssl ipv6only=off;", "listen 80;").replace("        proxy_pass", "        set_real_ip_from 10.0.0.0/8;\n        proxy_pass");
        assert_fires("nginx/forwarded-proto-behind-proxy", (HTTPS_ORIGIN, &in_location, ""), "X-Forwarded-Proto $scheme");
    }

    #[test]
    fn quiet_where_the_scheme_is_passed_on_or_tls_is_here_or_https_is_not_said() {
        // Another site's TLS server in the same file changes nothing for this server...
        let other_tls = format!("server {{\n    listen 443 ssl;\n    server_name grafana.internaldomain.com;\n}}\n{}", behind());
        assert_fires("nginx/forwarded-proto-behind-proxy", (HTTPS_ORIGIN, &other_tls, ""), "X-Forwarded-Proto $scheme");
        // ...and `real_ip_header` alone trusts no proxy.
        let header_only = NGINX.replace("listen [::]:443 ssl ipv6only=off;", "listen 80;\n    real_ip_header X-Forwarded-For;");
        assert_quiet("nginx/forwarded-proto-behind-proxy", (HTTPS_ORIGIN, &header_only, ""));
        let passed_on = behind().replace("X-Forwarded-Proto $scheme", "X-Forwarded-Proto $http_x_forwarded_proto");
        assert_quiet("nginx/forwarded-proto-behind-proxy", (HTTPS_ORIGIN, &passed_on, ""));
        // No proxy in front, or TLS on this server.
        assert_quiet("nginx/forwarded-proto-behind-proxy", (HTTPS_ORIGIN, &NGINX.replace("listen [::]:443 ssl ipv6only=off;", "listen 80;"), ""));
        assert_quiet("nginx/forwarded-proto-behind-proxy", (HTTPS_ORIGIN, &NGINX.replace("client_max_body_size 25m;", "client_max_body_size 25m;\n    set_real_ip_from 10.0.0.0/8;"), ""));
        // NetBox's configuration does not say it is reached over https.
        // Another application's https origin says nothing about NetBox's.
        let grafana = HTTPS_ORIGIN.replace("https://netbox.internaldomain.com'", "https://grafana.internaldomain.com'");
        assert_quiet("nginx/forwarded-proto-behind-proxy", (&grafana, &behind(), ""));
        let no_origin = HTTPS_ORIGIN.replace("CSRF_TRUSTED_ORIGINS = ['https://netbox.internaldomain.com']\n", "");
        assert_quiet("nginx/forwarded-proto-behind-proxy", (&no_origin, &behind(), ""));
    }
}
