//! `check=chart`: netbox-chart's Helm values (`values.yaml` of a NetBox deployed with
//! <https://github.com/netbox-community/netbox-chart>), and the NetBox settings the chart makes
//! of them.
//!
//! netbox-chart renders a ConfigMap whose `netbox.yaml` holds one line per setting,
//! `REMOTE_AUTH_BACKEND: {{ toJson .Values.remoteAuth.backends }}` (8.3.61
//! `templates/configmap.yaml`), and its `files/configuration.py` deep-merges that YAML, then each
//! `extraConfig` entry's YAML, into its globals (`_load_yaml`, L27-37): a value becomes the
//! setting as written, but a mapping merges into the one netbox.yaml renders (`REDIS` keeps
//! both sections), `SECRET_KEY` is set afterwards from the chart's Secret whatever the extra YAML
//! says (L67), and `API_TOKEN_PEPPERS` too from 8.2.0 (L70-73). `secretKey` becomes `SECRET_KEY`
//! and `apiTokenPeppers` `API_TOKEN_PEPPERS` through the chart's Secret (`templates/secret.yaml`)
//! unless `existingSecret` names another. Which path becomes which setting, and which paths each release
//! reads at all, is `data/netbox-chart-values.json` (`tools/inventories/netbox_chart_values.py`,
//! 552 releases 0.1.0 to 8.3.61, 5.0.0's betas included, and the 30 untagged development states
//! between 4.1.1 and 5.0.0-beta3, named `<Chart.yaml version>+<commit>`).
//!
//! The values a file does not write are the chart's defaults, which depend on the chart's release:
//! they stay unknown (the file is a fragment of the configuration). The LDAP values become
//! `ldap.yaml`, which the chart's `ldap_config.py` loads into its globals: they are read as the
//! LDAP settings of that file (`PythonFile::chart_ldap`), where the chart renders it (its
//! backends name the LDAP backend). Of several YAML
//! documents, the release of chart `netbox` is read (a Flux HelmRelease's `spec.values`, an Argo
//! CD Application's `helm.valuesObject`, or its `helm.values` string when that is a literal block
//! `|`, whose lines are the values file's lines as written), and the release it pins.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use compact_str::CompactString;
use serde::Deserialize;

use super::authentik::{Node, NodeKind, load};
use super::netbox::{
    ChartConnectionLeftDefault, ChartSentinel, ChartValue, PythonFile, Setting, SyntaxError, UnreadValue, Value,
    ValueKind, is_template_slot,
};
use crate::finding::BlockId;

/// What the inventory says of the chart's values.
#[derive(Debug, Deserialize)]
struct Inventory {
    releases: Vec<String>,
    paths: HashMap<String, Vec<[String; 2]>>,
    free: HashMap<String, Vec<[String; 2]>>,
    /// The nested paths a template names itself (`.Values.tasksRedis.database`).
    #[serde(default)]
    named_below: HashMap<String, Vec<[String; 2]>>,
    settings: Vec<PathSetting>,
    defaults: HashMap<String, Vec<PathDefault>>,
}

/// One default of a path, in the releases that have it.
#[derive(Debug, Deserialize)]
struct PathDefault {
    value: serde_json::Value,
    releases: Vec<[String; 2]>,
}

/// One path that becomes a setting, in the releases given.
#[derive(Debug, Deserialize)]
struct PathSetting {
    path: String,
    setting: String,
    file: String,
    releases: Vec<[String; 2]>,
}

/// `data/netbox-chart-values.json`.
static INVENTORY: LazyLock<Inventory> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../data/netbox-chart-values.json")).unwrap_or(Inventory {
        releases: Vec::new(),
        paths: HashMap::new(),
        free: HashMap::new(),
        named_below: HashMap::new(),
        settings: Vec::new(),
        defaults: HashMap::new(),
    })
});

/// The newest chart release the inventory read.
pub fn newest_release() -> &'static str {
    INVENTORY.releases.last().map_or("", String::as_str)
}

/// The top-level keys only netbox-chart's values have (8.3.61 `values.yaml`; `tasksRedis` and
/// `cachingRedis` before 5.0.0): one of them at column 0 tells a values file from other YAML.
/// Not `secretKey` nor `externalDatabase`, which other charts' values have too (Harbor's,
/// Bitnami's).
const CHART_KEYS: &[&str] = &[
    "remoteAuth",
    "allowedHosts",
    "superuser",
    "tasksDatabase",
    "cachingDatabase",
    "tasksRedis",
    "cachingRedis",
    "exemptViewPermissions",
    "pluginsConfig",
    "loginRequired",
];

/// Whether YAML text is netbox-chart's values: a top-level key only they have, or a Flux
/// `HelmRelease` or an Argo CD `Application` whose values have one (they are read from there).
pub fn is_chart_values(text: &str) -> bool {
    let has_key = |line: &str| {
        CHART_KEYS.iter().any(|key| {
            line.strip_prefix(key)
                .and_then(|rest| rest.strip_prefix(':'))
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\r']))
        })
    };
    text.lines().any(has_key)
        || (text.lines().any(|line| matches!(line.trim_end(), "kind: HelmRelease" | "kind: Application"))
            && text.lines().any(|line| has_key(line.trim_start())))
}

/// Whether the newest release of the chart reads a path.
fn read_by_newest(path: &str) -> bool {
    INVENTORY.paths.get(path).is_some_and(|runs| last_of(runs) == newest_release())
}

/// The key the newest release reads where a values file wrote `path`, which it does not: the
/// path that makes the same setting now (`remoteAuth.backend` became `remoteAuth.backends` in
/// 5.0.0's betas), the same key at another place (`extraConfig` is read at the top level only), or a
/// sibling spelt nearly alike (`remoteAuth.backend` → `remoteAuth.backends`).
pub fn suggestion(path: &str, pinned: Option<&str>) -> Option<String> {
    // The release the file installs, else the newest.
    let release = pinned.and_then(|pinned| INVENTORY.releases.iter().position(|r| r == pinned));
    let read_now = |path: &str| match release {
        Some(release) => INVENTORY.paths.get(path).is_some_and(|runs| holds(runs, release)),
        None => read_by_newest(path),
    };
    let made = |path: &str| {
        INVENTORY
            .settings
            .iter()
            .filter(|s| s.path == path && s.file == "netbox.yaml")
            .map(|s| s.setting.as_str())
            .next_back()
    };
    if let Some(setting) = made(path) {
        let now = INVENTORY.settings.iter().find(|s| s.setting == setting && s.path != path && read_now(&s.path));
        if let Some(now) = now {
            return Some(now.path.clone());
        }
    }
    let (parent, leaf) = path.rsplit_once('.').map_or(("", path), |(parent, leaf)| (parent, leaf));
    let mut newest: Vec<&String> = INVENTORY.paths.keys().filter(|p| read_now(p)).collect();
    newest.sort();
    // A list or a free map of the same name at another place (`extraConfig` under `remoteAuth`):
    // a plain value of the same name elsewhere is another thing (`enabled`, `existingSecret`).
    let elsewhere = newest
        .iter()
        .find(|p| p.rsplit('.').next() == Some(leaf) && p.as_str() != path && INVENTORY.free.contains_key(p.as_str()));
    if let Some(elsewhere) = elsewhere {
        return Some((*elsewhere).clone());
    }
    newest
        .iter()
        .filter(|p| p.rsplit_once('.').map_or("", |(parent, _)| parent) == parent)
        .map(|p| {
            let sibling = p.rsplit('.').next().unwrap_or(p).to_lowercase();
            let leaf = leaf.to_lowercase();
            // `user` for `username`: a sibling that begins with the key written.
            let near = sibling.starts_with(&leaf) && leaf.len() >= 4;
            (if near { 1 } else { crate::spelling::distance(&sibling, &leaf) }, p, leaf.len())
        })
        // Two edits only in a long key (`host` is not `port`), and never from a secret's name to
        // another kind of key (`bindPw` is not `bindDn`, which the ConfigMap shows in clear).
        .filter(|(distance, p, length)| {
            *distance <= if *length >= 8 { 2 } else { 1 }
                && crate::secret::is_secret_name(leaf)
                    == crate::secret::is_secret_name(p.rsplit('.').next().unwrap_or(p))
        })
        .map(|(distance, p, _)| (distance, p))
        .min()
        .map(|(_, p)| (*p).clone())
}

/// The image a values file names, as `repository:tag` (`image.registry` ahead when it is set), if
/// it names a tag: the chart runs `image.tag`, else its own appVersion (8.3.61 values.yaml
/// L64-72, `common.images.image`), which the file does not show. A HelmRelease's are under its
/// `spec.values`.
pub fn image(text: &str) -> Option<String> {
    let loaded = load(text);
    let image = values_of(&loaded.documents)?.get("image")?;
    let field = |name: &str| image.get(name).and_then(Node::as_str).filter(|s| !s.is_empty());
    // Unwritten, the repository is the chart's default, netbox-docker's image (8.3.61
    // values.yaml L66; `netboxcommunity/netbox` on Docker Hub before 5.0.0).
    let (repository, tag) = (field("repository").unwrap_or("netbox-community/netbox"), field("tag")?);
    Some(match field("registry") {
        Some(registry) => format!("{registry}/{repository}:{tag}"),
        None => format!("{repository}:{tag}"),
    })
}

