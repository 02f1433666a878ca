//! `netbox/ldap-setting-unknown`: an `AUTH_LDAP_*` name in `ldap_config.py` that django-auth-ldap
//! does not read (`AUTH_LDAP_CACHE_GROUPS`, gone since 1.6.0): NetBox copies it onto
//! django-auth-ldap's settings, where nothing looks at it.

use std::sync::LazyLock;

use serde::Deserialize;

use super::parameters::DJANGO_BY_NAME;
use super::ldap::NETBOX_LDAP_NAMES;
use super::shared::is_upper_case;
use crate::extract::closest_of;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// An `AUTH_LDAP_*` name no current django-auth-ldap reads.
pub const LDAP_SETTING_UNKNOWN: Rule = Rule {
    id: "netbox/ldap-setting-unknown",
    severity: Severity::Warning,
    summary: "an `AUTH_LDAP_*` name in `ldap_config.py` that django-auth-ldap does not read (removed, as `AUTH_LDAP_CACHE_GROUPS`, or never one of its settings), or, in an ldap_config.py shown whole, another constant that neither NetBox nor a line of the file reads (`LDAP_AUTH_USE_TLS`, another library's name): the line has no effect",
    help: "use the name django-auth-ldap reads (its settings are listed in its documentation's reference), or remove the line",
    fact: "NetBox's LDAPBackend copies every `AUTH_LDAP_*` name of ldap_config.py onto django-auth-ldap's LDAPSettings object (NetBox 4.6.8 netbox/netbox/authentication/__init__.py L362-366, `setattr(ldap_settings, param[10:], …)`), (from 2.9.0; 2.6.0 to 2.8.x copied a fixed list of django-auth-ldap's names into Django's settings, settings.py `getattr(LDAP_CONFIG, …)`, and before 2.6.0 `from netbox.ldap_config import *` made every name a Django setting, where django-auth-ldap 1.6.0 to 2.4.0 still looked for the group cache settings they had dropped, `_name('CACHE_GROUPS')` in backend.py), and django-auth-ldap's settings object reads only the names of `LDAPSettings.defaults` (and AUTH_LDAP_GLOBAL_OPTIONS): data/django-auth-ldap-settings.json, from 27 django-auth-ldap wheels 1.2.17 to 5.4.0 (tools/inventories/django_auth_ldap_settings.py); 1.6.0 replaced CACHE_GROUPS and GROUP_CACHE_TIMEOUT with CACHE_TIMEOUT (their defaults appear and disappear together); seen in tests/realworld/tuning/t106-… (and a helper name its file reads is left alone, t108-…). Besides the AUTH_LDAP_* names, NetBox reads only LDAP_IGNORE_CERT_ERRORS, LDAP_CA_CERT_DIR and LDAP_CA_CERT_FILE from ldap_config.py (4.6.8 L368-379; the CA settings since 3.5.0, seen in the tags' authentication.py), so another constant of a file shown whole that no line of it uses is read by nothing (tests/realworld/tuning/t154-…: django-python3-ldap's LDAP_AUTH_USE_TLS; t173-…: Django's AUTHENTICATION_BACKENDS, which NetBox builds from REMOTE_AUTH_BACKEND in settings.py, 4.6.8 L579-584). netbox-docker 3.0.2 configuration/ldap/ldap_config.py reads AUTH_LDAP_USER_SEARCH_BASEDN, AUTH_LDAP_USER_SEARCH_ATTR, AUTH_LDAP_GROUP_SEARCH_BASEDN and AUTH_LDAP_GROUP_SEARCH_CLASS from the environment into top-level helpers it builds AUTH_LDAP_USER_SEARCH and AUTH_LDAP_GROUP_SEARCH from (L62-82): the environment's variables of those names have an effect (trial 6 in tests/realworld/README.md)",
    applies: Applies::netbox_since(2, 6, 0),
};

