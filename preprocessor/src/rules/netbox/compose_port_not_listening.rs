//! `netbox/compose-port-not-listening`: the `netbox` service maps a container port its image's
//! web server does not listen on.
//!
//! ## What it does
//! Applies when `lint` read the whole Compose project and its `netbox` service runs an image
//! whose port is known: linuxserver's (`lscr.io/linuxserver/netbox`), whose web server listens
//! on 8000 in every release, or netbox-docker's of a release its tag names whose NGINX Unit
//! serves NetBox on 8080 (1.0.0 to 3.0.2: `v3.7-2.8.0`, or a NetBox line from 2.11 to 4.0), and no
//! compose file gives the service another command, entrypoint, network, uwsgi.ini, Unit
//! configuration (`UNIT_CONFIG`, a file at /etc/unit) or launch script, a sidecar in its network
//! namespace (`network_mode: service:netbox`), or keys from a merge key or `extends:`. Reports, at the
//! `ports:` entry, another container port (8081, Unit's status listener, excepted), and at the
//! `healthcheck:`'s `test`, a port on the container itself (`http://localhost:8888/api/`) other
//! than those.
//! netbox-docker's releases before 1.0.0 (gunicorn on 8001) and after 3.0.2 (Granian) are not
//! judged, nor a tag that names no release (`latest`).
//!
//! ## Why is this bad?
//! Nothing in the container answers on that port: the host port leads nowhere (the connection is
//! reset), and a proxy sent there gets no NetBox. A health check there always fails: Compose
//! reports the container unhealthy, and services that wait for it to be healthy (netbox-docker's
//! worker and housekeeping) never start. netbox-docker's image listens on 8080,
//! linuxserver's on 8000, and NetBox's own documentation runs gunicorn on 8001: copying a port
//! from one of them is easy.
//!
//! ## Example
//! `8080:8080` for `lscr.io/linuxserver/netbox`; `8999:8999` for
//! `netboxcommunity/netbox:v3.7-2.8.0`.
//!
//! Use instead: `8080:8000` and `8999:8080` (the host port is free to choose; the container port
//! is the image's).

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A mapping to a port nothing listens on.
pub const COMPOSE_PORT_NOT_LISTENING: Rule = Rule {
    id: "netbox/compose-port-not-listening",
    severity: Severity::Warning,
    summary: "the `netbox` service runs an image whose port is known (linuxserver's: 8000; netbox-docker's 1.0.0 to 3.0.2: 8080) and maps another container port: the published port leads nowhere",
    help: "map the image's port: `HOST_PORT:8000` for linuxserver's image, `HOST_PORT:8080` for netbox-docker's (the host port is free to choose)",
    fact: "linuxserver/docker-netbox c710945 root/defaults/uwsgi.ini L2 (`http-socket = [::]:8000`), the same port (`:8000` or `[::]:8000`) at all 402 tags of the mirror (v3.2.6-ls77 `:8000`), the file moved into /app by the image, not into /config (a mount over it may set another port: not judged); Compose's ports: `HOST:CONTAINER`, the container port the one the service must listen on; in another network namespace (`network_mode:`) Compose publishes none, and a service in the `netbox` service's (`network_mode: service:netbox`) listens on its ports; the Compose specification's depends_on `condition: service_healthy` (a dependent service starts only once the health check passes). Seen in tests/realworld/tuning/t175-… (`8080:8080` for linuxserver's image); netbox-docker 1.0.0 to 3.0.2 docker/nginx-unit.json (`*:8080`, from 2.4.0 `0.0.0.0:8080` and `[::]:8080`, from 2.5.0 the status on 8081; read at each of the 31 tags), copied to /etc/unit/ by the Dockerfile (2.8.0 L94) and loaded by docker/launch-netbox.sh from `${UNIT_CONFIG-/etc/unit/nginx-unit.json}`; seen in tests/realworld/tuning/t203-… (`8999:8999` for `v3.7-2.8.0`)",
    applies: Applies::Always,
};

