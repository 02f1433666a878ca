//! `netbox/plugins-config-key-not-plugin`: a `PLUGINS_CONFIG` key under which no loaded plugin
//! reads its settings: not in a `PLUGINS` list known in full, or not a module's name at all.

use std::collections::HashSet;

use rustc_hash::FxBuildHasher;

use super::shared::{is_module_path, module_path_for};
use crate::extract::closest_of;
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A `PLUGINS_CONFIG` key no plugin NetBox loads is named.
pub const PLUGINS_CONFIG_KEY_NOT_PLUGIN: Rule = Rule {
    id: "netbox/plugins-config-key-not-plugin",
    severity: Severity::Warning,
    summary: "a `PLUGINS_CONFIG` key that names no plugin NetBox loads (not in `PLUGINS`, or not a module's name): its settings are never read, and a plugin that requires them stops NetBox",
    help: "key each plugin's settings by its entry in PLUGINS, the plugin's module name (PLUGINS = ['netbox_bgp'], PLUGINS_CONFIG = {'netbox_bgp': {…}}), or list the plugin in PLUGINS",
    fact: "NetBox's settings.py hands each plugin `PLUGINS_CONFIG[plugin_name]` for `plugin_name in PLUGINS` (an empty dict when the key is missing), and PluginConfig.validate raises ImproperlyConfigured when one of the plugin's required_settings is not in it: netbox/netbox/settings.py L938-963 and netbox/netbox/plugins/__init__.py L169-175 in NetBox 4.6.8, the same loop in every release from 2.8.0 to the 4.7.3 wheel; NetBox imports each PLUGINS entry as a module, so a key that cannot be a module's name is no loaded plugin's; seen in marcus-crane/netbox-plugin-azuread issue #1 (tests/realworld/tuning/t68-…)",
    applies: Applies::netbox_since(2, 8, 0),
};

/// The nearest-entry searches of one configuration compare at most this much text (the product
/// of a key's and an entry's lengths, summed over the comparisons made): the check stays linear in
/// the size of the configuration, and real PLUGINS lists, a few dozen names, are searched whole.
const SUGGESTION_BUDGET: usize = 1 << 20;

