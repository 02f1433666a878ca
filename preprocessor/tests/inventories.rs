//! The inventories read from upstream code (`data/netbox-settings.json`, written by
//! `tools/inventories/netbox_settings.py`; `data/social-core-settings.json`, written by
//! `tools/inventories/social_core_settings.py`): well formed, every release backed by a recorded
//! source, holding the history the setting rules rely on (`src/rules/netbox/parameters.rs` embeds
//! both files), and the one hand-kept table (`SOCIAL_NAMES`) still read by what it names.
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
fn the_netbox_inventory_holds_the_history_real_files_need() {
    let data = read_json("netbox-settings.json");
    let releases = strings(&data["releases"]);
    let newest = *releases.last().unwrap();
    let mut read_now = BTreeSet::new();
    let mut removed = std::collections::BTreeMap::new();
    let mut replaced = std::collections::BTreeMap::new();
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
        if let Some(deprecated) = setting.get("deprecated") {
            for (first, last) in ranges(deprecated, &releases) {
                assert!(live_at(&read, first) && live_at(&read, last), "{name} is deprecated where it is not read");
            }
        }
        if let Some(new) = setting.get("replaced_by") {
            replaced.insert(name.to_owned(), strings(new).join(","));
        }
    }
    // 4.7.3 (the wheel) reads 121 names from configuration.py, the dynamic parameters included.
    assert_eq!(read_now.len(), 121, "{read_now:?}");
    for name in ["ALLOWED_HOSTS", "REMOTE_AUTH_BACKEND", "JINJA_FILTERS", "JINJA2_FILTERS", "SENTRY_CONFIG", "MAPS_URL"]
    {
        assert!(read_now.contains(name), "4.7.3 reads {name}");
    }
    // Removals real files still carry, with the release settings.py stopped reading them.
    for (name, release) in [
        ("CACHE_TIMEOUT", "3.0.0"),
        ("RELEASE_CHECK_TIMEOUT", "3.0.0"),
        ("NAPALM_USERNAME", "3.6.1"),
        ("NAPALM_ARGS", "3.6.1"),
        ("WEBHOOKS_ENABLED", "2.7.0"),
        ("JOBRESULT_RETENTION", "3.5.0"),
        // commit b9cac97b7 "remove GIT_PATH #14942": 3.7.2, not 4.0.0 as facts §1.2 had it
        ("GIT_PATH", "3.7.2"),
        ("DATE_FORMAT", "4.0.0"),
        ("REMOTE_AUTH_STAFF_USERS", "4.5.0"),
        ("SENTRY_DSN", "4.7.0"),
    ] {
        assert_eq!(removed.get(name).map(String::as_str), Some(release), "{name}");
    }
    assert_eq!(removed.len(), 26, "{removed:?}");
    // The replacements NetBox's own warnings name.
    assert_eq!(replaced.get("JINJA2_FILTERS").map(String::as_str), Some("JINJA_FILTERS"));
    assert_eq!(replaced.get("SENTRY_DSN").map(String::as_str), Some("SENTRY_CONFIG"));
    assert_eq!(replaced.get("STORAGE_BACKEND").map(String::as_str), Some("STORAGES"));
    assert_eq!(replaced.len(), 7, "{replaced:?}");
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
    // Read by social-app-django 6.1.0 (its own inventory in the same file).
    let app = &core["django_app"];
    assert_eq!(app["version"], "6.1.0");
    let app_reads = |name: &str| {
        name.strip_prefix("SOCIAL_AUTH_")
            .is_some_and(|rest| strings(&app["global"]).contains(&rest) || strings(&app["any_backend"]).contains(&rest))
    };
    assert!(app_reads("SOCIAL_AUTH_RAISE_EXCEPTIONS"), "social_django/middleware.py");
    assert!(app_reads("SOCIAL_AUTH_URL_NAMESPACE"), "social_django/views.py");
    // Read by NetBox's login page (netbox/authentication/__init__.py).
    let elsewhere = ["SOCIAL_AUTH_BACKEND_ATTRS"];
    for (name, _) in table("SOCIAL_NAMES") {
        assert!(
            reads(&name) || app_reads(&name) || elsewhere.contains(&name.as_str()),
            "social-core {at} never reads {name}"
        );
    }
    assert!(reads("SOCIAL_AUTH_OIDC_JWT_LEEWAY"));
    assert!(!reads("SOCIAL_AUTH_OPENID_CONNECT_LEEWAY"), "the issue's committed 'fix' is no social-core name");
    assert_eq!(
        ranges(&core["backends"]["OIDC"]["JWT_LEEWAY"], &core_releases),
        [("4.7.0", "7.0.0")],
        "JWT_LEEWAY came with social-core 4.7.0"
    );
}

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

