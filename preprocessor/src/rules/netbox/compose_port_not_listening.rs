//! `netbox/compose-port-not-listening`: the `netbox` service maps a container port its image's
//! web server does not listen on.
//!
//! ## What it does
//! Applies when `lint` read the whole Compose project and its `netbox` service runs an image
//! whose port is known: linuxserver's (8000) or netbox-docker's from its 1.0.0 on (8080; 8081 is
//! its status page). Reports, at the `ports:` entry, a container port other than that one.
//!
//! ## Why is this bad?
//! Nothing in the container answers on that port: the host port leads nowhere (the connection is
//! reset), and a proxy sent there gets no NetBox. The two images differ, and NetBox's own
//! documentation runs gunicorn on 8001: copying a port from one into the other is easy.
//!
//! ## Example
//! `8080:8080` for `lscr.io/linuxserver/netbox`.
//!
//! Use instead: `8080:8000` (the host port is free to choose; the container port is the image's).

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A mapping to a port nothing listens on.
pub const COMPOSE_PORT_NOT_LISTENING: Rule = Rule {
    id: "netbox/compose-port-not-listening",
    severity: Severity::Warning,
    summary: "the `netbox` service maps a container port its image does not listen on (linuxserver's listens on 8000, netbox-docker's on 8080): the published port leads nowhere",
    help: "map the image's port: `HOST_PORT:8000` for linuxserver's image, `HOST_PORT:8080` for netbox-docker's",
    fact: "linuxserver/docker-netbox c710945 root/defaults/uwsgi.ini L2 (`http-socket = [::]:8000`; `:8000` at v3.2.6-ls77); netbox-docker 3.0.2 docker/nginx-unit.json (listeners `0.0.0.0:8080` and `[::]:8080` for NetBox, 8081 for the status), since 1.0.0 (d273391, 2020-11-10: 'Gunicorn is replaced with nginx-unit'; 1.0.0's file listens on `*:8080`); Compose's ports: `HOST:CONTAINER`, the container port the one the service must listen on. Seen in tests/realworld/tuning/t175-… (`8080:8080` for linuxserver's image)",
    applies: Applies::Always,
};

pub fn compose_port_not_listening(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(listens_on) = nb.image_port() else { return };
    let image = if listens_on == 8000 { "linuxserver's image" } else { "netbox-docker's image" };
    for (block, port, range) in nb.container_ports() {
        // netbox-docker's NGINX Unit also answers its status on 8081.
        if *port == listens_on || (listens_on == 8080 && *port == 8081) {
            continue;
        }
        out.push(Finding::in_block(
            &COMPOSE_PORT_NOT_LISTENING,
            *block,
            range.clone(),
            format!(
                "this maps port {port} of the `netbox` container, but {image} serves NetBox on port {listens_on}: nothing answers on {port}, so the published port leads nowhere"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};

    fn compose(image: &str, ports: &str) -> String {
        format!("# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: {image}\n    ports:\n{ports}```\n")
    }

    /// linuxserver's image mapped as netbox-docker's (corpus case t175), netbox-docker's mapped as
    /// NetBox's gunicorn or linuxserver's, in the short and the long form: line 5.
    #[test]
    fn ports_nothing_listens_on() {
        let rule = "netbox/compose-port-not-listening";
        assert_fires_linted("netbox/compose-port-not-listening", &compose("lscr.io/linuxserver/netbox:4.3", "      - \"8080:8080\"\n"), 5);
        assert_fires_linted(rule, &compose("netboxcommunity/netbox:v4.6-5.0.2", "      - 127.0.0.1:8000:8000\n"), 5);
        assert_fires_linted(rule, &compose("netboxcommunity/netbox:latest", "      - 8001\n"), 5);
        assert_fires_linted(rule, &compose("netboxcommunity/netbox", "      - target: 8000\n        published: 80\n"), 5);
    }

    /// The image's own port (and netbox-docker's status port), with any host port; an image whose
    /// port is not known (a build, another publisher's, netbox-docker before 1.0.0).
    #[test]
    fn the_images_own_port_or_an_unknown_one() {
        assert_quiet_linted("netbox/compose-port-not-listening", &compose("lscr.io/linuxserver/netbox:4.3", "      - \"8080:8000\"\n"));
        let rule = "netbox/compose-port-not-listening";
        assert_quiet_linted(rule, &compose("netboxcommunity/netbox:v4.6-5.0.2", "      - 8000:8080/tcp\n      - 127.0.0.1:8081:8081\n"));
        assert_quiet_linted(rule, &compose("ghcr.io/example/netbox-custom:1", "      - 8000:8000\n"));
        assert_quiet_linted(rule, &compose("netboxcommunity/netbox:v2.9.11", "      - 8001:8001\n"));
        assert_quiet_linted(rule, &compose("netboxcommunity/netbox:${VERSION}", "      - 8000:8000\n"));
        assert_quiet_linted(rule, &compose("netboxcommunity/netbox:v4.6-5.0.2", "      - 8000-8001:8000-8001\n"));
    }
}
