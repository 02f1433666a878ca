//! `netbox/compose-variable-from-shell`: a compose file takes `${NAME}` from the shell, while
//! the value is written in NetBox's env file.
//!
//! ## What it does
//! In a whole Compose project that `lint` reads with its `.env` (or knows it has none), finds a
//! `${NAME:-default}` (or `${NAME-default}`) in the `command:`, `entrypoint:`, `healthcheck:`
//! test or `environment:` of a service that runs PostgreSQL or Redis, that NetBox connects to
//! (its `DB_HOST`, `REDIS_HOST` or `REDIS_CACHE_HOST` names it) and that runs without a profile,
//! where `NAME` is a variable
//! netbox-docker's configuration connects to that service with (`DB_NAME`, `DB_USER`,
//! `DB_PASSWORD`; `REDIS_PASSWORD`, `REDIS_USERNAME` and their `REDIS_CACHE_` forms), the
//! project's `.env` does not set it (or sets it empty, for `:-`), and the `netbox` service's
//! `env_file:` gives it another value than the default. A key a later compose file replaces is
//! left alone (a later `healthcheck:` only with its own `test:`, an `environment:` also when
//! reset), and so is a project whose `netbox` service gets Docker secrets (a secret file
//! replaces the variable). The message quotes neither the default nor the env file's value. A reference without a default is left alone: Compose warns at every
//! start that the variable is not set, so its author has seen that (and `.env` files, which hold
//! secrets, are often kept out of repositories, with the variables given another way).
//!
//! ## Why is this bad?
//! Compose fills `${…}` in when it loads the compose file, from the shell that runs it and the
//! project's `.env` (or the files `docker compose --env-file` names); an `env_file:` only sets
//! the variables of the containers that name it, later. So unless that shell exports `NAME`, the
//! service silently gets the default, while NetBox gets the env file's value: a Redis
//! started with `--requirepass ${REDIS_PASSWORD:-changeme}` refuses NetBox's password
//! (`WRONGPASS`), and its health check, which uses the same default, still passes.
//!
//! ## Example
//! `command: valkey-server --requirepass ${REDIS_PASSWORD:-changeme}` with `REDIS_PASSWORD` set
//! only in `env/netbox.env`.
//!
//! Use instead: set `REDIS_PASSWORD` in the project's `.env`, or give the service the env file
//! and write `$$REDIS_PASSWORD` in a shell command, which the container's shell expands (as
//! netbox-docker's compose file does: `sh -c 'valkey-server … --requirepass $$REDIS_PASSWORD'`
//! with `env_file: env/redis.env`).

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A compose file takes `${NAME}` from the shell, while NetBox's env file sets it.
pub const COMPOSE_VARIABLE_FROM_SHELL: Rule = Rule {
    id: "netbox/compose-variable-from-shell",
    severity: Severity::Warning,
    summary: "a PostgreSQL or Redis service takes a password, user or database name as `${NAME:-default}` from the shell or the project's `.env`, which does not set it, while NetBox gets `NAME` from its env file: the service silently gets the default, and NetBox's connection is refused",
    help: "set the variable in the project's `.env` beside the compose file (Compose interpolates from it), or give the service the env file and write `$$NAME` in a shell command (`sh -c`), which the container expands, as netbox-docker's compose file does",
    fact: "compose-go e70e961: cli/options.go L299-307 (`WithDotEnv`: the `.env` or `--env-file` files merged into the shell's environment), loader/loader.go L381-386 (interpolation's `LookupValue` is that environment), types/project.go L748-776 (`env_file:` files read into each service's environment after loading, its `environment:` winning, L773 `OverrideBy`); template/template.go L207-210 (an unset variable without a default: the warning \"The … variable is not set. Defaulting to a blank string.\"; a default is applied silently); `$$` is a literal `$`. netbox-docker 3.0.2 docker-compose.yml L66 and L81 (`--requirepass $$REDIS_PASSWORD ## $$ because of docker-compose`, with env_file: env/redis.env). Seen in tests/realworld/tuning/t180-… (trial 4: `--requirepass ${REDIS_PASSWORD:-changeme}` with REDIS_PASSWORD only in env/netbox.env)",
    applies: Applies::Always,
};

