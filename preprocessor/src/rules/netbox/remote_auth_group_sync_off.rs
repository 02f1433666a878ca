//! `netbox/remote-auth-group-sync-off`: group settings of header authentication while group sync
//! is off.
//!
//! ## What it does
//! With NetBox's `RemoteUserBackend`, finds `REMOTE_AUTH_GROUP_HEADER`, `REMOTE_AUTH_SUPERUSERS`,
//! `REMOTE_AUTH_SUPERUSER_GROUPS` and the other group settings set to something other than
//! NetBox's default while `REMOTE_AUTH_GROUP_SYNC_ENABLED` is off (NetBox's default, and
//! netbox-docker's).
//!
//! ## Why is this bad?
//! NetBox reads the group header and decides superusers only when group sync is on: the groups
//! the proxy sends never arrive, and the users named never become superusers.
//!
//! ## Example
//! `REMOTE_AUTH_GROUP_HEADER = 'HTTP_X_AUTHENTIK_GROUPS'` without
//! `REMOTE_AUTH_GROUP_SYNC_ENABLED = True`.

use super::shared::{header_backend, truthy};
use crate::finding::{Finding, Rule, Severity};
use crate::model::NetboxConfig;
use crate::parse::netbox::{Setting, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// Group settings that do nothing while group sync is off.
pub const REMOTE_AUTH_GROUP_SYNC_OFF: Rule = Rule {
    id: "netbox/remote-auth-group-sync-off",
    severity: Severity::Warning,
    summary: "with NetBox's `RemoteUserBackend`, a group setting of header authentication (`REMOTE_AUTH_GROUP_HEADER`, `REMOTE_AUTH_SUPERUSERS`, …) set while `REMOTE_AUTH_GROUP_SYNC_ENABLED` is off: groups and superusers are never taken from the proxy",
    help: "switch group sync on (`REMOTE_AUTH_GROUP_SYNC_ENABLED = True`; netbox-docker: the variable `REMOTE_AUTH_GROUP_SYNC_ENABLED=true`) if the proxy's groups should decide, or remove the line",
    fact: "NetBox 4.6.8 netbox/middleware.py L187-192: only with REMOTE_AUTH_GROUP_SYNC_ENABLED does RemoteUserMiddleware call _get_groups (L211-222, which reads REMOTE_AUTH_GROUP_HEADER and REMOTE_AUTH_GROUP_SEPARATOR); netbox/authentication/__init__.py L240-243: only then does RemoteUserBackend.authenticate call configure_groups (REMOTE_AUTH_AUTO_CREATE_GROUPS, L187; _is_superuser: REMOTE_AUTH_SUPERUSER_GROUPS and REMOTE_AUTH_SUPERUSERS, L249-251; before 4.5 _is_staff: REMOTE_AUTH_STAFF_GROUPS and REMOTE_AUTH_STAFF_USERS); settings.py L179: the default is False, as netbox-docker's (configuration/configuration.py `_environ_get_and_map('REMOTE_AUTH_GROUP_SYNC_ENABLED', 'False', _AS_BOOL)`, 3.0.2). A pipeline step that calls RemoteUserBackend's configure_groups itself reads them anyway (the NetBox charm): then nothing is said. Seen in a Portainer stack for Authentik's forward auth (tests/realworld/tuning/t128-…)",
    applies: Applies::Always,
};

/// A setting's name and a test for NetBox's default value (a line that repeats the default was
/// not written to change anything).
type GroupSetting = (&'static str, fn(&ValueKind) -> bool);

/// The settings NetBox reads only with group sync on.
const SYNC_ONLY: &[GroupSetting] = &[
    ("REMOTE_AUTH_GROUP_HEADER", |v| matches!(v, ValueKind::Str(s) if s == "HTTP_REMOTE_USER_GROUP")),
    ("REMOTE_AUTH_GROUP_SEPARATOR", |v| matches!(v, ValueKind::Str(s) if s == "|")),
    ("REMOTE_AUTH_AUTO_CREATE_GROUPS", |v| matches!(v, ValueKind::Bool(false))),
    ("REMOTE_AUTH_SUPERUSER_GROUPS", is_empty),
    ("REMOTE_AUTH_SUPERUSERS", is_empty),
];

/// Read by `_is_staff`, inside configure_groups, until NetBox 4.5 removed them.
const STAFF: &[GroupSetting] =
    &[("REMOTE_AUTH_STAFF_GROUPS", is_empty), ("REMOTE_AUTH_STAFF_USERS", is_empty)];
const STAFF_REMOVED: Version = Version::new(4, 5, 0);

fn is_empty(value: &ValueKind) -> bool {
    matches!(value, ValueKind::List(v) | ValueKind::Tuple(v) | ValueKind::Set(v) if v.is_empty())
        || matches!(value, ValueKind::Str(s) if s.is_empty())
}

/// How group sync is known to be off: the line that says so, or whose default applies.
fn sync_off(nb: &NetboxConfig) -> Option<String> {
    match nb.get("REMOTE_AUTH_GROUP_SYNC_ENABLED") {
        Some(setting) if !nb.netbox_docker_defaults().any(|d| std::ptr::eq(d, setting)) => {
            (setting.value.truthy() == Some(false)).then(|| "`REMOTE_AUTH_GROUP_SYNC_ENABLED` is off".to_owned())
        }
        Some(_) => Some("`REMOTE_AUTH_GROUP_SYNC_ENABLED` is not set, and netbox-docker's default is 'False'".to_owned()),
        None if nb.is_complete() => {
            Some("`REMOTE_AUTH_GROUP_SYNC_ENABLED` is not set, and NetBox's default is False".to_owned())
        }
        None if nb.shows_environment() && !nb.some_file_may_set_unseen_names() => Some(
            "`REMOTE_AUTH_GROUP_SYNC_ENABLED` is not set, and netbox-docker's default is 'False'".to_owned(),
        ),
        None => None,
    }
}

pub fn remote_auth_group_sync_off(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    // With header authentication off, group sync would change nothing either.
    if !header_backend(nb) || truthy(nb, "REMOTE_AUTH_ENABLED") == Some(false) {
        return;
    }
    // A pipeline step may call RemoteUserBackend's configure_groups itself (as the NetBox charm
    // does), which reads the group settings whatever the switch says.
    if nb.imports.iter().any(|i| i.name == "RemoteUserBackend" || (i.name.is_empty() && i.module.starts_with("netbox.authentication"))) {
        return;
    }
    let Some(why_off) = sync_off(nb) else { return };
    let staff = if targets.netbox < STAFF_REMOVED { STAFF } else { &[] };
    let defaults: Vec<&Setting> = nb.netbox_docker_defaults().collect();
    for (name, is_default) in SYNC_ONLY.iter().chain(staff) {
        let Some(setting) = nb.get(name) else { continue };
        if is_default(&setting.value.kind) || defaults.iter().any(|d| std::ptr::eq(*d, setting)) {
            continue;
        }
        out.push(Finding::in_block(
            &REMOTE_AUTH_GROUP_SYNC_OFF,
            setting.block,
            setting.statement.clone(),
            format!(
                "`{name}` has no effect: NetBox reads it only when group sync is on, and {why_off}, so {}",
                if name.contains("SUPERUSER") || name.contains("STAFF") {
                    "no one is made superuser (or staff) from it"
                } else {
                    "the groups the proxy sends never reach NetBox"
                }
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, assert_fires_in_chapter, assert_quiet_in_chapter, finding_of};

    const HEADER: &str = "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\n";

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/remote-auth-group-sync-off",
            "4.7",
            "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_GROUP_HEADER = 'HTTP_X_AUTHENTIK_GROUPS'\n",
            3,
            "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_GROUP_SYNC_ENABLED = True\nREMOTE_AUTH_GROUP_HEADER = 'HTTP_X_AUTHENTIK_GROUPS'\n",
        ),
        // switched off in so many words; NetBox's own defaults written out change nothing
        (
            "netbox/remote-auth-group-sync-off",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_GROUP_SYNC_ENABLED = False\nREMOTE_AUTH_SUPERUSERS = ['opsadmin']\n",
            3,
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_GROUP_SYNC_ENABLED = False\nREMOTE_AUTH_SUPERUSERS = []\nREMOTE_AUTH_GROUP_SEPARATOR = '|'\n",
        ),
        // header authentication switched off: group sync would change nothing either
        (
            "netbox/remote-auth-group-sync-off",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_SUPERUSERS = ['opsadmin']\n",
            2,
            "REMOTE_AUTH_ENABLED = False\nREMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_SUPERUSERS = ['opsadmin']\n",
        ),
        // another backend is remote-auth-header-unused's; a step calling configure_groups reads them
        (
            "netbox/remote-auth-group-sync-off",
            "4.7",
            "REMOTE_AUTH_BACKEND = ['netbox.authentication.RemoteUserBackend']\nREMOTE_AUTH_SUPERUSER_GROUPS = ['admins']\n",
            2,
            "from netbox.authentication import RemoteUserBackend\nREMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_SUPERUSER_GROUPS = ['admins']\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::REMOTE_AUTH_GROUP_SYNC_OFF, CASES);
    }

    #[test]
    fn the_message_says_why_sync_is_off() {
        let (message, _) = finding_of(
            "netbox/remote-auth-group-sync-off",
            &format!("{HEADER}REMOTE_AUTH_SUPERUSERS = ['opsadmin']\n"),
            "4.7",
        );
        assert!(message.contains("NetBox's default is False") && message.contains("no one is made superuser"), "{message}");
    }

    /// netbox-docker's variables in a compose file (a Portainer stack for Authentik's forward
    /// auth, corpus case t128): the switch left at netbox-docker's default.
    #[test]
    fn netbox_dockers_variables() {
        let compose = |extra: &str| {
            format!("# t\n\n```yaml,check=compose\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4\n    environment:\n      REMOTE_AUTH_ENABLED: \"true\"\n      REMOTE_AUTH_BACKEND: netbox.authentication.RemoteUserBackend\n      REMOTE_AUTH_GROUP_HEADER: HTTP_X_AUTHENTIK_GROUPS\n{extra}```\n")
        };
        assert_fires_in_chapter("netbox/remote-auth-group-sync-off", &compose(""), 7);
        // REMOTE_AUTH_BACKEND left at netbox-docker's default, NetBox's RemoteUserBackend
        let default_backend = compose("").replace("      REMOTE_AUTH_BACKEND: netbox.authentication.RemoteUserBackend\n", "");
        assert_fires_in_chapter("netbox/remote-auth-group-sync-off", &default_backend, 6);
        let oidc = compose("").replace("netbox.authentication.RemoteUserBackend", "social_core.backends.open_id_connect.OpenIdConnectAuth");
        assert_quiet_in_chapter("netbox/remote-auth-group-sync-off", &oidc);
        assert_quiet_in_chapter("netbox/remote-auth-group-sync-off", &compose("      REMOTE_AUTH_GROUP_SYNC_ENABLED: \"true\"\n"));
    }
}
