//! `nginx/forwarded-host-appended`: A comma-joined X-Forwarded-Host.

use super::shared::appends;
use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::header;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A comma-joined X-Forwarded-Host.
pub const FORWARDED_HOST_APPENDED: Rule = Rule {
    id: "nginx/forwarded-host-appended",
    severity: Severity::Error,
    summary: "`X-Forwarded-Host` is built by appending (a comma list, or the client's own X-Forwarded-Host)",
    help: "overwrite it with one host: `proxy_set_header X-Forwarded-Host $http_host;`",
    fact: "facts §4 (Django does not split X-Forwarded-Host on commas: `a, b` is rejected), §5 (nginx must always set, not append)",
    applies: Applies::Always,
};

pub fn forwarded_host_appended(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    let Some(xfh) = header(flow.headers, "X-Forwarded-Host") else { return };
    if appends(&xfh.value) {
        out.push(Finding::in_block(
            &FORWARDED_HOST_APPENDED,
            xfh.block,
            xfh.value_range.clone(),
            format!("`{}` can become a comma-separated list of hosts (the X-Forwarded-Host the request arrived with, from an outer proxy or any client, joined to another); Django takes X-Forwarded-Host whole, rejects the list as an invalid host, and answers 400 Bad Request", xfh.value),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet};

    #[test]
    fn forwarded_host_appended() {
        let site = nginx("X-Forwarded-Host $http_host", "X-Forwarded-Host \"$http_x_forwarded_host, $http_host\"");
        assert_fires("nginx/forwarded-host-appended", (NETBOX, &site, BLUEPRINT), "X-Forwarded-Host");
        // Appending to another header (X-Forwarded-For is a list by design) is right.
        let other = nginx(
            "        proxy_set_header X-Real-IP $remote_addr;\n",
            "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n",
        );
        assert_quiet("nginx/forwarded-host-appended", (NETBOX, &other, BLUEPRINT));
    }
}
