//! `netbox/compose-port-inherited`: a fixed host port that services get through a YAML merge
//! key (`<<: *netbox`), while another service of the file publishes the same port.
//!
//! ## What it does
//! In a Compose file, finds a `ports:` entry with a fixed host port (`8000:8080`, a long form's
//! `published: 8000`) that a service does not write itself but gets from a merge key, where
//! another service of the file publishes the same host port and protocol on an overlapping
//! address. The usual shape: netbox-docker's `docker-compose.yml` writes the `netbox` service as
//! the anchor `&netbox`, and `netbox-worker` and `netbox-housekeeping` take everything they do
//! not set from it with `<<: *netbox`; a `ports:` added to the anchor goes to all three. Not
//! judged: a service a profile leaves out, one scaled to no container, one given a
//! `network_mode`; an ephemeral, ranged or interpolated host port.
//!
//! ## Why is this bad?
//! The engine binds a host port for one container only: the first container takes it, and
//! Docker refuses to start each other one (`Bind for 0.0.0.0:8000 failed: port is already
//! allocated`). netbox-docker's worker and housekeeping wait for `netbox` to be healthy, so
//! `netbox` gets the port and the RQ worker never runs: background jobs, scripts, webhooks and
//! event rules stay queued, and housekeeping never cleans up.
//!
//! ## Example
//! `netbox: &netbox { …, ports: ["8000:8080"] }` and `netbox-worker: { <<: *netbox, command: […rqworker] }`.
//!
//! Use instead: publish the port on the `netbox` service alone, outside the anchor (as
//! netbox-docker does, in `docker-compose.override.yml`, which Compose merges into that one
//! service), or give the other services `ports: !reset []`.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A fixed host port inherited through a merge key, published twice.
pub const COMPOSE_PORT_INHERITED: Rule = Rule {
    id: "netbox/compose-port-inherited",
    severity: Severity::Error,
    summary: "services get a fixed host port from a YAML merge key (`<<: *netbox` with `ports:` in the anchor) that another service of the file publishes too: Docker binds a host port for one container only, so the others (netbox-docker's RQ worker and housekeeping) never start",
    help: "publish the port on the `netbox` service alone, outside the anchor (netbox-docker puts it in docker-compose.override.yml), or give the other services `ports: !reset []`",
    fact: "YAML merge key (yaml.org/type/merge): a mapping gets each key of the merged map it does not set itself, as go-yaml and compose-go resolve it; netbox-docker's docker-compose.yml writes `netbox: &netbox` and `netbox-worker`/`netbox-housekeeping` with `<<: *netbox` (3.1.0 L2, L25, L40) and publishes the port only in docker-compose.override.yml (README, docker-compose.override.yml.example); Docker's port allocator refuses a host port already bound: `Bind for 0.0.0.0:8000 failed: port is already allocated`, as Compose prints it for replicas of one service with a fixed host port (index id 47509827475); seen in tests/realworld/tuning/t219-… (a netbox-docker 3.1.0 fork with `8000:8080` in the anchor)",
    applies: Applies::Always,
};

