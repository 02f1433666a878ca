//! `netbox/rq-worker-missing`: a whole Compose project that runs NetBox (netbox-docker's image)
//! with its own PostgreSQL and Redis, and no service that runs NetBox's RQ worker; or
//! netbox-chart values that switch the chart's worker off.
//!
//! ## What it does
//! Applies when `lint` read the whole Compose project (every compose file and environment file
//! it names), its `netbox` service runs netbox-docker's published image, and the project runs a
//! PostgreSQL and a Redis (or Valkey) service of its own, which NetBox's environment does not
//! send elsewhere (`DB_HOST`, `REDIS_HOST` naming other hosts): it is NetBox's whole stack, not a
//! service pasted alone. A PostgreSQL service must be given an environment (`environment:`,
//! `env_file:`, or podman's secrets of `type: env`, passed as variables): the postgres image
//! will not initialise its database without a password (`POSTGRES_PASSWORD`, or
//! `POSTGRES_HOST_AUTH_METHOD=trust`), so a bare `postgres:` with an image only is a stand-in for
//! a database shown elsewhere, not one NetBox runs with. Reports, at the `netbox` service, that
//! no service's `command:` or `entrypoint:` runs `rqworker`. In netbox-chart's values,
//! reports `worker.enabled: false` (every release from 3.0.0 reads it): the worker Deployment
//! (templates/worker/deployment.yaml) is the only part of the release that runs `rqworker`.
//!
//! ## Why is this bad?
//! NetBox's web process only queues background work in Redis; a separate process,
//! `manage.py rqworker`, runs it (NetBox's contrib/netbox-rq.service; netbox-docker's
//! `netbox-worker` service). Without one, custom scripts and reports, event rules' webhooks and
//! scripts, data-source syncs and NetBox's daily housekeeping stay queued, never run. Since NetBox
//! 2.9 scripts and reports run only that way.
//!
//! ## Example
//! A Compose file with `netbox`, `postgres` and `redis` services only.
//!
//! Use instead: add netbox-docker's worker, the `netbox` service's image and environment with
//! `command: [/opt/netbox/venv/bin/python, /opt/netbox/netbox/manage.py, rqworker]`.

use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::ShownService;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A whole NetBox stack in Compose without the RQ worker.
pub const RQ_WORKER_MISSING: Rule = Rule {
    id: "netbox/rq-worker-missing",
    severity: Severity::Warning,
    summary: "a whole Compose project runs NetBox (netbox-docker's image) with its PostgreSQL and Redis, and no service runs NetBox's RQ worker (`manage.py rqworker`), or netbox-chart's values switch its worker off: scripts, webhooks, data-source syncs and housekeeping are queued and never run",
    help: "add netbox-docker's `netbox-worker` service: the `netbox` service's image, environment and volumes with `command: [/opt/netbox/venv/bin/python, /opt/netbox/netbox/manage.py, rqworker]` (netbox-docker's docker-compose.yml)",
    fact: "NetBox 4.6.8: contrib/netbox-rq.service runs `manage.py rqworker high default low` beside the web service; netbox/extras/events.py L216-241 (event rules' webhooks enqueued on an RQ queue) and L265 (their scripts, ScriptJob.enqueue); netbox/core/jobs.py L22 (SyncDataSourceJob) and L61-62 (SystemHousekeepingJob, a daily system job that core/management/commands/rqworker.py schedules when a worker starts); NetBox 2.9.0 release notes, #2006 (scripts and reports queued for background processing). netbox-docker 3.0.2 docker-compose.yml: the `netbox-worker` service runs rqworker beside `netbox`, whose image starts the web server only (docker/launch-netbox.sh). docker-library/postgres 6edb0a8 17/alpine3.22/docker-entrypoint.sh L105-120 and L342-343 (docker_verify_minimum_env, on an uninitialised database: a first start without POSTGRES_PASSWORD, unless POSTGRES_HOST_AUTH_METHOD is trust, exits with 'Database is uninitialized and superuser password is not specified'). Seen in tests/realworld/tuning/t138-… and t159-… (a homelab stack, a security-tools stack); bare stand-ins in t160-…. netbox-chart 8.3.61 templates/worker/deployment.yaml L1 (`if .Values.worker.enabled`) and values.yaml L1569-1578 (`worker.command`: manage.py rqworker, the release's only rqworker): seen in tests/realworld/tuning/t190-… and a published HelmRelease of chart 7.1.7 (the false-finding hunt of 2026-12-02)",
    applies: Applies::netbox_since(2, 9, 0),
};

