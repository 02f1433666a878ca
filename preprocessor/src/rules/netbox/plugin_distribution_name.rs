//! `netbox/plugin-distribution-name`: a `PLUGINS` entry that is a plugin distribution's name
//! written with underscores (`'netbox_validity'`) where that distribution installs a module of
//! another name (`validity`).
//!
//! ## What it does
//! Compares each `PLUGINS` entry with `data/netbox-plugins.json`: the top-level modules every
//! distribution on the package index whose name holds `netbox` installs (its newest wheel). An
//! entry that is a distribution's name with `-` made `_`, that is none of its modules, and that no
//! distribution of the inventory installs, is reported with the module to write instead.
//!
//! ## Why is this bad?
//! NetBox imports every `PLUGINS` entry when it starts (`importlib.import_module`) and stops with
//! `ImproperlyConfigured: Unable to import plugin netbox_validity: Module not found` when the
//! import fails: `pip install netbox-validity` installs the module `validity`.
//!
//! ## Example
//! `PLUGINS = ['netbox_validity']`
//!
//! Use instead: `PLUGINS = ['validity']` (the plugin's README names the module), and the same key
//! in `PLUGINS_CONFIG`.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A `PLUGINS` entry that names a distribution, not its module.
pub const PLUGIN_DISTRIBUTION_NAME: Rule = Rule {
    id: "netbox/plugin-distribution-name",
    severity: Severity::Warning,
    summary: "a `PLUGINS` entry that is a plugin distribution's name with underscores (`netbox_validity`) while that distribution installs a module of another name (`validity`): NetBox imports each entry when it starts and does not start",
    help: "write the module the distribution installs (the message names it; the plugin's README does too), and key its `PLUGINS_CONFIG` entry the same",
    fact: "NetBox's settings.py imports every PLUGINS entry at start-up (`importlib.import_module(plugin_name)`, ImproperlyConfigured 'Unable to import plugin …: Module not found' otherwise: netbox/netbox/settings.py L938-947, NetBox 4.6.8, the same loop from 2.8.0); data/netbox-plugins.json: the top-level modules of the newest wheel of each of 389 distributions on the package index whose name holds `netbox` (top_level.txt, else RECORD; tools/inventories/netbox_plugins.py), e.g. netbox-validity 3.6.1 installs `validity` and netbox-plugin-auth-saml2 3.0 `django3_saml2_nbplugin`. A plugin installed from elsewhere (a fork, a private index) may install other modules: hence a warning. Seen in tests/realworld/tuning/t164-… (an extra.py listing distribution names)",
    applies: Applies::netbox_since(2, 8, 0),
};

#[derive(Deserialize)]
struct Inventory {
    distributions: HashMap<String, Distribution>,
}

#[derive(Deserialize)]
struct Distribution {
    version: String,
    modules: Vec<String>,
}

/// The inventory: by a distribution's name with `_` for `-` (as a PLUGINS entry would write it),
/// its name, version and modules; and every module some distribution installs, with that
/// distribution's name.
struct Plugins {
    by_entry: HashMap<String, (String, Distribution)>,
    modules: HashMap<String, String>,
}

static PLUGINS: LazyLock<Plugins> = LazyLock::new(|| {
    let inventory: Inventory = serde_json::from_str(include_str!("../../../data/netbox-plugins.json"))
        .unwrap_or(Inventory { distributions: HashMap::new() });
    let modules = inventory
        .distributions
        .iter()
        .flat_map(|(name, d)| d.modules.iter().map(move |m| (m.clone(), name.clone())))
        .collect();
    let by_entry = inventory.distributions.into_iter().map(|(name, d)| (name.replace('-', "_"), (name, d))).collect();
    Plugins { by_entry, modules }
});

/// The distribution on the package index whose newest wheel installs a top-level module, if any
/// (several may: one of them).
pub(super) fn distribution_installing(module: &str) -> Option<&'static str> {
    PLUGINS.modules.get(module).map(String::as_str)
}

/// Whether a PLUGINS entry is a distribution's name with underscores (this rule's shape).
pub(super) fn is_distribution_entry(name: &str) -> bool {
    PLUGINS.by_entry.contains_key(&name.to_ascii_lowercase())
}

pub fn plugin_distribution_name(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("PLUGINS") else { return };
    let Some(entries) = setting.value.items() else { return };
    for entry in entries {
        let Some(name) = entry.as_str() else { continue };
        let Some((distribution, installed)) = PLUGINS.by_entry.get(&name.to_ascii_lowercase()) else { continue };
        if installed.modules.is_empty() || installed.modules.iter().any(|m| m == name) || PLUGINS.modules.contains_key(name) {
            continue;
        }
        let modules = installed.modules.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ");
        out.push(at_value(
            &PLUGIN_DISTRIBUTION_NAME,
            setting,
            entry,
            format!(
                "`{}` is the distribution {distribution}'s name, but its newest release on the package index, {}, installs the module {modules}, and the newest release of no other plugin there installs `{}`: unless an older release that does is installed, NetBox imports each entry when it starts and does not start (Unable to import plugin: Module not found)",
                name.escape_debug(),
                installed.version,
                name.escape_debug()
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // The distribution netbox-validity installs `validity` (corpus case t164).
        ("netbox/plugin-distribution-name", "4.7", "PLUGINS = ['netbox_bgp', 'netbox_validity']\n", 1, "PLUGINS = ['netbox_bgp', 'validity']\n"),
        ("netbox/plugin-distribution-name", "4.7", "X = 1\nPLUGINS = [\n    'netbox_plugin_auth_saml2',\n]\n", 3, "PLUGINS = ['django3_saml2_nbplugin', 'my_own_plugin']\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::PLUGIN_DISTRIBUTION_NAME, CASES);
    }

    #[test]
    fn the_message_names_the_module() {
        let (message, _) = crate::rules::netbox::testing::finding_of("netbox/plugin-distribution-name", "PLUGINS = ['netbox_validity']\n", "4.7");
        assert!(message.contains("netbox-validity") && message.contains("installs the module `validity`") && message.contains("unless an older release"), "{message}");
    }
}
