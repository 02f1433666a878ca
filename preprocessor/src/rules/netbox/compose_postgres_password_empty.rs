//! `netbox/compose-postgres-password-empty`: the PostgreSQL service NetBox connects to is given
//! an empty `POSTGRES_PASSWORD`, which the postgres image refuses to initialise with.
//!
//! ## What it does
//! Where `netbox/compose-db-password-mismatch` can compare the two ends (a whole Compose project,
//! netbox-docker's image, the one docker-library PostgreSQL service `DB_HOST` names, both values
//! literal; see that rule for what is not judged), reports NetBox's `DB_PASSWORD` when the
//! service's `POSTGRES_PASSWORD` is empty (set to nothing, or interpolated from a `.env` that
//! sets it to nothing) and neither `POSTGRES_HOST_AUTH_METHOD` nor `POSTGRES_PASSWORD_FILE` is
//! given, where the image is docker-library's `postgres` (or `postgis/postgis`) of a release from
//! 2020-02-13 on, or a line's floating tag (the entrypoint before then warned and let every
//! connection in). The
//! finding goes where the empty value is written (the service's `environment:`, or the `.env`
//! line it takes), else on the service's name (its `env_file:` line is named in the message).
//!
//! ## Why is this bad?
//! On a first start, with an empty data directory, the postgres image's entrypoint stops with
//! `Error: Database is uninitialized and superuser password is not specified.`: the database
//! container exits, and NetBox, which waits for it, never starts. The usual cause is an `.env`
//! copied from an example whose passwords are left blank for the reader to fill in.
//!
//! ## Example
//! `.env` with `NETBOX_DB_PASSWORD=` read by `POSTGRES_PASSWORD: ${NETBOX_DB_PASSWORD}` and
//! `DB_PASSWORD: ${NETBOX_DB_PASSWORD}`.
//!
//! Use instead: a password of your own in both.

use super::compose_db_password_mismatch::{DatabaseService, database_service};
use crate::finding::{Finding, Rule, Severity};
use crate::parse::compose::image_repository_and_tag;
use crate::parse::netbox::ServiceVariable;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The PostgreSQL service NetBox connects to has an empty `POSTGRES_PASSWORD`.
pub const COMPOSE_POSTGRES_PASSWORD_EMPTY: Rule = Rule {
    id: "netbox/compose-postgres-password-empty",
    // A warning, as compose-db-password-mismatch: on a data volume initialised earlier the
    // entrypoint checks nothing.
    severity: Severity::Warning,
    summary: "the PostgreSQL service NetBox connects to in its Compose project is given an empty `POSTGRES_PASSWORD` (and no `POSTGRES_HOST_AUTH_METHOD` or `POSTGRES_PASSWORD_FILE`): on a first start the postgres image refuses to initialise the database, and NetBox never starts",
    help: "set a password of your own in `POSTGRES_PASSWORD` and NetBox's `DB_PASSWORD` (or give both one secret)",
    fact: "docker-library/postgres 6edb0a8 17/alpine3.23/docker-entrypoint.sh: `docker_verify_minimum_env` (L105-120) prints 'Error: Database is uninitialized and superuser password is not specified.' and exits 1 when POSTGRES_PASSWORD is empty and POSTGRES_HOST_AUTH_METHOD is not `trust`; `_main` calls it only when the data directory holds no database (L343); POSTGRES_PASSWORD_FILE fills the variable first (`file_env`, L9-27); Compose interpolates `${NAME}` from the project's `.env`, to the empty text where it says `NAME=`. Seen in tests/realworld/tuning/t224-… (a netbox-docker 5.0.2 project whose `.env` example leaves the database password empty); the refusal was merged on 2020-02-12 (pull request #658, merge 16dd8dbf87 of commit 42ce7437ee); before it the entrypoint warned 'No password has been set' and let every connection in (42ce7437ee^ 10/alpine/docker-entrypoint.sh L106-120), so a tag of a release out before then, or an image of one's own named …/postgres, is not judged",
    applies: Applies::Always,
};

pub fn compose_postgres_password_empty(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(DatabaseService { service, .. }) = database_service(d) else { return };
    // docker-library's image itself (or PostGIS's built on it), of a build that refuses: an
    // image of one's own named `…/postgres` may set POSTGRES_HOST_AUTH_METHOD in its Dockerfile.
    if !service.image_interpolated.as_deref().is_some_and(refuses_an_empty_password) {
        return;
    }
    let ServiceVariable::Set { value, at, place } = &service.postgres_password() else { return };
    if !value.is_empty() {
        return;
    }
    let name = service.name.escape_debug();
    // Where the empty value is written, where a block shows it (the service's `environment:`,
    // or the `.env` line it takes); else (an `env_file:` line, which is no block's) at the
    // service's name, whose file the message names.
    let (block, range) = place.clone().unwrap_or_else(|| service.key.clone());
    out.push(Finding::in_block(
        &COMPOSE_POSTGRES_PASSWORD_EMPTY,
        block,
        range,
        format!(
            "NetBox connects to its database on `{name}`, whose `POSTGRES_PASSWORD` is empty ({}): on a first start, with an empty data volume, the postgres image stops with \"Database is uninitialized and superuser password is not specified\", so the database never runs and NetBox never starts",
            at.escape_debug()
        ),
    ));
}

