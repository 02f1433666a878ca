//! `nginx/port-lost`: `$host` on a non-default port.

use super::shared::{SignOn, sign_on};
use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::tls_front_hosts;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `$host` on a non-default port.
pub const PORT_LOST: Rule = Rule {
    id: "nginx/port-lost",
    severity: Severity::Error,
    summary: "the public listener uses a non-default port, but the host header sent to NetBox is built from `$host`, which has no port",
    help: "send `$http_host` (the browser's Host header, port included): `proxy_set_header X-Forwarded-Host $http_host;`",
    fact: "facts §5 ($http_host carries the port, $host does not), §4 (USE_X_FORWARDED_PORT is False: the port comes only from the host header)",
    applies: Applies::Always,
};

pub fn port_lost(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    // Browsers reach NetBox at a TLS proxy in front (NetBox trusts only https origins, this
    // site serves none): the port they are on is that proxy's, not this listener's (corpus case
    // t218, a container's nginx on 8096 behind Traefik on 443).
    if tls_front_hosts(d.deployment).is_some() {
        return;
    }
    if flow.public.host.is_none() {
        unnamed_server_port_lost(d, flow, out);
        return;
    }
    let (Some(public), Some(authority), Some(origin)) =
        (flow.public.host.as_deref(), flow.public.authority(), flow.public.origin())
    else {
        return;
    };
    if authority == public {
        return;
    }
    let Some((block, range)) = flow.host.site.clone() else { return };
    let Some(host) = flow.host.value.as_deref() else { return };
    if host.eq_ignore_ascii_case(public) {
        out.push(Finding::in_block(
            &PORT_LOST,
            block,
            range,
            format!(
                "readers reach NetBox on port {}, but this value carries no port: NetBox builds `{}://{}/…` while the browser is on `{}`, so {}",
                flow.public.port,
                flow.scheme.value,
                public,
                origin,
                match sign_on(d) {
                    SignOn::OpenIdConnect | SignOn::OtherSocial => {
                        "the redirect URI does not match one registered with the port, and the login form's `Origin` matches NetBox's host only through CSRF_TRUSTED_ORIGINS"
                    }
                    SignOn::Unknown => {
                        "the login form's `Origin` matches NetBox's host only through CSRF_TRUSTED_ORIGINS, the API's links lose the port, and a single sign-on, if NetBox has one, sends a redirect URI without it"
                    }
                    SignOn::None => {
                        "the login form's `Origin` matches NetBox's host only through CSRF_TRUSTED_ORIGINS (else 403 CSRF verification failed), and the API's next and previous links lose the port"
                    }
                }
            ),
        ));
    }
}

