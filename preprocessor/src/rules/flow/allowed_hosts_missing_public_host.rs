//! `flow/allowed-hosts-missing-public-host`: The public host is not in ALLOWED_HOSTS.

use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::{host_allowed, tls_front_hosts};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The public host is not in ALLOWED_HOSTS.
pub const ALLOWED_HOSTS_MISSING_PUBLIC_HOST: Rule = Rule {
    id: "flow/allowed-hosts-missing-public-host",
    severity: Severity::Error,
    summary: "the public host name (from the proxy's `server_name`) is not in `ALLOWED_HOSTS`",
    help: "add the public host name to ALLOWED_HOSTS",
    fact: "facts §4 (get_host validates against ALLOWED_HOSTS; DisallowedHost is 400), §5 (the public host must be in ALLOWED_HOSTS)",
    applies: Applies::Always,
};

pub fn allowed_hosts_missing_public_host(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    let Some((setting, hosts)) = d.netbox.allowed_hosts() else { return };
    let Some(public) = flow.public.host.as_deref().map(str::to_lowercase) else { return };
    // Behind a TLS proxy in front (NetBox trusts only https origins, this site serves none),
    // browsers type the front's host: this server's name is theirs only when an origin names it
    // (corpus case t218: `server_name default` in a NixOS container behind Traefik).
    if tls_front_hosts(d.deployment).is_some_and(|hosts| !host_allowed(&public, &hosts)) {
        return;
    }
    // An empty list with DEBUG off allows no host at all: `netbox/allowed-hosts-type` says so,
    // at the same value, for every host (one cause, one finding; corpus case t176).
    let debug = d.netbox.get("DEBUG").and_then(|s| s.value.truthy());
    if hosts.is_empty() && debug != Some(true) {
        return;
    }
    // With DEBUG on, an empty list allows Django's local names (django/http/request.py,
    // `get_host`: ['.localhost', '127.0.0.1', '[::1]']).
    let hosts = if hosts.is_empty() { [".localhost", "127.0.0.1", "[::1]"].map(String::from).to_vec() } else { hosts };
    if !host_allowed(&public, &hosts) {
        out.push(Finding::in_block(
            &ALLOWED_HOSTS_MISSING_PUBLIC_HOST,
            setting.block,
            setting.value.range.clone(),
            format!("users reach NetBox as `{public}` ({}), which ALLOWED_HOSTS does not list: every page answers 400 Bad Request", flow.public.host_because),
        )
        .with_help(format!("add '{public}' to ALLOWED_HOSTS")));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::flow::testing::netbox;
    use crate::rules::testing::{BLUEPRINT, NGINX, assert_fires, assert_quiet};

    #[test]
    fn allowed_hosts_missing_public_host() {
        assert_fires(
            "flow/allowed-hosts-missing-public-host",
            (&netbox("['netbox.internaldomain.com']", "['netbox']"), NGINX, BLUEPRINT),
            "ALLOWED_HOSTS",
        );
        // Django's `.domain` form admits the domain and its subdomains.
        let subdomains = netbox("['netbox.internaldomain.com']", "['.internaldomain.com']");
        assert_quiet("flow/allowed-hosts-missing-public-host", (&subdomains, NGINX, BLUEPRINT));
        // An empty list is `netbox/allowed-hosts-type`'s finding (every host refused); with DEBUG
        // on Django allows only the local names, so the public host is missing again.
        let empty = netbox("['netbox.internaldomain.com']", "[]");
        assert_quiet("flow/allowed-hosts-missing-public-host", (&empty, NGINX, BLUEPRINT));
        assert_fires(
            "flow/allowed-hosts-missing-public-host",
            (&format!("{empty}DEBUG = True\n"), NGINX, BLUEPRINT),
            "ALLOWED_HOSTS",
        );
        let local = NGINX.replace("server_name netbox.internaldomain.com;", "server_name netbox.localhost;");
        assert_quiet("flow/allowed-hosts-missing-public-host", (&format!("{empty}DEBUG = True\n"), &local, ""));
    }

    #[test]
    fn behind_a_tls_front_the_host_is_the_fronts() {
        // A plain-http site whose NetBox trusts only the https origin of another name: browsers
        // reach that name at a TLS proxy in front, not this server's (corpus case t218).
        let plain = NGINX.replace("listen [::]:443 ssl ipv6only=off", "listen 8096 default_server").replace("server_name netbox.internaldomain.com;", "server_name default;");
        let netbox = netbox("['netbox.internaldomain.com']", "['ipam.corp.example']");
        let fronted = format!("{netbox}CSRF_TRUSTED_ORIGINS = ['https://ipam.corp.example']\n");
        assert_quiet("flow/allowed-hosts-missing-public-host", (&fronted, &plain, ""));
        // Without the origin, `default` is taken for the name browsers use.
        assert_fires("flow/allowed-hosts-missing-public-host", (&netbox, &plain, ""), "ALLOWED_HOSTS");
        // An origin that names the server itself: its name is what browsers use, and is missing.
        let named = format!("{netbox}CSRF_TRUSTED_ORIGINS = ['https://default']\n");
        assert_fires("flow/allowed-hosts-missing-public-host", (&named, &plain, ""), "ALLOWED_HOSTS");
        // A wildcard origin that covers the server's name names it too.
        let site = plain.replace("server_name default;", "server_name netbox.corp.example;");
        let wildcard = format!("{netbox}CSRF_TRUSTED_ORIGINS = ['https://*.corp.example']\n");
        assert_fires("flow/allowed-hosts-missing-public-host", (&wildcard, &site, ""), "ALLOWED_HOSTS");
    }

    #[test]
    fn the_fix_names_the_host_users_reach_not_an_example() {
        let nginx = NGINX.replace("netbox.internaldomain.com", "ipam.corp.example");
        let netbox = netbox("['netbox.internaldomain.com']", "['netbox']");
        let helps = crate::rules::testing::helps(&netbox, &nginx, BLUEPRINT);
        let help = helps.iter().find(|(r, _)| *r == "flow/allowed-hosts-missing-public-host").map(|(_, h)| h.as_str());
        assert_eq!(help, Some("add 'ipam.corp.example' to ALLOWED_HOSTS"), "{helps:#?}");
    }
}
