//! The nginx side of the deployment: servers, the location that proxies NetBox, and the headers
//! that reach NetBox (facts §5).

use std::ops::Range;

use crate::finding::BlockId;
use crate::parse::nginx::{Arg, Directive, NginxFile, counts_arguments, walk};

/// A `proxy_set_header` in effect.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderSetting {
    /// Header name as written.
    pub name: String,
    /// Value as written (`$http_host`).
    pub value: String,
    /// The directive.
    pub range: Range<usize>,
    /// The value.
    pub value_range: Range<usize>,
    /// Its block.
    pub block: BlockId,
}

/// A `listen`.
#[derive(Debug, Clone, PartialEq)]
pub struct Listen {
    /// The port.
    pub port: u16,
    /// `ssl` given.
    pub ssl: bool,
    /// The directive (`None` for nginx's implicit `listen 80`).
    pub range: Option<Range<usize>>,
    /// `default_server` given: the server answers requests for any host name on this port.
    pub default_server: bool,
    /// The address before the port (`127.0.0.1`, `[::]`, `*`), empty when only a port is given
    /// (nginx then listens on every address).
    pub address: String,
}

/// A `location` block.
#[derive(Debug, Clone)]
pub struct Location {
    /// The matched path (`/`, `/static/`); regex locations keep their pattern.
    pub path: String,
    /// `=`, `~`, `~*`, `^~` or empty.
    pub modifier: String,
    /// The `location` directive.
    pub range: Range<usize>,
    /// Its first line: `location / {` without the block (where to point at the location).
    pub head: Range<usize>,
    /// Its block.
    pub block: BlockId,
    /// `proxy_pass` target and its range.
    pub proxy_pass: Option<(String, Range<usize>)>,
    /// `proxy_set_header`s written in this location.
    pub headers: Vec<HeaderSetting>,
    /// `client_max_body_size` in this location.
    pub client_max_body_size: Option<(String, Range<usize>)>,
    /// An `include` in this location: a file not followed, which may set headers.
    pub includes: bool,
    /// The first `alias` or `root` of this location (not an inner location's), with its path:
    /// when there is one, the location serves files from disk.
    pub files_from: Option<FilesFrom>,
}

/// Where a location serves files from: its `alias` or `root` directive.
#[derive(Debug, Clone, PartialEq)]
pub struct FilesFrom {
    /// `alias` (the location's path is replaced by this path) or `root` (the whole request path
    /// is appended to it); nginx docs, `alias` and `root`.
    pub alias: bool,
    /// The path as written (unquoted).
    pub path: String,
    /// The directive.
    pub range: Range<usize>,
}

/// A `server` block.
#[derive(Debug, Clone)]
pub struct Server {
    /// The `server` directive.
    pub range: Range<usize>,
    /// Its block.
    pub block: BlockId,
    /// Its listeners (`listen 80` when none is written).
    pub listens: Vec<Listen>,
    /// `ssl on;` (old style).
    pub ssl_on: bool,
    /// Server names. Words after a line whose `;` went missing are left out: they are the next
    /// directive's name and arguments, reported as such (`nginx/missing-semicolon`), not names
    /// anyone browses.
    pub names: Vec<String>,
    /// `proxy_set_header`s at server level.
    pub headers: Vec<HeaderSetting>,
    /// Its locations (nested ones flattened).
    pub locations: Vec<Location>,
    /// `client_max_body_size` at server level.
    pub client_max_body_size: Option<(String, Range<usize>)>,
    /// An `include` at server level: a file not followed, which may set headers.
    pub includes: bool,
    /// The URL of a server-level `return` that redirects (`return 301 URL;`, or `return URL;`
    /// for a URL that starts with `http://`, `https://` or `$scheme`), with the `return`'s range.
    pub redirect: Option<(String, Range<usize>)>,
    /// The server trusts an HTTP proxy in front of it for the client's address
    /// (`set_real_ip_from`, its own, a location's or its `http` level's; `real_ip_header` alone
    /// trusts none): requests come through that proxy, with its headers.
    pub trusts_proxy_addresses: bool,
    /// A listener takes the PROXY protocol (`listen … proxy_protocol`), which only a proxy in
    /// front speaks: a layer-4 proxy, which sends no HTTP header of its own.
    pub proxy_protocol: bool,
    /// Its `ssl_certificate` and `ssl_certificate_key` files, in order (nginx pairs the n-th of
    /// each: an RSA and an ECDSA pair), its own or, where it sets none, its `http` level's.
    pub certificates: Vec<(String, Range<usize>)>,
    /// The `ssl_certificate_key` files, paired with [`Self::certificates`] by position.
    pub certificate_keys: Vec<(String, Range<usize>)>,
}

