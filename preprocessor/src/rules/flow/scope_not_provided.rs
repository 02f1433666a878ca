//! `flow/scope-not-provided`: A requested scope the provider does not provide.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A requested scope the provider does not provide.
pub const SCOPE_NOT_PROVIDED: Rule = Rule {
    id: "flow/scope-not-provided",
    severity: Severity::Warning,
    summary: "a scope NetBox requests (for example `roles`) that no scope mapping of the provider provides",
    help: "attach a scope mapping with that scope name to the provider, or stop requesting it (group names already arrive in the `profile` scope)",
    fact: "facts §3.2 (unknown requested scopes are silently dropped), §3.3 (built-in mappings: openid, email, profile, entitlements, offline_access; no `roles`), §2.1 (openid, profile, email always requested)",
    applies: Applies::Always,
};

pub fn scope_not_provided(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(provider) = d.authentik.provider() else { return };
    let Some(provided) = d.authentik.provided_scopes(provider) else { return };
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_OIDC_SCOPE") else { return };
    for item in setting.value.items().unwrap_or_default() {
        if let Some(scope) = item.as_str()
            && !provided.iter().any(|p| p == scope)
        {
            out.push(Finding::in_block(
                &SCOPE_NOT_PROVIDED,
                setting.block,
                item.range.clone(),
                format!("NetBox requests the scope '{scope}', but no scope mapping of the provider provides it (it has: {}): Authentik silently drops it, so no claim of that scope ever reaches NetBox", provided.join(", ")),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{BLUEPRINT, NETBOX, NGINX, assert_fires, assert_quiet};

    #[test]
    fn scope_not_provided() {
        let n = format!("{NETBOX}SOCIAL_AUTH_OIDC_SCOPE = ['roles']\n");
        assert_fires("flow/scope-not-provided", (&n, NGINX, BLUEPRINT), "SOCIAL_AUTH_OIDC_SCOPE");
        let mapped = format!(
            "{BLUEPRINT}  - model: authentik_providers_oauth2.scopemapping\n    id: roles\n    identifiers:\n      name: NetBox roles\n    attrs:\n      scope_name: roles\n      expression: return {{}}\n"
        )
        .replace("scope-profile]]\n", "scope-profile]]\n        - !KeyOf roles\n");
        assert_quiet("flow/scope-not-provided", (&n, NGINX, &mapped));
    }
}
