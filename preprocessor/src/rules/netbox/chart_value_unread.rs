//! `netbox/chart-value-unread`: a key of netbox-chart's values that the chart never reads, so
//! Helm drops it without a word.

use crate::finding::{Finding, Rule, Severity};
use crate::parse::chart::{newest_release, suggestion};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A values key no release of the chart reads (or only releases before the newest).
pub const CHART_VALUE_UNREAD: Rule = Rule {
    id: "netbox/chart-value-unread",
    severity: Severity::Warning,
    summary: "a key of netbox-chart's values that the chart does not read: Helm accepts it (the chart's schema, where there is one, lets unknown keys through) and renders nothing from it, so the setting it was meant for keeps the chart's default",
    help: "move the value to the key the chart reads, or remove it",
    fact: "netbox-chart has a values.schema.json from 5.0.0-beta.133; it refuses unknown keys only under `remoteAuth.ldap` (from 5.0.0-beta.151) and `apiTokenPeppers` (8.2.0), `additionalProperties: false` (8.3.61 L1255, L1467), so Helm accepts any other key it does not know, and before the schema any key at all (an unknown key under `remoteAuth.ldap` is still reported: older charts accept it); the templates read only `.Values.<path>` they name (templates/*.yaml; and Bitnami's common library's helpers read namespaceOverride, nameOverride, fullnameOverride and kubeVersion, left alone). Which paths each of the 552 releases 0.1.0 to 8.3.61 (5.0.0's betas included) and the 30 untagged development states between 4.1.1 and 5.0.0-beta3 (bootc's 4.2.0 and 5.0.0, whose copies are deployed: tests/realworld/tuning/t227-… has both `jobResultRetention` and `enableLocalization`, as bootc's 5.0.0 at 9f537a9) reads is data/netbox-chart-values.json (tools/inventories/netbox_chart_values.py: values.yaml's keys and the templates' `.Values` references; a map a template takes whole, a list, an empty map by default and a sub-chart's key are free; a sub-chart's key only in the releases whose Chart.yaml bundles it: `redis` 0.1.0 to 5.0.78, `valkey` from 6.0.0, 38f113f '[v6] Switch from Redis to Valkey', so a `redis:` block beside `valkey:` is read by no release, tests/realworld/tuning/t225-…). The shape was seen in tests/realworld/heldout/h61-… (an `extraConfig` Secret list written under `remoteAuth`, which the chart reads only at the top level). `global` is the sub-charts': netbox-chart passes it whole only to Bitnami common's image and storage-class helpers (templates/_helpers.tpl, pvc.yaml), and under `global.redis` the Redis chart it bundles from 2.0.0 to 5.x reads `password` alone (every tag of bitnami/charts' redis, 10.5.6 to 23.1.1; the common library reads none of it), while 6.0.0 and later bundle none (not judged for a file pinning 0.x or 1.x, whose Redis 8.x and 9.x were not read; nor `global.valkey`, whose Valkey 5.x and 6.x of netbox-chart 7.2.0 on were not read): netbox-chart issue #517, an existing Secret named under `global.redis` (tests/realworld/tuning/t213-…)",
    applies: Applies::Always,
};

pub fn chart_value_unread(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for unread in &d.netbox.chart_unread {
        let path = unread.path.escape_debug();
        let global_redis = unread.path.starts_with("global.redis.");
        let message = match (unread.read_by.first(), unread.read_by.last(), &unread.later_key) {
            _ if global_redis => format!(
                "neither netbox-chart nor a chart it bundles reads `{path}`: of the keys there, the Redis chart of netbox-chart 2.0.0 to 5.x reads only `password`, and 6.0.0 and later bundle no Redis chart: nothing is rendered from it"
            ),
            _ if let Some(pinned) = &unread.pinned => format!(
                "netbox-chart {}, the release this file installs, does not read `{path}`: nothing is rendered from it",
                pinned.escape_debug()
            ),
            (Some([first, _]), Some([_, last]), Some((later, from))) => format!(
                "netbox-chart reads `{path}` only in releases {} to {}, and this file's `{}` only from {} on: the chart that reads one renders nothing from the other",
                release_name(first),
                release_name(last),
                later.escape_debug(),
                release_name(from)
            ),
            _ => format!(
                "no netbox-chart release (0.1.0 to {}) reads `{path}`: nothing is rendered from it (Helm accepts an unknown key, but under `remoteAuth.ldap` from chart 5.0.0-beta.151)",
                newest_release()
            ),
        };
        let help = match suggestion(&unread.path, unread.pinned.as_deref()) {
            _ if global_redis => "the bundled Redis chart (up to 5.x) takes a Secret of one's own from `redis.auth.existingSecret` and `redis.auth.existingSecretPasswordKey`; with `redis.enabled: false`, `tasksRedis` and `cachingRedis` take `existingSecretName` and `existingSecretKey` (`tasksDatabase` and `cachingDatabase` from 6.0.0)".to_string(),
            // netbox-chart 6.0.0 swapped its bundled Redis chart for Valkey (38f113f).
            _ if unread.path == "redis" => "netbox-chart 6.0.0 bundles Bitnami's Valkey chart in place of Redis: for 6.0.0 and later write the block under `valkey:`, in the Valkey chart's own keys, which differ in places (`master` is `primary`, as netbox-chart's `redis.master.service.ports.redis` became `valkey.primary.service.ports.valkey`), or keep `redis:` with a chart before 6.0.0".to_string(),
            _ if unread.path == "valkey" => "netbox-chart bundles Bitnami's Valkey chart from 6.0.0 only; before it, the bundled Redis chart reads `redis:`".to_string(),
            _ if unread.path.starts_with("extraConfig[].") => "an `extraConfig` entry loads `values:` (settings written as YAML), or the YAML files of a `configMap:` or a `secret:`; write the settings under `values:`".to_string(),
            Some(read) => format!("the chart reads `{}`: move the value there", read.escape_debug()),
            None => CHART_VALUE_UNREAD.help.to_string(),
        };
        out.push(Finding::in_block(&CHART_VALUE_UNREAD, unread.block, unread.range.clone(), message).with_help(help));
    }
}

