//! The helpers several NetBox rules use.

use crate::finding::Finding;
use crate::finding::Rule;
use crate::model::NetboxConfig;
use crate::parse::netbox::{Setting, Value};

pub(super) const DEFAULT_GROUPS_HANDLER: &str = "netbox.authentication.user_default_groups_handler";

pub(super) fn at_value(rule: &'static Rule, setting: &Setting, value: &Value, message: String) -> Finding {
    Finding::in_block(rule, setting.block, value.range.clone(), message)
}

pub(super) fn at_statement(rule: &'static Rule, setting: &Setting, message: String) -> Finding {
    Finding::in_block(rule, setting.block, setting.statement.clone(), message)
}

/// Only social-core backends: header authentication can never sign anyone in.
pub(super) fn social_backends_only(nb: &NetboxConfig) -> bool {
    nb.backends().is_some_and(|b| !b.is_empty() && b.iter().all(|b| b.starts_with("social_core.backends.")))
}

pub(super) fn oidc_settings_used(nb: &NetboxConfig) -> bool {
    nb.settings().any(|s| s.name.starts_with("SOCIAL_AUTH_OIDC_"))
}

pub(super) fn truthy(nb: &NetboxConfig, name: &str) -> Option<bool> {
    nb.get(name).and_then(|s| s.value.truthy())
}
