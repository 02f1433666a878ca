//! `nginx/port-lost`: `$host` on a non-default port.

use crate::finding::{Finding, Rule, Severity};
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
                "readers reach NetBox on port {}, but this value carries no port: NetBox sends `{}://{}/…` while the browser is on `{}`, so the redirect URI does not match one registered with the port",
                flow.public.port, flow.scheme.value, public, origin
            ),
        ));
    }
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
}
