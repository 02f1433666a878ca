//! `netbox/pipeline-default-groups`: A custom pipeline that drops NetBox's default-groups step.

use super::shared::{DEFAULT_GROUPS_HANDLER, at_value};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A custom pipeline that drops NetBox's default-groups step.
pub const PIPELINE_DEFAULT_GROUPS: Rule = Rule {
    id: "netbox/pipeline-default-groups",
    severity: Severity::Warning,
    summary: "a custom `SOCIAL_AUTH_PIPELINE` without `netbox.authentication.user_default_groups_handler`",
    help: "keep 'netbox.authentication.user_default_groups_handler' in the pipeline (after 'social_core.pipeline.user.create_user')",
    fact: "facts §1.2 (REMOTE_AUTH_DEFAULT_GROUPS reaches social-auth users only through that step), §1.3 (NetBox's default pipeline), §3.4 (the Authentik guide's pipeline omits it)",
    applies: Applies::netbox_since(3, 2, 6),
};

pub fn pipeline_default_groups(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_PIPELINE") else { return };
    let Some(steps) = setting.value.items() else { return };
    if !setting.value.is_known() || steps.iter().any(|s| s.as_str() == Some(DEFAULT_GROUPS_HANDLER)) {
        return;
    }
    // Only default groups that are set can be lost: none set (or unknown, from the
    // environment), nothing for a reader to fix.
    let Some(groups) = d.netbox.get("REMOTE_AUTH_DEFAULT_GROUPS") else { return };
    if groups.value.truthy() != Some(true) {
        return;
    }
    let names: Vec<String> =
        groups.value.items().unwrap_or_default().iter().filter_map(|g| g.as_str().map(|s| format!("'{s}'"))).collect();
    let which = if names.is_empty() { String::new() } else { format!(" ({})", names.join(", ")) };
    out.push(at_value(
        &PIPELINE_DEFAULT_GROUPS,
        setting,
        &setting.value,
        format!("this pipeline drops NetBox's `user_default_groups_handler` step, so the groups in REMOTE_AUTH_DEFAULT_GROUPS{which} are never given to users who sign in through python-social-auth (the single sign-on runs this pipeline), whichever identity provider it is"),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/pipeline-default-groups",
            "4.7",
            "REMOTE_AUTH_DEFAULT_GROUPS = ['staff']\nSOCIAL_AUTH_PIPELINE = ('social_core.pipeline.social_auth.social_details', 'social_core.pipeline.user.create_user')\n",
            2,
            "REMOTE_AUTH_DEFAULT_GROUPS = ['staff']\nSOCIAL_AUTH_PIPELINE = ('social_core.pipeline.user.create_user', 'netbox.authentication.user_default_groups_handler')\n",
        ),
        // No default groups set (or none): nothing is lost.
        (
            "netbox/pipeline-default-groups",
            "4.7",
            "REMOTE_AUTH_DEFAULT_GROUPS = ['staff']\nSOCIAL_AUTH_PIPELINE = ('social_core.pipeline.user.create_user',)\n",
            2,
            "REMOTE_AUTH_DEFAULT_GROUPS = []\nSOCIAL_AUTH_PIPELINE = ('social_core.pipeline.user.create_user',)\n",
        ),
        (
            "netbox/pipeline-default-groups",
            "4.7",
            "REMOTE_AUTH_DEFAULT_GROUPS = ('staff',)\nSOCIAL_AUTH_PIPELINE = ('social_core.pipeline.user.create_user',)\n",
            2,
            "SOCIAL_AUTH_PIPELINE = ('social_core.pipeline.user.create_user',)\n",
        ),
    ];

    /// The message names no identity provider the configuration does not (a Google sign-on
    /// was told "Authentik"; found by the false-finding hunt of 2026-12-02).
    #[test]
    fn the_message_names_no_provider() {
        let (message, _) = crate::rules::netbox::testing::finding_in(
            "netbox/pipeline-default-groups",
            "configuration.py",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.google.GoogleOAuth2'\nREMOTE_AUTH_DEFAULT_GROUPS = ['Guest']\nSOCIAL_AUTH_PIPELINE = ('social_core.pipeline.user.create_user',)\n",
            "4.7",
        );
        assert!(message.contains("('Guest')") && !message.contains("Authentik"), "{message}");
    }

    #[test]
    fn the_message_names_the_groups_of_the_input() {
        let got = crate::rules::testing::messages(
            "REMOTE_AUTH_DEFAULT_GROUPS = ['staff', 'readers']\nSOCIAL_AUTH_PIPELINE = ('social_core.pipeline.user.create_user',)\n",
            "",
            "",
        );
        let message = got.iter().find(|(r, _)| *r == "netbox/pipeline-default-groups").map(|(_, m)| m.as_str());
        assert!(message.is_some_and(|m| m.contains("('staff', 'readers')")), "{got:#?}");
    }

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::PIPELINE_DEFAULT_GROUPS, CASES);
    }
}
