//! `netbox/plugin-name-not-module`: a `PLUGINS` entry that cannot be a Python module's name
//! (`'netbox-plugin-azuread'`, a distribution's name with dashes): NetBox imports each entry and
//! does not start.

use super::shared::{at_value, is_module_path, module_path_for};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A `PLUGINS` entry that is not a module path.
pub const PLUGIN_NAME_NOT_MODULE: Rule = Rule {
    id: "netbox/plugin-name-not-module",
    severity: Severity::Error,
    summary: "a `PLUGINS` entry that cannot be a Python module's name (a dash, a blank, an empty name): NetBox imports each entry and does not start",
    help: "name the plugin's module, not its package: the distribution `netbox-bgp` installs the module `netbox_bgp`, so write PLUGINS = ['netbox_bgp'] (the plugin's README names it)",
    fact: "NetBox's settings.py imports every PLUGINS entry at start-up, `plugin = importlib.import_module(plugin_name)`, and raises `ImproperlyConfigured: Unable to import plugin …: Module not found` when the module is missing (any other import error is raised as it is): netbox/netbox/settings.py L938-947 in NetBox 4.6.8, the same loop in every release from 2.8.0 (when PLUGINS came) to the 4.7.3 wheel; a Python module's name is identifiers joined by dots; seen with NetBox 4.7.3 (django.setup() with PLUGINS = ['netbox-plugin-azuread'] stops with `ImproperlyConfigured: Unable to import plugin netbox-plugin-azuread: Module not found. Check that the plugin module has been installed within the correct Python environment.`); seen in marcus-crane/netbox-plugin-azuread issue #1 (tests/realworld/tuning/t68-…)",
    applies: Applies::netbox_since(2, 8, 0),
};

pub fn plugin_name_not_module(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("PLUGINS") else { return };
    let Some(entries) = setting.value.items() else { return };
    for entry in entries {
        let Some(name) = entry.as_str() else { continue };
        if is_module_path(name) || is_prose_placeholder(name) {
            continue;
        }
        let quoted = format!("'{}'", name.escape_debug());
        // A dotless name that is missing fails with NetBox's own message; a dotted one fails
        // importing its first part, an empty one with ValueError: the start fails all the same.
        let failure = if name.contains('.') || name.is_empty() {
            "NetBox imports each entry when it starts and does not start when the import fails".to_string()
        } else {
            format!(
                "NetBox imports each entry when it starts and does not start: `ImproperlyConfigured: Unable to import plugin {}: Module not found`",
                name.escape_debug()
            )
        };
        let mut finding = at_value(
            &PLUGIN_NAME_NOT_MODULE,
            setting,
            entry,
            format!("the `PLUGINS` entry {quoted} is not a Python module's name: {failure}"),
        );
        let parts: Vec<&str> = name.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
        if name.contains(',') && !parts.is_empty() && parts.iter().all(|p| is_module_path(p)) {
            let entries = parts.iter().map(|p| format!("'{p}'")).collect::<Vec<_>>().join(", ");
            finding.message.push_str(&format!("; one entry per plugin: {entries}?"));
            finding = finding.with_help(format!("list each plugin as an entry of its own: PLUGINS = [{entries}]"));
        } else if let Some(module) = module_path_for(name) {
            finding.message.push_str(&format!("; did you mean the module '{module}'?"));
            finding = finding.with_help(format!(
                "write the module's name, '{module}' (a package named with dashes installs its module with underscores; the plugin's README names it), and key its PLUGINS_CONFIG entry the same"
            ));
        }
        out.push(finding);
    }
}

/// `'other plugins here'`: words of letters with blanks between them, no `_` or `.`: a page's
/// stand-in for the reader's own entries, not a name someone meant (a module's name has none).
fn is_prose_placeholder(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    words.len() >= 3 && words.iter().all(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of, findings};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // The distribution's name (corpus case t68).
        (
            "netbox/plugin-name-not-module",
            "4.7",
            "PLUGINS = [\n    'netbox_bgp',\n    'netbox-plugin-azuread',\n]\n",
            3,
            "PLUGINS = [\n    'netbox_bgp',\n    'netbox_plugin_azuread',\n    'acme.netbox.sso',\n]\n",
        ),
        // A blank after the name.
        ("netbox/plugin-name-not-module", "4.7", "PLUGINS = ('netbox_dns ',)\n", 1, "PLUGINS = ('netbox_dns',)\n"),
        // Two plugins in one string.
        ("netbox/plugin-name-not-module", "4.7", "PLUGINS = ['netbox_bgp, netbox_dns']\n", 1, "PLUGINS = ['netbox_bgp', 'netbox_dns']\n"),
        // A page's stand-in for the reader's other plugins (corpus case t105).
        ("netbox/plugin-name-not-module", "4.7", "", 0, "PLUGINS = [\n    'netbox_bgp',\n    'other plugins here',\n]\n"),
        // Values nobody can know are not judged.
        ("netbox/plugin-name-not-module", "4.7", "", 0, "import os\nPLUGINS = os.environ.get('PLUGINS', 'netbox-bgp').split(',')\n"),
        // Before 2.8.0 NetBox had no plugins and does not read PLUGINS.
        ("netbox/plugin-name-not-module", "2.7", "", 0, "PLUGINS = ['netbox-bgp']\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::PLUGIN_NAME_NOT_MODULE, CASES);
    }

    #[test]
    fn the_message_quotes_netbox_and_suggests_the_module() {
        let (message, help) = finding_of("netbox/plugin-name-not-module", "PLUGINS = ['netbox-plugin-azuread']\n", "4.6");
        assert!(
            message.contains("`ImproperlyConfigured: Unable to import plugin netbox-plugin-azuread: Module not found`"),
            "{message}"
        );
        assert!(message.ends_with("did you mean the module 'netbox_plugin_azuread'?"), "{message}");
        assert!(help.starts_with("write the module's name, 'netbox_plugin_azuread'"), "{help}");
    }

    #[test]
    fn two_plugins_in_one_string_are_split_not_joined() {
        let (message, help) = finding_of("netbox/plugin-name-not-module", "PLUGINS = ['netbox_bgp, netbox_dns']\n", "4.7");
        assert!(message.ends_with("one entry per plugin: 'netbox_bgp', 'netbox_dns'?"), "{message}");
        assert_eq!(help, "list each plugin as an entry of its own: PLUGINS = ['netbox_bgp', 'netbox_dns']");
    }

    #[test]
    fn an_entry_with_no_likely_module_gets_no_guess_and_is_quoted_escaped() {
        let got = findings("PLUGINS = ['', 'a\\'b']\n", "4.7");
        let messages: Vec<&String> =
            got.iter().filter(|(id, ..)| *id == "netbox/plugin-name-not-module").map(|(_, m, _)| m).collect();
        assert_eq!(messages.len(), 2, "{got:?}");
        assert!(messages[0].starts_with("the `PLUGINS` entry '' is not"), "{}", messages[0]);
        assert!(messages[1].contains("'a\\'b'"), "{}", messages[1]);
        assert!(messages.iter().all(|m| !m.contains("did you mean")), "{messages:?}");
    }
}
