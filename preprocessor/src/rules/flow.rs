//! Rules that need several files: what nginx forwards, what NetBox does with it, and what the
//! provider accepts (facts §1-§5).

use crate::finding::Rule;
use crate::finding::{Finding, Severity};
use crate::model::Deployment;
use crate::model::authentik::endpoint_application;
use crate::model::flow::{Flow, end_session_url, host_allowed};
use crate::parse::authentik::Node;
use crate::parse::netbox::{Setting, ValueKind};
use crate::rules::input::{Check, Input};
use crate::version::{Applies, Targets, Version};

/// Every flow rule with its check.
pub const CHECKS: &[(&Rule, Check)] = &[
    (&REDIRECT_URI_MISMATCH, redirect_uri_mismatch),
    (&ALLOWED_HOSTS_MISSING_PUBLIC_HOST, allowed_hosts_missing_public_host),
    (&HOST_REFUSED, host_refused),
    (&CSRF_ORIGIN_FAILS, csrf_origin_fails),
    (&SCOPE_NOT_PROVIDED, scope_not_provided),
    (&OIDC_ENDPOINT_MISMATCH, oidc_endpoint_mismatch),
    (&CLIENT_ID_MISMATCH, client_id_mismatch),
    (&CLIENT_SECRET_MISMATCH, client_secret_mismatch),
    (&LOGOUT_URL_MISMATCH, logout_url_mismatch),
];

fn allowed_hosts(d: &Deployment) -> Option<(&Setting, Vec<String>)> {
    let setting = d.netbox.get("ALLOWED_HOSTS")?;
    let hosts = setting.value.items()?.iter().map(|v| v.as_str().map(str::to_string)).collect::<Option<Vec<_>>>()?;
    Some((setting, hosts))
}

/// Whether Django refuses the host it sees (ALLOWED_HOSTS statically known and not matching).
fn django_refuses_host(d: &Deployment, flow: &Flow<'_>) -> bool {
    matches!((allowed_hosts(d), flow.domain()), (Some((_, hosts)), Some(domain)) if !host_allowed(&domain, &hosts))
}

/// What a flow finding is about, to point at the line that decides it.
#[derive(Clone, Copy)]
enum Cause {
    /// The host: its header, else `proxy_pass` (nginx's default Host is the upstream's).
    Host,
    /// The scheme: its header, else the TLS `listen` whose https never reaches NetBox.
    Scheme,
}

fn at_flow(rule: &'static Rule, flow: &Flow<'_>, cause: Cause, message: String) -> Option<Finding> {
    let decided = match cause {
        Cause::Host => flow.host.site.as_ref(),
        Cause::Scheme => flow.scheme.site.as_ref(),
    };
    if let Some((block, range)) = decided {
        return Some(Finding::in_block(rule, *block, range.clone(), message));
    }
    let fallback = match cause {
        Cause::Host => flow.location.proxy_pass.as_ref().map(|(_, range)| (flow.location.block, range.clone())),
        Cause::Scheme => flow.server.public_listen().range.map(|range| (flow.server.block, range)),
    };
    fallback.map(|(block, range)| Finding::in_block(rule, block, range, message))
}

// ---------------------------------------------------------------------------------------------

/// The redirect URI NetBox sends is not one the provider accepts.
pub const REDIRECT_URI_MISMATCH: Rule = Rule {
    id: "flow/redirect-uri-mismatch",
    severity: Severity::Error,
    summary: "the redirect URI NetBox will send (derived from the proxy and NetBox files) is not accepted by the provider",
    help: "make the proxy send the public scheme and host (`X-Forwarded-Proto $scheme`, `X-Forwarded-Host $http_host`), or register exactly the URI NetBox sends",
    fact: "facts §2.2 (redirect_uri = build_absolute_uri of /oauth/complete/oidc/), §3.2 (strict = exact equality, checked at authorize and token), §4, §5",
    applies: Applies::Always,
};

