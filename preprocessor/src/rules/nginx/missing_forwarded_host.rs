//! `nginx/missing-forwarded-host`: The public host does not reach NetBox.

use super::shared::{SignOn, appends, at_proxy_pass, sign_on};
use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::header;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The public host does not reach NetBox.
pub const MISSING_FORWARDED_HOST: Rule = Rule {
    id: "nginx/missing-forwarded-host",
    severity: Severity::Error,
    summary: "neither `X-Forwarded-Host` nor `Host` carries the public host name to NetBox",
    help: "add `proxy_set_header X-Forwarded-Host $http_host;` (as NetBox's contrib/nginx.conf does)",
    fact: "facts §4 (get_host uses X-Forwarded-Host, else Host), §5 (nginx sends `Host: $proxy_host` by default; NetBox's reference file); Django's split_domain_port refuses a host that is not a valid name (django/http/request.py 6.1.2 L35-37, L190-210), seen with Django 6.1.2 for `netbox_backend`. A host that ALLOWED_HOSTS admits and no sign-on uses is still wrong: every absolute URL built from the request names it, the REST API's `url` and `display_url` links (NetBox 4.4.9 netbox/netbox/api/serializers/fields.py L37: DRF's `reverse` with the request, which is `request.build_absolute_uri`, rest_framework/reverse.py L62 at 3.16.1) and its `next`/`previous` pages (NetBox 4.6.8 netbox/netbox/api/pagination.py `NetBoxPagination.get_next_link` L152 and `get_previous_link`, `self.request.build_absolute_uri()`; settings.py L791 makes it the default pagination)",
    applies: Applies::Always,
};

