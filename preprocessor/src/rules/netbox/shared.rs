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

/// "python-social-auth (`SAMLAuth`)": the social-auth backends the file sets, by class name, for
/// messages that must not call every social-auth setup OpenID Connect (a SAML, Keycloak or Entra ID
/// backend is none). Names come from the file, so they are escaped for the message.
pub(super) fn social_backends_phrase(nb: &NetboxConfig) -> String {
    let backends = nb.backends().unwrap_or_default();
    let names: Vec<String> =
        backends.iter().map(|b| format!("`{}`", b.rsplit('.').next().unwrap_or(b).escape_debug())).collect();
    match names.as_slice() {
        [] => "a python-social-auth backend".to_string(),
        many => format!("python-social-auth ({})", many.join(", ")),
    }
}

pub(super) fn oidc_settings_used(nb: &NetboxConfig) -> bool {
    nb.settings().any(|s| s.name.starts_with("SOCIAL_AUTH_OIDC_"))
}

pub(super) fn truthy(nb: &NetboxConfig, name: &str) -> Option<bool> {
    nb.get(name).and_then(|s| s.value.truthy())
}
