//! `netbox/compose-postgres-18-data-mount`: PostgreSQL 18's image with its volume where
//! images before 18 kept their data.
//!
//! ## What it does
//! Applies when `lint` read the whole Compose project. Reports, at the `volumes:` entry, a
//! service of the postgres image (docker-library's `postgres`, or `postgis` built on it) whose
//! tag names major version 18 or later (`postgres:18-alpine`, `18.1`, `18rc1`; not `18beta1`,
//! whose layout depends on when it was built) and that mounts a volume at `/var/lib/postgresql/data` without
//! setting `PGDATA` to another place than the image's own default. Left alone: a tag without a version
//! (`latest`, `alpine`) or one Compose interpolates, a service another compose file also shows,
//! an image built here or an entrypoint of its own, and an environment not all shown.
//!
//! ## Why is this bad?
//! From 18 on, the image keeps its data in `/var/lib/postgresql/18/docker` (`PGDATA`) and
//! declares its volume at `/var/lib/postgresql`. On a start with no database there, its
//! entrypoint looks for data in the old place and stops when it finds some, or finds
//! `/var/lib/postgresql/data` mounted at all ("unused mount/volume"): "Error: in 18+, these
//! Docker images are configured to store database data in a format which is compatible with
//! \"pg_ctlcluster\"". PostgreSQL does not start, and NetBox has no database. netbox-docker's
//! own compose file mounted `/var/lib/postgresql/data` for years, so an image tag raised to 18
//! meets exactly this.
//!
//! ## Example
//! `image: postgres:18-alpine` with `- netbox-postgres-data:/var/lib/postgresql/data`.
//!
//! Use instead: `- netbox-postgres-data:/var/lib/postgresql` (a new volume; data of an older
//! major version needs `pg_upgrade`), or keep the old layout with `PGDATA:
//! /var/lib/postgresql/data`.

use rustc_hash::FxHashMap;

use crate::finding::{Finding, Rule, Severity};
use crate::parse::compose::image_repository_and_tag;
use crate::parse::netbox::ServiceVariable;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// PostgreSQL 18's image with a volume at the old data directory.
pub const COMPOSE_POSTGRES_18_DATA_MOUNT: Rule = Rule {
    id: "netbox/compose-postgres-18-data-mount",
    severity: Severity::Error,
    summary: "the postgres image of major version 18 or later with a volume at `/var/lib/postgresql/data` and no `PGDATA`: its entrypoint stops on the first start (\"in 18+, these Docker images are configured to store database data in a format which is compatible with pg_ctlcluster\"), so PostgreSQL, and NetBox with it, never starts",
    help: "mount the volume at `/var/lib/postgresql` (a new volume; data of an older major version needs `pg_upgrade`), or set `PGDATA: /var/lib/postgresql/data` to keep the old layout",
    fact: "docker-library/postgres 6edb0a8 18/trixie/Dockerfile L189-192 (`ENV PGDATA /var/lib/postgresql/18/docker`, `VOLUME /var/lib/postgresql`; 'in 18+, PGDATA has changed … and the VOLUME has moved from /var/lib/postgresql/data to /var/lib/postgresql'), 18/trixie/docker-entrypoint.sh L244-257 (with PGDATA at its default and no PG_VERSION there, a PG_VERSION under /var/lib/postgresql/data, or `mountpoint -q /var/lib/postgresql/data` for PG_MAJOR 18 and later, is recorded as an old database), L140-165 (`docker_error_old_databases`: 'Error: in 18+, these Docker images are configured to store database data in a format which is compatible with \"pg_ctlcluster\"' … 'exit 1'), L342-344 (called before initdb on a start with no database); versions.json: 18.3 is the newest release. Seen in tests/realworld/tuning/t208-… (postgres:18-alpine beside netbox-docker's old data mount)",
    applies: Applies::Always,
};

/// The first major version whose image keeps its data elsewhere.
const NEW_LAYOUT: u32 = 18;

