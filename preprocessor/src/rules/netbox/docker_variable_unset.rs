//! `netbox/docker-variable-unset`: netbox-docker's configuration as shipped, run by a compose
//! file whose environment (all shown) lacks a variable NetBox cannot start without:
//! `SECRET_KEY`, or `DB_HOST` / `REDIS_HOST`, which then name the NetBox container itself.
//!
//! ## What it does
//! Applies when a compose file runs netbox-docker's published image with its configuration as
//! shipped (no configuration mounted, no Python file shown), `lint` read every environment file
//! the service names, and the environment configures the database (`DB_NAME`, `DB_USER`,
//! `DB_PASSWORD`, `DB_PORT`, or the postgres image's `POSTGRES_*`), or holds no variable
//! netbox-docker reads at all (`TZ` alone): it is the service's own, not an excerpt of the
//! sign-on's variables. Reports, once each: `SECRET_KEY` set nowhere (and no Docker secret
//! given to the service), and each of `DB_HOST` and `REDIS_HOST` set nowhere when the service is
//! in Compose's network (no `network_mode:`, under which `localhost` may be the database's host).
//!
//! ## Why is this bad?
//! netbox-docker's configuration.py takes every one of these from the environment with a
//! default (3.0.2 configuration/configuration.py): `SECRET_KEY` '' (after the secret file
//! `/run/secrets/secret_key`), which NetBox refuses (settings.py L241-244, 4.6.8:
//! ImproperlyConfigured, shorter than 50 characters); `DB_HOST` and `REDIS_HOST` 'localhost',
//! which inside the container is the container itself, where neither PostgreSQL nor Redis runs.
//!
//! ## Example
//! An env file with `POSTGRES_DB`, `POSTGRES_USER`, `POSTGRES_PASSWORD` only (the postgres
//! image's names).
//!
//! Use instead: netbox-docker's names, `DB_HOST=postgres`, `DB_USER`, `DB_PASSWORD`,
//! `REDIS_HOST=redis`, and a `SECRET_KEY` of 50 characters or more.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A variable netbox-docker's configuration needs, set nowhere.
pub const DOCKER_VARIABLE_UNSET: Rule = Rule {
    id: "netbox/docker-variable-unset",
    severity: Severity::Error,
    summary: "netbox-docker's configuration as shipped, with the service's whole environment shown, and `SECRET_KEY` (no Docker secret either), `DB_HOST` or `REDIS_HOST` set nowhere: NetBox refuses an empty key, and 'localhost' names the NetBox container itself",
    help: "set the variables netbox-docker reads in the env file the service names: `SECRET_KEY` (50 characters or more), `DB_HOST=postgres`, `DB_USER`, `DB_PASSWORD`, `REDIS_HOST=redis` (the services' names), as netbox-docker's env/netbox.env does",
    fact: "netbox-docker 3.0.2 configuration/configuration.py: `SECRET_KEY = _read_secret('secret_key', environ.get('SECRET_KEY', ''))` (L115), DATABASE HOST `environ.get('DB_HOST', 'localhost')` (L72), REDIS tasks HOST `environ.get('REDIS_HOST', 'localhost')` (L87), caching HOST REDIS_CACHE_HOST else REDIS_HOST (L99); NetBox 4.6.8 netbox/netbox/settings.py L238-244 (ImproperlyConfigured when SECRET_KEY is shorter than 50 characters; from 3.5.0, and an empty key was refused before); Compose's env_file and environment are the container's whole environment. netbox-docker read up to 3.0.2 (27bf52c, the newest the mirror here holds); later images are taken to keep these defaults. Redis is required from NetBox 2.6.0 (v2.6.0 settings.py L43 lists REDIS among the required parameters; v2.5.0 L69 `getattr(configuration, 'REDIS', {})`, used for webhooks only), so REDIS_HOST is judged from 2.6.0. Seen in tests/realworld/tuning/t159-… (an env file with the postgres image's names only) and t183-… (an inline environment of `TZ` alone, with the image's `latest`); an inline environment with only the sign-on's variables may be an excerpt, its key and database elsewhere (t160-…)",
    applies: Applies::Always,
};

