//! `nginx/upstream-not-loopback`: An upstream beyond loopback while NetBox trusts forwarded headers.

use super::shared::at_proxy_pass;
use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::proxy_host;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// An upstream beyond loopback while NetBox trusts forwarded headers.
pub const UPSTREAM_NOT_LOOPBACK: Rule = Rule {
    id: "nginx/upstream-not-loopback",
    severity: Severity::Warning,
    summary: "NetBox is proxied at an address beyond loopback while it trusts X-Forwarded-Host and X-Forwarded-Proto from every client",
    help: "run gunicorn on 127.0.0.1:8001 (NetBox's contrib/gunicorn.py) and proxy to it, or make sure only the proxy can reach NetBox",
    fact: "facts §5 (SECURE_PROXY_SSL_HEADER and USE_X_FORWARDED_HOST make NetBox trust these headers from any client; contrib/gunicorn.py binds 127.0.0.1:8001)",
    applies: Applies::Always,
};

pub fn upstream_not_loopback(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
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
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet};

    #[test]
    fn upstream_not_loopback() {
        let site = nginx("127.0.0.1:8001", "192.0.2.20:8001");
        assert_fires("nginx/upstream-not-loopback", (NETBOX, &site, BLUEPRINT), "proxy_pass");
        // IPv6 loopback is loopback.
        let v6 = nginx("127.0.0.1:8001", "[::1]:8001");
        assert_quiet("nginx/upstream-not-loopback", (NETBOX, &v6, BLUEPRINT));
    }
}