#[derive(Deserialize)]
struct Inventory {
    releases: Vec<String>,
    settings: Vec<LdapSetting>,
}

#[derive(Deserialize)]
struct LdapSetting {
    name: String,
    read: Vec<[String; 2]>,
}

/// A name of the inventory: the last release whose settings held it, and the release after that
/// (`None` for the newest).
type Known = (String, String, Option<String>);

/// `data/django-auth-ldap-settings.json`: the newest release, and each name as [`Known`].
static LDAP_SETTINGS: LazyLock<(String, Vec<Known>)> = LazyLock::new(|| {
    let inventory: Inventory = serde_json::from_str(include_str!("../../../data/django-auth-ldap-settings.json"))
        .unwrap_or(Inventory { releases: Vec::new(), settings: Vec::new() });
    let newest = inventory.releases.last().cloned().unwrap_or_default();
    let after = |release: &str| {
        let at = inventory.releases.iter().position(|r| r == release)?;
        inventory.releases.get(at + 1).cloned()
    };
    let names = inventory
        .settings
        .iter()
        .filter_map(|s| {
            let last = s.read.last()?[1].clone();
            let dropped = after(&last);
            Some((s.name.clone(), last, dropped))
        })
        .collect();
    (newest, names)
});

/// The name that took over a dropped one: 1.6.0's defaults drop both group cache settings and
/// add CACHE_TIMEOUT (the inventory), and its backend.py warns where it still finds the old ones
/// in Django's settings: 'Found deprecated setting AUTH_LDAP_CACHE_GROUP. Use
/// AUTH_LDAP_CACHE_TIMEOUT instead.' (L1005-1016).
const REPLACED_BY: &[(&str, &str)] = &[
    ("AUTH_LDAP_CACHE_GROUPS", "AUTH_LDAP_CACHE_TIMEOUT"),
    ("AUTH_LDAP_GROUP_CACHE_TIMEOUT", "AUTH_LDAP_CACHE_TIMEOUT"),
];

pub fn ldap_setting_unknown(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let (newest, names) = &*LDAP_SETTINGS;
    if names.is_empty() {
        return;
    }
    let current = || names.iter().filter(|(_, last, _)| last == newest).map(|(n, _, _)| n.as_str());
    for setting in d.netbox.own_settings() {
        let name = setting.name.as_str();
        // A helper the file builds other values from (`f'cn={AUTH_LDAP_USER_STAFF},…'`) has an
        // effect, and so has the environment's variable that netbox-docker's ldap_config.py reads
        // into such a helper (`AUTH_LDAP_USER_SEARCH_BASEDN`; trial 6 of tests/realworld/README.md).
        // netbox-chart's own names in its ldap.yaml (`AUTH_LDAP_REQUIRE_GROUP_LIST`), which its
        // ldap_config.py reads.
        if !d.netbox.is_ldap_setting(setting)
            || d.netbox.is_chart_rendered(setting)
            || d.netbox.is_read_in_its_file(setting)
            || (d.netbox.is_from_environment(setting) && d.netbox.is_read_in_ldap_file(name))
        {
            continue;
        }
        if !name.starts_with("AUTH_LDAP_") {
            if let Some(finding) = read_by_nobody(d, setting) {
                out.push(finding);
            }
            continue;
        }
        let known = names.iter().find(|(n, _, _)| n == name);
        if known.is_some_and(|(_, last, _)| last == newest) {
            continue;
        }
        let replacement = REPLACED_BY
            .iter()
            .find(|(old, _)| *old == name)
            .map(|(_, new)| *new)
            .or_else(|| closest_of(name, current()));
        let shown = name.escape_debug();
        let mut message = match known {
            Some((_, last, Some(dropped))) => format!(
                "django-auth-ldap {dropped} dropped `{shown}` from its settings (the last to hold it was {last}; none since, up to {newest}), and NetBox hands ldap_config.py's names only to those, so this line has no effect"
            ),
            _ => format!("no django-auth-ldap release reads `{shown}`, so this line has no effect"),
        };
        if let Some(new) = replacement {
            message.push_str(&format!("; did you mean `{new}`?"));
        }
        let mut finding = Finding::in_block(&LDAP_SETTING_UNKNOWN, setting.block, setting.name_range.clone(), message);
        if let Some(new) = replacement {
            finding = finding.with_help(format!("set `{new}` instead (check its meaning in django-auth-ldap's reference: a renamed setting may take another kind of value)"));
        }
        out.push(finding);
    }
}

