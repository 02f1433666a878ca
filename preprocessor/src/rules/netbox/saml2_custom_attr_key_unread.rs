//! `netbox/saml2-custom-attr-key-unread`: a key of the SAML2 plugin's `CUSTOM_ATTR_BACKEND` that
//! its backend never reads.
//!
//! ## What it does
//! Reports each key of `PLUGINS_CONFIG['django3_saml2_nbplugin']['CUSTOM_ATTR_BACKEND']` that is
//! none of the eight SAML2CustomAttrUserBackend reads: `USERNAME_ATTR`, `FIRST_NAME_ATTR`,
//! `LAST_NAME_ATTR`, `MAIL_ATTR`, `GROUP_ATTR`, `FLAGS_BY_GROUP`, `GROUP_MAPPINGS`,
//! `ALWAYS_UPDATE_USER` (a misspelling, a key with blanks), and names the nearest.
//!
//! ## Why is this bad?
//! The backend looks each key up by its exact name: any other is never read, and the setting it
//! was meant to be keeps its default (`ALWAYS_UPDATE_USER` False: names and e-mail are written
//! only when a user is first created). Python accepts any key without complaint.
//!
//! ## Example
//! `'   ALWAYS_UPDATE_USER': True` (three blanks in the key).
//!
//! Use instead: `'ALWAYS_UPDATE_USER': True`.

use super::saml2::plugin_settings;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A key of `CUSTOM_ATTR_BACKEND` the backend never reads.
pub const SAML2_CUSTOM_ATTR_KEY_UNREAD: Rule = Rule {
    id: "netbox/saml2-custom-attr-key-unread",
    severity: Severity::Warning,
    summary: "a key of the SAML2 plugin's `CUSTOM_ATTR_BACKEND` that its backend never reads: the setting meant keeps its default",
    help: "use one of the keys SAML2CustomAttrUserBackend reads: USERNAME_ATTR, FIRST_NAME_ATTR, LAST_NAME_ATTR, MAIL_ATTR, GROUP_ATTR, FLAGS_BY_GROUP, GROUP_MAPPINGS, ALWAYS_UPDATE_USER",
    fact: "netbox-plugin-auth-saml2 2.3, 2.4 and 3.0 django3_saml2_nbplugin/backends.py: SAML2CustomAttrUserBackend reads CUSTOM_ATTR_BACKEND's USERNAME_ATTR, ALWAYS_UPDATE_USER (`be_settings.get('ALWAYS_UPDATE_USER', False)`), FIRST_NAME_ATTR, LAST_NAME_ATTR, MAIL_ATTR, GROUP_ATTR, FLAGS_BY_GROUP and GROUP_MAPPINGS, each by its exact name, and nothing else (2.0 to 2.2 have no CUSTOM_ATTR_BACKEND). Seen in tests/realworld/tuning/t223-… (`'   ALWAYS_UPDATE_USER'`, a key with three leading blanks)",
    applies: Applies::Always,
};

/// The keys SAML2CustomAttrUserBackend reads.
const READ: &[&str] = &[
    "USERNAME_ATTR",
    "FIRST_NAME_ATTR",
    "LAST_NAME_ATTR",
    "MAIL_ATTR",
    "GROUP_ATTR",
    "FLAGS_BY_GROUP",
    "GROUP_MAPPINGS",
    "ALWAYS_UPDATE_USER",
];

pub fn saml2_custom_attr_key_unread(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(plugin) = plugin_settings(&d.netbox) else { return };
    let Some((_, items)) = plugin.custom_attr_backend() else { return };
    for (key, _) in items {
        let Some(name) = key.as_str() else { continue };
        if READ.contains(&name) {
            continue;
        }
        let near = READ
            .iter()
            .copied()
            .find(|read| name.trim() == *read)
            .or_else(|| crate::extract::closest_of(name, READ.iter().copied()));
        let finding = Finding::in_block(
            &SAML2_CUSTOM_ATTR_KEY_UNREAD,
            plugin.config.block,
            key.range.clone(),
            format!(
                "SAML2CustomAttrUserBackend never reads `{:?}`: it looks each setting of CUSTOM_ATTR_BACKEND up by its exact name{}",
                name,
                near.map_or(String::new(), |near| format!(", so `{near}` keeps its default"))
            ),
        );
        out.push(match near {
            Some(near) => finding.with_help(format!("write the key as `'{near}'`")),
            None => finding,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    fn plugin(key: &str) -> String {
        format!(
            "PLUGINS_CONFIG = {{\n    'django3_saml2_nbplugin': {{\n        'CUSTOM_ATTR_BACKEND': {{\n            'USERNAME_ATTR': 'Email',\n            '{key}': True,\n        }},\n    }},\n}}\n"
        )
    }

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        // t223's blanks; a misspelling; another plugin's settings are not these.
        let blanks = plugin("   ALWAYS_UPDATE_USER");
        let typo = plugin("ALWAYS_UPDATE_USERS");
        let good = plugin("ALWAYS_UPDATE_USER");
        let other = good.replace("django3_saml2_nbplugin", "netbox_bgp").replace("ALWAYS_UPDATE_USER", "X");
        let cases: &[(&str, &str, &str, usize, &str)] = &[
            ("netbox/saml2-custom-attr-key-unread", "4.7", &blanks, 5, &good),
            ("netbox/saml2-custom-attr-key-unread", "3.6", &typo, 5, &other),
        ];
        assert_cases(&super::SAML2_CUSTOM_ATTR_KEY_UNREAD, cases);
        let (message, help) = finding_of("netbox/saml2-custom-attr-key-unread", &blanks, "4.7");
        assert!(message.contains("never reads `\"   ALWAYS_UPDATE_USER\"`"), "{message}");
        assert!(message.ends_with("so `ALWAYS_UPDATE_USER` keeps its default"), "{message}");
        assert_eq!(help, "write the key as `'ALWAYS_UPDATE_USER'`");
    }
}
