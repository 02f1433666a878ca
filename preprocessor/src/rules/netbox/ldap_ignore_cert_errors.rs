//! `netbox/ldap-ignore-cert-errors`: `LDAP_IGNORE_CERT_ERRORS` turns off the check of the
//! directory's certificate.
//!
//! ## What it does
//! Finds `LDAP_IGNORE_CERT_ERRORS` set to a true value in `ldap_config.py`, or netbox-docker's
//! `LDAP_IGNORE_CERT_ERRORS` variable set to `true` (any case) while the deployment signs in
//! with NetBox's `LDAPBackend`, or, in an environment file checked alone with no
//! `REMOTE_AUTH_BACKEND`, while it names a directory (a non-empty `AUTH_LDAP_SERVER_URI`; the
//! message then says LDAP sign-in is assumed). Not where every URI is plain `ldap://` (any host) or an
//! `ldapi://` socket without StartTLS: there is no certificate to check.
//!
//! ## Why is this bad?
//! NetBox's LDAPBackend then sets `OPT_X_TLS_REQUIRE_CERT` to `OPT_X_TLS_NEVER` for the whole
//! process: the TLS connection to the directory (`ldaps://` or StartTLS) accepts any certificate
//! from whoever answers, and django-auth-ldap sends it the service account's password and each
//! user's password. The CA file or directory set beside it is then never used to refuse a server.
//!
//! ## Example
//! `LDAP_IGNORE_CERT_ERRORS = True` beside `AUTH_LDAP_SERVER_URI = "ldaps://dc01.example.com"`.
//!
//! Use instead: `LDAP_IGNORE_CERT_ERRORS = False` and `LDAP_CA_CERT_FILE` naming the directory's
//! CA certificate (NetBox reads both from `ldap_config.py`).

use super::ldap::{Reach, ldap_assumed, ldap_in_clear, signs_in_with_ldap, uris_in_clear};
use super::shared::at_statement;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `LDAP_IGNORE_CERT_ERRORS` set to a true value.
pub const LDAP_IGNORE_CERT_ERRORS: Rule = Rule {
    id: "netbox/ldap-ignore-cert-errors",
    severity: Severity::Warning,
    summary: "`LDAP_IGNORE_CERT_ERRORS` is true: NetBox tells OpenLDAP to accept any certificate, so the bind password and users' passwords go to whichever server answers for the directory",
    help: "set `LDAP_IGNORE_CERT_ERRORS = False` and name the directory's CA certificate with `LDAP_CA_CERT_FILE` (or `LDAP_CA_CERT_DIR`) in ldap_config.py",
    fact: "NetBox 4.6.8 netbox/authentication/__init__.py L369-371: `if getattr(ldap_config, 'LDAP_IGNORE_CERT_ERRORS', False): ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)`; L373-379: LDAP_CA_CERT_DIR and LDAP_CA_CERT_FILE; netbox-docker configuration/ldap/ldap_config.py: `LDAP_IGNORE_CERT_ERRORS = environ.get('LDAP_IGNORE_CERT_ERRORS', 'False').lower() == 'true'`",
    applies: Applies::Always,
};

const NAME: &str = "LDAP_IGNORE_CERT_ERRORS";
const WHAT: &str = "NetBox's LDAPBackend then sets OPT_X_TLS_REQUIRE_CERT to OPT_X_TLS_NEVER: the TLS connection to the directory accepts any certificate, so the service account's password and every user's password go to whichever server answers";

