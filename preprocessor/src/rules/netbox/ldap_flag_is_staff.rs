//! `netbox/ldap-flag-is-staff`: `AUTH_LDAP_USER_FLAGS_BY_GROUP` maps a group to `is_staff`, which
//! NetBox's user model no longer has since 4.5.
//!
//! ## What it does
//! Finds the key `"is_staff"` in `AUTH_LDAP_USER_FLAGS_BY_GROUP` of `ldap_config.py` (the file
//! NetBox hands to django-auth-ldap) when the target NetBox is 4.5 or later. netbox-docker's own
//! `ldap_config.py` is left alone (nothing there for the administrator to change).
//!
//! ## Why is this bad?
//! django-auth-ldap sets each flag with `setattr(user, field, value)`, which on NetBox 4.5 and
//! later only sets a Python attribute nothing reads: membership of that group grants nothing.
//! Staff access in NetBox 4 comes from groups and permissions, or `is_superuser`.
//!
//! ## Example
//! `AUTH_LDAP_USER_FLAGS_BY_GROUP = {"is_active": ACTIVE, "is_staff": STAFF, "is_superuser": ADMINS}`
//!
//! Use instead: drop `"is_staff"`; give that group NetBox permissions with
//! `AUTH_LDAP_MIRROR_GROUPS` or `AUTH_LDAP_FIND_GROUP_PERMS`, or make it `"is_superuser"`.

use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `"is_staff"` in `AUTH_LDAP_USER_FLAGS_BY_GROUP` on NetBox 4.5 and later.
pub const LDAP_FLAG_IS_STAFF: Rule = Rule {
    id: "netbox/ldap-flag-is-staff",
    severity: Severity::Warning,
    summary: "`AUTH_LDAP_USER_FLAGS_BY_GROUP` sets `is_staff`, which NetBox's user model no longer has since 4.5: membership of that group grants nothing",
    help: "remove the `\"is_staff\"` entry; grant that group's access with NetBox groups and permissions (AUTH_LDAP_MIRROR_GROUPS, AUTH_LDAP_FIND_GROUP_PERMS) or `\"is_superuser\"`",
    fact: "facts §1.2 (v4.5.0 removed the is_staff field: users migration 0013_user_remove_is_staff; NetBox 4.6.8 users/models/users.py defines none); django-auth-ldap 5.4.0 backend.py L686-696 (`_populate_user_from_group_memberships`: `setattr(self._user, field, value)` for each key of USER_FLAGS_BY_GROUP); NetBox 4.6.8 netbox/authentication/__init__.py L363-366 (every AUTH_LDAP_* name of ldap_config.py becomes django-auth-ldap's setting)",
    applies: Applies::netbox_since(4, 5, 0),
};

pub fn ldap_flag_is_staff(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(flags) = nb.get("AUTH_LDAP_USER_FLAGS_BY_GROUP") else { return };
    if !nb.is_ldap_setting(flags) || nb.is_netbox_docker_own(flags) {
        return;
    }
    let ValueKind::Dict(items) = &flags.value.kind else { return };
    for (key, _) in items.iter().filter(|(k, _)| k.as_str() == Some("is_staff")) {
        out.push(Finding::in_block(
            &LDAP_FLAG_IS_STAFF,
            flags.block,
            key.range.clone(),
            "django-auth-ldap sets `is_staff` on the user with setattr, but NetBox 4.5 removed that field from its user model: the attribute is never saved nor read, so membership of this group grants nothing",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases_in;

    const FLAGS: &str = "AUTH_LDAP_SERVER_URI = 'ldaps://dc01.example.com'\nAUTH_LDAP_USER_FLAGS_BY_GROUP = {\n    'is_active': 'cn=netbox,dc=example,dc=com',\n    'is_staff': 'cn=staff,dc=example,dc=com',\n    'is_superuser': 'cn=admins,dc=example,dc=com',\n}\n";

    /// (rule, target NetBox, an ldap_config.py that makes it fire on the given line, a close one
    /// that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // The key's own line; without it, nothing.
        (
            "netbox/ldap-flag-is-staff",
            "4.7",
            FLAGS,
            4,
            "AUTH_LDAP_SERVER_URI = 'ldaps://dc01.example.com'\nAUTH_LDAP_USER_FLAGS_BY_GROUP = {\n    'is_active': 'cn=netbox,dc=example,dc=com',\n    'is_superuser': 'cn=admins,dc=example,dc=com',\n}\n",
        ),
        // NetBox 4.4 still had the field.
        ("netbox/ldap-flag-is-staff", "4.5", FLAGS, 4, "X = 1\n"),
        ("netbox/ldap-flag-is-staff", "4.4", "X = 1\n", 0, FLAGS),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases_in(&super::LDAP_FLAG_IS_STAFF, "ldap_config.py", CASES);
    }

    #[test]
    fn not_in_configuration_py() {
        // configuration.py's AUTH_LDAP_* names never reach django-auth-ldap (another rule says so).
        let chapter = format!("# t\n\n```python,check=netbox,file=configuration.py\n{FLAGS}```\n");
        assert!(!crate::rules::testing::fired_chapter(&chapter).contains(&"netbox/ldap-flag-is-staff"));
    }
}
