//! `netbox/compose-redis-password-mismatch`: the password NetBox sends a Redis of its Compose
//! project is not the one that server requires.
//!
//! ## What it does
//! In a whole Compose project whose `netbox` service runs netbox-docker's published image, takes
//! for each of NetBox's two Redis connections (tasks and caching) the host and the password
//! netbox-docker's configuration reads (`REDIS_HOST` and `REDIS_PASSWORD`; `REDIS_CACHE_HOST`
//! and `REDIS_CACHE_PASSWORD`, each falling back to the former as netbox-docker does, or what a
//! Python file of one's own `REDIS` reads). Where the host is a service that runs Redis (or
//! Valkey) with `--requirepass` in its `command:`, as netbox-docker's docker-compose.yml does
//! (`--requirepass $$REDIS_PASSWORD`, the service's own variable), compares the two. Unknown
//! on either side (a value from the shell, a Docker secret, which netbox-docker reads first,
//! Sentinels, a server configured by a file): no finding. Neither value is printed.
//!
//! ## Why is this bad?
//! Redis refuses every command of a client that has not authenticated with that password. NetBox
//! reads its configuration through the cache on every request (`MaintenanceModeMiddleware`), so
//! with the caching Redis refused every page fails; with the tasks Redis refused, background
//! jobs (scripts, webhooks, data-source syncs) cannot be queued and the worker does not start.
//! netbox-docker keeps the passwords in `env/netbox.env` and in `env/redis.env` and
//! `env/redis-cache.env`: changing one is a common slip.
//!
//! ## Example
//! `env/netbox.env` with `REDIS_CACHE_PASSWORD=Ch4nged-0nly-here` beside an
//! `env/redis-cache.env` that still says `REDIS_PASSWORD=t4Ph722qJ5QHeQ1qfu36`.
//!
//! Use instead: the same value on both sides.

