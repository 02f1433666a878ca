//! `netbox/social-auth-prefix-missing`: python-social-auth names without the `SOCIAL_AUTH_` prefix.

use super::parameters::{DJANGO_BY_NAME, SOCIAL_SUFFIXES, is_parameter};
use super::shared::at_statement;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// python-social-auth names without the `SOCIAL_AUTH_` prefix.
pub const SOCIAL_AUTH_PREFIX_MISSING: Rule = Rule {
    id: "netbox/social-auth-prefix-missing",
    severity: Severity::Error,
    summary: "a python-social-auth setting written without `SOCIAL_AUTH_` (`OIDC_KEY`, `REDIRECT_IS_HTTPS`, …), which NetBox never passes on",
    help: "add the prefix: `SOCIAL_AUTH_OIDC_KEY`, `SOCIAL_AUTH_REDIRECT_IS_HTTPS`, …",
    fact: "facts §1.1 and §1.3 (only names starting with SOCIAL_AUTH_ are copied), §2.1 (setting lookup order)",
    applies: Applies::Always,
};

pub fn social_auth_prefix_missing(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    for setting in d.netbox.own_settings() {
        let django_setting = DJANGO_BY_NAME.contains_key(setting.name.as_str());
        if SOCIAL_SUFFIXES.contains(setting.name.as_str())
            && !setting.name.contains("ENDPOINT")
            && !is_parameter(&setting.name, targets.netbox)
            && !django_setting
        {
            out.push(
                at_statement(
                    &SOCIAL_AUTH_PREFIX_MISSING,
                    setting,
                    format!("NetBox copies only names starting with `SOCIAL_AUTH_` into Django's settings, so social-core never sees `{}`", setting.name),
                )
                .with_help(format!("rename it to `SOCIAL_AUTH_{}`", setting.name)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] =
        &[("netbox/social-auth-prefix-missing", "4.7", "OIDC_KEY = 'id'\n", 1, "SOCIAL_AUTH_OIDC_KEY = 'id'\n")];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::SOCIAL_AUTH_PREFIX_MISSING, CASES);
    }
}
