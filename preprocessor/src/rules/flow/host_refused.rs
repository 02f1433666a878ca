//! `flow/host-refused`: The host Django sees is refused.

use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::host_allowed;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The host Django sees is refused.
pub const HOST_REFUSED: Rule = Rule {
    id: "flow/host-refused",
    severity: Severity::Error,
    summary: "the host Django sees (derived from the proxy's headers) is not in `ALLOWED_HOSTS`: every request gets 400",
    help: "send the public host (`proxy_set_header X-Forwarded-Host $http_host;`) rather than listing the upstream address in ALLOWED_HOSTS",
    fact: "facts §4 (get_host: X-Forwarded-Host, else Host; DisallowedHost is HTTP 400), §5 (without X-Forwarded-Host nginx sends Host: $proxy_host)",
    applies: Applies::Always,
};

pub fn host_refused(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    let Some((setting, hosts)) = d.netbox.allowed_hosts() else { return };
    // A host that is not a valid name (Django refuses it whatever ALLOWED_HOSTS says), and one
    // from `$server_name`, are the nginx rules' to report, where the fix goes.
    let Some(domain) = flow.domain() else { return };
    if flow.host_from_server_name {
        return;
    }
    let public = flow.public.host.as_deref().map(str::to_lowercase);
    if public.as_deref() != Some(domain.as_str()) && !host_allowed(&domain, &hosts) {
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

#[cfg(test)]
mod tests {
    use crate::rules::flow::testing::netbox;
    use crate::rules::testing::{BLUEPRINT, NETBOX, NGINX, assert_fires, assert_quiet};

    #[test]
    fn host_refused() {
        let site = NGINX.replace("        proxy_set_header X-Forwarded-Host $http_host;\n", "");
        assert_fires("flow/host-refused", (NETBOX, &site, BLUEPRINT), "ALLOWED_HOSTS");
        // Listing the upstream address admits it (the redirect URI is then wrong instead).
        let allowing = netbox("['netbox.internaldomain.com']", "['netbox.internaldomain.com', '127.0.0.1']");
        assert_quiet("flow/host-refused", (&allowing, &site, BLUEPRINT));
        assert_fires("flow/redirect-uri-mismatch", (&allowing, &site, BLUEPRINT), "proxy_pass");
    }
}
