//! `netbox/pipeline-step-unknown`: a `SOCIAL_AUTH_PIPELINE` entry under `social_core.pipeline`
//! that names no function social-core has.

use super::shared::at_value;
use crate::extract::closest_of;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A pipeline step path into social-core that does not exist.
pub const PIPELINE_STEP_UNKNOWN: Rule = Rule {
    id: "netbox/pipeline-step-unknown",
    severity: Severity::Error,
    summary: "a `SOCIAL_AUTH_PIPELINE` step under `social_core.pipeline.` that no social-core release has (`social_core.pipeline.user_details` for `social_core.pipeline.user.user_details`): every sign-on fails when the pipeline reaches it",
    help: "write the step's full path, module and function, as social-core names it",
    fact: "social-core runs each step through `module_member(name)` (social_core/utils.py: `import_module(module)` then `getattr(module, member)`) when the pipeline reaches it, after the identity provider sent the user back, so a wrong path fails there with ImportError or AttributeError; the names below are every top-level `def` of social_core/pipeline/*.py in the social-auth-core 4.0.2, 4.3.0, 4.4.0, 4.5.4, 5.2.0 and 7.0.0 wheels (read; a review compared them with 3.3.3 to 7.0.0: none was removed), and the module-level `partial.partial`",
    applies: Applies::Always,
};

/// Every function of `social_core.pipeline`'s modules in the releases read (see the rule's fact),
/// and `partial.partial` (a module-level name, not a `def`): importing any of them succeeds.
/// `social_auth.social_names` and `user.sync_groups` are in 6.0.0 and later.
const STEPS: &[&str] = &[
    "social_core.pipeline.debug.debug",
    "social_core.pipeline.disconnect.allowed_to_disconnect",
    "social_core.pipeline.disconnect.disconnect",
    "social_core.pipeline.disconnect.get_entries",
    "social_core.pipeline.disconnect.revoke_tokens",
    "social_core.pipeline.mail.mail_validation",
    "social_core.pipeline.partial.partial",
    "social_core.pipeline.partial.partial_step",
    "social_core.pipeline.social_auth._legacy_social_auth",
    "social_core.pipeline.social_auth._migrate_social_auth",
    "social_core.pipeline.social_auth.associate_by_email",
    "social_core.pipeline.social_auth.associate_user",
    "social_core.pipeline.social_auth.auth_allowed",
    "social_core.pipeline.social_auth.load_extra_data",
    "social_core.pipeline.social_auth.social_details",
    "social_core.pipeline.social_auth.social_names",
    "social_core.pipeline.social_auth.social_uid",
    "social_core.pipeline.social_auth.social_user",
    "social_core.pipeline.user.create_user",
    "social_core.pipeline.user.get_username",
    "social_core.pipeline.user.sync_groups",
    "social_core.pipeline.user.user_details",
    "social_core.pipeline.utils.is_dict_type",
    "social_core.pipeline.utils.partial_load",
    "social_core.pipeline.utils.partial_prepare",
    "social_core.pipeline.utils.partial_store",
    "social_core.pipeline.utils.to_plain_dict",
];

const PREFIX: &str = "social_core.pipeline.";

pub fn pipeline_step_unknown(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_PIPELINE") else { return };
    let Some(steps) = setting.value.items() else { return };
    for step in steps {
        let Some(path) = step.as_str() else { continue };
        if !path.starts_with(PREFIX) || STEPS.contains(&path) {
            continue;
        }
        // The same function in another module first (a module left out), then the nearest path.
        let function = path.rsplit('.').next().unwrap_or(path);
        let mut same_function = STEPS.iter().filter(|s| s.rsplit('.').next() == Some(function));
        let near = match (same_function.next(), same_function.next()) {
            (Some(one), None) => Some(*one),
            _ => closest_of(path, STEPS.iter().copied()),
        };
        let mut message = format!(
            "social-core has no `{}`: when the pipeline reaches this step, after the identity provider sent the user back, importing it fails and the sign-on ends in an error",
            path.escape_debug()
        );
        let mut finding = at_value(&PIPELINE_STEP_UNKNOWN, setting, step, String::new());
        if let Some(near) = near {
            message.push_str(&format!("; did you mean `{near}`?"));
            finding = finding.with_help(format!("write `{near}`"));
        }
        finding.message = message;
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // The module left out (an installer's generated block, corpus case h46).
        (
            "netbox/pipeline-step-unknown",
            "4.7",
            "SOCIAL_AUTH_PIPELINE = (\n    'social_core.pipeline.social_auth.social_details',\n    'social_core.pipeline.user_details',\n)\n",
            3,
            "SOCIAL_AUTH_PIPELINE = (\n    'social_core.pipeline.social_auth.social_details',\n    'social_core.pipeline.user.user_details',\n    'netbox.authentication.user_default_groups_handler',\n    'my_sso.pipeline.sync_groups',\n)\n",
        ),
        // A misspelt function.
        (
            "netbox/pipeline-step-unknown",
            "4.7",
            "SOCIAL_AUTH_PIPELINE = ['social_core.pipeline.user.create_users']\n",
            1,
            "SOCIAL_AUTH_PIPELINE = ['social_core.pipeline.user.create_user']\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::PIPELINE_STEP_UNKNOWN, CASES);
    }

    #[test]
    fn the_message_names_the_step_social_core_has() {
        let (message, help) = finding_of("netbox/pipeline-step-unknown", "SOCIAL_AUTH_PIPELINE = ('social_core.pipeline.user_details',)\n", "4.7");
        assert!(message.contains("did you mean `social_core.pipeline.user.user_details`?"), "{message}");
        assert_eq!(help, "write `social_core.pipeline.user.user_details`");
    }
}