/// An `upstream` block: the servers a `proxy_pass http://NAME` goes to.
#[derive(Debug, Clone)]
pub struct Upstream {
    /// Its name.
    pub name: String,
    /// Its block.
    pub block: BlockId,
    /// Its `server` directives: the address as written (`127.0.0.1:8001`, `netbox:8080`,
    /// `unix:/run/netbox.sock`) and the directive.
    pub servers: Vec<(String, Range<usize>)>,
}

impl Server {
    /// The listener readers reach NetBox on: the TLS one if there is one.
    pub fn public_listen(&self) -> Listen {
        self.listens.iter().find(|l| l.ssl || self.ssl_on).or(self.listens.first()).cloned().unwrap_or(Listen {
            port: 80,
            ssl: false,
            range: None,
            default_server: false,
            address: String::new(),
        })
    }

    /// The first `server_name`: what nginx's `$server_name` holds (empty when none is written,
    /// nginx's default `server_name ""`; nginx docs, "Server names").
    pub fn first_name(&self) -> &str {
        self.names.first().map_or("", String::as_str)
    }

    /// Whether a `listen` makes it the default server of its port (`default_server`).
    pub fn is_default(&self) -> bool {
        self.listens.iter().any(|l| l.default_server)
    }

    /// Where to point at the server itself: its public `listen`, else the `server` line.
    pub fn anchor(&self) -> Range<usize> {
        self.public_listen().range.unwrap_or_else(|| self.range.start..self.range.start + "server".len())
    }

    /// Whether requests reach the server through another proxy, which may be where TLS ends
    /// ([`Server::trusts_proxy_addresses`] or [`Server::proxy_protocol`]).
    pub fn behind_proxy(&self) -> bool {
        self.trusts_proxy_addresses || self.proxy_protocol
    }

    /// How the server says a proxy is in front, for a message.
    pub fn proxy_in_front_directive(&self) -> &'static str {
        if self.proxy_protocol { "`listen … proxy_protocol`" } else { "`set_real_ip_from`" }
    }

    /// Whether it serves TLS on its public listener.
    pub fn is_tls(&self) -> bool {
        self.public_listen().ssl || self.ssl_on
    }

    /// The location nginx picks for a request path (exact, then longest prefix; regex locations
    /// are not followed).
    pub fn location_for(&self, path: &str) -> Option<&Location> {
        if let Some(exact) = self.locations.iter().find(|l| l.modifier == "=" && l.path == path) {
            return Some(exact);
        }
        self.locations
            .iter()
            .filter(|l| matches!(l.modifier.as_str(), "" | "^~") && path.starts_with(&l.path))
            .max_by_key(|l| l.path.len())
    }

    /// The headers that reach the upstream of a location: nginx inherits the server's
    /// `proxy_set_header`s only when the location sets none.
    pub fn effective_headers<'a>(&'a self, location: &'a Location) -> &'a [HeaderSetting] {
        if location.headers.is_empty() { &self.headers } else { &location.headers }
    }

    /// Whether those headers are all written here: an `include` at the level they come from
    /// (`include proxy_params;`) may set more, and is not followed.
    pub fn headers_complete(&self, location: &Location) -> bool {
        !(location.includes || (location.headers.is_empty() && self.includes))
    }
}

