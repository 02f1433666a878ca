//! `netbox/setting-too-new`: A parameter the target NetBox does not read yet.

use super::parameters::{NETBOX, Status};
use super::shared::{Verdict, judge_parameters};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A parameter that only a later NetBox reads: on the target it has no effect.
///
/// Source: `data/netbox-settings.json`, NetBox's own `netbox/settings.py` at every release
/// (`tools/inventories/netbox_settings.py`): the first release that reads the name. A target
/// written `X.Y` stands for every `X.Y` release, so a name first read in `X.Y.3` is not reported.
pub const SETTING_TOO_NEW: Rule = Rule {
    id: "netbox/setting-too-new",
    severity: Severity::Warning,
    summary: "a parameter the target NetBox does not read yet (`JINJA_FILTERS` before 4.7, `STORAGES` before 4.3, …): copied from a newer release's documentation, it has no effect",
    help: "upgrade NetBox, or use the parameter the target release reads",
    fact: "NetBox's settings.py at every release 1.0.0 … 4.7.3 (data/netbox-settings.json, tools/inventories/)",
    applies: Applies::Always,
};

pub fn setting_too_new(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    judge_parameters(d, &SETTING_TOO_NEW, out, |setting, _| {
        let name = setting.name.as_str();
        let Some(Status::NotYet(first)) = NETBOX.status(name, targets.netbox) else { return None };
        // the names it replaces, when the target still reads them (JINJA_FILTERS ← JINJA2_FILTERS)
        let older: Vec<String> = NETBOX
            .replaced_by_this(name)
            .into_iter()
            .filter(|old| NETBOX.reads(old, targets.netbox))
            .map(|old| format!("`{old}`"))
            .collect();
        Some(Verdict {
            message: format!("NetBox reads `{name}` only from {first}; NetBox {} ignores it", targets.netbox),
            help: (!older.is_empty()).then(|| format!("NetBox {} reads {} instead", targets.netbox, older.join(", "))),
        })
    });
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, findings};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        ("netbox/setting-too-new", "4.6", "JINJA_FILTERS = {}\n", 1, "JINJA2_FILTERS = {}\n"),
        ("netbox/setting-too-new", "4.7", "X = 1\n", 0, "JINJA_FILTERS = {}\n"),
        ("netbox/setting-too-new", "4.3", "SENTRY_CONFIG = {}\n", 1, "SENTRY_DSN = 'https://x@sentry.example/1'\n"),
        // SENTRY_CONFIG came in 4.4.2: some 4.4 release reads it
        ("netbox/setting-too-new", "4.4", "X = 1\n", 0, "SENTRY_CONFIG = {}\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::SETTING_TOO_NEW, CASES);
    }

    #[test]
    fn the_finding_names_the_first_release_and_the_old_name() {
        let found = findings("JINJA_FILTERS = {}\n", "4.6");
        assert_eq!(
            found,
            vec![(
                "netbox/setting-too-new",
                "NetBox reads `JINJA_FILTERS` only from 4.7.0; NetBox 4.6.0 ignores it".to_owned(),
                "NetBox 4.6.0 reads `JINJA2_FILTERS` instead".to_owned()
            )]
        );
    }
}