/// A release as a reader knows it: an untagged development state of the chart's repository
/// (`5.0.0+5e2878b`, its Chart.yaml version and commit) said to be one, not taken for that release.
fn release_name(release: &str) -> String {
    match release.split_once('+') {
        Some((version, commit)) => format!("{version}+{commit} (the untagged development state at commit {commit})"),
        None => release.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_fires_in_chapter, assert_quiet_in_chapter, chart_finding};

    fn chapter(values: &str) -> String {
        format!("# t\n\n```yaml,check=chart\n{values}```\n")
    }

    /// h61's shape: the extra configuration list under `remoteAuth`, where the chart never looks.
    #[test]
    fn fires_on_a_key_under_the_wrong_parent() {
        let values = "remoteAuth:\n  enabled: false\n  extraConfig:\n    - secret:\n        secretName: netbox-okta\n";
        assert_fires_in_chapter("netbox/chart-value-unread", &chapter(values), 3);
        let (message, help) = chart_finding("netbox/chart-value-unread", values);
        assert!(message.contains("no netbox-chart release (0.1.0 to 8.3.61) reads `remoteAuth.extraConfig`"), "{message}");
        assert_eq!(help, "the chart reads `extraConfig`: move the value there");
    }

    /// A key renamed upstream beside a key only the renaming releases read: the new name
    /// suggested.
    #[test]
    fn names_the_releases_of_a_renamed_key() {
        let values = "remoteAuth:\n  backend: social_core.backends.open_id_connect.OpenIdConnectAuth\nvalkey:\n  enabled: true\ntasksDatabase:\n  database: 0\n";
        assert_fires_in_chapter("netbox/chart-value-unread", &chapter(values), 2);
        let (message, help) = chart_finding("netbox/chart-value-unread", values);
        assert!(message.contains("only in releases 2.1.0 to 5.0.0-beta7, and this file's `valkey` only from 6.0.0"), "{message}");
        // Alone, it is what an old chart reads.
        assert_quiet_in_chapter("netbox/chart-value-unread", &chapter("remoteAuth:\n  backend: x.Y\n"));
        assert_eq!(help, "the chart reads `remoteAuth.backends`: move the value there");
    }

    /// t227's shape: a copy of bootc's untagged 5.0.0 (9f537a9), which read both a key the
    /// tags stop at 4.1.1 and one they start at 5.0.0-beta3; a later release's key still tells.
    #[test]
    fn keys_of_the_untagged_development_states_are_read_together() {
        let values = "jobResultRetention: 90
napalm:
  username: ''
enableLocalization: false
";
        assert_quiet_in_chapter("netbox/chart-value-unread", &chapter(values));
        let values = "jobResultRetention: 90
valkey:
  enabled: true
";
        let (message, _) = chart_finding("netbox/chart-value-unread", values);
        assert!(message.contains("only in releases 4.1.0 to 5.0.0+5e2878b (the untagged development state at commit 5e2878b), and this file's `valkey` only from 6.0.0"), "{message}");
    }

    /// An `extraConfig` entry of another shape (trial ten: Python text under `content:`).
    #[test]
    fn fires_on_an_extra_config_entry_the_chart_does_not_load() {
        let values = "extraConfig:\n  - content: |\n      SOCIAL_AUTH_KEYCLOAK_KEY = 'netbox'\n";
        assert_fires_in_chapter("netbox/chart-value-unread", &chapter(values), 2);
        let (message, help) = chart_finding("netbox/chart-value-unread", values);
        assert!(message.contains("reads `extraConfig[].content`"), "{message}");
        assert!(help.starts_with("an `extraConfig` entry loads `values:`"), "{help}");
    }

    /// A chart release the file pins decides (an Argo CD Application of chart 6.0.33).
    #[test]
    fn names_the_pinned_release() {
        let values = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    chart: netbox\n    targetRevision: 6.0.33\n    helm:\n      valuesObject:\n        remoteAuth:\n          backend: x.Y\n";
        assert_fires_in_chapter("netbox/chart-value-unread", &chapter(values), 10);
        let (message, help) = chart_finding("netbox/chart-value-unread", values);
        assert!(message.starts_with("netbox-chart 6.0.33, the release this file installs, does not read `remoteAuth.backend`"), "{message}");
        assert_eq!(help, "the chart reads `remoteAuth.backends`: move the value there");
    }

    /// Under `global.redis` the bundled Redis chart reads `password` alone
    /// (netbox-chart issue #517, corpus case t213: an existing Secret named there); the common
    /// library's globals are free.
    #[test]
    fn fires_on_a_global_key_no_bundled_chart_reads() {
        let values = "global:\n  imageRegistry: registry.local\n  redis:\n    password: x\n    existingSecretName: netbox-shared\n    existingSecretKey: redis-password\n";
        assert_fires_in_chapter("netbox/chart-value-unread", &chapter(values), 5);
        assert_fires_in_chapter("netbox/chart-value-unread", &chapter(values), 6);
        let (message, help) = chart_finding("netbox/chart-value-unread", values);
        assert!(message.starts_with("neither netbox-chart nor a chart it bundles reads `global.redis.existingSecretName`"), "{message}");
        assert!(help.starts_with("the bundled Redis chart (up to 5.x) takes a Secret of one's own from `redis.auth.existingSecret`"), "{help}");
        // A merge key's keys are judged, not the merge key itself.
        let merged = "_pw: &pw\n  password: s3cret\n  existingSecret: y\nglobal:\n  redis:\n    <<: *pw\n";
        let (message, _) = chart_finding("netbox/chart-value-unread", merged);
        assert!(message.contains("`global.redis.existingSecret`"), "{message}");
        let only_password = "_pw: &pw\n  password: s3cret\nglobal:\n  redis:\n    <<: *pw\n";
        assert_quiet_in_chapter("netbox/chart-value-unread", &chapter(only_password));
        // Valkey's globals (its 5.x and 6.x were not read) and the common library's are free.
        let quiet = "global:\n  imageRegistry: registry.local\n  storageClass: fast\n  redis:\n    password: x\n  valkey:\n    password: y\n    existingSecret: kv\n  postgresql:\n    auth:\n      existingSecret: pg\n";
        assert_quiet_in_chapter("netbox/chart-value-unread", &chapter(quiet));
    }

    /// A sub-chart's block is read by the releases that bundle that chart: `redis:` up to 5.x,
    /// `valkey:` from 6.0.0 (corpus case t225: `--set redis.auth.password` beside `valkey:`).
    #[test]
    fn fires_on_a_sub_charts_block_beside_its_successor() {
        let values = "redis:\n  auth:\n    password: x\nvalkey:\n  image:\n    tag: 8.1.3\n";
        assert_fires_in_chapter("netbox/chart-value-unread", &chapter(values), 1);
        let (message, help) = chart_finding("netbox/chart-value-unread", values);
        assert!(message.contains("reads `redis` only in releases 0.1.0 to 5.0.78, and this file's `valkey` only from 6.0.0 on"), "{message}");
        assert!(help.starts_with("netbox-chart 6.0.0 bundles Bitnami's Valkey chart in place of Redis"), "{help}");
        // Alone, either is what some release bundles.
        assert_quiet_in_chapter("netbox/chart-value-unread", &chapter("redis:\n  auth:\n    password: x\n"));
        assert_quiet_in_chapter("netbox/chart-value-unread", &chapter("valkey:\n  auth:\n    password: x\n"));
        // A pinned 6.x release bundles no Redis; a pinned 5.x no Valkey.
        let pinned = |release: &str, key: &str| {
            format!("apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    chart: netbox\n    targetRevision: {release}\n    helm:\n      valuesObject:\n        {key}:\n          enabled: true\n")
        };
        assert_fires_in_chapter("netbox/chart-value-unread", &chapter(&pinned("6.0.33", "redis")), 9);
        assert_quiet_in_chapter("netbox/chart-value-unread", &chapter(&pinned("6.0.33", "valkey")));
        assert_fires_in_chapter("netbox/chart-value-unread", &chapter(&pinned("5.0.0", "valkey")), 9);
        assert_quiet_in_chapter("netbox/chart-value-unread", &chapter(&pinned("5.0.0", "redis")));
    }

    /// Free maps (annotations, a security context the template passes whole, a sub-chart's
    /// values) take any key; the keys the chart reads are quiet.
    #[test]
    fn quiet_on_free_maps_and_read_keys() {
        let values = "remoteAuth:\n  enabled: true\n  backends: [netbox.authentication.RemoteUserBackend]\npodAnnotations:\n  team: net\nsecurityContext:\n  allowPrivilegeEscalation: false\npostgresql:\n  auth:\n    anything: x\nextraConfig:\n  - values:\n      LOGIN_TIMEOUT: 3600\n";
        assert_quiet_in_chapter("netbox/chart-value-unread", &chapter(values));
    }
}
