//! `nginx/missing-forwarded-proto`: No `X-Forwarded-Proto` in the location that proxies NetBox.

use super::shared::broken_by_http;
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
    fact: "facts §1.1 (NetBox sets SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')), §4 (request.scheme, CSRF origin check), §5 (NetBox's contrib/nginx.conf; what must reach NetBox); the Origin check came with Django 4.0, which NetBox 3.2.0 was the first to pin (requirements.txt Django==4.0.3; 3.1.0 pinned 3.2.9): Django 3.2's CsrfViewMiddleware.process_view compares the Referer only when request.is_secure(), so before NetBox 3.2 the login still works and only the URLs NetBox builds (request.build_absolute_uri) say http",
    applies: Applies::Always,
};

pub fn missing_forwarded_proto(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    // An `include` in the location may set it (not followed): unknown, no finding.
    if flow.public.scheme == "https" && flow.scheme_known && header(flow.headers, "X-Forwarded-Proto").is_none() {
        // Point at the location, where the header goes; the TLS listener whose https never
        // reaches NetBox is the secondary place.
        let location = flow.location;
        let broken = broken_by_http(d, flow, targets, flow.public.origin());
        let mut finding = Finding::in_block(
            &MISSING_FORWARDED_PROTO,
            location.block,
            location.head.clone(),
            format!(
                "users arrive over https, but no `X-Forwarded-Proto` reaches NetBox from the location `{}`: Django sees http, so {}",
                location.path,
                broken.join(" and ")
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
        // A PROXY-protocol front sends no HTTP header to pass on, and an http-level
        // `set_real_ip_from` changes nothing where this server ends TLS itself: still missing.
        let proxy_protocol = site.replace("listen [::]:443 ssl ipv6only=off", "listen [::]:443 ssl proxy_protocol ipv6only=off");
        assert_fires("nginx/missing-forwarded-proto", (NETBOX, &proxy_protocol, BLUEPRINT), "location / {");
        let trusting = format!("set_real_ip_from 10.0.0.0/8;\n{site}");
        assert_fires("nginx/missing-forwarded-proto", (NETBOX, &trusting, BLUEPRINT), "location / {");
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

    /// The message says what the files show breaks: the redirect URI only with an identity
    /// provider (Authentik named only where a blueprint shows it), the CSRF origin check only from
    /// NetBox 3.2 (Django 4.0) and where CSRF_TRUSTED_ORIGINS does not list the https origin.
    #[test]
    fn the_message_claims_only_what_the_files_show() {
        use crate::rules::testing::message_of;
        use crate::version::{Targets, Version};
        let site = nginx("        proxy_set_header X-Forwarded-Proto $scheme;\n", "");
        let rule = "nginx/missing-forwarded-proto";
        let guide = message_of(rule, Targets::default(), (NETBOX, &site, BLUEPRINT));
        assert!(guide.contains("`http://…/oauth/complete/oidc/` (Authentik answers") && guide.contains("403"), "{guide}");
        // LDAP only, NetBox 3.1 (Django 3.2 checks no Origin): only the links NetBox builds.
        let ldap = "ALLOWED_HOSTS = ['netbox.internaldomain.com']\nSECRET_KEY = 'k' * 60\nREMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'\n";
        let old = Targets { netbox: Version::new(3, 1, 0), ..Targets::default() };
        let message = message_of(rule, old, (ldap, &site, ""));
        assert!(message.ends_with("so the links and API URLs NetBox builds begin with `http://`"), "{message}");
        // Keycloak without a blueprint: no Authentik, no OpenID Connect path.
        let keycloak = NETBOX.replace("social_core.backends.open_id_connect.OpenIdConnectAuth", "social_core.backends.keycloak.KeycloakOAuth2");
        let message = message_of(rule, Targets::default(), (&keycloak, &site, ""));
        assert!(!message.contains("Authentik") && !message.contains("oidc") && message.contains("social-auth backend"), "{message}");
        // The backend not known (read from the environment): the sign-on is a condition, not a fact.
        let from_env = "import os\nALLOWED_HOSTS = ['netbox.internaldomain.com']\nREMOTE_AUTH_BACKEND = os.environ.get('BACKEND')\n";
        let unknown = message_of(rule, Targets::default(), (from_env, &site, ""));
        assert!(unknown.contains("if NetBox signs in through an identity provider"), "{unknown}");
        // The https origin trusted and the redirect URI rewritten: neither is claimed.
        let fixed = format!("{NETBOX}SOCIAL_AUTH_REDIRECT_IS_HTTPS = True\nCSRF_TRUSTED_ORIGINS = ['https://netbox.internaldomain.com']\n");
        let message = message_of(rule, Targets::default(), (&fixed, &site, BLUEPRINT));
        assert!(!message.contains("403") && !message.contains("redirect URI"), "{message}");
        // A wildcard entry covers the host; an entry in other case does not (Django compares as
        // written).
        let wildcard = fixed.replace("'https://netbox.internaldomain.com'", "'https://*.internaldomain.com'");
        assert!(!message_of(rule, Targets::default(), (&wildcard, &site, BLUEPRINT)).contains("403"));
        let upper = fixed.replace("'https://netbox.internaldomain.com'", "'https://NetBox.internaldomain.com'");
        assert!(message_of(rule, Targets::default(), (&upper, &site, BLUEPRINT)).contains("403"));
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
