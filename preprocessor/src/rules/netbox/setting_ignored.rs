//! `netbox/setting-ignored`: A Django setting NetBox never reads from configuration.py.

use super::parameters::{DJANGO_BY_NAME, NETBOX};
use super::shared::{at_statement, what_has_no_effect};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A Django setting NetBox never reads from configuration.py.
pub const SETTING_IGNORED: Rule = Rule {
    id: "netbox/setting-ignored",
    severity: Severity::Warning,
    summary: "a Django setting (`USE_X_FORWARDED_HOST`, `SECURE_PROXY_SSL_HEADER`, `LOGIN_REDIRECT_URL`, …) that NetBox never reads from configuration.py",
    help: "remove the line: NetBox copies only its own parameters and the `SOCIAL_AUTH_*` names from configuration.py into Django's settings",
    fact: "facts §1.1 (fixed list of getattr(configuration, NAME); every Django setting, the module-level names of django/conf/global_settings.py in Django 1.9.13 to 6.1.3, every series NetBox has run on from NetBox 1.0.0's Django==1.9.7 (requirements.txt) (data/django-settings.json), that no NetBox release reads (data/netbox-settings.json) has no effect; NetBox sets SECURE_PROXY_SSL_HEADER and USE_X_FORWARDED_HOST itself), §11 (still so in 4.7.3); NetBox 4.6.8 settings.py L94-96 reads django-cors-headers' older names (CORS_ORIGIN_ALLOW_ALL, CORS_ORIGIN_REGEX_WHITELIST, CORS_ORIGIN_WHITELIST) and L221-223 its own storage parameters (STORAGE_BACKEND, STORAGES), never DEFAULT_FILE_STORAGE. One exception is known: nixpkgs builds NetBox with its own patch, `STATIC_ROOT = getattr(configuration, 'STATIC_ROOT', os.path.join(BASE_DIR, 'static')).rstrip('/')` (nixpkgs pkgs/servers/web-apps/netbox/config.patch, NetBox 3.5's package: 'Allow setting the STATIC_ROOT from within the configuration'; later packages apply custom-static-root.patch), so STATIC_ROOT is not reported in a configuration NixOS's module wrote: one that names a /nix/store/ path, or reads the secret key as the module renders it, `with open(\"<secretKeyFile>\", \"r\") as file:` / `SECRET_KEY = file.readline()` (nixos/modules/services/web-apps/netbox.nix extraConfig; secretKeyFile has no default); the same two lines are a NixOS idiom beyond NetBox's module (nixpkgs' healthchecks package writes them too), so a configuration.py of one's own written that way is taken for NixOS's, and its STATIC_ROOT is not reported",
    applies: Applies::Always,
};

pub fn setting_ignored(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let mut from_nixpkgs = None;
    for setting in d.netbox.own_settings() {
        let name = setting.name.as_str();
        // ldap_config.py is not configuration.py: what NetBox does not read there is
        // `ldap-setting-unknown`'s.
        if d.netbox.is_ldap_setting(setting) {
            continue;
        }
        // A name some NetBox release reads is `setting-removed`'s or `setting-too-new`'s when
        // the target does not read it.
        if let Some(why) = DJANGO_BY_NAME.get(name)
            && NETBOX.get(name).is_none()
            && !(name == "STATIC_ROOT" && *from_nixpkgs.get_or_insert_with(|| d.netbox.rendered_by_nixos()))
        {
            out.push(at_statement(
                &SETTING_IGNORED,
                setting,
                format!("NetBox never reads `{name}` from configuration.py, so {} has no effect ({why})", what_has_no_effect(&d.netbox, setting)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/setting-ignored",
            "4.7",
            "SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')\n",
            1,
            "SECURE_SSL_REDIRECT = True\n",
        ),
        // Any Django setting NetBox never reads (Django's inventory, not the curated list); a
        // removed parameter is setting-removed's, not this rule's.
        ("netbox/setting-ignored", "4.7", "AUTH_USER_MODEL = 'auth.User'\n", 1, "DATE_FORMAT = 'N j, Y'\n"),
        // A setting of an older Django NetBox once ran on (TEMPLATE_DEBUG, removed in Django 1.10;
        // corpus case t166), not a name nobody reads.
        ("netbox/setting-ignored", "4.7", "DEBUG = TEMPLATE_DEBUG = True\n", 1, "DEBUG = True\n"),
        // django-cors-headers' new name beside NetBox's own (which NetBox reads) and Django's
        // storage setting beside NetBox's.
        ("netbox/setting-ignored", "3.6", "DEBUG = False\nCORS_ALLOW_ALL_ORIGINS = True\n", 2, "CORS_ORIGIN_ALLOW_ALL = True\n"),
        (
            "netbox/setting-ignored",
            "3.6",
            "DEFAULT_FILE_STORAGE = 'django.core.files.storage.FileSystemStorage'\n",
            1,
            "STORAGE_BACKEND = 'django.core.files.storage.FileSystemStorage'\n",
        ),
        // STATIC_ROOT in a configuration NixOS wrote (a Nix store path in it): nixpkgs' NetBox
        // reads it (corpus case t43)
        (
            "netbox/setting-ignored",
            "4.4",
            "STATIC_ROOT = '/var/lib/netbox/static'\n",
            1,
            "GIT_PATH = '/nix/store/0000-git-minimal-2.51.0/bin/git'\nSTATIC_ROOT = '/var/lib/netbox/static'\n",
        ),
        // Or one that reads the secret key as NixOS's module renders it (corpus case t217, the
        // NixOS wiki's configuration, which names no store path); a key read another way is the
        // author's own file.
        (
            "netbox/setting-ignored",
            "4.4",
            "STATIC_ROOT = '/var/lib/netbox/static'\nwith open('/run/keys/netbox-secret', 'r') as file:\n    SECRET_KEY = file.readline().strip()\n",
            1,
            "STATIC_ROOT = '/var/lib/netbox/static'\nwith open(\"/run/keys/netbox-secret\", \"r\") as file:\n    SECRET_KEY = file.readline()\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::SETTING_IGNORED, CASES);
    }

    /// ldap_config.py is not configuration.py: a Django setting there is ldap-setting-unknown's
    /// (corpus case t173), never said to be read "from configuration.py".
    #[test]
    fn ldap_config_is_left_to_the_ldap_rules() {
        use crate::rules::netbox::testing::diagnostics_in;
        let pasted = "AUTH_LDAP_SERVER_URI = 'ldaps://ldap.example.com'\nAUTHENTICATION_BACKENDS = ['django_auth_ldap.backend.LDAPBackend']\n";
        let rules: Vec<_> = diagnostics_in("ldap_config.py", pasted, "4.7").into_iter().map(|d| d.rule).collect();
        assert!(!rules.contains(&"netbox/setting-ignored") && rules.contains(&"netbox/ldap-setting-unknown"), "{rules:?}");
        let rules: Vec<_> = diagnostics_in("configuration.py", pasted, "4.7").into_iter().map(|d| d.rule).collect();
        assert!(rules.contains(&"netbox/setting-ignored"), "{rules:?}");
    }
}