pub fn compose_variable_from_shell(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(services) = nb.whole_project_services() else { return };
    // A Docker secret (`/run/secrets/db_password`, …) replaces the variable in netbox-docker's
    // configuration (`_read_secret`): what NetBox connects with is not the env file's then.
    if nb.stock_configuration().is_some_and(|stock| stock.secrets) {
        return;
    }
    let mut reported = std::collections::HashSet::new();
    for (at, service) in services.shown.iter().enumerate() {
        let lower = service.name.to_ascii_lowercase();
        // The service NetBox connects to: the host its environment names (netbox-docker 3.0.2
        // configuration.py L72, L90, L101: DB_HOST, REDIS_HOST, REDIS_CACHE_HOST falling back to
        // REDIS_HOST), and one that runs without a profile.
        let host = |name: &str| nb.environment_variable(name).and_then(|s| s.value.as_str()).map(str::to_ascii_lowercase);
        let redis_host = host("REDIS_HOST");
        let cache_host = host("REDIS_CACHE_HOST").or_else(|| redis_host.clone());
        let (runs, variables) = if services.postgres.contains(&lower) && host("DB_HOST").as_deref() == Some(lower.as_str()) {
            ("PostgreSQL", DATABASE_VARIABLES)
        } else if services.redis.contains(&lower) && [&redis_host, &cache_host].iter().any(|h| h.as_deref() == Some(lower.as_str())) {
            ("Redis", REDIS_VARIABLES)
        } else {
            continue;
        };
        if services.shown.iter().any(|s| s.name == service.name && s.may_not_run) {
            continue;
        }
        for variable in &service.interpolated {
            let name = variable.reference.name.as_str();
            // The project's `.env` sets it, or is not known; or it is no variable NetBox connects
            // to this service with.
            if variable.set_by_project_env != Some(false) || !variables.contains(&name) {
                continue;
            }
            // A later compose file replaces the key (or resets the whole environment).
            let replaced = services.shown[at + 1..].iter().any(|later| {
                later.name == service.name
                    && (later.keys_set.contains(&variable.key)
                        || variable.key.starts_with("environment.")
                            && later.keys_set.iter().any(|key| key == "environment.*"))
            });
            // NetBox's value comes from an env file (an inline `environment:` of the `netbox`
            // service wins over it, and is interpolated too).
            if nb.environment().any(|set| set.name == name && services.files.contains(&set.block)) {
                continue;
            }
            let Some(set) = nb.environment_variable(name) else { continue };
            let Some(value) = set.value.as_str() else { continue };
            // Without a default Compose warns at every start that the variable is not set.
            let Some(default) = variable.reference.default() else { continue };
            if replaced || default == value {
                continue;
            }
            // Services sharing a YAML anchor share the value: once.
            if !reported.insert((service.key.0, variable.range.start, variable.reference.written.clone())) {
                continue;
            }
            // The default is not quoted: for a password it is the one the service runs with.
            let gets = if default.is_empty() { "an empty string" } else { "the default written there" };
            let what = if variable.key == "healthcheck" {
                format!("this health check of {runs} silently uses {gets}, not the value NetBox connects with")
            } else {
                format!("this {runs} silently gets {gets}, while NetBox connects with the env file's value, and the connection is refused")
            };
            out.push(Finding::in_block(
                &COMPOSE_VARIABLE_FROM_SHELL,
                service.key.0,
                variable.range.clone(),
                format!(
                    "Compose fills `{}` of `{}` in from the shell that runs it or the project's `.env`, and the `.env` gives `{name}` no value; the env file that gives NetBox `{name}` only reaches the containers that name it: unless that shell exports `{name}` (or `docker compose --env-file` names a file that sets it), {what}",
                    variable.reference.without_default().escape_debug(),
                    service.name.escape_debug(),
                ),
            ));
        }
    }
}

