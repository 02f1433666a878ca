//! `netbox/compose-port-not-listening`: the `netbox` service maps a container port its image's
//! web server does not listen on.
//!
//! ## What it does
//! Applies when `lint` read the whole Compose project and its `netbox` service runs
//! linuxserver's image (`lscr.io/linuxserver/netbox`), whose web server listens on 8000 in every
//! release, and no compose file gives the service another command, entrypoint, network, uwsgi.ini
//! or keys from a merge key or `extends:`. Reports, at the `ports:` entry, a container port
//! other than 8000. netbox-docker's image changed web servers and ports over its releases
//! (gunicorn on 8001, NGINX Unit on 8080, Granian with `GRANIAN_PORT`): not judged.
//!
//! ## Why is this bad?
//! Nothing in the container answers on that port: the host port leads nowhere (the connection is
//! reset), and a proxy sent there gets no NetBox. netbox-docker's image listens on 8080 and
//! NetBox's own documentation runs gunicorn on 8001: copying a port from those is easy.
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
    summary: "the `netbox` service runs linuxserver's image, which serves NetBox on port 8000, and maps another container port: the published port leads nowhere",
    help: "map the image's port: `HOST_PORT:8000` (the host port is free to choose)",
    fact: "linuxserver/docker-netbox c710945 root/defaults/uwsgi.ini L2 (`http-socket = [::]:8000`), the same port (`:8000` or `[::]:8000`) at all 402 tags of the mirror (v3.2.6-ls77 `:8000`), the file moved into /app by the image, not into /config (a mount over it may set another port: not judged); Compose's ports: `HOST:CONTAINER`, the container port the one the service must listen on; in another network namespace (`network_mode:`) Compose publishes none. Seen in tests/realworld/tuning/t175-… (`8080:8080` for linuxserver's image)",
    applies: Applies::Always,
};

pub fn compose_port_not_listening(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(listens_on) = nb.image_port() else { return };
    for (block, port, range) in nb.container_ports() {
        if *port == listens_on {
            continue;
        }
        out.push(Finding::in_block(
            &COMPOSE_PORT_NOT_LISTENING,
            *block,
            range.clone(),
            format!(
                "this maps port {port} of the `netbox` container, but linuxserver's image serves NetBox on port {listens_on}: nothing answers on {port}, so the published port leads nowhere"
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

    /// linuxserver's image mapped as netbox-docker's (corpus case t175), as NetBox's gunicorn, in
    /// the short and the long form: line 5.
    #[test]
    fn ports_nothing_listens_on() {
        let rule = "netbox/compose-port-not-listening";
        assert_fires_linted("netbox/compose-port-not-listening", &compose("lscr.io/linuxserver/netbox:4.3", "      - \"8080:8080\"\n"), 5);
        assert_fires_linted(rule, &compose("lscr.io/linuxserver/netbox:latest", "      - 127.0.0.1:8001:8001\n"), 5);
        assert_fires_linted(rule, &compose("linuxserver/netbox", "      - target: 8080\n        published: 80\n"), 5);
    }

    /// The image's own port with any host port; netbox-docker's image, whatever it maps (its
    /// port depends on its release and environment); a command, an entrypoint or a network
    /// namespace of its own.
    #[test]
    fn the_images_own_port_or_an_unknown_one() {
        assert_quiet_linted("netbox/compose-port-not-listening", &compose("lscr.io/linuxserver/netbox:4.3", "      - \"8080:8000\"\n"));
        let rule = "netbox/compose-port-not-listening";
        assert_quiet_linted(rule, &compose("netboxcommunity/netbox:v4.6-5.0.2", "      - 8000:8000\n"));
        assert_quiet_linted(rule, &compose("ghcr.io/example/netbox-custom:1", "      - 8000:8080\n"));
        assert_quiet_linted(rule, &compose("lscr.io/linuxserver/netbox:4.3", "      - 8000-8001:8000-8001\n"));
        let own_command = compose("lscr.io/linuxserver/netbox:4.3", "      - 8001:8001\n").replace("    ports:\n", "    command: gunicorn --bind 0.0.0.0:8001 netbox.wsgi\n    ports:\n");
        assert_quiet_linted(rule, &own_command);
        let host_network = compose("lscr.io/linuxserver/netbox:4.3", "      - 8080:8080\n").replace("    ports:\n", "    network_mode: host\n    ports:\n");
        assert_quiet_linted(rule, &host_network);
        // A command from a merge key, or one an earlier file gives and a later file's image does
        // not undo (Compose merges key by key); a uwsgi.ini of one's own.
        let merged = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nx-common: &common\n  command: [python3, manage.py, runserver, 0.0.0.0:8080]\nservices:\n  netbox:\n    <<: *common\n    image: lscr.io/linuxserver/netbox:latest\n    ports:\n      - 8080:8080\n```\n";
        assert_quiet_linted(rule, merged);
        let overridden = format!(
            "{}\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  netbox:\n    image: lscr.io/linuxserver/netbox:4.4\n```\n",
            own_command
        );
        assert_quiet_linted(rule, &overridden);
        let uwsgi = compose("lscr.io/linuxserver/netbox:4.3", "      - 8080:8080\n")
            .replace("    ports:\n", "    volumes:\n      - ./uwsgi.ini:/app/netbox/netbox/uwsgi.ini:ro\n    ports:\n");
        assert_quiet_linted(rule, &uwsgi);
    }
}
