//! `netbox/ldap-settings-in-configuration`: django-auth-ldap's settings (`AUTH_LDAP_*`, and
//! NetBox's `LDAP_IGNORE_CERT_ERRORS`, `LDAP_CA_CERT_DIR`, `LDAP_CA_CERT_FILE`) written in a file
//! NetBox loads as its configuration (`configuration.py`, a netbox-docker add-on such as
//! `extra.py`), where its LDAP backend never looks.
//!
//! ## What it does
//! Finds those names set in `configuration.py` or in a file of netbox-docker's configuration
//! directory outside `ldap/`, unless another file imports them from the configuration module
//! (an `ldap_config.py` that does `from netbox.configuration import *`). One finding per file, on
//! the first name, the others as secondary places.
//!
//! ## Why is this bad?
//! NetBox's LDAPBackend loads `ldap_config.py` (beside configuration.py; netbox-docker's
//! `configuration/ldap/`) and copies that module's `AUTH_LDAP_*` names onto django-auth-ldap's
//! settings; it reads the three `LDAP_` names from that module too. From configuration.py NetBox
//! takes only its own parameters and the `SOCIAL_AUTH_*` names: the server, bind DN, searches and
//! group rules written there are never used, and the LDAP sign-in runs without them (or stops:
//! "Required parameter AUTH_LDAP_SERVER_URI is missing from ldap_config.py").
//!
//! ## Example
//! `AUTH_LDAP_SERVER_URI = 'ldaps://dc.example.org'` in configuration.py.
//!
//! Use instead: the same lines in `ldap_config.py` beside configuration.py (netbox-docker:
//! `configuration/ldap/ldap_config.py`).

use super::ldap::NETBOX_LDAP_NAMES;
use super::shared::imported_from_configuration;
use crate::finding::{Finding, Rule, Severity};
use crate::model::netbox::{Role, role};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// django-auth-ldap's settings in NetBox's configuration.
pub const LDAP_SETTINGS_IN_CONFIGURATION: Rule = Rule {
    id: "netbox/ldap-settings-in-configuration",
    severity: Severity::Warning,
    summary: "`AUTH_LDAP_*` settings (or `LDAP_IGNORE_CERT_ERRORS`, `LDAP_CA_CERT_DIR`, `LDAP_CA_CERT_FILE`) in `configuration.py` or a netbox-docker add-on: NetBox's LDAP backend reads them only from `ldap_config.py`, so these lines have no effect",
    help: "move the LDAP settings into `ldap_config.py` beside configuration.py (netbox-docker: `configuration/ldap/ldap_config.py`, which its image loads for the LDAP backend)",
    fact: "NetBox 4.6.8 netbox/netbox/authentication/__init__.py L348-379 (LDAPBackend loads the ldap_config module with settings_utils.py `load_ldap_config`, L186-221, copies its AUTH_LDAP_* names onto django-auth-ldap's LDAPSettings and reads LDAP_IGNORE_CERT_ERRORS, LDAP_CA_CERT_DIR and LDAP_CA_CERT_FILE from it); configuration.py's names reach Django's settings only for NetBox's own parameters and SOCIAL_AUTH_* (facts §1.1, settings.py L749-751); netbox-docker 3.0.2 docker/ldap_config.docker.py reads /etc/netbox/config/ldap/, while docker/configuration.docker.py loads the other *.py files of /etc/netbox/config/ as configuration. Seen in tests/realworld/tuning/t162-… (a whole django-auth-ldap block in a netbox-docker configuration.py)",
    applies: Applies::Always,
};


pub fn ldap_settings_in_configuration(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    // An ldap_config.py that imports from the configuration module reads them from there.
    if imported_from_configuration(nb, None) {
        return;
    }
    let mut by_file: Vec<(&str, Vec<&crate::parse::netbox::Setting>)> = Vec::new();
    for setting in nb.own_settings() {
        let name = setting.name.as_str();
        if !(name.starts_with("AUTH_LDAP_") || NETBOX_LDAP_NAMES.contains(&name))
            || nb.is_ldap_setting(setting)
            || nb.is_from_environment(setting)
        {
            continue;
        }
        let Some(file) = nb.file_of(setting.block) else { continue };
        // A file NetBox loads as its configuration: configuration.py, or netbox-docker's add-ons.
        if role(crate::extract::Kind::Netbox, file, true) != Role::Partial {
            continue;
        }
        match by_file.iter_mut().find(|(f, _)| *f == file) {
            Some((_, settings)) => settings.push(setting),
            None => by_file.push((file, vec![setting])),
        }
    }
    for (_, settings) in by_file {
        let Some((first, others)) = settings.split_first() else { continue };
        let and_others = match others.len() {
            0 => String::new(),
            1 => " and 1 other LDAP setting here".to_string(),
            n => format!(" and {n} other LDAP settings here"),
        };
        let mut finding = Finding::in_block(
            &LDAP_SETTINGS_IN_CONFIGURATION,
            first.block,
            first.name_range.clone(),
            format!(
                "NetBox's LDAP backend reads its settings only from ldap_config.py, never from the configuration: `{}`{and_others} have no effect",
                first.name.escape_debug()
            ),
        );
        for other in others {
            finding = finding.with_related(other.name_range.clone(), "not read either");
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_fires_in_chapter, assert_quiet_in_chapter, fired_chapter_lines};

    fn chapter(file: &str, body: &str) -> String {
        format!("# t\n\n```python,check=netbox,file={file}\n{body}```\n")
    }

    const LDAP: &str = "REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'\nAUTH_LDAP_SERVER_URI = 'ldaps://dc.example.org'\nAUTH_LDAP_START_TLS = False\nLDAP_IGNORE_CERT_ERRORS = True\n";

    /// A netbox-docker configuration.py with the whole block (corpus case t162): one finding, on
    /// the first name; in an add-on too.
    #[test]
    fn ldap_settings_in_the_configuration() {
        assert_fires_in_chapter("netbox/ldap-settings-in-configuration", &chapter("configuration.py", LDAP), 2);
        assert_eq!(fired_chapter_lines("netbox/ldap-settings-in-configuration", &chapter("configuration.py", LDAP)).len(), 1);
        assert_fires_in_chapter("netbox/ldap-settings-in-configuration", &chapter("configuration/extra.py", LDAP), 2);
    }

    /// Where NetBox reads them, or a file that may be ldap_config.py under another name: quiet.
    #[test]
    fn ldap_config_and_unknown_files() {
        assert_quiet_in_chapter("netbox/ldap-settings-in-configuration", &chapter("ldap_config.py", LDAP));
        assert_quiet_in_chapter("netbox/ldap-settings-in-configuration", &chapter("configuration/ldap/ldap_config.py", LDAP));
        assert_quiet_in_chapter("netbox/ldap-settings-in-configuration", &format!("# t\n\n```python,check=netbox,file=netbox-ldap.py,partial\n{LDAP}```\n"));
        // An ldap_config.py that takes them from the configuration module.
        let imported = format!(
            "{}\n```python,check=netbox,file=ldap_config.py\nfrom netbox.configuration import *\n```\n",
            chapter("configuration.py", LDAP)
        );
        assert_quiet_in_chapter("netbox/ldap-settings-in-configuration", &imported);
    }
}
