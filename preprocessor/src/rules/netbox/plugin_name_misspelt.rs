//! `netbox/plugin-name-misspelt`: a `PLUGINS` entry that no plugin installs, a slip away from the
//! plugin module `PLUGINS_CONFIG` configures.
//!
//! ## What it does
//! For each `PLUGINS` entry that no distribution on the package index installs as a module
//! (`data/netbox-plugins.json`), that is a module path (`plugin-name-not-module` judges the others)
//! and no distribution's name (`plugin-distribution-name` judges those), looks for a key of `PLUGINS_CONFIG` that `PLUGINS` does not list, that a
//! distribution does install, and that is one or two letters from the entry. Reports the entry,
//! naming the module it was meant to be.
//!
//! ## Why is this bad?
//! NetBox imports every `PLUGINS` entry when it starts and stops with `ImproperlyConfigured:
//! Unable to import plugin …: Module not found` when one does not import; and the settings under
//! the right name are for a plugin that is not loaded.
//!
//! ## Example
//! `PLUGINS = ['django3_saml_nbplugin']` beside `PLUGINS_CONFIG = {'django3_saml2_nbplugin': {…}}`.
//!
//! Use instead: `PLUGINS = ['django3_saml2_nbplugin']`.

use super::plugin_distribution_name::{distribution_installing, is_distribution_entry};
use super::shared::{at_value, is_module_path};
use crate::finding::{Rule, Severity};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A `PLUGINS` entry a slip away from the module `PLUGINS_CONFIG` configures.
pub const PLUGIN_NAME_MISSPELT: Rule = Rule {
    id: "netbox/plugin-name-misspelt",
    severity: Severity::Warning,
    summary: "a `PLUGINS` entry that no plugin on the package index installs, a letter or two from the module `PLUGINS_CONFIG` configures: unless a module of that name comes from elsewhere, NetBox cannot import it and does not start",
    help: "write the module's name as `PLUGINS_CONFIG` has it (the plugin's README names it)",
    fact: "NetBox's settings.py imports every PLUGINS entry at start-up (`importlib.import_module(plugin_name)`, ImproperlyConfigured 'Unable to import plugin …: Module not found' otherwise: netbox/netbox/settings.py L938-947, NetBox 4.6.8, the same loop from 2.8.0); data/netbox-plugins.json: the top-level modules of the newest wheel of each distribution on the package index whose name holds `netbox` (netbox-plugin-auth-saml2 3.0 installs `django3_saml2_nbplugin`); a plugin installed from elsewhere (a fork, a private index) may install other modules: hence a warning. Seen in tests/realworld/tuning/t233-… (netbox-chart values listing `django3_saml_nbplugin`)",
    applies: Applies::netbox_since(2, 8, 0),
};

/// The most entries and keys compared (no configuration lists a hundred plugins): the comparisons
/// stay bounded whatever a file holds.
const MAX_COMPARED: usize = 100;

/// Whether a PLUGINS entry is a misspelling of a plugin module: no plugin on the package index
/// installs the entry, which is a module path (`plugin-name-not-module` judges the others) and no
/// distribution's name (`plugin-distribution-name`'s), while one installs `module`, a letter or two
/// away (both names short, so the comparison is bounded).
pub(super) fn misspelling_of(entry: &str, module: &str) -> bool {
    entry.len() <= 64
        && module.len() <= 64
        && entry.len().abs_diff(module.len()) <= 2
        && is_module_path(entry)
        && distribution_installing(entry).is_none()
        && !is_distribution_entry(entry)
        && crate::spelling::distance(entry, module) <= 2
        && distribution_installing(module).is_some()
}

