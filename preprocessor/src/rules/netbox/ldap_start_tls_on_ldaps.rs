//! `netbox/ldap-start-tls-on-ldaps`: StartTLS on a connection that is TLS from its first byte.
//!
//! ## What it does
//! Finds `AUTH_LDAP_START_TLS` true in `ldap_config.py` (or, where none is shown, netbox-docker's
//! variable, with the LDAP backend and an image that reads it) where every URI of
//! `AUTH_LDAP_SERVER_URI` is `ldaps://`, and reports it at the
//! StartTLS setting, with the URI as a second place when both are in one file.
//!
//! ## Why is this bad?
//! django-auth-ldap sends StartTLS on every new connection before it binds. Over `ldaps://` the
//! connection already runs TLS, and the directory refuses a second start: OpenLDAP's slapd
//! answers `operationsError`, "TLS already started" (RFC 4511 §4.14.2 lists operationsError for
//! TLS already established). python-ldap raises it, django-auth-ldap logs "Caught LDAPError while
//! authenticating" and the sign-in fails, for every user, whatever the password. Setting both
//! looks like "more TLS" and is a common copy.
//!
//! ## Example
//! `AUTH_LDAP_SERVER_URI = "ldaps://dc1.corp.example:636"` with `AUTH_LDAP_START_TLS = True`.
//!
//! Use instead: `AUTH_LDAP_START_TLS = False` with `ldaps://` (port 636, or 3269 for a Global
//! Catalog), or `ldap://` (389, 3268) with `AUTH_LDAP_START_TLS = True`.

use super::ldap::{has_scheme, server_uri, start_tls, uris};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// StartTLS over `ldaps://`.
pub const LDAP_START_TLS_ON_LDAPS: Rule = Rule {
    id: "netbox/ldap-start-tls-on-ldaps",
    severity: Severity::Error,
    summary: "`AUTH_LDAP_START_TLS` is true while every `AUTH_LDAP_SERVER_URI` is `ldaps://`: the directory refuses StartTLS on a connection already under TLS, and every LDAP sign-in fails",
    help: "keep one: `AUTH_LDAP_START_TLS = False` with `ldaps://` (port 636, or 3269), or `ldap://` (389, 3268) with `AUTH_LDAP_START_TLS = True`",
    fact: "django-auth-ldap 5.4.0 backend.py L884-901 `_get_connection` (`initialize(uri)`, the connection options, then `start_tls_s()` when START_TLS, before any bind; 1.2.15 L865-867 the same), L365-391 `authenticate` (an `ldap.LDAPError` is logged by `_report_error`, 'Caught LDAPError while authenticating', and no user is returned); OpenLDAP libldap tls2.c `ldap_start_tls_s` sends the StartTLS extended operation; RFC 4511 §4.14.2 (operationsError: TLS already established). Seen in a run (2026-12-03): slapd 2.5.13 (Debian 12) listening on ldap:// and ldaps:// with a certificate of our own, python-ldap 3.4.3 on libldap 2.5.13 doing django-auth-ldap's calls: `ldaps://` + `start_tls_s()` → `OPERATIONS_ERROR {'info': 'TLS already started'}`; `ldaps://` without it and `ldap://` with it → bound. Seen in tests/realworld/tuning/t205-… (an Active Directory Global Catalog on ldaps://…:3269 with START_TLS, a 2017 file published twice)",
    applies: Applies::Always,
};