fn redirect_uri_mismatch(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    let Some(uri) = flow.redirect_uri.as_deref() else { return };
    let Some(provider) = d.authentik.provider() else { return };
    // A host Django refuses stops every request with 400 before any redirect (flow/host-refused).
    if django_refuses_host(d, flow) {
        return;
    }
    let Some(accepted) = provider.redirect_uris.as_ref() else { return };
    let verdicts: Vec<Option<bool>> = accepted.iter().map(|a| a.accepts(uri)).collect();
    if verdicts.contains(&Some(true)) || verdicts.contains(&None) {
        return;
    }
    let list = accepted
        .iter()
        .map(|a| {
            format!(
                "`{}` ({})",
                a.url,
                if a.mode == crate::model::authentik::MatchingMode::Strict { "strict" } else { "regex" }
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let list = if list.is_empty() { "none".to_string() } else { list };
    // Say what makes them differ, and point there.
    let expected =
        accepted.iter().find(|a| a.mode == crate::model::authentik::MatchingMode::Strict).map(|a| a.url.as_str());
    let sent_scheme = uri.split("://").next().unwrap_or("");
    let (why, cause) = match expected {
        Some(expected) if !expected.starts_with(&format!("{sent_scheme}://")) => {
            (format!("the scheme differs: {}", flow.scheme.because), Some(Cause::Scheme))
        }
        Some(expected) if !expected.contains(&format!("://{}/", flow.host.value.as_deref().unwrap_or(""))) => {
            (format!("the host differs: {}", flow.host.because), Some(Cause::Host))
        }
        Some(_) => (
            format!(
                "the path differs: NetBox serves its callback at `/{}oauth/complete/oidc/` (BASE_PATH, backend `oidc`, trailing slash)",
                flow.base_path
            ),
            None,
        ),
        None => (String::from("no strict entry to compare with"), Some(Cause::Host)),
    };
    let message = format!(
        "NetBox will send the redirect URI `{uri}`, but the provider accepts only {list}: Authentik answers \"Redirect URI Error\" after the reader clicks the SSO button; {why}"
    );
    let finding = match cause {
        Some(cause) => at_flow(&REDIRECT_URI_MISMATCH, flow, cause, message),
        None => {
            let range = provider.redirect_uris_node.as_ref().map_or(provider.range.clone(), |n| n.range.clone());
            Some(Finding::in_block(&REDIRECT_URI_MISMATCH, provider.block, range, message))
        }
    };
    out.extend(finding);
}

/// The public host is not in ALLOWED_HOSTS.
pub const ALLOWED_HOSTS_MISSING_PUBLIC_HOST: Rule = Rule {
    id: "flow/allowed-hosts-missing-public-host",
    severity: Severity::Error,
    summary: "the public host name (from the proxy's `server_name`) is not in `ALLOWED_HOSTS`",
    help: "add the public host name: ALLOWED_HOSTS = ['netbox.internaldomain.com']",
    fact: "facts §4 (get_host validates against ALLOWED_HOSTS; DisallowedHost is 400), §5 (the public host must be in ALLOWED_HOSTS)",
    applies: Applies::Always,
};

fn allowed_hosts_missing_public_host(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    let Some((setting, hosts)) = allowed_hosts(d) else { return };
    let public = flow.public.host.to_lowercase();
    if !host_allowed(&public, &hosts) {
        out.push(Finding::in_block(
            &ALLOWED_HOSTS_MISSING_PUBLIC_HOST,
            setting.block,
            setting.value.range.clone(),
            format!("readers reach NetBox as `{public}` (the proxy's server_name), which ALLOWED_HOSTS does not list: every page answers 400 Bad Request"),
        ));
    }
}

/// The host Django sees is refused.
pub const HOST_REFUSED: Rule = Rule {
    id: "flow/host-refused",
    severity: Severity::Error,
    summary: "the host Django sees (derived from the proxy's headers) is not in `ALLOWED_HOSTS`: every request gets 400",
    help: "send the public host (`proxy_set_header X-Forwarded-Host $http_host;`) rather than listing the upstream address in ALLOWED_HOSTS",
    fact: "facts §4 (get_host: X-Forwarded-Host, else Host; DisallowedHost is HTTP 400), §5 (without X-Forwarded-Host nginx sends Host: $proxy_host)",
    applies: Applies::Always,
};

fn host_refused(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    let Some((setting, hosts)) = allowed_hosts(d) else { return };
    let Some(domain) = flow.domain() else { return };
    if domain != flow.public.host.to_lowercase() && !host_allowed(&domain, &hosts) {
        out.push(Finding::in_block(
            &HOST_REFUSED,
            setting.block,
            setting.value.range.clone(),
            format!(
                "NetBox sees the host `{}` ({}), which ALLOWED_HOSTS does not list: Django answers every request, the login page included, with 400 Bad Request (DisallowedHost)",
                flow.host.value.as_deref().unwrap_or(""),
                flow.host.because
            ),
        ));
    }
}

/// The login POST fails the CSRF origin check.
pub const CSRF_ORIGIN_FAILS: Rule = Rule {
    id: "flow/csrf-origin-fails",
    severity: Severity::Error,
    summary: "the origin NetBox believes it has (scheme and host:port from the proxy's headers) is not the browser's, which CSRF_TRUSTED_ORIGINS does not list: the login POST gets 403",
    help: "send the public scheme and host from nginx (`X-Forwarded-Proto $scheme`, `X-Forwarded-Host $http_host`, which keeps the port); SOCIAL_AUTH_REDIRECT_IS_HTTPS only fixes the redirect URI, not CSRF",
    fact: "facts §4 (CSRF compares Origin with request scheme://get_host(), then CSRF_TRUSTED_ORIGINS), §2.2 (REDIRECT_IS_HTTPS does not make Django think the request is secure), §11 (NetBox 4.7.3 begins SSO with a POST); seen with real NetBox 4.7.3 by tests/e2e/run: `$host` on port 8443 gives 403 on the SSO POST",
    applies: Applies::netbox_since(3, 2, 0),
};

fn csrf_origin_fails(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    let Some(host) = flow.host.value.as_deref() else { return };
    // A host Django refuses answers 400 before any CSRF check (flow/host-refused).
    if django_refuses_host(d, flow) {
        return;
    }
    // Django compares the browser's Origin with its own idea of the origin, scheme and host:port.
    let origin = flow.public.origin();
    let seen = format!("{}://{host}", flow.scheme.value);
    if seen.eq_ignore_ascii_case(&origin) {
        return;
    }
    let trusted = d.netbox.get("CSRF_TRUSTED_ORIGINS").and_then(|s| {
        s.value.items().map(|items| items.iter().filter_map(|i| i.as_str().map(str::to_string)).collect::<Vec<_>>())
    });
    if trusted.as_ref().is_some_and(|t| t.iter().any(|o| o.eq_ignore_ascii_case(&origin))) {
        return;
    }
    if d.netbox.get("CSRF_TRUSTED_ORIGINS").is_some_and(|s| !s.value.is_known()) {
        return;
    }
    let which = if targets.netbox >= Version::new(4, 7, 0) {
        "the SSO button (a POST since NetBox 4.7: \"Unable to begin single sign-on\") and the login form fail"
    } else {
        "the login form fails"
    };
    let papered = if flow.redirect_is_https && flow.scheme.value == "http" {
        " SOCIAL_AUTH_REDIRECT_IS_HTTPS fixes only the redirect URI, not this."
    } else {
        ""
    };
    let (because, cause) = if flow.scheme.value != flow.public.scheme {
        (flow.scheme.because.clone(), Cause::Scheme)
    } else {
        (flow.host.because.clone(), Cause::Host)
    };
    out.extend(at_flow(
        &CSRF_ORIGIN_FAILS,
        flow,
        cause,
        format!(
            "the browser posts from `{origin}`, but NetBox believes it is `{seen}` ({because}) and CSRF_TRUSTED_ORIGINS does not list `{origin}`: {which} with 403 CSRF verification failed.{papered}"
        ),
    ));
}

/// A requested scope the provider does not provide.
pub const SCOPE_NOT_PROVIDED: Rule = Rule {
    id: "flow/scope-not-provided",
    severity: Severity::Warning,
    summary: "a scope NetBox requests (for example `roles`) that no scope mapping of the provider provides",
    help: "attach a scope mapping with that scope name to the provider, or stop requesting it (group names already arrive in the `profile` scope)",
    fact: "facts §3.2 (unknown requested scopes are silently dropped), §3.3 (built-in mappings: openid, email, profile, entitlements, offline_access; no `roles`), §2.1 (openid, profile, email always requested)",
    applies: Applies::Always,
};

fn scope_not_provided(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(provider) = d.authentik.provider() else { return };
    let Some(provided) = d.authentik.provided_scopes(provider) else { return };
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_OIDC_SCOPE") else { return };
    for item in setting.value.items().unwrap_or_default() {
        if let Some(scope) = item.as_str()
            && !provided.iter().any(|p| p == scope)
        {
            out.push(Finding::in_block(
                &SCOPE_NOT_PROVIDED,
                setting.block,
                item.range.clone(),
                format!("NetBox requests the scope '{scope}', but no scope mapping of the provider provides it (it has: {}): Authentik silently drops it, so no claim of that scope ever reaches NetBox", provided.join(", ")),
            ));
        }
    }
}

/// The endpoint does not point at the application.
pub const OIDC_ENDPOINT_MISMATCH: Rule = Rule {
    id: "flow/oidc-endpoint-mismatch",
    severity: Severity::Error,
    summary: "`SOCIAL_AUTH_OIDC_OIDC_ENDPOINT` does not point at `/application/o/<slug>/` of the application in the blueprint",
    help: "use https://<authentik host>/application/o/<application slug>/ (the application slug, not the provider name)",
    fact: "facts §3.1 (URL layout; the slug is the application slug; issuer https://host/application/o/<slug>/)",
    applies: Applies::Always,
};

fn oidc_endpoint_mismatch(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.oidc_endpoint() else { return };
    let Some(url) = setting.value.as_str() else { return };
    let Some((slug, _)) = d.authentik.application().and_then(|a| a.slug.clone()) else { return };
    let named = endpoint_application(url);
    // An endpoint into `/application/o/` that names no application is
    // `netbox/oidc-endpoint-shape`'s to report.
    if named.is_none() && url.contains("/application/o/") {
        return;
    }
    if named != Some(slug.as_str()) {
        let path = url.split_once("://").map_or(url, |(_, rest)| rest);
        let path = path.find('/').map_or("", |i| &path[i..]);
        let expected = format!("/application/o/{slug}");
        out.push(Finding::in_block(
            &OIDC_ENDPOINT_MISMATCH,
            setting.block,
            setting.value.range.clone(),
            format!("the endpoint's path is `{path}`, but the application's issuer is at `{expected}/`: discovery finds no provider (404) and single sign-on cannot start"),
        ));
    }
}

fn plain(node: Option<&Node>) -> Option<&str> {
    node.and_then(Node::as_str)
}

/// Client id differs.
pub const CLIENT_ID_MISMATCH: Rule = Rule {
    id: "flow/client-id-mismatch",
    severity: Severity::Error,
    summary: "`SOCIAL_AUTH_OIDC_KEY` differs from the provider's `client_id`",
    help: "copy the provider's Client ID into SOCIAL_AUTH_OIDC_KEY",
    fact: "facts §2.1 (SOCIAL_AUTH_OIDC_KEY is the client id), §3.2 (client_id)",
    applies: Applies::Always,
};

fn client_id_mismatch(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(provider) = d.authentik.provider() else { return };
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_OIDC_KEY") else { return };
    if let (Some(ours), Some(theirs)) = (setting.value.as_str(), plain(provider.client_id.as_ref()))
        && ours != theirs
    {
        out.push(Finding::in_block(
            &CLIENT_ID_MISMATCH,
            setting.block,
            setting.value.range.clone(),
            format!("NetBox sends the client id `{ours}`, but the provider's client_id is `{theirs}`: Authentik rejects the authorization request (invalid client)"),
        ));
    }
}

/// Client secret differs.
pub const CLIENT_SECRET_MISMATCH: Rule = Rule {
    id: "flow/client-secret-mismatch",
    severity: Severity::Error,
    summary: "`SOCIAL_AUTH_OIDC_SECRET` differs from the provider's `client_secret`",
    help: "copy the provider's Client Secret into SOCIAL_AUTH_OIDC_SECRET (better: read both from the environment)",
    fact: "facts §2.1 (SOCIAL_AUTH_OIDC_SECRET), §3.2 (client_secret; token requests authenticate with it)",
    applies: Applies::Always,
};

fn client_secret_mismatch(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(provider) = d.authentik.provider() else { return };
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_OIDC_SECRET") else { return };
    if let (Some(ours), Some(theirs)) = (setting.value.as_str(), plain(provider.client_secret.as_ref()))
        && ours != theirs
    {
        // Secrets are never printed whole.
        out.push(Finding::in_block(
            &CLIENT_SECRET_MISMATCH,
            setting.block,
            setting.value.range.clone(),
            format!("the secret here (`{}…`) is not the provider's client_secret (`{}…`): the token request after login fails (invalid client)", redact(ours), redact(theirs)),
        ));
    }
}

fn redact(secret: &str) -> String {
    secret.chars().take(3).collect()
}

/// The logout URL is not the application's end-session.
pub const LOGOUT_URL_MISMATCH: Rule = Rule {
    id: "flow/logout-url-mismatch",
    severity: Severity::Warning,
    summary: "`LOGOUT_REDIRECT_URL` points at Authentik, but not at `/application/o/<slug>/end-session/` of the same application",
    help: "use https://<authentik host>/application/o/<application slug>/end-session/",
    fact: "facts §3.1 (end-session at /application/o/<app-slug>/end-session/), §1.1 (LOGOUT_REDIRECT_URL)",
    applies: Applies::Always,
};

fn logout_url_mismatch(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("LOGOUT_REDIRECT_URL") else { return };
    let ValueKind::Str(url) = &setting.value.kind else { return };
    if !url.contains("/application/o/") {
        return;
    }
    let Some(end_session) = end_session_url(d) else { return };
    if normalized_url(url) != normalized_url(&end_session) {
        out.push(Finding::in_block(
            &LOGOUT_URL_MISMATCH,
            setting.block,
            setting.value.range.clone(),
            format!("NetBox sends readers to `{url}` after logout, but the application's end-session is `{end_session}`: the Authentik session stays open (or the reader lands on an error page)"),
        ));
    }
}

/// A URL as a browser treats it: scheme and host in lower case, without the scheme's default port.
fn normalized_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let scheme = scheme.to_ascii_lowercase();
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let mut authority = authority.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => "",
    };
    if !default_port.is_empty() && authority.ends_with(default_port) {
        authority.truncate(authority.len() - default_port.len());
    }
    format!("{scheme}://{authority}{path}")
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{BLUEPRINT, NETBOX, NGINX, assert_fires, fired};

    fn netbox(from: &str, to: &str) -> String {
        assert!(NETBOX.contains(from), "{from}");
        NETBOX.replace(from, to)
    }

    #[test]
    fn redirect_uri_mismatch_names_the_uri_the_accepted_ones_and_the_cause() {
        let site = NGINX.replace("        proxy_set_header X-Forwarded-Proto $scheme;\n", "");
        assert_fires("flow/redirect-uri-mismatch", (NETBOX, &site, BLUEPRINT), "listen [::]:443 ssl");
        let b = BLUEPRINT.replace("/oauth/complete/oidc/", "/oauth/complete/oidc");
        assert_fires("flow/redirect-uri-mismatch", (NETBOX, NGINX, &b), "matching_mode: strict");
        // With SOCIAL_AUTH_REDIRECT_IS_HTTPS the scheme is patched: the URI matches.
        let patched = format!("{NETBOX}SOCIAL_AUTH_REDIRECT_IS_HTTPS = True\n");
        assert!(!fired(&patched, &site, BLUEPRINT).iter().any(|(r, _)| *r == "flow/redirect-uri-mismatch"));
    }

    #[test]
    fn allowed_hosts_missing_public_host() {
        assert_fires(
            "flow/allowed-hosts-missing-public-host",
            (&netbox("['netbox.internaldomain.com']", "['netbox']"), NGINX, BLUEPRINT),
            "ALLOWED_HOSTS",
        );
    }

    #[test]
    fn host_refused() {
        let site = NGINX.replace("        proxy_set_header X-Forwarded-Host $http_host;\n", "");
        assert_fires("flow/host-refused", (NETBOX, &site, BLUEPRINT), "ALLOWED_HOSTS");
        // Listing the upstream address admits it (the redirect URI is then wrong instead).
        let allowing = netbox("['netbox.internaldomain.com']", "['netbox.internaldomain.com', '127.0.0.1']");
        let got = fired(&allowing, &site, BLUEPRINT);
        assert!(!got.iter().any(|(r, _)| *r == "flow/host-refused"), "{got:?}");
        assert!(got.iter().any(|(r, _)| *r == "flow/redirect-uri-mismatch"), "{got:?}");
    }

    #[test]
    fn csrf_origin_fails_unless_the_origin_is_trusted() {
        let site = NGINX.replace("        proxy_set_header X-Forwarded-Proto $scheme;\n", "");
        let papered = format!("{NETBOX}SOCIAL_AUTH_REDIRECT_IS_HTTPS = True\n");
        assert_fires("flow/csrf-origin-fails", (&papered, &site, BLUEPRINT), "listen [::]:443 ssl");
        let trusted = format!("{papered}CSRF_TRUSTED_ORIGINS = ['https://netbox.internaldomain.com']\n");
        assert!(!fired(&trusted, &site, BLUEPRINT).iter().any(|(r, _)| *r == "flow/csrf-origin-fails"));
    }

    #[test]
    fn csrf_origin_fails_when_the_port_is_lost() {
        let site =
            NGINX.replace("[::]:443", "[::]:8443").replace("X-Forwarded-Host $http_host", "X-Forwarded-Host $host");
        assert_fires("flow/csrf-origin-fails", (NETBOX, &site, BLUEPRINT), "X-Forwarded-Host $host");
    }

    #[test]
    fn scope_not_provided() {
        let n = format!("{NETBOX}SOCIAL_AUTH_OIDC_SCOPE = ['roles']\n");
        assert_fires("flow/scope-not-provided", (&n, NGINX, BLUEPRINT), "SOCIAL_AUTH_OIDC_SCOPE");
        let mapped = format!(
            "{BLUEPRINT}  - model: authentik_providers_oauth2.scopemapping\n    id: roles\n    identifiers:\n      name: NetBox roles\n    attrs:\n      scope_name: roles\n      expression: return {{}}\n"
        )
        .replace("scope-profile]]\n", "scope-profile]]\n        - !KeyOf roles\n");
        assert!(!fired(&n, NGINX, &mapped).iter().any(|(r, _)| *r == "flow/scope-not-provided"));
    }

    #[test]
    fn oidc_endpoint_mismatch() {
        let n = netbox("application/o/netbox'", "application/o/grafana/'");
        assert_fires("flow/oidc-endpoint-mismatch", (&n, NGINX, BLUEPRINT), "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT");
        // An endpoint that names no application at all is one mistake, reported once, by the
        // endpoint's own rule; and Authentik served under a path is no mismatch.
        let shared = netbox("application/o/netbox'", "application/o/authorize/'");
        let rules: Vec<&str> = fired(&shared, NGINX, BLUEPRINT).into_iter().map(|(r, _)| r).collect();
        assert!(
            rules.contains(&"netbox/oidc-endpoint-shape") && !rules.contains(&"flow/oidc-endpoint-mismatch"),
            "{rules:?}"
        );
        let under_a_path = netbox(".com/application/o/netbox'", ".com/sso/application/o/netbox'");
        assert!(!fired(&under_a_path, NGINX, BLUEPRINT).iter().any(|(r, _)| *r == "flow/oidc-endpoint-mismatch"));
    }

    #[test]
    fn client_id_and_secret_mismatch_never_print_the_secret() {
        assert_fires(
            "flow/client-id-mismatch",
            (&netbox("KEY = 'netbox'", "KEY = 'other'"), NGINX, BLUEPRINT),
            "SOCIAL_AUTH_OIDC_KEY",
        );
        let n = netbox("'secret-value'", "'another-secret'");
        assert_fires("flow/client-secret-mismatch", (&n, NGINX, BLUEPRINT), "SOCIAL_AUTH_OIDC_SECRET");
    }

    #[test]
    fn logout_url_mismatch() {
        let n = netbox("/application/o/netbox/end-session/", "/application/o/other/end-session/");
        assert_fires("flow/logout-url-mismatch", (&n, NGINX, BLUEPRINT), "LOGOUT_REDIRECT_URL");
        // configuration.py alone: the endpoint names the application.
        let alone = |netbox: &str| {
            let chapter = crate::extract::ChapterInput::for_test(&format!("```python,check=netbox\n{netbox}```\n"));
            let checked = crate::check::check_chapters(&[chapter], std::path::Path::new("."), &Default::default());
            checked.unwrap().diagnostics.iter().filter(|d| d.rule == "flow/logout-url-mismatch").count()
        };
        assert_eq!(alone(&n), 1);
        assert_eq!(alone(NETBOX), 0);
        // What a browser treats as the same URL, and Authentik served under a path, are right.
        let endpoint = "https://authentik.yourdomain.com/application/o/netbox";
        let logout = "https://authentik.yourdomain.com/application/o/netbox/end-session/";
        for (endpoint, logout) in [
            (endpoint.to_string(), logout.replace("authentik.yourdomain.com", "Authentik.YourDomain.com:443")),
            (endpoint.replace(".com/", ".com/sso/"), logout.replace(".com/", ".com/sso/")),
        ] {
            let n = NETBOX
                .replace(value_of(NETBOX, "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT"), &endpoint)
                .replace(value_of(NETBOX, "LOGOUT_REDIRECT_URL"), &logout);
            assert_eq!(alone(&n), 0, "{n}");
            assert_eq!(
                fired(&n, NGINX, BLUEPRINT).iter().filter(|(r, _)| *r == "flow/logout-url-mismatch").count(),
                0,
                "{n}"
            );
        }
        // An endpoint that names no application gives no end-session to compare with (the
        // endpoint's own rule reports it): no advice to log out at `…/authorize/end-session/`.
        let wrong = NETBOX.replace(
            value_of(NETBOX, "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT"),
            "https://authentik.yourdomain.com/application/o/authorize/",
        );
        assert_eq!(alone(&wrong), 0);
    }

    /// The quoted value a configuration assigns to `name`.
    fn value_of<'a>(netbox: &'a str, name: &str) -> &'a str {
        let line = netbox.lines().find(|l| l.starts_with(name)).unwrap();
        line.split('\'').nth(1).unwrap()
    }

    #[test]
    fn every_rule_of_the_deployment_domains_has_a_test_here_or_in_its_module() {
        // The test names above and in nginx.rs/authentik.rs follow the rule ids; this guards that
        // a new rule does not arrive without one.
        let sources: Vec<String> = [include_str!("flow.rs"), include_str!("nginx.rs"), include_str!("authentik.rs")]
            .iter()
            .map(|s| s.split_whitespace().collect())
            .collect();
        for (rule, _) in crate::rules::checks().filter(|(r, _)| !r.id.starts_with("netbox/")) {
            let needle = format!("assert_fires(\"{}\"", rule.id);
            assert!(sources.iter().any(|s| s.contains(&needle)), "{} has no firing test", rule.id);
        }
    }
}
