//! `nginx/forwarded-host-server-name`: the host sent to NetBox is built from `$server_name`,
//! which is not the browser's host.
//!
//! ## What it does
//! Finds `proxy_set_header X-Forwarded-Host $server_name;` (or `Host $server_name` where no
//! X-Forwarded-Host is sent) in the location that proxies NetBox, when the server's first name is
//! not the one every user uses: `_` or another name that is no valid host, no name at all,
//! `localhost`, several `server_name`s, or one name while NetBox's ALLOWED_HOSTS lists another
//! host (an address, a short name) that this server answers as the default or only server of its
//! port. `localhost` is no finding where ALLOWED_HOSTS lists it and only loopback names (the
//! site is browsed as localhost). A single name on a `default_server` is otherwise no finding: the only server of a port
//! is its default anyway (nginx picks it for any host), so the keyword changes nothing, and the
//! users who type the one name get the right host.
//!
//! ## Why is this bad?
//! `$server_name` is the first name of the server that accepted the request, not the host the
//! browser asked for (seen with nginx 1.22.1: `_` for `server_name _`, the first of two names on
//! a default server, and nothing at all without a `server_name`, so no header is sent). NetBox
//! trusts X-Forwarded-Host, so Django validates and builds URLs with that name: `_` is not a
//! valid host name, and Django answers 400 to every request whatever ALLOWED_HOSTS says
//! (`split_domain_port`, django/http/request.py); `localhost` is refused unless ALLOWED_HOSTS
//! lists it, and then the redirect URI and the CSRF origin name localhost; a user who used
//! another name is told the first one, so the login POST fails the CSRF origin check (unless
//! CSRF_TRUSTED_ORIGINS lists that origin) and the sign-on returns to another host than the one
//! holding the user's session.
//!
//! ## Example
//! `proxy_set_header X-Forwarded-Host $server_name;` in a `server_name _;` server.
//!
//! Use instead: `proxy_set_header X-Forwarded-Host $http_host;` (the browser's Host, port
//! included), as NetBox's contrib/nginx.conf does.

use super::shared::{SignOn, sign_on};
use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::{django_domain, header, is_loopback};
use crate::model::nginx::{HeaderSetting, Server};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The host sent to NetBox is built from `$server_name`.
pub const FORWARDED_HOST_SERVER_NAME: Rule = Rule {
    id: "nginx/forwarded-host-server-name",
    severity: Severity::Error,
    summary: "the host sent to NetBox is built from `$server_name` (the server's first name), which is not the host users' browsers ask for",
    help: "send the browser's host: `proxy_set_header X-Forwarded-Host $http_host;` (as NetBox's contrib/nginx.conf does)",
    fact: "nginx docs ($server_name: the name of the server that accepted the request; a server without server_name has the empty name; `_` is just an invalid name), seen with nginx 1.22.1: `_`, the first of two names on a default server, no header without a name; Django split_domain_port/get_host (django/http/request.py 6.0.8 L35-37, L824-836; 6.1.2 L35-37, L190-210, L849-861): `_` is refused whatever ALLOWED_HOSTS says, seen with Django 6.1.2; facts §4 (get_host, CSRF origin)",
    applies: Applies::Always,
};

fn uses_server_name(h: &HeaderSetting) -> bool {
    h.value.contains("$server_name") || h.value.contains("${server_name}")
}

pub fn forwarded_host_server_name(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    // The header Django reads first: X-Forwarded-Host, else Host.
    let sent = match header(flow.headers, "X-Forwarded-Host") {
        Some(xfh) => xfh,
        None => match header(flow.headers, "Host") {
            Some(host) => host,
            None => return,
        },
    };
    if !uses_server_name(sent) {
        return;
    }
    let server = flow.server;
    let first = server.first_name();
    // The sign-on comes back to the host NetBox was told, where a sign-on is configured.
    let returns = match sign_on(d) {
        SignOn::None => String::new(),
        SignOn::Unknown => format!(
            ", and a single sign-on, if NetBox has one, returns to `{first}`, which does not hold their session cookie"
        ),
        SignOn::OpenIdConnect | SignOn::OtherSocial => {
            format!(", and the sign-on returns to `{first}`, which does not hold their session cookie")
        }
    };
    let what = if first.is_empty() {
        format!(
            "this server has no server_name, so `$server_name` is empty and nginx sends no {}: NetBox sees `{}` instead ({})",
            sent.name,
            flow.host.value.as_deref().unwrap_or("an unknown host"),
            flow.host.because
        )
    } else if django_domain(first).is_none() || first.starts_with('.') {
        format!(
            "`$server_name` is this server's first name, `{first}`, whatever host the browser asked for; `{first}` is not a valid host name, so Django answers every request with 400 Bad Request (DisallowedHost), whatever ALLOWED_HOSTS says"
        )
    } else if is_loopback(first) && !only_loopback_allowed(d, first) {
        format!(
            "`$server_name` is this server's first name, `{first}`, whatever host the browser asked for: NetBox answers 400 Bad Request unless ALLOWED_HOSTS lists `{first}`, and then sends the redirect URI and checks the CSRF origin for `{first}`, not for the host users use"
        )
    } else if server.names.len() > 1 {
        let listed = server.names[1..].iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
        let others = format!("the name{} {listed}", if server.names.len() > 2 { "s" } else { "" });
        let answers =
            if server.is_default() { format!("{others} and any other host (`default_server`)") } else { others };
        format!(
            "this server also answers {answers}, but `$server_name` is always its first name, `{first}`: users who use another name are told `{first}`, so their login POST fails the CSRF origin check (403) unless CSRF_TRUSTED_ORIGINS lists their origin{returns}"
        )
    } else if let Some((other, answers)) = other_allowed_host(d, server, first) {
        format!(
            "ALLOWED_HOSTS also lists `{other}`, and this server answers it ({answers}), but `$server_name` is always `{first}`: users who browse `{other}` are told `{first}`, so their login POST fails the CSRF origin check (403) unless CSRF_TRUSTED_ORIGINS lists their origin{returns}"
        )
    } else {
        return;
    };
    out.push(Finding::in_block(&FORWARDED_HOST_SERVER_NAME, sent.block, sent.value_range.clone(), what));
}

