//! `nginx/listen-port-is-upstream-port`: nginx listens on the loopback port NetBox is proxied to.

use crate::parse::authority;
use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::is_loopback;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The NetBox server listens, on every address or on loopback, on the port its `proxy_pass`
/// sends NetBox's requests to on loopback.
pub const LISTEN_PORT_IS_UPSTREAM_PORT: Rule = Rule {
    id: "nginx/listen-port-is-upstream-port",
    severity: Severity::Error,
    summary: "nginx listens on the same port, on every address or on loopback, that it proxies NetBox to on loopback: nginx and NetBox cannot both bind it",
    help: "give each its own port: NetBox's gunicorn on 127.0.0.1:8001 (contrib/gunicorn.py) and nginx on 443 (contrib/nginx.conf), or another public port",
    fact: "nginx docs (listen: a port alone listens on every address); seen on Linux 6.18 with listening TCP sockets and SO_REUSEADDR: binding 0.0.0.0:P after 127.0.0.1:P, 127.0.0.1:P after 0.0.0.0:P, and 127.0.0.1:P after [::]:P with IPV6_V6ONLY off all fail with Errno 98 Address already in use; NetBox's contrib/gunicorn.py binds 127.0.0.1:8001 and contrib/nginx.conf listens on 443 (4.6.8)",
    applies: Applies::Always,
};

/// `host` and port of a proxy target or upstream server (`http://127.0.0.1:8000/`, `[::1]:8001`,
/// `localhost`): the port nginx's default for the scheme when none is written. `None` for unix
/// sockets and variables.
fn host_port(address: &str) -> Option<(&str, u16)> {
    if address.contains('$') {
        return None;
    }
    let (default, rest) = match address.split_once("://") {
        Some(("https", rest)) => (443, rest),
        Some((_, rest)) => (80, rest),
        None => (80, address),
    };
    if rest.starts_with("unix:") {
        return None;
    }
    let authority = authority::split(rest.split('/').next().unwrap_or(rest));
    let port = authority.port.map_or(Some(default), |p| p.parse().ok())?;
    Some((authority.host, port))
}

pub fn listen_port_is_upstream_port(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(server) = d.flow.as_ref().map(|f| f.server).or_else(|| d.nginx.netbox_server()) else { return };
    for location in &server.locations {
        let Some((target, _)) = &location.proxy_pass else { continue };
        let addresses: Vec<&str> = match d.nginx.upstream_for(target) {
            Some(upstream) => upstream.servers.iter().map(|(a, _)| a.as_str()).collect(),
            None => vec![target.as_str()],
        };
        for address in addresses {
            let Some((host, port)) = host_port(address) else { continue };
            if !is_loopback(host) {
                continue;
            }
            let clash = server.listens.iter().find(|l| {
                l.port == port && (l.address.is_empty() || l.address == "*" || is_loopback(&l.address))
            });
            let Some(listen) = clash else { continue };
            let at = listen.range.clone().unwrap_or_else(|| server.anchor());
            out.push(Finding::in_block(
                &LISTEN_PORT_IS_UPSTREAM_PORT,
                server.block,
                at,
                format!(
                    "this server listens on port {port} and proxies NetBox to `{address}`, the same port on loopback: only one of nginx and NetBox can bind it (Address already in use), so whichever starts second fails, and if nginx holds it, it proxies to itself"
                ),
            ));
            // One finding per server: the listen to change.
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet};

    #[test]
    fn listen_port_is_upstream_port() {
        // TLS on 8001, NetBox's own loopback port.
        let site = nginx("listen [::]:443 ssl ipv6only=off;", "listen 8001 ssl;");
        assert_fires("nginx/listen-port-is-upstream-port", (NETBOX, &site, BLUEPRINT), "listen 8001 ssl");
        // Through an upstream block, on the wildcard address.
        let upstream = format!(
            "upstream netbox {{\n    server 127.0.0.1:8000;\n}}\n{}",
            nginx("listen [::]:443 ssl ipv6only=off;", "listen 0.0.0.0:8000 ssl;").replace("http://127.0.0.1:8001", "http://netbox")
        );
        assert_fires("nginx/listen-port-is-upstream-port", (NETBOX, &upstream, BLUEPRINT), "listen 0.0.0.0:8000 ssl");
        // A LAN address and loopback can share a port number; so can different ports.
        let lan = nginx("listen [::]:443 ssl ipv6only=off;", "listen 192.0.2.10:8001 ssl;");
        assert_quiet("nginx/listen-port-is-upstream-port", (NETBOX, &lan, BLUEPRINT));
        let other = nginx("listen [::]:443 ssl ipv6only=off;", "listen 8443 ssl;");
        assert_quiet("nginx/listen-port-is-upstream-port", (NETBOX, &other, BLUEPRINT));
    }

    #[test]
    fn reads_proxy_targets() {
        assert_eq!(super::host_port("http://127.0.0.1:8000/"), Some(("127.0.0.1", 8000)));
        assert_eq!(super::host_port("https://localhost"), Some(("localhost", 443)));
        assert_eq!(super::host_port("[::1]:8001"), Some(("::1", 8001)));
        assert_eq!(super::host_port("unix:/run/netbox.sock"), None);
        assert_eq!(super::host_port("http://unix:/run/netbox.sock:"), None);
        assert_eq!(super::host_port("http://$backend"), None);
    }
}
