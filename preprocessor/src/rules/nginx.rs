//! Rules on the nginx site that proxies NetBox (facts §4, §5, §8 NGX-*).

use crate::finding::Rule;
use crate::finding::{Finding, Severity};
use crate::model::flow::{header, proxy_host};
use crate::model::nginx::Location;
use crate::rules::input::{Check, Input};
use crate::version::{Applies, Targets};

/// Every nginx rule with its check.
pub const CHECKS: &[(&Rule, Check)] = &[
    (&MISSING_FORWARDED_PROTO, missing_forwarded_proto),
    (&MISSING_FORWARDED_HOST, missing_forwarded_host),
    (&PORT_LOST, port_lost),
    (&HEADERS_LOST_BY_INHERITANCE, headers_lost_by_inheritance),
    (&FORWARDED_HOST_APPENDED, forwarded_host_appended),
    (&CLIENT_MAX_BODY_SIZE_SMALL, client_max_body_size_small),
    (&UPSTREAM_NOT_LOOPBACK, upstream_not_loopback),
];

/// Rules of this domain reported by other stages (the opt-in `nginx -t` check).
pub const OTHER: &[&Rule] = &[&SYNTAX_TEST_FAILED];

/// `nginx -t` rejected a file.
pub const SYNTAX_TEST_FAILED: Rule = Rule {
    id: "nginx/syntax-test-failed",
    severity: Severity::Error,
    summary: "`nginx -t` rejects the site file (only with `nginx-test = true` in book.toml)",
    help: "fix the directive nginx names; a reader who copies this file gets the same error from `nginx -t`",
    fact: "nginx itself (nginx -t), run on the block as a reader would install it",
    applies: Applies::Always,
};

/// A finding on the location's `proxy_pass` line.
fn at_proxy_pass(rule: &'static Rule, location: &Location, message: String) -> Option<Finding> {
    let (_, range) = location.proxy_pass.as_ref()?;
    Some(Finding::in_block(rule, location.block, range.clone(), message))
}

/// No `X-Forwarded-Proto` in the location that proxies NetBox.
pub const MISSING_FORWARDED_PROTO: Rule = Rule {
    id: "nginx/missing-forwarded-proto",
    severity: Severity::Error,
    summary: "the location that proxies NetBox does not set `X-Forwarded-Proto`, so NetBox believes it is served over http",
    help: "add `proxy_set_header X-Forwarded-Proto $scheme;` to the location that proxies NetBox",
    fact: "facts §1.1 (NetBox sets SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')), §4 (request.scheme, CSRF origin check), §5 (NetBox's contrib/nginx.conf; what must reach NetBox)",
    applies: Applies::Always,
};

fn missing_forwarded_proto(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    if flow.public.scheme == "https" && header(flow.headers, "X-Forwarded-Proto").is_none() {
        // Point at the TLS listener: the https that never reaches NetBox is decided there.
        let Some(range) = flow.server.public_listen().range else { return };
        out.push(Finding::in_block(
            &MISSING_FORWARDED_PROTO,
            flow.server.block,
            range,
            format!(
                "readers use https, but no `X-Forwarded-Proto` reaches NetBox: Django sees http, so NetBox sends the redirect URI `http://…/{}oauth/complete/oidc/` (Authentik answers \"Redirect URI Error\") and the login POSTs fail with 403 CSRF verification failed",
                flow.base_path
            ),
        ));
    }
}

/// The public host does not reach NetBox.
pub const MISSING_FORWARDED_HOST: Rule = Rule {
    id: "nginx/missing-forwarded-host",
    severity: Severity::Error,
    summary: "neither `X-Forwarded-Host` nor `Host` carries the public host name to NetBox",
    help: "add `proxy_set_header X-Forwarded-Host $http_host;` (as NetBox's contrib/nginx.conf does)",
    fact: "facts §4 (get_host uses X-Forwarded-Host, else Host), §5 (nginx sends `Host: $proxy_host` by default; NetBox's reference file)",
    applies: Applies::Always,
};

fn missing_forwarded_host(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    let Some(domain) = flow.domain() else { return };
    // An appended X-Forwarded-Host is sent, just malformed: nginx/forwarded-host-appended.
    if header(flow.headers, "X-Forwarded-Host").is_some_and(|h| appends(&h.value)) {
        return;
    }
    if domain != flow.public.host.to_lowercase() {
        out.extend(at_proxy_pass(
            &MISSING_FORWARDED_HOST,
            flow.location,
            format!(
                "NetBox sees the host `{}` instead of `{}`: {}; Django rejects it with 400 Bad Request unless ALLOWED_HOSTS lists it, and then the redirect URI names that address",
                flow.host.value.as_deref().unwrap_or(""),
                flow.public.host,
                flow.host.because
            ),
        ));
    }
}