/// The variables netbox-docker reads, in any of its releases in the mirror (every tag to 27bf52c):
/// its configuration.py, ldap_config.py, startup scripts and docker/*.sh (`environ.get('…')`,
/// `environ['…']`, `_environ_get_and_map('…')`, `$NAME`; the scripts' own counters left out),
/// apart from the families of [`READ_PREFIXES`].
const READ_BY_NETBOX_DOCKER: &[&str] = &[
    "ALLOWED_HOSTS", "ALLOWED_URL_SCHEMES", "BANNER_BOTTOM", "BANNER_LOGIN", "BANNER_TOP", "BASE_PATH",
    "CACHE_TIMEOUT", "CENSUS_REPORTING_ENABLED", "CHANGELOG_RETENTION", "CORS_ORIGIN_ALLOW_ALL",
    "CORS_ORIGIN_REGEX_WHITELIST", "CORS_ORIGIN_WHITELIST", "CSRF_COOKIE_NAME", "CSRF_TRUSTED_ORIGINS",
    "DATETIME_FORMAT", "DATE_FORMAT", "DEBUG", "DEVELOPER", "ENFORCE_GLOBAL_UNIQUE",
    "EXEMPT_VIEW_PERMISSIONS", "GRAPHQL_ENABLED", "HOUSEKEEPING_INTERVAL", "HTTPS_PROXY", "HTTP_PROXY",
    "INTERNAL_IPS", "JOBRESULT_RETENTION", "JOB_RETENTION", "LOGIN_PERSISTENCE", "LOGIN_REQUIRED",
    "LOGIN_TIMEOUT", "MAINTENANCE_MODE", "MAPS_URL", "MAX_DB_WAIT_TIME", "MAX_PAGE_SIZE", "MEDIA_ROOT",
    "METRICS_ENABLED", "NAPALM_PASSWORD", "NAPALM_TIMEOUT", "NAPALM_USERNAME", "PAGINATE_COUNT",
    "POWERFEED_DEFAULT_AMPERAGE", "POWERFEED_DEFAULT_MAX_UTILIZATION", "POWERFEED_DEFAULT_VOLTAGE",
    "PREFER_IPV4", "RACK_ELEVATION_DEFAULT_UNIT_HEIGHT", "RACK_ELEVATION_DEFAULT_UNIT_WIDTH",
    "RELEASE_CHECK_TIMEOUT", "RELEASE_CHECK_URL", "REPORTS_ROOT", "RQ_DEFAULT_TIMEOUT", "SCRIPTS_ROOT",
    "SECRET_KEY", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SECURE_HSTS_SECONDS",
    "SECURE_SSL_REDIRECT", "SESSIONS_ROOT", "SESSION_COOKIE_NAME", "SESSION_FILE_PATH",
    "SHORT_DATETIME_FORMAT", "SHORT_DATE_FORMAT", "SHORT_TIME_FORMAT", "SKIP_STARTUP_SCRIPTS",
    "SKIP_SUPERUSER", "TIME_FORMAT", "TIME_ZONE", "UNIT_CONFIG", "UNIT_SOCKET", "WEBHOOKS_ENABLED",
];

/// Prefixes of the variable families netbox-docker reads (database, Redis, e-mail, superuser,
/// LDAP, header authentication; single sign-on from its pull requests #1475 and #1626).
const READ_PREFIXES: &[&str] =
    &["DB_", "REDIS_", "EMAIL_", "SUPERUSER_", "AUTH_LDAP_", "LDAP_", "REMOTE_AUTH_", "SOCIAL_AUTH_", "API_TOKEN_PEPPER"];

/// Whether netbox-docker reads a variable.
fn read_by_netbox_docker(name: &str) -> bool {
    READ_BY_NETBOX_DOCKER.contains(&name) || READ_PREFIXES.iter().any(|prefix| name.starts_with(prefix))
}

