//! `nginx/forwarded-proto-behind-proxy`: an nginx behind another proxy tells NetBox its own
//! plain-http scheme, where NetBox is reached over https.
//!
//! ## What it does
//! Finds `proxy_set_header X-Forwarded-Proto $scheme;` in the location that proxies NetBox when
//! the server trusts a proxy in front of it (`set_real_ip_from`, `real_ip_header`), no server of
//! the site listens with TLS, and NetBox's configuration says it is reached over https (an
//! `https://` entry in `CSRF_TRUSTED_ORIGINS`, or `SECURE_PROXY_SSL_HEADER` set): TLS ends at the
//! proxy in front, and `$scheme` is this hop's, always `http`.
//!
//! ## Why is this bad?
//! The header replaces the `https` the proxy in front sent: NetBox builds `http://` redirect URIs
//! (the identity provider refuses them) and its CSRF check compares the browser's `https://`
//! origin with an `http://` one (403 on the login form and the sign-on button).
//!
//! ## Example
//! An installer's nginx on port 80 behind a TLS load balancer, with `set_real_ip_from 10.0.0.0/8;`
//! and `proxy_set_header X-Forwarded-Proto $scheme;`.
//!
//! Use instead: pass the front proxy's header on, `proxy_set_header X-Forwarded-Proto
//! $http_x_forwarded_proto;` (or `https`, when every request comes through it).

use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::header;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// An nginx behind another proxy tells NetBox its own plain-http scheme.
pub const FORWARDED_PROTO_BEHIND_PROXY: Rule = Rule {
    id: "nginx/forwarded-proto-behind-proxy",
    severity: Severity::Warning,
    summary: "the server trusts a proxy in front of it (`set_real_ip_from`, `real_ip_header`), listens only over plain http, and sends `X-Forwarded-Proto $scheme`, while NetBox's configuration says it is reached over https: NetBox is told `http`",
    help: "pass the front proxy's scheme on: `proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;` (or `https` when every request comes through that proxy)",
    fact: "nginx docs, ngx_http_core_module: `$scheme` is the request's scheme on this connection, `http` on a plain listener; ngx_http_proxy_module: proxy_set_header replaces the header sent upstream; ngx_http_realip_module: set_real_ip_from/real_ip_header trust addresses of a proxy in front. facts §4 (NetBox trusts X-Forwarded-Proto through SECURE_PROXY_SSL_HEADER: request.scheme and the redirect URI follow it; Django's CSRF check compares the Origin with the request's scheme and host). Seen in tests/realworld/tuning/t178-… (an installer's inner nginx behind a TLS proxy)",
    applies: Applies::Always,
};

pub fn forwarded_proto_behind_proxy(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    if !flow.server.behind_proxy || d.nginx.servers.iter().any(|s| s.is_tls()) {
        return;
    }
    let Some(xfp) = header(flow.headers, "X-Forwarded-Proto") else { return };
    if !matches!(xfp.value.as_str(), "$scheme" | "${scheme}") {
        return;
    }
    let nb = &d.netbox;
    let https_origin = nb.get("CSRF_TRUSTED_ORIGINS").and_then(|s| s.value.items()).is_some_and(|items| {
        items.iter().any(|item| item.as_str().is_some_and(|origin| origin.starts_with("https://")))
    });
    let says = if https_origin {
        "NetBox's CSRF_TRUSTED_ORIGINS names an https origin"
    } else if nb.get("SECURE_PROXY_SSL_HEADER").is_some() {
        "NetBox's configuration sets SECURE_PROXY_SSL_HEADER for a proxy that ends TLS"
    } else {
        return;
    };
    out.push(Finding::in_block(
        &FORWARDED_PROTO_BEHIND_PROXY,
        xfp.block,
        xfp.value_range.clone(),
        format!("this server trusts a proxy in front of it (`set_real_ip_from`/`real_ip_header`) and listens only over plain http, and {says}: TLS ends at that proxy, but `$scheme` is this hop's, `http`, and replaces the `https` it sent, so NetBox builds `http://` redirect URIs and its CSRF check refuses the browser's https origin"),
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
        assert_fires("nginx/forwarded-proto-behind-proxy", (HTTPS_ORIGIN, &behind(), BLUEPRINT), "X-Forwarded-Proto $scheme");
    }

    #[test]
    fn quiet_where_the_scheme_is_passed_on_or_tls_is_here_or_https_is_not_said() {
        let passed_on = behind().replace("X-Forwarded-Proto $scheme", "X-Forwarded-Proto $http_x_forwarded_proto");
        assert_quiet("nginx/forwarded-proto-behind-proxy", (HTTPS_ORIGIN, &passed_on, BLUEPRINT));
        // No proxy in front, or TLS on this server.
        assert_quiet("nginx/forwarded-proto-behind-proxy", (HTTPS_ORIGIN, &NGINX.replace("listen [::]:443 ssl ipv6only=off;", "listen 80;"), BLUEPRINT));
        assert_quiet("nginx/forwarded-proto-behind-proxy", (HTTPS_ORIGIN, &NGINX.replace("client_max_body_size 25m;", "client_max_body_size 25m;\n    set_real_ip_from 10.0.0.0/8;"), BLUEPRINT));
        // NetBox's configuration does not say it is reached over https.
        let no_origin = HTTPS_ORIGIN.replace("CSRF_TRUSTED_ORIGINS = ['https://netbox.internaldomain.com']\n", "");
        assert_quiet("nginx/forwarded-proto-behind-proxy", (&no_origin, &behind(), BLUEPRINT));
    }
}