/// `$host` on a non-default port.
pub const PORT_LOST: Rule = Rule {
    id: "nginx/port-lost",
    severity: Severity::Error,
    summary: "the public listener uses a non-default port, but the host header sent to NetBox is built from `$host`, which has no port",
    help: "send `$http_host` (the browser's Host header, port included): `proxy_set_header X-Forwarded-Host $http_host;`",
    fact: "facts §5 ($http_host carries the port, $host does not), §4 (USE_X_FORWARDED_PORT is False: the port comes only from the host header)",
    applies: Applies::Always,
};

fn port_lost(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    if flow.public.authority() == flow.public.host {
        return;
    }
    let Some((block, range)) = flow.host.site.clone() else { return };
    let Some(host) = flow.host.value.as_deref() else { return };
    if host.eq_ignore_ascii_case(&flow.public.host) {
        out.push(Finding::in_block(
            &PORT_LOST,
            block,
            range,
            format!(
                "readers reach NetBox on port {}, but this value carries no port: NetBox sends `{}://{}/…` while the browser is on `{}`, so the redirect URI does not match one registered with the port",
                flow.public.port,
                flow.scheme.value,
                flow.public.host,
                flow.public.origin()
            ),
        ));
    }
}

/// Server-level headers dropped by a location that sets its own.
pub const HEADERS_LOST_BY_INHERITANCE: Rule = Rule {
    id: "nginx/headers-lost-by-inheritance",
    severity: Severity::Warning,
    summary: "`proxy_set_header` at server level while the NetBox location sets its own: the server-level ones never reach NetBox",
    help: "repeat the headers inside the location (or move them all there): nginx inherits `proxy_set_header` only into a level that sets none",
    fact: "facts §5 (proxy_set_header is inherited only if the current level defines none)",
    applies: Applies::Always,
};

fn headers_lost_by_inheritance(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    if flow.location.headers.is_empty() {
        return;
    }
    for lost in &flow.server.headers {
        if header(&flow.location.headers, &lost.name).is_none() {
            out.push(Finding::in_block(
                &HEADERS_LOST_BY_INHERITANCE,
                lost.block,
                lost.range.clone(),
                format!(
                    "`{}` never reaches NetBox: the location `{}` sets its own `proxy_set_header`, and nginx then inherits none from the server",
                    lost.name, flow.location.path
                ),
            ));
        }
    }
}

/// A comma-joined X-Forwarded-Host.
pub const FORWARDED_HOST_APPENDED: Rule = Rule {
    id: "nginx/forwarded-host-appended",
    severity: Severity::Error,
    summary: "`X-Forwarded-Host` is built by appending (a comma list, or the client's own X-Forwarded-Host)",
    help: "overwrite it with one host: `proxy_set_header X-Forwarded-Host $http_host;`",
    fact: "facts §4 (Django does not split X-Forwarded-Host on commas: `a, b` is rejected), §5 (nginx must always set, not append)",
    applies: Applies::Always,
};

fn forwarded_host_appended(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    let Some(xfh) = header(flow.headers, "X-Forwarded-Host") else { return };
    if appends(&xfh.value) {
        out.push(Finding::in_block(
            &FORWARDED_HOST_APPENDED,
            xfh.block,
            xfh.value_range.clone(),
            format!("`{}` can become a comma list such as `a.example, b.example`; Django takes X-Forwarded-Host whole, rejects it as an invalid host, and answers 400 Bad Request", xfh.value),
        ));
    }
}

/// Whether a header value appends to what the client sent (a comma list).
fn appends(value: &str) -> bool {
    value.contains(',') || value.contains("$http_x_forwarded_host") || value.contains("$proxy_add_")
}

/// A body limit below NetBox's reference.
pub const CLIENT_MAX_BODY_SIZE_SMALL: Rule = Rule {
    id: "nginx/client-max-body-size-small",
    severity: Severity::Info,
    summary: "`client_max_body_size` is below the 25m of NetBox's reference file (nginx's default is 1m)",
    help: "set `client_max_body_size 25m;` in the server, as NetBox's contrib/nginx.conf does",
    fact: "facts §5 (NetBox's contrib/nginx.conf sets client_max_body_size 25m)",
    applies: Applies::Always,
};

fn size_in_bytes(text: &str) -> Option<u64> {
    let lower = text.to_ascii_lowercase();
    let (number, unit) = match lower.chars().last()? {
        'k' => (&lower[..lower.len() - 1], 1024),
        'm' => (&lower[..lower.len() - 1], 1024 * 1024),
        'g' => (&lower[..lower.len() - 1], 1024 * 1024 * 1024),
        _ => (lower.as_str(), 1),
    };
    number.parse::<u64>().ok().map(|n| n * unit)
}

