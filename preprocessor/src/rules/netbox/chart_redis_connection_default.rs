//! `netbox/chart-redis-connection-default`: netbox-chart values that switch the bundled Redis
//! off and give only one of NetBox's two Redis connections a server: the other keeps the
//! chart's placeholder host.
//!
//! ## What it does
//! In netbox-chart values with `redis.enabled: false` (up to 5.x, keys `tasksRedis` and
//! `cachingRedis`) or `valkey.enabled: false` (from 6.0.0, `tasksDatabase` and
//! `cachingDatabase`), finds one connection given a server (a `host` other than the chart's
//! default, or `sentinels`) while the other is not written, or written without a `host` or
//! `sentinels` (merge keys followed). Quiet where the release also takes values from elsewhere
//! (Flux `valuesFrom` or `valuesFiles`, Argo CD `valueFiles`, or an Argo CD parameter under the
//! connection left out), where another values file checked with it writes the other
//! connection, where an `extraConfig` entry may set `REDIS` itself, on a file that mixes the two
//! lines' keys, and on one whose pinned release reads the other line's.
//!
//! ## Why is this bad?
//! With its own server off, the chart renders each connection from its own key: the connection
//! left out gets the chart's placeholder host (`netbox-redis` up to 5.x, `netbox-kv` from 6.0.0),
//! which no Service of the release is named (the bundled server's is `<fullname>-master`, or
//! `-primary`). NetBox then cannot reach that Redis: without
//! the cache it cannot read its dynamic configuration on each request, and without the task
//! queue no background job runs.
//!
//! ## Example
//! `redis: {enabled: false}` with `tasksRedis: {host: redis-master.redis}` and no
//! `cachingRedis`.
//!
//! Use instead: `cachingRedis: {host: redis-master.redis, database: 1}` beside it (the same
//! server, another database).

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// One Redis connection left on the chart's default host beside one given a server.
pub const CHART_REDIS_CONNECTION_DEFAULT: Rule = Rule {
    id: "netbox/chart-redis-connection-default",
    severity: Severity::Warning,
    summary: "netbox-chart values switch the bundled Redis off (`redis.enabled: false`, `valkey.enabled: false`) and give one of NetBox's two Redis connections a server but not the other, which keeps the chart's placeholder host (`netbox-redis`, `netbox-kv`), a name no Service of the release has",
    help: "give the other connection the server too (`host`, or `sentinels`), with a database number of its own",
    fact: "netbox-chart templates/configmap.yaml renders REDIS tasks and caching each from its own key once the bundled server is off: `{{- if .Values.redis.enabled }}` … `{{- else if .Values.tasksRedis.sentinels }}` … `HOST: {{ .Values.tasksRedis.host | quote }}`, the same for cachingRedis (4.1.1 L161-187, 5.0.0-beta.144 L116-150, 5.0.78); `valkey.enabled` with tasksDatabase and cachingDatabase from 6.0.0 (L124-158), sentinels first in 8.3.61 (L126-160). values.yaml's default host is `netbox-redis` (4.1.1 L410, L427; 5.0.78 L1064, L1084; every 5.x release) and `netbox-kv` (6.0.0 L1110, L1130 to 8.3.61 L1179, L1199), 'Used only when redis.enabled is false'; the bundled server's Service is `<fullname>-master` (Bitnami Redis master/service.yaml; 5.0.78 configmap.yaml L117) or `-primary` (Valkey), so that name is a placeholder no Service of the release has. NetBox's cache is django-redis on REDIS['caching'] (settings.py CACHES), read on each request for the dynamic configuration (netbox/config/__init__.py `cache.get('config')`); RQ's queues on REDIS['tasks']. Seen in tests/realworld/tuning/t212-… (a README's values: the task queue on the cluster's Redis, the cache left out)",
    applies: Applies::Always,
};

