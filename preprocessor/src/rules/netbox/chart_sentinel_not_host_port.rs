//! `netbox/chart-sentinel-not-host-port`: a Redis Sentinel in netbox-chart's values written as
//! a mapping (`- sentinel-0: 26379`) or a number, where the chart takes `host:port` text.
//!
//! ## What it does
//! Reports the items of a `sentinels:` list the chart reads (`tasksRedis`, `cachingRedis`,
//! `tasksDatabase`, `cachingDatabase`, `webhooksRedis`) that are not text (a mapping, a list, a
//! number, a boolean; not a Helm template's `{{ … }}`), one finding per list, where the chart
//! renders the list: with its own Redis switched off (`redis.enabled: false` up to 5.x,
//! `valkey.enabled: false` in 6.0.x), or in a file that pins 6.1.0 or later.
//!
//! ## Why is this bad?
//! The chart passes the list to NetBox's configuration as it is (`toJson`), and its
//! configuration.py turns each item into a tuple with `x.split(":")`: a mapping has no `split`,
//! so the configuration module raises `AttributeError: 'dict' object has no attribute 'split'`
//! and neither NetBox nor its worker starts.
//!
//! ## Example
//! `sentinels: [ {redis-node-0: 26379} ]`.
//!
//! Use instead: `sentinels: [ "redis-node-0:26379" ]`, as the chart's values.yaml documents.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A Sentinel the chart cannot split.
pub const CHART_SENTINEL_NOT_HOST_PORT: Rule = Rule {
    id: "netbox/chart-sentinel-not-host-port",
    severity: Severity::Error,
    summary: "a Redis Sentinel of netbox-chart's values written as a mapping or a number, not `host:port` text: the chart's configuration.py splits each one on `:` and NetBox does not start",
    help: "write each Sentinel as one text, `host:port` (`- redis-node-0.redis-headless:26379`), as the chart's values.yaml documents",
    fact: "netbox-chart 8.3.61 files/configuration.py L83-86 (`REDIS[\"tasks\"][\"SENTINELS\"] = [tuple(x.split(r\":\")) for x in …]`, the same for caching) and templates/_helpers.tpl L128-141 (`toJson .Values.tasksDatabase.sentinels`, used whenever given, from 6.1.0); 4.0.1 templates/configmap.yaml L47-52 (the same split, rendered only `if and (not .Values.redis.enabled) …sentinels`); 5.0.30 configmap.yaml L116-119 (`if .Values.redis.enabled` … `else if .Values.tasksRedis.sentinels`) and 6.0.60 L126-129 (the same with `valkey.enabled`), whose values.yaml enable that sub-chart by default; each of the 569 chart releases and untagged development states whose inventory reads a `sentinels` path (2.2.0 to 8.3.61, data/netbox-chart-values.json) has the split; netbox-chart issue #82 (2022): `AttributeError: 'dict' object has no attribute 'split'`, seen in tests/realworld/tuning/t186-…",
    applies: Applies::Always,
};

pub fn chart_sentinel_not_host_port(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    // One finding per list, at its first such item; the others as its labels.
    for list in d.netbox.chart_sentinels.chunk_by(|a, b| a.path == b.path && a.block == b.block) {
        let [first, others @ ..] = list else { continue };
        let and_others = match others.len() {
            0 => String::new(),
            n => format!(" (and {n} more item{} of the list)", if n == 1 { "" } else { "s" }),
        };
        let mut finding = Finding::in_block(
            &CHART_SENTINEL_NOT_HOST_PORT,
            first.block,
            first.range.clone(),
            format!(
                "this item of `{}`{and_others} is not `host:port` text: the chart's configuration.py splits each Sentinel on `:`, and on this one raises `AttributeError` while NetBox loads its configuration, so neither NetBox nor its worker starts",
                first.path.escape_debug()
            ),
        );
        for other in others {
            finding = finding.with_related(other.range.clone(), "not text either");
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, fired_linted_lines};

    /// Chart values with the bundled Valkey switched off, so that the Sentinels are used.
    fn values(sentinels: &str) -> String {
        format!("# t\n\n```yaml,check=chart,file=values.yaml\nvalkey:\n  enabled: false\ntasksDatabase:\n  sentinelService: kv-store\n  sentinels:\n{sentinels}```\n")
    }

    /// Mappings (corpus case t186): one finding per list, at its first item.
    #[test]
    fn a_sentinel_written_as_a_mapping() {
        let maps = values("    - kv-store-node-0: 26379\n    - kv-store-node-1: 26379\n");
        assert_eq!(fired_linted_lines("netbox/chart-sentinel-not-host-port", &maps), vec![6]);
        assert_fires_linted("netbox/chart-sentinel-not-host-port", &values("    - 26379\n"), 6);
        // Up to 5.x, `redis.enabled: false` (t186's own values).
        let redis = "# t\n\n```yaml,check=chart,file=values.yaml\nredis:\n  enabled: false\ntasksRedis:\n  sentinels:\n    - node-0: 26379\n```\n";
        assert_fires_linted("netbox/chart-sentinel-not-host-port", redis, 5);
    }

    /// Text, as the chart documents it; a Helm template's slot; a list under a key the chart
    /// does not read.
    #[test]
    fn host_port_text_or_a_template() {
        assert_quiet_linted("netbox/chart-sentinel-not-host-port", &values("    - kv-store-node-0:26379\n    - \"kv-store-node-1:26379\"\n"));
        assert_quiet_linted("netbox/chart-sentinel-not-host-port", &values("    - {{ .Values.sentinel }}\n"));
        assert_quiet_linted(
            "netbox/chart-sentinel-not-host-port",
            "# t\n\n```yaml,check=chart,file=values.yaml\nallowedHosts: ['*']\nvalkey:\n  sentinel:\n    sentinels:\n      - node: 1\n```\n",
        );
    }

    /// With the chart's own Redis left on (its default), 5.x and 6.0.x never render the list; a
    /// release pinned at 6.1.0 or later always does.
    #[test]
    fn only_where_the_chart_renders_the_list() {
        let own_redis = values("    - node-0: 26379\n").replace("valkey:\n  enabled: false\n", "");
        assert_quiet_linted("netbox/chart-sentinel-not-host-port", &own_redis);
        let redis_on = "# t\n\n```yaml,check=chart,file=values.yaml\ntasksRedis:\n  sentinels:\n    - node-0: 26379\n```\n";
        assert_quiet_linted("netbox/chart-sentinel-not-host-port", redis_on);
        let pinned = |version: &str| {
            format!(
                "# t\n\n```yaml,check=chart,file=release.yaml\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  chart:\n    spec:\n      chart: netbox\n      version: \"{version}\"\n  values:\n    tasksDatabase:\n      sentinels:\n        - node-0: 26379\n```\n"
            )
        };
        assert_fires_linted("netbox/chart-sentinel-not-host-port", &pinned("6.1.0"), 11);
        assert_quiet_linted("netbox/chart-sentinel-not-host-port", &pinned("6.0.60"));
    }
}
