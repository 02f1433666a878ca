//! `netbox/backend-not-importable`: a `REMOTE_AUTH_BACKEND` entry Django cannot import.
//!
//! ## What it does
//! Finds a `REMOTE_AUTH_BACKEND` entry that is a file path, a class's name without its module
//! (as is the SAML2 plugin's `AUTHENTICATION_BACKEND` in `PLUGINS_CONFIG`), or a
//! `social_core.backends.<module>.<Class>` path whose module or class the social-auth-core the
//! target NetBox pins does not have (per an inventory of every release's backends modules).
//! Other paths (NetBox's, Django's, a plugin's, the site's own modules) are not judged.
//!
//! ## Why is this bad?
//! NetBox's login page imports every backend to list its buttons: one entry that does not
//! import takes the page down (AttributeError, ModuleNotFoundError), for every user.
//!
//! ## Example
//! `REMOTE_AUTH_BACKEND = 'social_core.backends.azuread.AzureADTenantOAuth2'`
//!
//! Use instead: `'social_core.backends.azuread_tenant.AzureADTenantOAuth2'`, the module that
//! defines the class.

use super::shared::oidc_settings_used;
use super::social_backends::BACKEND_MODULES;
use super::social_names::social_pins;
use crate::extract::closest_of;
use crate::finding::{Finding, Rule, Severity};
use crate::model::netbox::OIDC_BACKEND;
use crate::parse::netbox::{Value, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// A `REMOTE_AUTH_BACKEND` entry Django cannot import.
pub const BACKEND_NOT_IMPORTABLE: Rule = Rule {
    id: "netbox/backend-not-importable",
    severity: Severity::Error,
    summary: "a `REMOTE_AUTH_BACKEND` entry (or the SAML2 plugin's `AUTHENTICATION_BACKEND`) is a file path or a class's name without its module, or names a social-core module or class the social-auth-core the target NetBox pins does not have: the login page fails",
    help: "name the class by its dotted module path, as social-core defines it (`social_core.backends.<module>.<Class>`)",
    fact: "NetBox builds AUTHENTICATION_BACKENDS from REMOTE_AUTH_BACKEND (facts §1.2); its login page loads every backend through social-core's load_backends / module_member (NetBox 4.6.8 account/views.py L76, 4.7.3 L83), which imports each entry by its dotted path, as Django's import_string does for authentication: seen with NetBox 4.7.3, GET /login/ raised AttributeError \"module 'social_core.backends.azuread' has no attribute 'AzureADTenantOAuth2'\" and, for '/opt/netbox/netbox/custom_backend.py', ModuleNotFoundError \"No module named '/opt/netbox/netbox/custom_backend'\" (the home page still redirected to it). What each social-auth-core release 4.0.2 … 7.0.0 has: data/social-core-backends.json (the modules of social_core/backends/, the names each binds and the classes each defines, read from the wheels by tools/inventories/social_core_backends.py); the release a NetBox pins: data/netbox-settings.json. A newer social-auth-core installed over the pin (local_requirements.txt) may have more: the message names the pinned release. A name without a dot cannot be split into module and class: social-core's module_member (`mod, member = name.rsplit(\".\", 1)`, utils.py L104-107, 7.0.0) raises ValueError, Django's import_string ImportError ('… doesn't look like a module path', django/utils/module_loading.py L24-27, 5.2.8); netbox-plugin-auth-saml2 loads its AUTHENTICATION_BACKEND with load_backend on every sign-in (django3_auth_saml2/views.py L107-108, 0023ad6), seen in its issue of tests/realworld/tuning/t214-…",
    applies: Applies::Always,
};

const SOCIAL_BACKENDS: &str = "social_core.backends.";

pub fn backend_not_importable(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    saml2_plugin_backend(d, targets.netbox, out);
    let Some(setting) = d.netbox.get("REMOTE_AUTH_BACKEND") else { return };
    let entries: Vec<&Value> = match &setting.value.kind {
        ValueKind::Str(_) => vec![&setting.value],
        ValueKind::List(items) | ValueKind::Tuple(items) => items.iter().collect(),
        _ => return,
    };
    let pins = social_pins(targets.netbox);
    // A near miss of the OpenID Connect backend beside its settings is `backend-path`'s.
    let oidc = oidc_settings_used(&d.netbox);
    for entry in entries {
        let Some(path) = entry.as_str() else { continue };
        if oidc && closest_of(path, std::iter::once(OIDC_BACKEND)).is_some() {
            continue;
        }
        if let Some((message, help)) = moved_netbox_backend(path, targets.netbox).or_else(|| verdict(path, &pins)) {
            let finding = Finding::in_block(&BACKEND_NOT_IMPORTABLE, setting.block, entry.range.clone(), message);
            out.push(match help {
                Some(help) => finding.with_help(help),
                None => finding,
            });
        }
    }
}

/// NetBox's own backends before 2.9.0: `utilities.auth_backends` (RemoteUserBackend, NetBox
/// 2.8's default, settings.py L105 at v2.8.9). 2.9.0 moved the module to `netbox.authentication`
/// (commit 26d7c21); 2.9.1 to 2.9.x replaced the old RemoteUserBackend path with the new one and
/// a warning (settings.py L145-151 at v2.9.1, commit 728088f "Closes #5033"); 2.10.0 dropped
/// that, and no release since has `utilities/auth_backends.py` (git ls-tree, 2.10.0 … 4.7.3).
const OLD_NETBOX_BACKENDS: &str = "utilities.auth_backends.";

/// An entry naming NetBox's old backend module on a release that cannot import it.
fn moved_netbox_backend(path: &str, netbox: Version) -> Option<(String, Option<String>)> {
    moved_backend(path, netbox, true)
}

/// [`moved_netbox_backend`], where NetBox 2.9.1 to 2.9.x translated the old RemoteUserBackend path
/// (in `REMOTE_AUTH_BACKEND` only, settings.py L146 at v2.9.1: `translated_by_netbox`) or not (a
/// plugin that loads the backend itself).
fn moved_backend(path: &str, netbox: Version, translated_by_netbox: bool) -> Option<(String, Option<String>)> {
    let class = path.strip_prefix(OLD_NETBOX_BACKENDS)?;
    let translated = translated_by_netbox && class == "RemoteUserBackend" && netbox >= Version::new(2, 9, 1);
    if netbox < Version::new(2, 9, 0) || (translated && netbox < Version::new(2, 10, 0)) {
        return None;
    }
    let translation = if translated_by_netbox {
        "2.9.1 to 2.9.x still translated the old path, 2.10.0 stopped"
    } else {
        "2.9.1 to 2.9.x translated the old path in REMOTE_AUTH_BACKEND only"
    };
    let message = format!(
        "NetBox 2.9.0 moved its authentication backends out of `utilities.auth_backends` (RemoteUserBackend became `netbox.authentication.RemoteUserBackend`; {translation}), so NetBox {netbox} cannot import `{}`: every login fails with ModuleNotFoundError: No module named 'utilities.auth_backends'",
        path.escape_debug()
    );
    let help = (class == "RemoteUserBackend").then(|| "use `'netbox.authentication.RemoteUserBackend'`".to_owned());
    Some((message, help))
}

/// What is wrong with one entry, and the fix when one is known; `None` when it imports or
/// is outside what the inventories cover (NetBox's, Django's, a plugin's or the site's modules).
fn verdict(path: &str, pins: &[Version]) -> Option<(String, Option<String>)> {
    if path.contains('/') || path.contains('\\') || path.ends_with(".py") {
        let module = path.trim_end_matches(".py").rsplit(['/', '\\']).next().unwrap_or(path);
        return Some((
            format!(
                "`{path}` is a file path: each backend is imported by its dotted module path, so the login page fails to import it"
            ),
            Some(format!(
                "make `{module}` importable by NetBox's Python (an installed package, or a module on its path) and name the class by its import path: `'<package>.{module}.<BackendClass>'`"
            )),
        ));
    }
    if is_identifier(path) {
        return Some((
            format!(
                "`{}` names a class without its module: NetBox imports each backend by its dotted path, split at its last dot (social-core's module_member on the login page, Django's import_string when signing in), so the login page fails with ValueError",
                path.escape_debug()
            ),
            class_path(path),
        ));
    }
    let rest = path.strip_prefix(SOCIAL_BACKENDS)?;
    if !rest.split('.').all(is_identifier) {
        return None;
    }
    let (module, class) = path.rsplit_once('.')?;
    let release = pins.first().map_or_else(String::new, |p| format!("social-auth-core {p}"));
    let moved = BACKEND_MODULES.module_defining(class, pins).map(|m| format!("use `'{m}.{class}'`"));
    if !BACKEND_MODULES.has_module(module, pins) {
        // No near module name is offered: module names are short, and a near one is more often
        // another provider (`ping` → `xing`) than the one meant.
        return Some((
            format!(
                "{release}, the social-auth-core the target NetBox pins, has no module `{module}`: `{path}` cannot be imported and the login page fails"
            ),
            moved,
        ));
    }
    if BACKEND_MODULES.binds(module, class, pins) {
        return None;
    }
    let near = moved.or_else(|| {
        closest_of(class, BACKEND_MODULES.classes(module, pins)).map(|c| format!("use `'{module}.{c}'`"))
    });
    Some((
        format!(
            "`{module}` has no `{class}` in {release}, the social-auth-core the target NetBox pins: `{path}` cannot be imported and the login page fails with AttributeError"
        ),
        near,
    ))
}

/// The module path of a backend class named alone, where the class is NetBox's or the SAML2
/// plugin's (django3_saml2_nbplugin/backends.py, netbox-plugin-auth-saml2 2a9ed4b).
fn class_path(class: &str) -> Option<String> {
    let module = match class {
        "RemoteUserBackend" | "LDAPBackend" | "ObjectPermissionBackend" => "netbox.authentication",
        "SAML2DottedEmailUserBackend" | "SAML2AttrUserBackend" | "SAML2CustomAttrUserBackend" => {
            "django3_saml2_nbplugin.backends"
        }
        _ => return None,
    };
    Some(format!("use `'{module}.{class}'`"))
}

/// netbox-plugin-auth-saml2 copies its `PLUGINS_CONFIG` into django3-auth-saml2's
/// SAML2_AUTH_CONFIG (django3_saml2_nbplugin/__init__.py `validate`, 2a9ed4b), whose ACS view
/// runs `load_backend(SAML2_AUTH_CONFIG['AUTHENTICATION_BACKEND'])` on every sign-in
/// (django3_auth_saml2/views.py L107-108, 0023ad6): Django's import_string, which refuses a name
/// without a dot (`ImportError: … doesn't look like a module path`, django/utils/module_loading.py
/// L24-27, 5.2.8). Judged where PLUGINS is not shown or lists the plugin: a class's name alone, or
/// NetBox's backend module before 2.9 (the plugin's README names it) on a release without it.
fn saml2_plugin_backend(d: &Input<'_>, netbox: Version, out: &mut Vec<Finding>) {
    let Some(plugin) = super::saml2::plugin_settings(&d.netbox) else { return };
    let Some((value, path)) = plugin.authentication_backend() else { return };
    let config = plugin.config;
    let (message, help) = if is_identifier(path) {
        let message = format!(
            "`{}` names a class without its module: the SAML2 plugin loads `AUTHENTICATION_BACKEND` with Django's load_backend on every sign-in, which imports it by its dotted path, so each sign-in that comes back from the identity provider ends in ImportError ('… doesn't look like a module path')",
            path.escape_debug()
        );
        (message, class_path(path))
    } else if let Some(moved) = moved_backend(path, netbox, false) {
        moved
    } else {
        return;
    };
    let finding = Finding::in_block(&BACKEND_NOT_IMPORTABLE, config.block, value.range.clone(), message);
    out.push(match help {
        Some(help) => finding.with_help(help),
        None => finding,
    });
}

/// Whether `word` is a Python identifier (ASCII; a module or class name social-core would use).
fn is_identifier(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, assert_fires_in_chapter, assert_quiet_in_chapter};
    use crate::rules::testing::{BLUEPRINT, NGINX, helps, messages};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // NetBox 2.8's path on 3.0 (netbox-plugin-auth-saml2 issue #47, corpus case t126); 2.8
        // had it and 2.9.x translated it
        ("netbox/backend-not-importable", "3.0", "REMOTE_AUTH_BACKEND = 'utilities.auth_backends.RemoteUserBackend'\n", 1, "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\n"),
        ("netbox/backend-not-importable", "2.9.0", "REMOTE_AUTH_BACKEND = 'utilities.auth_backends.RemoteUserBackend'\n", 1, "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\n"),
        // A class in another module than the one named (social-core keeps the tenant backend
        // in azuread_tenant).
        (
            "netbox/backend-not-importable",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.azuread.AzureADTenantOAuth2'\n",
            1,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.azuread_tenant.AzureADTenantOAuth2'\n",
        ),
        // A file path, in a list beside a good entry.
        (
            "netbox/backend-not-importable",
            "4.7",
            "REMOTE_AUTH_BACKEND = [\n    'netbox.authentication.RemoteUserBackend',\n    '/opt/netbox/netbox/sso_backend.py',\n]\n",
            3,
            "REMOTE_AUTH_BACKEND = [\n    'netbox.authentication.RemoteUserBackend',\n    'sso_backend.SSOBackend',\n]\n",
        ),
        // A module no release has; a class the module does not define.
        (
            "netbox/backend-not-importable",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak_oidc.KeycloakOAuth2'\n",
            1,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::BACKEND_NOT_IMPORTABLE, CASES);
    }

    /// A class named alone (t214: the SAML2 plugin's backend; the same in REMOTE_AUTH_BACKEND),
    /// with the module path where the class is known.
    #[test]
    fn a_class_named_without_its_module() {
        let plugin = "PLUGINS = ['django3_saml2_nbplugin']\nPLUGINS_CONFIG = {\n    'django3_saml2_nbplugin': {\n        'AUTHENTICATION_BACKEND': 'SAML2DottedEmailUserBackend',\n    },\n}\n";
        assert_fires_in_chapter("netbox/backend-not-importable", &netbox_chapter(plugin), 4);
        let help = helps(plugin, NGINX, BLUEPRINT).into_iter().find(|(r, _)| *r == "netbox/backend-not-importable");
        assert_eq!(help.map(|(_, h)| h), Some("use `'django3_saml2_nbplugin.backends.SAML2DottedEmailUserBackend'`".to_string()));
        let dotted = plugin.replace("'SAML2DottedEmailUserBackend'", "'django3_saml2_nbplugin.backends.SAML2DottedEmailUserBackend'");
        assert_quiet_in_chapter("netbox/backend-not-importable", &netbox_chapter(&dotted));
        // Another plugin listed instead: its settings are not this plugin's.
        let other = plugin.replace("PLUGINS = ['django3_saml2_nbplugin']", "PLUGINS = ['netbox_bgp']");
        assert_quiet_in_chapter("netbox/backend-not-importable", &netbox_chapter(&other));
        // The name assigned to another setting is followed to its value: a bare name there is
        // reported on both lines.
        let named = "REMOTE_AUTH_BACKEND = 'RemoteUserBackend'\nPLUGINS_CONFIG = {'django3_saml2_nbplugin': {'AUTHENTICATION_BACKEND': REMOTE_AUTH_BACKEND}}\n";
        assert_fires_in_chapter("netbox/backend-not-importable", &netbox_chapter(named), 2);
        let dotted = named.replace("'RemoteUserBackend'", "'netbox.authentication.RemoteUserBackend'");
        assert_quiet_in_chapter("netbox/backend-not-importable", &netbox_chapter(&dotted));
        // The plugin README's NetBox 2.8 path, on a NetBox without that module.
        let old = plugin.replace("'SAML2DottedEmailUserBackend'", "'utilities.auth_backends.RemoteUserBackend'");
        assert_fires_in_chapter("netbox/backend-not-importable", &netbox_chapter(&old), 4);
        // NetBox 2.9.1 to 2.9.x translated that path in REMOTE_AUTH_BACKEND only: the plugin, which
        // loads the backend itself, still fails there.
        let on_2_9 = crate::rules::netbox::testing::findings(&old, "2.9.5");
        assert!(on_2_9.iter().any(|(rule, ..)| *rule == "netbox/backend-not-importable"), "{on_2_9:?}");
        let bare = "REMOTE_AUTH_BACKEND = 'RemoteUserBackend'\n";
        assert_fires_in_chapter("netbox/backend-not-importable", &netbox_chapter(bare), 1);
        let help = helps(bare, NGINX, BLUEPRINT).into_iter().find(|(r, _)| *r == "netbox/backend-not-importable");
        assert_eq!(help.map(|(_, h)| h), Some("use `'netbox.authentication.RemoteUserBackend'`".to_string()));
    }

    fn netbox_chapter(python: &str) -> String {
        format!("# t\n\n```python,check=netbox\n{python}```\n")
    }

    #[test]
    fn the_fix_names_where_the_class_lives() {
        let netbox = "ALLOWED_HOSTS = ['netbox.internaldomain.com']\nREMOTE_AUTH_BACKEND = 'social_core.backends.azuread.AzureADTenantOAuth2'\n";
        let help = helps(netbox, NGINX, BLUEPRINT).into_iter().find(|(r, _)| *r == "netbox/backend-not-importable");
        assert_eq!(help.map(|(_, h)| h), Some("use `'social_core.backends.azuread_tenant.AzureADTenantOAuth2'`".to_string()));
        let said = messages(netbox, NGINX, BLUEPRINT);
        let (_, message) = said.iter().find(|(r, _)| *r == "netbox/backend-not-importable").unwrap();
        assert!(message.contains("social-auth-core 5.2.0"), "the release NetBox 4.7 pins: {message}");
    }

    #[test]
    fn a_near_miss_of_the_oidc_backend_is_left_to_backend_path() {
        let netbox = "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIDConnectAuth'\nSOCIAL_AUTH_OIDC_KEY = 'netbox'\n";
        let said = messages(netbox, NGINX, BLUEPRINT);
        assert!(said.iter().any(|(r, _)| *r == "netbox/backend-path"), "{said:#?}");
        assert!(!said.iter().any(|(r, _)| *r == "netbox/backend-not-importable"), "{said:#?}");
    }

    #[test]
    fn paths_outside_social_core_and_odd_text_are_not_judged() {
        for path in ["netbox.authentication.Nonexistent", "my_sso.backends.Backend", "social_core.backends.x-y.Z", "'social_core.backends.oidc.X'"] {
            assert_eq!(super::verdict(path, &[crate::version::Version::new(5, 2, 0)]), None, "{path}");
        }
    }

    #[test]
    fn netbox_2_8s_module_only_where_no_release_imports_it() {
        use crate::version::Version;
        let path = "utilities.auth_backends.RemoteUserBackend";
        assert_eq!(super::moved_netbox_backend(path, Version::new(2, 8, 9)), None);
        assert_eq!(super::moved_netbox_backend(path, Version::new(2, 9, 11)), None);
        assert!(super::moved_netbox_backend("utilities.auth_backends.ViewExemptModelBackend", Version::new(2, 9, 11)).is_some());
        let (message, help) = super::moved_netbox_backend(path, Version::new(3, 0, 0)).unwrap();
        assert!(message.contains("NetBox 3.0.0 cannot import") && message.contains("No module named 'utilities.auth_backends'"), "{message}");
        assert_eq!(help.as_deref(), Some("use `'netbox.authentication.RemoteUserBackend'`"));
    }
}