/// Whether an image is docker-library's `postgres` (or `postgis/postgis`, built on it), named as
/// Docker Hub and its usual mirrors name it, of a build whose entrypoint refuses an empty
/// password: docker-library merged the refusal on 2020-02-12 (pull request #658, commit
/// 42ce7437ee "Error when POSTGRES_PASSWORD is unset like mysql"); before it the entrypoint
/// warned and let every connection in (`trust`). A tag that names a release out before then
/// (12.0 to 12.1, 11.0 to 11.6, 10.0 to 10.11, 9.6.0 to 9.6.16, 9.5.0 to 9.5.20, 9.4.0 to
/// 9.4.25, 9.3 and older; the next ones came on 2020-02-13) is not judged; a line's floating tag
/// (`12`, `9.6`) and every later release refuse.
fn refuses_an_empty_password(image: &str) -> bool {
    let (repository, tag) = image_repository_and_tag(image);
    let path = repository
        .trim_start_matches("docker.io/")
        .trim_start_matches("index.docker.io/")
        .trim_start_matches("registry-1.docker.io/")
        .trim_start_matches("mirror.gcr.io/")
        .trim_start_matches("public.ecr.aws/docker/")
        .trim_start_matches("library/");
    if !matches!(path, "postgres" | "postgis/postgis") {
        return false;
    }
    // PostGIS's tags start with PostgreSQL's major (`16-3.4`).
    let version = tag.unwrap_or("latest").split(['-', '@']).next().unwrap_or_default();
    let numbers: Vec<u32> = version.split('.').map_while(|part| part.parse().ok()).collect();
    match numbers.as_slice() {
        [] => true,
        [major, ..] if *major >= 13 => true,
        [12, minor, ..] => *minor >= 2,
        [11, minor, ..] => *minor >= 7,
        [10, minor, ..] => *minor >= 12,
        [major] => *major >= 10,
        [9, line] => *line >= 4,
        [9, 6, patch, ..] => *patch >= 17,
        [9, 5, patch, ..] => *patch >= 21,
        [9, 4, patch, ..] => *patch >= 26,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};


    /// A netbox-docker project whose passwords come from the project's `.env` (t224's shape).
    fn project(env: &str, postgres_extra: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.6-5.0.2\n    environment:\n      DB_HOST: postgres\n      DB_USER: netbox\n      DB_PASSWORD: ${{NETBOX_DB_PASSWORD}}\n  postgres:\n    image: postgres:17-alpine\n    environment:\n      POSTGRES_USER: netbox\n      POSTGRES_PASSWORD: ${{NETBOX_DB_PASSWORD}}\n{postgres_extra}  redis:\n    image: valkey/valkey:8.1-alpine\n```\n\n```sh,check=env,file=.env\n{env}```\n"
        )
    }

    #[test]
    fn an_empty_password_from_the_env_file() {
        // At the `.env` line both passwords take (the chapter's line 21, counted from the first block).
        assert_fires_linted("netbox/compose-postgres-password-empty", &project("NETBOX_DB_PASSWORD=\n", ""), 18);
        // A password, or a trust method, or a password file: nothing to say.
        assert_quiet_linted("netbox/compose-postgres-password-empty", &project("NETBOX_DB_PASSWORD=Vq3lN0x8pZk2\n", ""));
        assert_quiet_linted("netbox/compose-postgres-password-empty", &project("NETBOX_DB_PASSWORD=\n", "      POSTGRES_HOST_AUTH_METHOD: trust\n"));
        assert_quiet_linted("netbox/compose-postgres-password-empty", &project("NETBOX_DB_PASSWORD=\n", "      POSTGRES_PASSWORD_FILE: /run/secrets/db\n"));
        // The image named through the `.env` (t224: `${NETBOX_DB_IMAGE:-docker.io/postgres:…}`).
        let interpolated = project("NETBOX_DB_PASSWORD=\nPG=docker.io/postgres:17.11-alpine\n", "").replace("image: postgres:17-alpine", "image: ${PG:-postgres:16}");
        assert_fires_linted("netbox/compose-postgres-password-empty", &interpolated, 18);
        // Not the mismatch as well (NetBox's password differs from the empty one): one cause,
        // one finding, at the service's empty value.
        let literal = project("NETBOX_DB_PASSWORD=\n", "").replace("DB_PASSWORD: ${NETBOX_DB_PASSWORD}", "DB_PASSWORD: Vq3lN0x8pZk2").replace("POSTGRES_PASSWORD: ${NETBOX_DB_PASSWORD}", "POSTGRES_PASSWORD: \"\"");
        assert_fires_linted("netbox/compose-postgres-password-empty", &literal, 12);
        assert_quiet_linted("netbox/compose-db-password-mismatch", &literal);
        // A release out before the refusal (2020-02-12) let every connection in; an image of
        // one's own may too.
        for image in ["postgres:10.4-alpine", "postgres:12.1", "postgres:9.6.10", "registry.example.com/platform/postgres:16"] {
            let old = project("NETBOX_DB_PASSWORD=\n", "").replace("image: postgres:17-alpine", &format!("image: {image}"));
            assert_quiet_linted("netbox/compose-postgres-password-empty", &old);
        }
        for image in ["postgres:10", "postgres:12.2", "docker.io/library/postgres:9.6", "postgis/postgis:16-3.4"] {
            let refusing = project("NETBOX_DB_PASSWORD=\n", "").replace("image: postgres:17-alpine", &format!("image: {image}"));
            assert_fires_linted("netbox/compose-postgres-password-empty", &refusing, 18);
        }
    }
}