/// The values among a file's YAML documents: the first Flux `HelmRelease` or Argo CD
/// `Application` that holds some, else the first document unless it is a Kubernetes manifest
/// (`apiVersion:` and `kind:`: its values, if any, are in another form, such as Argo CD's
/// `helm.values` string, [`values_string`]). An umbrella chart's values hold netbox-chart's under
/// `netbox:`.
fn values_of(documents: &[Node]) -> Option<&Node> {
    let manifest = |document: &Node| document.get("apiVersion").is_some() && document.get("kind").is_some();
    // The release of chart `netbox` when a file holds several; one that names another chart is
    // never read.
    let release = documents
        .iter()
        .find(|d| chart_name(d) == Some("netbox") && values_root(d).is_some())
        .or_else(|| documents.iter().find(|d| chart_name(d).is_none() && values_root(d).is_some()));
    if let Some(release) = release {
        // A release of netbox-chart itself: its values are the chart's, `netbox:` included.
        return values_root(release);
    }
    let values = documents.first().filter(|d| !manifest(d))?;
    // Any top-level key of the chart's own (not only those that tell the kind).
    let chart_key = |node: &Node| match &node.kind {
        NodeKind::Map(entries) => {
            entries.iter().any(|(key, _)| key.as_str().is_some_and(|key| INVENTORY.paths.contains_key(key)))
        }
        _ => false,
    };
    match values.get("netbox") {
        Some(netbox) if !CHART_KEYS.iter().any(|key| values.get(key).is_some()) && chart_key(netbox) => Some(netbox),
        _ => Some(values),
    }
}

/// The chart a HelmRelease or an Application installs, when it names one: Flux's
/// `spec.chart.spec.chart`, Argo CD's `chart:` of its source (or of a source of `sources`).
fn chart_name(document: &Node) -> Option<&str> {
    let spec = document.get("spec")?;
    match document.get("kind").and_then(Node::as_str)? {
        "HelmRelease" => spec.get("chart")?.get("spec")?.get("chart")?.as_str(),
        "Application" => {
            spec.get("source").and_then(|s| s.get("chart")?.as_str()).or_else(|| match &spec.get("sources")?.kind {
                NodeKind::Seq(sources) => {
                    sources.iter().find_map(|s| s.get("chart")?.as_str().filter(|c| *c == "netbox"))
                }
                _ => None,
            })
        }
        _ => None,
    }
}

/// The values a Flux HelmRelease holds under `spec.values`, or an Argo CD Application under
/// `spec.source.helm.valuesObject` (or its first `spec.sources` entry that has one).
fn values_root(document: &Node) -> Option<&Node> {
    let spec = document.get("spec");
    let values = match document.get("kind").and_then(Node::as_str) {
        Some("HelmRelease") => spec.and_then(|spec| spec.get("values")),
        Some("Application") => spec.and_then(|spec| {
            fn object(source: &Node) -> Option<&Node> {
                source.get("helm")?.get("valuesObject")
            }
            spec.get("source").and_then(object).or_else(|| match &spec.get("sources")?.kind {
                NodeKind::Seq(sources) => sources.iter().find_map(object),
                _ => None,
            })
        }),
        _ => None,
    };
    values.filter(|values| matches!(values.kind, NodeKind::Map(_)))
}

/// An Argo CD Application's `helm.values` (of its source, or of the `sources` entry that installs
/// chart `netbox`) written as a literal block (`values: |`): the text with everything but the
/// block's lines blanked, so that the values it holds load at their own places. A quoted or
/// folded string's lines are not the values' lines: not read.
fn values_string(documents: &[Node], text: &str) -> Option<String> {
    let document = documents.iter().find(|d| {
        d.get("kind").and_then(Node::as_str) == Some("Application") && matches!(chart_name(d), None | Some("netbox"))
    })?;
    let spec = document.get("spec")?;
    let string =
        |source: &Node| source.get("helm")?.get("values").filter(|v| v.as_str().is_some()).map(|v| v.range.clone());
    let range = spec.get("source").and_then(string).or_else(|| match &spec.get("sources")?.kind {
        NodeKind::Seq(sources) => sources
            .iter()
            .filter(|s| matches!(s.get("chart").and_then(Node::as_str), None | Some("netbox")))
            .find_map(string),
        _ => None,
    })?;
    // The loader places a block scalar at its first line; its indicator ends the line before.
    let key_line = text.get(..range.start)?.trim_end().rsplit('\n').next()?;
    if !key_line.rsplit_once(':').is_some_and(|(_, indicator)| indicator.trim_start().starts_with('|')) {
        return None;
    }
    let (start, end) = (range.start, range.end.min(text.len()));
    let block = text.get(start..end)?;
    // A Helm template's actions (an app-of-apps chart templating the Application) are not YAML
    // until rendered: not read.
    if block.contains("{{") {
        return None;
    }
    // Bytes, not chars: the block keeps its bytes (multi-byte text included) at their offsets,
    // and everything around it becomes spaces, newlines kept.
    let blanked: Vec<u8> = text
        .bytes()
        .enumerate()
        .map(|(at, byte)| if byte == b'\n' || (start..end).contains(&at) { byte } else { b' ' })
        .collect();
    String::from_utf8(blanked).ok()
}

/// The two Redis connections NetBox gets from netbox-chart, under each release line's names: the
/// key switching the bundled server off, and the placeholder host the chart gives a connection
/// without one (values.yaml: `netbox-redis` in 4.1.1 L410, L427 and 5.0.78 L1064, L1084;
/// `netbox-kv` in 6.0.0 L1110, L1130 to 8.3.61 L1179, L1199), a name no Service of the release
/// has (the bundled one is `<fullname>-master`, or `-primary` for Valkey).
struct Connections {
    bundled: &'static str,
    tasks: &'static str,
    caching: &'static str,
    default_host: &'static str,
}

const CONNECTIONS: [Connections; 2] = [
    Connections { bundled: "redis", tasks: "tasksRedis", caching: "cachingRedis", default_host: "netbox-redis" },
    Connections { bundled: "valkey", tasks: "tasksDatabase", caching: "cachingDatabase", default_host: "netbox-kv" },
];

/// With the bundled server off (`redis.enabled: false`, `valkey.enabled: false`), the chart
/// renders each connection's `sentinels` if given, else its `host` (configmap.yaml: 4.1.1
/// L161-187, 5.0.78 L114-148, 6.0.0 L124-158; 8.3.61 L126-160 tries the sentinels first): one
/// connection given a server and the other neither keeps the other on the default host. A
/// connection whose `host` is written (even as the default) or that is written as anything but
/// a mapping is the file's choice, and a file mixing the two lines' names, or naming the other
/// line's keys beside a pinned release, is not judged, nor one whose Argo CD parameters set the
/// connection left out. Merge keys are followed.
fn connection_left_default(
    entries: &[(Node, Node)],
    documents: &[Node],
    pinned: Option<usize>,
    block: BlockId,
    disabled: &dyn Fn(&str) -> bool,
) -> Option<ChartConnectionLeftDefault> {
    let entries = with_merged(entries);
    let entry = |name: &str| entries.iter().copied().find(|(key, _)| key.as_str() == Some(name));
    let written: Vec<&Connections> =
        CONNECTIONS.iter().filter(|family| entry(family.tasks).is_some() || entry(family.caching).is_some()).collect();
    let [family] = written[..] else { return None };
    let valkey_line = INVENTORY.releases.iter().position(|r| r == "6.0.0");
    if let Some((pinned, valkey_line)) = pinned.zip(valkey_line)
        && (pinned >= valkey_line) != (family.bundled == "valkey")
    {
        return None;
    }
    // `--set` wins over the values: an Argo CD parameter may switch it back on.
    if !disabled(family.bundled) || argo_parameter_set(documents, &format!("{}.enabled", family.bundled)) {
        return None;
    }
    // The template's `if …sentinels` is false for a missing, null, empty list or empty text.
    let sentinels_given = |value: &Node| match &value.kind {
        NodeKind::Seq(items) => !items.is_empty(),
        NodeKind::Null => false,
        NodeKind::Str(text) => !text.is_empty(),
        _ => true,
    };
    fn keys_of(value: &Node) -> Option<Vec<(&Node, &Node)>> {
        match &value.kind {
            NodeKind::Map(keys) => Some(with_merged(keys)),
            _ => None,
        }
    }
    let names_server = |value: &Node| {
        keys_of(value).is_some_and(|keys| {
            keys.iter().any(|(key, value)| match key.as_str() {
                Some("host") => value.as_str().is_some_and(|host| !host.is_empty() && host != family.default_host),
                Some("sentinels") => sentinels_given(value),
                _ => false,
            })
        })
    };
    // Left: absent, or a mapping with neither a host nor Sentinels of its own.
    let left_default = |value: Option<&Node>| match value {
        None => true,
        Some(value) => keys_of(value).is_some_and(|keys| {
            !keys.iter().any(|(key, value)| {
                key.as_str() == Some("host") || key.as_str() == Some("sentinels") && sentinels_given(value)
            })
        }),
    };
    let (tasks, caching) = (entry(family.tasks), entry(family.caching));
    let (configured, configured_entry, left, left_entry) = match (tasks, caching) {
        (Some(t), c) if names_server(t.1) && left_default(c.map(|(_, v)| v)) => (family.tasks, t, family.caching, c),
        (t, Some(c)) if names_server(c.1) && left_default(t.map(|(_, v)| v)) => (family.caching, c, family.tasks, t),
        _ => return None,
    };
    if argo_parameter_under(documents, left) {
        return None;
    }
    Some(ChartConnectionLeftDefault {
        bundled_off: family.bundled,
        configured,
        configured_range: configured_entry.0.range.clone(),
        left,
        left_range: left_entry.map(|(key, _)| key.range.clone()),
        default_host: family.default_host,
        block,
    })
}

/// Top-level keys the Bitnami `common` library chart reads for netbox-chart (its helpers,
/// which the inventory does not scan: `common.names.namespace` reads `namespaceOverride`,
/// `common.names.name` and `fullname` read `nameOverride` and `fullnameOverride`,
/// `common.capabilities.kubeVersion` reads `kubeVersion`), and SOPS's metadata block, which a
/// values file encrypted with SOPS carries and SOPS removes on decryption.
const COMMON_LIBRARY: &[&str] =
    &["namespaceOverride", "nameOverride", "fullnameOverride", "kubeVersion", "clusterDomain", "sops"];