pub fn plugin_name_misspelt(d: &Input<'_>, _: &Targets, out: &mut Vec<crate::finding::Finding>) {
    let nb = &d.netbox;
    let Some(setting) = nb.get("PLUGINS") else { return };
    let Some(entries) = setting.value.items() else { return };
    let Some(config) = nb.get("PLUGINS_CONFIG") else { return };
    let ValueKind::Dict(configured) = &config.value.kind else { return };
    let listed: Vec<&str> = entries.iter().filter_map(|e| e.as_str()).collect();
    for entry in entries.iter().take(MAX_COMPARED) {
        let Some(name) = entry.as_str() else { continue };
        // A key PLUGINS does not list, configured for a module the entry misspells.
        let meant = configured
            .iter()
            .take(MAX_COMPARED)
            .filter_map(|(key, _)| key.as_str())
            .find(|key| !listed.contains(key) && misspelling_of(name, key));
        let Some(meant) = meant else { continue };
        let distribution = distribution_installing(meant).unwrap_or_default();
        out.push(
            at_value(
                &PLUGIN_NAME_MISSPELT,
                setting,
                entry,
                format!(
                    "no plugin on the package index installs `{}`, while PLUGINS_CONFIG configures `{meant}`, which {distribution} installs: unless a module of that name comes from elsewhere, NetBox imports each PLUGINS entry when it starts and stops (Unable to import plugin: Module not found), and the settings under `{meant}` belong to a plugin that is not loaded",
                    name.escape_debug()
                ),
            )
            .with_help(format!("write `'{meant}'` in PLUGINS")),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, chart_finding, finding_of};

    const MISSPELT: &str = "PLUGINS = ['netbox_bgp', 'django3_saml_nbplugin']\nPLUGINS_CONFIG = {\n    'django3_saml2_nbplugin': {'ENTITY_ID': 'https://netbox.example.com/'},\n}\n";

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/plugin-name-misspelt",
            "4.7",
            MISSPELT,
            1,
            "PLUGINS = ['netbox_bgp', 'django3_saml2_nbplugin']\nPLUGINS_CONFIG = {\n    'django3_saml2_nbplugin': {'ENTITY_ID': 'https://netbox.example.com/'},\n}\n",
        ),
        // A module of one's own configured under its own name; a key far from every entry; a
        // dashed name (t234: plugin-name-not-module's).
        (
            "netbox/plugin-name-misspelt",
            "4.7",
            "X = 1\n",
            0,
            "PLUGINS = ['my_plugin', 'sso_plugin']\nPLUGINS_CONFIG = {\n    'my_plugin': {},\n    'django3_saml2_nbplugin': {},\n}\n",
        ),
        ("netbox/plugin-name-misspelt", "4.7", "X = 1\n", 0, "PLUGINS = ['netbox-lists']\nPLUGINS_CONFIG = {'netbox_lists': {}}\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::PLUGIN_NAME_MISSPELT, CASES);
        let (message, help) = finding_of("netbox/plugin-name-misspelt", MISSPELT, "4.7");
        assert!(message.starts_with("no plugin on the package index installs `django3_saml_nbplugin`, while PLUGINS_CONFIG configures `django3_saml2_nbplugin`, which netbox-plugin-auth-saml2 installs"), "{message}");
        assert_eq!(help, "write `'django3_saml2_nbplugin'` in PLUGINS");
    }

    /// The SAML2 plugin's settings are still judged for when the name is put right (t233: its
    /// backend given as the bare word REMOTE_AUTH_BACKEND).
    #[test]
    fn the_misspelt_plugins_settings_are_still_judged() {
        let python = MISSPELT.replace("{'ENTITY_ID': 'https://netbox.example.com/'}", "{'AUTHENTICATION_BACKEND': 'REMOTE_AUTH_BACKEND'}");
        let found = crate::rules::netbox::testing::findings(&python, "4.7");
        assert!(found.iter().any(|(rule, ..)| *rule == "netbox/backend-not-importable"), "{found:?}");
        let other = python.replace("'django3_saml_nbplugin'", "'netbox_acls'");
        let found = crate::rules::netbox::testing::findings(&other, "4.7");
        assert!(!found.iter().any(|(rule, ..)| *rule == "netbox/backend-not-importable"), "{found:?}");
    }

    /// t233's shape: netbox-chart values.
    #[test]
    fn reads_chart_values() {
        let values = "plugins: ['django3_saml_nbplugin']\npluginsConfig: {\n    'django3_saml2_nbplugin': {\n        'ENTITY_ID': 'https://netbox.example.com/',\n    }\n}\n";
        let (message, _) = chart_finding("netbox/plugin-name-misspelt", values);
        assert!(message.contains("configures `django3_saml2_nbplugin`"), "{message}");
    }
}