pub fn missing_forwarded_host(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    // `$server_name` is sent, just not the browser's host: nginx/forwarded-host-server-name.
    if flow.host_from_server_name {
        return;
    }
    // An appended X-Forwarded-Host is sent, just malformed: nginx/forwarded-host-appended.
    if header(flow.headers, "X-Forwarded-Host").is_some_and(|h| appends(&h.value)) {
        return;
    }
    let Some(seen) = flow.host.value.as_deref() else { return };
    let public = flow.public.host.as_deref().map(str::to_lowercase);
    let differs = match (flow.domain(), &public) {
        // Not a valid host name: never the browser's.
        (None, _) => true,
        (Some(domain), Some(public)) => &domain != public,
        // The browser's host is not known here, but nginx's default `Host: $proxy_host` is the
        // upstream's address, which the browser never uses to reach nginx.
        (Some(_), None) => flow.host.site.is_none(),
    };
    if !differs {
        return;
    }
    let instead = match &public {
        Some(public) => format!("`{public}`"),
        None => "the host the browser asked for".to_string(),
    };
    let consequence = if flow.host_invalid() {
        "Django rejects it as not a valid host name (RFC 1034/1035) with 400 Bad Request, whatever ALLOWED_HOSTS says"
    } else {
        match sign_on(d) {
            SignOn::None => {
                "Django rejects it with 400 Bad Request unless ALLOWED_HOSTS lists it, and then every link NetBox builds from the request names that address, the REST API's `url` and `next` links among them"
            }
            SignOn::Unknown => {
                "Django rejects it with 400 Bad Request unless ALLOWED_HOSTS lists it, and then every link NetBox builds from the request names that address: the REST API's `url` and `next` links, and a sign-on's redirect URI if NetBox has one"
            }
            SignOn::OpenIdConnect | SignOn::OtherSocial => {
                "Django rejects it with 400 Bad Request unless ALLOWED_HOSTS lists it, and then every link NetBox builds from the request names that address: the sign-on's redirect URI and the REST API's `url` and `next` links"
            }
        }
    };
    out.extend(at_proxy_pass(
        &MISSING_FORWARDED_HOST,
        flow.location,
        format!("NetBox sees the host `{seen}` instead of {instead}: {}; {consequence}", flow.host.because),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet, fired};

    #[test]
    fn missing_forwarded_host() {
        let site = nginx("        proxy_set_header X-Forwarded-Host $http_host;\n", "");
        assert_fires("nginx/missing-forwarded-host", (NETBOX, &site, BLUEPRINT), "proxy_pass");
        // `Host` carries the public name just as well.
        let host = nginx("X-Forwarded-Host $http_host", "Host $host");
        assert_quiet("nginx/missing-forwarded-host", (NETBOX, &host, BLUEPRINT));
    }

    #[test]
    fn a_catch_all_server_without_headers_sends_the_upstream_address() {
        // No NetBox file, no name: the browser's host is unknown, but `localhost:8001` is not it.
        let site = "server {\n    listen 80 default_server;\n    server_name _;\n    location / {\n        proxy_pass http://localhost:8001;\n    }\n}\n";
        let got = fired("", site, "");
        let finding = got.iter().find(|(r, _)| *r == "nginx/missing-forwarded-host");
        assert_eq!(finding.map(|(_, l)| l.as_str()), Some("proxy_pass http://localhost:8001;"), "{got:#?}");
        // `include proxy_params;` (Debian's sets Host $http_host) is not followed: unknown.
        let included = site.replace("proxy_pass http://localhost:8001;", "proxy_pass http://localhost:8001;\n        include proxy_params;");
        assert!(!fired("", &included, "").iter().any(|(r, _)| *r == "nginx/missing-forwarded-host"));
        // With `Host $host` the browser's host goes through, whatever it is.
        let host = site.replace("proxy_pass http://localhost:8001;", "proxy_pass http://localhost:8001;\n        proxy_set_header Host $host;");
        assert!(!fired("", &host, "").iter().any(|(r, _)| *r == "nginx/missing-forwarded-host"));
    }

    #[test]
    fn an_admitted_host_still_breaks_the_api_links() {
        // A lab host by address: nginx sends `Host: [::1]:8001`, which `ALLOWED_HOSTS = ['*']`
        // admits, and LDAP login takes no redirect URI from it, but the REST API's links name it.
        let site = "server {\n    listen 80;\n    server_name 10.20.30.40;\n    location / {\n        proxy_pass http://[::1]:8001;\n    }\n}\n";
        let config = "ALLOWED_HOSTS = ['*']\nSECRET_KEY = 'k' * 60\nREMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'\n";
        assert_fires("nginx/missing-forwarded-host", (config, site, ""), "proxy_pass");
        let message = |config: &str| {
            crate::rules::testing::messages(config, site, "")
                .into_iter()
                .find(|(r, _)| *r == "nginx/missing-forwarded-host")
                .map(|(_, m)| m)
                .unwrap_or_default()
        };
        let ldap = message(config);
        assert!(ldap.contains("REST API's `url` and `next` links") && !ldap.contains("redirect URI"), "{ldap}");
        // With sign-on through python-social-auth the redirect URI names the upstream too.
        let oidc = config.replace("netbox.authentication.LDAPBackend", "social_core.backends.open_id_connect.OpenIdConnectAuth");
        assert!(message(&oidc).contains("the sign-on's redirect URI"), "{}", message(&oidc));
        // The browser's host sent: quiet.
        let forwarded = site.replace("proxy_pass http://[::1]:8001;", "proxy_pass http://[::1]:8001;\n        proxy_set_header Host $host;");
        assert_quiet("nginx/missing-forwarded-host", (config, forwarded.as_str(), ""));
    }

    #[test]
    fn an_upstream_name_is_no_valid_host_for_django() {
        let site = format!(
            "upstream netbox_backend {{\n    server 127.0.0.1:8001;\n}}\n{}",
            nginx("        proxy_set_header X-Forwarded-Host $http_host;\n", "")
                .replace("http://127.0.0.1:8001", "http://netbox_backend")
        );
        let messages = crate::rules::testing::messages(NETBOX, &site, BLUEPRINT);
        let message = messages.iter().find(|(r, _)| *r == "nginx/missing-forwarded-host").map(|(_, m)| m.as_str());
        assert!(
            message.is_some_and(|m| m.contains("`netbox_backend`") && m.contains("not a valid host name")),
            "{messages:#?}"
        );
    }
}
