//! What the login sees as it travels browser → nginx → NetBox → Authentik, derived from the
//! deployment (facts §1.1, §2.2, §4, §5): the public origin, the headers that reach NetBox, the
//! host and scheme Django sees, and the redirect URI NetBox will send.

use std::ops::Range;

use crate::finding::BlockId;
use crate::model::Deployment;
use crate::model::authentik::{MatchingMode, endpoint_application};
use crate::model::netbox::OIDC_BACKEND;
use crate::model::nginx::{HeaderSetting, Location, Server};
use crate::parse::netbox::ValueKind;

/// A derived value and the place in the deployment that decides it.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived<T> {
    /// The value.
    pub value: T,
    /// Why, in words a reader follows ("`X-Forwarded-Host $http_host` in the location `/`").
    pub because: String,
    /// The directive or setting that decides it, if one does.
    pub site: Option<(BlockId, Range<usize>)>,
}

/// The public side: what readers type into the browser.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicOrigin {
    /// `https` when the listener has `ssl`.
    pub scheme: &'static str,
    /// The host name readers use, when known: the server's first `server_name`, or, for a
    /// server whose name is none a browser uses (`_`, none, `localhost`, a wildcard: a catch-all
    /// or default server answers whatever host the browser sent), the one name NetBox's side
    /// gives (the provider's redirect URI, else ALLOWED_HOSTS). Never guessed beyond that.
    pub host: Option<String>,
    /// Where `host` comes from, in words ("the proxy's server_name").
    pub host_because: String,
    /// The listener's port.
    pub port: u16,
}

impl PublicOrigin {
    /// `host` or `host:port` when the port is not the scheme's default: the browser's Host header
    /// and what `$http_host` carries.
    pub fn authority(&self) -> Option<String> {
        let host = self.host.as_ref()?;
        let default = if self.scheme == "https" { 443 } else { 80 };
        Some(if self.port == default { host.clone() } else { format!("{host}:{}", self.port) })
    }

    /// `https://host[:port]`: the browser's `Origin` header on a POST.
    pub fn origin(&self) -> Option<String> {
        Some(format!("{}://{}", self.scheme, self.authority()?))
    }
}

/// The login's path through the deployment.
#[derive(Debug, Clone)]
pub struct Flow<'a> {
    /// The server that proxies NetBox.
    pub server: &'a Server,
    /// The location that serves NetBox's login callback.
    pub location: &'a Location,
    /// What readers type.
    pub public: PublicOrigin,
    /// The `proxy_set_header`s that reach NetBox (after inheritance).
    pub headers: &'a [HeaderSetting],
    /// The host Django sees (`request.get_host()`).
    pub host: Derived<Option<String>>,
    /// Whether that host is built from `$server_name` (the server's first name, not the
    /// browser's host: `nginx/forwarded-host-server-name`).
    pub host_from_server_name: bool,
    /// The scheme Django sees (`request.scheme`), when known: `http` without
    /// X-Forwarded-Proto is a fact only when every header of the location is written here.
    pub scheme: Derived<&'static str>,
    /// Whether `scheme` is known (no X-Forwarded-Proto that an unfollowed `include` might set,
    /// no variable the model does not know).
    pub scheme_known: bool,
    /// `BASE_PATH` as NetBox normalizes it (`netbox/` or empty).
    pub base_path: String,
    /// The redirect URI NetBox sends to the identity provider, when it can be derived.
    pub redirect_uri: Option<String>,
    /// Whether `SOCIAL_AUTH_REDIRECT_IS_HTTPS` rewrote its scheme.
    pub redirect_is_https: bool,
}

/// Find a header among those that reach NetBox (names are case-insensitive).
pub fn header<'a>(headers: &'a [HeaderSetting], name: &str) -> Option<&'a HeaderSetting> {
    headers.iter().rev().find(|h| h.name.eq_ignore_ascii_case(name))
}

/// The variables a NetBox site uses, for a request to the public origin.
pub struct RequestVariables<'a> {
    public: &'a PublicOrigin,
    proxy_host: String,
    server_name: String,
}

