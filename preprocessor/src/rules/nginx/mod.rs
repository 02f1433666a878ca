//! Rules on the nginx site that proxies NetBox (facts §4, §5, §8 NGX-*).
//!
//! One file per rule: its documentation (the `Rule`), its check and its cases.

#[cfg(test)]
mod testing;

pub mod client_max_body_size_small;
pub mod forwarded_host_appended;
pub mod headers_lost_by_inheritance;
pub mod missing_forwarded_host;
pub mod missing_forwarded_proto;
pub mod port_lost;
pub mod syntax_test_failed;
pub mod upstream_not_loopback;

use crate::finding::{Finding, Rule};
use crate::model::nginx::Location;

/// A finding on the location's `proxy_pass` line.
pub(super) fn at_proxy_pass(rule: &'static Rule, location: &Location, message: String) -> Option<Finding> {
    let (_, range) = location.proxy_pass.as_ref()?;
    Some(Finding::in_block(rule, location.block, range.clone(), message))
}

/// Whether a header value appends to what the client sent (a comma list).
pub(super) fn appends(value: &str) -> bool {
    value.contains(',') || value.contains("$http_x_forwarded_host") || value.contains("$proxy_add_")
}
