//! `netbox/compose-worker-without-environment`: NetBox's RQ worker runs without the
//! environment the `netbox` service gets.
//!
//! ## What it does
//! In a whole Compose project whose `netbox` service runs netbox-docker's kind of configuration
//! from its environment (a Compose file gives it one, and it sets the database, Redis or the
//! secret key: `DB_HOST`, `DB_PASSWORD`, `REDIS_HOST`, `REDIS_PASSWORD`, `SECRET_KEY`), finds a
//! service that runs NetBox's RQ worker (`rqworker` in its `command:` or `entrypoint:`) to which
//! no file gives an environment: no `environment:`, `env_file:`, `extends:` or YAML merge key
//! (netbox-docker's own file gives the worker the `netbox` service's keys with `<<: *netbox`),
//! or a service that runs the `netbox` service's image with the command the image starts, a
//! second NetBox (an override's `netbox-housekeeping` that the base file no longer has).
//! linuxserver's image, which writes its configuration once into a volume, is not judged.
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
use crate::parse::netbox::ShownService;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};
use std::collections::HashMap;

/// NetBox's RQ worker runs without the environment the `netbox` service gets.
pub const COMPOSE_WORKER_WITHOUT_ENVIRONMENT: Rule = Rule {
    id: "netbox/compose-worker-without-environment",
    severity: Severity::Warning,
    summary: "a service runs NetBox's RQ worker (or a second NetBox: the `netbox` service's image with the command the image starts) with no environment (`environment:`, `env_file:`, `extends:` or a merge key) while the `netbox` service's environment gives its configuration the database, Redis or the secret key: the worker's configuration falls back to netbox-docker's defaults and it does not start",
    help: "give the worker the `netbox` service's `env_file:` and `environment:`, or its keys with `<<: *netbox` as netbox-docker's docker-compose.yml does",
    fact: "netbox-docker 3.0.2 docker-compose.yml: `netbox: &netbox` with `env_file: env/netbox.env`, and `netbox-worker: <<: *netbox` with `command: [… manage.py, rqworker]`; its configuration/configuration.py reads DB_HOST, REDIS_HOST and SECRET_KEY with environ.get defaults (`localhost`, `''`); NetBox's settings.py refuses a SECRET_KEY shorter than 50 characters (ImproperlyConfigured; 4.6.8 L238-244). Compose gives a service only the environment its own keys name. Seen in tests/realworld/tuning/t168-… (a Portainer stack whose worker lost its env_file) and t215-… (an override's netbox-housekeeping service, dropped from netbox-docker 5.0's docker-compose.yml, runs the built image's default command, docker-entrypoint.sh then launch-netbox.sh, with no environment)",
    applies: Applies::Always,
};

pub fn compose_worker_without_environment(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(services) = nb.whole_project_services() else { return };
    // linuxserver's image writes its configuration once, into a volume the worker may share.
    if services.services_elsewhere || nb.stock_configuration().is_some_and(|stock| stock.linuxserver_image) {
        return;
    }
    // The `netbox` service's configuration comes from its environment: that environment gives it
    // the database, Redis or the secret key (a configuration of one's own may set them itself).
    if !ENVIRONMENT_CONFIGURES.iter().any(|name| nb.environment_variable(name).is_some()) {
        return;
    }
    // Each service once, over the files: what any file gives it, and where it is first shown.
    let mut seen: HashMap<&str, Seen<'_>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for service in &services.shown {
        let entry = seen.entry(service.name.as_str()).or_insert_with(|| {
            order.push(&service.name);
            Seen {
                first: service,
                environment: false,
                may_not_run: false,
                scaled_to_zero: None,
                worker: false,
                own_command: false,
                images: Vec::new(),
            }
        });
        entry.environment |= service.environment_given;
        entry.may_not_run |= service.may_not_run;
        // A later file's count wins.
        entry.scaled_to_zero = service.scaled_to_zero.or(entry.scaled_to_zero);
        entry.worker |= service.runs_worker;
        entry.own_command |= service.own_command;
        entry.images.extend(service.image.as_ref().map(|(image, _)| image_name(image)));
    }
    let Some(netbox) = seen.get("netbox").filter(|netbox| netbox.environment) else { return };
    let netbox_images = netbox.images.clone();
    for name in order {
        let service = &seen[name];
        // A second NetBox: the `netbox` service's image with the command that image starts
        // (corpus case t215, an override's housekeeping service the base file no longer has).
        let second_netbox =
            !service.own_command && service.images.iter().any(|image| netbox_images.contains(image));
        let runs_none = service.may_not_run || service.scaled_to_zero == Some(true);
        if name == "netbox" || !(service.worker || second_netbox) || service.environment || runs_none {
            continue;
        }
        let (what, effect) = if service.worker {
            ("runs NetBox's RQ worker", "background jobs, scripts and event rules are never run")
        } else {
            ("runs the `netbox` service's image with the command it starts (NetBox itself)", "its container stops")
        };
        out.push(Finding::in_block(
            &COMPOSE_WORKER_WITHOUT_ENVIRONMENT,
            service.first.key.0,
            service.first.key.1.clone(),
            format!(
                "`{}` {what}, but no Compose file gives it an environment, while the `netbox` service's environment gives its configuration the database, Redis or the secret key: its configuration falls back to netbox-docker's defaults (database and Redis on `localhost`, an empty SECRET_KEY), it does not start, and {effect}",
                name.escape_debug()
            ),
        ));
    }
}