pub fn compose_port_not_listening(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(image) = nb.image_port() else { return };
    for (block, port, range) in nb.container_ports() {
        if image.listens_on(*port) {
            continue;
        }
        let listens_on = image.port;
        out.push(Finding::in_block(
            &COMPOSE_PORT_NOT_LISTENING,
            *block,
            range.clone(),
            format!(
                "this maps port {port} of the `netbox` container, but {} serves NetBox on port {listens_on}: nothing answers on {port}, so the published port leads nowhere",
                image.server
            ),
        )
        .with_help(format!("map the image's port: `HOST_PORT:{listens_on}` (the host port is free to choose)")));
    }
    if let Some(probe) = nb.healthcheck_probe()
        && let Some(port) = probe.port
        && !image.listens_on(port)
    {
        let listens_on = image.port;
        out.push(
            Finding::in_block(
                &COMPOSE_PORT_NOT_LISTENING,
                probe.block,
                probe.range.clone(),
                format!(
                    "this health check asks port {port} of the `netbox` container, but {} serves NetBox on port {listens_on}: nothing answers on {port}, so the check always fails, the container is reported unhealthy, and a service that waits for it with `condition: service_healthy` never starts",
                    image.server
                ),
            )
            .with_help(format!("ask the port NetBox answers on: `http://localhost:{listens_on}/…`")),
        );
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

    /// netbox-docker's image of a release whose NGINX Unit listens on 8080, named by the tag's
    /// suffix (corpus case t203, `${VERSION-v3.7-2.8.0}` with `8999:8999`) or by a NetBox line
    /// only releases 1.0.0 to 3.0.2 built: line 5, with the help naming 8080.
    #[test]
    fn netbox_docker_releases_that_serve_on_8080() {
        let rule = "netbox/compose-port-not-listening";
        assert_fires_linted(rule, &compose("docker.io/netboxcommunity/netbox:${VERSION-v3.7-2.8.0}", "      - 8999:8999\n"), 5);
        assert_fires_linted(rule, &compose("netboxcommunity/netbox:v2.11-1.1.0", "      - 8001:8001\n"), 5);
        assert_fires_linted(rule, &compose("netboxcommunity/netbox:v4.0", "      - \"8000:8000\"\n"), 5);
        let probe = compose("netboxcommunity/netbox:v3.7-2.8.0", "      - 8000:8080\n").replace(
            "    ports:\n",
            "    healthcheck:\n      test: \"curl -f http://localhost:8888/api/ || exit 1\"\n    ports:\n",
        );
        assert_eq!(crate::rules::testing::fired_linted_lines(rule, &probe), [5]);
        let listed = probe.replace("\"curl -f http://localhost:8888/api/ || exit 1\"", "[\"CMD\", \"curl\", \"-f\", \"http://127.0.0.1:8001/login/\"]");
        assert_eq!(crate::rules::testing::fired_linted_lines(rule, &listed), [5]);
        let message = &crate::rules::testing::linted(rule, &compose("netboxcommunity/netbox:v3.7-2.8.0", "      - 8999:8999\n"))[0].1;
        assert!(message.contains("(NGINX Unit) serves NetBox on port 8080: nothing answers on 8999"), "{message}");
    }

    /// The image's own port with any host port; netbox-docker's image, whatever it maps (its
    /// port depends on its release and environment); a command, an entrypoint or a network
    /// namespace of its own.
    #[test]
    fn the_images_own_port_or_an_unknown_one() {
        assert_quiet_linted("netbox/compose-port-not-listening", &compose("lscr.io/linuxserver/netbox:4.3", "      - \"8080:8000\"\n"));
        let rule = "netbox/compose-port-not-listening";
        assert_quiet_linted(rule, &compose("netboxcommunity/netbox:v4.6-5.0.2", "      - 8000:8000\n"));
        assert_quiet_linted(rule, &compose("netboxcommunity/netbox:latest", "      - 8000:8000\n"));
        assert_quiet_linted(rule, &compose("netboxcommunity/netbox:v2.10-0.27.0", "      - 8001:8001\n"));
        assert_quiet_linted(rule, &compose("netboxcommunity/netbox:v2.10", "      - 8001:8001\n"));
        assert_quiet_linted(rule, &compose("netboxcommunity/netbox:v4.1", "      - 8000:8000\n"));
        // netbox-docker's own port, Unit's status port, another Unit configuration.
        assert_quiet_linted(rule, &compose("netboxcommunity/netbox:v3.7-2.8.0", "      - 8999:8080\n      - 8081:8081\n"));
        let unit_config = compose("netboxcommunity/netbox:v3.7-2.8.0", "      - 8999:8999\n")
            .replace("    ports:\n", "    environment:\n      UNIT_CONFIG: /etc/netbox/unit.json\n    ports:\n");
        assert_quiet_linted(rule, &unit_config);
        let unit_mount = compose("netboxcommunity/netbox:v3.7-2.8.0", "      - 8999:8999\n")
            .replace("    ports:\n", "    volumes:\n      - ./unit.json:/etc/unit/nginx-unit.json:ro\n    ports:\n");
        assert_quiet_linted(rule, &unit_mount);
        // netbox-docker's own health check, Unit's status, another host, a later file's test or
        // `!reset`, a check disabled.
        let probe = |test: &str| {
            compose("netboxcommunity/netbox:v3.7-2.8.0", "      - 8000:8080\n")
                .replace("    ports:\n", &format!("    healthcheck:\n      test: {test}\n    ports:\n"))
        };
        assert_quiet_linted(rule, &probe("curl -f http://localhost:8080/login/ || exit 1"));
        assert_quiet_linted(rule, &probe("[\"CMD-SHELL\", \"curl -f http://[::1]:8081/status/\"]"));
        assert_quiet_linted(rule, &probe("curl -f http://proxy:8888/"));
        let override_file = |test: &str| {
            format!(
                "{}\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  netbox:\n    healthcheck: {test}\n```\n",
                probe("curl -f http://localhost:8888/api/")
            )
        };
        // (An override that sets the timing only keeps the base file's test: it still fires.)
        assert_eq!(crate::rules::testing::fired_linted_lines(rule, &override_file("{retries: 15}")), [5]);
        assert_quiet_linted(rule, &override_file("{test: curl -f http://localhost:8080/api/}"));
        assert_quiet_linted(rule, &override_file("!reset {}"));
        assert_quiet_linted(rule, &override_file("{disable: true}"));
        assert_quiet_linted(rule, &probe("curl -f http://localhost:8888/api/").replace("v3.7-2.8.0", "latest"));
        // `!override` without a test leaves none; a test from a merge key replaces the base's.
        assert_quiet_linted(rule, &override_file("!override {interval: 5s}"));
        let merged = override_file("{<<: *hc, retries: 3}")
            .replace("services:\n  netbox:\n    healthcheck: {<<", "x-hc: &hc {test: \"curl -f http://localhost:8080/api/\"}\nservices:\n  netbox:\n    healthcheck: {<<");
        assert_quiet_linted(rule, &merged);
    }

    /// What else may answer on the published port: a sidecar in the service's network namespace,
    /// a Unit configuration or launch script put there by `configs:` or a volume, an environment
    /// with keys not read (`UNIT_CONFIG` may be among them), a tag the `.env` sets to a value not
    /// known, an image that only ends like netbox-docker's.
    #[test]
    fn another_listener_or_an_unknown_release() {
        let rule = "netbox/compose-port-not-listening";
        let fires = compose("netboxcommunity/netbox:v3.7-2.8.0", "      - 443:8443\n");
        assert_fires_linted(rule, &fires, 5);
        let sidecar = format!("{}  tls:\n    image: ghostunnel/ghostunnel\n    network_mode: service:netbox\n", fires.trim_end_matches("```\n"));
        assert_quiet_linted(rule, &format!("{sidecar}```\n"));
        // Another container's namespace (a VPN's) leaves the `netbox` service's ports its own.
        let vpn = sidecar.replace("network_mode: service:netbox", "network_mode: container:gluetun");
        assert_fires_linted(rule, &format!("{vpn}```\n"), 5);
        let with = |key: &str| fires.replace("    ports:\n", &format!("{key}    ports:\n"));
        assert_quiet_linted(rule, &with("    configs:\n      - source: unit\n        target: /etc/unit/nginx-unit.json\n"));
        assert_quiet_linted(rule, &with("    volumes:\n      - ./launch.sh:/opt/netbox/launch-netbox.sh:ro\n"));
        let anchored = with("    environment:\n      <<: *unit\n      TZ: UTC\n")
            .replace("services:\n", "x-unit: &unit\n  UNIT_CONFIG: /etc/netbox/unit.json\nservices:\n");
        assert_quiet_linted(rule, &anchored);
        let tag = fires.replace("netboxcommunity/netbox:v3.7-2.8.0", "netboxcommunity/netbox:${VERSION-v3.7-2.8.0}");
        assert_fires_linted(rule, &tag, 5);
        assert_quiet_linted(rule, &format!("{tag}\n```sh,check=env,file=.env\nVERSION=${{NETBOX_TAG:-v2.10-0.27.0}}\n```\n"));
        assert_quiet_linted(rule, &fires.replace("netboxcommunity/netbox", "registry.example.com/acme/custom-netboxcommunity/netbox"));
        let ipv6 = fires.replace("      - 443:8443\n", "      - 443:8080\n").replace(
            "    ports:\n",
            "    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://[::1]:8888/\"]\n    ports:\n",
        );
        assert_eq!(crate::rules::testing::fired_linted_lines(rule, &ipv6), [5]);
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
