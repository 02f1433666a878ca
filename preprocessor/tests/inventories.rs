//! The inventories read from upstream code (`data/netbox-settings.json`, written by
//! `tools/inventories/netbox_settings.py`; `data/social-core-settings.json`, written by
//! `tools/inventories/social_core_settings.py`): well formed, every release backed by a recorded
//! source, and in agreement with the tables the rules use today (`src/rules/netbox/parameters.rs`),
//! so a rule that moves to the data loses nothing and a table that drifts from upstream is noticed.
//! Regenerating the data: `tools/inventories/README.md` (`--check` compares without writing).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

fn read_json(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn version(text: &str) -> Vec<u32> {
    text.split('.').map(|part| part.parse().unwrap_or_else(|_| panic!("not a release: {text}"))).collect()
}

fn strings(value: &Value) -> Vec<&str> {
    value.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect()
}

/// `[[first, last], …]`, each inside the release list, in order and not overlapping.
fn ranges<'a>(value: &'a Value, releases: &[&str]) -> Vec<(&'a str, &'a str)> {
    let mut out: Vec<(&str, &str)> = Vec::new();
    for pair in value.as_array().unwrap() {
        let pair = strings(pair);
        assert_eq!(pair.len(), 2, "a range is [first, last]: {pair:?}");
        assert!(releases.contains(&pair[0]) && releases.contains(&pair[1]), "{pair:?} names an unknown release");
        assert!(version(pair[0]) <= version(pair[1]), "{pair:?} runs backwards");
        if let Some(&(_, last)) = out.last() {
            assert!(version(last) < version(pair[0]), "{pair:?} overlaps the range before it");
        }
        out.push((pair[0], pair[1]));
    }
    out
}

fn live_at(ranges: &[(&str, &str)], release: &str) -> bool {
    let release = version(release);
    ranges.iter().any(|(first, last)| version(first) <= release && release <= version(last))
}

/// The string literals of `const NAME: … = &[ … ];` in parameters.rs (first field of tuples too).
fn table(name: &str) -> Vec<(String, Option<String>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules/netbox/parameters.rs");
    let source = std::fs::read_to_string(path).unwrap();
    let start = source.find(&format!("const {name}:")).unwrap_or_else(|| panic!("no table {name}"));
    let body = &source[start..];
    let body = &body[body.find("= &[").unwrap()..body.find("\n];").unwrap()];
    body.lines()
        .filter_map(|line| {
            let line = line.trim();
            if line.starts_with("//") {
                return None;
            }
            let name = line.split('"').nth(1)?.to_owned();
            // `("NAME", Version::new(4, 0, 0), …)`: the release as "4.0.0"
            let since = line
                .split("Version::new(")
                .nth(1)
                .map(|rest| rest.split(')').next().unwrap().split(',').map(str::trim).collect::<Vec<_>>().join("."));
            Some((name, since))
        })
        .collect()
}

#[test]
fn every_netbox_release_comes_from_a_recorded_source() {
    let data = read_json("netbox-settings.json");
    let releases = strings(&data["releases"]);
    assert!(releases.len() > 300, "only {} releases", releases.len());
    assert!(releases.windows(2).all(|w| version(w[0]) < version(w[1])), "releases out of order");
    assert_eq!((releases[0], *releases.last().unwrap()), ("1.0.0", "4.7.3"));
    let sources = data["sources"].as_array().unwrap();
    for release in &releases {
        let backed = sources.iter().any(|s| {
            s["version"] == *release
                && (s["commit"].as_str().is_some_and(|c| c.len() == 40)
                    || s["sha256"].as_str().is_some_and(|h| h.len() == 64))
        });
        assert!(backed, "release {release} has no git commit or archive hash recorded");
    }
    // 4.6.8 was read twice, from git and from the vendored archive, and the script requires that
    // both give the same inventory.
    assert_eq!(sources.iter().filter(|s| s["version"] == "4.6.8").count(), 2);
}

