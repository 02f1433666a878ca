//! The helpers several nginx rules use.

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