/// The chart's own names in `netbox.yaml`, which its `configuration.py` reads and NetBox never
/// does: `ALLOWED_HOSTS_INCLUDES_POD_ID` adds the pod's address to `ALLOWED_HOSTS` (8.3.61
/// `files/configuration.py` L87-88).
const CHART_OWN: &[&str] = &["ALLOWED_HOSTS_INCLUDES_POD_ID"];

/// Parse netbox-chart values: the settings they make, and the keys no release reads.
pub fn parse(text: &str, block: BlockId) -> PythonFile {
    let loaded = load(text);
    let mut file = PythonFile::default();
    if let Some(limit) = loaded.too_complex {
        file.too_complex = Some(Box::new(limit));
        return file;
    }
    file.syntax_errors = loaded.syntax_errors;
    // An Argo CD `helm.values` literal block is a values file laid into the Application: read in
    // place (the text around it blanked), its keys keep their lines and columns.
    let embedded;
    let root = match values_of(&loaded.documents) {
        Some(root) => root,
        None => {
            let Some(values) = values_string(&loaded.documents, text) else { return file };
            embedded = load(&values);
            file.syntax_errors.extend(embedded.syntax_errors.iter().cloned());
            let Some(root) = embedded.documents.first() else { return file };
            root
        }
    };
    let NodeKind::Map(entries) = &root.kind else {
        if !matches!(root.kind, NodeKind::Null) {
            file.syntax_errors.push(SyntaxError {
                range: root.range.clone(),
                message: "netbox-chart's values are a mapping of keys at the top level".to_string(),
            });
        }
        return file;
    };
    let existing_secret = entries
        .iter()
        .any(|(key, value)| key.as_str() == Some("existingSecret") && value.as_str().is_some_and(|s| !s.is_empty()));
    // Values a HelmRelease or an Application holds as YAML (not Argo CD's `helm.values` text).
    let in_resource = loaded.documents.iter().any(|document| values_root(document).is_some());
    let mut read = Read { pinned: pinned_release(&loaded.documents), text, in_resource, ..Read::default() };
    let values_elsewhere = values_from_elsewhere(&loaded.documents);
    walk(entries, "", block, &mut read);
    for (key, value) in entries {
        match key.as_str() {
            // The chart's Secret holds them only when no `existingSecret` replaces it.
            Some("secretKey") if !existing_secret && value.as_str().is_some_and(|s| !s.is_empty()) => {
                read.settings.push(setting("SECRET_KEY", key, value, block));
            }
            Some("apiTokenPeppers") if !existing_secret && matches!(&value.kind, NodeKind::Map(m) if !m.is_empty()) => {
                read.settings.push(setting("API_TOKEN_PEPPERS", key, value, block));
            }
            // Another values file's `secretKey` is then not used: unknown, laid over it.
            Some("existingSecret") if existing_secret => {
                let mut secret = setting("SECRET_KEY", key, value, block);
                secret.value.kind = ValueKind::Unknown;
                read.settings.push(secret);
            }
            Some("extraConfig") => extra_config(value, block, &mut read, &mut file.binds_unseen_names),
            _ => {}
        }
    }
    // The chart renders the Sentinels only without its own Redis: `redis.enabled: false` up to
    // 5.x (4.0.1 templates/configmap.yaml L47, `if and (not .Values.redis.enabled) …`; 5.0.30
    // L116-119, `if .Values.redis.enabled … else if …sentinels`), `valkey.enabled: false` in
    // 6.0.x (6.0.60 L126-129); from 6.1.0 whenever they are given (_helpers.tpl L128-141). Both
    // sub-charts are enabled by default, and a file that names no release may be for 6.0.x.
    let disabled = |chart: &str| {
        entries.iter().any(|(key, value)| {
            key.as_str() == Some(chart) && value.get("enabled").is_some_and(|e| matches!(e.kind, NodeKind::Bool(false)))
        })
    };
    // The chart takes the database's host, port, name, user and password (or Secret) from
    // `externalDatabase` only with its bundled PostgreSQL off: `if .Values.postgresql.enabled` …
    // `else` in templates/configmap.yaml and _helpers.tpl (`netbox.postgresql.secret`,
    // `…secretKey`) from 0.1.0 to 6.1.15 and later, with `postgresql.enabled: true` in
    // values.yaml (corpus case t198). Judged where these values leave it on (not written, or
    // `true`) and no other values of the release are named (Flux `valuesFrom`, Argo CD
    // `valueFiles`), nor an Argo CD parameter for `postgresql.enabled` (`--set`, which wins over
    // the values); a value equal to the chart's default changes nothing.
    // Any `enabled` but `true` (false, a template's slot) may switch it off, in this file or
    // another of the release's: then nothing is said.
    let postgresql_on = !entries.iter().any(|(key, value)| {
        key.as_str() == Some("postgresql")
            && value.get("enabled").is_some_and(|e| !matches!(e.kind, NodeKind::Bool(true)))
    }) && !argo_parameter_set(&loaded.documents, "postgresql.enabled");
    file.chart_postgresql_maybe_off = !postgresql_on;
    if postgresql_on
        && !values_elsewhere
        && let Some((_, external)) = entries.iter().find(|(key, _)| key.as_str() == Some("externalDatabase"))
        && let NodeKind::Map(keys) = &external.kind
    {
        file.chart_external_database = keys
            .iter()
            .filter_map(|(key, value)| {
                let name = key.as_str().filter(|name| EXTERNAL_DATABASE_IGNORED.contains(name))?;
                let path = format!("externalDatabase.{name}");
                let default = EXTERNAL_DATABASE_DEFAULTS.iter().any(|&(default_of, default)| {
                    default_of == name
                        && (value.as_str() == Some(default)
                            || matches!(value.kind, NodeKind::Int(port) if port.to_string() == default))
                });
                let unset = matches!(value.kind, NodeKind::Null) || value.as_str() == Some("");
                (!unset && !default).then(|| ChartValue { path, range: key.range.clone(), block })
            })
            .collect();
    }
    file.chart_superuser =
        superuser_values(entries, &loaded.documents, read.pinned, values_elsewhere, existing_secret, block);
    file.chart_connections_written = CONNECTIONS
        .iter()
        .flat_map(|family| [family.tasks, family.caching])
        .filter(|name| entries.iter().any(|(key, _)| key.as_str() == Some(name)))
        .map(|name| (block, name))
        .collect();
    let extra_config =
        entries.iter().any(|(key, value)| key.as_str() == Some("extraConfig") && !matches!(value.kind, NodeKind::Null));
    if !values_elsewhere && !extra_config {
        file.chart_connection_left_default =
            connection_left_default(entries, &loaded.documents, read.pinned, block, &disabled).map(Box::new);
    }
    let always = INVENTORY.releases.iter().position(|r| r == "6.1.0");
    let pinned = read.pinned;
    read.sentinels.retain(|sentinel| match sentinel.path.split('.').next() {
        Some("tasksDatabase" | "cachingDatabase") => {
            pinned.zip(always).is_some_and(|(p, a)| p >= a) || disabled("valkey")
        }
        _ => disabled("redis"),
    });
    let Read {
        mut settings, mut unread, written, mut rendered, mut sentinels, mut ldap, worker_off, mut nulls, ..
    } = read;
    file.chart_worker_off = worker_off;
    // The chart renders ldap.yaml only for the LDAP backend (`has "netbox.authentication.LDAPBackend"
    // .Values.remoteAuth.backends`, 8.3.61 configmap.yaml L176; `remoteAuth.backend` of older
    // releases): without it the LDAP values are read by nothing (the chart's default backend is
    // RemoteUserBackend, values.yaml L370-371).
    let ldap_backend = settings.iter().any(|s| {
        s.name == "REMOTE_AUTH_BACKEND"
            && match &s.value.kind {
                ValueKind::Str(backend) => backend == LDAP_BACKEND,
                ValueKind::List(items) | ValueKind::Tuple(items) => {
                    items.iter().any(|b| b.as_str() == Some(LDAP_BACKEND))
                }
                _ => false,
            }
    });
    if !ldap_backend && !ldap.is_empty() {
        let dropped: std::collections::HashSet<usize> = ldap.drain(..).collect();
        settings.retain(|s| !dropped.contains(&s.name_range.start));
        rendered.retain(|at| !dropped.contains(at));
    }
    // `startTls` not written is the release's default, rendered as `AUTH_LDAP_START_TLS: {{ toJson
    // … }}`: true where values.yaml has it (6.0.60 L392), null, so False, where it is only a
    // comment (3.0.0 L196, 4.0.1 L218). Without a pinned release it is not known. It is placed
    // at the URI, which is what it is judged with.
    // Values the release also takes from elsewhere (Flux `valuesFrom`, Argo CD `valueFiles`) may
    // set it: not known then.
    if ldap_backend && !settings.iter().any(|s| s.name == "AUTH_LDAP_START_TLS") {
        let uri = settings.iter().find(|s| s.name == "AUTH_LDAP_SERVER_URI" && ldap.contains(&s.name_range.start));
        if let Some(uri) = uri {
            let kind = match pinned {
                Some(_) if !values_elsewhere => {
                    ValueKind::Bool(default_of("remoteAuth.ldap.startTls", pinned).is_some_and(|d| d == true))
                }
                _ => ValueKind::Unknown,
            };
            let start_tls = Setting {
                name: CompactString::from("AUTH_LDAP_START_TLS"),
                value: Value { kind, range: uri.name_range.clone() },
                ..uri.clone()
            };
            settings.push(start_tls);
        }
    }
    // A key only older releases read is reported only beside one only later releases read: the
    // file's chart is not known, and an old chart reads it.
    for old in &mut unread {
        // By the inventory's order, which places the betas (`5.0.0-beta7`) before 5.0.0.
        let at = |name: &str| INVENTORY.releases.iter().position(|r| r == name);
        let Some(last) = old.read_by.last().and_then(|[_, last]| at(last)) else { continue };
        old.later_key = written.iter().find_map(|(path, runs)| {
            let first = &runs.first()?[0];
            (at(first)? > last).then(|| (path.clone(), first.clone()))
        });
    }
    unread.retain(|u| u.read_by.is_empty() || u.later_key.is_some() || u.pinned.is_some());
    // A null key the chart of these values does not read has no default there to delete: it is
    // reported as unread only.
    nulls.retain(|null| !unread.iter().any(|u| u.path == null.path));
    file.chart_nulls = nulls.into_boxed_slice();
    // One finding per renamed block (`tasksRedis:`), not one per key inside it: a key whose
    // parent path is reported goes (each path's parents looked up, so linear in the keys).
    let reported: std::collections::HashSet<String> = unread.iter().map(|u| u.path.clone()).collect();
    unread.retain(|u| !u.path.match_indices('.').any(|(at, _)| reported.contains(&u.path[..at])));
    // A block collection's node runs up to the next key: a finding ends at its last character.
    let trimmed = |range: &mut std::ops::Range<usize>| {
        let kept = text.get(range.clone()).map_or(0, |t| t.trim_end().len());
        range.end = range.start + kept;
    };
    for setting in &mut settings {
        trimmed(&mut setting.value.range);
        trimmed(&mut setting.statement);
    }
    file.settings = settings.into_iter().map(Arc::new).collect();
    file.chart_unread = unread.into_boxed_slice();
    file.chart_rendered = rendered.into_boxed_slice();
    file.chart_ldap = ldap.into_boxed_slice();
    for sentinel in &mut sentinels {
        trimmed(&mut sentinel.range);
    }
    file.chart_sentinels = sentinels.into_boxed_slice();
    file
}