/// An image reference as Docker resolves it: Docker Hub's `docker.io/` and `library/` written or
/// not are the same image.
fn image_name(image: &str) -> &str {
    let image = image.strip_prefix("docker.io/").unwrap_or(image);
    image.strip_prefix("library/").unwrap_or(image)
}

/// One service over the project's files.
struct Seen<'a> {
    /// Where it is first shown.
    first: &'a ShownService,
    /// A file gives it an environment, or may.
    environment: bool,
    may_not_run: bool,
    /// The last file that gives a count scales it to none (`Some(true)`) or to some.
    scaled_to_zero: Option<bool>,
    /// Its command runs the RQ worker.
    worker: bool,
    /// A file gives it a command or entrypoint of its own.
    own_command: bool,
    /// Its `image:` values, as written.
    images: Vec<&'a str>,
}

/// Variables netbox-docker's configuration builds the connection and the key from: one of them
/// in the `netbox` service's environment says its configuration reads the environment.
const ENVIRONMENT_CONFIGURES: [&str; 5] = ["DB_HOST", "DB_PASSWORD", "REDIS_HOST", "REDIS_PASSWORD", "SECRET_KEY"];

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};

    /// The `netbox` service with its env file, and a worker whose keys are given.
    fn project(worker: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n    environment:\n      DB_HOST: postgres\n  netbox-worker:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n    command:\n      - /opt/netbox/venv/bin/python\n      - /opt/netbox/netbox/manage.py\n      - rqworker\n{worker}```\n"
        )
    }

    /// t168's shape: the worker lost its env_file.
    #[test]
    fn a_worker_without_the_environment() {
        assert_fires_linted("netbox/compose-worker-without-environment", &project(""), 6);
    }

    /// t215's shape: a service of an override that runs the `netbox` service's image with its
    /// own command, the web server, and gets no environment; another command or image is not
    /// judged.
    #[test]
    fn a_second_netbox_without_the_environment() {
        let second = |service: &str| {
            format!(
                "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netbox:v4.6.1-plugins\n    env_file: env/netbox.env\n    environment:\n      DB_HOST: postgres\n{service}```\n"
            )
        };
        let housekeeping = "  netbox-housekeeping:\n    image: netbox:v4.6.1-plugins\n    build:\n      context: .\n";
        assert_fires_linted("netbox/compose-worker-without-environment", &second(housekeeping), 7);
        let (_, message) = &crate::rules::testing::linted("netbox/compose-worker-without-environment", &second(housekeeping))[0];
        assert!(message.contains("runs the `netbox` service's image with the command it starts"), "{message}");
        let own = format!("{housekeeping}    command: [/opt/netbox/venv/bin/python, /opt/netbox/netbox/manage.py, nbshell]\n");
        assert_quiet_linted("netbox/compose-worker-without-environment", &second(&own));
        let other = housekeeping.replace("netbox:v4.6.1-plugins", "busybox:1.36");
        assert_quiet_linted("netbox/compose-worker-without-environment", &second(&other));
        // Docker Hub's prefixes name the same image; a service scaled to no container runs none.
        let prefixed = housekeeping.replace("image: netbox:", "image: docker.io/library/netbox:");
        assert_fires_linted("netbox/compose-worker-without-environment", &second(&prefixed), 7);
        for zero in ["    scale: 0\n", "    deploy:\n      replicas: 0\n"] {
            assert_quiet_linted("netbox/compose-worker-without-environment", &second(&format!("{housekeeping}{zero}")));
        }
        // A later file that scales it up again wins.
        let override_up = second(&format!("{housekeeping}    deploy:\n      replicas: 0\n"))
            + "\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  netbox-housekeeping:\n    deploy:\n      replicas: 2\n```\n";
        assert_fires_linted("netbox/compose-worker-without-environment", &override_up, 7);
    }

    #[test]
    fn quiet_where_the_worker_gets_an_environment_or_may() {
        assert_quiet_linted("netbox/compose-worker-without-environment", &project("    env_file: netbox.env\n"));
        assert_quiet_linted("netbox/compose-worker-without-environment", &project("    environment:\n      DB_HOST: postgres\n"));
        // Profiles: it may not run.
        assert_quiet_linted("netbox/compose-worker-without-environment", &project("    profiles: [jobs]\n"));
        // The netbox service gets none either (a configuration of its own in the image), or one
        // that configures no connection (its configuration.py sets them itself).
        let bare = project("").replace("    environment:\n      DB_HOST: postgres\n", "");
        assert_quiet_linted("netbox/compose-worker-without-environment", &bare);
        let tz_only = project("").replace("DB_HOST: postgres", "TZ: Europe/Berlin");
        assert_quiet_linted("netbox/compose-worker-without-environment", &tz_only);
        // linuxserver's image.
        let linuxserver = project("").replace("netboxcommunity/netbox:v4.4-3.4.2", "lscr.io/linuxserver/netbox:4.4.2");
        assert_quiet_linted("netbox/compose-worker-without-environment", &linuxserver);
    }
}