pub fn chart_redis_connection_default(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    for left in &nb.chart_connection_left_default {
        // Another values file of the release may give the connection left out.
        if nb.chart_connections_written.iter().any(|&(block, name)| block != left.block && name == left.left) {
            continue;
        }
        let (configured, name, bundled, host) = (left.configured, left.left, left.bundled_off, left.default_host);
        let (range, how) = match &left.left_range {
            Some(range) => (range.clone(), "names no `host` or `sentinels`"),
            None => (left.configured_range.clone(), "is not set"),
        };
        let mut finding = Finding::in_block(
            &CHART_REDIS_CONNECTION_DEFAULT,
            left.block,
            range,
            format!(
                "the bundled `{bundled}` is switched off (`enabled: false`) and `{configured}` names a server, but `{name}` {how}: the chart points that connection at its placeholder host `{host}`, which no Service of the release is named, so NetBox cannot reach that Redis"
            ),
        );
        if left.left_range.is_some() {
            finding = finding.with_related(left.configured_range.clone(), "the connection given a server");
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::chart_values as values;
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, linted};


    /// t212's shape: the task queue on the cluster's Redis, the cache left out (5.x keys); the
    /// same with 6.0's keys, and a connection written without a host.
    #[test]
    fn one_connection_left_on_the_default_host() {
        let readme = "redis:\n  enabled: false\ntasksRedis:\n  database: 1\n  host: redis-master.redis.svc\n";
        assert_fires_linted("netbox/chart-redis-connection-default", &values(readme), 3);
        let (_, message) = &linted("netbox/chart-redis-connection-default", &values(readme))[0];
        assert!(message.contains("`cachingRedis` is not set: the chart points that connection at its placeholder host `netbox-redis`"), "{message}");
        let valkey = "valkey:\n  enabled: false\ncachingDatabase:\n  sentinels:\n    - kv-0:26379\ntasksDatabase:\n  database: 0\n";
        assert_fires_linted("netbox/chart-redis-connection-default", &values(valkey), 6);
        let (_, message) = &linted("netbox/chart-redis-connection-default", &values(valkey))[0];
        assert!(message.contains("`tasksDatabase` names no `host` or `sentinels`: the chart points that connection at its placeholder host `netbox-kv`"), "{message}");
    }

    /// Both connections given a server, both left on the default (a Service of that name the
    /// release's owner made, corpus case h440), the bundled server on, a default host written
    /// out, or the two lines' keys mixed: quiet.
    #[test]
    fn quiet_where_both_or_neither_name_a_server() {
        let both = "redis:\n  enabled: false\ntasksRedis:\n  host: r\ncachingRedis:\n  host: r\n  database: 1\n";
        assert_quiet_linted("netbox/chart-redis-connection-default", &values(both));
        let neither = "redis:\n  enabled: false\ncachingRedis:\n  existingSecretName: netbox-redis\ntasksRedis:\n  existingSecretName: netbox-redis\n";
        assert_quiet_linted("netbox/chart-redis-connection-default", &values(neither));
        assert_quiet_linted("netbox/chart-redis-connection-default", &values("tasksRedis:\n  host: r\n"));
        assert_quiet_linted("netbox/chart-redis-connection-default", &values("redis:\n  enabled: false\ntasksRedis:\n  host: r\ncachingRedis:\n  host: netbox-redis\n"));
        assert_quiet_linted("netbox/chart-redis-connection-default", &values("valkey:\n  enabled: false\ntasksDatabase:\n  host: r\ncachingRedis:\n  host: r\n"));
        // Sentinels written empty are no server.
        assert_quiet_linted("netbox/chart-redis-connection-default", &values("redis:\n  enabled: false\ntasksRedis:\n  sentinels: []\n"));
    }

    /// Values from elsewhere, an `extraConfig` that may set `REDIS`, or another values file
    /// that gives the connection left out: not known here.
    #[test]
    fn quiet_where_the_other_connection_may_come_from_elsewhere() {
        let flux = "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  chart:\n    spec:\n      chart: netbox\n  valuesFrom:\n    - kind: Secret\n      name: netbox-redis\n  values:\n    redis:\n      enabled: false\n    tasksRedis:\n      host: r\n";
        assert_quiet_linted("netbox/chart-redis-connection-default", &values(flux));
        let extra = "redis:\n  enabled: false\ntasksRedis:\n  host: r\nextraConfig:\n  - secret:\n      secretName: netbox-redis\n";
        assert_quiet_linted("netbox/chart-redis-connection-default", &values(extra));
        let two_files = values("redis:\n  enabled: false\ntasksRedis:\n  host: r\n")
            + "\n```yaml,check=chart,file=values-prod.yaml\ncachingRedis:\n  host: r\n  database: 1\n```\n";
        assert_quiet_linted("netbox/chart-redis-connection-default", &two_files);
        // Flux `valuesFiles`, and an Argo CD parameter under the connection left out.
        let values_files = flux.replace("  valuesFrom:\n    - kind: Secret\n      name: netbox-redis\n", "").replace("      chart: netbox\n", "      chart: netbox\n      valuesFiles: [values-redis.yaml]\n");
        assert_quiet_linted("netbox/chart-redis-connection-default", &values(&values_files));
        let argo = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    chart: netbox\n    helm:\n      parameters:\n        - name: cachingRedis.host\n          value: r\n      valuesObject:\n        redis:\n          enabled: false\n        tasksRedis:\n          host: r\n";
        assert_quiet_linted("netbox/chart-redis-connection-default", &values(argo));
        assert_fires_linted("netbox/chart-redis-connection-default", &values(&argo.replace("cachingRedis.host", "tasksRedis.port")), 13);
        // A parameter that switches the bundled Redis back on wins over the values.
        let back_on = argo.replace("name: cachingRedis.host\n          value: r", "name: redis.enabled\n          value: \"true\"");
        assert_quiet_linted("netbox/chart-redis-connection-default", &values(&back_on));
    }

    /// A merge key gives the other connection its server; Sentinels written null or empty are
    /// none (the template's `if` is false for them).
    #[test]
    fn merge_keys_and_empty_sentinels() {
        let merged = "redis:\n  enabled: false\ntasksRedis: &r\n  host: redis-master.redis\ncachingRedis:\n  <<: *r\n  database: 1\n";
        assert_quiet_linted("netbox/chart-redis-connection-default", &values(merged));
        // A merged mapping's own merge key.
        let chained = "_base: &base\n  host: redis-master.redis\n_mid: &mid\n  <<: *base\n  database: 1\nredis:\n  enabled: false\ntasksRedis:\n  <<: *base\ncachingRedis:\n  <<: *mid\n";
        assert_quiet_linted("netbox/chart-redis-connection-default", &values(chained));
        for empty in ["null", "\"\"", "[]"] {
            let text = format!("redis:\n  enabled: false\ntasksRedis:\n  host: redis-master.redis\ncachingRedis:\n  sentinels: {empty}\n");
            assert_fires_linted("netbox/chart-redis-connection-default", &values(&text), 5);
        }
    }

    /// A pinned release of the other line reads neither of these keys (chart-value-unread says
    /// so); its own line's keys are judged.
    #[test]
    fn a_pinned_release_of_the_other_line() {
        let pinned = |version: &str, values: &str| {
            format!("apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  chart:\n    spec:\n      chart: netbox\n      version: \"{version}\"\n  values:\n{values}")
        };
        let redis_keys = "    redis:\n      enabled: false\n    tasksRedis:\n      host: r\n";
        assert_quiet_linted("netbox/chart-redis-connection-default", &values(&pinned("8.3.61", redis_keys)));
        assert_fires_linted("netbox/chart-redis-connection-default", &values(&pinned("5.0.78", redis_keys)), 11);
        let valkey_keys = "    valkey:\n      enabled: false\n    tasksDatabase:\n      host: r\n";
        assert_quiet_linted("netbox/chart-redis-connection-default", &values(&pinned("4.1.1", valkey_keys)));
        assert_fires_linted("netbox/chart-redis-connection-default", &values(&pinned("8.3.61", valkey_keys)), 11);
    }
}