/// Whether NetBox's ALLOWED_HOSTS names `first` and no host but loopback ones: then the site is
/// meant to be browsed as `first` (a machine's own example), and `$server_name` is that host.
fn only_loopback_allowed(d: &Input<'_>, first: &str) -> bool {
    let Some(hosts) = d.netbox.get("ALLOWED_HOSTS").and_then(|s| s.value.items()) else { return false };
    let mut hosts = hosts.iter().map(|v| v.as_str());
    let mut named = false;
    hosts.all(|h| h.is_some_and(|h| {
        named |= h.eq_ignore_ascii_case(first);
        is_loopback(h)
    })) && named
}

/// A host NetBox's ALLOWED_HOSTS lists besides the server's one name, which users may browse
/// and this server answers: it is the default server of its port, or the site's only server on
/// that port (nginx then picks it for any host). Loopback names (health checks on the machine
/// itself), `*` and `.domain` patterns are not hosts users type. One pass over each list.
fn other_allowed_host(d: &Input<'_>, server: &Server, first: &str) -> Option<(String, &'static str)> {
    let port = server.public_listen().port;
    let answers = if server.is_default() {
        "it is the default server of its port"
    } else if d.nginx.servers.iter().filter(|s| s.listens.iter().any(|l| l.port == port)).nth(1).is_none() {
        "it is the only server on its port, so nginx picks it for any host"
    } else {
        return None;
    };
    let hosts = d.netbox.get("ALLOWED_HOSTS")?.value.items()?;
    let other = hosts.iter().filter_map(|v| v.as_str()).find(|h| {
        !h.starts_with('.') && django_domain(h).is_some() && !is_loopback(h) && !h.eq_ignore_ascii_case(first)
    })?;
    Some((other.to_string(), answers))
}

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet, messages};


    fn named(names: &str) -> String {
        nginx("X-Forwarded-Host $http_host", "X-Forwarded-Host $server_name")
            .replace("server_name netbox.internaldomain.com;", &format!("server_name {names};"))
    }

    #[test]
    fn a_catch_all_name_is_no_host() {
        let site = named("_");
        assert_fires("nginx/forwarded-host-server-name", (NETBOX, &site, BLUEPRINT), "X-Forwarded-Host $server_name");
        let all = messages(NETBOX, &site, BLUEPRINT);
        let message = all.iter().find(|(r, _)| *r == "nginx/forwarded-host-server-name").map(|(_, m)| m.as_str()).unwrap_or("");
        assert!(message.contains("first name, `_`") && message.contains("whatever ALLOWED_HOSTS says"), "{message}");
        // One cause, one finding: not also as a refused host, a redirect URI or a CSRF failure.
        let rules: Vec<&str> = all.iter().map(|(r, _)| *r).collect();
        assert_eq!(rules, vec!["nginx/forwarded-host-server-name"], "{all:#?}");
    }

    #[test]
    fn localhost_a_second_name_a_default_server_and_no_name() {
        assert_fires("nginx/forwarded-host-server-name", (NETBOX, &named("localhost"), BLUEPRINT), "$server_name");
        // Unless NetBox is only ever browsed as localhost (ALLOWED_HOSTS names no other host).
        let local = NETBOX.replace("ALLOWED_HOSTS = ['netbox.internaldomain.com']", "ALLOWED_HOSTS = ['localhost', '127.0.0.1']");
        assert_quiet("nginx/forwarded-host-server-name", (&local, &named("localhost"), BLUEPRINT));
        let also = NETBOX.replace("ALLOWED_HOSTS = ['netbox.internaldomain.com']", "ALLOWED_HOSTS = ['localhost', 'netbox']");
        assert_fires("nginx/forwarded-host-server-name", (&also, &named("localhost"), BLUEPRINT), "$server_name");
        assert_fires("nginx/forwarded-host-server-name", (NETBOX, &named("netbox.internaldomain.com netbox"), BLUEPRINT), "$server_name");
        // The sign-on's return is said only where one is configured (not with LDAP only).
        let two = named("netbox.internaldomain.com netbox");
        let with_sso = crate::rules::testing::message_of("nginx/forwarded-host-server-name", Default::default(), (NETBOX, &two, BLUEPRINT));
        assert!(with_sso.contains("the sign-on returns to"), "{with_sso}");
        let ldap = "ALLOWED_HOSTS = ['netbox.internaldomain.com']\nSECRET_KEY = 'k' * 60\nREMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'\n";
        let without = crate::rules::testing::message_of("nginx/forwarded-host-server-name", Default::default(), (ldap, &two, ""));
        assert!(without.contains("403") && !without.contains("sign-on"), "{without}");
        // The backend not known (read from the environment): a sign-on is not asserted.
        let from_env = "import os\nALLOWED_HOSTS = ['netbox.internaldomain.com']\nREMOTE_AUTH_BACKEND = os.environ.get('BACKEND')\n";
        let unknown = crate::rules::testing::message_of("nginx/forwarded-host-server-name", Default::default(), (from_env, &two, ""));
        assert!(unknown.contains("if NetBox has one"), "{unknown}");
        let default = named("netbox.internaldomain.com netbox").replace("ipv6only=off", "ipv6only=off default_server");
        assert_fires("nginx/forwarded-host-server-name", (NETBOX, &default, BLUEPRINT), "$server_name");
        let none = named("x").replace("    server_name x;\n", "");
        let all = messages(NETBOX, &none, BLUEPRINT);
        let message = all.iter().find(|(r, _)| *r == "nginx/forwarded-host-server-name").map(|(_, m)| m.as_str()).unwrap_or("");
        assert!(message.contains("no server_name") && message.contains("`127.0.0.1:8001`"), "{all:#?}");
    }

    #[test]
    fn the_one_name_every_user_uses_is_right() {
        // NetBox's documentation up to 2.7 did this, with one name: the browser's host.
        assert_quiet("nginx/forwarded-host-server-name", (NETBOX, &named("netbox.internaldomain.com"), BLUEPRINT));
        // The same with `default_server` (the Debian/certbot habit): the only server of the port is
        // its default anyway, so the keyword changes nothing nginx does.
        let default = named("netbox.internaldomain.com").replace("ipv6only=off", "ipv6only=off default_server");
        assert_quiet("nginx/forwarded-host-server-name", (NETBOX, &default, BLUEPRINT));
    }

    #[test]
    fn one_name_while_allowed_hosts_lists_an_address_the_server_answers() {
        // The only server on 443 answers https://10.20.0.15/ too, which ALLOWED_HOSTS lists.
        let site = named("netbox.internaldomain.com");
        let netbox = NETBOX.replace("ALLOWED_HOSTS = ['netbox.internaldomain.com']", "ALLOWED_HOSTS = ['netbox.internaldomain.com', '10.20.0.15']");
        assert_fires("nginx/forwarded-host-server-name", (&netbox, &site, BLUEPRINT), "X-Forwarded-Host $server_name");
        let all = messages(&netbox, &site, BLUEPRINT);
        let message = all.iter().find(|(r, _)| *r == "nginx/forwarded-host-server-name").map(|(_, m)| m.as_str()).unwrap_or("");
        assert!(message.contains("`10.20.0.15`") && message.contains("only server on its port"), "{message}");
        // Loopback entries are the machine's own checks, not a host users browse.
        let local = NETBOX.replace("ALLOWED_HOSTS = ['netbox.internaldomain.com']", "ALLOWED_HOSTS = ['netbox.internaldomain.com', 'localhost', '127.0.0.1']");
        assert_quiet("nginx/forwarded-host-server-name", (&local, &site, BLUEPRINT));
        // Another server on the same port takes the other host's requests (when named for it).
        let two = format!("{site}server {{\n    listen [::]:443 ssl;\n    server_name 10.20.0.15;\n    return 301 https://netbox.internaldomain.com$request_uri;\n}}\n");
        assert_quiet("nginx/forwarded-host-server-name", (&netbox, &two, BLUEPRINT));
    }

    #[test]
    fn the_message_allows_for_trusted_origins() {
        let site = named("netbox.internaldomain.com www.netbox.internaldomain.com");
        let netbox = format!("{NETBOX}CSRF_TRUSTED_ORIGINS = ['https://www.netbox.internaldomain.com']\n");
        let all = messages(&netbox, &site, BLUEPRINT);
        let message = all.iter().find(|(r, _)| *r == "nginx/forwarded-host-server-name").map(|(_, m)| m.as_str()).unwrap_or("");
        assert!(message.contains("unless CSRF_TRUSTED_ORIGINS lists their origin"), "{all:#?}");
    }
}
