//! `netbox/saml2-backend-not-in-authentication-backends`: the SAML2 plugin signs users in with a
//! backend NetBox's AUTHENTICATION_BACKENDS does not list, so Django drops each session at once.
//!
//! ## What it does
//! With netbox-plugin-auth-saml2 (`PLUGINS_CONFIG['django3_saml2_nbplugin']`, where PLUGINS
//! lists the plugin or is not shown), compares the dotted path of its `AUTHENTICATION_BACKEND`
//! with NetBox's REMOTE_AUTH_BACKEND (a path or a list; NetBox's RemoteUserBackend when it is
//! unset in a whole configuration.py). Reports the plugin's backend when REMOTE_AUTH_BACKEND is
//! known and does not name it. A name without a module is `backend-not-importable`'s.
//!
//! ## Why is this bad?
//! The plugin's sign-in view (django3-auth-saml2's ACS) loads that backend, authenticates the
//! user with it, sets `user.backend` to its path and calls Django's login(), which stores the
//! path in the session. NetBox's AUTHENTICATION_BACKENDS is REMOTE_AUTH_BACKEND plus its own
//! permission backend (ObjectPermissionBackend; ViewExemptModelBackend before 2.9), and on the next request Django's get_user keeps the session only if
//! the stored path is listed there: otherwise the user is anonymous again. Every SAML sign-in
//! creates or finds the user and is forgotten; with LOGIN_REQUIRED the browser loops between
//! NetBox and the identity provider.
//!
//! ## Example
//! `REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'` beside
//! `'AUTHENTICATION_BACKEND': 'django3_saml2_nbplugin.backends.SAML2CustomAttrUserBackend'`.
//!
//! Use instead: the plugin's README: `REMOTE_AUTH_BACKEND = 'django3_saml2_nbplugin.backends.
//! SAML2CustomAttrUserBackend'` and `'AUTHENTICATION_BACKEND': REMOTE_AUTH_BACKEND`.

use super::saml2::plugin_settings;
use crate::finding::{Finding, Rule, Severity};
use crate::model::netbox::Presence;
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// The SAML2 plugin's backend is not among NetBox's AUTHENTICATION_BACKENDS.
pub const SAML2_BACKEND_NOT_IN_AUTHENTICATION_BACKENDS: Rule = Rule {
    id: "netbox/saml2-backend-not-in-authentication-backends",
    severity: Severity::Error,
    summary: "the SAML2 plugin's `AUTHENTICATION_BACKEND` is not among the backends REMOTE_AUTH_BACKEND gives NetBox's AUTHENTICATION_BACKENDS: Django forgets each SAML sign-in on the next request",
    help: "name the same backend in both, as the plugin's README does: `REMOTE_AUTH_BACKEND = '<the plugin's backend>'` and `'AUTHENTICATION_BACKEND': REMOTE_AUTH_BACKEND`",
    fact: "django3-auth-saml2 0.6.1 views.py sso_acs (`backend_name = SAML2_AUTH_CONFIG['AUTHENTICATION_BACKEND']`, load_backend, authenticate, `user_obj.backend = backend_name`, login()); netbox-plugin-auth-saml2 2.0 to 3.0 __init__.py (`SAML2_AUTH_CONFIG.update(user_config)` from PLUGINS_CONFIG); Django 5.2.8 django/contrib/auth/__init__.py L192 (login stores the backend's path in the session) and L309 (get_user: `if backend_path in settings.AUTHENTICATION_BACKENDS`, else AnonymousUser); NetBox settings.py AUTHENTICATION_BACKENDS = REMOTE_AUTH_BACKEND then ObjectPermissionBackend (v2.8.0 L334-337 utilities.auth_backends.ViewExemptModelBackend instead, v2.10.0 L339-342, v3.4.0 L383-386, v4.6.8 L581-584 with `*REMOTE_AUTH_BACKEND`), default REMOTE_AUTH_BACKEND 'netbox.authentication.RemoteUserBackend' (v4.6.8 L173; 'utilities.auth_backends.RemoteUserBackend' before 2.9). Seen in tests/realworld/tuning/t223-… (a Zitadel guide for NetBox 3.6.5)",
    applies: Applies::Always,
};

