//! `nginx/upstream-not-loopback`: An upstream beyond loopback while NetBox trusts forwarded headers.
//!
//! The upstream is the `proxy_pass` address, or, for `proxy_pass http://NAME` with an
//! `upstream NAME { server …; }` block in the site, that block's servers. A host name
//! (`netbox:8080`, netbox-docker's container) is not a known address: it resolves to whatever
//! the machine's resolver says, so it gives no finding.

use super::shared::at_proxy_pass;
use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::{is_loopback, proxy_host};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// An upstream beyond loopback while NetBox trusts forwarded headers.
pub const UPSTREAM_NOT_LOOPBACK: Rule = Rule {
    id: "nginx/upstream-not-loopback",
    severity: Severity::Warning,
    summary: "NetBox is proxied at an address beyond loopback while it trusts X-Forwarded-Host and X-Forwarded-Proto from every client",
    help: "run gunicorn on 127.0.0.1:8001 (NetBox's contrib/gunicorn.py) and proxy to it, or make sure only the proxy can reach NetBox",
    fact: "facts §5 (SECURE_PROXY_SSL_HEADER and USE_X_FORWARDED_HOST make NetBox trust these headers from any client; contrib/gunicorn.py binds 127.0.0.1:8001); an `upstream` block's servers are where `proxy_pass http://NAME` goes (seen with nginx 1.22.1)",
    applies: Applies::Always,
};

/// The IP address of `host[:port]` when it is one beyond loopback (`None` for names, loopback
/// and unix sockets).
fn beyond_loopback(address: &str) -> Option<String> {
    if address.starts_with("unix:") || address.contains('$') {
        return None;
    }
    let host = proxy_host(address);
    let name = if host.starts_with('[') {
        host.split_once(']').map_or(host.as_str(), |(h, _)| h)
    } else {
        host.rsplit_once(':').map_or(host.as_str(), |(h, _)| h)
    };
    let name = name.trim_matches(['[', ']']);
    let ip = name.parse::<std::net::IpAddr>().ok()?;
    (!is_loopback(name) || ip.is_unspecified()).then_some(host)
}

pub fn upstream_not_loopback(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    let Some((target, _)) = flow.location.proxy_pass.as_ref() else { return };
    let message = |host: &str| {
        format!("NetBox listens on `{host}`, beyond loopback: anyone who reaches it there can send their own X-Forwarded-Host and X-Forwarded-Proto, which NetBox trusts")
    };
    match d.nginx.upstream_for(target) {
        // Point at the upstream's server: the address to change.
        Some(upstream) => {
            for (address, range) in &upstream.servers {
                if let Some(host) = beyond_loopback(address) {
                    out.push(
                        Finding::in_block(&UPSTREAM_NOT_LOOPBACK, upstream.block, range.clone(), message(&host))
                            .with_help(format!(
                                "make NetBox listen on loopback and write `server 127.0.0.1:PORT;` in `upstream {}`, or make sure only the proxy can reach {host}",
                                upstream.name
                            )),
                    );
                }
            }
        }
        None => {
            if let Some(host) = beyond_loopback(target) {
                out.extend(at_proxy_pass(&UPSTREAM_NOT_LOOPBACK, flow.location, message(&host)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet};

    #[test]
    fn upstream_not_loopback() {
        let site = nginx("127.0.0.1:8001", "192.0.2.20:8001");
        assert_fires("nginx/upstream-not-loopback", (NETBOX, &site, BLUEPRINT), "proxy_pass");
        // IPv6 loopback is loopback.
        let v6 = nginx("127.0.0.1:8001", "[::1]:8001");
        assert_quiet("nginx/upstream-not-loopback", (NETBOX, &v6, BLUEPRINT));
        // 0.0.0.0 is every interface.
        let any = nginx("127.0.0.1:8001", "0.0.0.0:8001");
        assert_fires("nginx/upstream-not-loopback", (NETBOX, &any, BLUEPRINT), "proxy_pass");
    }

    fn with_upstream(servers: &str) -> String {
        format!("upstream netbox {{\n{servers}}}\n{}", nginx("http://127.0.0.1:8001", "http://netbox"))
    }

    #[test]
    fn an_upstream_block_is_followed_to_its_servers() {
        let site = with_upstream("    server 192.0.2.30:8000;\n");
        assert_fires("nginx/upstream-not-loopback", (NETBOX, &site, BLUEPRINT), "server 192.0.2.30:8000");
        assert_quiet("nginx/upstream-not-loopback", (NETBOX, &with_upstream("    server 127.0.0.1:8001;\n"), BLUEPRINT));
    }

    #[test]
    fn a_name_is_not_a_known_address() {
        // netbox-docker's container name, directly or in an upstream block: unknown, no finding.
        let direct = nginx("127.0.0.1:8001", "netbox:8080");
        assert_quiet("nginx/upstream-not-loopback", (NETBOX, &direct, BLUEPRINT));
        assert_quiet("nginx/upstream-not-loopback", (NETBOX, &with_upstream("    server netbox:8080;\n"), BLUEPRINT));
    }
}
