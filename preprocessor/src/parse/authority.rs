//! The authority of a URL or an nginx address (`user@host:port`, `[::1]:8001`), split into host
//! and port. Shared by the rules that compare servers named in URLs and `proxy_pass` targets.

/// A URL's authority: its host without brackets or user, and the port as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Authority<'a> {
    /// The host: a name, an IPv4 address, or an IPv6 address without its brackets.
    pub host: &'a str,
    /// The port as written after the host's `:` (`None` when none is written, or it is empty).
    pub port: Option<&'a str>,
}

/// Splits `authority` (everything between `scheme://` and the path). Never fails: text that is
/// not an authority gives itself as the host.
pub fn split(authority: &str) -> Authority<'_> {
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => v6.split_once(']').map_or((v6, None), |(host, rest)| (host, rest.strip_prefix(':'))),
        None => authority.split_once(':').map_or((authority, None), |(host, port)| (host, Some(port))),
    };
    Authority { host, port: port.filter(|p| !p.is_empty()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_ports_come_out_of_every_shape() {
        let cases = [
            ("sso.example.net", "sso.example.net", None),
            ("sso.example.net:8443", "sso.example.net", Some("8443")),
            ("user:pw@sso.example.net:8443", "sso.example.net", Some("8443")),
            ("[::1]:8001", "::1", Some("8001")),
            ("[::1]", "::1", None),
            ("sso.example.net:", "sso.example.net", None),
            ("[::1", "::1", None),
            ("", "", None),
        ];
        for (text, host, port) in cases {
            assert_eq!(split(text), Authority { host, port }, "{text}");
        }
    }
}
