//! `netbox/port-published-beside-proxy`: a compose file publishes NetBox's own port on every
//! interface while a proxy serves it over HTTPS, or while header authentication is on.
//!
//! ## What it does
//! Finds a `ports:` entry of the `netbox` service that is not bound to the machine itself
//! (`8080:8080`, `8080` alone, or a host port a variable gives with a port as its default,
//! `${NETBOX_PORT:-8080}:8080`) in a compose file that also runs a reverse proxy serving it
//! over HTTPS (Traefik's labels with a TLS router, or one on the `websecure` entrypoint, on the
//! service; an nginx, Caddy, HAProxy or Traefik service publishing port 443, on either side), or while NetBox takes users from a header
//! (`REMOTE_AUTH_ENABLED` with its `RemoteUserBackend`). A proxy in plain HTTP only is no
//! reason: going around it gains a client nothing (corpus case h196).
//!
//! ## Why is this bad?
//! Clients reach NetBox around the proxy's HTTPS, in plain HTTP, and NetBox trusts the forwarded headers
//! from anyone; with header authentication, whoever reaches the port names any user in the header
//! and is signed in as them.
//!
//! ## Example
//! `ports: ["8080:8080"]` on the `netbox` service beside Traefik.
//!
//! Use instead: no `ports:` (the proxy reaches NetBox over the Compose network), or
//! `127.0.0.1:8080:8080`.

use super::shared::{header_backend, truthy};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// NetBox's own port published beyond the machine beside a proxy, or with header authentication.
pub const PORT_PUBLISHED_BESIDE_PROXY: Rule = Rule {
    id: "netbox/port-published-beside-proxy",
    severity: Severity::Warning,
    summary: "a compose file publishes the `netbox` service's port on every interface while a reverse proxy serves it over HTTPS (Traefik's labels with a TLS router, an nginx, Caddy, HAProxy or Traefik service publishing port 443) or while header authentication is on: clients reach NetBox around the proxy",
    help: "remove `ports:` from the `netbox` service (the proxy reaches it over the Compose network), or publish it on the machine itself only: `127.0.0.1:8080:8080`",
    fact: "Compose publishes a `ports:` entry on every interface of the host unless it names a host address (`HOST_IP:HOST_PORT:CONTAINER_PORT`; a container port alone gets an ephemeral host port; Compose's documentation, services: ports); NetBox trusts X-Forwarded-Proto and X-Forwarded-Host from whoever sends them (settings.py L601-602, 4.6.8: SECURE_PROXY_SSL_HEADER, USE_X_FORWARDED_HOST; facts §5), and with REMOTE_AUTH_ENABLED its RemoteUserMiddleware signs in whoever the request's header names, on every request (netbox/middleware.py L153-192, 4.6.8; facts §1.2). Seen beside Traefik in a netbox-docker issue (tests/realworld/tuning/t130-…) and with Authentik's header authentication in a Portainer stack (t128)",
    applies: Applies::Always,
};

