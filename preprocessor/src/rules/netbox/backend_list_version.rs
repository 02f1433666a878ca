//! `netbox/backend-list-version`: A list of backends on NetBox before 3.4.8.

use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A list of backends on NetBox before 3.4.8.
pub const BACKEND_LIST_VERSION: Rule = Rule {
    id: "netbox/backend-list-version",
    severity: Severity::Error,
    summary: "`REMOTE_AUTH_BACKEND` is a list or tuple, which NetBox accepts only from 3.4.8 on",
    help: "give a single backend as a string, or target NetBox 3.4.8 or later",
    fact: "facts §1.2 (before v3.4.8 only a single string worked; commit 571d33e66)",
    applies: Applies::netbox_before(3, 4, 8),
};

pub fn backend_list_version(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    if let Some(setting) = d.netbox.get("REMOTE_AUTH_BACKEND")
        && matches!(setting.value.kind, ValueKind::List(_) | ValueKind::Tuple(_))
    {
        out.push(at_value(
            &BACKEND_LIST_VERSION,
            setting,
            &setting.value,
            format!("NetBox {} inserts `REMOTE_AUTH_BACKEND` into the backend list as one element, so a {} breaks authentication; lists are accepted from 3.4.8 on", targets.netbox, setting.value.type_name()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/backend-list-version",
            "3.4",
            "REMOTE_AUTH_BACKEND = ['social_core.backends.open_id_connect.OpenIdConnectAuth']\n",
            1,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n",
        ),
        (
            "netbox/backend-list-version",
            "3.4.8",
            "X = 1\n",
            0,
            "REMOTE_AUTH_BACKEND = ['social_core.backends.open_id_connect.OpenIdConnectAuth']\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::BACKEND_LIST_VERSION, CASES);
    }
}