impl RequestVariables<'_> {
    fn variable(&self, name: &str) -> Option<String> {
        Some(match name {
            "http_host" => self.public.authority()?,
            "host" => self.public.host.as_ref()?.to_lowercase(),
            // The server's first name, whatever the browser asked for (empty without one; seen
            // with nginx 1.22.1: `server_name _` gives `_`, a default server with two names its
            // first one).
            "server_name" => self.server_name.clone(),
            "scheme" => self.public.scheme.to_string(),
            "server_port" => self.public.port.to_string(),
            "proxy_host" => self.proxy_host.clone(),
            // Request headers a browser does not send: empty.
            "http_x_forwarded_host" | "http_x_forwarded_proto" | "http_x_forwarded_for" => String::new(),
            _ => return None,
        })
    }

    /// Expand `$name` and `${name}`; `None` when a variable is not one the model knows.
    pub fn expand(&self, text: &str) -> Option<String> {
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find('$') {
            out.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            let (name, tail) = if let Some(braced) = after.strip_prefix('{') {
                let end = braced.find('}')?;
                (&braced[..end], &braced[end + 1..])
            } else {
                let end = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
                (&after[..end], &after[end..])
            };
            out.push_str(&self.variable(name)?);
            rest = tail;
        }
        out.push_str(rest);
        Some(out)
    }
}

pub use crate::model::netbox::normalize_base_path;

/// `127.0.0.1:8001` from `http://127.0.0.1:8001/`.
pub fn proxy_host(target: &str) -> String {
    let without_scheme = target.split_once("://").map_or(target, |(_, rest)| rest);
    without_scheme.split('/').next().unwrap_or(without_scheme).to_string()
}