/// The `externalDatabase` keys the chart reads only with its bundled PostgreSQL off (`engine`,
/// `options`, `connMaxAge` and `disableServerSideCursors` it renders either way).
const EXTERNAL_DATABASE_IGNORED: &[&str] =
    &["host", "port", "database", "username", "password", "existingSecretName", "existingSecretKey"];

/// Their defaults, the same in the values.yaml of every release in the chart's repository (552,
/// 0.1.0 to 8.3.61, and the 30 untagged development states): a copy of that file writes them and changes nothing.
const EXTERNAL_DATABASE_DEFAULTS: &[(&str, &str)] = &[
    ("host", "localhost"),
    ("port", "5432"),
    ("database", "netbox"),
    ("username", "netbox"),
    ("existingSecretKey", "postgresql-password"),
];

/// NetBox's LDAP backend, for which the chart renders its LDAP values.
const LDAP_BACKEND: &str = "netbox.authentication.LDAPBackend";

/// What reading a values file's keys gathers.
#[derive(Default)]
struct Read<'a> {
    /// The settings the chart makes of them.
    settings: Vec<Setting>,
    /// The keys it does not read.
    unread: Vec<UnreadValue>,
    /// Where each setting the chart renders from its own keys is written.
    rendered: Vec<usize>,
    /// Of them, the ones the chart renders into `ldap.yaml`, which its `ldap_config.py` loads.
    ldap: Vec<usize>,
    /// The index in the inventory's releases of the chart release the file pins.
    pinned: Option<usize>,
    /// Each key the inventory knows, with the releases that read it.
    written: Vec<(String, &'static [[String; 2]])>,
    /// The Sentinels the chart cannot split.
    sentinels: Vec<ChartSentinel>,
    /// `worker.enabled: false`: the block and the value's range.
    worker_off: Option<(BlockId, std::ops::Range<usize>)>,
    /// Keys written as null whose chart default is a map (see `PythonFile::chart_nulls`).
    nulls: Vec<ChartValue>,
    /// The values are a Flux HelmRelease's or an Argo CD Application's own (`spec.values`,
    /// `valuesObject`), applied to Kubernetes before Helm reads them.
    in_resource: bool,
    /// The values' text (a Helm template's slot is told by how it is written).
    text: &'a str,
}

/// `global:` is for the sub-charts: netbox-chart passes it whole to Bitnami common's image and
/// storage-class helpers only (templates/_helpers.tpl, pvc.yaml; no template of any release names
/// `global.redis`). Under `global.redis` the Redis chart netbox-chart 2.0.0 to 5.x bundles reads
/// `password` alone (bitnami/charts' redis from 10.5.6, its first version there, to 23.1.1, every
/// tag: `global.redis.password`; the common library reads none), and 6.0.0 and later bundle no
/// Redis chart. Any other key there is read by nothing. Not judged for a file pinning 0.x or 1.x,
/// whose Redis charts (8.x, 9.x) were not read here, nor under `global.valkey` (the Valkey charts
/// of 7.2.0 and later, 5.x and 6.x, were not read either).
fn global_keys_unread(global: &Node, block: BlockId, read: &mut Read<'_>) {
    let read_before_2 = INVENTORY.releases.iter().position(|r| r == "2.0.0");
    if read.pinned.zip(read_before_2).is_some_and(|(pinned, first)| pinned < first) {
        return;
    }
    let Some(NodeKind::Map(keys)) = global.get("redis").map(|node| &node.kind) else { return };
    for (key, _) in with_merged(keys) {
        let Some(name) = key.as_str().filter(|name| *name != "password") else { continue };
        read.unread.push(unread_value(format!("global.redis.{name}"), key, Vec::new(), read.pinned, block));
    }
}

/// A mapping's keys as Helm's YAML reader gives them: its own, then those a merge key (`<<: *x`,
/// or a list of them, the first winning) brings and it does not write itself (the merge is
/// shallow). Keys that are not text are left out.
fn with_merged(entries: &[(Node, Node)]) -> Vec<(&Node, &Node)> {
    let mut out = Vec::new();
    merge_into(entries, &mut out, &mut std::collections::HashSet::new(), MERGE_DEPTH);
    out
}

/// How deep merge keys are followed (a merged mapping's own `<<`, and so on): YAML anchors cannot
/// refer to themselves, and real values chain two or three.
const MERGE_DEPTH: usize = 8;

/// A mapping's keys into `out`, those already there (`seen`) winning: its own, then its merge
/// keys'.
fn merge_into<'n>(
    entries: &'n [(Node, Node)],
    out: &mut Vec<(&'n Node, &'n Node)>,
    seen: &mut std::collections::HashSet<&'n str>,
    depth: usize,
) {
    for (key, value) in entries {
        if let Some(name) = key.as_str().filter(|name| *name != "<<")
            && seen.insert(name)
        {
            out.push((key, value));
        }
    }
    let Some(depth) = depth.checked_sub(1) else { return };
    for (_, value) in entries.iter().filter(|(key, _)| key.as_str() == Some("<<")) {
        let maps: Vec<&Node> = match &value.kind {
            NodeKind::Map(_) => vec![value],
            NodeKind::Seq(items) => items.iter().collect(),
            _ => Vec::new(),
        };
        for map in maps {
            if let NodeKind::Map(merged) = &map.kind {
                merge_into(merged, out, seen, depth);
            }
        }
    }
}

