//! `netbox/compose-key-variable`: a network, volume, secret or config of a Compose file whose
//! name (its key) is written with a variable, which Compose does not interpolate.
//!
//! ## What it does
//! Reports a key under the top-level `networks:`, `volumes:`, `secrets:` or `configs:` that holds
//! `${NAME}` or `$NAME` (not `$$`, a literal `$`), unless the file is a template another tool
//! renders first (named `….tpl`, `.tmpl`, `.template`, `.j2`, `.envsubst`, or holding a
//! Terraform directive `%{ … }`), whose keys that tool fills.
//!
//! ## Why is this bad?
//! Compose interpolates the values of a file, never its keys: the resource is declared under the
//! text as written, `${TRAEFIK_NETWORK}`. For a volume, secret or config, Compose's schema allows
//! only letters, digits, `.`, `_` and `-` in the key, so the file is refused outright; a network
//! is declared under that text, and a service that names it with the same variable gets the
//! variable's value, which no top-level key declares: Compose refuses the project (`service
//! "nginx" refers to undefined network`), and an external network meant by that value is never
//! joined.
//!
//! ## Example
//! `networks: { ${TRAEFIK_NETWORK}: { external: true } }` with a service's
//! `networks: [ "${TRAEFIK_NETWORK}" ]`.
//!
//! Use instead: a fixed key, with the variable in its `name:`
//! (`networks: { traefik: { external: true, name: "${TRAEFIK_NETWORK}" } }`), and the service
//! listing `traefik`.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A Compose resource key written with a variable.
pub const COMPOSE_KEY_VARIABLE: Rule = Rule {
    id: "netbox/compose-key-variable",
    severity: Severity::Warning,
    summary: "a network, volume, secret or config of a Compose file is declared under a key written with a variable (`${TRAEFIK_NETWORK}:`), which Compose does not interpolate: it refuses such a volume, secret or config key outright, and a service that names such a network with the variable gets its value, which no key declares",
    help: "give the resource a fixed key and put the variable in its `name:` (`traefik: { external: true, name: \"${TRAEFIK_NETWORK}\" }`), then list the fixed key in the services",
    fact: "compose-go interpolation/interpolation.go `recursiveInterpolate` (every version read, v1 and v2): a map's values are interpolated and stored under the key as written (`out[key] = interpolatedElem`), so keys keep their `${…}`; compose-spec schema/compose-spec.json: the top-level `volumes`, `secrets` and `configs` take keys matching `^[a-zA-Z0-9._-]+$` only (`additionalProperties: false`), `networks` has the pattern without that refusal; Compose file reference, 'Interpolation' (values in a Compose file can be set by variables) and 'name' of networks and volumes (the name used on the engine, which may hold a variable); docker/compose issue #11982 (2024, 'Interpolation is only possible for values and not for yaml keys') and moby/moby issue #33351 (2017, a network key `redis_${ZONE}` gave `undefined network`), as cited by tests/realworld/tuning/t185-… (a Swarm stack's `${TRAEFIK_NETWORK}:` network)",
    applies: Applies::Always,
};

pub fn compose_key_variable(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for (block, range, section) in d.netbox.compose_key_variables() {
        let kind = section.trim_end_matches('s');
        let message = if *section == "networks" {
            "Compose interpolates values, never keys: this network is declared under its key as written, with the variable in it, while a service that names it with the variable gets the variable's value, a network no key of `networks:` declares, and Compose refuses the project (`refers to undefined network`)".to_string()
        } else {
            format!(
                "Compose interpolates values, never keys, and its schema allows only letters, digits, `.`, `_` and `-` in a {kind}'s key under `{section}:`: Compose refuses this file when it validates it"
            )
        };
        out.push(Finding::in_block(&COMPOSE_KEY_VARIABLE, *block, range.clone(), message));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};

    fn compose(networks: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.1\n    networks:\n      - ${{TRAEFIK_NETWORK}}\nnetworks:\n{networks}```\n"
        )
    }

    /// A Swarm stack's network key (corpus case t185), line 7; a volume's, which the schema
    /// refuses, line 10.
    #[test]
    fn a_key_written_with_a_variable() {
        assert_fires_linted("netbox/compose-key-variable", &compose("  ${TRAEFIK_NETWORK}:\n    external: true\n"), 7);
        let volume = compose("  edge:\n    external: true\nvolumes:\n  $DATA:\n");
        assert_fires_linted("netbox/compose-key-variable", &volume, 10);
        let got = crate::rules::testing::linted("netbox/compose-key-variable", &volume);
        assert!(got[0].1.contains("its schema allows only letters"), "{got:?}");
    }

    /// A template rendered before Compose reads it (envsubst's `.tpl`, Terraform's `%{ }`).
    #[test]
    fn a_template_rendered_first() {
        let net = compose("  ${TRAEFIK_NETWORK}:\n    external: true\n");
        assert_quiet_linted("netbox/compose-key-variable", &net.replace("file=docker-compose.yml", "file=docker-compose.yml.tpl"));
        assert_quiet_linted("netbox/compose-key-variable", &net.replace("networks:\n  ${", "networks:\n%{ if true ~}\n%{ endif ~}\n  ${"));
    }

    /// A fixed key with the variable in `name:`, a literal `$$`, and a service's own keys.
    #[test]
    fn a_fixed_key_or_a_literal_dollar() {
        assert_quiet_linted("netbox/compose-key-variable", &compose("  traefik:\n    external: true\n    name: ${TRAEFIK_NETWORK}\n"));
        assert_quiet_linted("netbox/compose-key-variable", &compose("  net$$1:\n"));
        assert_quiet_linted("netbox/compose-key-variable", &compose("  edge: {}\n").replace("    networks:\n", "    labels:\n      traefik.http.routers.${NAME}.rule: Host(`x`)\n    networks:\n"));
    }
}
