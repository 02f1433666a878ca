//! `netbox/saml2-flag-not-user-field`: the SAML2 plugin's `FLAGS_BY_GROUP` sets a flag NetBox's
//! user model does not have, or compares a list with each group's name.
//!
//! ## What it does
//! In `PLUGINS_CONFIG['django3_saml2_nbplugin']['CUSTOM_ATTR_BACKEND']['FLAGS_BY_GROUP']`, read
//! beside `GROUP_ATTR` (the plugin reads the flags only then) and not beside an
//! `AUTHENTICATION_BACKEND` known to ignore them (`saml2-custom-attr-backend-unread`'s), reports a
//! key that is none of the user's flags (`is_active`, `is_superuser`, and `is_staff` before
//! NetBox 4.5), and a value that is a list or a tuple of groups instead of one group's name.
//!
//! ## Why is this bad?
//! When it creates a user (on every sign-in with `ALWAYS_UPDATE_USER`), SAML2CustomAttrUserBackend
//! runs `setattr(user, flag, True)` when the group's name is among the user's SAML groups
//! (`if group_name in ident_groups`), else False, then saves the user. A
//! key that is no field of the model only sets a Python attribute that is never stored, so the
//! group grants nothing; a list is never one of the group names, so the flag is set False for
//! everyone (`is_active` False deactivates every user it configures).
//!
//! ## Example
//! `'FLAGS_BY_GROUP': {'is_power_group': 'netbox-power-users'}`, or
//! `{'is_superuser': ['admins', 'ops']}`.
//!
//! Use instead: one group's name per flag, `{'is_superuser': 'admins'}`, and NetBox permissions
//! (`GROUP_MAPPINGS` to NetBox groups) for anything else.

use super::saml2::{OTHER_BACKENDS, plugin_settings};
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// `FLAGS_BY_GROUP` sets a flag the user model lacks, or gives a list of groups.
pub const SAML2_FLAG_NOT_USER_FIELD: Rule = Rule {
    id: "netbox/saml2-flag-not-user-field",
    severity: Severity::Warning,
    summary: "the SAML2 plugin's `FLAGS_BY_GROUP` names a flag NetBox's user model does not have (never stored), or gives a list of groups (never equal to a group's name, so the flag is set False for everyone)",
    help: "map each of `is_active`, `is_superuser` (and `is_staff` before NetBox 4.5) to one group's name; grant anything else with `GROUP_MAPPINGS` to NetBox groups and their permissions",
    fact: "netbox-plugin-auth-saml2 3.0 django3_saml2_nbplugin/backends.py L173-185 (2.4 L172-184): `if 'FLAGS_BY_GROUP' in be_settings and 'GROUP_ATTR' in be_settings: for flag, group_name in be_settings['FLAGS_BY_GROUP'].items(): if group_name in ident_groups: setattr(user, flag, True) else: setattr(user, flag, False)`, then user.save(), in configure_user, which RemoteUserBackend calls for a user it creates and the plugin's authenticate on every sign-in with ALWAYS_UPDATE_USER (L126-133); pysaml2's get_identity gives each attribute as a list of strings; the user model's flags: django.contrib.auth's User (is_active, is_staff, is_superuser; NetBox 3.x), NetBox 4.6.8 users/models/users.py (User(AbstractBaseUser, PermissionsMixin): is_active, and is_superuser from PermissionsMixin; is_staff removed in 4.5.0, facts §1.2). Seen in tests/realworld/tuning/t231-… (`is_power_group`, netbox-chart values) and a plugin issue giving lists (held out)",
    applies: Applies::Always,
};

/// The user model's flags a group may set (`is_staff` before NetBox 4.5).
const FLAGS: &[&str] = &["is_active", "is_superuser", "is_staff"];

/// NetBox 4.5 removed `is_staff` from its user model (facts §1.2).
const IS_STAFF_REMOVED: Version = Version::new(4, 5, 0);

