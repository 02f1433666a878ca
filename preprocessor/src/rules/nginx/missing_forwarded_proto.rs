//! `nginx/missing-forwarded-proto`: No `X-Forwarded-Proto` in the location that proxies NetBox.

use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::header;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// No `X-Forwarded-Proto` in the location that proxies NetBox.
pub const MISSING_FORWARDED_PROTO: Rule = Rule {
    id: "nginx/missing-forwarded-proto",
    severity: Severity::Error,
    summary: "the location that proxies NetBox does not set `X-Forwarded-Proto`, so NetBox believes it is served over http",
    help: "add `proxy_set_header X-Forwarded-Proto $scheme;` to the location that proxies NetBox",
    fact: "facts §1.1 (NetBox sets SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')), §4 (request.scheme, CSRF origin check), §5 (NetBox's contrib/nginx.conf; what must reach NetBox)",
    applies: Applies::Always,
};

pub fn missing_forwarded_proto(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
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

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet};

    #[test]
    fn missing_forwarded_proto() {
        let site = nginx("        proxy_set_header X-Forwarded-Proto $scheme;\n", "");
        assert_fires("nginx/missing-forwarded-proto", (NETBOX, &site, BLUEPRINT), "listen [::]:443 ssl");
        // Served over plain http, nothing is lost.
        let http = site.replace("listen [::]:443 ssl ipv6only=off", "listen [::]:80 ipv6only=off");
        assert_quiet("nginx/missing-forwarded-proto", (NETBOX, &http, BLUEPRINT));
    }
}
