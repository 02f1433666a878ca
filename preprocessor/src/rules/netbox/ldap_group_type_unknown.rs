//! `netbox/ldap-group-type-unknown`: netbox-docker's `AUTH_LDAP_GROUP_TYPE` variable names no
//! group type of django-auth-ldap.
//!
//! ## What it does
//! Finds `AUTH_LDAP_GROUP_TYPE` in netbox-docker's environment (its env file or a compose file's
//! `environment:`) whose value is not the name of one of django-auth-ldap's group types that
//! take no argument (`GroupOfNamesType`, `PosixGroupType`, …), while the deployment signs in
//! with NetBox's `LDAPBackend` and no Python file sets `AUTH_LDAP_GROUP_TYPE` itself.
//!
//! ## Why is this bad?
//! netbox-docker's `ldap_config.py` turns the variable into the setting with
//! `getattr(django_auth_ldap.config, name)()` and returns `None` when that fails, without a
//! word. django-auth-ldap then raises `ImproperlyConfigured: AUTH_LDAP_GROUP_TYPE must be an
//! LDAPGroupType instance.` as soon as it looks at a user's groups, which netbox-docker makes it
//! do at every sign-in (`AUTH_LDAP_FIND_GROUP_PERMS` defaults to true, and a required group is
//! checked there too): no LDAP user can sign in.
//!
//! ## Example
//! `AUTH_LDAP_GROUP_TYPE=groupOfNames` (the object class, not the type's class name)
//!
//! Use instead: `AUTH_LDAP_GROUP_TYPE=GroupOfNamesType`.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// netbox-docker's `AUTH_LDAP_GROUP_TYPE` names no django-auth-ldap group type.
pub const LDAP_GROUP_TYPE_UNKNOWN: Rule = Rule {
    id: "netbox/ldap-group-type-unknown",
    severity: Severity::Error,
    summary: "the `AUTH_LDAP_GROUP_TYPE` variable of netbox-docker's environment is not the class name of a django-auth-ldap group type (`groupOfNames` for `GroupOfNamesType`): the setting becomes None and LDAP sign-in fails",
    help: "name the class: GroupOfNamesType, NestedGroupOfNamesType, GroupOfUniqueNamesType, NestedGroupOfUniqueNamesType, PosixGroupType, ActiveDirectoryGroupType, NestedActiveDirectoryGroupType, OrganizationalRoleGroupType or NestedOrganizationalRoleGroupType",
    fact: "netbox-docker configuration/ldap/ldap_config.py (3.0.2 L19-24 and L84; the same code at commit 097bea87, L18-23 and L60): `_import_group_type(name)` returns `getattr(import_module('django_auth_ldap.config'), name)()`, or None on any exception, and `AUTH_LDAP_GROUP_TYPE = _import_group_type(environ.get('AUTH_LDAP_GROUP_TYPE', 'GroupOfNamesType'))`; `AUTH_LDAP_FIND_GROUP_PERMS` defaults to 'True' (3.0.2 L100). django-auth-ldap 5.4.0 backend.py L921-932: `_init_group_settings` raises `ImproperlyConfigured(\"AUTH_LDAP_GROUP_TYPE must be an LDAPGroupType instance.\")` when GROUP_TYPE is None, whenever a user's groups are read (`_get_groups`: group permissions, the required group, the user flags). The classes that take no argument are the same in django-auth-ldap 2.0.0, 4.1.0 and 5.4.0 config.py (MemberDNGroupType and NestedMemberDNGroupType need `member_attr`, so they too give None)",
    applies: Applies::Always,
};

/// django-auth-ldap's group types that `getattr(config, name)()` can make (no required argument).
const GROUP_TYPES: &[&str] = &[
    "PosixGroupType",
    "GroupOfNamesType",
    "NestedGroupOfNamesType",
    "GroupOfUniqueNamesType",
    "NestedGroupOfUniqueNamesType",
    "ActiveDirectoryGroupType",
    "NestedActiveDirectoryGroupType",
    "OrganizationalRoleGroupType",
    "NestedOrganizationalRoleGroupType",
];

const LDAP_BACKEND: &str = "netbox.authentication.LDAPBackend";

