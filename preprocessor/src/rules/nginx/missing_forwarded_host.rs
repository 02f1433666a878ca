//! `nginx/missing-forwarded-host`: The public host does not reach NetBox.

use super::shared::{appends, at_proxy_pass};
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
    fact: "facts §4 (get_host uses X-Forwarded-Host, else Host), §5 (nginx sends `Host: $proxy_host` by default; NetBox's reference file)",
    applies: Applies::Always,
};

pub fn missing_forwarded_host(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    let Some(domain) = flow.domain() else { return };
    // An appended X-Forwarded-Host is sent, just malformed: nginx/forwarded-host-appended.
    if header(flow.headers, "X-Forwarded-Host").is_some_and(|h| appends(&h.value)) {
        return;
    }
    if domain != flow.public.host.to_lowercase() {
        out.extend(at_proxy_pass(
            &MISSING_FORWARDED_HOST,
            flow.location,
            format!(
                "NetBox sees the host `{}` instead of `{}`: {}; Django rejects it with 400 Bad Request unless ALLOWED_HOSTS lists it, and then the redirect URI names that address",
                flow.host.value.as_deref().unwrap_or(""),
                flow.public.host,
                flow.host.because
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet};

    #[test]
    fn missing_forwarded_host() {
        let site = nginx("        proxy_set_header X-Forwarded-Host $http_host;\n", "");
        assert_fires("nginx/missing-forwarded-host", (NETBOX, &site, BLUEPRINT), "proxy_pass");
        // `Host` carries the public name just as well.
        let host = nginx("X-Forwarded-Host $http_host", "Host $host");
        assert_quiet("nginx/missing-forwarded-host", (NETBOX, &host, BLUEPRINT));
    }
}