/// What netbox-docker's configuration connects to PostgreSQL with, from its environment
/// (netbox-docker 3.0.2 configuration/configuration.py L68-70: DB_NAME, DB_USER, DB_PASSWORD).
const DATABASE_VARIABLES: &[&str] = &["DB_NAME", "DB_USER", "DB_PASSWORD"];

/// What it connects to Redis with (configuration.py L92-93: REDIS_USERNAME, REDIS_PASSWORD;
/// L103-104, the caching section's REDIS_CACHE_USERNAME, REDIS_CACHE_PASSWORD).
const REDIS_VARIABLES: &[&str] = &["REDIS_USERNAME", "REDIS_PASSWORD", "REDIS_CACHE_USERNAME", "REDIS_CACHE_PASSWORD"];

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, linted};

    /// netbox-docker's layout with a Redis whose password Compose interpolates.
    fn project(redis_command: &str, env: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n    env_file: env/netbox.env\n  redis:\n    image: valkey/valkey:8.1-alpine\n    command: {redis_command}\n```\n\n```sh,check=env,file=env/netbox.env\nREDIS_HOST=redis\n{env}```\n"
        )
    }

    /// The trial's shape: the default is not the env file's password.
    #[test]
    fn a_password_the_env_file_sets_taken_from_the_shell() {
        let chapter = project("valkey-server --requirepass ${REDIS_PASSWORD:-changeme}", "REDIS_PASSWORD=Ks5Jd9Hf2Gb7Nc1Q\n");
        assert_fires_linted("netbox/compose-variable-from-shell", &chapter, 7);
        let said = &linted("netbox/compose-variable-from-shell", &chapter)[0].1;
        assert!(said.contains("`${REDIS_PASSWORD:-…}` of `redis`") && said.contains("gets the default written there"), "{said}");
        // Neither the env file's password nor the default, the password Redis runs with.
        assert!(!said.contains("Ks5Jd9") && !said.contains("changeme"), "no secret is quoted: {said}");
        let dash = project("valkey-server --requirepass ${REDIS_PASSWORD-changeme}", "REDIS_PASSWORD=Ks5Jd9Hf2Gb7Nc1Q\n");
        assert_fires_linted("netbox/compose-variable-from-shell", &dash, 7);
    }

    #[test]
    fn quiet_where_compose_gets_the_value_or_the_container_expands_it() {
        // `$$`: the container's shell expands it from its own environment.
        assert_quiet_linted("netbox/compose-variable-from-shell", &project("sh -c 'valkey-server --requirepass $$REDIS_PASSWORD'", "REDIS_PASSWORD=Ks5Jd9Hf2Gb7Nc1Q\n"));
        // No default: Compose warns at every start that the variable is not set (t162's and
        // h285's shape, whose `.env` is not in the repository).
        assert_quiet_linted("netbox/compose-variable-from-shell", &project("valkey-server --requirepass ${REDIS_PASSWORD}", "REDIS_PASSWORD=Ks5Jd9Hf2Gb7Nc1Q\n"));
        // The default is the env file's value.
        assert_quiet_linted("netbox/compose-variable-from-shell", &project("valkey-server --requirepass ${REDIS_PASSWORD:-Ks5Jd9}", "REDIS_PASSWORD=Ks5Jd9\n"));
        // The env file does not set it.
        assert_quiet_linted("netbox/compose-variable-from-shell", &project("valkey-server --requirepass ${REDIS_PASSWORD:-changeme}", ""));
        // The project's `.env` sets it (t139's shape).
        let with_dotenv = project("valkey-server --requirepass ${REDIS_PASSWORD:-changeme}", "REDIS_PASSWORD=Ks5Jd9\n")
            + "\n```sh,check=env,file=.env\nREDIS_PASSWORD=Ks5Jd9\n```\n";
        assert_quiet_linted("netbox/compose-variable-from-shell", &with_dotenv);
        // A `.env` that sets it empty: `:-` takes the default all the same.
        let empty = with_dotenv.replace("file=.env\nREDIS_PASSWORD=Ks5Jd9", "file=.env\nREDIS_PASSWORD=");
        assert_fires_linted("netbox/compose-variable-from-shell", &empty, 7);
    }

    /// The review's shapes: what NetBox really connects with, what Compose really runs.
    #[test]
    fn quiet_where_netbox_gets_the_same_or_compose_runs_another_value() {
        let env = "REDIS_PASSWORD=Ks5Jd9Hf2Gb7Nc1Q\nDB_PASSWORD=Pg9\nTZ=Europe/Berlin\n";
        let fires = project("valkey-server --requirepass ${REDIS_PASSWORD:-changeme}", env);
        assert_fires_linted("netbox/compose-variable-from-shell", &fires, 7);
        // The `netbox` service's own `environment:` takes the same default: NetBox has it too.
        let own = fires.replace("    env_file: env/netbox.env\n", "    env_file: env/netbox.env\n    environment:\n      REDIS_PASSWORD: ${REDIS_PASSWORD:-changeme}\n");
        assert_quiet_linted("netbox/compose-variable-from-shell", &own);
        // A later compose file replaces the command.
        let replaced = fires.clone()
            + "\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  redis:\n    command: [\"sh\", \"-c\", \"valkey-server --requirepass $$REDIS_PASSWORD\"]\n```\n";
        assert_quiet_linted("netbox/compose-variable-from-shell", &replaced);
        // A variable NetBox does not connect with (the time zone), or a service that is no
        // database or Redis.
        assert_quiet_linted("netbox/compose-variable-from-shell", &project("valkey-server --timezone ${TZ:-UTC}", env));
        let other = fires.replace("image: valkey/valkey:8.1-alpine", "image: example.org/cache:1");
        assert_quiet_linted("netbox/compose-variable-from-shell", &other);
        // A Redis NetBox does not connect to (REDIS_HOST names another), or one that runs only
        // with a profile.
        assert_quiet_linted("netbox/compose-variable-from-shell", &fires.replace("REDIS_HOST=redis", "REDIS_HOST=cache.example.org"));
        let profiled = fires.replace("    image: valkey/valkey:8.1-alpine\n", "    image: valkey/valkey:8.1-alpine\n    profiles: [cache]\n");
        assert_quiet_linted("netbox/compose-variable-from-shell", &profiled);
        // A later file that resets the environment drops the variable; one that sets only the
        // health check's interval keeps the base's test.
        let environment = project("valkey-server", env).replace(
            "    command: valkey-server\n",
            "    command: valkey-server\n    environment:\n      REDIS_ARGS: --requirepass ${REDIS_PASSWORD:-changeme}\n",
        );
        assert_fires_linted("netbox/compose-variable-from-shell", &environment, 9);
        let reset = environment.clone()
            + "\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  redis:\n    environment: !reset {}\n```\n";
        assert_quiet_linted("netbox/compose-variable-from-shell", &reset);
        let health = project("valkey-server", env).replace(
            "    command: valkey-server\n",
            "    command: valkey-server\n    healthcheck:\n      test: valkey-cli --pass ${REDIS_PASSWORD:-changeme} ping\n",
        );
        let interval = health.clone()
            + "\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  redis:\n    healthcheck:\n      interval: 10s\n```\n";
        assert_fires_linted("netbox/compose-variable-from-shell", &interval, 9);
        // Docker secrets replace the variables in netbox-docker's configuration.
        let secrets = fires.replace("    env_file: env/netbox.env\n", "    env_file: env/netbox.env\n    secrets: [redis_password]\n");
        assert_quiet_linted("netbox/compose-variable-from-shell", &secrets);
    }

    /// Services that share the value through a YAML anchor: one finding, at the anchor.
    #[test]
    fn a_value_shared_through_an_anchor_is_reported_once() {
        let chapter = project("valkey-server --requirepass ${REDIS_PASSWORD:-changeme}", "REDIS_PASSWORD=Ks5Jd9\n")
            .replace("  redis:\n", "  redis: &redis\n")
            .replace("\n```\n\n```sh", "\n  redis-cache:\n    <<: *redis\n```\n\n```sh");
        assert_eq!(linted("netbox/compose-variable-from-shell", &chapter).len(), 1, "{chapter}");
    }
}
