//! `netbox/ldap-uri-port-mismatch`: an LDAP URI whose scheme says TLS (or none) on a port that
//! serves the other.
//!
//! ## What it does
//! Reads `AUTH_LDAP_SERVER_URI` (ldap_config.py's, or netbox-docker's variable with the LDAP
//! backend where no ldap_config.py is shown) and reports it when every URI in it is
//! `ldaps://` on a plain LDAP port (389, or 3268, Active Directory's Global Catalog) or
//! `ldap://` on an LDAPS port (636, or 3269). A URI without a port, or on another port, is left
//! alone: a directory may listen anywhere.
//!
//! ## Why is this bad?
//! `ldaps://` makes libldap start TLS as soon as the connection is open; a server's plain port
//! answers with LDAP, not a TLS handshake, so the connection fails. `ldap://` on an LDAPS port
//! sends LDAP to a server waiting for a TLS handshake, which fails the same way. python-ldap
//! raises `SERVER_DOWN` ("Can't contact LDAP server"), django-auth-ldap logs "Caught LDAPError
//! while authenticating", and every LDAP sign-in fails, for every user.
//!
//! ## Example
//! `AUTH_LDAP_SERVER_URI = "ldaps://dc01.corp.example:389"`.
//!
//! Use instead: `ldaps://dc01.corp.example:636` (3269 for a Global Catalog), or
//! `ldap://dc01.corp.example:389` with `AUTH_LDAP_START_TLS = True`.

use super::ldap::{has_scheme, host_and_port, server_uri, uris};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// An LDAP URI's scheme against its port.
pub const LDAP_URI_PORT_MISMATCH: Rule = Rule {
    id: "netbox/ldap-uri-port-mismatch",
    severity: Severity::Error,
    summary: "`AUTH_LDAP_SERVER_URI` is `ldaps://` on a plain LDAP port (389, 3268) or `ldap://` on an LDAPS port (636, 3269): the connection fails before any bind, and every LDAP sign-in fails",
    help: "match the scheme to the port: `ldaps://host:636` (3269 for a Global Catalog), or `ldap://host:389` with `AUTH_LDAP_START_TLS = True`",
    fact: "IANA service names: ldap 389/tcp, ldaps 636/tcp; Active Directory serves LDAP on 389 and 3268 (Global Catalog) and LDAPS on 636 and 3269 (MS-ADTS 5.1.1.2, 'Using SSL/TLS'). OpenLDAP libldap (open.c, ldap_int_open_connection) starts TLS on connect for the ldaps scheme, whatever the port. django-auth-ldap 5.4.0 backend.py L365-391: an LDAPError is logged ('Caught LDAPError while authenticating') and no user is returned. Seen in a run (2026-12-03): slapd 2.5.13 (Debian 12) listening on ldap://127.0.0.1:389 and ldaps://127.0.0.1:636, python-ldap 3.4.3 on libldap 2.5.13 binding: ldap://:389 and ldaps://:636 bound; ldaps://:389 → SERVER_DOWN \"Can't contact LDAP server\" ('The TLS connection was non-properly terminated.'); ldap://:636 → SERVER_DOWN \"Can't contact LDAP server\". Seen in tests/realworld/tuning/t207-… (ldaps:// to an Active Directory domain controller on 389)",
    applies: Applies::Always,
};

/// The ports whose service each scheme does not speak.
const PLAIN_PORTS: [u16; 2] = [389, 3268];
const TLS_PORTS: [u16; 2] = [636, 3269];

pub fn ldap_uri_port_mismatch(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(uri) = server_uri(&d.netbox) else { return };
    let Some(value) = uri.value.as_str() else { return };
    // With several URIs libldap tries the next when one fails: only all of them failing loses
    // every sign-in.
    let mut first = None;
    let mut count = 0;
    for each in uris(value) {
        let Some(mismatch) = mismatch(each) else { return };
        first.get_or_insert(mismatch);
        count += 1;
    }
    let Some((tls, port)) = first else { return };
    let which = if count > 1 { format!("each of these {count} URIs fails so; the first ") } else { String::new() };
    let message = if tls {
        format!("{which}this URI is `ldaps://`, TLS from the first byte, on port {port}, where LDAP servers (Active Directory among them) speak plain LDAP and take TLS only after StartTLS: the TLS handshake fails (python-ldap: SERVER_DOWN, \"Can't contact LDAP server\"), django-auth-ldap logs \"Caught LDAPError while authenticating\", and every LDAP sign-in fails")
    } else {
        format!("{which}this URI is `ldap://`, plain LDAP, on port {port}, where LDAP servers speak LDAPS, TLS from the first byte: the server waits for a TLS handshake that never comes (python-ldap: SERVER_DOWN, \"Can't contact LDAP server\"), django-auth-ldap logs \"Caught LDAPError while authenticating\", and every LDAP sign-in fails")
    };
    out.push(Finding::in_block(&LDAP_URI_PORT_MISMATCH, uri.block, uri.value.range.clone(), message));
}

