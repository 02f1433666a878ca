//! `netbox/saml2-custom-attr-backend-unread`: the SAML2 plugin's `CUSTOM_ATTR_BACKEND` settings
//! beside an `AUTHENTICATION_BACKEND` that never reads them.
//!
//! ## What it does
//! With netbox-plugin-auth-saml2's settings (`PLUGINS_CONFIG['django3_saml2_nbplugin']`), reports
//! `CUSTOM_ATTR_BACKEND` when `AUTHENTICATION_BACKEND` names, by its dotted path, a backend
//! known to read none of it: NetBox's RemoteUserBackend (`netbox.authentication`, or
//! `utilities.auth_backends` before 2.9), or the plugin's SAML2DottedEmailUserBackend or
//! SAML2AttrUserBackend. A class of one's own may subclass the plugin's: not judged.
//!
//! ## Why is this bad?
//! Only the plugin's SAML2CustomAttrUserBackend reads `CUSTOM_ATTR_BACKEND` (its username,
//! name, e-mail and group attributes, `FLAGS_BY_GROUP`, `GROUP_MAPPINGS`); the sign-in view uses
//! the backend `AUTHENTICATION_BACKEND` names. With another one, none of these settings apply,
//! without a word: NetBox's RemoteUserBackend makes the SAML NameID the user's name and sets
//! nothing else, the plugin's other backends read attributes of fixed names (`first_name`,
//! `last_name`, `email`) or split the NameID.
//!
//! ## Example
//! `'AUTHENTICATION_BACKEND': 'netbox.authentication.RemoteUserBackend'` beside
//! `'CUSTOM_ATTR_BACKEND': {'USERNAME_ATTR': 'Email'}`.
//!
//! Use instead: `'django3_saml2_nbplugin.backends.SAML2CustomAttrUserBackend'` as the backend
//! (in REMOTE_AUTH_BACKEND too, which `saml2-backend-not-in-authentication-backends` checks).

use super::saml2::{CUSTOM_ATTR_BACKEND_CLASS, OTHER_BACKENDS, class_of, plugin_settings};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `CUSTOM_ATTR_BACKEND` beside a backend that never reads it.
pub const SAML2_CUSTOM_ATTR_BACKEND_UNREAD: Rule = Rule {
    id: "netbox/saml2-custom-attr-backend-unread",
    severity: Severity::Warning,
    summary: "the SAML2 plugin's `CUSTOM_ATTR_BACKEND` is given, but its `AUTHENTICATION_BACKEND` is a backend that never reads it: no attribute, flag or group mapping applies",
    help: "use the plugin's custom-attribute backend: `'AUTHENTICATION_BACKEND': 'django3_saml2_nbplugin.backends.SAML2CustomAttrUserBackend'` (and the same REMOTE_AUTH_BACKEND)",
    fact: "netbox-plugin-auth-saml2 3.0 django3_saml2_nbplugin/backends.py: only SAML2CustomAttrUserBackend reads `PLUGINS_CONFIG['django3_saml2_nbplugin'].get('CUSTOM_ATTR_BACKEND', {})` (L112, L145; the class exists from 2.3, 2.0 to 2.2 have no such setting); SAML2DottedEmailUserBackend and SAML2AttrUserBackend read SAML attributes of fixed names; django3-auth-saml2 0.6.1 views.py sso_acs loads and authenticates with SAML2_AUTH_CONFIG['AUTHENTICATION_BACKEND']; NetBox's RemoteUserBackend reads REMOTE_AUTH_* settings only (netbox/netbox/authentication/__init__.py, 4.6.8: no PLUGINS_CONFIG). Seen in tests/realworld/tuning/t230-… (a plugin issue: users got the NameID only)",
    applies: Applies::Always,
};

pub fn saml2_custom_attr_backend_unread(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(plugin) = plugin_settings(&d.netbox) else { return };
    let Some((key, _)) = plugin.custom_attr_backend() else { return };
    let Some((_, backend)) = plugin.authentication_backend() else { return };
    if !OTHER_BACKENDS.contains(&backend) {
        return;
    }
    // What the backend in use does instead (backends.py, 3.0; NetBox's authentication module).
    let class = class_of(backend);
    let instead = match class {
        "SAML2AttrUserBackend" => "which names users `first_name.last_name` and takes their e-mail from the attributes of those fixed names",
        "SAML2DottedEmailUserBackend" => "which takes users' names and e-mail from a NameID of the form first.last@domain",
        _ => "which makes the SAML NameID the user's name and sets nothing else",
    };
    out.push(Finding::in_block(
        &SAML2_CUSTOM_ATTR_BACKEND_UNREAD,
        plugin.config.block,
        key.range.clone(),
        format!(
            "only the plugin's {CUSTOM_ATTR_BACKEND_CLASS} reads `CUSTOM_ATTR_BACKEND`, but the sign-in uses `{class}` (`AUTHENTICATION_BACKEND`), {instead}: none of these attribute names, flags or group mappings apply"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    fn plugin(backend: &str) -> String {
        format!(
            "PLUGINS = ['django3_saml2_nbplugin']\nREMOTE_AUTH_BACKEND = '{backend}'\nPLUGINS_CONFIG = {{\n    'django3_saml2_nbplugin': {{\n        'AUTHENTICATION_BACKEND': REMOTE_AUTH_BACKEND,\n        'CUSTOM_ATTR_BACKEND': {{\n            'USERNAME_ATTR': 'Email',\n        }},\n    }},\n}}\n"
        )
    }

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        // t230's shape, and the plugin's fixed-attribute backend; a class of one's own is not known.
        let remote = plugin("netbox.authentication.RemoteUserBackend");
        let attr = plugin("django3_saml2_nbplugin.backends.SAML2AttrUserBackend");
        let custom = plugin("django3_saml2_nbplugin.backends.SAML2CustomAttrUserBackend");
        let own = plugin("sso.backends.MyBackend");
        let cases: &[(&str, &str, &str, usize, &str)] = &[
            ("netbox/saml2-custom-attr-backend-unread", "4.7", &remote, 6, &custom),
            ("netbox/saml2-custom-attr-backend-unread", "3.6", &attr, 6, &own),
        ];
        assert_cases(&super::SAML2_CUSTOM_ATTR_BACKEND_UNREAD, cases);
        let (message, _) = finding_of("netbox/saml2-custom-attr-backend-unread", &remote, "4.7");
        assert!(message.contains("but the sign-in uses `RemoteUserBackend` (`AUTHENTICATION_BACKEND`), which makes the SAML NameID the user's name"), "{message}");
        let (message, _) = finding_of("netbox/saml2-custom-attr-backend-unread", &attr, "3.6");
        assert!(message.contains("`SAML2AttrUserBackend` (`AUTHENTICATION_BACKEND`), which names users `first_name.last_name`"), "{message}");
    }
}