fn client_max_body_size_small(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    let reference = 25 * 1024 * 1024;
    match flow.location.client_max_body_size.as_ref().or(flow.server.client_max_body_size.as_ref()) {
        Some((size, range)) => {
            if size_in_bytes(size).is_some_and(|b| b != 0 && b < reference) {
                out.push(Finding::in_block(
                    &CLIENT_MAX_BODY_SIZE_SMALL,
                    flow.server.block,
                    range.clone(),
                    format!("uploads larger than {size} (images, attachments, imports) fail with 413 Request Entity Too Large"),
                ));
            }
        }
        None => out.extend(at_proxy_pass(
            &CLIENT_MAX_BODY_SIZE_SMALL,
            flow.location,
            "no `client_max_body_size` is set, so nginx's default of 1m applies: larger uploads fail with 413 Request Entity Too Large".into(),
        )),
    }
}

/// An upstream beyond loopback while NetBox trusts forwarded headers.
pub const UPSTREAM_NOT_LOOPBACK: Rule = Rule {
    id: "nginx/upstream-not-loopback",
    severity: Severity::Warning,
    summary: "NetBox is proxied at an address beyond loopback while it trusts X-Forwarded-Host and X-Forwarded-Proto from every client",
    help: "run gunicorn on 127.0.0.1:8001 (NetBox's contrib/gunicorn.py) and proxy to it, or make sure only the proxy can reach NetBox",
    fact: "facts §5 (SECURE_PROXY_SSL_HEADER and USE_X_FORWARDED_HOST make NetBox trust these headers from any client; contrib/gunicorn.py binds 127.0.0.1:8001)",
    applies: Applies::Always,
};

fn upstream_not_loopback(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    let Some((target, _)) = flow.location.proxy_pass.as_ref() else { return };
    if target.contains("unix:") || target.contains('$') {
        return;
    }
    let host = proxy_host(target);
    let name = host.rsplit_once(':').map_or(host.as_str(), |(h, _)| h).trim_matches(['[', ']']);
    let loopback = name == "localhost" || name.starts_with("127.") || name == "::1";
    let is_ip = name.parse::<std::net::IpAddr>().is_ok();
    if !loopback && (is_ip || name == "0.0.0.0") {
        out.extend(at_proxy_pass(
            &UPSTREAM_NOT_LOOPBACK,
            flow.location,
            format!("NetBox listens on `{host}`, beyond loopback: anyone who reaches it there can send their own X-Forwarded-Host and X-Forwarded-Proto, which NetBox trusts"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{BLUEPRINT, NETBOX, NGINX, assert_fires};

    fn nginx(from: &str, to: &str) -> String {
        assert!(NGINX.contains(from), "{from}");
        NGINX.replace(from, to)
    }

    #[test]
    fn missing_forwarded_proto() {
        let site = nginx("        proxy_set_header X-Forwarded-Proto $scheme;\n", "");
        assert_fires("nginx/missing-forwarded-proto", (NETBOX, &site, BLUEPRINT), "listen [::]:443 ssl");
    }

    #[test]
    fn missing_forwarded_host() {
        let site = nginx("        proxy_set_header X-Forwarded-Host $http_host;\n", "");
        assert_fires("nginx/missing-forwarded-host", (NETBOX, &site, BLUEPRINT), "proxy_pass");
    }

    #[test]
    fn port_lost() {
        let site = nginx("X-Forwarded-Host $http_host", "X-Forwarded-Host $host").replace("[::]:443", "[::]:8443");
        assert_fires("nginx/port-lost", (NETBOX, &site, BLUEPRINT), "X-Forwarded-Host $host");
    }

    #[test]
    fn headers_lost_by_inheritance() {
        let site = nginx(
            "    client_max_body_size 25m;\n",
            "    client_max_body_size 25m;\n    proxy_set_header X-Request-Id $request_id;\n",
        );
        assert_fires("nginx/headers-lost-by-inheritance", (NETBOX, &site, BLUEPRINT), "X-Request-Id");
    }

    #[test]
    fn forwarded_host_appended() {
        let site = nginx("X-Forwarded-Host $http_host", "X-Forwarded-Host \"$http_x_forwarded_host, $http_host\"");
        assert_fires("nginx/forwarded-host-appended", (NETBOX, &site, BLUEPRINT), "X-Forwarded-Host");
    }

    #[test]
    fn client_max_body_size_small() {
        assert_fires(
            "nginx/client-max-body-size-small",
            (NETBOX, &nginx("25m", "2m"), BLUEPRINT),
            "client_max_body_size 2m",
        );
        assert_fires(
            "nginx/client-max-body-size-small",
            (NETBOX, &nginx("    client_max_body_size 25m;\n", ""), BLUEPRINT),
            "proxy_pass",
        );
    }

    #[test]
    fn upstream_not_loopback() {
        let site = nginx("127.0.0.1:8001", "192.0.2.20:8001");
        assert_fires("nginx/upstream-not-loopback", (NETBOX, &site, BLUEPRINT), "proxy_pass");
    }
}