pub fn ldap_ignore_cert_errors(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    if ldap_in_clear(nb, Reach::Anywhere).is_some() {
        return;
    }
    match nb.get(NAME) {
        // A Python file of the LDAP configuration sets it (netbox-docker's own reads the variable).
        Some(setting) if nb.is_ldap_setting(setting) && !nb.is_netbox_docker_own(setting) && !nb.is_from_environment(setting) => {
            if setting.value.truthy() == Some(true) {
                out.push(at_statement(&LDAP_IGNORE_CERT_ERRORS, setting, format!("`{NAME}` is true: {WHAT}")));
            }
        }
        Some(setting) if !nb.is_from_environment(setting) && !nb.is_netbox_docker_own(setting) => {}
        // netbox-docker's variable, read by its ldap_config.py when the LDAP backend signs in.
        _ => {
            let Some(var) = nb.environment_variable(NAME) else { return };
            // The backend not shown in an env file checked alone: LDAP taken as meant, where
            // the directory is reached with TLS (plain `ldap://` and `ldapi://` without StartTLS
            // have no certificate to check, as above for a backend shown).
            let assumed = ldap_assumed(nb) && {
                let uri = nb.environment_variable("AUTH_LDAP_SERVER_URI").and_then(|uri| uri.value.as_str());
                let start_tls = nb.environment_variable("AUTH_LDAP_START_TLS").and_then(|v| v.value.as_str());
                uri.and_then(|uri| uris_in_clear(uri, Reach::Anywhere)) == Some(false)
                    || start_tls.is_some_and(|v| v.eq_ignore_ascii_case("true"))
            };
            if !signs_in_with_ldap(nb) && !assumed {
                return;
            }
            if var.value.as_str().is_some_and(|v| v.eq_ignore_ascii_case("true")) {
                let when = if assumed { ", where NetBox signs in with LDAP (no `REMOTE_AUTH_BACKEND` is shown; this file configures a directory)" } else { "" };
                out.push(at_statement(
                    &LDAP_IGNORE_CERT_ERRORS,
                    var,
                    format!("netbox-docker's ldap_config.py makes `{NAME}` true from this variable{when}: {WHAT}"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases_in, assert_fires_in_chapter, assert_quiet_in_chapter};

    /// (rule, target NetBox, an ldap_config.py that makes it fire on the given line, a close one
    /// that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/ldap-ignore-cert-errors",
            "4.7",
            "AUTH_LDAP_SERVER_URI = 'ldaps://dc01.example.com'\nLDAP_IGNORE_CERT_ERRORS = True\n",
            2,
            "AUTH_LDAP_SERVER_URI = 'ldaps://dc01.example.com'\nLDAP_IGNORE_CERT_ERRORS = False\nLDAP_CA_CERT_FILE = '/etc/ssl/certs/corp-ca.pem'\n",
        ),
        // Plain ldap:// without StartTLS: no certificate to check (the clear text is the problem).
        (
            "netbox/ldap-ignore-cert-errors",
            "4.7",
            "AUTH_LDAP_SERVER_URI = 'ldap://dc01.example.com'\nAUTH_LDAP_START_TLS = True\nLDAP_IGNORE_CERT_ERRORS = True\n",
            3,
            "AUTH_LDAP_SERVER_URI = 'ldap://dc01.example.com ldap://dc02.example.com'\nLDAP_IGNORE_CERT_ERRORS = True\n",
        ),
        // The machine itself or a socket, without StartTLS: no TLS either.
        (
            "netbox/ldap-ignore-cert-errors",
            "4.7",
            "AUTH_LDAP_SERVER_URI = 'ldaps://127.0.0.1'\nLDAP_IGNORE_CERT_ERRORS = True\n",
            2,
            "AUTH_LDAP_SERVER_URI = 'ldap://127.0.0.1,ldapi:///run/slapd/ldapi'\nLDAP_IGNORE_CERT_ERRORS = True\n",
        ),
        // A value from elsewhere is not judged.
        (
            "netbox/ldap-ignore-cert-errors",
            "4.7",
            "LDAP_IGNORE_CERT_ERRORS = 1\n",
            1,
            "import os\nLDAP_IGNORE_CERT_ERRORS = os.environ.get('LDAP_IGNORE')\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases_in(&super::LDAP_IGNORE_CERT_ERRORS, "ldap_config.py", CASES);
    }

    fn env(lines: &str) -> String {
        format!("# t\n\n```sh,check=env\nREMOTE_AUTH_BACKEND=netbox.authentication.LDAPBackend\n{lines}```\n")
    }

    #[test]
    fn netbox_dockers_variable_with_the_ldap_backend() {
        assert_fires_in_chapter("netbox/ldap-ignore-cert-errors", &env("LDAP_IGNORE_CERT_ERRORS='True'\n"), 2);
        assert_fires_in_chapter("netbox/ldap-ignore-cert-errors", &env("LDAP_IGNORE_CERT_ERRORS=true\n"), 2);
        assert_quiet_in_chapter("netbox/ldap-ignore-cert-errors", &env("LDAP_IGNORE_CERT_ERRORS=false\n"));
        // Without LDAP sign-in netbox-docker never loads its ldap_config.py.
        let oidc = "# t\n\n```sh,check=env\nREMOTE_AUTH_BACKEND=social_core.backends.open_id_connect.OpenIdConnectAuth\nLDAP_IGNORE_CERT_ERRORS=true\n```\n";
        assert_quiet_in_chapter("netbox/ldap-ignore-cert-errors", oidc);
    }

    /// t195's shape: an env file's LDAP lines alone, the backend not shown: the directory the
    /// file names says LDAP is meant. Not without a directory.
    #[test]
    fn the_ldap_lines_of_an_env_file_alone() {
        let alone = |lines: &str| format!("# t\n\n```sh,check=env\n{lines}```\n");
        let ldap = alone("AUTH_LDAP_SERVER_URI=ldaps://dc1.corp.example.net\nLDAP_IGNORE_CERT_ERRORS='True'\n");
        assert_fires_in_chapter("netbox/ldap-ignore-cert-errors", &ldap, 2);
        let found = crate::rules::testing::diagnostics(&ldap, &crate::config::Settings::default());
        let message = &found.iter().find(|d| d.rule == "netbox/ldap-ignore-cert-errors").unwrap().message;
        assert!(message.contains("where NetBox signs in with LDAP (no `REMOTE_AUTH_BACKEND` is shown"), "{message}");
        assert_quiet_in_chapter("netbox/ldap-ignore-cert-errors", &alone("LDAP_IGNORE_CERT_ERRORS=true\n"));
        assert_quiet_in_chapter("netbox/ldap-ignore-cert-errors", &alone("AUTH_LDAP_SERVER_URI=\nLDAP_IGNORE_CERT_ERRORS=true\n"));
        // Plain ldap:// without StartTLS: no certificate to check; with StartTLS, one is.
        let plain = alone("AUTH_LDAP_SERVER_URI=ldap://dc1.corp.example.net\nLDAP_IGNORE_CERT_ERRORS=true\n");
        assert_quiet_in_chapter("netbox/ldap-ignore-cert-errors", &plain);
        let start_tls = plain.replace("LDAP_IGNORE_CERT_ERRORS=true\n", "AUTH_LDAP_START_TLS=True\nLDAP_IGNORE_CERT_ERRORS=true\n");
        assert_fires_in_chapter("netbox/ldap-ignore-cert-errors", &start_tls, 3);
        // A compose project shows the environment: no backend set is netbox-docker's default,
        // RemoteUserBackend, and NetBox never builds its LDAPBackend.
        let project = format!(
            "{}\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n    env_file: netbox.env\n```\n",
            ldap.replace("```sh,check=env\n", "```sh,check=env,file=netbox.env\n")
        );
        assert_quiet_in_chapter("netbox/ldap-ignore-cert-errors", &project);
    }
}