/// `Some((tls, port))` for a URI whose scheme does not speak what its port serves: `ldaps://`
/// on a plain port (`tls` true), `ldap://` on an LDAPS port; `None` otherwise.
fn mismatch(uri: &str) -> Option<(bool, u16)> {
    let (tls, rest) = if has_scheme(uri, "ldaps://") {
        (true, &uri[8..])
    } else if has_scheme(uri, "ldap://") {
        (false, &uri[7..])
    } else {
        return None;
    };
    let port: u16 = host_and_port(rest).1?.parse().ok()?;
    let wrong = if tls { PLAIN_PORTS.contains(&port) } else { TLS_PORTS.contains(&port) };
    wrong.then_some((tls, port))
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases_in, assert_fires_in_chapter, assert_quiet_in_chapter};

    /// (rule, target NetBox, an ldap_config.py that makes it fire on the given line, a close one
    /// that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // Corpus case t207's shape: LDAPS to a domain controller's plain port.
        (
            "netbox/ldap-uri-port-mismatch",
            "4.7",
            "import ldap\nAUTH_LDAP_SERVER_URI = \"ldaps://dc01.corp.example:389\"\n",
            2,
            "import ldap\nAUTH_LDAP_SERVER_URI = \"ldaps://dc01.corp.example:636\"\n",
        ),
        // Plain LDAP to the LDAPS port; a Global Catalog; an IPv6 literal.
        (
            "netbox/ldap-uri-port-mismatch",
            "4.7",
            "AUTH_LDAP_SERVER_URI = 'ldap://dc01.corp.example:636/'\n",
            1,
            "AUTH_LDAP_SERVER_URI = 'ldap://dc01.corp.example:389/'\n",
        ),
        (
            "netbox/ldap-uri-port-mismatch",
            "4.7",
            "AUTH_LDAP_SERVER_URI = 'LDAPS://[2001:db8::5]:3268'\n",
            1,
            "AUTH_LDAP_SERVER_URI = 'ldaps://[2001:db8::5]:3269'\n",
        ),
        // One URI of two that works: libldap falls back to it.
        (
            "netbox/ldap-uri-port-mismatch",
            "4.7",
            "AUTH_LDAP_SERVER_URI = 'ldaps://dc1:389 ldaps://dc2:389'\n",
            1,
            "AUTH_LDAP_SERVER_URI = 'ldaps://dc1:389 ldaps://dc2'\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases_in(&super::LDAP_URI_PORT_MISMATCH, "ldap_config.py", CASES);
    }

    /// netbox-docker's variable with the LDAP backend; without it the LDAP configuration is
    /// never loaded.
    #[test]
    fn netbox_docker_variable() {
        let env = |backend: &str| {
            format!("# t\n\n```sh,check=env,file=env/netbox.env\n{backend}AUTH_LDAP_SERVER_URI=ldaps://dc1.corp.example:389\n```\n")
        };
        assert_fires_in_chapter("netbox/ldap-uri-port-mismatch", &env("REMOTE_AUTH_BACKEND=netbox.authentication.LDAPBackend\n"), 2);
        assert_quiet_in_chapter("netbox/ldap-uri-port-mismatch", &env(""));
    }

    #[test]
    fn the_port_is_read_from_the_authority_only() {
        assert_eq!(super::mismatch("ldaps://dc1:389/dc=x?uid?sub"), Some((true, 389)));
        assert_eq!(super::mismatch("ldap://dc1/cn=x:636"), None);
        assert_eq!(super::mismatch("ldaps://dc1"), None);
        assert_eq!(super::mismatch("ldapi://%2Frun%2Fslapd"), None);
        assert_eq!(super::mismatch("ldaps://[::1]"), None);
    }
}
