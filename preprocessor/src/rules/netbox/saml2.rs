//! What the SAML2 plugin's rules share: netbox-plugin-auth-saml2's settings,
//! `PLUGINS_CONFIG['django3_saml2_nbplugin']`, which the plugin copies into django3-auth-saml2's
//! SAML2_AUTH_CONFIG (django3_saml2_nbplugin/__init__.py `validate`, 2.0 to 3.0 on PyPI).

use crate::model::netbox::NetboxConfig;
use crate::parse::netbox::{Setting, Value, ValueKind};

/// The plugin's module, the key of its settings in PLUGINS_CONFIG.
pub const PLUGIN: &str = "django3_saml2_nbplugin";

/// The backend class that reads `CUSTOM_ATTR_BACKEND` (django3_saml2_nbplugin/backends.py,
/// 2.3 to 3.0; the plugin's other backends and NetBox's read none of it).
pub const CUSTOM_ATTR_BACKEND_CLASS: &str = "SAML2CustomAttrUserBackend";

/// Backends known to read nothing of `CUSTOM_ATTR_BACKEND` (NetBox's own, by its path from 2.9
/// and before, and the plugin's two others).
pub const OTHER_BACKENDS: &[&str] = &[
    "netbox.authentication.RemoteUserBackend",
    "utilities.auth_backends.RemoteUserBackend",
    "django3_saml2_nbplugin.backends.SAML2DottedEmailUserBackend",
    "django3_saml2_nbplugin.backends.SAML2AttrUserBackend",
];

/// The plugin's settings, where PLUGINS lists the plugin or is not shown.
pub struct PluginSettings<'a> {
    /// The PLUGINS_CONFIG assignment (its block is the findings').
    pub config: &'a Setting,
    /// The plugin's keys and values.
    pub items: &'a [(Value, Value)],
}

impl<'a> PluginSettings<'a> {
    /// A key of the plugin's settings, with its value.
    pub fn get(&self, key: &str) -> Option<&'a (Value, Value)> {
        self.items.iter().find(|(k, _)| k.as_str() == Some(key))
    }

    /// `CUSTOM_ATTR_BACKEND`'s key and its items, when it is a mapping.
    pub fn custom_attr_backend(&self) -> Option<(&'a Value, &'a [(Value, Value)])> {
        match self.get("CUSTOM_ATTR_BACKEND")? {
            (key, Value { kind: ValueKind::Dict(items), .. }) => Some((key, items)),
            _ => None,
        }
    }

    /// The dotted path `AUTHENTICATION_BACKEND` names, with its value, when it is known text.
    pub fn authentication_backend(&self) -> Option<(&'a Value, &'a str)> {
        let (_, value) = self.get("AUTHENTICATION_BACKEND")?;
        Some((value, value.as_str()?))
    }
}

/// The plugin's settings in PLUGINS_CONFIG, where PLUGINS lists the plugin or is not shown.
pub fn plugin_settings(nb: &NetboxConfig) -> Option<PluginSettings<'_>> {
    let config = nb.get("PLUGINS_CONFIG")?;
    let ValueKind::Dict(plugins) = &config.value.kind else { return None };
    // Listed, or misspelt in PLUGINS (`plugin-name-misspelt` says so): the settings are meant for
    // it, and judged for when the name is put right.
    let meant = |entry: &str| entry == PLUGIN || super::plugin_name_misspelt::misspelling_of(entry, PLUGIN);
    let listed = nb
        .get("PLUGINS")
        .and_then(|s| s.value.items())
        .is_none_or(|items| items.iter().any(|i| i.as_str().is_some_and(meant)));
    if !listed {
        return None;
    }
    match plugins.iter().find(|(key, _)| key.as_str() == Some(PLUGIN)).map(|(_, value)| &value.kind)? {
        ValueKind::Dict(items) => Some(PluginSettings { config, items }),
        _ => None,
    }
}

/// The class a dotted path names (`django3_saml2_nbplugin.backends.SAML2AttrUserBackend`).
pub fn class_of(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}
