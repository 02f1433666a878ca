//! `netbox/ldap-without-tls`: NetBox signs users in against a directory over plain `ldap://`
//! without StartTLS.
//!
//! ## What it does
//! Finds `AUTH_LDAP_SERVER_URI` in `ldap_config.py` (or netbox-docker's variable, with the LDAP
//! backend) whose every URI is `ldap://` to another machine, while `AUTH_LDAP_START_TLS` is not
//! set or false. `ldaps://`, `ldapi://` (a local socket) and a loopback host are no finding.
//!
//! ## Why is this bad?
//! django-auth-ldap binds as the service account (`AUTH_LDAP_BIND_PASSWORD`) and then as each
//! user with the password they typed into NetBox's login form: over a plain connection both
//! cross the network in clear text. `LDAP_IGNORE_CERT_ERRORS` changes nothing here; it only
//! relaxes the certificate check of a TLS connection.
//!
//! ## Example
//! `AUTH_LDAP_SERVER_URI = "ldap://dc01.corp.example"` alone.
//!
//! Use instead: `AUTH_LDAP_SERVER_URI = "ldaps://dc01.corp.example"`, or keep `ldap://` and set
//! `AUTH_LDAP_START_TLS = True`.

use super::ldap::{Reach, ldap_in_clear};
use super::shared::at_statement;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// LDAP sign-in over a plain connection.
pub const LDAP_WITHOUT_TLS: Rule = Rule {
    id: "netbox/ldap-without-tls",
    severity: Severity::Warning,
    summary: "`AUTH_LDAP_SERVER_URI` is plain `ldap://` and `AUTH_LDAP_START_TLS` is not true: the service account's password and every user's password cross the network in clear text",
    help: "use `ldaps://` (port 636), or set `AUTH_LDAP_START_TLS = True`, and name the directory's CA with `LDAP_CA_CERT_FILE` if it is not in the system's store",
    fact: "django-auth-ldap 5.4.0: START_TLS defaults to False (config.py LDAPSettings.defaults), `_bind_as` binds with the password over the connection (backend.py), `start_tls_s()` only when START_TLS is true; NetBox 4.6.8 netbox/authentication/__init__.py L363-366 hands ldap_config.py's AUTH_LDAP_* names to django-auth-ldap; netbox-docker configuration/ldap/ldap_config.py: `AUTH_LDAP_START_TLS = environ.get('AUTH_LDAP_START_TLS', 'False').lower() == 'true'`",
    applies: Applies::Always,
};

