//! `nginx/headers-lost-by-inheritance`: Server-level headers dropped by a location that sets its own.

use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::header;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// Server-level headers dropped by a location that sets its own.
pub const HEADERS_LOST_BY_INHERITANCE: Rule = Rule {
    id: "nginx/headers-lost-by-inheritance",
    severity: Severity::Warning,
    summary: "`proxy_set_header` at server level (or in the `http` block around it) while the NetBox location sets its own: the server-level ones never reach NetBox",
    help: "repeat the headers inside the location (or move them all there): nginx inherits `proxy_set_header` only into a level that sets none",
    fact: "facts §5 (proxy_set_header is inherited only if the current level defines none)",
    applies: Applies::Always,
};

pub fn headers_lost_by_inheritance(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    if flow.location.headers.is_empty() {
        return;
    }
    for lost in &flow.server.headers {
        if header(&flow.location.headers, &lost.name).is_none() {
            out.push(Finding::in_block(
                &HEADERS_LOST_BY_INHERITANCE,
                lost.block,
                lost.range.clone(),
                format!(
                    "`{}` never reaches NetBox: the location `{}` sets its own `proxy_set_header`, and nginx then inherits none from the blocks around it (`server`, `http`)",
                    lost.name, flow.location.path
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet};

    #[test]
    fn headers_lost_by_inheritance() {
        let site = nginx(
            "    client_max_body_size 25m;\n",
            "    client_max_body_size 25m;\n    proxy_set_header X-Request-Id $request_id;\n",
        );
        assert_fires("nginx/headers-lost-by-inheritance", (NETBOX, &site, BLUEPRINT), "X-Request-Id");
        // Repeated in the location, the header is not lost.
        let repeated = site.replace(
            "        proxy_set_header X-Real-IP $remote_addr;\n",
            "        proxy_set_header X-Real-IP $remote_addr;\n        proxy_set_header X-Request-Id $request_id;\n",
        );
        assert_quiet("nginx/headers-lost-by-inheritance", (NETBOX, &repeated, BLUEPRINT));
    }
}
