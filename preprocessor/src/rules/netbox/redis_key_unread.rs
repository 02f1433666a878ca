//! `netbox/redis-key-unread`: keys of `REDIS['tasks']` or `REDIS['caching']` that no NetBox
//! release reads in that section.
//!
//! ## What it does
//! Names the keys of each section that NetBox has never read there: a lower-case key
//! (`'host'`), the flat `REDIS` of NetBox 2.6 and earlier's `CACHE_DATABASE`, the tasks
//! section's `SENTINEL_TIMEOUT` in the caching section, a misspelling. One finding per section,
//! on the first such key, naming the others. A caching key that repeats a key the tasks section
//! reads, with its value (a section copied whole), is left alone: it changes nothing anybody
//! meant; a key neither section reads is reported in both. A key
//! some release reads (`DEFAULT_TIMEOUT` up to 2.9, `URL` from 4.0.3) is not judged by release:
//! packagers patch NetBox (nixpkgs writes `URL` for its 3.7 package).
//!
//! ## Why is this bad?
//! NetBox looks each key up by its exact name (`REDIS['tasks'].get('HOST', 'localhost')`), so an
//! unread key leaves NetBox's default in its place: another host, no password, database 0.
//!
//! ## Example
//! `REDIS = {'tasks': {'host': 'redis', 'password': 's3cret'}, …}`.
//!
//! Use instead: `{'HOST': 'redis', 'PASSWORD': 's3cret'}`.

