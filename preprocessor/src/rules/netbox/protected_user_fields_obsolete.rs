//! `netbox/protected-user-fields-obsolete`: The social-core 4.3.0 workaround that became a no-op.

use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The social-core 4.3.0 workaround that became a no-op.
pub const PROTECTED_USER_FIELDS_OBSOLETE: Rule = Rule {
    id: "netbox/protected-user-fields-obsolete",
    severity: Severity::Info,
    summary: "`SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['groups']` on NetBox 3.4.7 or later, where nothing puts `groups` into the user details",
    help: "remove it; keep it only if a custom pipeline step puts `groups` into the user details",
    fact: "facts §2.2 (needed only with social-core 4.3.0, NetBox 3.2.5 to 3.4.6; `groups` left the OIDC details in 4.4.0), §6 items 4-5",
    applies: Applies::netbox_since(3, 4, 7),
};

pub fn protected_user_fields_obsolete(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_PROTECTED_USER_FIELDS") else { return };
    // A pipeline step of the book's own (not social-core's or NetBox's) might put `groups` into
    // the details; then the protection may still matter.
    if let Some(pipeline) = d.netbox.get("SOCIAL_AUTH_PIPELINE") {
        let own_steps = match pipeline.value.items() {
            Some(steps) => steps.iter().any(|step| {
                step.as_str().is_none_or(|s| !s.starts_with("social_core.") && !s.starts_with("netbox.authentication."))
            }),
            None => true,
        };
        if own_steps {
            return;
        }
    }
    let Some(items) = setting.value.items() else { return };
    if let Some(groups) = items.iter().find(|i| i.as_str() == Some("groups")) {
        let message = "protecting `groups` worked around a social-core 4.3.0 bug (NetBox 3.2.5 to 3.4.6); from NetBox 3.4.7 on the OpenID Connect details carry no `groups`, so this setting does nothing";
        // The fix is where it points: the whole setting when `groups` is all it protects (remove
        // it), else the element (remove that).
        out.push(if items.len() == 1 {
            Finding::in_block(&PROTECTED_USER_FIELDS_OBSOLETE, setting.block, setting.name_range.clone(), message)
                .with_help("remove the setting: `groups` is all it protects")
        } else {
            at_value(&PROTECTED_USER_FIELDS_OBSOLETE, setting, groups, message.into())
                .with_help("remove 'groups' from the list")
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/protected-user-fields-obsolete",
            "4.7",
            "SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['groups']\n",
            1,
            "SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['first_name']\n",
        ),
        // A list spread over lines: the setting, where the fix (removing it) goes.
        (
            "netbox/protected-user-fields-obsolete",
            "4.7",
            "SOCIAL_AUTH_PROTECTED_USER_FIELDS = [\n    'groups'\n]\n",
            1,
            "SOCIAL_AUTH_PROTECTED_USER_FIELDS = [\n    'first_name'\n]\n",
        ),
        // With other fields, the element to remove.
        (
            "netbox/protected-user-fields-obsolete",
            "4.7",
            "SOCIAL_AUTH_PROTECTED_USER_FIELDS = [\n    'first_name',\n    'groups',\n]\n",
            3,
            "SOCIAL_AUTH_PROTECTED_USER_FIELDS = [\n    'first_name',\n]\n",
        ),
        (
            "netbox/protected-user-fields-obsolete",
            "3.4.6",
            "X = 1\n",
            0,
            "SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['groups']\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::PROTECTED_USER_FIELDS_OBSOLETE, CASES);
    }
}