impl<'a> Flow<'a> {
    /// Derive the login's path; `None` when the deployment has no proxy for NetBox or a piece
    /// that decides it is not statically known.
    pub fn derive(deployment: &'a Deployment) -> Option<Flow<'a>> {
        let netbox = &deployment.netbox;
        let base_path = match netbox.get("BASE_PATH").map(|s| &s.value.kind) {
            None => String::new(),
            Some(ValueKind::Str(s)) => normalize_base_path(s),
            Some(_) => return None,
        };
        let server = deployment.nginx.netbox_server()?;
        let callback_path = format!("/{base_path}oauth/complete/oidc/");
        let location = server.location_for(&callback_path).filter(|l| l.proxy_pass.is_some())?;
        let listen = server.public_listen();
        let (host, host_because) = public_host(deployment, server);
        let public = PublicOrigin {
            scheme: if server.is_tls() { "https" } else { "http" },
            host,
            host_because,
            port: listen.port,
        };
        let headers = server.effective_headers(location);
        let (target, _) = location.proxy_pass.as_ref()?;
        let variables = RequestVariables {
            public: &public,
            proxy_host: proxy_host(target),
            server_name: server.first_name().into(),
        };
        let inherited =
            if location.headers.is_empty() && !server.headers.is_empty() { " (inherited from the server)" } else { "" };

        // nginx sends no header whose value is empty (proxy_set_header docs; seen with nginx
        // 1.22.1 for `$server_name` in a server without a name): Django then reads Host.
        let xfh = header(headers, "X-Forwarded-Host");
        let xfh_value = xfh.map(|h| variables.expand(&h.value));
        let empty_xfh = match (xfh, &xfh_value) {
            (Some(h), Some(Some(v))) if v.is_empty() => {
                format!(" (`X-Forwarded-Host {}` is empty here, and nginx sends no empty header)", h.value)
            }
            _ => String::new(),
        };
        let complete = server.headers_complete(location);
        let uses_server_name =
            |h: &HeaderSetting| h.value.contains("$server_name") || h.value.contains("${server_name}");
        let host_from_server_name = match xfh {
            Some(h) => uses_server_name(h),
            None => header(headers, "Host").is_some_and(uses_server_name),
        };
        let host = match (xfh, xfh_value) {
            (Some(xfh), Some(value)) if empty_xfh.is_empty() => Derived {
                value,
                because: format!(
                    "`proxy_set_header X-Forwarded-Host {}`{inherited}, which NetBox trusts (USE_X_FORWARDED_HOST)",
                    xfh.value
                ),
                site: Some((xfh.block, xfh.value_range.clone())),
            },
            // An X-Forwarded-Host may come from the included file, and would win.
            _ if !complete => Derived {
                value: None,
                because: "an `include` in the location may set X-Forwarded-Host (not followed)".into(),
                site: None,
            },
            _ => match header(headers, "Host") {
                Some(host) => Derived {
                    value: variables.expand(&host.value).filter(|v| !v.is_empty()),
                    because: format!(
                        "`proxy_set_header Host {}`{inherited}, as no X-Forwarded-Host is sent{empty_xfh}",
                        host.value
                    ),
                    site: Some((host.block, host.value_range.clone())),
                },
                None => Derived {
                    value: Some(variables.proxy_host.clone()),
                    because: format!(
                        "nginx's default `Host: $proxy_host` (`{}`), as the location sends neither X-Forwarded-Host nor Host{empty_xfh}",
                        variables.proxy_host
                    ),
                    site: None,
                },
            },
        };
        let xfp = header(headers, "X-Forwarded-Proto");
        // Without a `proxy_set_header X-Forwarded-Proto`, nginx passes the client's own header on
        // (`proxy_pass_request_headers on`): behind an HTTP proxy that may end TLS (a plain
        // listener that trusts its addresses), that proxy's, not known here. A PROXY-protocol
        // front sends no HTTP header, and a server that ends TLS itself is what browsers reach.
        let scheme_known = match xfp {
            Some(xfp) => variables.expand(&xfp.value).is_some(),
            None => complete && (server.is_tls() || !server.trusts_proxy_addresses),
        };
        let scheme = match xfp {
            Some(xfp) => {
                let value = variables.expand(&xfp.value);
                let https = value.as_deref().is_some_and(|v| v.split(',').next().map(str::trim) == Some("https"));
                Derived {
                    value: if https { "https" } else { "http" },
                    because: format!("`proxy_set_header X-Forwarded-Proto {}`{inherited}", xfp.value),
                    site: Some((xfp.block, xfp.value_range.clone())),
                }
            }
            None => Derived {
                value: "http",
                because: "no `X-Forwarded-Proto` reaches NetBox, so Django sees the plain-http connection from nginx"
                    .into(),
                site: None,
            },
        };
        let redirect_is_https =
            netbox.get("SOCIAL_AUTH_REDIRECT_IS_HTTPS").and_then(|s| s.value.truthy()) == Some(true);
        let uses_oidc = netbox.backends().is_some_and(|b| b.iter().any(|b| b == OIDC_BACKEND));
        let redirect_uri = match (&host.value, uses_oidc) {
            (Some(host), true) if scheme_known || redirect_is_https => {
                let uri = format!("{}://{host}/{base_path}oauth/complete/oidc/", scheme.value);
                Some(if redirect_is_https { uri.replacen("http://", "https://", 1) } else { uri })
            }
            _ => None,
        };
        Some(Flow {
            server,
            location,
            public,
            headers,
            host,
            host_from_server_name,
            scheme,
            scheme_known,
            base_path,
            redirect_uri,
            redirect_is_https,
        })
    }

    /// The host Django validates against `ALLOWED_HOSTS`: port stripped, lower-cased; `None`
    /// when the host is unknown or not a valid host name (see [`Flow::host_invalid`]).
    pub fn domain(&self) -> Option<String> {
        self.host.value.as_deref().and_then(django_domain)
    }

    /// Whether the host Django sees is known and not a valid host name (`_`, `netbox_backend`):
    /// Django refuses it whatever ALLOWED_HOSTS says.
    pub fn host_invalid(&self) -> bool {
        self.host.value.as_deref().is_some_and(|h| django_domain(h).is_none())
    }
}

/// Django's `split_domain_port`: the host lower-cased, without its port and a trailing dot;
/// `None` when it does not match `host_validation_re`
/// (`^([a-z0-9.-]+|\[[a-f0-9]*:[a-f0-9.:]+\])(?::([0-9]+))?$`), for which `get_host` raises
/// DisallowedHost "The domain name provided is not valid according to RFC 1034/1035" whatever
/// ALLOWED_HOSTS says (django/http/request.py: 6.0.8 L35-37, L824-836; 6.1.2 L35-37, L190-210,
/// L849-861; seen with Django 6.1.2 for `_` and `netbox_backend` with ALLOWED_HOSTS `['*']`).
pub fn django_domain(host: &str) -> Option<String> {
    let lower = host.to_lowercase();
    let (domain, rest) = if lower.starts_with('[') {
        let end = lower.find(']')?;
        let inner = &lower[1..end];
        let colon = inner.find(':')?;
        let hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
        let tail = &inner[colon + 1..];
        if !inner[..colon].chars().all(hex) || tail.is_empty() || !tail.chars().all(|c| hex(c) || c == '.' || c == ':')
        {
            return None;
        }
        (&lower[..=end], &lower[end + 1..])
    } else {
        let end = lower.find(':').unwrap_or(lower.len());
        let domain = &lower[..end];
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-';
        if domain.is_empty() || !domain.chars().all(allowed) {
            return None;
        }
        (domain, &lower[end..])
    };
    if let Some(port) = rest.strip_prefix(':') {
        if port.is_empty() || !port.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    } else if !rest.is_empty() {
        return None;
    }
    let domain = domain.strip_suffix('.').unwrap_or(domain);
    (!domain.is_empty()).then(|| domain.to_string())
}

/// A name readers could type: a valid host name that is not a pattern (`.example.com` is
/// nginx's "example.com and its subdomains").
fn is_plain_host(name: &str) -> bool {
    !name.starts_with('.') && django_domain(name).is_some()
}

/// Where browsers reach NetBox through a proxy in front that ends TLS and is not among the
/// files: no server of the site listens with TLS, yet every entry of CSRF_TRUSTED_ORIGINS is an
/// `https://` origin (a browser sends such an `Origin` only from an https page, so NetBox is
/// told to trust what this plain listener alone never serves; corpus case t218, a NixOS
/// container's nginx behind a Traefik TLS edge). The origins' host names, lower-cased and without
/// their ports, a wildcard origin's as Django's `.example.com` pattern (match them with
/// [`host_allowed`]); `None` when nothing shows such a front.
pub fn tls_front_hosts(deployment: &Deployment) -> Option<Vec<String>> {
    let servers = &deployment.nginx.servers;
    if servers.is_empty() || servers.iter().any(Server::is_tls) {
        return None;
    }
    let setting = deployment.netbox.get("CSRF_TRUSTED_ORIGINS")?;
    let entries = setting.value.items()?.iter().map(|item| item.as_str()).collect::<Option<Vec<_>>>()?;
    let hosts: Vec<&str> = entries.iter().map(|entry| entry.strip_prefix("https://")).collect::<Option<_>>()?;
    if hosts.is_empty() {
        return None;
    }
    Some(
        hosts
            .iter()
            .filter_map(|host| {
                let host = host.trim_end_matches('/');
                match host.strip_prefix("*.") {
                    Some(domain) => django_domain(domain).map(|domain| format!(".{domain}")),
                    None => django_domain(host),
                }
            })
            .collect(),
    )
}

/// `localhost`, `127.0.0.1`, `::1`, `0.0.0.0`: the machine itself, not what readers elsewhere
/// type.
pub fn is_loopback(name: &str) -> bool {
    let name = name.trim_matches(['[', ']']);
    name.eq_ignore_ascii_case("localhost")
        || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback() || ip.is_unspecified())
}

