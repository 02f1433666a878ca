//! `netbox/setting-deprecated`: A parameter the target NetBox still reads but warns is deprecated.

use super::parameters::NETBOX;
use super::shared::{Verdict, judge_parameters};
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A parameter the target NetBox still reads but warns, at every start, is deprecated.
///
/// Source: `data/netbox-settings.json`, NetBox's own `netbox/settings.py` at every release
/// (`tools/inventories/netbox_settings.py`): a `warnings.warn` that says the parameter "is
/// deprecated" or "has been renamed", and the parameter that warning names instead. 4.7.3:
/// "JINJA2_FILTERS has been renamed to JINJA_FILTERS" (settings.py L289-293), "STORAGE_BACKEND is
/// deprecated, use the new STORAGES setting instead" (since 4.3.0). `LOGIN_REQUIRED` has a rule of
/// its own (`netbox/login-required-deprecated`) and is left to it. Some warnings test the value
/// (`if STORAGE_BACKEND is not None`), so a `None` or a value not statically known (netbox-docker
/// reads many from the environment) is not reported.
pub const SETTING_DEPRECATED: Rule = Rule {
    id: "netbox/setting-deprecated",
    severity: Severity::Warning,
    summary: "a parameter the target NetBox still reads but warns is deprecated, usually renamed (`JINJA2_FILTERS` → `JINJA_FILTERS` in 4.7, `STORAGE_BACKEND` → `STORAGES` in 4.3, `SENTRY_DSN` → `SENTRY_CONFIG` in 4.6)",
    help: "move the value to the parameter NetBox names and remove the line: the old name goes in a later release",
    fact: "NetBox's settings.py deprecation warnings at every release (data/netbox-settings.json, tools/inventories/)",
    applies: Applies::Always,
};

pub fn setting_deprecated(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    judge_parameters(d, &SETTING_DEPRECATED, out, |setting, known| {
        let name = setting.name.as_str();
        let value = &setting.value;
        if name == "LOGIN_REQUIRED"
            || d.netbox.is_chart_rendered(setting)
            || !value.is_known()
            || matches!(value.kind, ValueKind::None)
            || !NETBOX.deprecated(name, targets.netbox)
        {
            return None;
        }
        let replacement = known.replaced_by.as_deref();
        let message = match replacement {
            Some(new) => format!(
                "NetBox {} still reads `{name}` but warns at every start that it is deprecated in favour of `{new}`",
                targets.netbox
            ),
            None => format!("NetBox {} still reads `{name}` but warns at every start that it is deprecated", targets.netbox),
        };
        Some(Verdict { message, help: replacement.map(|new| format!("set `{new}` instead and remove this line")) })
    });
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, findings};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        ("netbox/setting-deprecated", "4.7", "JINJA2_FILTERS = {}\n", 1, "JINJA_FILTERS = {}\n"),
        // JINJA2_FILTERS is the only name 4.6 reads: not deprecated there
        ("netbox/setting-deprecated", "4.6", "SENTRY_DSN = 'https://x@sentry.example/1'\n", 1, "JINJA2_FILTERS = {}\n"),
        ("netbox/setting-deprecated", "4.3", "STORAGE_BACKEND = 'storages.backends.s3.S3Storage'\n", 1, "STORAGES = {}\n"),
        ("netbox/setting-deprecated", "4.2", "X = 1\n", 0, "STORAGE_BACKEND = 'storages.backends.s3.S3Storage'\n"),
        // NetBox warns only when it is not None; from the environment it may be None
        ("netbox/setting-deprecated", "4.7", "STORAGE_CONFIG = {'bucket_name': 'netbox'}\n", 1, "STORAGE_BACKEND = None\n"),
        ("netbox/setting-deprecated", "4.7", "X = 1\n", 0, "import os\nSTORAGE_BACKEND = os.environ.get('STORAGE_BACKEND')\n"),
        // left to netbox/login-required-deprecated
        ("netbox/setting-deprecated", "4.7", "X = 1\n", 0, "LOGIN_REQUIRED = True\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::SETTING_DEPRECATED, CASES);
    }

    #[test]
    fn a_renamed_parameter_is_named_by_its_new_name() {
        let found = findings("JINJA2_FILTERS = {}\n", "4.7");
        assert_eq!(
            found,
            vec![(
                "netbox/setting-deprecated",
                "NetBox 4.7.0 still reads `JINJA2_FILTERS` but warns at every start that it is deprecated in favour of `JINJA_FILTERS`".to_owned(),
                "set `JINJA_FILTERS` instead and remove this line".to_owned()
            )]
        );
    }
}
