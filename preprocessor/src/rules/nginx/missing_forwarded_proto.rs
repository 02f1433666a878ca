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
    // An `include` in the location may set it (not followed): unknown, no finding.
    if flow.public.scheme == "https" && flow.scheme_known && header(flow.headers, "X-Forwarded-Proto").is_none() {
        // Point at the location, where the header goes; the TLS listener whose https never
        // reaches NetBox is the secondary place.
        let location = flow.location;
        let mut finding = Finding::in_block(
            &MISSING_FORWARDED_PROTO,
            location.block,
            location.head.clone(),
            format!(
                "users arrive over https, but no `X-Forwarded-Proto` reaches NetBox from the location `{}`: Django sees http, so NetBox sends the redirect URI `http://…/{}oauth/complete/oidc/` (Authentik answers \"Redirect URI Error\") and the login POSTs fail with 403 CSRF verification failed",
                location.path, flow.base_path
            ),
        );
        if let Some(listen) = flow.server.public_listen().range
            && flow.server.block == location.block
        {
            finding = finding.with_related(listen, "users arrive over https here");
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet, diagnostics};

    #[test]
    fn missing_forwarded_proto() {
        let site = nginx("        proxy_set_header X-Forwarded-Proto $scheme;\n", "");
        assert_fires("nginx/missing-forwarded-proto", (NETBOX, &site, BLUEPRINT), "location / {");
        // `include proxy_params;` may set it: not followed, so no finding.
        let included = site.replace("        proxy_pass http://127.0.0.1:8001;\n", "        proxy_pass http://127.0.0.1:8001;\n        include proxy_params;\n");
        assert_quiet("nginx/missing-forwarded-proto", (NETBOX, &included, BLUEPRINT));
        // Served over plain http, nothing is lost.
        let http = site.replace("listen [::]:443 ssl ipv6only=off", "listen [::]:80 ipv6only=off");
        assert_quiet("nginx/missing-forwarded-proto", (NETBOX, &http, BLUEPRINT));
    }

    /// A whole `nginx.conf` whose `http` block sets the headers (an Ansible role's template,
    /// corpus case t53): nginx passes them to a location that sets none (seen with nginx 1.22.1),
    /// and a server that sets its own loses them.
    #[test]
    fn headers_set_in_the_http_block_are_inherited() {
        let whole = "http {\n    proxy_set_header Host $host;\n    proxy_set_header X-Forwarded-Host $host;\n    proxy_set_header X-Forwarded-Proto $scheme;\n    server {\n        listen 443 ssl;\n        server_name netbox.internaldomain.com;\n        client_max_body_size 25m;\n        location / {\n            proxy_pass http://127.0.0.1:8001;\n        }\n    }\n}\n";
        assert_quiet("nginx/missing-forwarded-proto", (NETBOX, whole, BLUEPRINT));
        let own = whole.replace("        listen 443 ssl;\n", "        listen 443 ssl;\n        proxy_set_header X-Real-IP $remote_addr;\n");
        assert_fires("nginx/missing-forwarded-proto", (NETBOX, &own, BLUEPRINT), "location / {");
    }

    #[test]
    fn the_listen_is_its_secondary_place() {
        let site = nginx("        proxy_set_header X-Forwarded-Proto $scheme;\n", "");
        let content = format!("```nginx,check=nginx\n{site}```\n");
        let found = diagnostics(&content, &Default::default());
        let d = found.iter().find(|d| d.rule == "nginx/missing-forwarded-proto").expect("fires");
        let line = |n: usize| content.lines().nth(n - 1).unwrap_or("").trim();
        assert_eq!(line(d.start.line), "location / {");
        assert_eq!(d.related.len(), 1, "{:?}", d.related);
        assert_eq!(line(d.related[0].start.line), "listen [::]:443 ssl ipv6only=off;");
        assert_eq!(d.related[0].label, "users arrive over https here");
    }
}
