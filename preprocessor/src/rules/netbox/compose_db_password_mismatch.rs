//! `netbox/compose-db-password-mismatch`: NetBox's database password is not the one its
//! Compose project's PostgreSQL is initialised with.
//!
//! ## What it does
//! In a whole Compose project whose `netbox` service runs netbox-docker's published image (its
//! configuration.py reads the database from `DB_*`), takes the host NetBox connects to
//! (`DB_HOST`) and, where exactly one service answers to it and runs the postgres image
//! (docker-library's, or PostGIS's built on it), compares the password NetBox sends
//! (`DB_PASSWORD`) with the one that service's environment gives the image
//! (`POSTGRES_PASSWORD`, in its `env_file:` files or `environment:`), when NetBox signs in as
//! the superuser that password is for (`DB_USER` is `POSTGRES_USER`, by default `postgres`).
//! Both must be literal values. Not judged: a value from the shell; a Docker secret
//! (netbox-docker reads `/run/secrets/db_password` first; the image's `POSTGRES_PASSWORD_FILE`);
//! `POSTGRES_HOST_AUTH_METHOD`; scripts of one's own under `/docker-entrypoint-initdb.d` (a
//! volume's, a config's or a secret's target: they may make NetBox's role); a PostgreSQL built
//! here, with an entrypoint of its own, or told to read another `pg_hba.conf` or configuration
//! (`-c hba_file=…`); a `DB_PORT` other than 5432 (a pooler may answer there); a merge key,
//! `extends:` or an `env_file:` path Compose interpolates; a name that may resolve beyond the
//! project (`extra_hosts:`, `links:`, `network_mode:`, external networks); a configuration
//! directory mounted and not read (an add-on may set `DATABASE`), or a Python file of one's own
//! whose `DATABASE` does not read `DB_HOST` and `DB_PASSWORD`; a service shown in more than one
//! compose file; an empty `POSTGRES_PASSWORD` (`compose-postgres-password-empty`'s: the image
//! then refuses to start at all). Neither value is printed. A warning: whether the data volume is new, the files
//! do not show.
//!
//! ## Why is this bad?
//! On a first start, with an empty data volume, the postgres image creates its superuser with
//! `POSTGRES_PASSWORD` and requires a password from every other container (`host all all all
//! scram-sha-256`). NetBox's login is then refused (`password authentication failed`), and
//! NetBox, its migrations and its worker do not start. netbox-docker keeps the two passwords in
//! two files, `env/netbox.env` and `env/postgres.env`: changing one is a common slip. (On a
//! volume initialised earlier the database keeps the password it was first given, whatever
//! either file now says.)
//!
//! ## Example
//! `env/netbox.env` with `DB_PASSWORD=Ch4nged-0nly-here` beside an `env/postgres.env` that still
//! says `POSTGRES_PASSWORD=J5brHrAXFLQSif0K`.
//!
//! Use instead: the same value in both (better: one secret both read).

use crate::finding::{Finding, Rule, Severity};
use super::shared::{comparable_project, only_service_answering};
use crate::parse::compose::image_repository_and_tag;
use crate::parse::netbox::{ServiceVariable, Setting, ShownService, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// NetBox's `DB_PASSWORD` is not its PostgreSQL service's `POSTGRES_PASSWORD`.
pub const COMPOSE_DB_PASSWORD_MISMATCH: Rule = Rule {
    id: "netbox/compose-db-password-mismatch",
    // A warning, not an error: the files cannot show whether the data volume is new. On one
    // initialised earlier, the database keeps the password it was given then (an administrator
    // may have changed it there and in `DB_PASSWORD` both), and NetBox works.
    severity: Severity::Warning,
    summary: "In a whole Compose project, the password NetBox sends its database (`DB_PASSWORD`) is not the `POSTGRES_PASSWORD` the PostgreSQL service it connects to is initialised with: on a first start PostgreSQL refuses NetBox's login",
    help: "give `DB_PASSWORD` and the PostgreSQL service's `POSTGRES_PASSWORD` the same value (netbox-docker: `env/netbox.env` and `env/postgres.env`); where the data volume already exists, the database keeps the password it was first given (change it there with `ALTER ROLE … PASSWORD`)",
    fact: "docker-library/postgres 6edb0a8 17/alpine3.22/docker-entrypoint.sh: L92 (initdb creates POSTGRES_USER with POSTGRES_PASSWORD as its password, only on an empty data directory, L340-343), L261-280 (pg_hba.conf: `host all all all` with POSTGRES_HOST_AUTH_METHOD, by default the server's password_encryption, scram-sha-256 from PostgreSQL 14), L9-27 (file_env: POSTGRES_PASSWORD_FILE). netbox-docker 3.0.2 configuration/configuration.py L68-73 (DATABASE from DB_NAME, DB_USER, DB_PASSWORD through _read_secret('db_password', …), DB_HOST), L20-31 (_read_secret reads /run/secrets/<name> first); its docker-compose.yml gives `netbox` env/netbox.env and `postgres` env/postgres.env. compose-go e70e961 types/project.go L748-776 (a service's env_file: files, then its environment:, which wins). Seen in a public netbox-docker deployment of trial 6 (tests/realworld/README.md, round eleven)",
    applies: Applies::Always,
};

/// NetBox's connection to the PostgreSQL service of its Compose project, where the files show
/// both ends (see the rule's documentation for what is not judged): NetBox's `DB_PASSWORD`, its
/// literal value, `DB_USER`, and the one docker-library PostgreSQL service `DB_HOST` names.
pub(super) struct DatabaseService<'a> {
    pub sent: &'a Setting,
    pub password: &'a str,
    pub user: &'a str,
    pub service: &'a ShownService,
}