use super::shared::{comparable_project, only_service_answering};
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::{ServiceVariable, Setting, Value, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// NetBox's Redis password is not the one its Redis service requires.
pub const COMPOSE_REDIS_PASSWORD_MISMATCH: Rule = Rule {
    id: "netbox/compose-redis-password-mismatch",
    severity: Severity::Error,
    summary: "In a whole Compose project, the password NetBox sends a Redis service (`REDIS_PASSWORD`, `REDIS_CACHE_PASSWORD`) is not the one that server requires (`--requirepass`): Redis refuses NetBox, and its pages (caching) or background jobs (tasks) fail",
    help: "give NetBox's password and the Redis service's `--requirepass` value the same value (netbox-docker: `REDIS_PASSWORD` and `REDIS_CACHE_PASSWORD` in `env/netbox.env`, `REDIS_PASSWORD` in `env/redis.env` and `env/redis-cache.env`)",
    fact: "netbox-docker 3.0.2 configuration/configuration.py L85-108 (REDIS tasks: HOST from REDIS_HOST, PASSWORD from _read_secret('redis_password', REDIS_PASSWORD); caching: HOST from REDIS_CACHE_HOST, else REDIS_HOST, PASSWORD from _read_secret('redis_cache_password', REDIS_CACHE_PASSWORD, else REDIS_PASSWORD)), L20-31 (_read_secret reads /run/secrets/<name> first); its docker-compose.yml: `redis` and `redis-cache` run `valkey-server --appendonly yes --requirepass $$REDIS_PASSWORD` under `sh -c`, with env/redis.env and env/redis-cache.env. NetBox 4.6.8 settings.py L387 and L401 (the two passwords), L410-416 (CACHES: django-redis with the caching password), L861-864 (RQ_PARAMS with the tasks password), L527 (MaintenanceModeMiddleware), netbox/middleware.py L259 (get_config() on every request) and netbox/config/__init__.py L76-78 (the configuration read from the cache). Redis's requirepass: a client must AUTH with it before any other command (redis.conf, `requirepass`)",
    applies: Applies::Always,
};

/// One of NetBox's Redis connections: what it is for, and the variables netbox-docker's
/// configuration reads its host and password from (the first one set wins).
struct Connection {
    what: &'static str,
    hosts: Vec<String>,
    passwords: Vec<String>,
}

pub fn compose_redis_password_mismatch(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(services) = comparable_project(nb) else { return };
    let names = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let mut connections = vec![
        Connection { what: "tasks", hosts: names(&["REDIS_HOST"]), passwords: names(&["REDIS_PASSWORD"]) },
        Connection {
            what: "caching",
            hosts: names(&["REDIS_CACHE_HOST", "REDIS_HOST"]),
            passwords: names(&["REDIS_CACHE_PASSWORD", "REDIS_PASSWORD"]),
        },
    ];
    // A `REDIS` of one's own (a netbox-docker checkout's configuration.py of another era): the
    // variables its sections read, where they read them.
    let own_redis = nb.get("REDIS").filter(|s| !nb.is_netbox_docker_own(s) && !nb.is_from_environment(s));
    if let Some(redis) = own_redis {
        let ValueKind::Dict(sections) = &redis.value.kind else { return };
        for connection in &mut connections {
            let section = sections.iter().find(|(k, _)| k.as_str() == Some(connection.what)).map(|(_, v)| v);
            let read = |key: &str| section.and_then(|section| environment_chain(section, key));
            match (read("HOST"), read("PASSWORD")) {
                (Some(hosts), Some(passwords)) => (connection.hosts, connection.passwords) = (hosts, passwords),
                // Not read from the environment: not judged.
                _ => connection.hosts.clear(),
            }
        }
    }
    let first_set = |variables: &[String]| variables.iter().find_map(|name| nb.environment_variable(name));
    let mut found: Vec<Mismatch> = Vec::new();
    for connection in &connections {
        // With Sentinels, NetBox asks them for the server: the host is not used.
        let sentinels = if connection.what == "tasks" { "REDIS_SENTINELS" } else { "REDIS_CACHE_SENTINELS" };
        if nb.environment_variable(sentinels).is_some_and(|s| s.value.as_str() != Some("")) {
            continue;
        }
        let Some(host_setting) = first_set(&connection.hosts) else { continue };
        let Some(host) = host_setting.value.as_str().map(str::trim) else { continue };
        let Some(service) = only_service_answering(services, host) else { continue };
        if !services.redis.contains(&service.name.to_ascii_lowercase()) {
            continue;
        }
        let ServiceVariable::Set { value: required, at, .. } = service.redis_password() else { continue };
        // NetBox signing in as a user of its own (an ACL user, not `default`, whose password
        // `requirepass` is): not judged (netbox-docker 3.0.2 configuration.py L92, L103).
        let users: &[&str] =
            if connection.what == "tasks" { &["REDIS_USERNAME"] } else { &["REDIS_CACHE_USERNAME", "REDIS_USERNAME"] };
        if users.iter().any(|name| nb.environment_variable(name).is_some_and(|user| user.value.as_str() != Some(""))) {
            continue;
        }
        // What NetBox sends: the first variable set, else netbox-docker's default, no password
        // (a `REDIS` of one's own may have another default: not judged).
        let sent = first_set(&connection.passwords);
        let (place, sends): (&Setting, &str) = match sent {
            Some(setting) => match setting.value.as_str() {
                Some(password) if !password.contains('$') => (setting, password),
                _ => continue,
            },
            None if own_redis.is_none() => (host_setting, ""),
            None => continue,
        };
        if sends == required {
            continue;
        }
        let place = (place.block, place.value.range.clone());
        // Both connections to one server with one password: one finding, saying both.
        match found.iter_mut().find(|f| f.place == place && f.service == service.name) {
            Some(earlier) => earlier.what.push(connection.what),
            None => found.push(Mismatch { place, service: service.name.clone(), no_password: sends.is_empty(), at, what: vec![connection.what] }),
        }
    }
    for mismatch in found {
        let name = mismatch.service.escape_debug();
        let said = if mismatch.no_password { "without a password" } else { "with this password" };
        let consequences: Vec<&str> = mismatch
            .what
            .iter()
            .map(|what| match *what {
                "caching" => "NetBox reads its configuration through the cache on every request, so every page fails",
                _ => "background jobs (scripts, webhooks, data-source syncs) cannot be queued and the RQ worker does not start",
            })
            .collect();
        out.push(Finding::in_block(
            &COMPOSE_REDIS_PASSWORD_MISMATCH,
            mismatch.place.0,
            mismatch.place.1,
            format!(
                "NetBox connects to its {} Redis on `{name}` {said}, but the `{name}` service's server requires another (its `--requirepass`, set at {}): Redis refuses NetBox, so {}",
                mismatch.what.join(" and "),
                mismatch.at.escape_debug(),
                consequences.join(", and ")
            ),
        ));
    }
}

/// A password NetBox sends that its Redis server does not require.
struct Mismatch {
    /// Where NetBox's password (or, without one, the host) is set.
    place: (crate::finding::BlockId, std::ops::Range<usize>),
    /// The Redis service, as written.
    service: String,
    /// NetBox sends none.
    no_password: bool,
    /// Where the server's password is written.
    at: String,
    /// The connections: "tasks", "caching".
    what: Vec<&'static str>,
}

/// The variables a value reads in turn: `os.environ.get('A', os.environ.get('B', …))` gives
/// `[A, B]`; `None` for a value that is not read from the environment.
fn environment_chain(section: &Value, key: &str) -> Option<Vec<String>> {
    let ValueKind::Dict(items) = &section.kind else { return None };
    let mut value = &items.iter().find(|(k, _)| k.as_str() == Some(key))?.1;
    let mut chain = Vec::new();
    while let ValueKind::Env { var, default, .. } = &value.kind {
        chain.push(var.to_string());
        match default {
            Some(next) if matches!(next.kind, ValueKind::Env { .. }) => value = &**next,
            _ => break,
        }
    }
    (!chain.is_empty()).then_some(chain)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, linted};

    /// netbox-docker's project: NetBox's environment and the two Redis services inline.
    fn project(netbox: &str, cache_password: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n    environment:\n      REDIS_HOST: redis\n      REDIS_CACHE_HOST: redis-cache\n{netbox}  redis:\n    image: valkey/valkey:8.1-alpine\n    command:\n      - sh\n      - -c\n      - valkey-server --appendonly yes --requirepass $$REDIS_PASSWORD\n    environment:\n      REDIS_PASSWORD: H733Kdjndks81\n  redis-cache:\n    image: valkey/valkey:8.1-alpine\n    command:\n      - sh\n      - -c\n      - valkey-server --requirepass $$REDIS_PASSWORD\n    environment:\n      REDIS_PASSWORD: {cache_password}\n```\n"
        )
    }

    #[test]
    fn compose_redis_password_mismatch() {
        // netbox-docker's example: both agree.
        let agreed = "      REDIS_PASSWORD: H733Kdjndks81\n      REDIS_CACHE_PASSWORD: t4Ph722qJ5QHeQ1qfu36\n";
        assert_quiet_linted("netbox/compose-redis-password-mismatch", &project(agreed, "t4Ph722qJ5QHeQ1qfu36"));
        // The cache's password changed on one side only.
        let changed = project(agreed, "Ch4nged-0nly-here");
        assert_fires_linted("netbox/compose-redis-password-mismatch", &changed, 8);
        let (_, message) = &linted("netbox/compose-redis-password-mismatch", &changed)[0];
        assert!(message.contains("caching Redis on `redis-cache`") && message.contains("set at docker-compose.yml line 24)"), "{message}");
        assert!(!message.contains("t4Ph") && !message.contains("Ch4n"), "{message}");
        // No REDIS_CACHE_PASSWORD: netbox-docker sends REDIS_PASSWORD to the cache too.
        let fallback = project("      REDIS_PASSWORD: H733Kdjndks81\n", "t4Ph722qJ5QHeQ1qfu36");
        assert_fires_linted("netbox/compose-redis-password-mismatch", &fallback, 7);
        assert_quiet_linted("netbox/compose-redis-password-mismatch", &project("      REDIS_PASSWORD: H733Kdjndks81\n", "H733Kdjndks81"));
        // No password at all, to a server that requires one: at the host.
        let none = project("", "t4Ph722qJ5QHeQ1qfu36");
        let lines: Vec<usize> = linted("netbox/compose-redis-password-mismatch", &none).into_iter().map(|(l, _)| l).collect();
        assert_eq!(lines, vec![5, 6]);
        // Unknown: from the shell; Sentinels; Docker secrets netbox-docker reads first.
        assert_quiet_linted("netbox/compose-redis-password-mismatch", &project("      REDIS_PASSWORD: ${REDIS_PASSWORD}\n      REDIS_CACHE_PASSWORD: ${REDIS_CACHE_PASSWORD}\n", "x"));
        let secrets = changed.replace("    environment:\n      REDIS_HOST", "    secrets: [redis_cache_password]\n    environment:\n      REDIS_HOST");
        assert_quiet_linted("netbox/compose-redis-password-mismatch", &secrets);
        // An ACL user of NetBox's own; the option written twice; a list item with a blank; `$$`
        // with no shell to expand it; an entrypoint of its own: not judged.
        assert_quiet_linted("netbox/compose-redis-password-mismatch", &changed.replace("      REDIS_HOST: redis\n", "      REDIS_HOST: redis\n      REDIS_USERNAME: netbox\n"));
        let cache_command = "      - valkey-server --requirepass $$REDIS_PASSWORD\n";
        for command in [
            "      - valkey-server --requirepass x --requirepass $$REDIS_PASSWORD\n",
            "      - valkey-server --requirepass $$REDIS_PASSWORD --aclfile /etc/users.acl\n",
            // A configuration file, which may name an `aclfile` (requirepass is then ignored).
            "      - valkey-server /usr/local/etc/valkey/valkey.conf --requirepass $$REDIS_PASSWORD\n",
        ] {
            assert_quiet_linted("netbox/compose-redis-password-mismatch", &changed.replace(cache_command, command));
        }
        let listed = changed.replace("      - sh\n      - -c\n      - valkey-server --requirepass $$REDIS_PASSWORD\n", "      - valkey-server\n      - --requirepass\n      - \"my pass\"\n");
        assert_quiet_linted("netbox/compose-redis-password-mismatch", &listed);
        let no_shell = changed.replace("      - sh\n      - -c\n      - valkey-server --requirepass $$REDIS_PASSWORD\n", "      - valkey-server\n      - --requirepass\n      - $$REDIS_PASSWORD\n");
        assert_quiet_linted("netbox/compose-redis-password-mismatch", &no_shell);
        let entrypoint = changed.replace("  redis-cache:\n    image: valkey/valkey:8.1-alpine\n", "  redis-cache:\n    image: valkey/valkey:8.1-alpine\n    entrypoint: [/start.sh]\n");
        assert_quiet_linted("netbox/compose-redis-password-mismatch", &entrypoint);
        // A server with no `--requirepass` in its command: not judged.
        assert_quiet_linted("netbox/compose-redis-password-mismatch", &changed.replace("valkey-server --requirepass $$REDIS_PASSWORD", "valkey-server /etc/valkey.conf"));
    }
}