/// The host readers type and where it comes from: the server's first name when it is one a
/// browser uses; else the one name NetBox's side gives.
fn public_host(deployment: &Deployment, server: &Server) -> (Option<String>, String) {
    let first = server.first_name();
    if is_plain_host(first) && !is_loopback(first) {
        return (Some(first.to_string()), "the proxy's server_name".into());
    }
    let why = if first.is_empty() {
        "the server has no server_name".to_string()
    } else {
        format!("the server's name `{first}` is not one users type")
    };
    let allowed: Option<Vec<String>> = deployment
        .netbox
        .get("ALLOWED_HOSTS")
        .and_then(|s| s.value.items()?.iter().map(|v| v.as_str().map(str::to_string)).collect::<Option<Vec<_>>>());
    let uris = deployment.authentik.provider().and_then(|p| p.redirect_uris.as_ref()).into_iter().flatten();
    let registered = only_one(uris.filter(|u| u.mode == MatchingMode::Strict).map(|uri| {
        let host = uri.url.split_once("://").map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or(rest));
        host.and_then(django_domain)
    }));
    if let Some(host) = registered
        && allowed.as_ref().is_none_or(|a| host_allowed(&host, a))
    {
        return (Some(host), format!("the provider's redirect URI, as {why}"));
    }
    let candidates = allowed.iter().flatten().filter(|h| is_plain_host(h) && !is_loopback(h));
    if let Some(host) = only_one(candidates.map(|h| Some(h.to_lowercase()))) {
        return (Some(host), format!("ALLOWED_HOSTS, as {why}"));
    }
    (None, why)
}