pub fn compose_port_inherited(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for port in d.netbox.compose_inherited_ports() {
        let names = port.inheritors.iter().map(|name| format!("`{}`", name.escape_debug())).collect::<Vec<_>>();
        let (them, get) = match names.as_slice() {
            [one] => (one.clone(), "gets"),
            [rest @ .., last] => (format!("{} and {last}", rest.join(", ")), "get"),
            [] => continue,
        };
        out.push(Finding::in_block(
            &COMPOSE_PORT_INHERITED,
            port.block,
            port.range.clone(),
            format!(
                "{them} {get} this entry through a YAML merge key, so {} host port {} as `{}` does: Docker binds a host port for one container only and refuses to start the next that asks for it (`port is already allocated`), so one of them never runs (with netbox-docker's `depends_on`, `netbox` starts first and {them} {} refused)",
                if names.len() == 1 { "it publishes" } else { "they publish" },
                port.host.escape_debug(),
                port.holder.escape_debug(),
                if names.len() == 1 { "is" } else { "are" },
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, linted};

    fn compose(netbox_ports: &str, worker: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox: &netbox\n    image: docker.io/netboxcommunity/netbox:v4.2-3.1.0\n    env_file: env/netbox.env\n{netbox_ports}  netbox-worker:\n    <<: *netbox\n{worker}    command:\n      - /opt/netbox/venv/bin/python\n      - /opt/netbox/netbox/manage.py\n      - rqworker\n```\n"
        )
    }

    /// A netbox-docker fork's anchor with `8000:8080` (corpus case t219): the worker gets it.
    #[test]
    fn a_port_in_the_anchor() {
        let book = compose("    ports:\n      - \"8000:8080\"\n", "");
        assert_fires_linted("netbox/compose-port-inherited", &book, 6);
        let got = linted("netbox/compose-port-inherited", &book);
        assert!(got[0].1.starts_with("`netbox-worker` gets this entry") && got[0].1.contains("host port 8000 as `netbox` does"), "{got:?}");
        // The long form.
        let long = compose("    ports:\n      - target: 8080\n        published: \"8000\"\n", "");
        assert_fires_linted("netbox/compose-port-inherited", &long, 6);
        // An extension field both services merge: the second is refused.
        let shared = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nx-common: &common\n  image: docker.io/netboxcommunity/netbox:v4.2-3.1.0\n  ports:\n    - \"8000:8080\"\nservices:\n  netbox:\n    <<: *common\n  netbox-worker:\n    <<: *common\n```\n";
        assert_fires_linted("netbox/compose-port-inherited", shared, 4);
        let got = linted("netbox/compose-port-inherited", shared);
        assert!(got[0].1.starts_with("`netbox-worker` gets") && got[0].1.contains("as `netbox` does"), "{got:?}");
    }

    #[test]
    fn no_clash() {
        // The worker sets its own ports, or none is fixed, or it is left out by a profile or
        // scaled to nothing, or the addresses or protocols differ.
        let own = compose("    ports:\n      - \"8000:8080\"\n", "    ports: []\n");
        assert_quiet_linted("netbox/compose-port-inherited", &own);
        let ephemeral = compose("    ports:\n      - \"8080\"\n", "");
        assert_quiet_linted("netbox/compose-port-inherited", &ephemeral);
        let interpolated = compose("    ports:\n      - \"${NETBOX_PORT:-8000}:8080\"\n", "");
        assert_quiet_linted("netbox/compose-port-inherited", &interpolated);
        let profile = compose("    ports:\n      - \"8000:8080\"\n", "    profiles: [worker]\n");
        assert_quiet_linted("netbox/compose-port-inherited", &profile);
        let scaled = compose("    ports:\n      - \"8000:8080\"\n", "    scale: 0\n");
        assert_quiet_linted("netbox/compose-port-inherited", &scaled);
        let addresses = compose("    ports:\n      - \"127.0.0.1:8000:8080\"\n", "    ports:\n      - \"192.0.2.5:8000:8080\"\n");
        assert_quiet_linted("netbox/compose-port-inherited", &addresses);
        // An extension field both merge, the worker with a port of another protocol.
        let protocols = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nx-common: &common\n  image: docker.io/netboxcommunity/netbox:v4.2-3.1.0\n  ports:\n    - \"8000:8080/udp\"\nservices:\n  netbox:\n    <<: *common\n  netbox-worker:\n    <<: *common\n    ports: [\"8000:8080/tcp\"]\n```\n";
        assert_quiet_linted("netbox/compose-port-inherited", protocols);
    }

    /// Another file of the project takes the inheritor, or the holder, out of the clash: its
    /// ports reset or overridden, a profile, no container; a plain `ports:` there is appended
    /// and changes nothing (the review of 2026-12-03).
    #[test]
    fn another_file_settles_it() {
        let base = compose("    ports:\n      - \"8000:8080\"\n", "");
        let with = |override_text: &str| format!("{base}\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n{override_text}```\n");
        for settled in [
            "  netbox-worker:\n    ports: !reset []\n",
            "  netbox-worker:\n    ports: !override [\"9000:8080\"]\n",
            "  netbox-worker:\n    profiles: [never]\n",
            "  netbox-worker:\n    scale: 0\n",
            "  netbox:\n    ports: !reset []\n",
        ] {
            assert_quiet_linted("netbox/compose-port-inherited", &with(settled));
        }
        assert_fires_linted("netbox/compose-port-inherited", &with("  netbox-worker:\n    ports:\n      - \"9000:8080\"\n"), 6);
    }
}