/// Variables that configure the database, netbox-docker's or the postgres image's.
const DATABASE_VARIABLES: &[&str] =
    &["DB_NAME", "DB_USER", "DB_PASSWORD", "DB_PORT", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD"];

pub fn docker_variable_unset(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(stock) = nb.stock_configuration_with_environment() else { return };
    if nb.some_file_may_set_unseen_names() {
        return;
    }
    // The first variable of the environment: its file is where the key's finding goes (the file
    // the service reads).
    let Some(first) = nb.environment().next() else { return };
    let set = |name: &str| nb.environment_variable(name).is_some();
    // An environment that configures the database is the service's own, whole: one that shows
    // only the sign-on's variables may be an excerpt (a stack pasted into an issue, corpus case
    // t160), whose key and hosts are elsewhere. The database's first variable is where the
    // hosts' finding goes (the names it uses there).
    // An environment of nothing netbox-docker reads (`TZ` alone) is no excerpt of its
    // variables: the image runs on its defaults alone. The hosts' finding is then at its first
    // variable too.
    let (database, shown) = match nb.environment().find(|var| DATABASE_VARIABLES.contains(&var.name.as_str())) {
        Some(database) => (database, "configures the database"),
        None if !nb.environment().any(|var| read_by_netbox_docker(&var.name)) => {
            (first, "holds no variable netbox-docker reads")
        }
        None => return,
    };
    if !set("SECRET_KEY") && !stock.secrets {
        // Set nowhere: said at the top of the env file (apart from the hosts' finding on the
        // database's first variable), or at the first variable of an inline `environment:`.
        let place = if nb.is_compose_block(first.block) { first.name_range.clone() } else { 0..0 };
        out.push(Finding::in_block(
            &DOCKER_VARIABLE_UNSET,
            first.block,
            place,
            "netbox-docker's configuration takes SECRET_KEY from the environment, and neither this environment nor a Docker secret sets it: the key is '' and NetBox refuses to start (SECRET_KEY must be at least 50 characters)",
        ));
    }
    if stock.network_mode {
        return;
    }
    // One finding for each: the database and Redis are two services to name, two fixes.
    for (name, what) in [("DB_HOST", "the database"), ("REDIS_HOST", "Redis")] {
        // With Sentinels, NetBox asks them for the tasks' Redis and not its HOST (netbox-docker
        // 3.0.2 configuration/configuration.py L89 `REDIS_SENTINELS`; NetBox 4.1.0 settings.py
        // L287-291); the cache's own host is then not judged either: quiet, not guessed.
        if set(name) || (name == "REDIS_HOST" && set("REDIS_SENTINELS")) {
            continue;
        }
        // NetBox needs Redis from 2.6.0 (settings.py: REDIS among the required parameters; in
        // 2.5 `getattr(configuration, 'REDIS', {})`, for webhooks only): an older image, such as
        // netbox-docker's under its earlier names, starts without it.
        if name == "REDIS_HOST" && targets.netbox < crate::version::Version::new(2, 6, 0) {
            continue;
        }
        out.push(Finding::in_block(
            &DOCKER_VARIABLE_UNSET,
            database.block,
            database.name_range.clone(),
            format!(
                "netbox-docker's configuration takes `{name}` from the environment, and this environment, which {shown}, does not set it: NetBox looks for {what} on 'localhost', which in its container is the container itself, and cannot start"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, fired_linted_lines};

    const KEY: &str = "SECRET_KEY=0123456789012345678901234567890123456789012345678901\n";

    /// A compose file running netbox-docker's image on the env file that follows it.
    fn chapter(service: &str, env: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.1\n    env_file: netbox.env\n{service}```\n\n```sh,check=env,file=netbox.env\n{env}```\n"
        )
    }

    /// The postgres image's names only (corpus case t159): no key, no hosts. The env file's first
    /// line is line 8 of the lines counted from the first fence.
    #[test]
    fn an_environment_without_netbox_dockers_variables() {
        let postgres = chapter("", "POSTGRES_DB=netbox\nPOSTGRES_USER=netbox\nPOSTGRES_PASSWORD=x\n");
        assert_fires_linted("netbox/docker-variable-unset", &postgres, 8);
        assert_eq!(fired_linted_lines("netbox/docker-variable-unset", &postgres).len(), 3);
        // The key's finding at the top of the file, each host's on the database's first variable.
        let later = chapter("", "TZ=UTC\nPOSTGRES_DB=netbox\n");
        assert_eq!(fired_linted_lines("netbox/docker-variable-unset", &later), vec![8, 9, 9]);
        // Redis's host set, the database's not: one finding for the database.
        let redis_set = chapter("", &format!("{KEY}POSTGRES_DB=netbox\nREDIS_HOST=redis\n"));
        let messages: Vec<String> = crate::rules::testing::linted("netbox/docker-variable-unset", &redis_set).into_iter().map(|(_, m)| m).collect();
        assert!(messages.len() == 1 && messages[0].contains("`DB_HOST`") && messages[0].contains("for the database"), "{messages:?}");
        assert_quiet_linted("netbox/docker-variable-unset", &chapter("", &format!("{KEY}DB_HOST=postgres\nREDIS_HOST=redis\n")));
        // No Redis before NetBox 2.6 (t232: netbox-docker's image under its 2016 name, whose
        // `latest` is NetBox 1.x, the release `lint` then judges for): the database's host alone.
        let no_redis = chapter("", &format!("{KEY}DB_HOST=postgres\nDB_NAME=netbox\n"));
        let on = |netbox: &str| {
            let mut settings = crate::config::Settings::default();
            settings.targets.netbox = netbox.parse().unwrap();
            crate::rules::testing::linted_for("netbox/docker-variable-unset", &no_redis, &settings).len()
        };
        assert_eq!((on("1.9"), on("2.5"), on("2.6"), on("4.7")), (0, 0, 1, 1));
        // An inline `environment:`: the key's finding on its first variable, not on the compose
        // file's first line.
        let inline = "# t\n\n```yaml,check=compose,file=docker-compose.yml\n# my stack\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.1\n    environment:\n      TZ: UTC\n      DB_NAME: netbox\n```\n";
        assert_eq!(fired_linted_lines("netbox/docker-variable-unset", inline), vec![6, 7, 7]);
        // `TZ` alone (corpus case t183): the image runs on its defaults, all three findings at `TZ`.
        let alone = inline.replace("      DB_NAME: netbox\n", "");
        assert_eq!(fired_linted_lines("netbox/docker-variable-unset", &alone), vec![6, 6, 6]);
        // Redis through Sentinels: its host is not read.
        let sentinels = inline.replace("      DB_NAME: netbox\n", "      DB_NAME: netbox\n      REDIS_SENTINELS: sentinel:26379\n");
        assert_eq!(fired_linted_lines("netbox/docker-variable-unset", &sentinels), vec![6, 7]);
        // An excerpt: `depends_on:` names services no file defines (corpus case t193).
        let excerpt = inline.replace("    environment:\n", "    depends_on: [postgres, redis]\n    environment:\n");
        assert_quiet_linted("netbox/docker-variable-unset", &excerpt);
        // One variable netbox-docker reads, and no database: maybe an excerpt, not judged.
        // (`BASE_PATH` and `NAPALM_USERNAME` are read by netbox-docker before 3.0 only.)
        for excerpt in [
            "      REMOTE_AUTH_ENABLED: 'true'\n",
            "      SOCIAL_AUTH_OIDC_KEY: netbox\n",
            "      LOGIN_REQUIRED: 'true'\n",
            "      BASE_PATH: netbox/\n",
            "      NAPALM_USERNAME: netbox\n",
        ] {
            assert_quiet_linted("netbox/docker-variable-unset", &inline.replace("      DB_NAME: netbox\n", excerpt));
        }
    }

    /// A secret, another network namespace, a configuration of one's own, or a book (whose env
    /// files may be shown in part): not known.
    #[test]
    fn what_may_set_them_elsewhere() {
        use crate::rules::netbox::testing::assert_quiet_in_chapter;
        let hosts = "DB_HOST=postgres\nREDIS_HOST=redis\n";
        assert_quiet_linted("netbox/docker-variable-unset", &chapter("    secrets:\n      - secret_key\n", &format!("{hosts}DB_USER=netbox\n")));
        assert_quiet_linted("netbox/docker-variable-unset", &chapter("    network_mode: host\n", &format!("{KEY}DB_USER=netbox\n")));
        assert_quiet_linted(
            "netbox/docker-variable-unset",
            &chapter("    volumes:\n      - ./configuration:/etc/netbox/config:z,ro\n", "POSTGRES_DB=netbox\n"),
        );
        assert_quiet_in_chapter("netbox/docker-variable-unset", &chapter("", "POSTGRES_DB=netbox\n"));
        // The sign-on's variables alone: an excerpt, perhaps.
        assert_quiet_linted("netbox/docker-variable-unset", &chapter("", "REMOTE_AUTH_BACKEND=netbox.authentication.LDAPBackend\n"));
    }
}