/// An upper-case constant of ldap_config.py, shown whole, that is no `AUTH_LDAP_*` name, none of
/// [`NETBOX_LDAP_NAMES`], and that no line of its file uses (django-python3-ldap's
/// `LDAP_AUTH_USE_TLS`, corpus case h215, now t154): nothing reads it.
fn read_by_nobody(d: &Input<'_>, setting: &crate::parse::netbox::Setting) -> Option<Finding> {
    let name = setting.name.as_str();
    let constant = name.len() >= 6 && !name.starts_with('_') && is_upper_case(name);
    // A scalar written out, or a Django setting pasted in whatever its value (an
    // AUTHENTICATION_BACKENDS list meant to switch LDAP on, corpus case t173): a structure of
    // another name may be data the file's reader expects.
    let scalar = matches!(
        setting.value.kind,
        crate::parse::netbox::ValueKind::Str(_) | crate::parse::netbox::ValueKind::Int(_) | crate::parse::netbox::ValueKind::Bool(_)
    );
    let django_setting = DJANGO_BY_NAME.contains_key(name);
    if !constant || !(scalar || django_setting) || NETBOX_LDAP_NAMES.contains(&name) || !d.netbox.is_unread(setting) {
        return None;
    }
    let near = closest_of(name, NETBOX_LDAP_NAMES.iter().copied());
    let mut message = format!(
        "NetBox hands django-auth-ldap only the `AUTH_LDAP_*` names of ldap_config.py and reads {} itself; nothing reads `{}`, and no line of this file uses it, so this line has no effect",
        NETBOX_LDAP_NAMES.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", "),
        name.escape_debug()
    );
    if let Some(near) = near.filter(|_| !django_setting) {
        message.push_str(&format!("; did you mean `{near}`?"));
    }
    let help = if name == "AUTHENTICATION_BACKENDS" {
        "remove the line: NetBox builds AUTHENTICATION_BACKENDS itself, and signs in through LDAP when configuration.py sets `REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'`"
    } else {
        "use the `AUTH_LDAP_*` setting django-auth-ldap documents for it (`AUTH_LDAP_START_TLS` for StartTLS), or remove the line"
    };
    Some(Finding::in_block(&LDAP_SETTING_UNKNOWN, setting.block, setting.name_range.clone(), message).with_help(help))
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases_in, finding_in};

    const LDAP: &str = "import ldap\nAUTH_LDAP_SERVER_URI = 'ldaps://ldap.example.com'\n";

    #[test]
    fn cases() {
        let removed = format!("{LDAP}AUTH_LDAP_CACHE_GROUPS = True\nAUTH_LDAP_GROUP_CACHE_TIMEOUT = 300\n");
        let typo = format!("{LDAP}AUTH_LDAP_USER_FLAGS_BY_GROUPS = {{}}\n");
        let helper = format!("{LDAP}AUTH_LDAP_USER_STAFF = 'netbox-staff'\nAUTH_LDAP_USER_FLAGS_BY_GROUP = {{'is_superuser': f'cn={{AUTH_LDAP_USER_STAFF}},dc=example,dc=com'}}\n");
        let current = format!("{LDAP}AUTH_LDAP_CACHE_TIMEOUT = 300\nAUTH_LDAP_USER_FLAGS_BY_GROUP = {{}}\nAUTH_LDAP_GLOBAL_OPTIONS = {{}}\n");
        assert_cases_in(
            &super::LDAP_SETTING_UNKNOWN,
            "ldap_config.py",
            &[
                ("netbox/ldap-setting-unknown", "4.7", &removed, 3, &current),
                ("netbox/ldap-setting-unknown", "4.7", &removed, 4, &current),
                ("netbox/ldap-setting-unknown", "4.7", &typo, 3, &current),
                // A helper variable the file uses (corpus case t108).
                ("netbox/ldap-setting-unknown", "4.7", "", 0, &helper),
            ],
        );
        let (message, help) = finding_in("netbox/ldap-setting-unknown", "ldap_config.py", &removed, "4.7");
        assert!(message.contains("django-auth-ldap 1.6.0 dropped") && message.contains("`AUTH_LDAP_CACHE_TIMEOUT`"), "{message}");
        assert!(help.contains("AUTH_LDAP_CACHE_TIMEOUT"), "{help}");
        // Django's AUTHENTICATION_BACKENDS pasted into a whole ldap_config.py to switch LDAP on
        // (corpus case t173): NetBox never reads it there.
        let backends = format!("{LDAP}AUTHENTICATION_BACKENDS = [\n    'django_auth_ldap.backend.LDAPBackend',\n]\n");
        let (message, help) = finding_in("netbox/ldap-setting-unknown", "ldap_config.py", &backends, "4.7");
        assert!(message.contains("`AUTHENTICATION_BACKENDS`") && !message.contains("did you mean"), "{message}");
        assert!(help.contains("REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'"), "{help}");
        let (message, _) = finding_in("netbox/ldap-setting-unknown", "ldap_config.py", &typo, "4.7");
        assert!(message.contains("no django-auth-ldap release reads") && message.contains("AUTH_LDAP_USER_FLAGS_BY_GROUP`?"), "{message}");
    }

    #[test]
    fn before_netbox_2_6_every_name_was_a_django_setting() {
        // `from netbox.ldap_config import *` in settings.py, where django-auth-ldap 1.6 to 2.4
        // still looked for the dropped group cache settings.
        let removed = format!("{LDAP}AUTH_LDAP_CACHE_GROUPS = True\n");
        assert_cases_in(
            &super::LDAP_SETTING_UNKNOWN,
            "ldap_config.py",
            &[
                ("netbox/ldap-setting-unknown", "2.6", &removed, 3, LDAP),
                ("netbox/ldap-setting-unknown", "2.5", "", 0, &removed),
            ],
        );
    }

    #[test]
    fn a_helper_in_a_variant_block_is_left_alone() {
        use crate::rules::netbox::testing::{assert_quiet_in_chapter, fired_chapter_lines};
        let variant = |body: &str| {
            format!("# t\n\n```python,check=netbox,file=ldap_config.py\n{LDAP}```\n\n```python,check=netbox,file=ldap_config.py,variant\n{body}```\n")
        };
        let helper = "AUTH_LDAP_USER_STAFF = 'netbox-staff'\nAUTH_LDAP_USER_FLAGS_BY_GROUP = {'is_superuser': f'cn={AUTH_LDAP_USER_STAFF},dc=example,dc=com'}\n";
        assert_quiet_in_chapter("netbox/ldap-setting-unknown", &variant(helper));
        let chapter = variant("AUTH_LDAP_CACHE_GROUPS = True\n");
        assert!(!fired_chapter_lines("netbox/ldap-setting-unknown", &chapter).is_empty(), "a removed name in a variant");
    }

    /// Another library's name (django-python3-ldap's `LDAP_AUTH_USE_TLS`, corpus case t154): NetBox
    /// reads only AUTH_LDAP_* and its three LDAP_ names from the file. A helper the file uses, or
    /// a file shown in part, is left alone.
    #[test]
    fn a_constant_outside_auth_ldap_that_nothing_reads() {
        let (message, help) = finding_in("netbox/ldap-setting-unknown", "ldap_config.py", &format!("{LDAP}LDAP_AUTH_USE_TLS = True\n"), "4.7");
        assert!(message.contains("nothing reads `LDAP_AUTH_USE_TLS`") && message.contains("`LDAP_CA_CERT_FILE`"), "{message}");
        assert!(help.contains("AUTH_LDAP_START_TLS"), "{help}");
        let helper = format!("{LDAP}LDAP_HOST = 'dc.example.com'\nAUTH_LDAP_BIND_DN = f'cn=netbox,{{LDAP_HOST}}'\nLDAP_IGNORE_CERT_ERRORS = False\n");
        assert_cases_in(
            &super::LDAP_SETTING_UNKNOWN,
            "ldap_config.py",
            &[("netbox/ldap-setting-unknown", "4.7", &format!("{LDAP}LDAP_AUTH_USE_TLS = True\n"), 3, &helper)],
        );
        use crate::rules::netbox::testing::assert_quiet_in_chapter;
        assert_quiet_in_chapter(
            "netbox/ldap-setting-unknown",
            &format!("# t\n\n```python,check=netbox,file=ldap_config.py,partial\n{LDAP}LDAP_AUTH_USE_TLS = True\n```\n"),
        );
    }

    /// netbox-docker's ldap_config.py reads the search's base DN and attribute from the
    /// environment into helpers it builds `AUTH_LDAP_USER_SEARCH` from (trial 6: every
    /// netbox-docker LDAP setup sets them): the environment's variables have an effect. A name its
    /// ldap_config.py itself sets that django-auth-ldap dropped is still reported.
    #[test]
    fn the_environment_netbox_dockers_ldap_file_reads_is_read() {
        use crate::rules::netbox::testing::{assert_quiet_in_chapter, fired_chapter_lines};
        let docker_ldap = "from os import environ\nimport ldap\nfrom django_auth_ldap.config import LDAPSearch\n\ndef _read_secret(secret_name, default=None):\n    return default\n\nAUTH_LDAP_SERVER_URI = environ.get('AUTH_LDAP_SERVER_URI', '')\nAUTH_LDAP_USER_SEARCH_BASEDN = environ.get('AUTH_LDAP_USER_SEARCH_BASEDN', '')\nAUTH_LDAP_USER_SEARCH_ATTR = environ.get('AUTH_LDAP_USER_SEARCH_ATTR', 'sAMAccountName')\nAUTH_LDAP_USER_SEARCH = LDAPSearch(\n    AUTH_LDAP_USER_SEARCH_BASEDN, ldap.SCOPE_SUBTREE, f'({AUTH_LDAP_USER_SEARCH_ATTR}=%(user)s)'\n)\n";
        let chapter = |more: &str| {
            format!(
                "# t\n\n```python,check=netbox,file=configuration/ldap/ldap_config.py\n{docker_ldap}{more}```\n\n```sh,check=env\nAUTH_LDAP_USER_SEARCH_BASEDN=OU=Users,DC=corp,DC=example,DC=net\nAUTH_LDAP_USER_SEARCH_ATTR=sAMAccountName\n```\n"
            )
        };
        assert_quiet_in_chapter("netbox/ldap-setting-unknown", &chapter(""));
        assert_eq!(fired_chapter_lines("netbox/ldap-setting-unknown", &chapter("AUTH_LDAP_CACHE_GROUPS = True\n")), vec![14]);
    }

    #[test]
    fn names_in_configuration_py_are_another_rules() {
        // NetBox does not hand configuration.py's AUTH_LDAP_* names to django-auth-ldap at all.
        use crate::rules::netbox::testing::assert_quiet_in_chapter;
        assert_quiet_in_chapter(
            "netbox/ldap-setting-unknown",
            "# t\n\n```python,check=netbox\nAUTH_LDAP_CACHE_GROUPS = True\n```\n",
        );
    }
}