pub(super) fn database_service<'a>(d: &'a Input<'_>) -> Option<DatabaseService<'a>> {
    let nb = &d.netbox;
    let services = comparable_project(nb)?;
    // A configuration of one's own that sets the connection itself reads the variables only
    // where its `DATABASE` says so (a netbox-docker checkout's configuration.py of any era:
    // `'PASSWORD': os.environ.get('DB_PASSWORD', …)`).
    let own = |name: &str| nb.get(name).filter(|setting| !nb.is_netbox_docker_own(setting) && !nb.is_from_environment(setting));
    if own("DATABASES").is_some() {
        return None;
    }
    if let Some(database) = own("DATABASE") {
        let ValueKind::Dict(items) = &database.value.kind else { return None };
        let reads = |key: &str, variable: &str| {
            items.iter().any(|(k, v)| {
                k.as_str() == Some(key) && matches!(&v.kind, ValueKind::Env { var, .. } if var == variable)
            })
        };
        if !reads("HOST", "DB_HOST") || !reads("PASSWORD", "DB_PASSWORD") {
            return None;
        }
    }
    let host = nb.environment_variable("DB_HOST").and_then(|s| s.value.as_str()).map(str::trim)?;
    let sent = nb.environment_variable("DB_PASSWORD")?;
    let password = sent.value.as_str().filter(|p| !p.contains('$'))?;
    let user = nb.environment_variable("DB_USER").and_then(|s| s.value.as_str())?;
    // Another port than PostgreSQL's: a pooler may answer there (pgbouncer sharing the
    // service's network), with passwords of its own.
    if nb.environment_variable("DB_PORT").is_some_and(|port| port.value.as_str().is_none_or(|p| !matches!(p.trim(), "" | "5432"))) {
        return None;
    }
    // The one service that answers to that name, shown once (in one compose file), running the
    // postgres image (docker-library's, or PostGIS's built on it), with no scripts of its own
    // at initialisation (they may create NetBox's role with another password).
    let service = only_service_answering(services, host)?;
    // As Compose interpolates it (`${NETBOX_DB_IMAGE:-postgres:17-alpine}` with the `.env`).
    let docker_library = service.image_interpolated.as_ref().is_some_and(|image| {
        let (repository, _) = image_repository_and_tag(image);
        matches!(repository.rsplit('/').next(), Some("postgres" | "postgis"))
    });
    // Its own start: scripts at initialisation (they may create NetBox's role with another
    // password), a built image or an entrypoint of its own, or a server told to read another
    // `pg_hba.conf` or configuration (`-c hba_file=…`), where the entrypoint's line for other
    // containers is not read.
    let other_configuration = service
        .command
        .as_ref()
        .is_some_and(|(command, _)| command.contains("hba_file") || command.contains("config_file"));
    if !docker_library || service.initdb_scripts || service.own_start || other_configuration {
        return None;
    }
    Some(DatabaseService { sent, password, user, service })
}

