//! `flow/csrf-origin-fails`: The login POST fails the CSRF origin check.

use super::shared::{Cause, at_flow, django_refuses_host};
use crate::finding::{Finding, Rule, Severity};
use crate::model::Presence;
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// The login POST fails the CSRF origin check.
pub const CSRF_ORIGIN_FAILS: Rule = Rule {
    id: "flow/csrf-origin-fails",
    severity: Severity::Error,
    summary: "the origin NetBox believes it has (scheme and host:port from the proxy's headers) is not the browser's, which CSRF_TRUSTED_ORIGINS does not list: the login POST gets 403",
    help: "send the public scheme and host from nginx (`X-Forwarded-Proto $scheme`, `X-Forwarded-Host $http_host`, which keeps the port); SOCIAL_AUTH_REDIRECT_IS_HTTPS only fixes the redirect URI, not CSRF",
    fact: "facts §4 (CSRF compares Origin with request scheme://get_host(), then CSRF_TRUSTED_ORIGINS), §2.2 (REDIRECT_IS_HTTPS does not make Django think the request is secure), §11 (NetBox 4.7.3 begins SSO with a POST); seen with real NetBox 4.7.3 by tests/e2e/run: `$host` on port 8443 gives 403 on the SSO POST",
    applies: Applies::netbox_since(3, 2, 0),
};

pub fn csrf_origin_fails(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    let Some(host) = flow.host.value.as_deref() else { return };
    if !flow.scheme_known {
        return;
    }
    // A host Django refuses answers 400 before any CSRF check (flow/host-refused).
    if django_refuses_host(d, flow) {
        return;
    }
    // Django compares the browser's Origin with its own idea of the origin, scheme and host:port.
    let Some(origin) = flow.public.origin() else { return };
    let seen = format!("{}://{host}", flow.scheme.value);
    if seen.eq_ignore_ascii_case(&origin) {
        return;
    }
    if d.netbox.csrf_trusts(&origin) == Some(true) {
        return;
    }
    // Read from the environment, computed, or not shown at all (no configuration.py, or only a
    // fragment of it): whether it lists the origin is unknown.
    match d.netbox.presence("CSRF_TRUSTED_ORIGINS") {
        Presence::Set(s) if !s.value.is_known() => return,
        Presence::Unknown => return,
        _ => {}
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

#[cfg(test)]
mod tests {
    use crate::rules::testing::{BLUEPRINT, NETBOX, NGINX, assert_fires, assert_quiet};

    #[test]
    fn csrf_origin_fails_unless_the_origin_is_trusted() {
        let site = NGINX.replace("        proxy_set_header X-Forwarded-Proto $scheme;\n", "");
        let papered = format!("{NETBOX}SOCIAL_AUTH_REDIRECT_IS_HTTPS = True\n");
        assert_fires("flow/csrf-origin-fails", (&papered, &site, BLUEPRINT), "listen [::]:443 ssl");
        let trusted = format!("{papered}CSRF_TRUSTED_ORIGINS = ['https://netbox.internaldomain.com']\n");
        assert_quiet("flow/csrf-origin-fails", (&trusted, &site, BLUEPRINT));
    }

    /// Without configuration.py, CSRF_TRUSTED_ORIGINS is unknown: the lost port is
    /// `nginx/port-lost`, and whether the POST fails is not this rule's to say.
    #[test]
    fn csrf_origin_fails_only_when_configuration_py_is_shown() {
        let site =
            NGINX.replace("[::]:443", "[::]:8443").replace("X-Forwarded-Host $http_host", "X-Forwarded-Host $host");
        let partial = crate::rules::testing::fired_chapter(&format!(
            "```python,check=netbox,partial\n{NETBOX}```\n\n```nginx,check=nginx\n{site}```\n\n```yaml,check=authentik\n{BLUEPRINT}```\n"
        ));
        assert!(!partial.contains(&"flow/csrf-origin-fails"), "{partial:?}");
        assert!(partial.contains(&"nginx/port-lost"), "{partial:?}");
    }

    #[test]
    fn csrf_origin_fails_when_the_port_is_lost() {
        let site =
            NGINX.replace("[::]:443", "[::]:8443").replace("X-Forwarded-Host $http_host", "X-Forwarded-Host $host");
        assert_fires("flow/csrf-origin-fails", (NETBOX, &site, BLUEPRINT), "X-Forwarded-Host $host");
    }
}