fn walk(entries: &[(Node, Node)], prefix: &str, block: BlockId, read: &mut Read<'_>) {
    // A YAML merge key (`<<: *defaults`), which Helm's YAML reader applies: its mapping's keys are
    // this mapping's (see `with_merged`).
    for (key, value) in with_merged(entries) {
        let Some(name) = key.as_str() else { continue };
        let path = format!("{prefix}{name}");
        if path == "global" {
            global_keys_unread(value, block, read);
        }
        // A sub-chart's values (`postgresql:`, `valkey:`) are that chart's, for the releases that
        // bundle it: `redis:` up to 5.x, `valkey:` from 6.0.0. Outside them the block renders
        // nothing, judged as any key (so `redis:` beside `valkey:`, or for a pinned 6.x: corpus
        // case t225).
        if let Some(bundled_by) = INVENTORY.free.get(&path).filter(|_| !INVENTORY.paths.contains_key(&path)) {
            read.written.push((path.clone(), bundled_by));
            let unread = match read.pinned {
                Some(pinned) => !holds(bundled_by, pinned),
                None => bundled_by.last().is_none_or(|[_, last]| last != newest_release()),
            };
            if unread {
                read.unread.push(unread_value(path, key, bundled_by.clone(), read.pinned, block));
            }
            continue;
        }
        // A top-level `enabled` is what a parent chart's dependency `condition:` reads
        // (netbox-operator's `netbox.enabled`, trial ten).
        if path == "enabled"
            || COMMON_LIBRARY.contains(&path.as_str())
            // A top-level key kept only to hold a YAML anchor (`_defaults: &res`, `x-common:`)
            // is there on purpose, not a key meant for the chart.
            || (prefix.is_empty() && (name.starts_with('_') || name.starts_with("x-")))
        {
            continue;
        }
        let Some(read_by) = INVENTORY.paths.get(&path) else {
            read.unread.push(unread_value(path, key, Vec::new(), read.pinned, block));
            continue;
        };
        read.written.push((path.clone(), read_by));
        // Null (`tasksRedis:` with every line under it commented out): Helm's coalesceValues
        // deletes the chart's default map ('When the YAML value is null, we remove the value's
        // key', pkg/chartutil/coalesce.go), so each key under it the chart reads is gone (corpus
        // case t227). Judged where a template of the release (pinned, else some release that
        // reads the key) names a key under it itself: a map only taken whole (`toYaml`, `range`,
        // behind `if .Values.updateStrategy`) is one a null may drop on purpose. Not in a Flux
        // HelmRelease's or an Argo CD Application's own values, where the Kubernetes apply may
        // drop the null before Helm sees it (fluxcd/helm-controller#319).
        if matches!(value.kind, NodeKind::Null) && !read.in_resource {
            let prefix = format!("{path}.");
            let reads_under = INVENTORY.named_below.iter().any(|(child, runs)| {
                child.starts_with(&prefix)
                    && match read.pinned {
                        Some(pinned) => holds(read_by, pinned) && holds(runs, pinned),
                        None => runs.iter().any(|run| {
                            INVENTORY
                                .releases
                                .iter()
                                .position(|r| *r == run[0])
                                .is_some_and(|first| holds(read_by, first))
                        }),
                    }
            });
            if reads_under {
                read.nulls.push(ChartValue { path: path.clone(), range: key.range.clone(), block });
            }
        }
        // Every release that reads a `sentinels:` list splits each item on `:` in its
        // configuration.py (`tuple(x.split(r":"))`, 8.3.61 files/configuration.py L83-86; 4.0.1
        // templates/configmap.yaml L48-49): an item that is no text stops NetBox at start-up.
        // The chart's worker Deployment (templates/worker/deployment.yaml, `if
        // .Values.worker.enabled`), the only process of the release that runs `rqworker`.
        if path == "worker.enabled"
            && matches!(value.kind, NodeKind::Bool(false))
            && read.pinned.is_none_or(|pinned| holds(read_by, pinned))
        {
            read.worker_off = Some((block, value.range.clone()));
        }
        if path.ends_with(".sentinels")
            && let NodeKind::Seq(items) = &value.kind
        {
            // `- {{ .Values.x }}` loads as a flow mapping: a Helm template's slot, not a value.
            let text = read.text;
            let template = |item: &Node| text.get(item.range.clone()).is_some_and(|t| t.trim_start().starts_with("{{"));
            for item in items.iter().filter(|item| {
                matches!(
                    item.kind,
                    NodeKind::Map(_) | NodeKind::Seq(_) | NodeKind::Int(_) | NodeKind::Float(_) | NodeKind::Bool(_)
                ) && !template(item)
            }) {
                read.sentinels.push(ChartSentinel { path: path.clone(), range: item.range.clone(), block });
            }
        }
        // The release the file pins decides; else a key the newest release does not read is
        // noted (and kept only beside a key of later releases, below).
        let unread = match read.pinned {
            Some(pinned) => !holds(read_by, pinned),
            None => read_by.last().is_none_or(|[_, last]| last != newest_release()),
        };
        if unread {
            read.unread.push(unread_value(path.clone(), key, read_by.clone(), read.pinned, block));
        }
        // The pinned release's setting for the path; else the newest release's, or the last
        // one that had one.
        let mut made_of_path = INVENTORY.settings.iter().filter(|s| s.path == path && s.file == "netbox.yaml");
        let made = match read.pinned {
            Some(pinned) => made_of_path.find(|s| holds(&s.releases, pinned)),
            None => made_of_path.max_by_key(|s| INVENTORY.releases.iter().position(|r| r == last_of(&s.releases))),
        };
        // A value the chart's default repeats changes nothing: the chart renders that setting
        // whatever the file says, so what a rule would say of it is not the file's to fix.
        // (Not even an unknown one: rules that judge a setting's presence would then judge the
        // chart's rendering. A later values file that sets a key back to its default, `helm -f
        // base.yaml -f prod.yaml`, is therefore not seen to undo the earlier file's value.)
        let default = default_of(&path, read.pinned).is_some_and(|default| same_as(value, default));
        if let Some(made) = made.filter(|made| !CHART_OWN.contains(&made.setting.as_str()) && !default) {
            read.settings.push(setting(&made.setting, key, value, block));
            read.rendered.push(key.range.start);
        }
        // The LDAP values become `ldap.yaml` (8.3.61 templates/configmap.yaml L176-216), which
        // the chart's ldap_config.py loads into its globals; kept below only where the chart
        // renders that file (its backends name the LDAP backend).
        let mut made_for_ldap = INVENTORY.settings.iter().filter(|s| s.path == path && s.file == "ldap.yaml");
        let made = match read.pinned {
            Some(pinned) => made_for_ldap.find(|s| holds(&s.releases, pinned)),
            None => made_for_ldap.max_by_key(|s| INVENTORY.releases.iter().position(|r| r == last_of(&s.releases))),
        };
        // A value equal to the chart's default is read too: ldap.yaml renders every LDAP value,
        // and the LDAP rules judge them together (`startTls` beside `serverUri`).
        if let Some(made) = made {
            read.settings.push(setting(&made.setting, key, value, block));
            read.rendered.push(key.range.start);
            read.ldap.push(key.range.start);
        }
        if INVENTORY.free.contains_key(&path) {
            continue;
        }
        if let NodeKind::Map(children) = &value.kind {
            walk(children, &format!("{path}."), block, read);
        }
    }
}

/// Whether a YAML value is the JSON one (the inventory's default): mappings in any order.
fn same_as(node: &Node, json: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (&node.kind, json) {
        (NodeKind::Null, J::Null) => true,
        (NodeKind::Bool(a), J::Bool(b)) => a == b,
        (NodeKind::Int(a), J::Number(b)) => b.as_i64() == Some(*a),
        (NodeKind::Float(a), J::Number(b)) => b.as_f64() == Some(*a),
        (NodeKind::Str(a), J::String(b)) => a == b,
        (NodeKind::Seq(a), J::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_as(a, b)),
        (NodeKind::Map(a), J::Object(b)) => {
            a.len() == b.len()
                && a.iter().all(|(k, v)| k.as_str().and_then(|k| b.get(k)).is_some_and(|b| same_as(v, b)))
        }
        _ => false,
    }
}

/// A key the chart does not read, at its key.
fn unread_value(
    path: String,
    key: &Node,
    read_by: Vec<[String; 2]>,
    pinned: Option<usize>,
    block: BlockId,
) -> UnreadValue {
    UnreadValue { path, range: key.range.clone(), read_by, later_key: None, pinned: pinned.map(release_name), block }
}

/// A release's name by its index in the inventory.
fn release_name(index: usize) -> String {
    INVENTORY.releases.get(index).cloned().unwrap_or_default()
}

/// Whether a release (by its index) is in a list of `[first, last]` runs.
fn holds(runs: &[[String; 2]], index: usize) -> bool {
    let at = |name: &str| INVENTORY.releases.iter().position(|r| r == name);
    runs.iter().any(|[first, last]| at(first).is_some_and(|f| f <= index) && at(last).is_some_and(|l| index <= l))
}

/// Whether an Argo CD Application of the file sets a value by a `helm.parameters` entry (`name:
/// postgresql.enabled`), which wins over its values.
fn argo_parameter_set(documents: &[Node], path: &str) -> bool {
    argo_parameter_matching(documents, |name| name == path)
}

/// Whether an Argo CD parameter sets `key` or anything under it (`cachingRedis.host`,
/// `cachingRedis.sentinels[0]`).
fn argo_parameter_under(documents: &[Node], key: &str) -> bool {
    argo_parameter_matching(documents, |name| {
        name.strip_prefix(key).is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
    })
}

fn argo_parameter_matching(documents: &[Node], matches: impl Fn(&str) -> bool) -> bool {
    documents.iter().filter(|document| document.get("kind").and_then(Node::as_str) == Some("Application")).any(
        |document| {
            let Some(spec) = document.get("spec") else { return false };
            let sets = |source: &Node| {
                source.get("helm").and_then(|helm| helm.get("parameters")).is_some_and(|parameters| {
                    parameters
                        .items()
                        .iter()
                        .any(|parameter| parameter.get("name").and_then(Node::as_str).is_some_and(&matches))
                })
            };
            spec.get("source").is_some_and(sets)
                || spec.get("sources").is_some_and(|sources| sources.items().iter().any(sets))
        },
    )
}

/// Whether the release takes values from files or objects not shown: a Flux HelmRelease's
/// `spec.valuesFrom` or its chart's `valuesFiles`, an Argo CD Application's `helm.valueFiles`
/// (of `source` or any of `sources`).
fn values_from_elsewhere(documents: &[Node]) -> bool {
    documents.iter().any(|document| {
        let Some(spec) = document.get("spec") else { return false };
        match document.get("kind").and_then(Node::as_str) {
            Some("HelmRelease") => {
                spec.get("valuesFrom").is_some()
                    || spec.get("chart").and_then(|c| c.get("spec")).and_then(|c| c.get("valuesFiles")).is_some()
            }
            Some("Application") => {
                let files = |source: &Node| source.get("helm").and_then(|helm| helm.get("valueFiles")).is_some();
                spec.get("source").is_some_and(files)
                    || spec.get("sources").is_some_and(|sources| sources.items().iter().any(files))
            }
            _ => false,
        }
    })
}