pub fn ldap_without_tls(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(uri) = ldap_in_clear(&d.netbox, Reach::Network) else { return };
    let from = if d.netbox.is_from_environment(uri) || d.netbox.get("AUTH_LDAP_SERVER_URI").is_none() {
        "netbox-docker's ldap_config.py reads this variable, and without AUTH_LDAP_START_TLS=true "
    } else {
        "without `AUTH_LDAP_START_TLS = True` "
    };
    out.push(at_statement(
        &LDAP_WITHOUT_TLS,
        uri,
        format!("{from}django-auth-ldap talks to the directory over plain `ldap://`: the service account's bind password and the password every user types into NetBox's login form cross the network in clear text"),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases_in, assert_fires_in_chapter, assert_quiet_in_chapter};

    /// (rule, target NetBox, an ldap_config.py that makes it fire on the given line, a close one
    /// that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        ("netbox/ldap-without-tls", "4.7", "AUTH_LDAP_SERVER_URI = 'ldap://dc01.corp.example'\n", 1, "AUTH_LDAP_SERVER_URI = 'ldaps://dc01.corp.example'\n"),
        (
            "netbox/ldap-without-tls",
            "4.7",
            "AUTH_LDAP_SERVER_URI = 'ldap://dc01.corp.example:3268 ldap://dc02.corp.example'\nAUTH_LDAP_START_TLS = False\n",
            1,
            "AUTH_LDAP_SERVER_URI = 'ldap://dc01.corp.example:3268'\nAUTH_LDAP_START_TLS = True\n",
        ),
        // The machine itself (a local slapd), a socket, an unknown StartTLS.
        ("netbox/ldap-without-tls", "4.7", "AUTH_LDAP_SERVER_URI = 'ldap://10.0.0.5'\n", 1, "AUTH_LDAP_SERVER_URI = 'ldap://127.0.0.1:389'\n"),
        ("netbox/ldap-without-tls", "4.7", "AUTH_LDAP_SERVER_URI = 'LDAP://dc'\n", 1, "AUTH_LDAP_SERVER_URI = 'ldapi:///var/run/slapd/ldapi'\n"),
        ("netbox/ldap-without-tls", "4.7", "AUTH_LDAP_SERVER_URI = 'ldap://[2001:db8::5]:389'\n", 1, "AUTH_LDAP_SERVER_URI = 'ldap://[::1]'\n"),
        (
            "netbox/ldap-without-tls",
            "4.7",
            "AUTH_LDAP_SERVER_URI = 'ldap://dc'\n",
            1,
            "import os\nAUTH_LDAP_SERVER_URI = 'ldap://dc'\nAUTH_LDAP_START_TLS = os.environ.get('TLS')\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases_in(&super::LDAP_WITHOUT_TLS, "ldap_config.py", CASES);
    }

    fn env(lines: &str) -> String {
        format!("# t\n\n```sh,check=env\nREMOTE_AUTH_BACKEND=netbox.authentication.LDAPBackend\n{lines}```\n")
    }

    #[test]
    fn netbox_dockers_variables() {
        assert_fires_in_chapter("netbox/ldap-without-tls", &env("AUTH_LDAP_SERVER_URI=ldap://idm.corp.example\n"), 2);
        assert_quiet_in_chapter("netbox/ldap-without-tls", &env("AUTH_LDAP_SERVER_URI=ldap://idm.corp.example\nAUTH_LDAP_START_TLS=true\n"));
        // Not read without the LDAP backend; configuration.py's never reach django-auth-ldap.
        let oidc = "# t\n\n```sh,check=env\nAUTH_LDAP_SERVER_URI=ldap://idm.corp.example\n```\n";
        assert_quiet_in_chapter("netbox/ldap-without-tls", oidc);
        let configuration = "# t\n\n```python,check=netbox,file=configuration.py\nAUTH_LDAP_SERVER_URI = 'ldap://dc'\n```\n";
        assert_quiet_in_chapter("netbox/ldap-without-tls", configuration);
        // StartTLS counts only from the LDAP configuration, whatever order the files come in.
        let both = "# t\n\n```python,check=netbox,file=ldap_config.py\nAUTH_LDAP_SERVER_URI = 'ldap://dc'\nAUTH_LDAP_START_TLS = True\n```\n\n```python,check=netbox,file=configuration.py\nAUTH_LDAP_START_TLS = False\n```\n";
        assert_quiet_in_chapter("netbox/ldap-without-tls", both);
    }

    /// A file of one's own mounted over netbox-docker's LDAP loader (netbox-docker issue #535,
    /// corpus case t125): what reads the variables is not shown.
    #[test]
    fn a_compose_service_with_its_own_ldap_loader() {
        let compose = |volume: &str| {
            format!("# t\n\n```yaml,check=compose\nservices:\n  netbox:\n    image: netboxcommunity/netbox:latest\n    volumes:\n      - {volume}\n    environment:\n      - REMOTE_AUTH_BACKEND=netbox.authentication.LDAPBackend\n      - AUTH_LDAP_SERVER_URI=ldap://dc.corp.example\n```\n")
        };
        assert_fires_in_chapter("netbox/ldap-without-tls", &compose("./logo.svg:/opt/netbox/netbox/static/img/netbox_logo.svg"), 8);
        assert_quiet_in_chapter("netbox/ldap-without-tls", &compose("./ldap_config.py:/opt/netbox/netbox/netbox/ldap_config.py"));
        assert_quiet_in_chapter("netbox/ldap-without-tls", &compose("./ldap.py:/etc/netbox/config/ldap/ldap_config.py:ro"));
        assert_quiet_in_chapter("netbox/ldap-without-tls", &compose("{type: bind, source: ./l.py, target: /opt/netbox/netbox/netbox/ldap_config.py}"));
        // An image built here may ship the loader (a review found it silenced once).
        let built = compose("./logo.svg:/opt/netbox/netbox/static/img/netbox_logo.svg").replace("    image: netboxcommunity/netbox:latest\n", "    build: .\n");
        assert_fires_in_chapter("netbox/ldap-without-tls", &built, 8);
    }

    /// `startTls` not written is the pinned release's default: true in 6.0.60's values, null
    /// (so False) in 4.0.1's, where the map is only a comment (and still read); unknown without
    /// a pin. A written `startTls: true`, equal to the default, is read too.
    #[test]
    fn netbox_charts_start_tls_default() {
        use crate::rules::testing::{assert_quiet_linted, fired_linted_lines};
        let release = |version: &str, backend: &str, ldap: &str| {
            format!("# t\n\n```yaml,check=chart,file=netbox.yaml\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  chart:\n    spec:\n      chart: netbox\n      version: {version}\n  values:\n    remoteAuth:\n      {backend}\n      ldap:\n        serverUri: ldap://dc01.corp.example\n{ldap}```\n")
        };
        let old = release("4.0.1", "backend: netbox.authentication.LDAPBackend", "");
        assert_eq!(fired_linted_lines("netbox/ldap-without-tls", &old), vec![12]);
        assert_quiet_linted("netbox/chart-value-unread", &old);
        assert_quiet_linted("netbox/ldap-without-tls", &release("6.0.60", "backends: [netbox.authentication.LDAPBackend]", ""));
        let written = release("6.0.60", "backends: [netbox.authentication.LDAPBackend]", "        startTls: true\n        ignoreCertErrors: true\n");
        assert_eq!(fired_linted_lines("netbox/ldap-ignore-cert-errors", &written), vec![14]);
        let unpinned = "# t\n\n```yaml,check=chart,file=values.yaml\nremoteAuth:\n  backends: [netbox.authentication.LDAPBackend]\n  ldap:\n    serverUri: ldap://dc01.corp.example\n```\n";
        assert_quiet_linted("netbox/ldap-without-tls", unpinned);
        // Values also from a Secret (`valuesFrom`) may set startTls: not known (the review of
        // 2026-12-02).
        let from_secret = old.replace("  values:\n", "  valuesFrom:\n    - kind: Secret\n      name: netbox-ldap\n  values:\n");
        assert_quiet_linted("netbox/ldap-without-tls", &from_secret);
    }
}
