//! `netbox/compose-service-without-image`: a service of a whole Compose project that none of its
//! files gives an `image:` or a `build:`.
//!
//! ## What it does
//! Applies when `lint` read the whole Compose project (every compose file it names, overrides
//! included) and it runs a `netbox` service with an image or a build. Reports, at the service's
//! name, a service that no file gives `image:`, `build:` or `provider:`, directly or through YAML
//! merge keys. A service that may take them from a file not read (`extends:`, `include:`, a
//! merged map of services), that a `!reset` or `!override` tag rewrites, or that Compose starts
//! only with its profile (`profiles:`) is left alone; so is a project whose `netbox` service
//! itself has nothing to run (its files are fragments of one not all shown).
//!
//! ## Why is this bad?
//! Docker Compose checks the whole project before it starts anything, and refuses it: `service
//! "netbox-housekeeping" has neither an image nor a build context specified: invalid compose
//! project`. `docker compose up` then starts no service at all, NetBox included. The usual
//! cause is an `image:` line commented out, or an override naming a service the base file lacks.
//!
//! ## Example
//! `#image: docker.io/netboxcommunity/netbox:v4.4-3.4.1` above the housekeeping service's
//! `entrypoint:`.
//!
//! Use instead: give the service the image it runs (the `netbox` service's, for netbox-docker's
//! worker and housekeeping), or remove the service.

use rustc_hash::FxHashMap;

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A service Compose refuses to create: nothing to run.
pub const COMPOSE_SERVICE_WITHOUT_IMAGE: Rule = Rule {
    id: "netbox/compose-service-without-image",
    severity: Severity::Error,
    summary: "a service of the Compose project has neither `image:` nor `build:` in any of its files: Docker Compose refuses the whole project and starts nothing, NetBox included",
    help: "give the service the image it runs (`image:`, the `netbox` service's for a worker or housekeeping service) or a `build:`, or remove the service",
    fact: "compose-spec/compose-go e70e961 (v2.13.0+6, the loader of Docker Compose v2) loader/extends.go L55-58 and schema/schema.go L116-121 refuse a service whose value is not a mapping (`services.foo must be a mapping`, loader/loader_test.go L527-531); loader/validate.go L30-34: checkConsistency returns `service %q has neither an image nor a build context specified: invalid compose project` for a service without `build`, `image` and `provider`; loader/loader.go L621-630 runs it on the services left after the active profiles are applied (project.WithProfiles). Seen in tests/realworld/tuning/t168-… (a housekeeping service whose image line is commented out)",
    applies: Applies::Always,
};

