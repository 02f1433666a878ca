//! `netbox/setting-removed`: A parameter the target NetBox no longer has.

use super::parameters::{NETBOX, Status, removal_reason};
use super::shared::{Verdict, judge_parameters};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A parameter the target NetBox no longer has.
///
/// Source: `data/netbox-settings.json`, NetBox's own `netbox/settings.py` read at every final
/// release 1.0.0 … 4.7.3 (`tools/inventories/netbox_settings.py`): the release named is the first
/// that stopped reading the name, and the replacement the one NetBox's last warning about it names
/// (`SENTRY_DSN`: "Use SENTRY_CONFIG instead", 4.6.x).
pub const SETTING_REMOVED: Rule = Rule {
    id: "netbox/setting-removed",
    severity: Severity::Warning,
    summary: "a parameter removed before the target NetBox version (`NAPALM_*` in 3.6.1, the `DATE_FORMAT` family in 4.0, `REMOTE_AUTH_STAFF_*` in 4.5, the `SENTRY_DSN` family in 4.7, …)",
    help: "remove the line, or move its value to the parameter that replaced it",
    fact: "NetBox's settings.py at every release 1.0.0 … 4.7.3 (data/netbox-settings.json, tools/inventories/); reasons: facts §1.2; nixpkgs' NetBox module sets `GIT_PATH = \"${pkgs.gitMinimal}/bin/git\"` in `services.netbox.settings` unconditionally (nixos/modules/services/web-apps/netbox.nix), so a /nix/store path there is the module's line, which the message says (corpus ruling F, t43)",
    applies: Applies::Always,
};

pub fn setting_removed(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    judge_parameters(d, &SETTING_REMOVED, out, |setting, known| {
        let name = setting.name.as_str();
        let Some(Status::Removed(since)) = NETBOX.status(name, targets.netbox) else { return None };
        let replacement = known.replaced_by.as_deref();
        let reason = removal_reason(name);
        let why = match (replacement, reason) {
            (Some(new), _) => format!(" (use `{new}` instead)"),
            (None, Some(why)) => format!(" ({why})"),
            (None, None) => String::new(),
        };
        // nixpkgs' NetBox module writes `GIT_PATH = "${pkgs.gitMinimal}/bin/git"` into every host's
        // configuration.py, unconditionally (nixos/modules/services/web-apps/netbox.nix): the
        // line is the module's, and nothing on the host removes it (blind ruling F, corpus t43).
        if name == "GIT_PATH" && setting.value.as_str().is_some_and(|path| path.starts_with("/nix/store/")) {
            return Some(Verdict {
                message: format!(
                    "NetBox {since} removed `{name}`; NetBox {} ignores it (NixOS's NetBox module writes this line itself: it has no effect, and nothing on the host needs changing)",
                    targets.netbox
                ),
                help: Some("nothing to do on the host: the line is nixpkgs' module's; it can only be dropped there".to_owned()),
            });
        }
        Some(Verdict {
            message: format!("NetBox {since} removed `{name}`; NetBox {} ignores it{why}", targets.netbox),
            help: match (replacement, reason) {
                (Some(new), _) => Some(format!("move its value into `{new}` and remove the line")),
                // Gone for a reason, not renamed: nothing takes its value.
                (None, Some(_)) => Some("remove the line: no parameter took its place".to_owned()),
                (None, None) => None,
            },
        })
    });
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, findings};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        ("netbox/setting-removed", "4.7", "SENTRY_DSN = 'https://x@sentry.example/1'\n", 1, "SENTRY_CONFIG = {}\n"),
        ("netbox/setting-removed", "4.6", "X = 1\n", 0, "SENTRY_DSN = 'https://x@sentry.example/1'\n"),
        // not in the hand-written table of old: found in settings.py's history
        ("netbox/setting-removed", "4.7", "NAPALM_USERNAME = 'netbox'\n", 1, "X = 1\n"),
        ("netbox/setting-removed", "3.6", "X = 1\n", 0, "NAPALM_USERNAME = 'netbox'\n"),
        ("netbox/setting-removed", "3.0", "CACHE_TIMEOUT = 900\n", 1, "X = 1\n"),
        ("netbox/setting-removed", "2.11", "X = 1\n", 0, "CACHE_TIMEOUT = 900\n"),
        // GIT_PATH left settings.py in 3.7.2: removed for 3.7.2, not for the 3.7 series
        ("netbox/setting-removed", "3.7.2", "GIT_PATH = '/usr/bin/git'\n", 1, "X = 1\n"),
        ("netbox/setting-removed", "3.7", "X = 1\n", 0, "GIT_PATH = '/usr/bin/git'\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::SETTING_REMOVED, CASES);
    }

    #[test]
    fn the_finding_names_the_release_and_the_replacement_netbox_names() {
        let found = findings("SENTRY_DSN = 'https://x@sentry.example/1'\nNAPALM_ARGS = {}\n", "4.7");
        assert_eq!(
            found,
            vec![
                (
                    "netbox/setting-removed",
                    "NetBox 4.7.0 removed `SENTRY_DSN`; NetBox 4.7.0 ignores it (use `SENTRY_CONFIG` instead)".to_owned(),
                    "move its value into `SENTRY_CONFIG` and remove the line".to_owned()
                ),
                (
                    "netbox/setting-removed",
                    "NetBox 3.6.1 removed `NAPALM_ARGS`; NetBox 4.7.0 ignores it".to_owned(),
                    super::SETTING_REMOVED.help.to_owned()
                ),
            ]
        );
    }

    /// NixOS's module writes GIT_PATH with a store path (corpus t43): the finding says the line is
    /// the module's and asks nothing of the host; a path of one's own keeps the plain help.
    #[test]
    fn nixos_modules_own_git_path_asks_nothing_of_the_host() {
        let found = findings("GIT_PATH = '/nix/store/0000-git-minimal-2.51.0/bin/git'\n", "4.5");
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("NixOS's NetBox module writes this line itself"), "{found:?}");
        assert!(found[0].2.starts_with("nothing to do on the host"), "{found:?}");
        let own = findings("GIT_PATH = '/usr/bin/git'\n", "4.5");
        assert_eq!(own[0].2, super::SETTING_REMOVED.help);
    }

    /// Trial 6's installer: the date formats went for a reason and nothing took their value,
    /// so the help does not send the reader looking for a replacement.
    #[test]
    fn a_parameter_removed_for_a_reason_is_only_to_be_removed() {
        let found = findings("DATE_FORMAT = 'N j, Y'\n", "4.1");
        assert_eq!(
            found,
            vec![(
                "netbox/setting-removed",
                "NetBox 4.0.0 removed `DATE_FORMAT`; NetBox 4.1.0 ignores it (NetBox 4.0 shows every date and time in ISO 8601 format, #15735)".to_owned(),
                "remove the line: no parameter took its place".to_owned()
            )]
        );
        let found = findings("SHORT_TIME_FORMAT = 'H:i:s'\n", "4.1");
        assert!(found[0].1.contains("(NetBox 4.0 shows every date and time in ISO 8601 format, #15735)"), "{found:?}");
    }
}
