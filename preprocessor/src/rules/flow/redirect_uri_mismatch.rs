//! `flow/redirect-uri-mismatch`: The redirect URI NetBox sends is not one the provider accepts.

use super::shared::{Cause, at_flow, django_refuses_host};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The redirect URI NetBox sends is not one the provider accepts.
pub const REDIRECT_URI_MISMATCH: Rule = Rule {
    id: "flow/redirect-uri-mismatch",
    severity: Severity::Error,
    summary: "the redirect URI NetBox will send (derived from the proxy and NetBox files) is not accepted by the provider",
    help: "make the proxy send the public scheme and host (`X-Forwarded-Proto $scheme`, `X-Forwarded-Host $http_host`), or register exactly the URI NetBox sends",
    fact: "facts §2.2 (redirect_uri = build_absolute_uri of /oauth/complete/oidc/), §3.2 (strict = exact equality, checked at authorize and token), §4, §5",
    applies: Applies::Always,
};

pub fn redirect_uri_mismatch(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
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
            // Behind a proxy in front, `$scheme` is this hop's: the front proxy's must be passed on.
            let server = flow.server;
            let front = if server.behind_proxy() && !server.is_tls() && flow.scheme.site.is_some() && sent_scheme == "http" {
                let fix = if server.proxy_protocol {
                    "`X-Forwarded-Proto https` (a PROXY-protocol front sends no header to pass on)"
                } else {
                    "`X-Forwarded-Proto $http_x_forwarded_proto` (or `https`)"
                };
                format!(
                    "; this server is reached through a proxy in front of it ({}), whose scheme this header replaces with this hop's: send {fix}",
                    server.proxy_in_front_directive()
                )
            } else {
                String::new()
            };
            (format!("the scheme differs: {}{front}", flow.scheme.because), Some(Cause::Scheme))
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
        "NetBox will send the redirect URI `{uri}`, but the provider accepts only {list}: Authentik answers \"Redirect URI Error\" after the user clicks the SSO button; {why}"
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

#[cfg(test)]
mod tests {
    use crate::rules::testing::{BLUEPRINT, NETBOX, NGINX, assert_fires, assert_quiet};

    #[test]
    fn redirect_uri_mismatch_names_the_uri_the_accepted_ones_and_the_cause() {
        let site = NGINX.replace("        proxy_set_header X-Forwarded-Proto $scheme;\n", "");
        assert_fires("flow/redirect-uri-mismatch", (NETBOX, &site, BLUEPRINT), "listen [::]:443 ssl");
        let b = BLUEPRINT.replace("/oauth/complete/oidc/", "/oauth/complete/oidc");
        assert_fires("flow/redirect-uri-mismatch", (NETBOX, NGINX, &b), "matching_mode: strict");
        // With SOCIAL_AUTH_REDIRECT_IS_HTTPS the scheme is patched: the URI matches.
        let patched = format!("{NETBOX}SOCIAL_AUTH_REDIRECT_IS_HTTPS = True\n");
        assert_quiet("flow/redirect-uri-mismatch", (&patched, &site, BLUEPRINT));
    }
}