pub fn compose_service_without_image(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    // Services from files not read (`include:`, merged service maps) may give a service here
    // what it runs.
    let Some(services) = d.netbox.whole_project_services().filter(|services| !services.services_elsewhere) else {
        return;
    };
    // Per service name, whether any file gives it something to run; the first place it is shown.
    let mut runs: FxHashMap<&str, bool> = FxHashMap::default();
    for service in &services.shown {
        *runs.entry(service.name.as_str()).or_default() |= service.runs_something;
    }
    // NetBox's own service without an image is no project Compose was given whole: these are
    // fragments (an override read without its base under another name).
    if runs.get("netbox") == Some(&false) {
        return;
    }
    for service in &services.shown {
        if runs.remove(service.name.as_str()) == Some(false) {
            let (block, range) = &service.key;
            let finding = if service.not_a_mapping {
                // A key of the service above written one indentation too far out: Compose's
                // loader stops on its shape before it asks for an image.
                Finding::in_block(
                    &COMPOSE_SERVICE_WITHOUT_IMAGE,
                    *block,
                    range.clone(),
                    format!(
                        "`{}` is written at the level of the services, so Compose takes it for a service, and its value is no mapping: Docker Compose refuses the whole project (\"services.{} must be a mapping\") and starts no service, NetBox included",
                        service.name.escape_debug(),
                        service.name.escape_debug(),
                    ),
                )
                .with_help(format!(
                    "if `{}` belongs to the service above, indent it under that service; otherwise remove it",
                    service.name.escape_debug()
                ))
            } else {
                Finding::in_block(
                    &COMPOSE_SERVICE_WITHOUT_IMAGE,
                    *block,
                    range.clone(),
                    format!(
                        "no compose file of this project gives the service `{}` an `image:` or a `build:`: Docker Compose refuses the whole project (\"service {:?} has neither an image nor a build context specified: invalid compose project\") and starts no service, NetBox included",
                        service.name.escape_debug(),
                        service.name,
                    ),
                )
            };
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};

    /// netbox-docker's stack: `netbox` with its image, then `more` services.
    fn chapter(more: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\n{more}```\n"
        )
    }

    /// The housekeeping service with its image line commented out (corpus case t168): the
    /// finding is on its name, line 4 of the file.
    #[test]
    fn a_service_with_nothing_to_run() {
        let housekeeping = "  netbox-housekeeping:\n    #image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\n    entrypoint:\n      - /opt/netbox/housekeeping.sh\n";
        assert_fires_linted("netbox/compose-service-without-image", &chapter(housekeeping), 4);
        // An override that names a service the base file lacks, to publish its port only (line 8
        // counts from the first block: `grafana:` is the chapter's eleventh line).
        let override_only = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\n```\n\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  grafana:\n    ports:\n      - 3000:3000\n```\n";
        assert_fires_linted("netbox/compose-service-without-image", override_only, 8);
    }

    /// t201's shape: the service beside one that joins a network no file declares; Compose
    /// refuses these files as they are, so another (an override not read) completes them.
    #[test]
    fn quiet_where_a_network_is_undeclared() {
        let housekeeping = "  netbox-housekeeping:\n    entrypoint:\n      - /opt/netbox/housekeeping.sh\n    networks:\n      - diode_net\n";
        assert_quiet_linted("netbox/compose-service-without-image", &chapter(housekeeping));
        let declared = chapter(housekeeping).replace("```\n", "networks:\n  diode_net: {}\n```\n");
        assert_fires_linted("netbox/compose-service-without-image", &declared, 4);
        // A name Compose interpolates, or a service only a profile starts, says nothing.
        let interpolated = chapter(&housekeeping.replace("- diode_net", "- \"${NET:-diode_net}\""));
        assert_fires_linted("netbox/compose-service-without-image", &interpolated, 4);
        let profiled = chapter(&format!("{housekeeping}  debug:\n    image: busybox\n    profiles: [debug]\n    networks: [debug_net]\n"));
        assert_fires_linted("netbox/compose-service-without-image", &profiled.replace("      - diode_net\n", "      - default\n"), 4);
    }

    /// A key of the service above written one indentation too far out (trial 8: `restart:
    /// always` under `services:`): Compose refuses it for its shape, and the message says so.
    #[test]
    fn a_service_key_written_at_the_services_level() {
        let rule = "netbox/compose-service-without-image";
        let outdented = chapter("  restart: always\n");
        assert_fires_linted("netbox/compose-service-without-image", &outdented, 4);
        let found = crate::rules::testing::linted(rule, &outdented);
        assert!(found[0].1.contains("\"services.restart must be a mapping\""), "{found:?}");
        assert!(!found[0].1.contains("neither an image"), "{found:?}");
        // A list, too; a mapping without an image keeps Compose's other message.
        let listed = crate::rules::testing::linted(rule, &chapter("  ports:\n    - 8080:8080\n"));
        assert!(listed[0].1.contains("\"services.ports must be a mapping\""), "{listed:?}");
        let mapping = crate::rules::testing::linted(rule, &chapter("  worker:\n    restart: always\n"));
        assert!(mapping[0].1.contains("neither an image"), "{mapping:?}");
    }

    /// An image or a build in this file, an override or a YAML merge key; a service that may
    /// get it from a file not read (`extends:`), or that Compose leaves out unless its profile
    /// is asked for; a book, whose blocks may show part of the project.
    #[test]
    fn what_gives_a_service_something_to_run() {
        use crate::rules::netbox::testing::assert_quiet_in_chapter;
        let rule = "netbox/compose-service-without-image";
        assert_quiet_linted("netbox/compose-service-without-image", &chapter("  worker:\n    build: .\n"));
        assert_quiet_linted(rule, &chapter("  worker:\n    image: ${WORKER_IMAGE}\n"));
        let overridden = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\n  netbox-worker:\n    command: rqworker\n```\n\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  netbox-worker:\n    image: netbox-plugins\n```\n";
        assert_quiet_linted(rule, overridden);
        let anchored = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nx-netbox: &netbox\n  image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\nservices:\n  netbox:\n    <<: *netbox\n  netbox-worker:\n    <<: [*netbox]\n```\n";
        assert_quiet_linted(rule, anchored);
        assert_quiet_linted(rule, &chapter("  worker:\n    extends:\n      file: common.yml\n      service: worker\n"));
        assert_quiet_linted(rule, &chapter("  debug:\n    profiles: [debug]\n    command: sleep infinity\n"));
        assert_quiet_in_chapter(rule, &chapter("  netbox-worker:\n    command: rqworker\n"));
        // Merge keys inside merged maps, as go-yaml resolves them.
        let nested = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nx-common: &common\n  restart: always\nx-image: &image\n  image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\nx-worker: &worker\n  <<: [*common, *image]\nservices:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\n  netbox-worker:\n    <<: *worker\n    command: rqworker\n```\n";
        assert_quiet_linted(rule, nested);
        // Another service's `extends:` or NetBox's own merge key leaves the others judged.
        let beside_extends = chapter("  backup:\n    extends:\n      file: common.yml\n      service: backup\n  netbox-worker:\n    command: rqworker\n");
        assert_fires_linted(rule, &beside_extends, 8);
        // Services from an included file, or merged in as a map of services, may give it one.
        let included = chapter("  netbox-worker:\n    command: rqworker\n").replace("file=docker-compose.yml\n", "file=docker-compose.yml\ninclude:\n  - worker.yml\n");
        assert_quiet_linted(rule, &included);
        let merged_services = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nx-more: &more\n  netbox-worker:\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\nservices:\n  <<: *more\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\n  netbox-worker:\n    command: rqworker\n```\n";
        assert_quiet_linted(rule, merged_services);
        // NetBox's own service without an image: these files are fragments of a project.
        let fragment = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    ports:\n      - 8000:8080\n  netbox-worker:\n    command: rqworker\n```\n";
        assert_quiet_linted(rule, fragment);
    }
}