/// The one value all items share (`None` among them: unknown, so none; two different values:
/// none either).
fn only_one(items: impl Iterator<Item = Option<String>>) -> Option<String> {
    let mut found: Option<String> = None;
    for item in items {
        let item = item?;
        match &found {
            Some(seen) if *seen != item => return None,
            Some(_) => {}
            None => found = Some(item),
        }
    }
    found
}

/// Django's `validate_host`: `*`, `.example.com` (the domain and its subdomains), or exact.
pub fn host_allowed(domain: &str, allowed: &[String]) -> bool {
    allowed.iter().any(|pattern| {
        let pattern = pattern.to_lowercase();
        pattern == "*"
            || (pattern.starts_with('.') && (domain.ends_with(&pattern) || domain == &pattern[1..]))
            || pattern == domain
    })
}

/// The application's end-session URL, where NetBox should send readers after logout: the
/// Authentik origin from NetBox's OIDC endpoint, the slug from the blueprint's application
/// (facts §3.1: the provider app is mounted at `/application/o/`, per-application URLs carry the
/// application slug). Here, not in `authentik`, because it reads NetBox's file as well.
pub fn end_session_url(deployment: &Deployment) -> Option<String> {
    let url = deployment.netbox.oidc_endpoint()?.value.as_str()?;
    // Where Authentik is: what the endpoint has before `/application/o/` (its host, and a path
    // Authentik may be served under), else the endpoint's scheme and host.
    let base = match url.split_once("/application/o/") {
        Some((base, _)) => base.to_string(),
        None => {
            let (scheme, rest) = url.split_once("://")?;
            format!("{scheme}://{}", rest.split('/').next()?)
        }
    };
    // The application's slug: the blueprint's, or else the one the endpoint names.
    let slug = match deployment.authentik.application().and_then(|a| a.slug.clone()) {
        Some((slug, _)) => slug,
        None => endpoint_application(url)?.to_string(),
    };
    Some(format!("{base}/application/o/{slug}/end-session/"))
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::extract::{ChapterInput, extract};
    use crate::model::{assemble, contribute};
    use crate::parse::parse_blocks;
    use crate::source::Sources;

    const NETBOX: &str = "ALLOWED_HOSTS = ['netbox.internaldomain.com']\nREMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n";

    /// The login flow derived from a chapter of a `configuration.py`, an nginx site and, when
    /// given, a blueprint, as `read` sees it.
    fn derive<R>(netbox: &str, nginx: &str, blueprint: Option<&str>, read: impl FnOnce(&Flow<'_>) -> R) -> R {
        let mut content = format!("```python,check=netbox\n{netbox}```\n\n```nginx,check=nginx\n{nginx}```\n");
        if let Some(blueprint) = blueprint {
            content.push_str(&format!("\n```yaml,check=authentik\n{blueprint}```\n"));
        }
        let chapter = ChapterInput::for_test(&content);
        let mut sources = Sources::default();
        let extraction = extract(&[chapter], &mut sources);
        let parsed = parse_blocks(&extraction.blocks, &mut Vec::new());
        let model = assemble(&extraction.blocks, vec![contribute(&extraction.blocks, parsed)]);
        read(&Flow::derive(&model.main).expect("a flow"))
    }

    fn redirect_uri(netbox: &str, nginx: &str) -> (Option<String>, String, String) {
        derive(netbox, nginx, None, |flow| {
            (flow.redirect_uri.clone(), flow.host.because.clone(), flow.scheme.because.clone())
        })
    }

    fn site(listen: &str, headers: &str) -> String {
        format!(
            "server {{\n    listen {listen};\n    server_name netbox.internaldomain.com;\n    location / {{\n        proxy_pass http://127.0.0.1:8001;\n{headers}    }}\n}}\n"
        )
    }

    const REFERENCE: &str = "        proxy_set_header X-Forwarded-Host $http_host;\n        proxy_set_header X-Real-IP $remote_addr;\n        proxy_set_header X-Forwarded-Proto $scheme;\n";

    #[test]
    fn netbox_reference_proxy() {
        let (uri, _, _) = redirect_uri(NETBOX, &site("[::]:443 ssl ipv6only=off", REFERENCE));
        assert_eq!(uri.as_deref(), Some("https://netbox.internaldomain.com/oauth/complete/oidc/"));
    }

    #[test]
    fn host_header_from_host_variable_on_a_non_443_port_loses_the_port() {
        let headers = "        proxy_set_header Host $host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n";
        let (uri, because, _) = redirect_uri(NETBOX, &site("8443 ssl", headers));
        assert_eq!(uri.as_deref(), Some("https://netbox.internaldomain.com/oauth/complete/oidc/"));
        assert!(because.contains("Host $host"));
        let headers =
            "        proxy_set_header Host $http_host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n";
        let (uri, _, _) = redirect_uri(NETBOX, &site("8443 ssl", headers));
        assert_eq!(uri.as_deref(), Some("https://netbox.internaldomain.com:8443/oauth/complete/oidc/"));
    }

    #[test]
    fn no_forwarded_proto_gives_http() {
        let (uri, _, scheme) =
            redirect_uri(NETBOX, &site("443 ssl", "        proxy_set_header X-Forwarded-Host $http_host;\n"));
        assert_eq!(uri.as_deref(), Some("http://netbox.internaldomain.com/oauth/complete/oidc/"));
        assert!(scheme.contains("no `X-Forwarded-Proto`"));
        let netbox = format!("{NETBOX}SOCIAL_AUTH_REDIRECT_IS_HTTPS = True\n");
        let (uri, _, _) =
            redirect_uri(&netbox, &site("443 ssl", "        proxy_set_header X-Forwarded-Host $http_host;\n"));
        assert_eq!(uri.as_deref(), Some("https://netbox.internaldomain.com/oauth/complete/oidc/"));
    }

    #[test]
    fn base_path_prefixes_the_callback() {
        let netbox = format!("{NETBOX}BASE_PATH = 'netbox/'\n");
        let site = site("443 ssl", REFERENCE).replace("location / {", "location /netbox/ {");
        let (uri, _, _) = redirect_uri(&netbox, &site);
        assert_eq!(uri.as_deref(), Some("https://netbox.internaldomain.com/netbox/oauth/complete/oidc/"));
    }

    #[test]
    fn forwarded_host_with_a_port() {
        let (uri, _, _) = redirect_uri(NETBOX, &site("8443 ssl", REFERENCE));
        assert_eq!(uri.as_deref(), Some("https://netbox.internaldomain.com:8443/oauth/complete/oidc/"));
    }

    #[test]
    fn a_bare_proxy_pass_sends_the_upstream_address() {
        let (uri, because, _) = redirect_uri(NETBOX, &site("443 ssl", ""));
        assert_eq!(uri.as_deref(), Some("http://127.0.0.1:8001/oauth/complete/oidc/"));
        assert!(because.contains("$proxy_host"));
    }

    #[test]
    fn server_level_headers_are_lost_when_the_location_sets_one() {
        let nginx = "server {\n    listen 443 ssl;\n    server_name netbox.internaldomain.com;\n    proxy_set_header X-Forwarded-Host $http_host;\n    proxy_set_header X-Forwarded-Proto $scheme;\n    location / {\n        proxy_pass http://127.0.0.1:8001;\n        proxy_set_header X-Real-IP $remote_addr;\n    }\n}\n";
        let (uri, _, _) = redirect_uri(NETBOX, nginx);
        assert_eq!(uri.as_deref(), Some("http://127.0.0.1:8001/oauth/complete/oidc/"));
    }

    fn flow_of(netbox: &str, nginx: &str, blueprint: &str) -> (Option<String>, String, Option<String>, bool) {
        derive(netbox, nginx, Some(blueprint), |flow| {
            (flow.public.host.clone(), flow.public.host_because.clone(), flow.host.value.clone(), flow.host_invalid())
        })
    }

    const CATCH_ALL: &str = "server {\n    listen 443 ssl default_server;\n    server_name _;\n    location / {\n        proxy_pass http://netbox:8080;\n        proxy_set_header X-Forwarded-Host $http_host;\n    }\n}\n";

    #[test]
    fn a_catch_all_server_takes_its_public_host_from_netbox_s_side_or_leaves_it_unknown() {
        // One name in ALLOWED_HOSTS beside loopback: that is the public name.
        let netbox = "ALLOWED_HOSTS = ['netbox.corp.example', 'localhost', '127.0.0.1']\n";
        let (public, because, host, _) = flow_of(netbox, CATCH_ALL, "");
        assert_eq!(public.as_deref(), Some("netbox.corp.example"));
        assert!(because.starts_with("ALLOWED_HOSTS, as the server's name `_`"), "{because}");
        assert_eq!(host.as_deref(), Some("netbox.corp.example"));
        // Two names: which one readers use is not known; never guessed.
        let two = "ALLOWED_HOSTS = ['netbox.corp.example', 'nb.corp.example']\n";
        assert_eq!(flow_of(two, CATCH_ALL, "").0, None);
        assert_eq!(flow_of(two, CATCH_ALL, "").2, None, "`$http_host` of an unknown host is unknown");
        // The provider's one registered host decides between them.
        let blueprint = "version: 1\nentries:\n  - model: authentik_providers_oauth2.oauth2provider\n    identifiers:\n      name: NetBox\n    attrs:\n      redirect_uris:\n        - matching_mode: strict\n          url: https://nb.corp.example/oauth/complete/oidc/\n";
        let (public, because, _, _) = flow_of(two, CATCH_ALL, blueprint);
        assert_eq!(public.as_deref(), Some("nb.corp.example"));
        assert!(because.starts_with("the provider's redirect URI"), "{because}");
    }

    #[test]
    fn server_name_is_the_first_name_and_an_empty_header_is_not_sent() {
        let site = CATCH_ALL.replace("$http_host", "$server_name");
        let (_, _, host, invalid) = flow_of("ALLOWED_HOSTS = ['*']\n", &site, "");
        assert_eq!((host.as_deref(), invalid), (Some("_"), true));
        // Without a server_name, `$server_name` is empty: nginx sends no X-Forwarded-Host, and
        // Django reads nginx's default Host, the upstream's.
        let nameless = site.replace("    server_name _;\n", "");
        let (_, _, host, invalid) = flow_of("ALLOWED_HOSTS = ['*']\n", &nameless, "");
        assert_eq!((host.as_deref(), invalid), (Some("netbox:8080"), false));
    }

    #[test]
    fn django_split_domain_port() {
        assert_eq!(django_domain("NetBox.Corp.Example:8443").as_deref(), Some("netbox.corp.example"));
        assert_eq!(django_domain("netbox.corp.example.").as_deref(), Some("netbox.corp.example"));
        assert_eq!(django_domain("[::1]:8001").as_deref(), Some("[::1]"));
        for invalid in [
            "_",
            "netbox_backend",
            "a b",
            "a.example, b.example",
            "*.example.com",
            "",
            ".",
            "host:",
            "host:80a",
            "[::1]x",
        ] {
            assert_eq!(django_domain(invalid), None, "{invalid}");
        }
    }

    #[test]
    fn django_host_validation() {
        let allowed = vec![".internaldomain.com".to_string()];
        assert!(host_allowed("netbox.internaldomain.com", &allowed));
        assert!(host_allowed("internaldomain.com", &allowed));
        assert!(!host_allowed("127.0.0.1", &allowed));
        assert!(host_allowed("anything", &["*".to_string()]));
    }
}