pub fn plugins_config_key_not_plugin(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(config) = d.netbox.get("PLUGINS_CONFIG") else { return };
    let ValueKind::Dict(items) = &config.value.kind else { return };
    // The entries of PLUGINS, when every one is known: a key not among them is read by no plugin.
    let plugins: Option<Vec<&str>> = d
        .netbox
        .get("PLUGINS")
        .and_then(|setting| setting.value.items())
        .and_then(|entries| entries.iter().map(|e| e.as_str()).collect());
    let listed: Option<HashSet<&str, FxBuildHasher>> = plugins.as_ref().map(|p| p.iter().copied().collect());
    let mut budget = SUGGESTION_BUDGET;
    for (key, _) in items {
        let Some(name) = key.as_str() else { continue };
        let quoted = format!("'{}'", name.escape_debug());
        let (message, suggestion) = if !is_module_path(name) {
            let module = module_path_for(name);
            let message = format!(
                "the `PLUGINS_CONFIG` key {quoted} is not a Python module's name, and NetBox reads a plugin's settings under its `PLUGINS` entry, which it imports as a module: once PLUGINS names the plugin's module, these settings are not read"
            );
            (message, module)
        } else if let Some(listed) = &listed
            && !listed.contains(name)
        {
            let near = plugins.as_deref().filter(|_| budget > 0).and_then(|plugins| {
                // Each comparison is paid for before it is made; the first one the budget cannot
                // pay for ends this search and every later one.
                let affordable = plugins.iter().copied().take_while(|entry| {
                    match budget.checked_sub(name.len().saturating_mul(entry.len()).max(1)) {
                        Some(left) => {
                            budget = left;
                            true
                        }
                        None => {
                            budget = 0;
                            false
                        }
                    }
                });
                closest_of(name, affordable)
            });
            let message = format!(
                "the `PLUGINS_CONFIG` key {quoted} is not in `PLUGINS`: NetBox reads PLUGINS_CONFIG only under the names PLUGINS lists, so these settings reach no plugin"
            );
            (message, near.map(str::to_string))
        } else {
            continue;
        };
        let mut finding = Finding::in_block(&PLUGINS_CONFIG_KEY_NOT_PLUGIN, config.block, key.range.clone(), message);
        if let Some(module) = suggestion {
            let module = module.escape_debug().to_string();
            finding.message.push_str(&format!("; did you mean '{module}'?"));
            finding = finding.with_help(if is_module_path(name) {
                format!("key these settings by '{module}', as PLUGINS names the plugin")
            } else {
                format!("key these settings by the plugin's module name, '{module}', and list the plugin in PLUGINS by that name")
            });
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // The distribution's name as the key (corpus case t68): no module is called that.
        (
            "netbox/plugins-config-key-not-plugin",
            "4.7",
            "PLUGINS = ['netbox-plugin-azuread']\nPLUGINS_CONFIG = {\n  'netbox-plugin-azuread': {\n    'CLIENT_ID': 'id',\n  },\n}\n",
            3,
            "PLUGINS = ['netbox_plugin_azuread']\nPLUGINS_CONFIG = {\n  'netbox_plugin_azuread': {\n    'CLIENT_ID': 'id',\n  },\n}\n",
        ),
        // A plugin configured but not listed.
        (
            "netbox/plugins-config-key-not-plugin",
            "4.7",
            "PLUGINS = ['netbox_bgp']\nPLUGINS_CONFIG = {\n    'netbox_bgp': {},\n    'netbox_topology_views': {'allow_coordinates_saving': True},\n}\n",
            4,
            "PLUGINS = ['netbox_bgp', 'netbox_topology_views']\nPLUGINS_CONFIG = {\n    'netbox_bgp': {},\n    'netbox_topology_views': {'allow_coordinates_saving': True},\n}\n",
        ),
        // PLUGINS not shown (a fragment; netbox-docker's plugins.py may set it): unknown.
        ("netbox/plugins-config-key-not-plugin", "4.7", "", 0, "PLUGINS_CONFIG = {'netbox_bgp': {}}\n"),
        // PLUGINS not known in full: any key may be in it.
        (
            "netbox/plugins-config-key-not-plugin",
            "4.7",
            "",
            0,
            "import os\nPLUGINS = ['netbox_bgp', os.environ.get('EXTRA_PLUGIN')]\nPLUGINS_CONFIG = {'netbox_dns': {}}\n",
        ),
        // PLUGINS changed after the literal: no longer known.
        (
            "netbox/plugins-config-key-not-plugin",
            "4.7",
            "",
            0,
            "PLUGINS = ['netbox_bgp']\nPLUGINS.append('netbox_dns')\nPLUGINS_CONFIG = {'netbox_dns': {}}\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::PLUGINS_CONFIG_KEY_NOT_PLUGIN, CASES);
    }

    #[test]
    fn a_dashed_key_is_told_the_module_name() {
        let (message, help) = finding_of(
            "netbox/plugins-config-key-not-plugin",
            "PLUGINS_CONFIG = {'netbox-plugin-azuread': {'CLIENT_ID': 'id'}}\n",
            "4.7",
        );
        assert!(message.starts_with("the `PLUGINS_CONFIG` key 'netbox-plugin-azuread' is not a Python module's name"), "{message}");
        assert!(message.ends_with("; did you mean 'netbox_plugin_azuread'?"), "{message}");
        assert_eq!(
            help,
            "key these settings by the plugin's module name, 'netbox_plugin_azuread', and list the plugin in PLUGINS by that name"
        );
    }

    #[test]
    fn a_key_near_an_entry_is_told_the_entry() {
        let (message, help) =
            finding_of("netbox/plugins-config-key-not-plugin", "PLUGINS = ['netbox_secrets']\nPLUGINS_CONFIG = {'netbox_secret': {}}\n", "4.7");
        assert!(message.contains("'netbox_secret' is not in `PLUGINS`"), "{message}");
        assert!(message.ends_with("; did you mean 'netbox_secrets'?"), "{message}");
        assert_eq!(help, "key these settings by 'netbox_secrets', as PLUGINS names the plugin");
        // Far from every entry: no guess.
        let (message, _) =
            finding_of("netbox/plugins-config-key-not-plugin", "PLUGINS = ['netbox_secrets']\nPLUGINS_CONFIG = {'netbox_dns': {}}\n", "4.7");
        assert!(!message.contains("did you mean"), "{message}");
    }

    #[test]
    fn many_keys_are_judged_in_linear_time() {
        // 20,000 keys, none listed: each is reported, and only the first few search for a near entry.
        let keys: String = (0..20_000).map(|i| format!("'plugin_{i}': {{}}, ")).collect();
        let entries: String = (0..2_000).map(|i| format!("'other_{i}', ")).collect();
        let python = format!("PLUGINS = [{entries}]\nPLUGINS_CONFIG = {{{keys}}}\n");
        let started = std::time::Instant::now();
        let count = crate::rules::netbox::testing::findings(&python, "4.7")
            .iter()
            .filter(|(id, ..)| *id == "netbox/plugins-config-key-not-plugin")
            .count();
        assert_eq!(count, 20_000);
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "{:?}", started.elapsed());
    }
}
