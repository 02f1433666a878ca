//! `netbox/redis-same-database`: `REDIS`'s `tasks` and `caching` sections on one database of one
//! Redis, as a configuration writes them, or as linuxserver's image renders them from
//! `REDIS_DB_TASK` and `REDIS_DB_CACHE` (its compose `environment:`, or an env file that sets
//! both for an image that is not netbox-docker's published one).

use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::{Conversion, Value, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// The background-task queue and the cache in the same Redis database.
pub const REDIS_SAME_DATABASE: Rule = Rule {
    id: "netbox/redis-same-database",
    severity: Severity::Warning,
    summary: "`REDIS['tasks']` and `REDIS['caching']` name the same host, port and database (with NetBox's defaults for what they leave out): a cache flush can drop queued background tasks",
    help: "give the caching section a database of its own (`'DATABASE': 1`, the value NetBox's example uses)",
    fact: "NetBox reads the tasks section's HOST, PORT and DATABASE with the defaults 'localhost', 6379 and 0 (settings.py L376-388, 4.6.8), and the caching section's likewise (L396-398), by upper-case key only (`.get('HOST', 'localhost')`: a lower-case key is never read); NetBox's documentation: \"It is highly recommended to keep the task and cache databases separate. Using the same database number on the same Redis instance for both may result in queued background tasks being lost during cache flushing events.\" (docs/configuration/required-parameters.md, 4.6; the same warning in 2.8.0's required-settings.md L87-89). linuxserver's image reads REDIS_DB_TASK and REDIS_DB_CACHE (netbox-docker 3.0.2 configuration/configuration.py L94 and L105 read REDIS_DATABASE and REDIS_CACHE_DATABASE instead) and writes them into both sections of its template (linuxserver/docker-netbox c710945 root/defaults/configuration.py L28-52). Seen in netbox issue threads (tests/realworld/tuning/t127-…), linuxserver compose files (t171-…) and an env file for an image built from linuxserver's (t191-…)",
    applies: Applies::Always,
};

/// Where a section's connection is: host, port, database, as NetBox reads them. A host or port
/// read from an environment variable is that variable: two sections reading the same variable
/// (a configuration that takes REDIS_HOST for both) name the same place, whatever its value.
#[derive(PartialEq)]
struct Place {
    host: String,
    port: String,
    database: i64,
}

/// A host or port as written: a known value, or `$NAME` for an environment variable read as it
/// is (`os.environ['REDIS_HOST']`).
fn part(value: &Value) -> Option<String> {
    match &value.kind {
        ValueKind::Str(text) => Some(text.to_ascii_lowercase().to_string()),
        ValueKind::Int(n) => Some(n.to_string()),
        ValueKind::Env { var, default: None, conversion: Conversion::Text } => Some(format!("${var}")),
        _ => None,
    }
}

/// The section's place and the value to point at (its DATABASE, else the section), when every
/// part is known and the section names no URL or Sentinels (which choose the place otherwise).
fn place(section: &Value) -> Option<(Place, &Value)> {
    let ValueKind::Dict(pairs) = &section.kind else { return None };
    let mut host = "localhost".to_owned();
    let mut port = "6379".to_owned();
    let mut database = (0, section);
    for (key, value) in pairs {
        match (key.as_str()?, &value.kind) {
            ("HOST", _) => host = part(value)?,
            ("PORT", _) => port = part(value)?,
            ("DATABASE", ValueKind::Int(d)) => database = (*d, value),
            ("DATABASE" | "URL" | "SENTINELS", _) => return None,
            _ => {}
        }
    }
    Some((Place { host, port, database: database.0 }, database.1))
}

pub fn redis_same_database(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    if nb.renders_linuxserver_configuration() {
        linuxserver_databases(|name| nb.linuxserver_variable(name), nb.linuxserver_environment_complete(), "", out);
        return;
    }
    // `REDIS_DB_TASK` and `REDIS_DB_CACHE` are linuxserver's names (netbox-docker's are
    // `REDIS_DATABASE` and `REDIS_CACHE_DATABASE`): an environment that sets both is one for its
    // template, also where the image is built here (`build: .` from linuxserver's, corpus
    // case t191) or not shown, unless netbox-docker's published image runs it or a configuration
    // of one's own is shown (then that file's REDIS is what NetBox reads).
    // An environment that also holds names only netbox-docker reads is netbox-docker's, which
    // reads neither.
    let linuxserver_names = ["REDIS_DB_TASK", "REDIS_DB_CACHE"].iter().all(|name| nb.environment_variable(name).is_some())
        && !NETBOX_DOCKER_ONLY.iter().any(|name| nb.environment_variable(name).is_some());
    if linuxserver_names
        && !nb.shows_python()
        && nb.stock_configuration().is_none_or(|stock| stock.published_image != Some(true))
    {
        // The image is not shown to be linuxserver's (one built here, or none): said as such.
        let unsure = " (if this environment is for linuxserver's image: netbox-docker's reads neither, and takes REDIS_DATABASE and REDIS_CACHE_DATABASE)";
        linuxserver_databases(|name| nb.environment_variable(name), false, unsure, out);
        return;
    }
    let Some(setting) = d.netbox.get("REDIS") else { return };
    let ValueKind::Dict(sections) = &setting.value.kind else { return };
    let section = |name: &str| sections.iter().find(|(k, _)| k.as_str() == Some(name)).map(|(_, v)| v);
    // NetBox 2.7 named the tasks section `webhooks`; 2.8 still read it when `tasks` was absent
    // (settings.py L160-169 at v2.7.0, L185-193 at v2.8.0).
    let tasks = section("tasks").or_else(|| (targets.netbox < Version::new(2, 9, 0)).then(|| section("webhooks")).flatten());
    let (Some(tasks), Some(caching)) = (tasks, section("caching")) else { return };
    let (Some((tasks, _)), Some((cache, at))) = (place(tasks), place(caching)) else { return };
    if tasks != cache {
        return;
    }
    out.push(
        Finding::in_block(
            &REDIS_SAME_DATABASE,
            setting.block,
            at.range.clone(),
            format!(
                "the caching section uses database {} of {}:{}, as the tasks section does (NetBox reads HOST, PORT and DATABASE by their upper-case keys, with the defaults localhost, 6379 and 0; a `$NAME` is the same environment variable in both): NetBox's documentation warns that queued background tasks may be lost when the cache is flushed",
                cache.database,
                cache.host.escape_debug(),
                cache.port
            ),
        )
        .with_help(format!("give the caching section a database of its own (`'DATABASE': {}`)", cache.database.saturating_add(1))),
    );
}

/// Variables netbox-docker reads and linuxserver's image does not (netbox-docker 3.0.2
/// configuration/configuration.py L94, L99, L105, docker/docker-entrypoint.sh L54, L69-70;
/// linuxserver/docker-netbox c710945 init-netbox-config/run L8-32 names none of them).
const NETBOX_DOCKER_ONLY: &[&str] =
    &["REDIS_DATABASE", "REDIS_CACHE_DATABASE", "REDIS_CACHE_HOST", "SKIP_SUPERUSER", "SUPERUSER_API_TOKEN"];

/// linuxserver's image writes both sections on `REDIS_HOST` and `REDIS_PORT`, with
/// `'DATABASE': {{REDIS_DB_TASK}}` (default 0) and `{{REDIS_DB_CACHE}}` (default 1)
/// (linuxserver/docker-netbox c710945 root/defaults/configuration.py L28-52, init-netbox-config
/// L21-22): the same number is the same database.
/// `variable` gives each variable as set last (`None`: unset); `complete` says that an unset one
/// takes the image's default (no env file or merge key not read may set it); `unsure` follows
/// the image's name in the message where the image is not shown.
fn linuxserver_databases<'a>(
    variable: impl Fn(&str) -> Option<&'a crate::parse::netbox::Setting>,
    complete: bool,
    unsure: &str,
    out: &mut Vec<Finding>,
) {
    // An unset variable takes the image's default unless an env file not read may set it.
    let database = |name: &str| {
        let default = crate::parse::env::linuxserver_default(name)?.parse::<i64>().ok()?;
        match variable(name) {
        _ if variable(&format!("FILE__{name}")).is_some() => None,
        Some(var) => match var.value.as_str().map(str::trim) {
            Some("") => Some((default, Some(var))),
            Some(text) => text.parse::<i64>().ok().map(|n| (n, Some(var))),
            None => None,
        },
        None => complete.then_some((default, None)),
        }
    };
    let (Some((tasks, tasks_var)), Some((cache, cache_var))) = (database("REDIS_DB_TASK"), database("REDIS_DB_CACHE")) else {
        return;
    };
    let Some(var) = cache_var.or(tasks_var).filter(|_| tasks == cache) else { return };
    out.push(
        Finding::in_block(
            &REDIS_SAME_DATABASE,
            var.block,
            var.value.range.clone(),
            format!(
                "REDIS_DB_TASK and REDIS_DB_CACHE are linuxserver's image's variables{unsure}: it writes both Redis sections of configuration.py on REDIS_HOST and REDIS_PORT, with REDIS_DB_TASK (default 0) for tasks and REDIS_DB_CACHE (default 1) for the cache: both are database {cache} here, and NetBox's documentation warns that queued background tasks may be lost when the cache is flushed"
            ),
        )
        .with_help(format!("give the cache a database of its own: `REDIS_DB_CACHE={}`", tasks.saturating_add(1))),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // NetBox's example with the cache's database copied from the tasks section
        (
            "netbox/redis-same-database",
            "4.7",
            "REDIS = {\n    'tasks': {'HOST': 'localhost', 'PORT': 6379, 'DATABASE': 0},\n    'caching': {'HOST': 'localhost', 'PORT': 6379, 'DATABASE': 0},\n}\n",
            3,
            "REDIS = {\n    'tasks': {'HOST': 'localhost', 'PORT': 6379, 'DATABASE': 0},\n    'caching': {'HOST': 'localhost', 'PORT': 6379, 'DATABASE': 1},\n}\n",
        ),
        // lower-case keys are never read: both fall back to localhost:6379/0 (a netbox issue
        // thread on 2.8, corpus case t127); on another host the same number is another database
        (
            "netbox/redis-same-database",
            "4.7",
            "REDIS = {\n    'tasks': {'host': 'redis', 'database': 1},\n    'caching': {\n        'DATABASE': 0,\n    },\n}\n",
            4,
            "REDIS = {\n    'tasks': {'HOST': 'redis', 'DATABASE': 0},\n    'caching': {'HOST': 'redis-cache', 'DATABASE': 0},\n}\n",
        ),
        // both sections on the same environment variables, NetBox 2.7's `webhooks` section
        // (a NetBox fork's Azure configuration, corpus)
        (
            "netbox/redis-same-database",
            "2.7",
            "import os\nREDIS = {\n    'webhooks': {'HOST': os.environ['REDIS_HOST'], 'DATABASE': 0},\n    'caching': {'HOST': os.environ['REDIS_HOST'], 'DATABASE': 0},\n}\n",
            4,
            "import os\nREDIS = {\n    'webhooks': {'HOST': os.environ['REDIS_HOST'], 'DATABASE': 0},\n    'caching': {'HOST': os.environ['REDIS_CACHE_HOST'], 'DATABASE': 0},\n}\n",
        ),
        // a value from the environment, a URL, Sentinels: each alone leaves the place unknown
        (
            "netbox/redis-same-database",
            "4.7",
            "REDIS = {'tasks': {}, 'caching': {}}\n",
            1,
            "import os\nREDIS = {'tasks': {}, 'caching': {'DATABASE': int(os.environ['DB'])}}\n",
        ),
        (
            "netbox/redis-same-database",
            "4.7",
            "REDIS = {'tasks': {}, 'caching': {}}\n",
            1,
            "REDIS = {'tasks': {}, 'caching': {'URL': 'redis://localhost:6379/0'}}\n",
        ),
        (
            "netbox/redis-same-database",
            "4.7",
            "REDIS = {'tasks': {}, 'caching': {}}\n",
            1,
            "REDIS = {'tasks': {'SENTINELS': [('kv1', 26379)]}, 'caching': {}}\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::REDIS_SAME_DATABASE, CASES);
    }

    #[test]
    fn the_message_names_the_shared_database() {
        let (message, help) = finding_of(
            "netbox/redis-same-database",
            "REDIS = {'tasks': {'HOST': 'Redis', 'DATABASE': 2}, 'caching': {'HOST': 'redis', 'DATABASE': 2}}\n",
            "4.7",
        );
        assert!(message.contains("database 2 of redis:6379"), "{message}");
        assert_eq!(help, "give the caching section a database of its own (`'DATABASE': 3`)");
    }

    /// linuxserver's image with REDIS_DB_TASK and REDIS_DB_CACHE both 0 (corpus case t171), or
    /// the cache's set to the tasks' default; apart, or a configuration.py of the
    /// administrator's own shown beside it (which the image then leaves alone).
    #[test]
    fn linuxserver_images_task_and_cache_databases() {
        use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};
        let compose = |environment: &str| {
            format!("# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: lscr.io/linuxserver/netbox:4.4.1\n    environment:\n{environment}```\n")
        };
        assert_fires_linted(
            "netbox/redis-same-database",
            &compose("      REDIS_HOST: redis\n      REDIS_DB_TASK: 0\n      REDIS_DB_CACHE: 0\n"),
            7,
        );
        assert_fires_linted("netbox/redis-same-database", &compose("      - REDIS_DB_CACHE=0\n"), 5);
        assert_quiet_linted("netbox/redis-same-database", &compose("      REDIS_DB_TASK: 0\n      REDIS_DB_CACHE: \"\"\n"));
        // The tasks' database moved onto the cache's default; unless an env file may set the cache's.
        assert_fires_linted("netbox/redis-same-database", &compose("      - REDIS_DB_TASK=1\n"), 5);
        assert_quiet_linted(
            "netbox/redis-same-database",
            &compose("      - REDIS_DB_TASK=1\n").replace("    environment:\n", "    env_file: netbox.env\n    environment:\n"),
        );
        assert_quiet_linted("netbox/redis-same-database", &compose("      REDIS_DB_TASK: 2\n      REDIS_DB_CACHE: 3\n"));
        let own = format!(
            "{}\n```python,check=netbox,file=configuration.py\nREDIS = {{}}\n```\n",
            compose("      - REDIS_DB_CACHE=0\n")
        );
        assert_quiet_linted("netbox/redis-same-database", &own);
    }

    /// REDIS_DB_TASK and REDIS_DB_CACHE are linuxserver's names: an env file that sets
    /// both the same, for an image built here (corpus case t191, `build: .` from linuxserver's)
    /// or linted alone. Not for netbox-docker's published image (which reads neither), nor
    /// beside a configuration of one's own, nor with one of them left to a default an env file
    /// not read may change.
    #[test]
    fn linuxserver_variables_in_an_env_file_for_an_image_built_here_or_alone() {
        use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};
        let env = "REDIS_HOST=netbox-cache\nREDIS_DB_TASK=1\nREDIS_DB_CACHE=1\n";
        let project = |service: &str, env: &str| {
            format!("# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n{service}    env_file: netbox.env\n```\n\n```sh,check=env,file=netbox.env\n{env}```\n")
        };
        let built = project("    build: .\n", env);
        assert_fires_linted("netbox/redis-same-database", &built, 10);
        let alone = format!("# t\n\n```sh,check=env,file=netbox.env\n{env}```\n");
        assert_fires_linted("netbox/redis-same-database", &alone, 3);
        let message = &crate::rules::testing::linted("netbox/redis-same-database", &alone)[0].1;
        assert!(message.contains("(if this environment is for linuxserver's image: netbox-docker's reads neither"), "{message}");
        // A variable given through a file (`FILE__…`) is not known here.
        let from_file = format!("# t\n\n```sh,check=env,file=netbox.env\n{env}FILE__REDIS_DB_CACHE=/run/secrets/db\n```\n");
        assert_quiet_linted("netbox/redis-same-database", &from_file);
        assert_quiet_linted("netbox/redis-same-database", &project("    image: netboxcommunity/netbox:v4.4-3.4.1\n", env));
        assert_quiet_linted("netbox/redis-same-database", &project("    build: .\n", "REDIS_DB_TASK=0\nREDIS_DB_CACHE=1\n"));
        assert_quiet_linted("netbox/redis-same-database", &project("    build: .\n", "REDIS_DB_CACHE=0\n"));
        // Beside names only netbox-docker reads, the file is netbox-docker's.
        let docker = "# t\n\n```sh,check=env,file=netbox.env\nREDIS_CACHE_HOST=redis-cache\nREDIS_DB_TASK=0\nREDIS_DB_CACHE=0\n```\n";
        assert_quiet_linted("netbox/redis-same-database", docker);
        let own = format!("{alone}\n```python,check=netbox,file=configuration.py\nREDIS = {{}}\n```\n");
        assert_quiet_linted("netbox/redis-same-database", &own);
    }
}
