//! `netbox/permission-name-invalid`: a key of `REMOTE_AUTH_DEFAULT_PERMISSIONS` or
//! `DEFAULT_PERMISSIONS` that is no permission name (`<app_label>.<action>_<model>`).
//!
//! ## What it does
//! Finds a literal key without exactly one `.`, or whose part after the `.` has no `_`
//! (`'View_all'`, `'dcim.view'`), in either dict.
//!
//! ## Why is this bad?
//! NetBox splits every name as `<app_label>.<action>_<model>` (utilities/permissions.py
//! `resolve_permission`, NetBox 4.6.8 L75-92). RemoteUserBackend.configure_user catches the
//! `ValueError` of such a name, logs "Invalid permission name" and grants nothing (netbox/
//! authentication/__init__.py L285-298): users created at sign-on get none of the permission.
//! ObjectPermissionBackend looks permissions up by these names (L92-98): a name that no check
//! ever asks for grants nothing.
//!
//! ## Example
//! `REMOTE_AUTH_DEFAULT_PERMISSIONS = {'View_all': {}}`
//!
//! Use instead: one key per object type and action, `{'dcim.view_site': None, 'ipam.view_prefix': None}`,
//! or a group with the permissions in REMOTE_AUTH_DEFAULT_GROUPS.

use super::shared::no_header_backend;
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A default permission whose name NetBox cannot resolve.
pub const PERMISSION_NAME_INVALID: Rule = Rule {
    id: "netbox/permission-name-invalid",
    severity: Severity::Warning,
    summary: "a key of `REMOTE_AUTH_DEFAULT_PERMISSIONS` or `DEFAULT_PERMISSIONS` that is no permission name of the form `<app_label>.<action>_<model>` (`'View_all'`): NetBox grants nothing for it",
    help: "name each permission `<app_label>.<action>_<model>` (`dcim.view_site`), or give the users a group that holds the permissions (REMOTE_AUTH_DEFAULT_GROUPS)",
    fact: "NetBox 4.6.8 netbox/utilities/permissions.py L75-92 (`resolve_permission`: `app_label, codename = name.split('.')`, `action, model_name = codename.rsplit('_', 1)`, ValueError otherwise) and L95-109; netbox/netbox/authentication/__init__.py L285-298 (RemoteUserBackend.configure_user logs \"Invalid permission name\" for a ValueError and goes on) and L92-98 (ObjectPermissionBackend keys DEFAULT_PERMISSIONS by these names, and L110 builds `f\"{app_label}.{action}_{model}\"` for the names it looks up); seen in tests/realworld/tuning/t155-… (netbox-docker issue: `{'View_all': {}}`)",
    applies: Applies::Always,
};

pub fn permission_name_invalid(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for name in ["REMOTE_AUTH_DEFAULT_PERMISSIONS", "DEFAULT_PERMISSIONS"] {
        // With no backend that reads a header, REMOTE_AUTH_DEFAULT_PERMISSIONS does nothing at
        // all: `netbox/remote-auth-header-unused` says so.
        if name == "REMOTE_AUTH_DEFAULT_PERMISSIONS" && no_header_backend(&d.netbox) {
            continue;
        }
        let Some(setting) = d.netbox.get(name) else { continue };
        let ValueKind::Dict(pairs) = &setting.value.kind else { continue };
        for (key, _) in pairs {
            let Some(permission) = key.as_str() else { continue };
            if resolves(permission) {
                continue;
            }
            out.push(Finding::in_block(
                &PERMISSION_NAME_INVALID,
                setting.block,
                key.range.clone(),
                format!(
                    "`{}` is no permission name: NetBox reads each key of `{name}` as `<app_label>.<action>_<model>` (`dcim.view_site`), so {}",
                    permission.escape_debug(),
                    if name == "DEFAULT_PERMISSIONS" {
                        "no permission check ever asks for it and it grants nothing"
                    } else {
                        "it logs \"Invalid permission name\" when it creates a user and grants nothing"
                    }
                ),
            ));
        }
    }
}

/// Whether `resolve_permission` splits a name: one `.`, and a `_` after it.
fn resolves(permission: &str) -> bool {
    match permission.split('.').collect::<Vec<_>>().as_slice() {
        [app, codename] => !app.is_empty() && codename.rsplit_once('_').is_some_and(|(action, model)| !action.is_empty() && !model.is_empty()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    const HEADER: &str = "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\n";

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/permission-name-invalid",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_DEFAULT_PERMISSIONS = {'View_all': {}}\n",
            2,
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_DEFAULT_PERMISSIONS = {'dcim.view_site': None, 'ipam.view_prefix': {}}\n",
        ),
        (
            "netbox/permission-name-invalid",
            "4.7",
            "DEFAULT_PERMISSIONS = {'dcim.view': ()}\n",
            1,
            "DEFAULT_PERMISSIONS = {'users.view_token': ({'user': '$user'},)}\n",
        ),
        // No header backend: the whole setting is remote-auth-header-unused's.
        (
            "netbox/permission-name-invalid",
            "4.7",
            "",
            0,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nREMOTE_AUTH_DEFAULT_PERMISSIONS = {'View_all': {}}\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::PERMISSION_NAME_INVALID, CASES);
    }

    /// The message quotes the key from the file, escaped.
    #[test]
    fn the_message_names_the_key() {
        let (message, _) = finding_of("netbox/permission-name-invalid", &format!("{HEADER}REMOTE_AUTH_DEFAULT_PERMISSIONS = {{'View\\nall': {{}}}}\n"), "4.7");
        assert!(message.starts_with("`View\\nall` is no permission name"), "{message}");
    }
}