/// Runs a Python snippet with `tools/inventories` importable; its stdout, trimmed.
fn python(code: &str) -> String {
    let output = std::process::Command::new("python3")
        .arg("-c")
        .arg(code)
        .env("PYTHONPATH", repository().join("tools/inventories"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("python3 runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

/// The NetBox generator on a settings.py of our own, in the shapes 4.6.8 and 4.7.3 use: a rename
/// warning, a deprecation tested through the module variable, a value-shape warning that is no
/// deprecation of the parameter, and a removal warning without a read.
#[test]
fn the_netbox_generator_reads_renames_and_deprecations_from_the_warnings() {
    let settings = r#"
import warnings
JINJA_FILTERS = getattr(configuration, 'JINJA_FILTERS', getattr(configuration, 'JINJA2_FILTERS', {}))
STORAGES = getattr(configuration, 'STORAGES', {})
STORAGE_BACKEND = getattr(configuration, 'STORAGE_BACKEND', None)
REDIS = getattr(configuration, 'REDIS', {})
if hasattr(configuration, 'JINJA2_FILTERS'):
    warnings.warn("JINJA2_FILTERS has been renamed to JINJA_FILTERS and the old name will be removed.")
if STORAGE_BACKEND is not None:
    warnings.warn("STORAGE_BACKEND is deprecated, use the new STORAGES setting instead.")
if 'webhooks' in REDIS:
    warnings.warn("The 'webhooks' REDIS configuration section has been renamed to 'tasks'.")
if hasattr(configuration, 'CACHE_TIMEOUT'):
    warnings.warn("CACHE_TIMEOUT is no longer used and can be removed.")
"#;
    let out = python(&format!(
        "import json, netbox_settings as n\nr = n.analyse({settings:?}, None)\nprint(json.dumps([r['names'], r['replaced_by']], sort_keys=True))"
    ));
    assert_eq!(
        out,
        r#"[{"CACHE_TIMEOUT": "removed", "JINJA2_FILTERS": "deprecated", "JINJA_FILTERS": "read", "REDIS": "read", "STORAGES": "read", "STORAGE_BACKEND": "deprecated"}, {"JINJA2_FILTERS": ["JINJA_FILTERS"], "STORAGE_BACKEND": ["STORAGES"]}]"#
    );
}

/// The social-auth-app-django reader on a module of our own, in the shapes of 6.1.0's.
#[test]
fn the_app_reader_finds_the_names_social_auth_app_django_reads() {
    let module = r#"
NAMESPACE = getattr(settings, setting_name("URL_NAMESPACE"), None)
BRIDGES = getattr(settings, "SOCIAL_AUTH_ENABLE_LAUNCH_BRIDGES", None)
def f(strategy, backend):
    strategy.setting("RAISE_EXCEPTIONS", settings.DEBUG, backend=backend)
    backend.setting("SESSION_EXPIRATION", False)
    getattr(settings, "AUTH_USER_MODEL", None)
"#;
    let out = python(&format!(
        "import ast, json, social_core_settings as s\nm = s.Module('social_django.x', ast.parse({module:?}))\nprint(json.dumps(s.analyse_app({{'x': m}}), sort_keys=True))"
    ));
    assert_eq!(
        out,
        r#"{"any_backend": ["RAISE_EXCEPTIONS", "SESSION_EXPIRATION"], "global": ["ENABLE_LAUNCH_BRIDGES", "URL_NAMESPACE"]}"#
    );
}

/// The Django reader on a global_settings.py of our own: module-level upper-case assignments,
/// annotated or not; not names inside functions, lower-case ones or tuple targets.
#[test]
fn the_django_reader_takes_the_module_level_setting_names() {
    let module = r#"
DEBUG = False
AUTH_USER_MODEL = "auth.User"
SECURE_CSP: dict = {}
gettext_noop = lambda s: s
A, B = 1, 2
def f():
    INNER = 1
"#;
    let out = python(&format!("import django_settings as d\nprint(sorted(d.names_in({module:?})))"));
    assert_eq!(out, "['AUTH_USER_MODEL', 'DEBUG', 'SECURE_CSP']");
}

/// The django-auth-ldap reader on a module of our own: the keys of `LDAPSettings.defaults`,
/// prefixed, and the `AUTH_LDAP_` names the code reads itself; not another class's defaults.
#[test]
fn the_django_auth_ldap_reader_takes_the_settings_defaults() {
    let module = r#"
class LDAPSettings:
    defaults = {"SERVER_URI": "ldap://localhost", "CACHE_TIMEOUT": 0}
class Other:
    defaults = {"NOT_A_SETTING": 1}
def get_ldap():
    return getattr(settings, "AUTH_LDAP_GLOBAL_OPTIONS", {})
"#;
    let out = python(&format!("import django_auth_ldap_settings as d\nprint(sorted(d.names_in({module:?})))"));
    assert_eq!(out, "['AUTH_LDAP_CACHE_TIMEOUT', 'AUTH_LDAP_GLOBAL_OPTIONS', 'AUTH_LDAP_SERVER_URI']");
}

/// The social-core backends reader on a module of our own: what `from module import Name` finds,
/// under guards too; not a function's locals.
#[test]
fn the_backends_reader_takes_every_name_a_module_binds() {
    let module = r#"
import json
from .oauth import BaseOAuth2 as Base
try:
    import jwt
except ImportError:
    jwt = None
class AzureADTenantOAuth2(Base):
    name = "azuread-tenant-oauth2"
    def f(self):
        LOCAL = 1
ALIAS = AzureADTenantOAuth2
"#;
    let out =
        python(&format!("import ast, social_core_backends as b\nprint(sorted(b.bound_names(ast.parse({module:?}))))"));
    assert_eq!(out, "['ALIAS', 'AzureADTenantOAuth2', 'Base', 'json', 'jwt']");
}

/// The committed files are what the upstream sources give (`--check`), when the sources are on
/// this machine: `INVENTORY_SOURCES=DIR` with `DIR/netbox` (the git directory of
/// netbox-community/netbox), `DIR/netbox-4.6.8.tar.gz`, `DIR/netbox-wheels/*.whl`,
/// `DIR/social-core-wheels/*.whl`, `DIR/social_auth_app_django-6.1.0-py3-none-any.whl` and
/// `DIR/django-wheels/*.whl`
/// (tools/inventories/README.md says how to fetch them). Ignored by default, so `cargo test` reports
/// it as ignored rather than passed: the sources are hundreds of megabytes, not part of the
/// repository, and CI has no network but the package registries. Run it with `--ignored`.
#[test]
#[ignore = "needs the upstream sources: INVENTORY_SOURCES=DIR cargo test --test inventories -- --ignored"]
fn the_committed_inventories_are_what_the_sources_give() {
    let dir = std::path::PathBuf::from(
        std::env::var_os("INVENTORY_SOURCES").expect("INVENTORY_SOURCES names the directory of the upstream sources"),
    );
    let wheels = |sub: &str| -> Vec<String> {
        let mut found: Vec<String> = std::fs::read_dir(dir.join(sub))
            .unwrap()
            .map(|e| e.unwrap().path().display().to_string())
            .filter(|p| p.ends_with(".whl"))
            .collect();
        found.sort();
        found
    };
    let run = |args: Vec<String>| {
        let status = std::process::Command::new("python3").args(&args).current_dir(repository()).status().unwrap();
        assert!(status.success(), "{args:?}");
    };
    let mut netbox = vec![
        "tools/inventories/netbox_settings.py".to_owned(),
        "--git".to_owned(),
        dir.join("netbox").display().to_string(),
        "--sdist".to_owned(),
        dir.join("netbox-4.6.8.tar.gz").display().to_string(),
    ];
    for wheel in wheels("netbox-wheels") {
        netbox.extend(["--wheel".to_owned(), wheel]);
    }
    netbox.extend(["-o".to_owned(), "preprocessor/data/netbox-settings.json".to_owned(), "--check".to_owned()]);
    run(netbox);
    let mut social = vec!["tools/inventories/social_core_settings.py".to_owned()];
    for wheel in wheels("social-core-wheels") {
        social.extend(["--wheel".to_owned(), wheel]);
    }
    social.extend([
        "--app-wheel".to_owned(),
        dir.join("social_auth_app_django-6.1.0-py3-none-any.whl").display().to_string(),
        "-o".to_owned(),
        "preprocessor/data/social-core-settings.json".to_owned(),
        "--check".to_owned(),
    ]);
    run(social);
    let mut backends = vec!["tools/inventories/social_core_backends.py".to_owned()];
    for wheel in wheels("social-core-wheels") {
        backends.extend(["--wheel".to_owned(), wheel]);
    }
    backends.extend(["-o".to_owned(), "preprocessor/data/social-core-backends.json".to_owned(), "--check".to_owned()]);
    run(backends);
    let mut django = vec!["tools/inventories/django_settings.py".to_owned()];
    for wheel in wheels("django-wheels") {
        django.extend(["--wheel".to_owned(), wheel]);
    }
    django.extend(["-o".to_owned(), "preprocessor/data/django-settings.json".to_owned(), "--check".to_owned()]);
    run(django);
    let mut ldap = vec!["tools/inventories/django_auth_ldap_settings.py".to_owned()];
    for wheel in wheels("django-auth-ldap-wheels") {
        ldap.extend(["--wheel".to_owned(), wheel]);
    }
    ldap.extend(["-o".to_owned(), "preprocessor/data/django-auth-ldap-settings.json".to_owned(), "--check".to_owned()]);
    run(ldap);
    let mut plugins = vec!["tools/inventories/netbox_plugins.py".to_owned()];
    for wheel in wheels("netbox-plugin-wheels") {
        plugins.extend(["--wheel".to_owned(), wheel]);
    }
    plugins.extend(["-o".to_owned(), "preprocessor/data/netbox-plugins.json".to_owned(), "--check".to_owned()]);
    run(plugins);
}

/// The plugin inventory holds what `netbox/plugin-distribution-name` relies on: distributions
/// whose module is not their name (netbox-validity installs `validity`), and the common ones
/// whose module is (netbox-bgp installs `netbox_bgp`).
#[test]
fn the_plugin_inventory_holds_the_modules_distributions_install() {
    let plugins = read_json("netbox-plugins.json");
    let modules = |name: &str| strings(&plugins["distributions"][name]["modules"]).join(",");
    assert_eq!(modules("netbox-validity"), "validity");
    assert_eq!(modules("netbox-plugin-auth-saml2"), "django3_saml2_nbplugin");
    assert_eq!(modules("netbox-bgp"), "netbox_bgp");
    assert!(plugins["distributions"].as_object().unwrap().len() > 300);
    assert!(plugins["sources"].as_array().unwrap().iter().all(|s| s["sha256"].as_str().is_some_and(|h| h.len() == 64)));
}

/// The plugin reader on wheels of our own: top_level.txt when the wheel has it, else the
/// packages and modules at the top of its files (not its .dist-info).
#[test]
fn the_plugin_reader_takes_a_wheels_top_level_modules() {
    let code = r#"
import io, zipfile, netbox_plugins as p
def wheel(files):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return zipfile.ZipFile(io.BytesIO(data.getvalue()))
listed = wheel({"x-1.dist-info/METADATA": "Name: netbox-x\nVersion: 1\n\nbody", "x-1.dist-info/top_level.txt": "xmod\n", "other/__init__.py": ""})
bare = wheel({"y-1.dist-info/METADATA": "Name: y\n", "ypkg/__init__.py": "", "ypkg/sub/__init__.py": "", "single.py": "", "y-1.dist-info/RECORD": ""})
print(p.metadata_name(listed), p.top_level_modules(listed), p.top_level_modules(bare))
"#;
    assert_eq!(python(code), "('netbox-x', '1') ['xmod'] ['single', 'ypkg']");
}
