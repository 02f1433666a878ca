//! `netbox/compose-container-name-duplicate`: two services of a whole Compose project under one
//! `container_name:`, most often a worker that copies the `netbox` service through a YAML merge
//! key (`<<: *netbox`) after `container_name: netbox` was added to it.
//!
//! ## What it does
//! Applies when `lint` read the whole Compose project. Reports, at the second service's
//! `container_name:` (or at the merge key it comes through), a service whose container name,
//! as written, another service of the same compose file already has, with the first as a
//! second place. Left alone: a service another compose file gives a `container_name:` of its
//! own, one Compose creates only with its profile or that a `!reset` or `!override` tag
//! rewrites, an empty name, a name Compose interpolates (`${NAME}`), and one `extends:` would
//! copy (not followed).
//!
//! ## Why is this bad?
//! A container name is unique on the Docker host. Docker Compose checks the project before it
//! creates anything and refuses it: `services.netbox-worker: container name "netbox" is already
//! in use by service netbox`. `docker compose up` then starts nothing, NetBox included.
//! netbox-docker's worker and housekeeping services take every key of the `netbox` service they
//! do not set through `<<: *netbox`, so a `container_name:` added there is copied to them.
//!
//! ## Example
//! `netbox: &netbox` with `container_name: netbox`, and `netbox-worker:` with `<<: *netbox`.
//!
//! Use instead: a `container_name:` of its own on each service that copies it (or none on the
//! anchor).

use rustc_hash::FxHashMap;

use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::{ContainerName, ShownService};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// Two services of a project under one container name.
pub const COMPOSE_CONTAINER_NAME_DUPLICATE: Rule = Rule {
    id: "netbox/compose-container-name-duplicate",
    severity: Severity::Error,
    summary: "two services of the Compose project have the same `container_name:` (often a worker that copies the `netbox` service's through `<<: *netbox`): Docker Compose refuses the whole project and starts nothing, NetBox included",
    help: "give each service its own `container_name:`, or remove it from the service the others copy",
    fact: "compose-spec/compose-go types/project.go (e70e961, L906-918) `CheckContainerNameUnicity`: a container_name already taken returns `services.%s: container name %q is already in use by service %s`; docker/compose pkg/compose/create.go `composeService.create` calls it before creating anything (index id 605525226), as `docker compose config` does unless --no-consistency; YAML merge keys (`<<`) copy every key the mapping does not set itself (go-yaml, which compose-go loads with). netbox-docker's docker-compose.yml (3.0.2) defines netbox-worker and netbox-housekeeping as `<<: *netbox`. Seen in tests/realworld/tuning/t206-… (container_name \"netbox\" on the anchor, inherited by netbox-worker-1)",
    applies: Applies::Always,
};

pub fn compose_container_name_duplicate(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(services) = d.netbox.whole_project_services() else { return };
    // Names are compared within one compose file: files linted together may be separate
    // projects. A service another file gives a `container_name:` of its own may end up with
    // that one (an override naming the worker).
    let renamed_elsewhere = |service: &ShownService| {
        services.shown.iter().any(|other| {
            other.name == service.name
                && other.key.0 != service.key.0
                && other.container_name.as_ref().is_some_and(|name| !name.inherited)
        })
    };
    let mut first_with: FxHashMap<(crate::finding::BlockId, &str), &ShownService> = FxHashMap::default();
    for service in &services.shown {
        let Some(ContainerName { name, at, inherited }) = &service.container_name else { continue };
        // An empty name is none (compose-go checks only names that are set); one Compose
        // interpolates is not known.
        if name.is_empty() || name.contains('$') || service.may_not_run || renamed_elsewhere(service) {
            continue;
        }
        let Some(first) = first_with.get(&(service.key.0, name.as_str())) else {
            first_with.insert((service.key.0, name), service);
            continue;
        };
        let how = if *inherited { " through its merge key" } else { "" };
        let mut finding = Finding::in_block(
            &COMPOSE_CONTAINER_NAME_DUPLICATE,
            service.key.0,
            at.clone(),
            format!(
                "the service `{}` gets the container name `{}`{how}, which the service `{}` already has: Docker Compose refuses the whole project (\"container name {:?} is already in use\") and starts no service, NetBox included",
                service.name.escape_debug(),
                name.escape_debug(),
                first.name.escape_debug(),
                name,
            ),
        );
        if let Some(first_name) = &first.container_name {
            finding = finding.with_related(first_name.at.clone(), "the same container name here");
        }
        out.push(finding.with_help(format!(
            "give `{}` a `container_name:` of its own, or remove `container_name:` from the service it copies",
            service.name.escape_debug()
        )));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, linted};

    const RULE: &str = "netbox/compose-container-name-duplicate";

    /// netbox-docker's `netbox` anchor with a container name, and a worker `more` services.
    fn project(more: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox: &netbox\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\n    container_name: netbox\n  netbox-worker:\n{more}```\n"
        )
    }

    /// t206's shape: the worker copies the anchor's container name through its merge key.
    #[test]
    fn a_worker_that_copies_the_container_name() {
        let copied = project("    <<: *netbox\n    command: [rqworker]\n");
        assert_fires_linted("netbox/compose-container-name-duplicate", &copied, 6);
        let message = &linted(RULE, &copied)[0].1;
        assert!(message.contains("the service `netbox-worker` gets the container name `netbox` through its merge key, which the service `netbox` already has"), "{message}");
        // Written out on a second service.
        let written = project("    image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\n    container_name: netbox\n");
        assert_fires_linted(RULE, &written, 7);
    }

    /// netbox-docker's two files: the override adds a port to `netbox`, which still clashes
    /// with the worker that copies its name.
    #[test]
    fn an_override_that_leaves_the_name_alone() {
        let base = project("    <<: *netbox\n    command: [rqworker]\n");
        let with_override = format!(
            "{base}\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  netbox:\n    ports:\n      - 8000:8080\n```\n"
        );
        assert_fires_linted(RULE, &with_override, 6);
    }

    #[test]
    fn quiet_where_names_differ_or_may() {
        // A name of its own over the copied one.
        assert_quiet_linted(
            "netbox/compose-container-name-duplicate",
            &project("    <<: *netbox\n    container_name: netbox-worker\n"),
        );
        // Only a profile starts it; a name from the shell.
        assert_quiet_linted(RULE, &project("    <<: *netbox\n    profiles: [debug]\n"));
        let interpolated = project("    <<: *netbox\n").replace("container_name: netbox", "container_name: ${NAME}");
        assert_quiet_linted(RULE, &interpolated);
        // Empty names are none.
        let empty = project("    <<: *netbox\n").replace("container_name: netbox", "container_name: \"\"");
        assert_quiet_linted(RULE, &empty);
        // Two projects' files linted together: each file's own services are compared.
        let stacks = "# t\n\n```yaml,check=compose,file=a/docker-compose.yml\nservices:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\n  postgres:\n    image: postgres:17\n    container_name: postgres\n```\n\n```yaml,check=compose,file=b/docker-compose.yml\nservices:\n  postgresql:\n    image: postgres:17\n    container_name: postgres\n```\n";
        assert_quiet_linted(RULE, stacks);
        // An override gives the worker another name.
        let overridden = format!(
            "{}\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  netbox-worker:\n    container_name: worker\n```\n",
            project("    <<: *netbox\n")
        );
        assert_quiet_linted(RULE, &overridden);
    }
}
