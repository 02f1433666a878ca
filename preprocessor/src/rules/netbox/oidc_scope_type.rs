//! `netbox/oidc-scope-type`: `SOCIAL_AUTH_OIDC_SCOPE` that is not a list.

use super::shared::{at_value, truthy};
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `SOCIAL_AUTH_OIDC_SCOPE` that is not a list.
pub const OIDC_SCOPE_TYPE: Rule = Rule {
    id: "netbox/oidc-scope-type",
    severity: Severity::Error,
    summary: "`SOCIAL_AUTH_OIDC_SCOPE` is a string or a tuple instead of a list",
    help: "write a list: SOCIAL_AUTH_OIDC_SCOPE = ['groups'] (openid, profile and email are added by social-core)",
    fact: "facts §2.1 (scope = SCOPE + DEFAULT_SCOPE, a list concatenation; str or tuple raises TypeError, verified)",
    applies: Applies::Always,
};

pub fn oidc_scope_type(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_OIDC_SCOPE") else { return };
    if truthy(&d.netbox, "SOCIAL_AUTH_OIDC_IGNORE_DEFAULT_SCOPE") == Some(true) {
        return;
    }
    if matches!(setting.value.kind, ValueKind::Str(_) | ValueKind::Tuple(_)) {
        let kind = setting.value.type_name();
        out.push(at_value(
            &OIDC_SCOPE_TYPE,
            setting,
            &setting.value,
            format!("`SOCIAL_AUTH_OIDC_SCOPE` is a {kind}: social-core adds its default scopes with list concatenation, so the SSO login fails with `TypeError: can only concatenate …` before the user reaches Authentik"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/oidc-scope-type",
            "4.7",
            "SOCIAL_AUTH_OIDC_SCOPE = ('groups',)\n",
            1,
            "SOCIAL_AUTH_OIDC_SCOPE = ['groups']\n",
        ),
        (
            "netbox/oidc-scope-type",
            "4.7",
            "SOCIAL_AUTH_OIDC_SCOPE = 'openid groups'\n",
            1,
            "SOCIAL_AUTH_OIDC_IGNORE_DEFAULT_SCOPE = True\nSOCIAL_AUTH_OIDC_SCOPE = 'openid'\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::OIDC_SCOPE_TYPE, CASES);
    }
}
