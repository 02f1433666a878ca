//! `netbox/chart-external-database-unused`: netbox-chart values that set the external database
//! while the chart's own PostgreSQL stays on, so the chart never uses them.
//!
//! ## What it does
//! Finds `externalDatabase.host`, `port`, `database`, `username`, `password`,
//! `existingSecretName` or `existingSecretKey` written in netbox-chart's values (with a value
//! other than the chart's default, which a copy of the chart's values.yaml writes) where no
//! values file shown sets `postgresql.enabled` to anything but `true`. One finding, at the first
//! such key; the others as secondary places. Not judged where the release takes values from
//! elsewhere too (Flux `valuesFrom`, Argo CD `valueFiles`), or where an Argo CD parameter or any
//! values file sets `postgresql.enabled` (in a file, to a template or another value than `true`).
//!
//! ## Why is this bad?
//! The chart connects NetBox to its bundled PostgreSQL whenever `postgresql.enabled` is true, its
//! default: the external database's host, name, user and password (or Secret) are read only in
//! the `else` branch. The release deploys a database of its own, NetBox keeps its data there,
//! and the database meant for it is never reached.
//!
//! ## Example
//! `externalDatabase: {existingSecretName: netbox-db-credentials}` and nothing about
//! `postgresql`.
//!
//! Use instead: `postgresql: {enabled: false}` beside the `externalDatabase` values.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// External database values the chart ignores while its own PostgreSQL is on.
pub const CHART_EXTERNAL_DATABASE_UNUSED: Rule = Rule {
    id: "netbox/chart-external-database-unused",
    severity: Severity::Warning,
    summary: "netbox-chart values set `externalDatabase` (host, user, password or Secret) while `postgresql.enabled` stays `true`, its default: the chart connects NetBox to its bundled PostgreSQL and never uses them",
    help: "add `postgresql:` with `enabled: false` to the values, so that the chart uses the external database",
    fact: "netbox-chart templates/configmap.yaml (`DATABASES.default`: `if .Values.postgresql.enabled` the sub-chart's host, user, name and port, `else` externalDatabase's) and templates/_helpers.tpl `netbox.postgresql.secret`/`netbox.postgresql.secretKey` (the sub-chart's Secret while it is enabled, else externalDatabase.existingSecretName/Key), the same from 0.1.0 (configmap.yaml L25-32) to 6.1.15 (configmap.yaml L19-33, _helpers.tpl L42-62) and the repository's HEAD of 2026-08-22; values.yaml `postgresql.enabled: true` in each. Seen in netbox-chart issue #842 (tests/realworld/tuning/t198-…)",
    applies: Applies::Always,
};

pub fn chart_external_database_unused(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    if nb.chart_postgresql_maybe_off {
        return;
    }
    let Some((first, others)) = nb.chart_external_database.split_first() else { return };
    let and_others = match others.len() {
        0 => String::new(),
        1 => " (and 1 more `externalDatabase` key)".to_string(),
        n => format!(" (and {n} more `externalDatabase` keys)"),
    };
    let mut finding = Finding::in_block(
        &CHART_EXTERNAL_DATABASE_UNUSED,
        first.block,
        first.range.clone(),
        format!(
            "the chart reads `{}`{and_others} only with its bundled PostgreSQL off, and no values here switch it off (`postgresql:` with `enabled: false`; it is on by default): the release deploys its own PostgreSQL and NetBox connects to that, never to the external database these values describe",
            first.path.escape_debug()
        ),
    );
    for other in others {
        finding = finding.with_related(other.range.clone(), "not used either");
    }
    out.push(finding);
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::chart_values as values;
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, fired_linted_lines};


    /// t198's shape: a Secret for the external database, the bundled PostgreSQL left on.
    #[test]
    fn external_database_values_beside_the_bundled_postgresql() {
        let secret = values("externalDatabase:\n  existingSecretName: netbox-db-credentials\n");
        assert_fires_linted("netbox/chart-external-database-unused", &secret, 2);
        // Several keys: one finding, at the first.
        let several = values("allowedHosts: ['netbox.example.org']\nexternalDatabase:\n  host: db.example.org\n  username: netbox\n  password: Kq8-our-own\npostgresql:\n  enabled: true\n");
        assert_eq!(fired_linted_lines("netbox/chart-external-database-unused", &several), vec![3]);
    }

    /// Switched off, in these values or in another file of the release (also by a template's
    /// slot there, or Argo CD's `parameters`); only keys the chart renders either way, or the
    /// defaults a copy of the chart's own values.yaml writes; `enabled` from a template.
    #[test]
    fn quiet_where_the_bundled_postgresql_is_off_or_nothing_is_ignored() {
        let copy = values("externalDatabase:\n  host: localhost\n  port: 5432\n  database: netbox\n  username: netbox\n  password: \"\"\n  existingSecretName: \"\"\n  existingSecretKey: postgresql-password\n  engine: django.db.backends.postgresql\n");
        assert_quiet_linted("netbox/chart-external-database-unused", &copy);
        let slot = format!(
            "{}\n```yaml,check=chart,file=production.yaml\npostgresql:\n  enabled: {{{{ .Values.bundled }}}}\n```\n",
            values("externalDatabase:\n  host: db.example.org\n")
        );
        assert_quiet_linted("netbox/chart-external-database-unused", &slot);
        let argo = values("apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    chart: netbox\n    helm:\n      parameters:\n        - name: postgresql.enabled\n          value: \"false\"\n      valuesObject:\n        externalDatabase:\n          host: db.example.org\n");
        assert_quiet_linted("netbox/chart-external-database-unused", &argo);
        assert_fires_linted("netbox/chart-external-database-unused", &argo.replace("      parameters:\n        - name: postgresql.enabled\n          value: \"false\"\n", ""), 9);
        // Another parameter leaves it on.
        let other = argo.replace("name: postgresql.enabled\n          value: \"false\"", "name: image.tag\n          value: v4.2.3");
        assert_fires_linted("netbox/chart-external-database-unused", &other, 12);
        let off = values("postgresql:\n  enabled: false\nexternalDatabase:\n  host: db.example.org\n");
        assert_quiet_linted("netbox/chart-external-database-unused", &off);
        let elsewhere = format!(
            "{}\n```yaml,check=chart,file=production.yaml\npostgresql:\n  enabled: false\n```\n",
            values("externalDatabase:\n  host: db.example.org\n")
        );
        assert_quiet_linted("netbox/chart-external-database-unused", &elsewhere);
        assert_quiet_linted("netbox/chart-external-database-unused", &values("externalDatabase:\n  connMaxAge: 300\n  existingSecretName: \"\"\n"));
        assert_quiet_linted(
            "netbox/chart-external-database-unused",
            &values("postgresql:\n  enabled: {{ .Values.bundled }}\nexternalDatabase:\n  host: db.example.org\n"),
        );
    }
}