pub fn ldap_group_type_unknown(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(var) = nb.environment_variable("AUTH_LDAP_GROUP_TYPE") else { return };
    // A Python file of the deployment that sets the setting itself replaces netbox-docker's line.
    if nb.get("AUTH_LDAP_GROUP_TYPE").is_some_and(|s| !nb.is_from_environment(s)) {
        return;
    }
    // Only LDAP sign-in reads it (netbox-docker loads ldap_config.py for the LDAP backend).
    if !nb.backends().is_some_and(|b| b.iter().any(|b| b == LDAP_BACKEND)) {
        return;
    }
    let Some(name) = var.value.as_str() else { return };
    if GROUP_TYPES.contains(&name) {
        return;
    }
    // The object class a type is named after (`groupOfNames` → GroupOfNamesType); a mere prefix
    // (`group`, Active Directory's class) would name the wrong type.
    let near = GROUP_TYPES.iter().find(|t| t.strip_suffix("Type").is_some_and(|c| c.eq_ignore_ascii_case(name))).copied();
    let message = format!(
        "netbox-docker's ldap_config.py makes this setting with `getattr(config, {:?})()` on django-auth-ldap's config module, which has no group type of that name (or none it can make without arguments), so the setting is None and every LDAP sign-in stops with `ImproperlyConfigured: AUTH_LDAP_GROUP_TYPE must be an LDAPGroupType instance.`",
        name
    );
    let finding = Finding::in_block(&LDAP_GROUP_TYPE_UNKNOWN, var.block, var.value.range.clone(), message);
    out.push(match near {
        Some(near) => finding.with_help(format!("name the class: `AUTH_LDAP_GROUP_TYPE={near}`")),
        None => finding,
    });
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_fires_in_chapter as assert_fires, assert_quiet_in_chapter as assert_quiet};

    const RULE: &str = "netbox/ldap-group-type-unknown";

    /// netbox-docker's environment with the LDAP backend; the variable on line 2.
    fn env(lines: &str) -> String {
        format!("# t\n\n```sh,check=env\nREMOTE_AUTH_BACKEND=netbox.authentication.LDAPBackend\n{lines}```\n")
    }

    #[test]
    fn fires_on_an_object_class_and_stays_quiet_on_a_class_name() {
        assert_fires("netbox/ldap-group-type-unknown", &env("AUTH_LDAP_GROUP_TYPE=groupOfNames\n"), 2);
        // compose-go's `NAME: value` form.
        assert_fires("netbox/ldap-group-type-unknown", &env("AUTH_LDAP_GROUP_TYPE: \"posixGroup\"\n"), 2);
        // A type that needs an argument is made None as well.
        assert_fires("netbox/ldap-group-type-unknown", &env("AUTH_LDAP_GROUP_TYPE=MemberDNGroupType\n"), 2);
        assert_quiet("netbox/ldap-group-type-unknown", &env("AUTH_LDAP_GROUP_TYPE=GroupOfNamesType\n"));
        assert_quiet(RULE, &env("AUTH_LDAP_GROUP_TYPE=NestedActiveDirectoryGroupType\n"));
        // Unknown values are not judged.
        assert_quiet(RULE, &env("AUTH_LDAP_GROUP_TYPE=${GROUP_TYPE}\n"));
    }

    #[test]
    fn the_fix_names_the_type_of_the_object_class_only() {
        let help = |line: &str| {
            crate::rules::testing::diagnostics(&env(line), &crate::config::Settings::default())
                .into_iter()
                .find(|d| d.rule == RULE)
                .map(|d| d.help.into_owned())
                .unwrap()
        };
        assert_eq!(help("AUTH_LDAP_GROUP_TYPE=groupOfUniqueNames\n"), "name the class: `AUTH_LDAP_GROUP_TYPE=GroupOfUniqueNamesType`");
        // Active Directory's object class `group` is no prefix to go by: the list, not a guess.
        assert!(help("AUTH_LDAP_GROUP_TYPE=group\n").contains("ActiveDirectoryGroupType, NestedActiveDirectoryGroupType"));
    }

    #[test]
    fn quiet_without_the_ldap_backend_or_with_a_python_setting() {
        let oidc = "# t\n\n```sh,check=env\nREMOTE_AUTH_BACKEND=social_core.backends.open_id_connect.OpenIdConnectAuth\nAUTH_LDAP_GROUP_TYPE=groupOfNames\n```\n";
        assert_quiet(RULE, oidc);
        let own = format!(
            "{}\n```python,check=netbox,file=ldap_config.py\nfrom django_auth_ldap.config import GroupOfNamesType\nAUTH_LDAP_GROUP_TYPE = GroupOfNamesType()\n```\n",
            env("AUTH_LDAP_GROUP_TYPE=groupOfNames\n")
        );
        assert_quiet(RULE, &own);
    }
}
