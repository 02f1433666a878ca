//! `netbox/compose-worker-without-environment`: NetBox's RQ worker runs without the
//! environment the `netbox` service gets.
//!
//! ## What it does
//! In a whole Compose project whose `netbox` service gets its configuration from the environment
//! (`env_file:` or `environment:`), finds a service that runs NetBox's RQ worker (`rqworker` in
//! its `command:` or `entrypoint:`) to which no file gives an environment: no `environment:`,
//! `env_file:`, `extends:` or YAML merge key (netbox-docker's own file gives the worker the
//! `netbox` service's keys with `<<: *netbox`).
//!
//! ## Why is this bad?
//! The worker runs the same `configuration.py`, which reads the database, Redis and
//! `SECRET_KEY` from the environment: without it, netbox-docker's configuration falls back to its
//! defaults (`localhost`, an empty `SECRET_KEY`), NetBox refuses to start, and background jobs,
//! scripts, webhooks and event rules are queued and never run.
//!
//! ## Example
//! `netbox-worker:` with `command: [/opt/netbox/venv/bin/python, /opt/netbox/netbox/manage.py,
//! rqworker]` and no `env_file:`, beside `netbox:` with `env_file: netbox.env`.
//!
//! Use instead: give the worker the same `env_file:` (and `environment:`) as the `netbox` service,
//! or its keys with `<<: *netbox`, as netbox-docker's docker-compose.yml does.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// NetBox's RQ worker runs without the environment the `netbox` service gets.
pub const COMPOSE_WORKER_WITHOUT_ENVIRONMENT: Rule = Rule {
    id: "netbox/compose-worker-without-environment",
    severity: Severity::Warning,
    summary: "a service runs NetBox's RQ worker with no environment (`environment:`, `env_file:`, `extends:` or a merge key) while the `netbox` service gets its configuration from one: the worker's configuration falls back to its defaults and it does not start",
    help: "give the worker the `netbox` service's `env_file:` and `environment:`, or its keys with `<<: *netbox` as netbox-docker's docker-compose.yml does",
    fact: "netbox-docker 3.0.2 docker-compose.yml: `netbox: &netbox` with `env_file: env/netbox.env`, and `netbox-worker: <<: *netbox` with `command: [… manage.py, rqworker]`; its configuration/configuration.py reads DB_HOST, REDIS_HOST and SECRET_KEY with environ.get defaults (`localhost`, `''`); NetBox's settings.py refuses a SECRET_KEY shorter than 50 characters (ImproperlyConfigured; 4.6.8 L238-244). Compose gives a service only the environment its own keys name. Seen in tests/realworld/tuning/t168-… (a Portainer stack whose worker lost its env_file)",
    applies: Applies::Always,
};

pub fn compose_worker_without_environment(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(services) = d.netbox.whole_project_services() else { return };
    if services.services_elsewhere {
        return;
    }
    let given = |name: &str| services.shown.iter().any(|s| s.name == name && s.environment_given);
    if !given("netbox") {
        return;
    }
    let mut judged: Vec<&str> = Vec::new();
    for service in services.shown.iter().filter(|s| s.runs_worker && s.name != "netbox") {
        if judged.contains(&service.name.as_str()) {
            continue;
        }
        judged.push(&service.name);
        if given(&service.name) || services.shown.iter().any(|s| s.name == service.name && s.may_not_run) {
            continue;
        }
        // At the service's name in the first file that shows it.
        let Some(first) = services.shown.iter().find(|s| s.name == service.name) else { continue };
        out.push(Finding::in_block(
            &COMPOSE_WORKER_WITHOUT_ENVIRONMENT,
            first.key.0,
            first.key.1.clone(),
            format!(
                "`{}` runs NetBox's RQ worker, but no Compose file gives it an environment, while the `netbox` service gets its configuration from one: the worker's configuration falls back to its defaults (database and Redis on `localhost`, an empty SECRET_KEY), it does not start, and background jobs, scripts and event rules are never run",
                service.name.escape_debug()
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};

    /// The `netbox` service with its env file, and a worker whose keys are given.
    fn project(worker: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n    env_file: netbox.env\n  netbox-worker:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n    command:\n      - /opt/netbox/venv/bin/python\n      - /opt/netbox/netbox/manage.py\n      - rqworker\n{worker}```\n"
        )
    }

    /// t168's shape: the worker lost its env_file.
    #[test]
    fn a_worker_without_the_environment() {
        assert_fires_linted("netbox/compose-worker-without-environment", &project(""), 5);
    }

    #[test]
    fn quiet_where_the_worker_gets_an_environment_or_may() {
        assert_quiet_linted("netbox/compose-worker-without-environment", &project("    env_file: netbox.env\n"));
        assert_quiet_linted("netbox/compose-worker-without-environment", &project("    environment:\n      DB_HOST: postgres\n"));
        // Profiles: it may not run.
        assert_quiet_linted("netbox/compose-worker-without-environment", &project("    profiles: [jobs]\n"));
        // The netbox service gets none either (a configuration of its own in the image).
        let bare = project("").replace("    env_file: netbox.env\n", "");
        assert_quiet_linted("netbox/compose-worker-without-environment", &bare);
    }
}