/// The nginx site.
#[derive(Debug, Clone, Default)]
pub struct NginxSite {
    /// Its servers, in reading order.
    pub servers: Vec<Server>,
    /// Its `upstream` blocks.
    pub upstreams: Vec<Upstream>,
    /// Directives that took the next line's directive as arguments (its `;` missing).
    pub swallowed: Vec<Swallowed>,
}

/// How many words of a directive a [`Swallowed`] shows.
const WORDS_SHOWN: usize = 6;
/// How many characters of each word (a quoted argument may be a whole policy).
const WORD_CHARS: usize = 40;

/// A directive whose line lost its `;`, so nginx read the next directive as its arguments.
#[derive(Debug, Clone)]
pub struct Swallowed {
    /// Its block.
    pub block: BlockId,
    /// The directive as meant: its name and its own arguments (`server_name localhost`).
    pub meant: String,
    /// Where that is written.
    pub range: Range<usize>,
    /// The directive it swallowed, as written (`client_max_body_size 25m`).
    pub lost: String,
    /// The size a swallowed `client_max_body_size` meant (`25m`), among all the words it took.
    pub lost_body_size: Option<String>,
}

impl NginxSite {
    /// Read the servers of one block.
    pub fn add(&mut self, file: &NginxFile, block: BlockId) {
        // A site file is included inside nginx.conf's `http` block (Debian's sites-enabled/*,
        // conf.d/*.conf): what it sets outside its servers is set at `http` level, and every
        // server of it that sets none inherits it.
        let top = Inherited {
            headers: header_settings(&file.directives, block),
            client_max_body_size: body_size_in(&file.directives),
            trusts_proxy_addresses: trusts_a_proxy(&file.directives),
            certificates: files_of(&file.directives, "ssl_certificate"),
            certificate_keys: files_of(&file.directives, "ssl_certificate_key"),
        };
        walk(&file.directives, &mut |d| {
            // `listen` is nginx's syntax error already; a counted directive's too.
            if let (Some(i), false) = (d.swallowed, d.name == "listen" || counts_arguments(&d.name)) {
                // At most a few words: a swallowed run may be long (a line that lost its `;` before
                // a block of many), and the message needs only its start.
                let words = |args: &[Arg]| {
                    let word = |a: &Arg| match a.text.char_indices().nth(WORD_CHARS) {
                        Some((end, _)) => format!("{}…", &a.text[..end]),
                        None => a.text.to_string(),
                    };
                    let mut shown = args.iter().take(WORDS_SHOWN).map(word).collect::<Vec<_>>().join(" ");
                    if args.len() > WORDS_SHOWN {
                        shown.push_str(" …");
                    }
                    shown
                };
                let meant_end = if i == 0 { d.name_range.end } else { d.args[i - 1].range.end };
                self.swallowed.push(Swallowed {
                    block,
                    meant: if i == 0 { d.name.clone() } else { format!("{} {}", d.name, words(&d.args[..i])) },
                    range: d.name_range.start..meant_end,
                    lost: words(&d.args[i..]),
                    lost_body_size: d.args[i..]
                        .windows(2)
                        .find(|pair| pair[0].text == "client_max_body_size")
                        .map(|pair| pair[1].text.to_string()),
                });
            }
        });
        for directive in &file.directives {
            match directive.name.as_str() {
                "server" if addressed_by_template(directive) => {}
                "server" => self.servers.push(server(directive, block, &top)),
                "upstream" => self.upstreams.extend(upstream(directive, block)),
                "http" => {
                    let inherited = Inherited {
                        headers: headers(directive, block),
                        client_max_body_size: body_size(directive),
                        trusts_proxy_addresses: trusts_a_proxy(directive.children.iter().flatten()),
                        certificates: files_of(directive.children.iter().flatten(), "ssl_certificate"),
                        certificate_keys: files_of(directive.children.iter().flatten(), "ssl_certificate_key"),
                    };
                    for inner in directive.children.iter().flatten() {
                        match inner.name.as_str() {
                            "server" if addressed_by_template(inner) => {}
                            "server" => self.servers.push(server(inner, block, &inherited)),
                            "upstream" => self.upstreams.extend(upstream(inner, block)),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// The `upstream` block a `proxy_pass` target names (`http://netbox_backend` →
    /// `upstream netbox_backend`): nginx proxies to that block's servers, and sends
    /// `Host: netbox_backend` (its `$proxy_host`; both seen with nginx 1.22.1). Names are
    /// compared exactly; a target that names no block is a host name nginx resolves (unknown
    /// here).
    pub fn upstream_for(&self, target: &str) -> Option<&Upstream> {
        let without_scheme = target.split_once("://").map_or(target, |(_, rest)| rest);
        let authority = without_scheme.split('/').next().unwrap_or(without_scheme);
        self.upstreams.iter().find(|u| u.name == authority)
    }

    /// The server that proxies NetBox: one with a location carrying `proxy_pass`, preferring TLS.
    /// In a file that fronts several applications (a whole nginx.conf for a compose stack), the
    /// proxying servers named after NetBox, by a server name or a proxy target (an upstream or
    /// container called `netbox…`), come first; without such a name every proxying server counts.
    pub fn netbox_server(&self) -> Option<&Server> {
        let proxies = |s: &&Server| s.locations.iter().any(|l| l.proxy_pass.is_some());
        let named = |s: &&Server| {
            s.names.iter().any(|n| mentions_netbox(n))
                || s.locations.iter().any(|l| l.proxy_pass.as_ref().is_some_and(|(target, _)| mentions_netbox(target)))
        };
        // Computed once each (linear in the servers): several proxying servers, one of them named.
        let several = self.servers.iter().filter(proxies).nth(1).is_some();
        let by_name = several && self.servers.iter().filter(proxies).any(|s| named(&s));
        let preferred = |s: &&Server| proxies(s) && (!by_name || named(s));
        self.servers.iter().filter(preferred).find(|s| s.is_tls()).or_else(|| self.servers.iter().find(preferred))
    }
}

/// Whether a server name or proxy target names NetBox (ASCII, any case).
fn mentions_netbox(text: &str) -> bool {
    text.as_bytes().windows(6).any(|w| w.eq_ignore_ascii_case(b"netbox"))
}

fn headers(directive: &Directive, block: BlockId) -> Vec<HeaderSetting> {
    header_settings(directive.children.iter().flatten(), block)
}

/// The `proxy_set_header`s among some directives (a block's children, or a file's top level).
fn header_settings<'a>(directives: impl IntoIterator<Item = &'a Directive>, block: BlockId) -> Vec<HeaderSetting> {
    directives
        .into_iter()
        .filter(|d| d.name == "proxy_set_header" && d.args.len() == 2)
        .map(|d| HeaderSetting {
            name: d.args[0].text.clone(),
            value: d.args[1].text.clone(),
            range: d.range.clone(),
            value_range: d.args[1].range.clone(),
            block,
        })
        .collect()
}

fn body_size(directive: &Directive) -> Option<(String, Range<usize>)> {
    body_size_in(directive.children.iter().flatten())
}

/// The first `client_max_body_size` among some directives.
fn body_size_in<'a>(directives: impl IntoIterator<Item = &'a Directive>) -> Option<(String, Range<usize>)> {
    directives
        .into_iter()
        .find(|d| d.name == "client_max_body_size")
        .and_then(|d| d.args.first().map(|a| (a.text.clone(), a.range.clone())))
}

/// What a server takes from the `http` block around it, when the file shows one (a whole
/// `nginx.conf`): nginx inherits `proxy_set_header` from the previous level when a level sets
/// none (nginx docs, `proxy_set_header`; seen with nginx 1.22.1: headers set only in `http` reach
/// the upstream of a location with a bare `proxy_pass`), `client_max_body_size` when a level
/// does not set it, and the addresses `set_real_ip_from` trusts (ngx_http_realip_module, context
/// http, server, location). A site file included from the system's `nginx.conf` shows no `http` block:
/// nothing is inherited, as with Debian's and nginx.org's own `nginx.conf`, which set neither.
#[derive(Default)]
struct Inherited {
    headers: Vec<HeaderSetting>,
    client_max_body_size: Option<(String, Range<usize>)>,
    trusts_proxy_addresses: bool,
    certificates: Vec<(String, Range<usize>)>,
    certificate_keys: Vec<(String, Range<usize>)>,
}

/// Whether some directives trust a proxy in front for the client's address: `set_real_ip_from`
/// (ngx_http_realip_module: "defines trusted addresses"; `real_ip_header` alone trusts none).
fn trusts_a_proxy<'a>(directives: impl IntoIterator<Item = &'a Directive>) -> bool {
    directives.into_iter().any(|d| d.name == "set_real_ip_from")
}

/// Whether a server's locations (at any depth) trust a proxy in front (the directive is allowed
/// in `location` too).
fn locations_trust_a_proxy(parent: &Directive) -> bool {
    parent
        .children_named("location")
        .any(|location| trusts_a_proxy(location.children.iter().flatten()) || locations_trust_a_proxy(location))
}

/// Whether a server's addresses or names are a template's slots (`listen {{ port }}`,
/// `server_name {{ fqdn }}`): which requests it answers is not known, so the server is left out
/// (its other slots read as unknown values: [`crate::parse::nginx_lexer::Lexer::with_templates`]).
fn addressed_by_template(server: &Directive) -> bool {
    server
        .children
        .iter()
        .flatten()
        .filter(|d| d.name == "listen" || d.name == "server_name")
        .any(|d| d.args.iter().any(|a| a.templated))
}

fn server(directive: &Directive, block: BlockId, inherited: &Inherited) -> Server {
    let own_headers = headers(directive, block);
    let includes = directive.children_named("include").next().is_some();
    let listens: Vec<Listen> = directive.children_named("listen").filter_map(listen).collect();
    let mut locations = Vec::new();
    collect_locations(directive, block, &mut locations);
    Server {
        range: directive.range.clone(),
        block,
        listens: if listens.is_empty() {
            vec![Listen { port: 80, ssl: false, range: None, default_server: false, address: String::new() }]
        } else {
            listens
        },
        ssl_on: directive.children_named("ssl").any(|d| d.arg(0) == Some("on")),
        names: directive
            .children_named("server_name")
            .flat_map(|d| d.args[..d.swallowed.unwrap_or(d.args.len())].iter().map(|a| a.text.clone()))
            .collect(),
        // An `include` here may set headers (not followed): then the http block's are not inherited.
        headers: if own_headers.is_empty() && !includes { inherited.headers.clone() } else { own_headers },
        locations,
        client_max_body_size: body_size(directive).or_else(|| inherited.client_max_body_size.clone()),
        includes,
        redirect: directive.children_named("return").next().and_then(redirect),
        trusts_proxy_addresses: inherited.trusts_proxy_addresses
            || trusts_a_proxy(directive.children.iter().flatten())
            || locations_trust_a_proxy(directive),
        proxy_protocol: directive
            .children_named("listen")
            .any(|l| l.args.iter().skip(1).any(|a| a.text == "proxy_protocol")),
        certificates: own_or_inherited(
            files_of(directive.children.iter().flatten(), "ssl_certificate"),
            &inherited.certificates,
        ),
        certificate_keys: own_or_inherited(
            files_of(directive.children.iter().flatten(), "ssl_certificate_key"),
            &inherited.certificate_keys,
        ),
    }
}

/// The first argument of each directive of a name (a file path), in order.
fn files_of<'a>(directives: impl IntoIterator<Item = &'a Directive>, name: &str) -> Vec<(String, Range<usize>)> {
    directives
        .into_iter()
        .filter(|d| d.name == name)
        .filter_map(|d| d.args.first().map(|a| (a.text.clone(), a.range.clone())))
        .collect()
}

/// A level's own directives of a kind, else the level around it's (nginx inherits an array
/// directive only where a level sets none of it).
fn own_or_inherited(
    own: Vec<(String, Range<usize>)>,
    inherited: &[(String, Range<usize>)],
) -> Vec<(String, Range<usize>)> {
    if own.is_empty() { inherited.to_vec() } else { own }
}

/// The URL a `return` redirects to (nginx docs, `return`: `code URL` with 301, 302, 303, 307 or
/// 308, or a URL alone that starts with "http://", "https://" or "$scheme").
fn redirect(directive: &Directive) -> Option<(String, Range<usize>)> {
    let url = match (directive.arg(0), directive.arg(1)) {
        (Some("301" | "302" | "303" | "307" | "308"), Some(url)) => url,
        (Some(url), None) if ["http://", "https://", "$scheme"].iter().any(|p| url.starts_with(p)) => url,
        _ => return None,
    };
    Some((url.to_string(), directive.range.clone()))
}

fn collect_locations(parent: &Directive, block: BlockId, out: &mut Vec<Location>) {
    for location in parent.children_named("location") {
        let (modifier, path) = match (location.arg(0), location.arg(1)) {
            (Some(m @ ("=" | "~" | "~*" | "^~")), Some(path)) => (m.to_string(), path.to_string()),
            (Some(path), _) => (String::new(), path.to_string()),
            _ => continue,
        };
        out.push(Location {
            path,
            modifier,
            range: location.range.clone(),
            head: location.name_range.start..location.args.last().map_or(location.name_range.end, |a| a.range.end),
            block,
            proxy_pass: location
                .children_named("proxy_pass")
                .next()
                .and_then(|d| d.args.first().map(|a| (a.text.clone(), a.range.clone()))),
            headers: headers(location, block),
            client_max_body_size: body_size(location),
            includes: location.children_named("include").next().is_some(),
            files_from: location.children.iter().flatten().find_map(|d| {
                let alias = match d.name.as_str() {
                    "alias" => true,
                    "root" => false,
                    _ => return None,
                };
                Some(FilesFrom { alias, path: d.arg(0)?.to_string(), range: d.range.clone() })
            }),
        });
        collect_locations(location, block, out);
    }
}

fn upstream(directive: &Directive, block: BlockId) -> Option<Upstream> {
    Some(Upstream {
        name: directive.arg(0)?.to_string(),
        block,
        servers: directive
            .children_named("server")
            .filter_map(|d| d.args.first().map(|a| (a.text.clone(), d.range.clone())))
            .collect(),
    })
}

/// `443 ssl`, `[::]:443 ssl ipv6only=off`, `0.0.0.0:8443 ssl http2`, `80`.
fn listen(directive: &Directive) -> Option<Listen> {
    let address = directive.arg(0)?;
    // `[::]:443`, `127.0.0.1:8000`; `8000` (a port alone); `127.0.0.1` or `[::]` (port 80).
    let (host, port_text) = match address.rsplit_once(':') {
        Some((host, port)) if !address.ends_with(']') => (host, port),
        _ if address.bytes().all(|b| b.is_ascii_digit()) => ("", address),
        _ => (address, "80"),
    };
    let port = port_text.parse().unwrap_or(80);
    Some(Listen {
        address: host.to_string(),
        port,
        ssl: directive.args.iter().skip(1).any(|a| a.text == "ssl"),
        range: Some(directive.range.clone()),
        // `default` is the spelling before nginx 0.8.21.
        default_server: directive.args.iter().skip(1).any(|a| a.text == "default_server" || a.text == "default"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::nginx::parse;

    #[test]
    fn reads_the_reference_layout() {
        let file = parse(
            "server {\n    listen [::]:443 ssl ipv6only=off;\n    server_name netbox.example.com;\n    location /static/ { alias /opt/netbox/netbox/static/; }\n    location / {\n        proxy_pass http://127.0.0.1:8001;\n        proxy_set_header X-Forwarded-Host $http_host;\n    }\n}\nserver {\n    listen 80;\n    return 301 https://$host$request_uri;\n}\n",
        );
        let mut site = NginxSite::default();
        site.add(&file, BlockId(0));
        let server = site.netbox_server().unwrap();
        assert_eq!((server.public_listen().port, server.public_listen().ssl), (443, true));
        assert_eq!(server.names, ["netbox.example.com"]);
        let location = server.location_for("/oauth/complete/oidc/").unwrap();
        assert_eq!(location.path, "/");
        assert_eq!(server.effective_headers(location)[0].value, "$http_host");
        assert_eq!(server.location_for("/static/x.css").unwrap().path, "/static/");
    }

    /// A server inside `http` takes its headers and body size when it sets none (corpus case
    /// t53), not when it sets its own or has an `include` (which may set them, and is not read).
    #[test]
    fn a_server_inherits_from_the_http_block_only_what_it_leaves_unset() {
        let headers_of = |server: &str| {
            let file = parse(&format!(
                "http {{\n    proxy_set_header X-Forwarded-Proto $scheme;\n    client_max_body_size 25m;\n    server {{\n        listen 443 ssl;\n{server}        location / {{ proxy_pass http://127.0.0.1:8001; }}\n    }}\n}}\n"
            ));
            let mut site = NginxSite::default();
            site.add(&file, BlockId(0));
            let server = &site.servers[0];
            let names: Vec<String> = server.headers.iter().map(|h| h.name.clone()).collect();
            (names, server.client_max_body_size.as_ref().map(|(size, _)| size.clone()))
        };
        assert_eq!(headers_of(""), (vec!["X-Forwarded-Proto".to_string()], Some("25m".to_string())));
        assert_eq!(
            headers_of("        proxy_set_header Host $host;\n        client_max_body_size 2m;\n"),
            (vec!["Host".to_string()], Some("2m".to_string()))
        );
        assert_eq!(headers_of("        include proxy_params;\n"), (vec![], Some("25m".to_string())));
    }

    #[test]
    fn picks_the_server_named_after_netbox_among_several_applications() {
        // A compose stack's nginx.conf: AWX first, then NetBox, both on TLS by name.
        let file = parse(
            "http {\n    upstream awx { server awx:8052; }\n    upstream netbox { server netbox:8080; }\n    server {\n        listen 443 ssl;\n        server_name awx.corp.example;\n        location / { proxy_pass http://awx; }\n    }\n    server {\n        listen 443 ssl;\n        server_name ipam.corp.example;\n        location / { proxy_pass http://netbox; }\n    }\n}\n",
        );
        let mut site = NginxSite::default();
        site.add(&file, BlockId(0));
        assert_eq!(site.netbox_server().unwrap().names, ["ipam.corp.example"]);
        // Without a name that says NetBox, the first TLS server that proxies, as before.
        let file = parse(
            "server {\n    listen 80;\n    location / { proxy_pass http://127.0.0.1:8001; }\n}\nserver {\n    listen 443 ssl;\n    server_name a.corp.example;\n    location / { proxy_pass http://127.0.0.1:8001; }\n}\nserver {\n    listen 443 ssl;\n    server_name b.corp.example;\n    location / { proxy_pass http://127.0.0.1:8002; }\n}\n",
        );
        let mut site = NginxSite::default();
        site.add(&file, BlockId(0));
        assert_eq!(site.netbox_server().unwrap().names, ["a.corp.example"]);
    }

    #[test]
    fn reads_upstream_blocks_and_default_servers() {
        let file = parse(
            "http {\n    upstream netbox_backend {\n        server 127.0.0.1:8001;\n        keepalive 8;\n    }\n    server {\n        listen 80 default_server;\n        location / { proxy_pass http://netbox_backend; }\n    }\n}\n",
        );
        let mut site = NginxSite::default();
        site.add(&file, BlockId(0));
        let upstream = site.upstream_for("http://netbox_backend").unwrap();
        assert_eq!(upstream.servers.iter().map(|(a, _)| a.as_str()).collect::<Vec<_>>(), ["127.0.0.1:8001"]);
        // A name with a port, or another name, is a host nginx resolves: no block.
        assert!(site.upstream_for("http://netbox_backend:8001").is_none());
        assert!(site.upstream_for("http://netbox:8080").is_none());
        let server = site.netbox_server().unwrap();
        assert!(server.is_default());
        assert_eq!(server.first_name(), "");
    }
}
