//! Rules that need only NetBox's `configuration.py` (facts §1, §2, §8).
//!
//! Every rule reports only on statically known values: a value read from the environment or
//! computed by code the evaluator does not follow never produces a finding.
//!
//! One file per rule: its documentation (the `Rule`), its check and its cases. Shared here:
//! the helpers several rules use; in `parameters`, the tables of NetBox's settings.

mod parameters;
#[cfg(test)]
mod testing;

pub mod allowed_hosts_entry;
pub mod allowed_hosts_type;
pub mod allowed_redirect_hosts_irrelevant;
pub mod backend_list_version;
pub mod backend_path;
pub mod csrf_trusted_origins_scheme;
pub mod login_redirect_url_type;
pub mod login_required_deprecated;
pub mod oidc_backend_version;
pub mod oidc_endpoint_fallback_name;
pub mod oidc_endpoint_name;
pub mod oidc_endpoint_shape;
pub mod oidc_endpoint_trailing_slash;
pub mod oidc_endpoint_well_known;
pub mod oidc_scope_redundant;
pub mod oidc_scope_type;
pub mod pipeline_default_groups;
pub mod pipeline_group_import;
pub mod pipeline_is_staff;
pub mod pipeline_unbound_variable;
pub mod protected_user_fields_obsolete;
pub mod redirect_is_https_scoped;
pub mod redirect_is_https_smell;
pub mod remote_auth_enabled_unneeded;
pub mod remote_auth_header_format;
pub mod remote_auth_header_unused;
pub mod setting_ignored;
pub mod setting_removed;
pub mod setting_unknown;
pub mod social_auth_prefix_missing;

use crate::finding::Finding;
use crate::finding::Rule;
use crate::model::NetboxConfig;
use crate::parse::netbox::{Setting, Value};

const DEFAULT_GROUPS_HANDLER: &str = "netbox.authentication.user_default_groups_handler";

fn at_value(rule: &'static Rule, setting: &Setting, value: &Value, message: String) -> Finding {
    Finding::in_block(rule, setting.block, value.range.clone(), message)
}

fn at_statement(rule: &'static Rule, setting: &Setting, message: String) -> Finding {
    Finding::in_block(rule, setting.block, setting.statement.clone(), message)
}

/// Only social-core backends: header authentication can never sign anyone in.
fn social_backends_only(nb: &NetboxConfig) -> bool {
    nb.backends().is_some_and(|b| !b.is_empty() && b.iter().all(|b| b.starts_with("social_core.backends.")))
}

fn oidc_settings_used(nb: &NetboxConfig) -> bool {
    nb.settings().any(|s| s.name.starts_with("SOCIAL_AUTH_OIDC_"))
}

fn truthy(nb: &NetboxConfig, name: &str) -> Option<bool> {
    nb.get(name).and_then(|s| s.value.truthy())
}
