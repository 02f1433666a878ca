//! `netbox/setting-removed`: A parameter the target NetBox no longer has.

use super::shared::at_statement;
use super::parameters::REMOVED_BY_NAME;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A parameter the target NetBox no longer has.
pub const SETTING_REMOVED: Rule = Rule {
    id: "netbox/setting-removed",
    severity: Severity::Warning,
    summary: "a parameter removed in the target NetBox version (the `DATE_FORMAT` family in 4.0, `REMOTE_AUTH_STAFF_*` in 4.5, `SENTRY_DSN` family in 4.7, …)",
    help: "remove the line, or move its value to the parameter that replaced it",
    fact: "facts §1.2 (inventory of removed parameters per release; 4.7.3 inventory read off the wheel)",
    applies: Applies::Always,
};

pub fn setting_removed(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    for setting in d.netbox.own_settings() {
        let name = setting.name.as_str();
        if let Some((since, why)) = REMOVED_BY_NAME.get(name)
            && targets.netbox >= *since
        {
            out.push(at_statement(
                &SETTING_REMOVED,
                setting,
                format!("NetBox {since} removed `{name}`; NetBox {} ignores it ({why})", targets.netbox),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        ("netbox/setting-removed", "4.7", "SENTRY_DSN = 'https://x@sentry.example/1'\n", 1, "SENTRY_CONFIG = {}\n"),
        ("netbox/setting-removed", "4.6", "X = 1\n", 0, "SENTRY_DSN = 'https://x@sentry.example/1'\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::SETTING_REMOVED, CASES);
    }
}