pub fn rq_worker_missing(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    // netbox-chart's values: the chart's worker Deployment is the release's only `rqworker`.
    for (block, off) in &nb.chart_worker_off {
        out.push(Finding::in_block(
            &RQ_WORKER_MISSING,
            *block,
            off.clone(),
            "this switches netbox-chart's worker off (`enabled: false` under `worker:`), the only part of the release that runs NetBox's RQ worker (`manage.py rqworker`): the web pods only queue background jobs, so custom scripts, event rules' webhooks and data-source syncs are never run".to_string(),
        ).with_help("leave the chart's worker on (`worker.enabled: true`, the chart's default), or run `manage.py rqworker` against the same Redis elsewhere"));
    }
    let Some(services) = nb.whole_project_services() else { return };
    let runs_published_image = nb.stock_configuration().is_some_and(|stock| stock.published_image == Some(true));
    let Some((block, netbox)) = &services.netbox_key else { return };
    if !runs_published_image || services.postgres.is_empty() || services.redis.is_empty() || services.rq_worker() || services.elsewhere {
        return;
    }
    // NetBox's database and Redis are these services unless its environment names other hosts
    // (another application's PostgreSQL beside NetBox on an external one: its worker may run
    // where its database is).
    let names_another_host = |variable: &str, services: &[String]| {
        nb.environment_variable(variable)
            .and_then(|var| var.value.as_str())
            .is_some_and(|host| !host.contains('$') && !services.iter().any(|s| s.eq_ignore_ascii_case(host.trim())))
    };
    if names_another_host("DB_HOST", &services.postgres) || names_another_host("REDIS_HOST", &services.redis) {
        return;
    }
    // A PostgreSQL that can start: the image refuses a first start without a password (corpus
    // case t160, an issue's netbox service with bare stand-ins beside it).
    let configured = |service: &ShownService| (service.environment_given || service.secrets_given) && services.postgres.contains(&service.name.to_ascii_lowercase());
    if !services.shown.iter().any(configured) {
        return;
    }
    out.push(Finding::in_block(
        &RQ_WORKER_MISSING,
        *block,
        netbox.clone(),
        "this Compose project runs NetBox with its own PostgreSQL and Redis, and none of its services runs NetBox's RQ worker (`rqworker` in a `command:` or `entrypoint:`): the web service only queues background jobs, so custom scripts, event rules' webhooks, data-source syncs and NetBox's daily housekeeping are never run".to_string(),
    ));
}

#[cfg(test)]
mod tests {

