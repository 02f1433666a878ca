//! `netbox/pipeline-step-module-path`: a `SOCIAL_AUTH_PIPELINE` step named in the module
//! `configuration`, a name under which NetBox never imports its configuration.
//!
//! A sibling of `netbox/pipeline-step-unknown`, not an extension of it: that rule knows
//! social-core's own steps from its releases; this one rests on how NetBox loads its
//! configuration, and its fix is to move the function, not to correct a path.

use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A pipeline step `configuration.<function>`: no module `configuration` can be imported.
pub const PIPELINE_STEP_MODULE_PATH: Rule = Rule {
    id: "netbox/pipeline-step-module-path",
    severity: Severity::Error,
    summary: "a `SOCIAL_AUTH_PIPELINE` step in the module `configuration` (`configuration.map_groups`, a function written in configuration.py): NetBox imports its configuration as `netbox.configuration` or by its path, never as `configuration`, so the step cannot be imported and every sign-on fails when the pipeline reaches it",
    help: "move the function into a module of its own that NetBox's Python path reaches (as the guide's custom_pipeline.py) and name the step by that module",
    fact: "social-core runs each step through `module_member(name)`: `import_module` of what precedes the last dot, then `getattr` (social_core/utils.py lines 65-68, social-auth-core 5.2.0; called from backends/base.py line 159 when the pipeline runs, after the identity provider sent the user back). NetBox imports configuration.py as `netbox.configuration` (settings.py v2.0.0 line 9, v3.7.0 line 50; 4.6.8 settings_utils.py line 183), a pip install by its path as `netbox_local_configuration`, with its directory on sys.path only while the file runs (4.6.8 settings_utils.py lines 100-136, 170), and netbox-docker 3.0.2 as `netbox.configuration.configuration` (docker/configuration.docker.py `read_configurations`). Seen on NetBox 4.6.8: with the step in settings, `module_member('configuration.map_groups')` raises ModuleNotFoundError: No module named 'configuration', while `netbox.configuration.map_groups` resolves",
    applies: Applies::Always,
};

/// The module NetBox's configuration file would have if it were importable by its file name.
const MODULE: &str = "configuration";

pub fn pipeline_step_module_path(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_PIPELINE") else { return };
    let Some(steps) = setting.value.items() else { return };
    for step in steps {
        let Some(path) = step.as_str() else { continue };
        let Some((module, function)) = path.rsplit_once('.') else { continue };
        if module != MODULE || function.is_empty() {
            continue;
        }
        out.push(at_value(
            &PIPELINE_STEP_MODULE_PATH,
            setting,
            step,
            format!(
                "no module `{MODULE}` can be imported: NetBox loads configuration.py under another name (netbox.configuration in a checkout, or by its path), so when the pipeline reaches `{}`, after the identity provider sent the user back, importing it fails with ModuleNotFoundError and the sign-on ends in an error",
                path.escape_debug()
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // A step written in configuration.py, named by the file (corpus case t75).
        (
            "netbox/pipeline-step-module-path",
            "4.6",
            "SOCIAL_AUTH_PIPELINE = (\n    'social_core.pipeline.social_auth.associate_user',\n    'configuration.map_groups',\n    'social_core.pipeline.user.user_details',\n)\n",
            3,
            // The same function in a module of its own, and NetBox's module path.
            "SOCIAL_AUTH_PIPELINE = (\n    'social_core.pipeline.social_auth.associate_user',\n    'custom_pipeline.map_groups',\n    'netbox.configuration.map_groups',\n    'myorg.configuration.map_groups',\n)\n",
        ),
        (
            "netbox/pipeline-step-module-path",
            "4.7",
            "SOCIAL_AUTH_PIPELINE = ['configuration.add_groups']\n",
            1,
            "SOCIAL_AUTH_PIPELINE = ['configuration']\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::PIPELINE_STEP_MODULE_PATH, CASES);
    }

    #[test]
    fn the_message_names_the_step() {
        let (message, _) =
            finding_of("netbox/pipeline-step-module-path", "SOCIAL_AUTH_PIPELINE = ('configuration.map_groups',)\n", "4.7");
        assert!(message.contains("when the pipeline reaches `configuration.map_groups`"), "{message}");
    }
}
