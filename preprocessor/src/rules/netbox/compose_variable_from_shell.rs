//! `netbox/compose-variable-from-shell`: a compose file takes `${NAME}` from the shell, while
//! the value is written in NetBox's env file.
//!
//! ## What it does
//! In a whole Compose project that `lint` reads with its `.env` (or knows it has none), finds a
//! `${NAME:-default}` (or `${NAME-default}`) in a service's `command:`, `entrypoint:`,
//! `healthcheck:` test or `environment:` where the project's `.env` does not set `NAME`, but the
//! `netbox` service's `env_file:` does, to another value than the default. A reference without
//! a default is left alone: Compose warns at every start that the variable is not set, so its
//! author has seen that (and `.env` files, which hold secrets, are often kept out of
//! repositories, with the variables given another way).
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
    summary: "a compose file takes `${NAME:-default}` from the shell or the project's `.env`, which does not set it, while the `netbox` service's env file does: the service silently gets the default, not the env file's value",
    help: "set the variable in the project's `.env` beside the compose file (Compose interpolates from it), or give the service the env file and write `$$NAME` in a shell command (`sh -c`), which the container expands, as netbox-docker's compose file does",
    fact: "compose-go e70e961: cli/options.go L299-307 (`WithDotEnv`: the `.env` or `--env-file` files merged into the shell's environment), loader/loader.go L381-386 (interpolation's `LookupValue` is that environment), types/project.go L748-776 (`env_file:` files read into each service's environment after loading); template/template.go L207-210 (an unset variable without a default: the warning \"The … variable is not set. Defaulting to a blank string.\"; a default is applied silently); `$$` is a literal `$`. netbox-docker 3.0.2 docker-compose.yml L66 and L81 (`--requirepass $$REDIS_PASSWORD ## $$ because of docker-compose`, with env_file: env/redis.env). Seen in a trial on SaschaSchwarzK/netbox-on-chainguard (2026): `--requirepass ${REDIS_PASSWORD:-changeme}` with REDIS_PASSWORD only in env/netbox.env",
    applies: Applies::Always,
};

pub fn compose_variable_from_shell(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(services) = nb.whole_project_services() else { return };
    for service in &services.shown {
        for variable in &service.interpolated {
            // The project's `.env` sets it, or is not known.
            if variable.set_by_project_env != Some(false) {
                continue;
            }
            let name = variable.reference.name.as_str();
            // The env file's value (not an inline `environment:`, itself interpolated).
            let Some(set) = nb.environment().filter(|s| s.name == name && !services.files.contains(&s.block)).last()
            else {
                continue;
            };
            let Some(value) = set.value.as_str() else { continue };
            // Without a default Compose warns that the variable is not set, at every start.
            let Some(default) = default(&variable.reference.written) else { continue };
            if default == value {
                continue;
            }
            let gets = if default.is_empty() { "an empty string".to_string() } else { format!("`{}`", default.escape_debug()) };
            out.push(Finding::in_block(
                &COMPOSE_VARIABLE_FROM_SHELL,
                service.key.0,
                variable.range.clone(),
                format!(
                    "Compose fills `{}` of `{}` in from the shell that runs it or the project's `.env`, and the `.env` does not set `{name}`; the env file that sets it only reaches the containers that name it: unless that shell exports `{name}` (or `docker compose --env-file` names a file that sets it), this silently gets {gets}, not the value NetBox gets from its env file",
                    variable.reference.written.escape_debug(),
                    service.name.escape_debug(),
                ),
            ));
        }
    }
}

/// The default of a `${NAME:-default}` or `${NAME-default}` reference, which Compose uses
/// when neither the shell nor the `.env` sets the variable (compose-go's template).
fn default(written: &str) -> Option<&str> {
    let inner = written.strip_prefix("${")?.strip_suffix('}')?;
    let modifier = inner.trim_start_matches(|c: char| c == '_' || c.is_ascii_alphanumeric());
    modifier.strip_prefix(':').unwrap_or(modifier).strip_prefix('-')
}

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
        assert!(said.contains("`${REDIS_PASSWORD:-changeme}` of `redis`") && said.contains("gets `changeme`"), "{said}");
        assert!(!said.contains("Ks5Jd9"), "no secret is quoted: {said}");
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
    }
}