    /// netbox-chart's values that switch its worker off (corpus case t190), not where it runs.
    #[test]
    fn netbox_charts_worker_switched_off() {
        use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};
        let values = |enabled: &str| format!("# t\n\n```yaml,check=chart,file=values.yaml\nallowedHosts: ['*']\nworker:\n  enabled: {enabled}\n```\n");
        assert_fires_linted("netbox/rq-worker-missing", &values("false"), 3);
        assert_quiet_linted("netbox/rq-worker-missing", &values("true"));
        assert_quiet_linted("netbox/rq-worker-missing", &values("\"{{ .Values.global.worker }}\""));
    }

    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};

    /// A compose file with netbox-docker's image, PostgreSQL and Redis, then `more` services.
    fn chapter(image: &str, more: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: {image}\n    environment:\n      DB_HOST: postgres\n  postgres:\n    image: docker.io/postgres:17-alpine\n    env_file: postgres.env\n  redis:\n    image: docker.io/valkey/valkey:8.1-alpine\n{more}```\n"
        )
    }

    /// The web service alone beside its database and Redis (corpus cases t138, t159): the
    /// finding is on the `netbox` service's name, line 2 of the file.
    #[test]
    fn a_stack_without_a_worker() {
        assert_fires_linted("netbox/rq-worker-missing", &chapter("netboxcommunity/netbox:v4.6-5.0.2", ""), 2);
        assert_fires_linted("netbox/rq-worker-missing", &chapter("netboxcommunity/netbox:${NETBOX_VERSION}", ""), 2);
    }

    /// netbox-docker's worker in either form (a list under `command:`, or the older
    /// `entrypoint:` with `command: rqworker`); another publisher's image (it may run the worker inside); a service without its
    /// database (an excerpt, corpus case t125); a book, whose blocks may show part of the project.
    #[test]
    fn a_worker_or_what_may_run_one_elsewhere() {
        use crate::rules::netbox::testing::assert_quiet_in_chapter;
        let image = "netboxcommunity/netbox:v4.6-5.0.2";
        let worker = "  netbox-worker:\n    image: netboxcommunity/netbox:v4.6-5.0.2\n    command:\n      - /opt/netbox/venv/bin/python\n      - /opt/netbox/netbox/manage.py\n      - rqworker\n";
        assert_quiet_linted("netbox/rq-worker-missing", &chapter(image, worker));
        let older = "  netbox-worker:\n    image: netboxcommunity/netbox:v2.10\n    entrypoint: /opt/netbox/venv/bin/python /opt/netbox/netbox/manage.py\n    command: rqworker\n";
        assert_quiet_linted("netbox/rq-worker-missing", &chapter(image, older));
        assert_quiet_linted("netbox/rq-worker-missing", &chapter("lscr.io/linuxserver/netbox:4.4.1", ""));
        assert_quiet_linted(
            "netbox/rq-worker-missing",
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:latest\n    environment:\n      DB_HOST: db.example.net\n```\n",
        );
        assert_quiet_in_chapter("netbox/rq-worker-missing", &chapter(image, ""));
    }

    /// An override that turns the worker's command into the web server's (a published
    /// override: `command: sh -c "uv pip install … && /opt/netbox/launch-netbox.sh"`, found by
    /// the false-finding hunt of 2026-12-02): Compose runs the later file's command, no worker.
    #[test]
    fn an_override_that_replaces_the_workers_command() {
        let image = "netboxcommunity/netbox:v4.6-5.0.2";
        let worker = "  netbox-worker:\n    image: netboxcommunity/netbox:v4.6-5.0.2\n    command:\n      - /opt/netbox/venv/bin/python\n      - /opt/netbox/netbox/manage.py\n      - rqworker\n";
        let with = |command: &str| {
            format!("{}\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  netbox-worker:\n    {command}\n```\n", chapter(image, worker))
        };
        assert_fires_linted("netbox/rq-worker-missing", &with("command: sh -c \"uv pip install netbox-bgp && /opt/netbox/launch-netbox.sh\""), 2);
        assert_quiet_linted("netbox/rq-worker-missing", &with("command: [/opt/netbox/venv/bin/python, /opt/netbox/netbox/manage.py, rqworker, high]"));
        // An override of the entrypoint alone leaves the command running the worker.
        assert_quiet_linted("netbox/rq-worker-missing", &with("entrypoint: /usr/bin/tini --"));
    }

    /// The worker as Compose reads it: from a YAML merge key (`<<: *worker`), in the entrypoint
    /// alone; a project whose services may come from files not read (`include:`, `extends:`) is
    /// not judged; an exporter or a console is no database or Redis, and each one is needed.
    #[test]
    fn what_counts_as_the_worker_the_database_and_redis() {
        let image = "netboxcommunity/netbox:v4.6-5.0.2";
        let anchored = "x-worker: &worker\n  image: netboxcommunity/netbox:v4.6-5.0.2\n  command: [/opt/netbox/venv/bin/python, /opt/netbox/netbox/manage.py, rqworker]\n";
        let merged = format!("{anchored}{}", chapter(image, "  netbox-worker:\n    <<: *worker\n").split_once("docker-compose.yml\n").unwrap().1);
        let merged = format!("# t\n\n```yaml,check=compose,file=docker-compose.yml\n{merged}");
        assert_quiet_linted("netbox/rq-worker-missing", &merged);
        let entrypoint = "  netbox-worker:\n    image: netboxcommunity/netbox:v4.6-5.0.2\n    entrypoint: [/opt/netbox/venv/bin/python, /opt/netbox/netbox/manage.py, rqworker]\n";
        assert_quiet_linted("netbox/rq-worker-missing", &chapter(image, entrypoint));
        let extends = "  netbox-worker:\n    extends:\n      file: common.yml\n      service: worker\n";
        assert_quiet_linted("netbox/rq-worker-missing", &chapter(image, extends));
        let included = chapter(image, "").replace("```yaml,check=compose,file=docker-compose.yml\n", "```yaml,check=compose,file=docker-compose.yml\ninclude:\n  - worker.yml\n");
        assert_quiet_linted("netbox/rq-worker-missing", &included);
        let exporters = chapter(image, "").replace("docker.io/postgres:17-alpine", "prometheuscommunity/postgres-exporter").replace("docker.io/valkey/valkey:8.1-alpine", "rediscommander/redis-commander");
        assert_quiet_linted("netbox/rq-worker-missing", &exporters);
        let no_redis = chapter(image, "").replace("docker.io/valkey/valkey:8.1-alpine", "docker.io/nginx:1.27");
        assert_quiet_linted("netbox/rq-worker-missing", &no_redis);
        let no_postgres = chapter(image, "").replace("docker.io/postgres:17-alpine", "docker.io/nginx:1.27");
        assert_quiet_linted("netbox/rq-worker-missing", &no_postgres);
        // NetBox's database and Redis elsewhere (the PostgreSQL beside it is another
        // application's); its own by their service names.
        let external = chapter(image, "").replace("      DB_HOST: postgres\n", "      DB_HOST: db.example.net\n");
        assert_quiet_linted("netbox/rq-worker-missing", &external);
        let own = chapter(image, "").replace("      DB_HOST: postgres\n", "      DB_HOST: postgres\n      REDIS_HOST: redis\n");
        assert_fires_linted("netbox/rq-worker-missing", &own, 2);
        // A fixed address of the database's container is the database all the same (corpus
        // case h163).
        let fixed = chapter(image, "").replace("      DB_HOST: postgres\n", "      DB_HOST: 10.89.1.31\n").replace(
            "    image: docker.io/postgres:17-alpine\n",
            "    image: docker.io/postgres:17-alpine\n    networks:\n      backend:\n        ipv4_address: 10.89.1.31\n",
        );
        // (The network declared: a project that uses one it does not declare is refused, an
        // excerpt.)
        let declared = fixed.replace("```\n", "networks:\n  backend: {}\n```\n");
        assert_fires_linted("netbox/rq-worker-missing", &declared, 2);
        assert_quiet_linted("netbox/rq-worker-missing", &fixed);
        // A PostgreSQL given no environment cannot initialise (no password): a stand-in beside
        // an excerpt (corpus case t160); one inline variable is enough.
        let bare = chapter(image, "").replace("    env_file: postgres.env\n", "");
        assert_quiet_linted("netbox/rq-worker-missing", &bare);
        let inline = chapter(image, "").replace("    env_file: postgres.env\n", "    environment:\n      POSTGRES_PASSWORD: s3cret-pass\n");
        assert_fires_linted("netbox/rq-worker-missing", &inline, 2);
        // podman's secrets of `type: env` (corpus case t167).
        let secrets = chapter(image, "").replace("    env_file: postgres.env\n", "    secrets:\n      - source: db_password\n        target: POSTGRES_PASSWORD\n        type: env\n");
        assert_fires_linted("netbox/rq-worker-missing", &secrets, 2);
        // Docker's file secrets alone give the image no password variable.
        let files = chapter(image, "").replace("    env_file: postgres.env\n", "    secrets:\n      - db_password\n");
        assert_quiet_linted("netbox/rq-worker-missing", &files);
        // bitnami's and Redis Stack's images are PostgreSQL and Redis all the same.
        let others = chapter(image, "").replace("docker.io/postgres:17-alpine", "bitnami/postgresql:16").replace("docker.io/valkey/valkey:8.1-alpine", "redis/redis-stack-server:7.4.0-v1");
        assert_fires_linted("netbox/rq-worker-missing", &others, 2);
    }
}
