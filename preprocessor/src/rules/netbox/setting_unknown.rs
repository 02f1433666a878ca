//! `netbox/setting-unknown`: A misspelt parameter.

use super::parameters::{KNOWN_NAMES, PARAMETERS, SOCIAL_NAMES};
use crate::extract::closest_of;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A misspelt parameter.
pub const SETTING_UNKNOWN: Rule = Rule {
    id: "netbox/setting-unknown",
    severity: Severity::Warning,
    summary: "an upper-case name that is no NetBox parameter but one or two letters away from one (`ALLOWED_HOST`, `SOCIAL_AUTH_OIDC_SCOPES`)",
    help: "correct the name; as written, NetBox never reads it",
    fact: "facts §1.1 (NetBox reads a fixed list of names; others are ignored), §1.2 inventory",
    applies: Applies::Always,
};

pub fn setting_unknown(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for setting in d.netbox.own_settings() {
        let name = setting.name.as_str();
        if KNOWN_NAMES.contains(name) || name.len() < 6 || name.starts_with('_') || !is_upper_case(name) {
            continue;
        }
        let candidates = PARAMETERS.iter().chain(SOCIAL_NAMES).copied();
        if let Some(near) = closest_of(name, candidates) {
            out.push(
                Finding::in_block(
                    &SETTING_UNKNOWN,
                    setting.block,
                    setting.name_range.clone(),
                    format!("NetBox has no parameter `{name}`, so this line has no effect; did you mean `{near}`?"),
                )
                .with_help(format!("rename it to `{near}`")),
            );
        }
    }
}

/// Whether `to_uppercase` leaves the name unchanged (checked without allocating).
fn is_upper_case(name: &str) -> bool {
    if name.is_ascii() {
        !name.bytes().any(|b| b.is_ascii_lowercase())
    } else {
        name.chars().all(|c| c.to_uppercase().eq(std::iter::once(c)))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[(
        "netbox/setting-unknown",
        "4.7",
        "ALLOWED_HOST = ['netbox.internaldomain.com']\n",
        1,
        "MY_HELPER_VALUE = 'x'\n",
    )];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::SETTING_UNKNOWN, CASES);
    }
}
