//! `netbox/chart-value-null`: a key of netbox-chart's values written with no value, which makes
//! Helm delete the chart's default map instead of keeping it.
//!
//! ## What it does
//! Finds a key of netbox-chart's values whose value is null (the key alone, every line under it
//! commented out, or `~`) where a template of the chart names a key under it itself
//! (`.Values.tasksRedis.database`): for the release the file pins, else for some release that
//! reads the key. A map a template only takes whole (`toYaml`, `range`, behind
//! `if .Values.updateStrategy`), where a null is Helm's way to drop a default on purpose, a key
//! the file's chart does not read (`chart-value-unread` says so), and values a Flux HelmRelease or
//! an Argo CD Application holds as YAML (applying the resource may drop the null before Helm sees
//! it, fluxcd/helm-controller#319) are not judged.
//!
//! ## Why is this bad?
//! Helm merges the values over the chart's own, and a null value removes the key instead of
//! keeping the default: the chart's `database`, `host` and other defaults under it are gone. A
//! template that reads one of them then stops `helm install` with `nil pointer evaluating
//! interface {}`, or renders it empty.
//!
//! ## Example
//! `tasksRedis:` followed only by commented-out lines (a copy of the chart's values.yaml).
//!
//! Use instead: remove the key (or write `{}`) to keep the chart's defaults, or write the values
//! under it.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A values key written as null where the chart's default is a map.
pub const CHART_VALUE_NULL: Rule = Rule {
    id: "netbox/chart-value-null",
    severity: Severity::Warning,
    summary: "a key of netbox-chart's values has no value (YAML null, every line under it commented out) where the chart's default is a map: Helm deletes the default instead of keeping it, so the keys the chart reads under it are missing",
    help: "remove the key (or write `{}`) to keep the chart's defaults, or write the values under it",
    fact: "Helm 3 pkg/chartutil/coalesce.go (index id 268487521): coalesceValues and coalesceTablesFullKey `delete` a key whose user value is nil ('When the YAML value is null, we remove the value's key. This allows Helm's various sources of values … to remove incompatible keys'); a Go template that reads a field of the missing map stops with 'nil pointer evaluating interface {}'. netbox-chart reads keys under its maps unconditionally in places, such as `.Values.tasksRedis.username` and `int .Values.tasksRedis.database` in templates/configmap.yaml (bootc 9f537a9 L174-181). Which release's templates name which key is data/netbox-chart-values.json (`named_below`). Seen in tests/realworld/tuning/t227-… (a copy of the chart's values with `tasksRedis:` and `cachingRedis:` emptied by comments)",
    applies: Applies::Always,
};

pub fn chart_value_null(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for null in &d.netbox.chart_nulls {
        let path = null.path.escape_debug();
        out.push(Finding::in_block(
            &CHART_VALUE_NULL,
            null.block,
            null.range.clone(),
            format!("`{path}` has no value (YAML null): Helm then deletes the chart's default `{path}` map instead of keeping it, so every key the chart reads under `{path}` is missing, and a template that reads one stops `helm install` with 'nil pointer evaluating interface {{}}' or renders it empty"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{
        assert_fires_in_chapter, assert_quiet_in_chapter, chart_finding, chart_values as chapter,
    };

    /// t227's shape: a copied values file whose connection block is emptied by comments.
    #[test]
    fn fires_on_a_map_emptied_by_comments() {
        let values = "loginRequired: true\ntasksRedis:\n  # database: 0\n  # host: redis.example\ncachingRedis:\n  database: 1\n";
        assert_fires_in_chapter("netbox/chart-value-null", &chapter(values), 2);
        let (message, help) = chart_finding("netbox/chart-value-null", values);
        assert!(message.starts_with("`tasksRedis` has no value (YAML null): Helm then deletes the chart's default `tasksRedis` map"), "{message}");
        assert!(help.starts_with("remove the key (or write `{}`)"), "{help}");
        // `persistence: ~` too; the chart's keys under it are read by every release.
        assert_fires_in_chapter("netbox/chart-value-null", &chapter("persistence: ~\n"), 1);
    }

    /// An empty map keeps the defaults; a map empty by default (annotations) has none; a null
    /// scalar (a default of null) is a value like any other; a map written out is read; a map
    /// the templates only take whole may be dropped on purpose; a key of another release than
    /// the file's is `chart-value-unread`'s; a HelmRelease's own values are not judged.
    #[test]
    fn quiet_where_no_default_is_deleted_or_the_null_is_not_judged() {
        let release = "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  chart:\n    spec:\n      chart: netbox\n      version: 4.1.1\n  values:\n    tasksRedis:\n";
        let pinned = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    chart: netbox\n    targetRevision: 4.1.1\n    helm:\n      valuesObject:\n        podSecurityContext: ~\n";
        for values in [
            "tasksRedis: {}\n",
            "podAnnotations:\n",
            "storageBackend:\n",
            "persistence:\n  enabled: false\n",
            "updateStrategy:\n  # type: RollingUpdate\n",
            "tasksRedis:\n  # host: old\ntasksDatabase:\n  host: kv\n",
            release,
            pinned,
        ] {
            assert_quiet_in_chapter("netbox/chart-value-null", &chapter(values));
        }
    }
}
