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
use crate::rules::input::Check;

/// Every nginx rule with its check, in the order of the rule reference (RULES.md).
pub const CHECKS: &[(&Rule, Check)] = &[
    (&missing_forwarded_proto::MISSING_FORWARDED_PROTO, missing_forwarded_proto::missing_forwarded_proto),
    (&missing_forwarded_host::MISSING_FORWARDED_HOST, missing_forwarded_host::missing_forwarded_host),
    (&port_lost::PORT_LOST, port_lost::port_lost),
    (
        &headers_lost_by_inheritance::HEADERS_LOST_BY_INHERITANCE,
        headers_lost_by_inheritance::headers_lost_by_inheritance,
    ),
    (&forwarded_host_appended::FORWARDED_HOST_APPENDED, forwarded_host_appended::forwarded_host_appended),
    (&client_max_body_size_small::CLIENT_MAX_BODY_SIZE_SMALL, client_max_body_size_small::client_max_body_size_small),
    (&upstream_not_loopback::UPSTREAM_NOT_LOOPBACK, upstream_not_loopback::upstream_not_loopback),
];

/// Rules of this domain reported by other stages (the opt-in `nginx -t` check).
pub const OTHER: &[&Rule] = &[&syntax_test_failed::SYNTAX_TEST_FAILED];

/// A finding on the location's `proxy_pass` line.
pub(super) fn at_proxy_pass(rule: &'static Rule, location: &Location, message: String) -> Option<Finding> {
    let (_, range) = location.proxy_pass.as_ref()?;
    Some(Finding::in_block(rule, location.block, range.clone(), message))
}

/// Whether a header value appends to what the client sent (a comma list).
pub(super) fn appends(value: &str) -> bool {
    value.contains(',') || value.contains("$http_x_forwarded_host") || value.contains("$proxy_add_")
}