pub fn saml2_flag_not_user_field(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let Some(plugin) = plugin_settings(&d.netbox) else { return };
    if plugin.authentication_backend().is_some_and(|(_, backend)| OTHER_BACKENDS.contains(&backend)) {
        return;
    }
    let Some((_, settings)) = plugin.custom_attr_backend() else { return };
    let read = |key: &str| settings.iter().find(|(k, _)| k.as_str() == Some(key)).map(|(_, value)| value);
    let (Some(flags), Some(_)) = (read("FLAGS_BY_GROUP"), read("GROUP_ATTR")) else { return };
    let ValueKind::Dict(flags) = &flags.kind else { return };
    let removed = |name: &str| name == "is_staff" && targets.netbox >= IS_STAFF_REMOVED;
    for (flag, group) in flags {
        let Some(name) = flag.as_str() else { continue };
        let (range, message) = if !FLAGS.contains(&name) || removed(name) {
            let since = if removed(name) { " (NetBox 4.5 removed it)" } else { "" };
            (
                flag.range.clone(),
                format!(
                    "`{}` is no field of NetBox's user model{since}: the plugin sets it with setattr and saves the user, but the attribute is never stored, so membership of this group grants nothing",
                    name.escape_debug()
                ),
            )
        } else if matches!(group.kind, ValueKind::List(_) | ValueKind::Tuple(_)) {
            (
                group.range.clone(),
                format!(
                    "the plugin sets `{name}` True only when this value is one of the user's SAML group names (`group_name in ident_groups`): a list never is, so `{name}` is set False for every user it configures (each new user, and every sign-in with ALWAYS_UPDATE_USER)"
                ),
            )
        } else {
            continue;
        };
        out.push(Finding::in_block(&SAML2_FLAG_NOT_USER_FIELD, plugin.config.block, range, message));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, chart_finding};

    fn plugin(flags: &str) -> String {
        format!(
            "PLUGINS_CONFIG = {{\n    'django3_saml2_nbplugin': {{\n        'CUSTOM_ATTR_BACKEND': {{\n            'GROUP_ATTR': 'groups',\n            'FLAGS_BY_GROUP': {{\n{flags}            }},\n        }},\n    }},\n}}\n"
        )
    }

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        let unknown = plugin("                'is_superuser': 'admins',\n                'is_power_group': 'power',\n");
        let list = plugin("                'is_superuser': ['admins', 'ops'],\n");
        let good = plugin("                'is_active': 'users',\n                'is_superuser': 'admins',\n");
        // Without GROUP_ATTR the plugin reads no flag; beside a backend that ignores them all,
        // saml2-custom-attr-backend-unread says so.
        let no_group_attr = list.replace("            'GROUP_ATTR': 'groups',\n", "");
        let other_backend = list.replace("    'django3_saml2_nbplugin': {\n", "    'django3_saml2_nbplugin': {\n        'AUTHENTICATION_BACKEND': 'django3_saml2_nbplugin.backends.SAML2AttrUserBackend',\n");
        let staff = plugin("                'is_staff': 'staff',\n");
        let cases: &[(&str, &str, &str, usize, &str)] = &[
            ("netbox/saml2-flag-not-user-field", "3.4", &unknown, 7, &good),
            ("netbox/saml2-flag-not-user-field", "4.7", &list, 6, &no_group_attr),
            ("netbox/saml2-flag-not-user-field", "4.7", &staff, 6, &other_backend),
            ("netbox/saml2-flag-not-user-field", "4.4", "X = 1\n", 0, &staff),
        ];
        assert_cases(&super::SAML2_FLAG_NOT_USER_FIELD, cases);
    }

    /// t231's shape: netbox-chart values, which the chart renders into PLUGINS_CONFIG.
    #[test]
    fn reads_chart_values() {
        let values = "plugins:\n  - django3_saml2_nbplugin\npluginsConfig:\n  django3_saml2_nbplugin:\n    CUSTOM_ATTR_BACKEND:\n      GROUP_ATTR: groups\n      FLAGS_BY_GROUP:\n        is_power_group: netbox-power-users\n";
        let (message, _) = chart_finding("netbox/saml2-flag-not-user-field", values);
        assert!(message.starts_with("`is_power_group` is no field of NetBox's user model"), "{message}");
    }
}