pub fn compose_postgres_18_data_mount(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(services) = d.netbox.whole_project_services() else { return };
    let mut files_showing: FxHashMap<&str, usize> = FxHashMap::default();
    for service in &services.shown {
        *files_showing.entry(service.name.as_str()).or_default() += 1;
    }
    for service in &services.shown {
        let (Some(mount), Some((image, _))) = (&service.postgres_data_mount, &service.image) else { continue };
        if image.contains('$') || service.own_start || service.may_not_run || files_showing.get(service.name.as_str()) != Some(&1) {
            continue;
        }
        let (repository, tag) = image_repository_and_tag(image);
        if !matches!(repository.rsplit('/').next(), Some("postgres" | "postgis")) {
            continue;
        }
        let Some(major) = tag.and_then(major_version).filter(|major| *major >= NEW_LAYOUT) else { continue };
        // `PGDATA` set keeps the old layout (or another), but the image's own default; not known,
        // nothing is said.
        let default = format!("/var/lib/postgresql/{major}/docker");
        match service.variable("PGDATA") {
            ServiceVariable::Unset => {}
            ServiceVariable::Set { value, .. } if value.trim_end_matches('/') == default => {}
            _ => continue,
        }
        out.push(Finding::in_block(
            &COMPOSE_POSTGRES_18_DATA_MOUNT,
            service.key.0,
            mount.clone(),
            format!(
                "the service `{}` runs PostgreSQL {major}'s image, which keeps its data in `/var/lib/postgresql/{major}/docker` and declares its volume at `/var/lib/postgresql`, but mounts this volume at `/var/lib/postgresql/data`: on the first start the image's entrypoint stops (\"Error: in 18+, these Docker images are configured to store database data in a format which is compatible with \\\"pg_ctlcluster\\\"\"), so PostgreSQL never starts and NetBox has no database",
                service.name.escape_debug()
            ),
        ));
    }
}

/// The major version a postgres image tag names (`18`, `18.1`, `18-alpine`, `18.1-trixie`,
/// `18rc1`; postgis's `18-3.6`); `None` for one without (`latest`, `alpine`), and for 18's first
/// beta: the layout changed while `18beta1` was the release of that directory
/// (docker-library/postgres b9a533c87b), so which one an image of that tag has is not known.
fn major_version(tag: &str) -> Option<u32> {
    let end = tag.find(|c: char| !c.is_ascii_digit()).unwrap_or(tag.len());
    let major: u32 = tag[..end].parse().ok()?;
    let rest = &tag[end..];
    let first_beta = rest.strip_prefix("beta1").is_some_and(|after| !after.starts_with(|c: char| c.is_ascii_digit()));
    (!(major == 18 && first_beta)).then_some(major)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};

    const RULE: &str = "netbox/compose-postgres-18-data-mount";

    /// netbox-docker's stack with a PostgreSQL service of `image`, its data volume on line 8.
    fn project(image: &str, more: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.5-4.0.0\n  postgres:\n    image: {image}\n{more}    volumes:\n      - netbox-postgres-data:/var/lib/postgresql/data\n```\n"
        )
    }

    /// t208's shape: the tag raised to 18, the mount kept where netbox-docker had it.
    #[test]
    fn the_old_data_mount_under_18() {
        assert_fires_linted("netbox/compose-postgres-18-data-mount", &project("docker.io/postgres:18-alpine", ""), 7);
        assert_fires_linted(RULE, &project("postgres:18.1", ""), 7);
        assert_fires_linted(RULE, &project("postgis/postgis:18-3.6", ""), 7);
        assert_fires_linted(RULE, &project("postgres:18rc1", ""), 7);
        // The image's own default written out, and a source Compose interpolates.
        assert_fires_linted(RULE, &project("postgres:18", "    environment:\n      PGDATA: /var/lib/postgresql/18/docker\n"), 9);
        let interpolated = project("postgres:18", "").replace("netbox-postgres-data:", "${PG_DIR:-./pgdata}:");
        assert_fires_linted(RULE, &interpolated, 7);
    }

    #[test]
    fn quiet_before_18_with_pgdata_or_the_new_mount() {
        assert_quiet_linted("netbox/compose-postgres-18-data-mount", &project("postgres:17-alpine", ""));
        assert_quiet_linted(RULE, &project("postgres:18-alpine", "    environment:\n      PGDATA: /var/lib/postgresql/data\n"));
        assert_quiet_linted(RULE, &project("postgres:latest", ""));
        assert_quiet_linted(RULE, &project("postgres:${PG_VERSION:-18}", ""));
        assert_quiet_linted(RULE, &project("postgres:18-alpine", "").replace("/var/lib/postgresql/data", "/var/lib/postgresql"));
        assert_quiet_linted(RULE, &project("bitnami/postgresql:18", ""));
        assert_quiet_linted(RULE, &project("postgres:18beta1", ""));
    }
}