pub fn saml2_backend_not_in_authentication_backends(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(plugin) = plugin_settings(nb) else { return };
    let Some((value, path)) = plugin.authentication_backend() else { return };
    if !path.contains('.') {
        return;
    }
    let listed = match nb.presence("REMOTE_AUTH_BACKEND") {
        Presence::Set(_) => match nb.backends() {
            Some(backends) => backends,
            None => return,
        },
        Presence::Unset if targets.netbox < Version::new(2, 9, 0) => vec!["utilities.auth_backends.RemoteUserBackend".to_string()],
        Presence::Unset => vec!["netbox.authentication.RemoteUserBackend".to_string()],
        Presence::Unknown => return,
    };
    if listed.iter().any(|backend| backend == path) {
        return;
    }
    let names = listed.iter().map(|b| format!("`{}`", b.escape_debug())).collect::<Vec<_>>().join(", ");
    out.push(
        Finding::in_block(
            &SAML2_BACKEND_NOT_IN_AUTHENTICATION_BACKENDS,
            plugin.config.block,
            value.range.clone(),
            format!(
                "the SAML2 plugin signs users in with `{}` and Django stores that path in the session, but NetBox's AUTHENTICATION_BACKENDS are REMOTE_AUTH_BACKEND ({names}) and NetBox's own permission backend: on the next request Django keeps a session only for a listed backend, so every SAML sign-in is forgotten at once (with LOGIN_REQUIRED the browser loops back to the identity provider)",
                path.escape_debug()
            ),
        )
        .with_help(format!(
            "name one backend in both: `REMOTE_AUTH_BACKEND = '{}'` and `'AUTHENTICATION_BACKEND': REMOTE_AUTH_BACKEND`, as the plugin's README does",
            path.escape_debug()
        )),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    const PLUGIN: &str = "PLUGINS = ['django3_saml2_nbplugin']\nPLUGINS_CONFIG = {\n    'django3_saml2_nbplugin': {\n        'AUTHENTICATION_BACKEND': 'django3_saml2_nbplugin.backends.SAML2CustomAttrUserBackend',\n    },\n}\n";

    const PLUGIN_REMOTE_USER: &str = "PLUGINS = ['django3_saml2_nbplugin']\nPLUGINS_CONFIG = {\n    'django3_saml2_nbplugin': {\n        'AUTHENTICATION_BACKEND': 'netbox.authentication.RemoteUserBackend',\n    },\n}\n";

    /// (rule, target NetBox, a configuration.py that makes it fire on the given line, a close one
    /// that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // t223's shape: NetBox's own backend listed, the plugin's used.
        (
            "netbox/saml2-backend-not-in-authentication-backends",
            "3.6",
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nPLUGINS = ['django3_saml2_nbplugin']\nPLUGINS_CONFIG = {\n    'django3_saml2_nbplugin': {\n        'AUTHENTICATION_BACKEND': 'django3_saml2_nbplugin.backends.SAML2CustomAttrUserBackend',\n    },\n}\n",
            5,
            "REMOTE_AUTH_BACKEND = 'django3_saml2_nbplugin.backends.SAML2CustomAttrUserBackend'\nPLUGINS = ['django3_saml2_nbplugin']\nPLUGINS_CONFIG = {\n    'django3_saml2_nbplugin': {\n        'AUTHENTICATION_BACKEND': REMOTE_AUTH_BACKEND,\n    },\n}\n",
        ),
        // In a list of backends; unset in an excerpt (unknown); another plugin's settings.
        (
            "netbox/saml2-backend-not-in-authentication-backends",
            "4.7",
            "REMOTE_AUTH_BACKEND = ['netbox.authentication.LDAPBackend']\nPLUGINS = ['django3_saml2_nbplugin']\nPLUGINS_CONFIG = {\n    'django3_saml2_nbplugin': {\n        'AUTHENTICATION_BACKEND': 'django3_saml2_nbplugin.backends.SAML2CustomAttrUserBackend',\n    },\n}\n",
            5,
            "REMOTE_AUTH_BACKEND = ['netbox.authentication.LDAPBackend', 'django3_saml2_nbplugin.backends.SAML2CustomAttrUserBackend']\nPLUGINS = ['django3_saml2_nbplugin']\nPLUGINS_CONFIG = {\n    'django3_saml2_nbplugin': {\n        'AUTHENTICATION_BACKEND': 'django3_saml2_nbplugin.backends.SAML2CustomAttrUserBackend',\n    },\n}\n",
        ),
        // Unset in a whole configuration.py: NetBox's RemoteUserBackend, which the plugin may use.
        ("netbox/saml2-backend-not-in-authentication-backends", "4.7", PLUGIN, 4, PLUGIN_REMOTE_USER),
        (
            "netbox/saml2-backend-not-in-authentication-backends",
            "4.7",
            "X = 1\n",
            0,
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nPLUGINS = ['netbox_bgp']\nPLUGINS_CONFIG = {\n    'django3_saml2_nbplugin': {\n        'AUTHENTICATION_BACKEND': 'django3_saml2_nbplugin.backends.SAML2CustomAttrUserBackend',\n    },\n}\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::SAML2_BACKEND_NOT_IN_AUTHENTICATION_BACKENDS, CASES);
    }

    #[test]
    fn names_both_backends() {
        let (message, help) = finding_of("netbox/saml2-backend-not-in-authentication-backends", CASES[0].2, "3.6");
        assert!(message.contains("signs users in with `django3_saml2_nbplugin.backends.SAML2CustomAttrUserBackend`"), "{message}");
        assert!(message.contains("REMOTE_AUTH_BACKEND (`netbox.authentication.RemoteUserBackend`)"), "{message}");
        assert!(help.starts_with("name one backend in both: `REMOTE_AUTH_BACKEND = 'django3_saml2_nbplugin.backends.SAML2CustomAttrUserBackend'`"), "{help}");
    }
}