pub fn port_published_beside_proxy(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let header_auth = truthy(nb, "REMOTE_AUTH_ENABLED") == Some(true) && header_backend(nb);
    for port in nb.published_ports() {
        let entry = port.entry.escape_debug();
        // `192.0.2.10:8000:8080` is published on that address only, still beyond the machine.
        let interfaces = if port.every_interface { "on every interface" } else { "on an address beyond the machine itself" };
        let message = if header_auth {
            let header = nb.get("REMOTE_AUTH_HEADER").and_then(|s| s.value.as_str()).unwrap_or("HTTP_REMOTE_USER").escape_debug().to_string();
            format!(
                "this publishes NetBox's own port (`{entry}`) {interfaces} while header authentication is on: anyone who reaches it sends the header NetBox reads as `{header}` and is signed in as whoever it names, without the proxy's sign-on"
            )
        } else if let Some(proxy) = &port.proxy {
            format!(
                "this publishes NetBox's own port (`{entry}`) {interfaces} beside {proxy}: clients reach NetBox around the proxy's HTTPS, in plain HTTP, and NetBox trusts the X-Forwarded-Proto and X-Forwarded-Host they send"
            )
        } else {
            continue;
        };
        out.push(Finding::in_block(&PORT_PUBLISHED_BESIDE_PROXY, port.block, port.range.clone(), message));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_fires_in_chapter, assert_quiet_in_chapter};

    fn compose(netbox: &str, others: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4\n{netbox}{others}```\n"
        )
    }

    /// Beside Traefik (netbox-docker issue, corpus case t130): labels on the service, or another
    /// service running a proxy; bound to the machine itself, or without a proxy, it is the
    /// administrator's way in.
    #[test]
    fn beside_a_proxy() {
        let labels = "    labels:\n      - \"traefik.enable=true\"\n      - traefik.http.routers.nb.tls=true\n    ports:\n      - \"8080\"\n";
        assert_fires_in_chapter("netbox/port-published-beside-proxy", &compose(labels, ""), 8);
        let certresolver = "    labels:\n      traefik.http.routers.nb.tls.certresolver: acme\n    ports:\n      - \"8080\"\n";
        assert_fires_in_chapter("netbox/port-published-beside-proxy", &compose(certresolver, ""), 7);
        let websecure = "    labels:\n      - traefik.http.routers.nb.entrypoints=websecure\n    ports:\n      - \"8080\"\n";
        assert_fires_in_chapter("netbox/port-published-beside-proxy", &compose(websecure, ""), 7);
        let unprivileged = "  proxy:\n    image: nginxinc/nginx-unprivileged:1.27\n    ports:\n      - \"443:8443\"\n";
        assert_fires_in_chapter("netbox/port-published-beside-proxy", &compose("    ports:\n      - 8000:8080\n", unprivileged), 5);
        let nginx = "  proxy:\n    image: nginx:1.27-alpine\n    ports:\n      - 80:80\n      - \"443:443/tcp\"\n";
        assert_fires_in_chapter("netbox/port-published-beside-proxy", &compose("    ports:\n      - 8000:8080\n", nginx), 5);
        assert_quiet_in_chapter("netbox/port-published-beside-proxy", &compose("    ports:\n      - 127.0.0.1:8000:8080\n", nginx));
        assert_quiet_in_chapter("netbox/port-published-beside-proxy", &compose("    ports:\n      - 8000:8080\n", ""));
        let long = "    ports:\n      - target: 8080\n        published: 8000\n        host_ip: 127.0.0.1\n";
        assert_quiet_in_chapter("netbox/port-published-beside-proxy", &compose(long, nginx));
        // A proxy in plain HTTP only (corpus case h196): going around it gains nothing.
        let plain = "  proxy:\n    image: nginx:1.27-alpine\n    ports:\n      - 80:80\n";
        assert_quiet_in_chapter("netbox/port-published-beside-proxy", &compose("    ports:\n      - 8000:8080\n", plain));
        let plain_router = "    labels:\n      - traefik.enable=true\n      - traefik.http.routers.nb.entrypoints=web\n    ports:\n      - \"8080\"\n";
        assert_quiet_in_chapter("netbox/port-published-beside-proxy", &compose(plain_router, ""));
        // An address Compose interpolates is not known here.
        assert_quiet_in_chapter("netbox/port-published-beside-proxy", &compose("    ports:\n      - \"${BIND_IP:-127.0.0.1}:8000:8080\"\n", nginx));
        assert_quiet_in_chapter("netbox/port-published-beside-proxy", &compose("    ports:\n      - \"[::1]:${PORT:-8000}:8080\"\n", nginx));
        // A variable that is the host port alone, its default a port (corpus case t211): no
        // address is written, whatever the shell sets. Without a default it might be one.
        let variable_port = "    ports:\n      - \"${NETBOX_PORT:-8060}:8080\"\n";
        assert_fires_in_chapter("netbox/port-published-beside-proxy", &compose(variable_port, nginx), 5);
        let (_, message) = &crate::rules::testing::linted("netbox/port-published-beside-proxy", &compose(variable_port, nginx))[0];
        assert!(message.contains("(`${NETBOX_PORT:-8060}:8080`) on every interface"), "{message}");
        assert_fires_in_chapter("netbox/port-published-beside-proxy", &compose("    ports:\n      - ${PORT-8000}:8080/tcp\n", nginx), 5);
        assert_quiet_in_chapter("netbox/port-published-beside-proxy", &compose("    ports:\n      - \"${NETBOX_PORT}:8080\"\n", nginx));
        assert_quiet_in_chapter("netbox/port-published-beside-proxy", &compose("    ports:\n      - \"${BIND:-127.0.0.1:8060}:8080\"\n", nginx));
        // A required variable's message, a default that is no port, an address before it.
        for quiet in ["${PORT:?8000-9000}:8080", "${PORT:+8000}:8080", "${PORT:-99999}:8080", "${PORT:-0}:8080", "127.0.0.1:${PORT:-8060}:8080"] {
            assert_quiet_in_chapter("netbox/port-published-beside-proxy", &compose(&format!("    ports:\n      - \"{quiet}\"\n"), nginx));
        }
        assert_fires_in_chapter("netbox/port-published-beside-proxy", &compose("    ports:\n      - \"0.0.0.0:${PORT:-8060}:8080\"\n", nginx), 5);
        assert_fires_in_chapter("netbox/port-published-beside-proxy", &compose("    ports:\n      - \"[::]:${PORT:-8060}:8080\"\n", nginx), 5);
        assert_quiet_in_chapter("netbox/port-published-beside-proxy", &compose("    ports:\n      - \"[::1]:${PORT:-8060}:8080\"\n", nginx));
    }

    /// With header authentication the port is a way around the sign-on (a Portainer stack for
    /// Authentik's forward auth, corpus case t128).
    #[test]
    fn with_header_authentication() {
        let header = "    ports:\n      - \"8080:8080\"\n    environment:\n      REMOTE_AUTH_ENABLED: \"true\"\n      REMOTE_AUTH_HEADER: HTTP_X_AUTHENTIK_USERNAME\n";
        assert_fires_in_chapter("netbox/port-published-beside-proxy", &compose(header, ""), 5);
        let oidc = header.replace("REMOTE_AUTH_HEADER: HTTP_X_AUTHENTIK_USERNAME", "REMOTE_AUTH_BACKEND: social_core.backends.open_id_connect.OpenIdConnectAuth");
        assert_quiet_in_chapter("netbox/port-published-beside-proxy", &compose(&oidc, ""));
    }

    /// An address Compose interpolates (trial 9: `${NETBOX_HOST_IP:-0.0.0.0}:8000:8080` beside
    /// Authentik's header authentication): as the project's `.env` gives it; unknown without one
    /// (the shell may set it).
    #[test]
    fn an_interpolated_address_as_the_projects_env_gives_it() {
        use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};
        let header = "    ports:\n      - \"${NETBOX_HOST_IP:-0.0.0.0}:8000:8080\"\n    environment:\n      REMOTE_AUTH_ENABLED: \"true\"\n      REMOTE_AUTH_HEADER: HTTP_X_AUTHENTIK_USERNAME\n";
        let with_env = |env: &str| {
            compose(header, "").replace("```yaml,check=compose\n", "```yaml,check=compose,file=docker-compose.yml\n")
                + &format!("\n```sh,check=env,file=.env\n{env}```\n")
        };
        assert_fires_linted("netbox/port-published-beside-proxy", &with_env("NETBOX_HOST_IP=\n"), 5);
        assert_fires_linted("netbox/port-published-beside-proxy", &with_env("NETBOX_HOST_IP=192.0.2.10\n"), 5);
        let (_, message) = &crate::rules::testing::linted("netbox/port-published-beside-proxy", &with_env("NETBOX_HOST_IP=192.0.2.10\n"))[0];
        assert!(message.contains("(`192.0.2.10:8000:8080`) on an address beyond the machine itself"), "{message}");
        assert_quiet_linted("netbox/port-published-beside-proxy", &with_env("NETBOX_HOST_IP=127.0.0.1\n"));
        assert_quiet_linted("netbox/port-published-beside-proxy", &with_env("OTHER=1\n"));
    }
}
