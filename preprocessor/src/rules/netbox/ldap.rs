//! What the LDAP rules share: whether NetBox signs in with its `LDAPBackend` (or is taken to),
//! and whether the directory is reached without TLS.

use crate::model::NetboxConfig;
use crate::parse::netbox::Setting;

/// The names other than `AUTH_LDAP_*` NetBox reads from ldap_config.py itself (NetBox 4.6.8
/// netbox/netbox/authentication/__init__.py L368-379; LDAP_IGNORE_CERT_ERRORS since 2.x, the two
/// CA settings since 3.5).
pub(super) const NETBOX_LDAP_NAMES: &[&str] = &["LDAP_IGNORE_CERT_ERRORS", "LDAP_CA_CERT_DIR", "LDAP_CA_CERT_FILE"];

/// Whether `REMOTE_AUTH_BACKEND` names NetBox's `LDAPBackend` (netbox-docker loads its
/// `ldap_config.py`, and reads the `AUTH_LDAP_*` variables, only then).
pub(super) fn signs_in_with_ldap(nb: &NetboxConfig) -> bool {
    nb.backends().is_some_and(|b| b.iter().any(|b| b == "netbox.authentication.LDAPBackend"))
}

/// Whether LDAP sign-in is taken as meant though no backend is shown: an environment file checked
/// alone (no Python, no compose file) sets no `REMOTE_AUTH_BACKEND` and names a directory (its
/// LDAP lines, corpus case t195). A compose project shows the environment: there netbox-docker's
/// default backend, RemoteUserBackend, holds. Messages that rest on it say so.
pub(super) fn ldap_assumed(nb: &NetboxConfig) -> bool {
    !nb.shows_python()
        && nb.stock_configuration().is_none()
        && nb.backends().is_none()
        && nb
            .environment_variable("AUTH_LDAP_SERVER_URI")
            .and_then(|uri| uri.value.as_str())
            .is_some_and(|uri| !uri.trim().is_empty())
}

/// Who the directory's plain connections reach: [`ldap_in_clear`]'s question.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Reach {
    /// Another machine: passwords cross the network (`ldap-without-tls`).
    Network,
    /// Any host, the machine itself and `ldapi://` sockets included: no certificate is ever
    /// checked (`ldap-ignore-cert-errors` has nothing to switch off).
    Anywhere,
}

/// The `AUTH_LDAP_SERVER_URI` setting (or netbox-docker's variable, with the LDAP backend) when
/// the directory is known to be reached without TLS: every URI of it (space- or comma-separated,
/// as OpenLDAP takes them) is `ldap://` (with [`Reach::Network`], to a host other than the
/// machine itself; with [`Reach::Anywhere`], `ldapi://` too), and `AUTH_LDAP_START_TLS` of the
/// LDAP configuration is not set or false (django-auth-ldap's default is False, config.py
/// LDAPSettings.defaults, 5.4.0; netbox-docker's ldap_config.py:
/// `environ.get('AUTH_LDAP_START_TLS', 'False').lower() == 'true'`).
pub(super) fn ldap_in_clear(nb: &NetboxConfig, reach: Reach) -> Option<&Setting> {
    let uri = server_uri(nb)?;
    let in_clear = uris_in_clear(uri.value.as_str()?, reach)?;
    (in_clear && !start_tls(nb)?.0).then_some(uri)
}

/// The `AUTH_LDAP_SERVER_URI` django-auth-ldap is given: ldap_config.py's, or, where none is
/// shown, netbox-docker's variable with the LDAP backend (see
/// [`NetboxConfig::ldap_variables_read_unshown`]); `None` where neither is known (configuration.py's
/// never reaches django-auth-ldap).
pub(super) fn server_uri(nb: &NetboxConfig) -> Option<&Setting> {
    match nb.get("AUTH_LDAP_SERVER_URI") {
        Some(setting) if nb.is_ldap_setting(setting) => Some(setting),
        Some(_) => None,
        None => nb
            .environment_variable("AUTH_LDAP_SERVER_URI")
            .filter(|_| signs_in_with_ldap(nb) && nb.ldap_variables_read_unshown()),
    }
}

/// Whether django-auth-ldap sends StartTLS on each new connection (`AUTH_LDAP_START_TLS` of the
/// LDAP configuration, else, where none is shown, netbox-docker's variable), and where that is written (`None` where
/// nothing sets it: django-auth-ldap's default, False); `None` where it is not known.
pub(super) fn start_tls(nb: &NetboxConfig) -> Option<(bool, Option<&Setting>)> {
    match nb.get("AUTH_LDAP_START_TLS") {
        // netbox-docker's own line where the environment shown leaves the variable unset: its
        // default.
        Some(setting) if nb.is_ldap_setting(setting) => nb.boolean(setting).map(|(on, _)| (on, Some(setting))),
        // configuration.py's never reaches django-auth-ldap, and it may hide the LDAP
        // configuration's own (the last assignment wins in this model): not known.
        Some(_) => None,
        // An ldap_config.py shown without it: django-auth-ldap's default.
        None if nb.shows_ldap_configuration() => Some((false, None)),
        None if nb.ldap_variables_read_unshown() => match nb.environment_variable("AUTH_LDAP_START_TLS") {
            Some(var) => var.value.as_str().map(|v| (v.eq_ignore_ascii_case("true"), Some(var))),
            None => Some((false, None)),
        },
        // What reads the variables is not shown (a file mounted over netbox-docker's loader).
        None => None,
    }
}

/// The URIs of an `AUTH_LDAP_SERVER_URI` value: space- or comma-separated, as OpenLDAP takes them.
pub(super) fn uris(value: &str) -> impl Iterator<Item = &str> {
    value.split([' ', ',']).filter(|u| !u.is_empty())
}

/// Whether a URI is of `scheme` (`ldaps://`), in any case.
pub(super) fn has_scheme(uri: &str, scheme: &str) -> bool {
    uri.get(..scheme.len()).is_some_and(|p| p.eq_ignore_ascii_case(scheme))
}

/// Whether every URI of an `AUTH_LDAP_SERVER_URI` value (space- or comma-separated) reaches the
/// directory without TLS, as [`ldap_in_clear`] judges them; `None` for a value with none.
pub(super) fn uris_in_clear(uri: &str, reach: Reach) -> Option<bool> {
    let mut uris = uris(uri).peekable();
    uris.peek()?;
    Some(uris.all(|u| {
        let scheme = |s: &str| has_scheme(u, s);
        if reach == Reach::Anywhere {
            return scheme("ldap://") || scheme("ldapi://");
        }
        scheme("ldap://") && {
            let (host, _) = host_and_port(&u[7..]);
            !host.is_empty() && !crate::model::flow::is_loopback(host)
        }
    }))
}

/// The host and the port text (after its `:`, if any) of what follows a URI's `scheme://`: up
/// to the first `/`, an IPv6 literal in brackets.
pub(super) fn host_and_port(after_scheme: &str) -> (&str, Option<&str>) {
    let authority = after_scheme.split('/').next().unwrap_or_default();
    match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((host, rest)) => (host, rest.strip_prefix(':')),
            None => (v6, None),
        },
        None => match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    }
}