/// `superuser.password` and `superuser.apiToken` as the chart hands them to netbox-docker's
/// entrypoint: its superuser Secret holds them (templates/secret.yaml up to 5.0.0-beta.18,
/// `default (randAlphaNum 16)`; superuser-secrets.yaml from beta.19; secret.yaml's
/// `common.secrets.passwords.manage` in 5.0.78 and 8.3.61), mounted at
/// /run/secrets/superuser_password and superuser_api_token (templates/deployment.yaml, every
/// release), and no release sets `SKIP_SUPERUSER`. Not where a Secret of one's own replaces the
/// chart's (the top-level `existingSecret` up to 5.0.0-beta.18, `superuser.existingSecret` from
/// beta.19: with no release pinned, either), another values file or an Argo CD parameter may give
/// them, `extraEnvs` sets `SKIP_SUPERUSER` (to `true`, or from elsewhere) or a ConfigMap or Secret
/// of variables may (`extraEnvVarsCM`, `extraEnvVarsSecret`), or `image.repository`
/// names another image than netbox-docker's.
fn superuser_values(
    entries: &[(Node, Node)],
    documents: &[Node],
    pinned: Option<usize>,
    values_elsewhere: bool,
    existing_secret: bool,
    block: BlockId,
) -> Box<[crate::parse::netbox::ChartSuperuserValue]> {
    let top = |name: &str| entries.iter().find(|(key, _)| key.as_str() == Some(name)).map(|(_, value)| value);
    let Some(superuser) = top("superuser") else { return Box::default() };
    // The release that moved the superuser into a Secret of its own (superuser-secrets.yaml).
    let own_secret_from = INVENTORY.releases.iter().position(|r| r == "5.0.0-beta.19");
    let (before, from) = match pinned.zip(own_secret_from) {
        Some((pinned, from)) => (pinned < from, pinned >= from),
        None => (true, true),
    };
    // `if not .Values.superuser.existingSecret`: null and '' are no Secret.
    let superuser_secret = superuser
        .get("existingSecret")
        .is_some_and(|secret| !matches!(secret.kind, NodeKind::Null) && secret.as_str() != Some(""));
    let replaced = (before && existing_secret) || (from && superuser_secret);
    // The entrypoint skips the superuser when the variable is `true` exactly; one set from a
    // ConfigMap or Secret (`valueFrom`) is not known.
    let skip_env = top("extraEnvs").is_some_and(|envs| {
        envs.items().iter().any(|env| {
            env.get("name").and_then(Node::as_str) == Some("SKIP_SUPERUSER")
                && env.get("value").and_then(Node::as_str).is_none_or(|value| value == "true")
        })
    }) || ["extraEnvVarsCM", "extraEnvVarsSecret"].iter().any(|key| {
        // A ConfigMap or Secret of variables (from 5.0.0-beta.152), not shown, may set it.
        top(key).is_some_and(|named| !matches!(named.kind, NodeKind::Null) && named.as_str() != Some(""))
    });
    let other_image = top("image").and_then(|image| image.get("repository")).is_some_and(|repository| {
        !repository.as_str().is_some_and(|r| {
            let r = r.trim().trim_start_matches("docker.io/").trim_start_matches("ghcr.io/");
            matches!(r, "netboxcommunity/netbox" | "netbox-community/netbox")
        })
    });
    let parameters =
        ["superuser", "existingSecret", "extraEnvs", "image"].iter().any(|key| argo_parameter_under(documents, key));
    if values_elsewhere || replaced || skip_env || other_image || parameters {
        return Box::default();
    }
    ["password", "apiToken"]
        .into_iter()
        .filter_map(|key| {
            let value = superuser.get(key)?;
            let text = value.as_str()?;
            Some(crate::parse::netbox::ChartSuperuserValue {
                key,
                value: text.to_string(),
                range: value.range.clone(),
                block,
            })
        })
        .collect()
}

/// The chart release a file pins, when the inventory has it: a Flux HelmRelease's
/// `spec.chart.spec.version` of chart `netbox`, or an Argo CD Application's `targetRevision` of a
/// source whose `chart:` is `netbox`: an exact version, or a series (`6.0.x`: its newest final
/// release, which Helm picks; other ranges pin none).
fn pinned_release(documents: &[Node]) -> Option<usize> {
    let text = |node: Option<&Node>| node.and_then(Node::as_str).map(str::to_string);
    let written = documents.iter().find_map(|document| match document.get("kind").and_then(Node::as_str)? {
        "HelmRelease" => {
            let chart = document.get("spec")?.get("chart")?.get("spec")?;
            (chart.get("chart").and_then(Node::as_str) == Some("netbox")).then(|| text(chart.get("version")))?
        }
        "Application" => {
            let spec = document.get("spec")?;
            let netbox = |source: &Node| source.get("chart").and_then(Node::as_str) == Some("netbox");
            let source = spec.get("source").filter(|s| netbox(s)).or_else(|| match &spec.get("sources")?.kind {
                NodeKind::Seq(sources) => sources.iter().find(|s| netbox(s)),
                _ => None,
            })?;
            text(source.get("targetRevision"))
        }
        _ => None,
    })?;
    let written = written.trim_start_matches('v');
    // `6.0.x` (or `6.0.*`): Flux and Helm install the newest final release of the series.
    if let Some(series) = written.strip_suffix(".x").or_else(|| written.strip_suffix(".*")) {
        let series = format!("{series}.");
        // Not a pre-release, nor an untagged development state (`4.2.0+652b916`: never published).
        return INVENTORY
            .releases
            .iter()
            .rposition(|release| release.starts_with(&series) && !release.contains(['-', '+']));
    }
    INVENTORY.releases.iter().position(|release| release == written)
}

/// A path's default in the release a file pins, else in the newest release that has one.
fn default_of(path: &str, pinned: Option<usize>) -> Option<&'static serde_json::Value> {
    let defaults = INVENTORY.defaults.get(path)?;
    let release = |runs: &[[String; 2]]| INVENTORY.releases.iter().position(|r| r == last_of(runs));
    match pinned {
        Some(pinned) => defaults.iter().find(|d| holds(&d.releases, pinned)),
        None => defaults.iter().max_by_key(|d| release(&d.releases)),
    }
    .map(|d| &d.value)
}

/// The last release of a run list.
fn last_of(runs: &[[String; 2]]) -> &str {
    runs.last().map_or("", |[_, last]| last.as_str())
}

/// Each `extraConfig` entry's `values:` are settings as written; one read from a ConfigMap or a
/// Secret (`configMap:`, `secret:`) may set any name. The chart reads no other field of an entry
/// (`$config.values`, `$config.configMap`, `$config.secret` in templates/configmap.yaml and
/// _helpers.tpl's `netbox.extraConfig.volumes`, 4.0.0 to 8.3.61): an entry of Python text under
/// another name (trial ten) loads nothing.
fn extra_config(value: &Node, block: BlockId, read: &mut Read<'_>, unseen: &mut bool) {
    let NodeKind::Seq(items) = &value.kind else { return };
    for item in items {
        let NodeKind::Map(fields) = &item.kind else { continue };
        // An entry with none of the fields the chart reads loads nothing: one finding, at its
        // first field, not one per field (t190's `secretName:` and `data:`). Beside one the
        // chart reads, each stray field is its own.
        let loads = fields.iter().any(|(field, _)| matches!(field.as_str(), Some("values" | "configMap" | "secret")));
        let mut reported_entry = false;
        for (field, content) in fields {
            match field.as_str() {
                Some("values") => {
                    if let NodeKind::Map(names) = &content.kind {
                        for (key, value) in names {
                            let Some(name) = key.as_str() else { continue };
                            // The chart's configuration.py sets SECRET_KEY after it loads the
                            // extra YAML, from its Secret (every release; 8.3.61
                            // files/configuration.py L67); API_TOKEN_PEPPERS too from 8.2.0 when
                            // its Secret holds peppers (L70-73; generated unless `existingSecret`
                            // replaces the Secret, where the key is optional): as written only
                            // on a pinned release before 8.2.0, else unknown.
                            if name == "SECRET_KEY" {
                                continue;
                            }
                            let mut made = setting(name, key, value, block);
                            let peppers_read = read.pinned.is_none_or(|pinned| {
                                INVENTORY.releases.iter().position(|r| r == "8.2.0").is_some_and(|from| pinned >= from)
                            });
                            if name == "API_TOKEN_PEPPERS" && peppers_read {
                                made.value.kind = ValueKind::Unknown;
                            }
                            // `_deep_merge` merges a mapping into the one netbox.yaml renders
                            // (REDIS always has tasks and caching): only part of it is here.
                            if matches!(made.value.kind, ValueKind::Dict(_)) && rendered_by_chart(name) {
                                made.value.kind = ValueKind::Unknown;
                            }
                            // Removed, it is the chart's rendering, not NetBox's default.
                            if rendered_by_chart(name) {
                                read.rendered.push(key.range.start);
                            }
                            read.settings.push(made);
                        }
                    } else {
                        *unseen = true;
                    }
                }
                Some("configMap" | "secret") => *unseen = true,
                Some(other) if loads || !reported_entry => {
                    reported_entry = true;
                    read.unread.push(unread_value(format!("extraConfig[].{other}"), field, Vec::new(), None, block));
                }
                Some(_) => {}
                None => {}
            }
        }
    }
}

/// Whether the chart's netbox.yaml renders a setting of this name: from one key of any release,
/// or as a mapping built from several (`DATABASES:`, `REDIS:`, `EMAIL:`, and `DATABASE:` before
/// 5.0.0; 8.3.61 templates/configmap.yaml, 0.1.0 the same with DATABASE).
fn rendered_by_chart(name: &str) -> bool {
    matches!(name, "DATABASES" | "DATABASE" | "REDIS" | "EMAIL")
        || INVENTORY.settings.iter().any(|s| s.setting == name && s.file == "netbox.yaml")
}

/// The setting a value becomes, placed on its value (its key when it has none).
fn setting(name: &str, key: &Node, value: &Node, block: BlockId) -> Setting {
    let value = python_value(value);
    let range = if value.range.is_empty() { key.range.clone() } else { value.range.clone() };
    Setting {
        name: CompactString::from(name),
        name_range: key.range.clone(),
        statement: key.range.start..range.end.max(key.range.end),
        value: Value { range, ..value },
        block,
    }
}