pub fn compose_db_password_mismatch(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(DatabaseService { sent, password, user, service }) = database_service(d) else { return };
    // The password is the superuser's (`POSTGRES_USER`): another role NetBox signs in as is
    // made elsewhere, with its own password.
    if service.postgres_user().is_none_or(|superuser| superuser != user) {
        return;
    }
    let ServiceVariable::Set { value, at, .. } = &service.postgres_password() else { return };
    // An empty one stops the image before any login: compose-postgres-password-empty's.
    if value == password || value.is_empty() {
        return;
    }
    let name = service.name.escape_debug();
    out.push(Finding::in_block(
        &COMPOSE_DB_PASSWORD_MISMATCH,
        sent.block,
        sent.value.range.clone(),
        format!(
            "NetBox connects to its database on `{name}` with this password, but the `{name}` service initialises PostgreSQL with another `POSTGRES_PASSWORD` ({}): on a first start, with an empty data volume, PostgreSQL refuses NetBox's login (`password authentication failed`) and NetBox does not start",
            at.escape_debug()
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, linted};

    const RULE: &str = "netbox/compose-db-password-mismatch";

    /// A netbox-docker project with NetBox's and PostgreSQL's environments inline (NetBox's
    /// password on line 7, PostgreSQL's on line 12).
    fn project(netbox: &str, postgres: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n    environment:\n      DB_HOST: postgres\n      DB_USER: netbox\n{netbox}  postgres:\n    image: postgres:17-alpine\n    environment:\n      POSTGRES_USER: netbox\n{postgres}  redis:\n    image: valkey/valkey:8.1-alpine\n```\n"
        )
    }

    const CHANGED: &str = "      DB_PASSWORD: Ch4nged-0nly-here\n";
    const INITIAL: &str = "      POSTGRES_PASSWORD: J5brHrAXFLQSif0K\n";

    #[test]
    fn compose_db_password_mismatch() {
        let changed = project(CHANGED, INITIAL);
        assert_fires_linted("netbox/compose-db-password-mismatch", &changed, 7);
        let (_, message) = &linted(RULE, &changed)[0];
        // Where the other password is (file and line), never either value.
        assert!(message.contains("(docker-compose.yml line 12)") && !message.contains("J5br") && !message.contains("Ch4n"), "{message}");
        // The same password: nothing.
        assert_quiet_linted("netbox/compose-db-password-mismatch", &project("      DB_PASSWORD: J5brHrAXFLQSif0K\n", INITIAL));
        // Unknown on either side: from the shell, a secret's file, trust.
        assert_quiet_linted(RULE, &project("      DB_PASSWORD: ${DB_PASSWORD}\n", INITIAL));
        assert_quiet_linted(RULE, &project(CHANGED, "      POSTGRES_PASSWORD: J5brHrAXFLQSif0K\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n"));
        assert_quiet_linted(RULE, &project(CHANGED, "      POSTGRES_PASSWORD: J5brHrAXFLQSif0K\n      POSTGRES_HOST_AUTH_METHOD: trust\n"));
        // An env file not read (a book shows none), or one whose path Compose interpolates.
        assert_quiet_linted(RULE, &changed.replace("    environment:\n      POSTGRES_USER", "    env_file: env/postgres.env\n    environment:\n      POSTGRES_USER"));
        // NetBox connects elsewhere: another service's password is not its.
        assert_quiet_linted(RULE, &changed.replace("DB_HOST: postgres", "DB_HOST: db.example.com"));
        // netbox-docker reads its secret first.
        assert_quiet_linted(RULE, &changed.replace("    environment:\n      DB_HOST", "    secrets: [db_password]\n    environment:\n      DB_HOST"));
    }

    /// The second review's shapes, each of a working deployment: a configuration directory
    /// mounted and not read (an add-on may set `DATABASE`), a server reading another
    /// `pg_hba.conf`, scripts at initialisation put there by a config or a secret, a PostgreSQL
    /// built here or with its own entrypoint, a pooler on another port.
    #[test]
    fn quiet_where_what_runs_is_not_shown() {
        let changed = project(CHANGED, INITIAL);
        let netbox_key = |key: &str| changed.replace("    environment:
      DB_HOST", &format!("{key}    environment:
      DB_HOST"));
        assert_quiet_linted(RULE, &netbox_key("    volumes:
      - ./configuration:/etc/netbox/config:z,ro
"));
        let postgres_key = |key: &str| changed.replace("    image: postgres:17-alpine
", &format!("    image: postgres:17-alpine
{key}"));
        for key in [
            "    command: postgres -c hba_file=/etc/postgresql/pg_hba.conf
",
            "    configs:
      - source: initsql
        target: /docker-entrypoint-initdb.d/10-netbox.sql
",
            "    secrets:
      - source: initsql
        target: /docker-entrypoint-initdb.d/10-netbox.sql
",
            "    build: ./postgres
",
            "    entrypoint: /usr/local/bin/own-entrypoint.sh
",
        ] {
            assert_quiet_linted(RULE, &postgres_key(key));
        }
        assert_quiet_linted(RULE, &project(&format!("{CHANGED}      DB_PORT: \"6432\"\n"), INITIAL));
        // What still runs the image's own start: a setting of the server's, a secret at its
        // usual place, PostgreSQL's own port.
        assert_fires_linted("netbox/compose-db-password-mismatch", &postgres_key("    command: postgres -c max_connections=200
"), 7);
        assert_fires_linted(RULE, &postgres_key("    secrets: [other]
"), 7);
        assert_fires_linted(RULE, &project(&format!("{CHANGED}      DB_PORT: \"5432\"\n"), INITIAL), 7);
    }

    /// A review's shapes, each where the two passwords may well agree.
    #[test]
    fn quiet_where_the_password_compared_may_not_be_the_one_checked() {
        // NetBox signs in as another role than the superuser the password is for (made by an
        // initialisation script); the superuser by default is `postgres`.
        assert_quiet_linted(RULE, &project(CHANGED, INITIAL).replace("      DB_USER: netbox", "      DB_USER: netbox_app"));
        assert_quiet_linted(RULE, &project(CHANGED, INITIAL).replace("      POSTGRES_USER: netbox\n", ""));
        // Scripts of its own at initialisation.
        let initdb = project(CHANGED, INITIAL).replace("    image: postgres:17-alpine\n", "    image: postgres:17-alpine\n    volumes:\n      - ./initdb:/docker-entrypoint-initdb.d:ro\n");
        assert_quiet_linted(RULE, &initdb);
        // A merge key inside `environment:` may set the password.
        let anchored = |postgres: &str| project(CHANGED, postgres).replace("services:\n", "x-pg: &pg\n  POSTGRES_DB: netbox\nservices:\n");
        assert_fires_linted("netbox/compose-db-password-mismatch", &anchored(INITIAL), 9);
        assert_quiet_linted(RULE, &anchored("      <<: *pg\n      POSTGRES_PASSWORD: J5brHrAXFLQSif0K\n"));
        // A service's keys from a merge key the loader resolved (`<<: [*common, *netbox]`, as
        // Swarm stacks write them) are seen; one it could not resolve may hold anything.
        let merged = project(CHANGED, INITIAL)
            .replace("  postgres:\n    image: postgres:17-alpine\n    environment:\n      POSTGRES_USER: netbox\n      POSTGRES_PASSWORD: J5brHrAXFLQSif0K\n", "  postgres:\n    <<: [*common, *pg]\n")
            .replace("services:\n", "x-common: &common\n  restart: always\nx-pg: &pg\n  image: postgres:17-alpine\n  environment:\n    POSTGRES_USER: netbox\n    POSTGRES_PASSWORD: J5brHrAXFLQSif0K\nservices:\n");
        assert_fires_linted(RULE, &merged, 14);
        let scalar = merged.replace("[*common, *pg]", "[*common, *pg, *s]").replace("x-common:", "x-s: &s foo\nx-common:");
        assert_quiet_linted(RULE, &scalar);
        assert!(crate::rules::testing::linted("configcheck/syntax-error", &scalar).is_empty());
        // The name may resolve elsewhere: `extra_hosts:`, the host's network, a link.
        for netbox_key in ["    extra_hosts: [\"postgres:10.0.0.5\"]\n", "    network_mode: host\n", "    links: [\"pg2:postgres\"]\n"] {
            let beyond = project(CHANGED, INITIAL).replace("    environment:\n      DB_HOST", &format!("{netbox_key}    environment:\n      DB_HOST"));
            assert_quiet_linted(RULE, &beyond);
        }
        // Another service answers to the name too (a network alias).
        let alias = project(CHANGED, INITIAL).replace(
            "  redis:\n",
            "  pg2:\n    image: postgres:17-alpine\n    networks:\n      default:\n        aliases: [postgres]\n  redis:\n",
        );
        assert_quiet_linted(RULE, &alias);
        // Bitnami's image, whose POSTGRESQL_PASSWORD wins.
        assert_quiet_linted(RULE, &project(CHANGED, INITIAL).replace("image: postgres:17-alpine", "image: bitnami/postgresql:16"));
        assert_quiet_linted(RULE, &project(CHANGED, "      POSTGRES_PASSWORD: J5brHrAXFLQSif0K\n      POSTGRESQL_PASSWORD: Ch4nged-0nly-here\n"));
    }

    /// A value from the project's `.env` is named at its line there, where a secret's name
    /// masks it; one a plainly named variable holds, at the compose line that names the secret.
    #[test]
    fn a_password_from_the_projects_env_is_named_at_its_line() {
        let with_env = |env_line: &str, reference: &str| {
            format!(
                "{}\n```sh,check=env,file=.env\n{env_line}\n```\n",
                project(CHANGED, &format!("      POSTGRES_PASSWORD: ${{{reference}}}\n"))
            )
        };
        let found = linted(RULE, &with_env("PG_PASSWORD=J5brHrAXFLQSif0K", "PG_PASSWORD"));
        assert!(found.len() == 1 && found[0].1.contains("(.env line 1)"), "{found:?}");
        let found = linted(RULE, &with_env("PG_CODE=J5brHrAXFLQSif0K", "PG_CODE"));
        assert!(found.len() == 1 && !found[0].1.contains(".env line"), "{found:?}");
    }
}