use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::{Value, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// Keys no NetBox release reads in their `REDIS` section.
pub const REDIS_KEY_UNREAD: Rule = Rule {
    id: "netbox/redis-key-unread",
    severity: Severity::Warning,
    summary: "keys of `REDIS['tasks']` or `REDIS['caching']` that no NetBox release reads in that section (a lower-case key, the old flat `CACHE_DATABASE`, the caching section's `SENTINEL_TIMEOUT`, a misspelling): NetBox's default stands in their place",
    help: "write each key as NetBox reads it, in upper case (HOST, PORT, USERNAME, PASSWORD, DATABASE, SSL, INSECURE_SKIP_TLS_VERIFY, CA_CERT_PATH, SENTINELS, SENTINEL_SERVICE, URL, KWARGS), or remove it",
    fact: "NetBox reads each section by exact key with `.get(KEY, default)` (netbox/netbox/settings.py L375-398, 4.6.8). The keys any release reads, from the settings.py of every release tag of netbox-community/netbox from 2.7.0 to 4.7.0-beta1: in tasks HOST, PORT, PASSWORD, DATABASE, SSL, SENTINELS, SENTINEL_SERVICE, DEFAULT_TIMEOUT (up to 2.9.3), SENTINEL_TIMEOUT (from 2.9.4), INSECURE_SKIP_TLS_VERIFY (2.10.9), USERNAME (3.4.2), CA_CERT_PATH (3.4.3), URL (4.0.3), KWARGS (4.5.3); in caching the same but SENTINEL_TIMEOUT, which no release reads there (settings.py L394-425, 4.6.8). CACHE_DATABASE was a key of the flat REDIS up to 2.6 (`REDIS.get('CACHE_DATABASE', 1)`, v2.6.0). Seen in a netbox issue on 2.8 (tests/realworld/tuning/t127-…: lower-case keys and CACHE_DATABASE)",
    applies: Applies::Always,
};

/// The keys some release reads in both sections, and those only in the tasks section.
const KEYS: &[&str] = &[
    "HOST",
    "PORT",
    "PASSWORD",
    "DATABASE",
    "SSL",
    "SENTINELS",
    "SENTINEL_SERVICE",
    "DEFAULT_TIMEOUT",
    "INSECURE_SKIP_TLS_VERIFY",
    "USERNAME",
    "CA_CERT_PATH",
    "URL",
    "KWARGS",
];
const TASKS_ONLY: &[&str] = &["SENTINEL_TIMEOUT"];

/// Whether some release reads a key in a section.
fn read(key: &str, tasks: bool) -> bool {
    KEYS.contains(&key) || (tasks && TASKS_ONLY.contains(&key))
}

/// The key–value pairs of a section written as a dict.
fn pairs(section: &Value) -> &[(Value, Value)] {
    match &section.kind {
        ValueKind::Dict(pairs) => pairs,
        _ => &[],
    }
}

pub fn redis_key_unread(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("REDIS") else { return };
    let ValueKind::Dict(sections) = &setting.value.kind else { return };
    let section = |name: &str| sections.iter().find(|(k, _)| k.as_str() == Some(name)).map(|(_, v)| v);
    // The tasks section's keys, a later one winning as in a Python dict: looked up, not scanned.
    let tasks: std::collections::HashMap<&str, &Value> =
        section("tasks").map(pairs).unwrap_or_default().iter().filter_map(|(k, v)| Some((k.as_str()?, v))).collect();
    for (name, is_tasks) in [("tasks", true), ("caching", false)] {
        let Some(section) = section(name) else { continue };
        let unread: Vec<(&str, &Value, &Value)> = pairs(section)
            .iter()
            .filter_map(|(key, value)| Some((key.as_str()?, key, value)))
            .filter(|(name, _, _)| !read(name, is_tasks))
            // A section copied whole: a key the tasks section reads, repeated with its value.
            .filter(|(name, _, value)| {
                is_tasks
                    || !read(name, true)
                    || !value.is_known()
                    || !tasks.get(name).is_some_and(|v| v.is_known() && v.kind == value.kind)
            })
            .collect();
        let Some(((first, key, value), others)) = unread.split_first().map(|(f, o)| (*f, o)) else { continue };
        let upper = first.to_ascii_uppercase();
        let hint = if upper != first && read(&upper, is_tasks) {
            format!(": NetBox reads `{}`, in upper case, and uses its default instead", upper.escape_debug())
        } else {
            ": NetBox ignores it".to_string()
        };
        let also = match others.len() {
            0 => String::new(),
            _ => format!(
                " (nor {})",
                others.iter().map(|(name, ..)| format!("`{}`", name.escape_debug())).collect::<Vec<_>>().join(", ")
            ),
        };
        let mut finding = Finding::in_block(
            &REDIS_KEY_UNREAD,
            setting.block,
            key.range.start..value.range.end.max(key.range.end),
            format!("no NetBox release reads `{}` in `REDIS['{name}']`{also}{hint}", first.escape_debug()),
        );
        for (_, key, value) in others {
            finding = finding.with_related(key.range.start..value.range.end.max(key.range.end), "not read either");
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // lower-case keys and the flat REDIS's CACHE_DATABASE (a netbox issue on 2.8, corpus
        // case t127)
        (
            "netbox/redis-key-unread",
            "4.6",
            "REDIS = {\n    'tasks': {\n        'host': 'redis',\n    },\n    'caching': {},\n}\n",
            3,
            "REDIS = {\n    'tasks': {\n        'HOST': 'redis',\n    },\n    'caching': {},\n}\n",
        ),
        (
            "netbox/redis-key-unread",
            "2.8",
            "REDIS = {\n    'tasks': {},\n    'caching': {'CACHE_DATABASE': 1},\n}\n",
            3,
            "REDIS = {\n    'tasks': {},\n    'caching': {'DATABASE': 1, 'DEFAULT_TIMEOUT': 300},\n}\n",
        ),
        // a key neither section reads is reported in both (an Ansible role's RQ_DEFAULT_TIMEOUT;
        // the tasks line is checked below)
        (
            "netbox/redis-key-unread",
            "4.6",
            "REDIS = {\n    'tasks': {'RQ_DEFAULT_TIMEOUT': 300},\n    'caching': {'RQ_DEFAULT_TIMEOUT': 300},\n}\n",
            3,
            "REDIS = {\n    'tasks': {},\n    'caching': {},\n}\nRQ_DEFAULT_TIMEOUT = 300\n",
        ),
        (
            "netbox/redis-key-unread",
            "4.6",
            "REDIS = {\n    'tasks': {'RQ_DEFAULT_TIMEOUT': 300},\n    'caching': {'RQ_DEFAULT_TIMEOUT': 300},\n}\n",
            2,
            "REDIS = {\n    'tasks': {'SENTINEL_TIMEOUT': 300},\n    'caching': {'SENTINEL_TIMEOUT': 300},\n}\n",
        ),
        // SENTINEL_TIMEOUT is the tasks section's only; repeated from it, it changes nothing
        (
            "netbox/redis-key-unread",
            "4.6",
            "REDIS = {\n    'tasks': {'SENTINEL_TIMEOUT': 10},\n    'caching': {'SENTINEL_TIMEOUT': 30},\n}\n",
            3,
            "REDIS = {\n    'tasks': {'SENTINEL_TIMEOUT': 10},\n    'caching': {'SENTINEL_TIMEOUT': 10},\n}\n",
        ),
        // a misspelling; a key only some releases read is not judged by release (nixpkgs writes
        // URL for its 3.7 package)
        (
            "netbox/redis-key-unread",
            "3.7",
            "REDIS = {\n    'tasks': {'PASSWD': 's3cret'},\n    'caching': {},\n}\n",
            2,
            "REDIS = {\n    'tasks': {'URL': 'unix:///run/redis.sock?db=0', 'DEFAULT_TIMEOUT': 300},\n    'caching': {},\n}\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::REDIS_KEY_UNREAD, CASES);
    }

    #[test]
    fn one_finding_per_section_names_the_key_netbox_reads() {
        let (message, _) = finding_of(
            "netbox/redis-key-unread",
            "REDIS = {'tasks': {'password': 'x', 'ssl': True}, 'caching': {}}\n",
            "4.6",
        );
        assert!(
            message.contains("reads `password` in `REDIS['tasks']` (nor `ssl`): NetBox reads `PASSWORD`"),
            "{message}"
        );
    }
}