pub fn ldap_start_tls_on_ldaps(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(uri) = server_uri(nb) else { return };
    let Some(value) = uri.value.as_str() else { return };
    let mut all = uris(value).peekable();
    if all.peek().is_none() || !all.all(|u| has_scheme(u, "ldaps://")) {
        return;
    }
    let Some((true, Some(start_tls))) = start_tls(nb) else { return };
    let finding = Finding::in_block(
        &LDAP_START_TLS_ON_LDAPS,
        start_tls.block,
        start_tls.statement.clone(),
        "django-auth-ldap sends StartTLS on every new connection before it binds, but the directory's URI is `ldaps://`, TLS from the first byte: the directory refuses a second TLS start (OpenLDAP's slapd: operationsError, \"TLS already started\"), django-auth-ldap logs \"Caught LDAPError while authenticating\", and every LDAP sign-in fails",
    );
    out.push(if uri.block == start_tls.block {
        finding.with_related(uri.statement.clone(), "the URI is `ldaps://`")
    } else {
        finding
    });
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases_in, assert_fires_in_chapter, assert_quiet_in_chapter};
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};

    /// (rule, target NetBox, an ldap_config.py that makes it fire on the given line, a close one
    /// that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // Corpus case t205's shape: a Global Catalog over ldaps:// with StartTLS.
        (
            "netbox/ldap-start-tls-on-ldaps",
            "4.7",
            "AUTH_LDAP_SERVER_URI = 'ldaps://dc1.corp.example:3269'\nAUTH_LDAP_START_TLS = True\n",
            2,
            "AUTH_LDAP_SERVER_URI = 'ldaps://dc1.corp.example:3269'\nAUTH_LDAP_START_TLS = False\n",
        ),
        (
            "netbox/ldap-start-tls-on-ldaps",
            "4.7",
            "AUTH_LDAP_START_TLS = True\nAUTH_LDAP_SERVER_URI = 'LDAPS://dc1 ldaps://dc2'\n",
            1,
            "AUTH_LDAP_START_TLS = True\nAUTH_LDAP_SERVER_URI = 'ldap://dc1:389'\n",
        ),
        // One plain URI among them: StartTLS works there; an unknown flag.
        (
            "netbox/ldap-start-tls-on-ldaps",
            "4.7",
            "AUTH_LDAP_SERVER_URI = 'ldaps://dc1,ldaps://dc2'\nAUTH_LDAP_START_TLS = 1\n",
            2,
            "AUTH_LDAP_SERVER_URI = 'ldaps://dc1 ldap://dc2'\nAUTH_LDAP_START_TLS = True\n",
        ),
        (
            "netbox/ldap-start-tls-on-ldaps",
            "4.7",
            "AUTH_LDAP_SERVER_URI = 'ldaps://dc1'\nAUTH_LDAP_START_TLS = True\n",
            2,
            "import os\nAUTH_LDAP_SERVER_URI = 'ldaps://dc1'\nAUTH_LDAP_START_TLS = os.environ.get('TLS') == 'yes'\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases_in(&super::LDAP_START_TLS_ON_LDAPS, "ldap_config.py", CASES);
    }

    /// netbox-docker's environment with the LDAP backend: the variables, at the StartTLS line.
    #[test]
    fn netbox_docker_variables() {
        let env = |start_tls: &str| {
            format!(
                "# t\n\n```sh,check=env,file=env/netbox.env\nREMOTE_AUTH_BACKEND=netbox.authentication.LDAPBackend\nAUTH_LDAP_SERVER_URI=ldaps://dc1.corp.example\n{start_tls}\n```\n"
            )
        };
        assert_fires_in_chapter("netbox/ldap-start-tls-on-ldaps", &env("AUTH_LDAP_START_TLS=true"), 3);
        assert_quiet_in_chapter("netbox/ldap-start-tls-on-ldaps", &env("AUTH_LDAP_START_TLS=false"));
        // Without the LDAP backend netbox-docker never loads its LDAP configuration.
        let no_backend = env("AUTH_LDAP_START_TLS=true").replace("REMOTE_AUTH_BACKEND=netbox.authentication.LDAPBackend\n", "");
        assert_quiet_in_chapter("netbox/ldap-start-tls-on-ldaps", &no_backend);
    }

    /// Where an ldap_config.py is shown, the variables reach django-auth-ldap only through it: an
    /// ldap_config.py without StartTLS (or without the URI) leaves the variable unread. An image
    /// too old to read them (netbox-docker 1.6.1's main image) neither; its `-ldap` variant does.
    #[test]
    fn variables_nothing_reads() {
        let rule = "netbox/ldap-start-tls-on-ldaps";
        let env = "```sh,check=env,file=env/netbox.env\nREMOTE_AUTH_BACKEND=netbox.authentication.LDAPBackend\nAUTH_LDAP_SERVER_URI=ldaps://dc1.corp.example\nAUTH_LDAP_START_TLS=true\n```\n";
        let ldap = |text: &str| format!("# t\n\n```python,check=netbox,file=ldap_config.py\n{text}```\n\n{env}");
        assert_fires_in_chapter(rule, &ldap("AUTH_LDAP_SERVER_URI = 'ldaps://dc1.corp.example'\nAUTH_LDAP_START_TLS = True\n"), 2);
        assert_quiet_in_chapter(rule, &ldap("AUTH_LDAP_SERVER_URI = 'ldaps://dc1.corp.example'\n"));
        assert_quiet_in_chapter(rule, &ldap("AUTH_LDAP_START_TLS = True\n"));
        let compose = |image: &str| {
            format!(
                "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: {image}\n    env_file: env/netbox.env\n```\n\n{env}"
            )
        };
        assert_quiet_linted(rule, &compose("netboxcommunity/netbox:v3.1-1.6.1"));
        assert_fires_linted(rule, &compose("netboxcommunity/netbox:v3.1-ldap-1.6.1"), 10);
        // An image that may have the loader: built here, a digest, a tag not read.
        assert_fires_linted(rule, &compose("netboxcommunity/netbox@sha256:0123456789abcdef"), 10);
        assert_fires_linted(rule, &compose("netboxcommunity/netbox:${VERSION}"), 10);
        assert_fires_linted(rule, &compose("x").replace("    image: x\n", "    build: .\n"), 10);
    }
}