/// A YAML value as the Python value `yaml.safe_load` gives the chart's configuration.py.
fn python_value(node: &Node) -> Value {
    let kind = match &node.kind {
        NodeKind::Null => ValueKind::None,
        NodeKind::Bool(b) => ValueKind::Bool(*b),
        NodeKind::Int(i) => ValueKind::Int(*i),
        NodeKind::Float(f) => ValueKind::Float(*f),
        // A Go template in a value the chart renders with `tpl` (`externalDatabase.host`) is
        // filled in at install time.
        // So is a `${NAME}` that Flux's post-build substitution or Rancher Fleet fills in.
        NodeKind::Str(s) if is_template_slot(s) || s.contains("${") => ValueKind::Unknown,
        NodeKind::Str(s) => ValueKind::Str(CompactString::from(s.as_str())),
        NodeKind::Seq(items) => ValueKind::List(items.iter().map(python_value).collect()),
        NodeKind::Map(entries) => {
            ValueKind::Dict(entries.iter().map(|(k, v)| (python_value(k), python_value(v))).collect())
        }
        NodeKind::Tagged(..) => ValueKind::Unknown,
    };
    Value { kind, range: node.range.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(text: &str) -> Vec<(String, ValueKind)> {
        parse(text, BlockId(0)).settings.iter().map(|s| (s.name.to_string(), s.value.kind.clone())).collect()
    }

    /// The LDAP values become the settings of the chart's ldap.yaml, marked as such, where the
    /// backends name the LDAP backend; a value equal to the chart's default (`startTls: true`)
    /// too, since the LDAP rules judge them together.
    #[test]
    fn ldap_values_become_ldap_settings_with_the_ldap_backend() {
        let text = "remoteAuth:\n  backends:\n    - netbox.authentication.LDAPBackend\n  ldap:\n    serverUri: ldaps://dc01.example.com\n    startTls: true\n    ignoreCertErrors: true\n";
        let file = parse(text, BlockId(0));
        let names: Vec<&str> = file.settings.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["REMOTE_AUTH_BACKEND", "AUTH_LDAP_SERVER_URI", "AUTH_LDAP_START_TLS", "LDAP_IGNORE_CERT_ERRORS"]
        );
        assert_eq!(file.chart_ldap.len(), 3);
        assert!(file.chart_ldap.iter().all(|at| file.chart_rendered.contains(at)));
        // Another backend: the chart renders no ldap.yaml, and the values are read by nothing.
        let oidc = parse(
            &text
                .replace("netbox.authentication.LDAPBackend", "social_core.backends.open_id_connect.OpenIdConnectAuth"),
            BlockId(0),
        );
        assert_eq!(oidc.settings.len(), 1);
        assert!(oidc.chart_ldap.is_empty() && oidc.chart_rendered.len() == 1);
    }

    #[test]
    fn remote_auth_values_become_netbox_settings() {
        let text = "remoteAuth:\n  enabled: true\n  backends:\n    - social_core.backends.open_id_connect.OpenIdConnectAuth\n  header: HTTP_X_USER\n";
        let made = settings(text);
        assert_eq!(made[0], ("REMOTE_AUTH_ENABLED".to_string(), ValueKind::Bool(true)));
        assert_eq!(made[1].0, "REMOTE_AUTH_BACKEND");
        assert!(matches!(&made[1].1, ValueKind::List(items) if items.len() == 1));
        assert_eq!(made[2], ("REMOTE_AUTH_HEADER".to_string(), ValueKind::Str("HTTP_X_USER".into())));
    }

    #[test]
    fn extra_config_values_are_settings_as_written_and_a_secret_may_set_any() {
        let text = "extraConfig:\n  - values:\n      SOCIAL_AUTH_OIDC_ENDPOINT: https://auth.example.org/application/o/netbox/\n  - secret:\n      secretName: netbox-oidc\n";
        let file = parse(text, BlockId(0));
        assert_eq!(file.settings[0].name, "SOCIAL_AUTH_OIDC_ENDPOINT");
        assert_eq!(&text[file.settings[0].value.range.clone()], "https://auth.example.org/application/o/netbox/");
        assert!(file.binds_unseen_names);
    }

    #[test]
    fn an_extra_config_entry_without_values_config_map_or_secret_loads_nothing() {
        let text = "extraConfig:\n  - name: keycloak\n    content: |\n      import sys\n";
        let file = parse(text, BlockId(0));
        let unread: Vec<&str> = file.chart_unread.iter().map(|u| u.path.as_str()).collect();
        assert_eq!(unread, ["extraConfig[].name"], "one finding for the entry");
        // Beside a field the chart reads, each stray field is reported.
        let beside = parse(
            "extraConfig:\n  - values:\n      LOGIN_REQUIRED: true\n    name: keycloak\n    content: x\n",
            BlockId(0),
        );
        let stray: Vec<&str> = beside.chart_unread.iter().map(|u| u.path.as_str()).collect();
        assert_eq!(stray, ["extraConfig[].name", "extraConfig[].content"]);
        assert!(!file.binds_unseen_names);
    }

    #[test]
    fn a_key_the_chart_never_reads_is_noted_and_a_free_map_is_not() {
        let text = "remoteAuth:\n  enabled: true\n  extraConfig:\n    - values: {}\npodAnnotations:\n  anything: goes\nsecurityContext:\n  allowPrivilegeEscalation: false\n";
        let file = parse(text, BlockId(0));
        let unread: Vec<&str> = file.chart_unread.iter().map(|u| u.path.as_str()).collect();
        assert_eq!(unread, ["remoteAuth.extraConfig"]);
        assert_eq!(&text[file.chart_unread[0].range.clone()], "extraConfig");
    }

    #[test]
    fn a_key_only_older_releases_read_is_noted_beside_one_only_later_ones_read() {
        let old = "remoteAuth:\n  backend: social_core.backends.open_id_connect.OpenIdConnectAuth\n";
        assert!(parse(old, BlockId(0)).chart_unread.is_empty(), "an old chart reads it");
        let file = parse(&format!("{old}tasksDatabase:\n  database: 0\n"), BlockId(0));
        assert_eq!(file.chart_unread[0].path, "remoteAuth.backend");
        assert_eq!(file.chart_unread[0].read_by, [["2.1.0".to_string(), "5.0.0-beta7".to_string()]]);
        let (later, first) = file.chart_unread[0].later_key.clone().unwrap();
        assert_eq!((later.as_str(), first.as_str()), ("tasksDatabase", "6.0.0"));
        // Still applied: an older chart makes REMOTE_AUTH_BACKEND of it.
        assert_eq!(file.settings[0].name, "REMOTE_AUTH_BACKEND");
    }

    #[test]
    fn the_secret_key_is_a_setting_unless_an_existing_secret_holds_it() {
        assert_eq!(settings("secretKey: short\n")[0].0, "SECRET_KEY");
        // With `existingSecret`, the key is another Secret's: unknown, laid over any other file's.
        let replaced = settings("secretKey: short\nexistingSecret: netbox-secrets\n");
        assert!(
            replaced.iter().all(|(_, value)| *value == ValueKind::Unknown) && replaced[0].0 == "SECRET_KEY",
            "{replaced:?}"
        );
        assert!(settings("secretKey: \"\"\n").is_empty());
    }

    #[test]
    fn values_files_are_told_from_other_yaml_by_a_top_level_key_of_the_chart() {
        assert!(is_chart_values("image:\n  tag: v4.6.8\nremoteAuth:\n  enabled: false\n"));
        assert!(!is_chart_values("authentik:\n  secret_key: x\nserver:\n  ingress: {}\n"));
        assert!(!is_chart_values("netbox:\n  remoteAuth:\n    enabled: true\n"));
    }

    #[test]
    fn a_value_the_chart_default_repeats_makes_no_setting() {
        // The chart renders DATE_FORMAT and REMOTE_AUTH_HEADER whatever the file says.
        assert!(settings("dateFormat: \"N j, Y\"\nremoteAuth:\n  header: HTTP_REMOTE_USER\n").is_empty());
        assert_eq!(settings("dateFormat: \"Y-m-d\"\n")[0].0, "DATE_FORMAT");
        // The default of the release a file pins: `autoCreateUser` was true up to 4.1.1 and is
        // false from 5.0.0's betas on.
        let pinned = |version: &str| {
            format!(
                "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  chart:\n    spec:\n      chart: netbox\n      version: {version}\n  values:\n    remoteAuth:\n      autoCreateUser: true\n"
            )
        };
        assert!(parse(&pinned("4.1.1"), BlockId(0)).settings.is_empty());
        assert_eq!(parse(&pinned("6.0.33"), BlockId(0)).settings[0].name, "REMOTE_AUTH_AUTO_CREATE_USER");
        assert_eq!(settings("remoteAuth:\n  autoCreateUser: true\n")[0].0, "REMOTE_AUTH_AUTO_CREATE_USER");
    }

    #[test]
    fn an_unread_key_is_given_the_one_read_now() {
        assert_eq!(suggestion("remoteAuth.backend", None).as_deref(), Some("remoteAuth.backends"));
        assert_eq!(suggestion("remoteAuth.extraConfig", None).as_deref(), Some("extraConfig"));
        assert_eq!(suggestion("remoteAuth.autoCreateUsers", None).as_deref(), Some("remoteAuth.autoCreateUser"));
        assert_eq!(suggestion("remoteAuth.somethingElseEntirely", None), None);
        // Trial ten: a plain key of the same name elsewhere is another thing.
        assert_eq!(suggestion("externalDatabase.enabled", None), None);
        assert_eq!(suggestion("externalDatabase.user", None).as_deref(), Some("externalDatabase.username"));
        // The review's: a password is not moved to a DN, a host is not a port.
        assert_eq!(suggestion("remoteAuth.ldap.bindPw", None), None);
        assert_eq!(suggestion("email.host", None), None);
        // A swap of two letters is one slip; a pinned release's own key is named.
        assert_eq!(suggestion("remoteAuth.hedaer", None).as_deref(), Some("remoteAuth.header"));
        assert_eq!(suggestion("remoteAuth.backends", Some("4.1.1")).as_deref(), Some("remoteAuth.backend"));
    }

    #[test]
    fn a_flux_helm_release_is_read_from_its_values() {
        let text = "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  values:\n    remoteAuth:\n      enabled: true\n";
        assert!(is_chart_values(text));
        assert_eq!(settings(text)[0], ("REMOTE_AUTH_ENABLED".to_string(), ValueKind::Bool(true)));
    }

    #[test]
    fn a_block_list_value_ends_at_its_last_item() {
        let text = "remoteAuth:\n  staffGroups:\n    - netbox-staff\n\n  header: HTTP_X_USER\n";
        let file = parse(text, BlockId(0));
        assert_eq!(&text[file.settings[0].value.range.clone()], "- netbox-staff");
    }

    #[test]
    fn an_argo_cd_application_is_read_from_its_values_object() {
        let text = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  sources:\n    - repoURL: https://charts.netbox.oss.netboxlabs.com/\n      chart: netbox\n      helm:\n        valuesObject:\n          remoteAuth:\n            enabled: true\n";
        assert!(is_chart_values(text));
        assert_eq!(settings(text)[0], ("REMOTE_AUTH_ENABLED".to_string(), ValueKind::Bool(true)));
    }

    #[test]
    fn an_argo_cd_application_is_read_from_its_values_literal_block() {
        let text = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    chart: netbox\n    targetRevision: 6.0.x\n    helm:\n      values: |\n        remoteAuth:\n          enabled: true\n        loginRequred: true\n";
        assert!(is_chart_values(text));
        let file = parse(text, BlockId(0));
        let enabled = &file.settings[0];
        assert_eq!((enabled.name.as_str(), &enabled.value.kind), ("REMOTE_AUTH_ENABLED", &ValueKind::Bool(true)));
        assert_eq!(&text[enabled.value.range.clone()], "true");
        // A key no release reads is at its own line, and the Application's pin (the newest
        // 6.0 release) is read.
        assert_eq!(
            file.chart_unread.iter().map(|u| (u.path.as_str(), &text[u.range.clone()])).collect::<Vec<_>>(),
            [("loginRequred", "loginRequred")]
        );
        assert!(
            file.chart_unread[0].pinned.as_deref().is_some_and(|pin| pin.starts_with("6.0.")),
            "{:?}",
            file.chart_unread
        );
        // A folded or quoted string is not the values' lines.
        let folded = text.replace("values: |", "values: >");
        assert!(parse(&folded, BlockId(0)).settings.is_empty());
        // `|-` and an indentation indicator; text of several bytes a character before and in
        // the block keeps every offset (the reviewer's `é` counted twice).
        let multibyte = text
            .replace("values: |", "values: |-")
            .replace("kind: Application\n", "kind: Application # 日本\n")
            .replace("        loginRequred: true\n", "        # 日本語\n        secretKey: ééééé\n");
        let file = parse(&multibyte, BlockId(0));
        let secret = file.settings.iter().find(|s| s.name == "SECRET_KEY").expect("SECRET_KEY");
        assert_eq!(&multibyte[secret.value.range.clone()], "ééééé");
        assert_eq!(secret.value.as_str(), Some("ééééé"));
        let indented = text.replace("values: |", "values: |2");
        assert_eq!(parse(&indented, BlockId(0)).settings.len(), 1);
        // A Helm template's actions in the block (an app-of-apps chart): not read, no error.
        let templated = text.replace(
            "        loginRequred: true\n",
            "        {{- with .Values.extra }}\n        extra: {{ . }}\n        {{- end }}\n",
        );
        let file = parse(&templated, BlockId(0));
        assert!(file.settings.is_empty() && file.syntax_errors.is_empty(), "{:?}", file.syntax_errors);
        // Several sources: the one that installs netbox, beside a `ref:` source of values files.
        let sources = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  sources:\n    - repoURL: https://git.example.com/values.git\n      ref: values\n    - chart: netbox\n      repoURL: https://charts.netbox.oss.netboxlabs.com/\n      helm:\n        values: |\n          remoteAuth:\n            enabled: true\n";
        assert_eq!(settings(sources)[0].0, "REMOTE_AUTH_ENABLED");
    }

    #[test]
    fn extra_config_cannot_replace_the_secret_and_merges_into_rendered_mappings() {
        // Review: configuration.py sets SECRET_KEY from the chart's Secret after loading the
        // YAML, and deep-merges REDIS into the one netbox.yaml renders (with both sections).
        let text = "extraConfig:\n  - values:\n      SECRET_KEY: changeme\n      REDIS:\n        tasks:\n          SSL: true\n      LOGIN_REQUIRED: true\n";
        let file = parse(text, BlockId(0));
        let made: Vec<(&str, &ValueKind)> = file.settings.iter().map(|s| (s.name.as_str(), &s.value.kind)).collect();
        assert_eq!(made, [("REDIS", &ValueKind::Unknown), ("LOGIN_REQUIRED", &ValueKind::Bool(true))]);
        assert_eq!(file.chart_rendered.len(), 2, "removing LOGIN_REQUIRED brings back the chart's");
    }

    #[test]
    fn a_manifest_umbrella_and_renamed_block_are_read_as_helm_reads_them() {
        // A HelmRepository before the HelmRelease: the release's values are read, never the manifest.
        let text = "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nspec:\n  url: https://x\n---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  values:\n    secretKey: tooshort\n";
        assert_eq!(settings(text)[0].0, "SECRET_KEY");
        assert!(parse(text, BlockId(0)).chart_unread.is_empty());
        // An Argo CD `helm.values` literal block is read, never the manifest's own keys.
        let string = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    helm:\n      values: |\n        secretKey: x\n";
        assert!(parse(string, BlockId(0)).chart_unread.is_empty());
        assert_eq!(settings(string)[0].0, "SECRET_KEY");
        // Of an Application that installs another chart, nothing.
        let other = string.replace("    helm:", "    chart: grafana\n    helm:");
        assert!(parse(&other, BlockId(0)).chart_unread.is_empty() && settings(&other).is_empty());
        // An umbrella chart's values hold netbox-chart's under `netbox:`.
        assert_eq!(settings("netbox:\n  remoteAuth:\n    enabled: true\n")[0].0, "REMOTE_AUTH_ENABLED");
        // A renamed block is one finding, not one per key inside it.
        let renamed = parse("tasksRedis:\n  host: r\n  port: 6379\ntasksDatabase:\n  host: r\n", BlockId(0));
        let paths: Vec<&str> = renamed.chart_unread.iter().map(|u| u.path.as_str()).collect();
        assert_eq!(paths, ["tasksRedis"]);
    }

    #[test]
    fn a_pinned_chart_release_decides_which_keys_are_read() {
        // Reviewer's f2: chart 4.1.1 pinned reads `remoteAuth.backend` (rendered), but a pinned
        // 6.0.33 does not, and says so.
        let release = |version: &str| {
            format!(
                "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  chart:\n    spec:\n      chart: netbox\n      version: {version}\n  values:\n    remoteAuth:\n      backend: social_core.backends.open_id_connect.OpenIdConnectAuth\n"
            )
        };
        let old = parse(&release("4.1.1"), BlockId(0));
        assert!(old.chart_unread.is_empty());
        assert_eq!(old.settings[0].name, "REMOTE_AUTH_BACKEND");
        let new = parse(&release("6.0.33"), BlockId(0));
        assert_eq!(new.chart_unread[0].pinned.as_deref(), Some("6.0.33"));
        assert!(new.settings.is_empty(), "6.0.33 renders no REMOTE_AUTH_BACKEND from it");
        // A series is its newest release; another range pins nothing (an old key alone is then
        // what an old chart reads).
        assert!(
            parse(&release("6.0.x"), BlockId(0)).chart_unread[0]
                .pinned
                .as_deref()
                .is_some_and(|p| p.starts_with("6.0."))
        );
        assert!(parse(&release("\">=4.0.0\""), BlockId(0)).chart_unread.is_empty());
        // A series of untagged development states only (4.2.x) names no release Helm installs.
        assert_eq!(pinned_release(&load(&release("4.2.x")).documents), None);
    }

    #[test]
    fn a_merge_key_brings_its_keys_in() {
        let text = "remoteAuth:\n  <<: {enabled: true, header: HTTP_X_REMOTE_USER}\n";
        let file = parse(text, BlockId(0));
        let made: Vec<&str> = file.settings.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(made, ["REMOTE_AUTH_ENABLED", "REMOTE_AUTH_HEADER"]);
        assert!(file.chart_unread.is_empty());
        // Second review: shallow, so an explicit `remoteAuth` replaces the merged one whole.
        let shallow =
            "_b: &b\n  remoteAuth: {enabled: true, header: X-Remote-User}\n<<: *b\nremoteAuth:\n  enabled: false\n";
        assert!(settings(shallow).is_empty(), "{:?}", settings(shallow));
        let anchors = "_defaults: &res\n  cpu: 100m\nresources: *res\n";
        assert!(parse(anchors, BlockId(0)).chart_unread.is_empty());
    }

    #[test]
    fn chart_own_names_and_ldap_values_make_no_netbox_setting() {
        let made = settings(
            "allowedHostsIncludesPodIP: true\nremoteAuth:\n  ldap:\n    serverUri: ldaps://ldap.example.org\n",
        );
        assert!(made.is_empty(), "{made:?}");
    }
}