/// A server with no name a browser uses (`server_name _`, a default server) on a non-default
/// port: the host is whatever the browser sent, but `X-Forwarded-Host $host` drops its port all
/// the same.
fn unnamed_server_port_lost(d: &Input<'_>, flow: &crate::model::flow::Flow<'_>, out: &mut Vec<Finding>) {
    let default = if flow.public.scheme == "https" { 443 } else { 80 };
    if flow.public.port == default {
        return;
    }
    // A container's nginx listens on 8080 behind a port mapping (80:8080) or a Service, and the
    // browser's host then has no port: only NetBox's own settings naming the port (an origin or
    // host with `:8000`) show that browsers reach this one.
    let with_port = format!(":{}", flow.public.port);
    let names_port = ["ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS"].iter().any(|name| {
        d.netbox.get(name).and_then(|s| s.value.items()).is_some_and(|items| {
            items.iter().filter_map(|i| i.as_str()).any(|entry| {
                entry.trim_end_matches('/').ends_with(&with_port)
            })
        })
    });
    if !names_port {
        return;
    }
    // A scheme or port written as a constant says another proxy is in front (a sidecar behind
    // a TLS proxy): readers do not reach this listener's port.
    let constant = |name: &str| crate::model::flow::header(flow.headers, name).is_some_and(|h| !h.value.starts_with('$'));
    if constant("X-Forwarded-Proto") || constant("X-Forwarded-Port") {
        return;
    }
    let Some(xfh) = crate::model::flow::header(flow.headers, "X-Forwarded-Host") else { return };
    if !matches!(xfh.value.as_str(), "$host" | "${host}") {
        return;
    }
    out.push(Finding::in_block(
        &PORT_LOST,
        xfh.block,
        xfh.value_range.clone(),
        format!(
            "readers reach NetBox on port {}, but `$host` carries no port: NetBox takes this header for its host and builds its absolute URLs without the port (`{}://<host>/…`: the API's next and previous links, the redirect URI a sign-on sends), and a form's `Origin` with the port matches the host only through CSRF_TRUSTED_ORIGINS",
            flow.public.port, flow.public.scheme
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet};

    #[test]
    fn port_lost() {
        let site = nginx("X-Forwarded-Host $http_host", "X-Forwarded-Host $host").replace("[::]:443", "[::]:8443");
        assert_fires("nginx/port-lost", (NETBOX, &site, BLUEPRINT), "X-Forwarded-Host $host");
        // On the default port `$host` loses nothing.
        let default_port = nginx("X-Forwarded-Host $http_host", "X-Forwarded-Host $host");
        assert_quiet("nginx/port-lost", (NETBOX, &default_port, BLUEPRINT));
    }

    /// The consequence said is the configuration's: the redirect URI only where a sign-on
    /// sends one (a site on 8443 without one was told of a redirect URI; the second
    /// false-finding hunt of 2026-12-02).
    #[test]
    fn the_message_names_a_redirect_uri_only_with_a_sign_on() {
        let site = nginx("X-Forwarded-Host $http_host", "X-Forwarded-Host $host").replace("[::]:443", "[::]:8443");
        let message = |netbox: &str| {
            crate::rules::testing::messages(netbox, &site, BLUEPRINT)
                .into_iter()
                .find(|(rule, _)| *rule == "nginx/port-lost")
                .map(|(_, m)| m)
                .unwrap_or_default()
        };
        assert!(message(NETBOX).contains("redirect URI"), "{}", message(NETBOX));
        let local = "ALLOWED_HOSTS = ['*']\nSECRET_KEY = 'k' * 60\nREMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'\n";
        let without = message(local);
        assert!(without.contains("CSRF_TRUSTED_ORIGINS") && !without.contains("redirect URI"), "{without}");
    }

    #[test]
    fn a_default_server_on_another_port() {
        // A NixOS host's default server on port 8000 (corpus case t107).
        let site = "server {\n    listen 8000 default_server;\n    server_name _;\n    location / {\n        proxy_pass http://127.0.0.1:8001;\n        proxy_set_header Host $host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n        proxy_set_header X-Forwarded-Host $host;\n    }\n}\n";
        let netbox = "ALLOWED_HOSTS = ['*']\nCSRF_TRUSTED_ORIGINS = ['http://netbox.example.com:8000']\n";
        assert_fires("nginx/port-lost", (netbox, site, ""), "X-Forwarded-Host $host");
        // NetBox trusts only an https origin this plain site never serves: browsers are at a TLS
        // proxy in front, on its port (corpus case t218), whether the server is named or not.
        let fronted = "ALLOWED_HOSTS = ['*']\nCSRF_TRUSTED_ORIGINS = ['https://netbox.example.com']\n";
        assert_quiet("nginx/port-lost", (fronted, site, ""));
        let named = site.replace("server_name _;", "server_name netbox.example.com;");
        assert_fires("nginx/port-lost", ("ALLOWED_HOSTS = ['*']\n", &named, ""), "X-Forwarded-Host $host");
        assert_quiet("nginx/port-lost", (fronted, &named, ""));
        // A container's listener behind a port mapping: nothing says browsers use port 8000.
        assert_quiet("nginx/port-lost", ("ALLOWED_HOSTS = ['*']\n", site, ""));
        assert_quiet("nginx/port-lost", (netbox, &site.replace("X-Forwarded-Host $host", "X-Forwarded-Host $http_host"), ""));
        assert_quiet("nginx/port-lost", (netbox, &site.replace("listen 8000", "listen 80"), ""));
        // A sidecar behind a TLS proxy (corpus case t03): not the port readers use.
        assert_quiet("nginx/port-lost", (netbox, &site.replace("X-Forwarded-Proto $scheme", "X-Forwarded-Proto https"), ""));
    }
}