#[test]
fn the_netbox_inventory_agrees_with_the_parameter_table_of_the_rules() {
    let data = read_json("netbox-settings.json");
    let releases = strings(&data["releases"]);
    let newest = *releases.last().unwrap();
    let mut read_now = BTreeSet::new();
    let mut removed = std::collections::BTreeMap::new();
    for setting in data["settings"].as_array().unwrap() {
        let name = setting["name"].as_str().unwrap();
        let read = ranges(&setting["read"], &releases);
        assert!(!read.is_empty(), "{name} is listed but never read");
        assert_eq!(setting["added_in"].as_str(), Some(read[0].0), "{name}: added_in is not its first release");
        if live_at(&read, newest) {
            read_now.insert(name.to_owned());
            assert!(setting.get("removed_in").is_none(), "{name} is read in {newest} yet removed");
        } else {
            removed.insert(name.to_owned(), setting["removed_in"].as_str().unwrap().to_owned());
        }
    }
    let table_now: BTreeSet<String> = table("PARAMETERS").into_iter().map(|(name, _)| name).collect();
    assert_eq!(read_now, table_now, "the names NetBox {newest} reads differ from PARAMETERS");
    // Every removal the rules know is in the inventory, no later than the rules say (GIT_PATH left
    // settings.py in 3.7.2, commit b9cac97b7 "remove GIT_PATH #14942"; the table says 4.0.0).
    for (name, since) in table("REMOVED") {
        let since = since.unwrap();
        let found = removed.get(&name).unwrap_or_else(|| panic!("{name} is not removed in the inventory"));
        assert!(version(found) <= version(&since), "{name}: removed in {found}, the table says {since}");
    }
    // Names real files still carry, which the table of removals lacks today.
    for name in ["NAPALM_USERNAME", "NAPALM_ARGS", "CACHE_TIMEOUT", "RELEASE_CHECK_TIMEOUT", "WEBHOOKS_ENABLED"] {
        assert!(removed.contains_key(name), "{name} should be a removed setting");
    }
    assert_eq!(removed["CACHE_TIMEOUT"], "3.0.0");
    assert_eq!(removed["NAPALM_USERNAME"], "3.6.1");
}

#[test]
fn every_social_auth_name_the_rules_know_is_read_by_the_social_core_netbox_pins() {
    let netbox = read_json("netbox-settings.json");
    let releases = strings(&netbox["releases"]);
    let pins = netbox["social_auth_core"].as_array().unwrap();
    let pinned = |release: &str| {
        pins.iter()
            .find(|p| live_at(&ranges(&p["releases"], &releases), release))
            .map(|p| p["pin"].as_str().unwrap().to_owned())
    };
    assert_eq!(pinned("4.7.3").as_deref(), Some("5.2.0"));
    assert_eq!(pinned("4.6.8").as_deref(), Some("4.8.7"));
    assert_eq!(pinned("3.0.12"), None, "NetBox took python-social-auth in 3.1");
    let core = read_json("social-core-settings.json");
    let core_releases = strings(&core["releases"]);
    let at = pinned("4.7.3").unwrap();
    let live =
        |table: &Value, suffix: &str| table.get(suffix).is_some_and(|r| live_at(&ranges(r, &core_releases), &at));
    let backends = core["backends"].as_object().unwrap();
    let reads = |name: &str| -> bool {
        let Some(rest) = name.strip_prefix("SOCIAL_AUTH_") else { return false };
        live(&core["global"], rest)
            || live(&core["any_backend"], rest)
            || backends.values().any(|b| live(b, rest))
            || backends.iter().any(|(backend, table)| {
                rest.strip_prefix(backend.as_str())
                    .and_then(|s| s.strip_prefix('_'))
                    .is_some_and(|s| live(table, s) || live(&core["any_backend"], s))
            })
    };
    // Read by social-app-django (RAISE_EXCEPTIONS) and NetBox's login page (BACKEND_ATTRS).
    let elsewhere = ["SOCIAL_AUTH_RAISE_EXCEPTIONS", "SOCIAL_AUTH_BACKEND_ATTRS"];
    for (name, _) in table("SOCIAL_NAMES") {
        assert!(reads(&name) || elsewhere.contains(&name.as_str()), "social-core {at} never reads {name}");
    }
    assert!(reads("SOCIAL_AUTH_OIDC_JWT_LEEWAY"));
    assert!(!reads("SOCIAL_AUTH_OPENID_CONNECT_LEEWAY"), "the issue's committed 'fix' is no social-core name");
    assert_eq!(
        ranges(&core["backends"]["OIDC"]["JWT_LEEWAY"], &core_releases),
        [("4.7.0", "7.0.0")],
        "JWT_LEEWAY came with social-core 4.7.0"
    );
}
