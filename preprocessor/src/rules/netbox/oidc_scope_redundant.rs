//! `netbox/oidc-scope-redundant`: Default scopes listed again.

use super::shared::{at_value, truthy};
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// Default scopes listed again.
pub const OIDC_SCOPE_REDUNDANT: Rule = Rule {
    id: "netbox/oidc-scope-redundant",
    severity: Severity::Info,
    summary: "`SOCIAL_AUTH_OIDC_SCOPE` lists openid, profile or email, which social-core always adds",
    help: "list only the extra scopes (or remove the setting); openid, profile and email are requested anyway",
    fact: "facts §2.1 (DEFAULT_SCOPE = ['openid', 'profile', 'email'] is appended; duplicates are sent)",
    applies: Applies::Always,
};

pub fn oidc_scope_redundant(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_OIDC_SCOPE") else { return };
    if truthy(&d.netbox, "SOCIAL_AUTH_OIDC_IGNORE_DEFAULT_SCOPE") == Some(true)
        || !matches!(setting.value.kind, ValueKind::List(_))
    {
        return;
    }
    for item in setting.value.items().unwrap_or_default() {
        if let Some(scope @ ("openid" | "profile" | "email")) = item.as_str() {
            out.push(at_value(
                &OIDC_SCOPE_REDUNDANT,
                setting,
                item,
                format!("social-core always requests '{scope}', so listing it again only sends it twice"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[(
        "netbox/oidc-scope-redundant",
        "4.7",
        "SOCIAL_AUTH_OIDC_SCOPE = ['groups', 'email']\n",
        1,
        "SOCIAL_AUTH_OIDC_SCOPE = ['groups']\n",
    )];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::OIDC_SCOPE_REDUNDANT, CASES);
    }
}
