//! `mdbook-configcheck lint` through the real binary: the same rules and messages as `check` on a
//! book's main deployment, at the files' own lines; a netbox-docker checkout read as
//! netbox-docker reads it; untrusted files refused with their name; exit codes as `check`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"));
    command.env_remove("MDBOOK_PREPROCESSOR__CONFIGCHECK__STRICT").env("NO_COLOR", "1");
    command
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}\n{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
    })
}

/// The text a diagnostic points at: its first line, from its column (to its end column when it
/// ends on that line).
fn snippet(root: &Path, d: &Value) -> String {
    let text = fs::read_to_string(root.join(d["path"].as_str().unwrap())).unwrap();
    let line = text.lines().nth(d["line"].as_u64().unwrap() as usize - 1).unwrap_or("");
    let chars: Vec<char> = line.chars().collect();
    let start = (d["column"].as_u64().unwrap() as usize - 1).min(chars.len());
    let end = if d["end_line"] == d["line"] { d["end_column"].as_u64().unwrap() as usize - 1 } else { chars.len() };
    chars[start..end.clamp(start, chars.len())].iter().collect()
}

/// `check` on a book and `lint` on the main files `extract` writes from it: the same findings
/// (rule, severity, message, and the text each points at), `lint`'s at the files' lines.
fn lint_matches_check(book: &Path) -> usize {
    let out = tempfile::tempdir().unwrap();
    let extracted = bin().arg("extract").arg(book).arg(out.path()).output().unwrap();
    assert!(extracted.status.success(), "{}", String::from_utf8_lossy(&extracted.stderr));
    let manifest: Value = serde_json::from_str(&fs::read_to_string(out.path().join("manifest.json")).unwrap()).unwrap();
    let main = manifest["deployments"].as_array().unwrap().iter().find(|d| d["name"] == "main").unwrap();
    let mut main_blocks = HashSet::new();
    let mut files = Vec::new();
    for file in main["files"].as_array().unwrap() {
        files.push(out.path().join(file["path"].as_str().unwrap()));
        for block in file["blocks"].as_array().unwrap() {
            main_blocks.insert((block["path"].as_str().unwrap().to_string(), block["line"].as_u64().unwrap()));
        }
    }
    let checked = bin().arg("check").arg(book).args(["--format", "json"]).output().unwrap();
    let checked = json(&checked);
    let linted = bin().arg("lint").args(&files).args(["--format", "json"]).output().unwrap();
    assert_eq!(linted.status.code(), Some(if checked["summary"]["errors"] == 0 { 0 } else { 1 }));
    let linted = json(&linted);
    let of_main = |d: &&Value| {
        let block = &d["block"];
        !d["expected"].as_bool().unwrap()
            && block.is_object()
            && main_blocks.contains(&(d["path"].as_str().unwrap().to_string(), block["line"].as_u64().unwrap()))
    };
    let key = |root: &Path, d: &Value| {
        (
            d["rule"].as_str().unwrap().to_string(),
            d["severity"].as_str().unwrap().to_string(),
            d["message"].as_str().unwrap().to_string(),
            snippet(root, d),
        )
    };
    let mut from_check: Vec<_> =
        checked["diagnostics"].as_array().unwrap().iter().filter(of_main).map(|d| key(book, d)).collect();
    let mut from_lint: Vec<_> =
        linted["diagnostics"].as_array().unwrap().iter().map(|d| key(Path::new("/"), d)).collect();
    from_check.sort();
    from_lint.sort();
    assert_eq!(from_lint, from_check);
    for d in linted["diagnostics"].as_array().unwrap() {
        let path = d["path"].as_str().unwrap();
        assert!(files.iter().any(|f| f.to_str() == Some(path)), "{path} is not one of the linted files");
    }
    from_lint.len()
}

#[test]
fn lint_on_the_guides_main_files_finds_what_check_finds_on_its_main_deployment() {
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    lint_matches_check(&guide);
}

#[test]
fn lint_on_a_broken_deployments_files_finds_what_check_finds() {
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seed-deployment");
    // NetBox, nginx, Authentik and flow findings: the comparison is not of two empty lists.
    assert!(lint_matches_check(&book) >= 10);
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, text).unwrap();
    path
}

fn rules_at(report: &Value) -> Vec<(String, String, u64)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let path = d["path"].as_str().unwrap();
            let name = Path::new(path).file_name().unwrap().to_string_lossy().into_owned();
            (d["rule"].as_str().unwrap().to_string(), name, d["line"].as_u64().unwrap())
        })
        .collect()
}

/// netbox-docker's layout: configuration.py reads the environment, the env file sets the
/// backend, an add-on sets the OpenID Connect settings and a Django setting NetBox never reads.
#[test]
fn a_netbox_docker_checkout_is_merged_as_netbox_docker_merges_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "configuration/configuration.py",
        "from os import environ\nALLOWED_HOSTS = environ.get('ALLOWED_HOSTS', '*').split(' ')\nDATABASE = {}\nREDIS = {}\nSECRET_KEY = environ.get('SECRET_KEY', '')\nREMOTE_AUTH_BACKEND = _environ_get_and_map('REMOTE_AUTH_BACKEND', 'netbox.authentication.RemoteUserBackend', _AS_LIST)\nREMOTE_AUTH_ENABLED = _environ_get_and_map('REMOTE_AUTH_ENABLED', 'False', _AS_BOOL)\n",
    );
    write(
        root,
        "configuration/extra.py",
        "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://auth.example.com/application/o/netbox/'\nSOCIAL_AUTH_OIDC_KEY = 'id'\nAUTHENTICATION_BACKENDS = ('social_core.backends.open_id_connect.OpenIdConnectAuth',)\n",
    );
    // Loaded by netbox-docker's LDAP loader, which hands django-auth-ldap only AUTH_LDAP_* names
    // (docker/ldap_config.docker.py), so the line does nothing (ldap-setting-unknown's: the file is
    // no configuration.py); not loaded at all: not Python.
    write(root, "configuration/ldap/extra.py", "SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')\n");
    write(root, "configuration/notes.txt", "USE_X_FORWARDED_HOST = True\n");
    write(
        root,
        "env/netbox.env",
        "DB_HOST=postgres\nREMOTE_AUTH_ENABLED=true\nREMOTE_AUTH_BACKEND=netbox.authentication.RemoteUserBackend\n",
    );
    let output = bin().arg("lint").arg("--netbox-docker").arg(root).args(["--format", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    let got = rules_at(&json(&output));
    // The backend comes from the env file, converted as _AS_LIST converts it: not the OIDC one.
    assert!(got.contains(&("netbox/backend-path".into(), "netbox.env".into(), 3)), "{got:?}");
    assert!(got.contains(&("netbox/setting-ignored".into(), "extra.py".into(), 3)), "{got:?}");
    assert!(!got.iter().any(|(_, file, _)| file == "notes.txt"), "{got:?}");
    assert!(got.contains(&("netbox/ldap-setting-unknown".into(), "extra.py".into(), 1)), "{got:?}");
    assert_eq!(got.iter().filter(|(rule, ..)| rule == "netbox/setting-ignored").count(), 1, "{got:?}");

    // With the OIDC backend in the environment the deployment is right.
    write(root, "env/netbox.env", "REMOTE_AUTH_BACKEND=social_core.backends.open_id_connect.OpenIdConnectAuth\n");
    let output = bin().arg("lint").arg("--netbox-docker").arg(root).args(["--format", "json"]).output().unwrap();
    let got = rules_at(&json(&output));
    assert!(!got.iter().any(|(rule, ..)| rule == "netbox/backend-path"), "{got:?}");
}

/// netbox-docker's own configuration.py (it defines `_environ_get_and_map` and asks not to be
/// edited) reads parameters NetBox deprecated or the OIDC backend ignores from the environment, with
/// netbox-docker's defaults: nothing to fix while the environment file leaves them alone; once the
/// environment file sets one, the administrator chose it, and the finding is back.
#[test]
fn netbox_dockers_own_defaults_are_not_the_administrators_lines() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "configuration/configuration.py",
        "from os import environ\n\n_AS_BOOL = lambda value: value.lower() == 'true'\n_AS_LIST = lambda value: list(filter(None, value.split(' ')))\n\n\
         def _environ_get_and_map(name, default=None, map_fn=None):\n    value = environ.get(name, default)\n    return map_fn(value) if map_fn and value is not None else value\n\n\
         ALLOWED_HOSTS = environ.get('ALLOWED_HOSTS', '*').split(' ')\nDATABASE = {}\nREDIS = {'tasks': {'DATABASE': 0}, 'caching': {'DATABASE': 1}}\nSECRET_KEY = environ.get('SECRET_KEY', '')\n\
         REMOTE_AUTH_BACKEND = environ.get('REMOTE_AUTH_BACKEND', 'netbox.authentication.RemoteUserBackend')\n\
         REMOTE_AUTH_HEADER = environ.get('REMOTE_AUTH_HEADER', 'HTTP_REMOTE_USER')\n\
         REMOTE_AUTH_AUTO_CREATE_USER = _environ_get_and_map('REMOTE_AUTH_AUTO_CREATE_USER', 'False', _AS_BOOL)\n\
         LOGIN_REQUIRED = _environ_get_and_map('LOGIN_REQUIRED', 'False', _AS_BOOL)\n\
         REMOTE_AUTH_STAFF_GROUPS = _environ_get_and_map('REMOTE_AUTH_STAFF_GROUPS', '', _AS_LIST)\n",
    );
    write(root, "env/netbox.env", "REMOTE_AUTH_BACKEND=social_core.backends.open_id_connect.OpenIdConnectAuth\n");
    let lint = || bin().arg("lint").arg("--netbox-docker").arg(root).args(["--format", "json"]).output().unwrap();
    let got = rules_at(&json(&lint()));
    assert!(!got.iter().any(|(_, file, _)| file == "configuration.py"), "{got:?}");

    // The same file linted on its own shows no environment: whether the administrator set a
    // variable is unknown, so no line is taken for netbox-docker's default, and what holds
    // whatever the value is stands: NetBox 4.5 removed the staff groups (corpus case t80).
    let alone = bin()
        .arg("lint")
        .arg(root.join("configuration/configuration.py"))
        .args(["--target", "netbox=4.6", "--format", "json"])
        .output()
        .unwrap();
    let staff = fs::read_to_string(root.join("configuration/configuration.py"))
        .unwrap()
        .lines()
        .position(|line| line.starts_with("REMOTE_AUTH_STAFF_GROUPS"))
        .unwrap() as u64
        + 1;
    let got = rules_at(&json(&alone));
    assert!(got.contains(&("netbox/setting-removed".into(), "configuration.py".into(), staff)), "{got:?}");

    // The environment file sets REMOTE_AUTH_HEADER: now it is the administrator's, and unused.
    write(
        root,
        "env/netbox.env",
        "REMOTE_AUTH_BACKEND=social_core.backends.open_id_connect.OpenIdConnectAuth\nREMOTE_AUTH_HEADER=HTTP_X_USER\n",
    );
    let got = rules_at(&json(&lint()));
    assert!(got.iter().any(|(rule, ..)| rule == "netbox/remote-auth-header-unused"), "{got:?}");

    // `check` on a book with the same files agrees: the model knows netbox-docker's defaults.
    let configuration = fs::read_to_string(root.join("configuration/configuration.py")).unwrap();
    let book = |env: &str| {
        let book = tempfile::tempdir().unwrap();
        write(book.path(), "book.toml", "[book]\ntitle = \"docker\"\n\n[preprocessor.configcheck]\n");
        write(book.path(), "src/SUMMARY.md", "# Summary\n\n- [Docker](docker.md)\n");
        write(
            book.path(),
            "src/docker.md",
            &format!("# Docker\n\n```python,check=netbox\n{configuration}```\n\n```sh,check=env\n{env}```\n"),
        );
        let output = bin().arg("check").arg(book.path()).args(["--format", "json"]).output().unwrap();
        json(&output)["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let oidc = "REMOTE_AUTH_BACKEND=social_core.backends.open_id_connect.OpenIdConnectAuth\n";
    assert!(!book(oidc).iter().any(|rule| rule == "netbox/remote-auth-header-unused"), "{:?}", book(oidc));
    let header = format!("{oidc}REMOTE_AUTH_HEADER=HTTP_X_USER\n");
    assert!(book(&header).iter().any(|rule| rule == "netbox/remote-auth-header-unused"), "{:?}", book(&header));

    // The same lines in a file that is not netbox-docker's (no helpers) are the administrator's.
    let own = write(
        root,
        "own/configuration.py",
        "from os import environ\nALLOWED_HOSTS = ['netbox.example.com']\nDATABASE = {}\nREDIS = {}\nSECRET_KEY = 'k' * 50\n\
         REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n\
         REMOTE_AUTH_HEADER = environ.get('REMOTE_AUTH_HEADER', 'HTTP_REMOTE_USER')\n",
    );
    let output = bin().arg("lint").arg(&own).args(["--format", "json"]).output().unwrap();
    let got = rules_at(&json(&output));
    assert!(got.iter().any(|(rule, ..)| rule == "netbox/remote-auth-header-unused"), "{got:?}");
}

/// An add-on file alone does not show REMOTE_AUTH_BACKEND: unknown, not unset; the same settings
/// in a whole configuration.py (what NetBox requires of one) are missing the backend.
#[test]
fn a_fragment_does_not_unset_what_it_does_not_show() {
    let dir = tempfile::tempdir().unwrap();
    let oidc = "SOCIAL_AUTH_OIDC_KEY = 'id'\n";
    let fragment = write(dir.path(), "fragment/configuration.py", oidc);
    let whole = write(
        dir.path(),
        "whole/configuration.py",
        &format!(
            "ALLOWED_HOSTS = ['netbox.example.com']\nDATABASES = {{}}\nREDIS = {{}}\nSECRET_KEY = 'k' * 50\n{oidc}"
        ),
    );
    let lint = |path: &Path| bin().arg("lint").arg(path).args(["--format", "json"]).output().unwrap();
    let quiet = lint(&fragment);
    assert_eq!(quiet.status.code(), Some(0), "{}", String::from_utf8_lossy(&quiet.stdout));
    let loud = lint(&whole);
    assert_eq!(loud.status.code(), Some(1));
    assert!(rules_at(&json(&loud)).contains(&("netbox/backend-path".into(), "configuration.py".into(), 5)));
}

/// A file of settings alone under a name of one's own (t237: a chart's extraConfig written as
/// Python) is read as configuration: a literal under a name nobody reads is reported, beside a
/// library's backend. Beside a backend of one's own, which may read its names, or in a file with
/// a function (a pipeline module's constants), it is not.
#[test]
fn a_name_nobody_reads_in_a_file_of_settings_alone() {
    let dir = tempfile::tempdir().unwrap();
    let oidc = "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_OIDC_KEY = 'netbox'\nLOGLEVEL = 'DEBUG'\n";
    let lint = |name: &str, text: &str| {
        let path = write(dir.path(), name, text);
        let out = bin().arg("lint").arg(&path).args(["--format", "json"]).output().unwrap();
        rules_at(&json(&out))
            .into_iter()
            .filter(|(rule, _, _)| rule == "netbox/setting-unknown")
            .map(|(_, _, line)| line)
            .collect::<Vec<_>>()
    };
    assert_eq!(lint("a/netbox-oidc.py", oidc), [3]);
    let own_backend = oidc.replace("social_core.backends.open_id_connect.OpenIdConnectAuth", "aaa.backend.AAABackend");
    assert_eq!(lint("b/netbox-aaa.py", &own_backend), Vec::<u64>::new());
    let with_function = format!("{oidc}def step(backend, user, response, *args, **kwargs):\n    return None\n");
    assert_eq!(lint("c/netbox-oidc.py", &with_function), Vec::<u64>::new());
    // Constants a pipeline module imports as a module, or through NetBox's configuration module.
    let constants = write(dir.path(), "d/sso_constants.py", "ADMIN_GROUP = 'netbox-admins'\n");
    let settings = write(dir.path(), "d/netbox-oidc.py", oidc);
    let in_constants = |files: &[&Path]| {
        let out = bin().arg("lint").args(files).args(["--format", "json"]).output().unwrap();
        rules_at(&json(&out))
            .into_iter()
            .filter(|(rule, file, _)| rule == "netbox/setting-unknown" && file == "sso_constants.py")
            .collect::<Vec<_>>()
    };
    assert_eq!(in_constants(&[&constants, &settings]).len(), 1);
    for import in ["from netbox import sso_constants\n", "import sso_constants\n", "from netbox import configuration\n"]
    {
        let step = write(
            dir.path(),
            "d/sso_pipeline_roles.py",
            &format!("{import}\ndef set_role(backend, user, response, *args, **kwargs):\n    return None\n"),
        );
        assert_eq!(in_constants(&[&constants, &settings, &step]), vec![], "{import}");
    }
}

/// An add-on of a netbox-docker checkout is one NetBox runs while Django builds its settings
/// (netbox-docker 3.0.2 docker/configuration.docker.py loads every `*.py` of the configuration
/// directory then): a model imported at its top stops NetBox, whatever the file is called, and
/// the finding names the real file. The same file outside a checkout, named alone, may be a
/// pipeline module loaded later: not reported.
#[test]
fn a_model_import_in_a_netbox_docker_add_on_is_found_at_the_real_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "configuration/configuration.py",
        "from os import environ\nALLOWED_HOSTS = environ.get('ALLOWED_HOSTS', '*').split(' ')\nDATABASE = {}\nREDIS = {}\nSECRET_KEY = environ.get('SECRET_KEY', '')\n",
    );
    let add_on = "from django.contrib.auth.models import Group\n\nSOCIAL_AUTH_PIPELINE = ('social_core.pipeline.social_auth.social_details',)\n";
    write(root, "configuration/zz_pipeline.py", add_on);
    let output = bin().arg("lint").arg("--netbox-docker").arg(root).args(["--format", "json"]).output().unwrap();
    let report = json(&output);
    let found: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "netbox/model-import-in-configuration")
        .collect();
    assert_eq!(found.len(), 1, "{report:#}");
    let path = Path::new(found[0]["path"].as_str().unwrap());
    assert!(path.ends_with("configuration/zz_pipeline.py") && path.starts_with(root), "{path:?}");
    assert_eq!(found[0]["line"], 1);
    assert_eq!(output.status.code(), Some(1));

    let alone = write(root, "elsewhere/zz_pipeline.py", add_on);
    let output = bin().arg("lint").arg(&alone).args(["--format", "json"]).output().unwrap();
    assert!(!rules_at(&json(&output)).iter().any(|(rule, ..)| rule == "netbox/model-import-in-configuration"));
}

/// The nginx file a compose file mounts into its nginx service is read as nginx, once, also when
/// named; a source outside the project (an absolute path) is not read (the second
/// false-finding hunt's netbox-docker checkout with `./nginx.conf` beside its override).
#[test]
fn the_nginx_file_a_compose_file_mounts_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let site = write(
        root,
        "nginx.conf",
        "server {\n    listen 80;\n    server_name ipam.example.net;\n    location / {\n        proxy_pass http://netbox:8080;\n        proxy_set_header X-Forwarded-Host $http_host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }\n}\n",
    );
    let compose = |source: &str| {
        format!(
            "services:\n  netbox:\n    image: netboxcommunity/netbox:v4.6.8-4.0.0\n  nginx:\n    image: nginx:alpine\n    volumes:\n      - {source}:/etc/nginx/conf.d/default.conf:ro\n"
        )
    };
    let file = write(root, "docker-compose.yml", &compose("./nginx.conf"));
    let plain = |extra: &[&Path]| {
        let output = bin().arg("lint").arg(&file).args(extra).args(["--format", "json"]).output().unwrap();
        rules_at(&json(&output)).into_iter().filter(|(rule, ..)| rule == "nginx/plain-http-only").count()
    };
    assert_eq!(plain(&[]), 1);
    assert_eq!(plain(&[site.as_path()]), 1);
    write(root, "docker-compose.yml", &compose(&site.display().to_string()));
    assert_eq!(plain(&[]), 0);
}

/// A pipeline module a compose file mounts into NetBox's package is a module, not an add-on of
/// the configuration directory, whatever directory it sits in; an env file an override names
/// through `../` is named as the administrator names it, once (corpus case t189).
#[test]
fn a_mounted_pipeline_module_and_an_env_file_reached_through_parent_directories() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let pipeline = write(
        root,
        "configuration/custom_pipeline.py",
        "from netbox.authentication import Group

def add_groups(response, user, backend, *args, **kwargs):\n    pass\n",
    );
    let env = write(root, "env/netbox.env", "DB_HOST=postgres\nREDIS_HOST=redis\nSECRET_KEY=short\n");
    // The override with these volumes, linted with the env file and the pipeline named.
    let report = |volumes: &str| {
        let override_file = write(
            root,
            "netbox-docker/docker-compose.override.yml",
            &format!(
                "services:\n  netbox:\n    image: netboxcommunity/netbox:v4.6.8-4.0.0\n    env_file:\n      - ../env/netbox.env\n{volumes}"
            ),
        );
        let output =
            bin().arg("lint").arg(&override_file).arg(&env).arg(&pipeline).args(["--format", "json"]).output().unwrap();
        json(&output)
    };
    let model_import =
        |report: &Value| rules_at(report).iter().any(|(rule, ..)| rule == "netbox/model-import-in-configuration");
    let module =
        "    volumes:\n      - ../configuration/custom_pipeline.py:/opt/netbox/netbox/netbox/custom_pipeline.py\n";
    let mounted = report(module);
    assert!(!model_import(&mounted), "{mounted:#}");
    let key: Vec<&Value> =
        mounted["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == "netbox/secret-key-short").collect();
    assert_eq!(key.len(), 1, "{mounted:#}");
    assert_eq!(Path::new(key[0]["path"].as_str().unwrap()), env.as_path(), "{mounted:#}");
    // Mounted into the package and, with its folder, as the configuration directory (the
    // review of 2026-12-02): netbox-docker still runs it with the settings.
    assert!(model_import(&report(
        &module.replace("    volumes:\n", "    volumes:\n      - ../configuration:/etc/netbox/config:z,ro\n")
    )));
    // Without the mount, the same file in configuration/ is an add-on netbox-docker runs.
    assert!(model_import(&report("")));
}

#[test]
fn unreadable_files_are_refused_by_name_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let binary = write(dir.path(), "blob.conf", "server {\0}\n");
    let latin1 = dir.path().join("latin1.conf");
    fs::write(&latin1, b"server { # caf\xe9\n}\n").unwrap();
    let unknown = write(dir.path(), "notes.txt", "just some words\n");
    let big = dir.path().join("big.conf");
    fs::write(&big, vec![b'#'; 9 << 20]).unwrap();
    for (path, says) in [
        (dir.path().join("missing.py"), "cannot read"),
        (binary, "binary"),
        (latin1, "not UTF-8"),
        (unknown.clone(), "--kind KIND="),
        (big, "more than"),
        (PathBuf::from("/dev/null"), "not a regular file"),
        // A directory given where a file belongs: say so, and name the option for a checkout.
        (dir.path().to_path_buf(), "--netbox-docker"),
    ] {
        let output = bin().arg("lint").arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{}: {stderr}", path.display());
        assert!(stderr.contains(&path.display().to_string()) && stderr.contains(says), "{}: {stderr}", path.display());
    }
    // Named with --kind, the same file is read as that kind (and is not valid nginx).
    let output = bin()
        .arg("lint")
        .arg(format!("--kind=nginx={}", unknown.display()))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    let got = rules_at(&json(&output));
    assert!(got.iter().all(|(rule, file, _)| rule == "configcheck/syntax-error" && file == "notes.txt"), "{got:?}");
    assert!(!got.is_empty());
    // Rerun as the error says, the file still given by name too: the named kind decides, once.
    let output = bin()
        .arg("lint")
        .arg(&unknown)
        .arg(format!("--kind=nginx={}", unknown.display()))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(rules_at(&json(&output)), got);
    // Named in place: two values files keep their order (the later one's ALLOWED_HOSTS wins, as
    // Helm's later `-f` does), whichever is named with --kind.
    let first = write(dir.path(), "a.yaml", "allowedHosts: ['netbox.example.org']\n");
    let later = write(dir.path(), "b.yaml", "allowedHosts: ['https://netbox.example.org']\n");
    let scheme = |extra: &[String]| {
        let output = bin().arg("lint").arg(&first).arg(&later).args(extra).args(["--format", "json"]).output().unwrap();
        rules_at(&json(&output)).iter().filter(|(rule, ..)| rule == "netbox/allowed-hosts-entry").count()
    };
    assert_eq!(scheme(&[]), 1);
    assert_eq!(scheme(&[format!("--kind=chart={}", first.display())]), 1);
    let output = bin().args(["lint", "--netbox-docker"]).arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a netbox-docker checkout"));
}

/// Odd but real files: an nginx site saved with a byte order mark is refused by nginx (1.22.1:
/// `unknown directive`), so lint says so at line 1 instead of passing it silently; CRLF line
/// endings and tabs change no finding or column; a `from … import *` after a setting makes its
/// value unknown (it may be rebound), so no finding rests on it.
#[test]
fn a_byte_order_mark_crlf_tabs_and_star_imports_are_read_as_their_programs_read_them() {
    let dir = tempfile::tempdir().unwrap();
    let site = "server {\n\tlisten 443 ssl;\n\tserver_name netbox.example.net;\n\tlocation / {\n\t\tproxy_pass http://127.0.0.1:8001;\n\t}\n}\n";
    let bom = write(dir.path(), "bom.conf", &format!("\u{feff}{site}"));
    let output = bin().arg("lint").arg(&bom).args(["--format", "json"]).output().unwrap();
    let got = rules_at(&json(&output));
    assert_eq!(got, [("configcheck/syntax-error".to_string(), "bom.conf".to_string(), 1)], "{got:?}");
    let plain = write(dir.path(), "plain.conf", site);
    let crlf = write(dir.path(), "crlf.conf", &site.replace('\n', "\r\n"));
    let [plain, crlf] = [plain, crlf].map(|path| {
        let output = bin().arg("lint").arg(&path).args(["--format", "json"]).output().unwrap();
        let report = json(&output);
        let found: Vec<(String, u64, u64)> = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (d["rule"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap())
            })
            .collect();
        found
    });
    assert!(plain.iter().any(|(rule, _, _)| rule == "nginx/missing-forwarded-host"), "{plain:?}");
    assert_eq!(plain, crlf);
    let header = "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nREMOTE_AUTH_HEADER = 'HTTP_X_USER'\n";
    let known = write(dir.path(), "known.py", header);
    let starred = write(dir.path(), "starred.py", &format!("{header}from .local_settings import *\n"));
    let rules =
        |path: &Path| rules_at(&json(&bin().arg("lint").arg(path).args(["--format", "json"]).output().unwrap()));
    assert!(rules(&known).iter().any(|(rule, _, _)| rule == "netbox/remote-auth-header-unused"));
    assert!(
        rules(&starred).iter().all(|(rule, _, _)| rule != "netbox/remote-auth-header-unused"),
        "{:?}",
        rules(&starred)
    );
}

/// Human output names the real file and line; GitHub annotations carry them too.
#[test]
fn every_format_points_at_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let site = write(
        dir.path(),
        "sites-enabled/netbox",
        "server {\n    listen 443 ssl;\n    server_name netbox.example.com;\n    location / {\n        proxy_pass http://127.0.0.1:8001;\n        proxy_set_header X-Forwarded-Host $http_host;\n    }\n}\n",
    );
    let shown = site.display().to_string();
    let human = bin().arg("lint").arg(&site).output().unwrap();
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("nginx/missing-forwarded-proto") && text.contains(&format!("{shown}:")), "{text}");
    assert!(text.contains(" in 1 checked file"), "{text}");
    let github = bin().arg("lint").arg(&site).args(["--format", "github"]).output().unwrap();
    let text = String::from_utf8_lossy(&github.stdout);
    assert!(text.contains(&format!("file={shown},line=")), "{text}");
    let sarif = bin().arg("lint").arg(&site).args(["--format", "sarif"]).output().unwrap();
    let sarif = json(&sarif);
    assert!(sarif.to_string().contains("nginx/missing-forwarded-proto"));
}

/// An env file Docker Compose refuses is never a silent pass: a secret whose closing quote was
/// lost stops `docker compose up` (compose-go: `unterminated quoted value`), and lint says so at
/// the quote's line, naming the file and the variable but not the secret; a quote that a later
/// line closes takes the lines between into the value, and lint names the variables lost.
#[test]
fn an_env_file_compose_refuses_or_misreads_is_reported_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "configuration/extra.py", "SOCIAL_AUTH_OIDC_KEY = 'id'\n");
    let env = write(root, "env/netbox.env", "DB_HOST=postgres\nSOCIAL_AUTH_OIDC_SECRET=\"abc\nDEBUG=false\n");
    let lint = || bin().arg("lint").arg("--netbox-docker").arg(root).args(["--format", "json"]).output().unwrap();
    let output = lint();
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stdout));
    let report = json(&output);
    let found = &report["diagnostics"].as_array().unwrap()[0];
    assert_eq!(found["rule"], "configcheck/syntax-error");
    assert_eq!(found["path"], env.display().to_string());
    assert_eq!((found["line"].as_u64(), found["column"].as_u64()), (Some(2), Some(25)));
    let message = found["message"].as_str().unwrap();
    assert!(message.starts_with("netbox.env: ") && message.contains("unterminated quoted value"), "{message}");
    assert!(message.contains("SOCIAL_AUTH_OIDC_SECRET") && !message.contains("abc"), "{message}");

    // The opening quote of a later value lost as well: Compose reads the file without an error.
    write(root, "env/netbox.env", "SOCIAL_AUTH_OIDC_SECRET=\"abc\nREMOTE_AUTH_ENABLED=true\nBANNER_TOP=Welcome\"\n");
    let got = rules_at(&json(&lint()));
    assert_eq!(got, [("netbox/env-value-spans-lines".to_string(), "netbox.env".to_string(), 1)], "{got:?}");
}

/// netbox-docker's documented override: `environment:` under `services: netbox:` in
/// docker-compose.override.yml wins over env/netbox.env (Docker's "Environment variables
/// precedence in Docker Compose"), in map and list form, and a finding on such a value points at
/// its YAML line; `${VAR}` is Compose's interpolation, unknown: no finding rests on it.
#[test]
fn compose_environment_wins_over_the_env_file_and_is_placed_at_its_yaml_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    oidc_checkout(root);
    write(
        root,
        "docker-compose.yml",
        "services:\n  netbox: &netbox\n    image: docker.io/netboxcommunity/netbox:v4.1-3.0.2\n    env_file: env/netbox.env\n",
    );
    write(root, "env/netbox.env", "REMOTE_AUTH_BACKEND=social_core.backends.open_id_connect.OpenIdConnectAuth\n");
    let lint = || bin().arg("lint").arg("--netbox-docker").arg(root).args(["--format", "json"]).output().unwrap();
    let got = rules_at(&json(&lint()));
    assert!(!got.iter().any(|(rule, ..)| rule == "netbox/backend-path"), "{got:?}");

    let header = "services:\n  netbox:\n    ports:\n      - \"8000:8080\"\n    environment:\n";
    for (environment, line) in [
        ("      SKIP_SUPERUSER: \"false\"\n      REMOTE_AUTH_BACKEND: netbox.authentication.RemoteUserBackend\n", 7),
        ("      - REMOTE_AUTH_BACKEND=netbox.authentication.RemoteUserBackend\n", 6),
    ] {
        write(root, "docker-compose.override.yml", &format!("{header}{environment}"));
        let output = lint();
        assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
        let got = rules_at(&json(&output));
        assert!(
            got.contains(&("netbox/backend-path".into(), "docker-compose.override.yml".into(), line)),
            "{environment}: {got:?}"
        );
    }
    write(root, "docker-compose.override.yml", &format!("{header}      REMOTE_AUTH_BACKEND: ${{BACKEND}}\n"));
    let got = rules_at(&json(&lint()));
    assert!(!got.iter().any(|(rule, ..)| rule == "netbox/backend-path"), "{got:?}");

    // A later env_file wins over an earlier one; the override's list comes after the base's.
    write(root, "docker-compose.override.yml", "services:\n  netbox:\n    env_file:\n      - env/local.env\n");
    write(root, "env/local.env", "REMOTE_AUTH_BACKEND=netbox.authentication.RemoteUserBackend\n");
    let got = rules_at(&json(&lint()));
    assert!(got.contains(&("netbox/backend-path".into(), "local.env".into(), 1)), "{got:?}");

    // An env_file Compose cannot find stops Compose, and lint, naming both files.
    write(root, "docker-compose.override.yml", "services:\n  netbox:\n    env_file:\n      - env/missing.env\n");
    let output = lint();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("docker-compose.override.yml") && stderr.contains("env/missing.env"), "{stderr}");

    // Named on its own, an override file is a compose file, read with its env files.
    write(
        root,
        "docker-compose.override.yml",
        &format!("{header}      REMOTE_AUTH_BACKEND: netbox.authentication.RemoteUserBackend\n"),
    );
    let output = bin()
        .arg("lint")
        .arg(root.join("configuration/configuration.py"))
        .arg(root.join("configuration/extra.py"))
        .arg(root.join("docker-compose.yml"))
        .arg(root.join("docker-compose.override.yml"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    let got = rules_at(&json(&output));
    assert!(got.contains(&("netbox/backend-path".into(), "docker-compose.override.yml".into(), 6)), "{got:?}");
}

/// The human report is the default and lands in CI logs: a finding on a secret shows its line
/// with the value masked, and a line Compose refuses is quoted only up to its first blank
/// (`SECRET_KEY r9Xq…`, an `=` forgotten), never with the value.
#[test]
fn the_human_report_never_prints_a_secret_whole() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let config = write(
        root,
        "configuration.py",
        "ALLOWED_HOSTS = ['netbox.example.com']\nDATABASES = {}\nREDIS = {}\nSECRET_KEY = 'Hq7Wshortsecret'\n",
    );
    let output = bin().arg("lint").arg(&config).output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("netbox/secret-key-short") && text.contains("SECRET_KEY = '****"), "{text}");
    assert!(!text.contains("Hq7W"), "{text}");

    let env = write(root, "netbox.env", "DEBUG=false\nSECRET_KEY r9Xq2LmZ8pTw4Vn7Hs1Kd6Fj3Bc0Ga5Ye\n");
    for format in ["human", "json", "github", "sarif"] {
        let output = bin().arg("lint").arg(&env).args(["--format", format]).output().unwrap();
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.contains("configcheck/syntax-error") && text.contains("SECRET_KEY"), "{format}: {text}");
        assert!(!text.contains("r9Xq"), "{format}: {text}");
    }
}

/// The values a finding is about are shown: a URL setting whose name holds `TOKEN`
/// (`SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL`, labelled by the Keycloak finding) and a plugin's
/// module name that holds `secrets` (a `PLUGINS_CONFIG` key); real secrets beside them stay
/// masked, also under a lower-case key of a plugin's settings.
#[test]
fn the_human_report_shows_the_values_its_findings_are_about() {
    let dir = tempfile::tempdir().unwrap();
    let config = write(
        dir.path(),
        "configuration.py",
        "ALLOWED_HOSTS = ['netbox.example.com']\nSECRET_KEY = 'Hq7Wshortsecret'\nPLUGINS = ['netbox_bgp']\nPLUGINS_CONFIG = {\n    \"netbox_secrets\": {'api_token': 'Zt9Kplugintoken'},\n}\nREMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\nSOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://netbox.example.com/realms/corp/protocol/openid-connect/auth'\nSOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://sso.example.com/auth/realms/corp/protocol/openid-connect/token'\n",
    );
    let output = bin().arg("lint").arg(&config).output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("netbox/keycloak-authorization-url-host"), "{text}");
    assert!(
        text.contains("SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://sso.example.com/auth/realms/corp/protocol/openid-connect/token'"),
        "{text}"
    );
    assert!(text.contains("netbox/plugins-config-key-not-plugin") && text.contains("\"netbox_secrets\": {"), "{text}");
    assert!(text.contains("SECRET_KEY = '****"), "{text}");
    assert!(!text.contains("Hq7W") && !text.contains("Zt9K"), "{text}");
}

/// compose-go accepts an env file whose last line has no `=` and no line end (it stores the line
/// as the value of the variable `""`): a warning that says so, not a refusal.
#[test]
fn a_last_line_without_a_line_end_is_a_warning_not_a_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let env = write(dir.path(), "netbox.env", "DEBUG=false\nSECRET_KEY");
    let output = bin().arg("lint").arg(&env).args(["--format", "json"]).output().unwrap();
    let got = rules_at(&json(&output));
    assert!(got.contains(&("netbox/env-last-line-unnamed".into(), "netbox.env".into(), 2)), "{got:?}");
    assert!(!got.iter().any(|(rule, ..)| rule == "configcheck/syntax-error"), "{got:?}");
}

/// A netbox-docker checkout whose configuration reads REMOTE_AUTH_BACKEND from the environment
/// and whose add-on configures OpenID Connect: `netbox/backend-path` fires exactly when the
/// environment Compose gives NetBox holds `RemoteUserBackend`.
fn oidc_checkout(root: &Path) {
    write(
        root,
        "configuration/configuration.py",
        "from os import environ\nALLOWED_HOSTS = environ.get('ALLOWED_HOSTS', '*').split(' ')\nDATABASE = {}\nREDIS = {}\nSECRET_KEY = environ.get('SECRET_KEY', '')\nREMOTE_AUTH_BACKEND = _environ_get_and_map('REMOTE_AUTH_BACKEND', 'netbox.authentication.RemoteUserBackend', _AS_LIST)\n",
    );
    write(
        root,
        "configuration/extra.py",
        "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://auth.example.com/application/o/netbox/'\nSOCIAL_AUTH_OIDC_KEY = 'id'\n",
    );
}

const OIDC_BACKEND: &str = "REMOTE_AUTH_BACKEND=social_core.backends.open_id_connect.OpenIdConnectAuth\n";
const HEADER_BACKEND: &str = "REMOTE_AUTH_BACKEND=netbox.authentication.RemoteUserBackend\n";

fn lint_checkout(root: &Path) -> (Option<i32>, Vec<(String, String, u64)>) {
    let output = bin().arg("lint").arg("--netbox-docker").arg(root).args(["--format", "json"]).output().unwrap();
    let code = output.status.code();
    (code, rules_at(&json(&output)))
}

/// A compose file Compose refuses is never passed over: a YAML error in the override is
/// reported (exit 1), and a broken docker-compose.yml still leaves env/netbox.env checked.
#[test]
fn compose_files_compose_refuses_are_reported_and_the_env_file_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    oidc_checkout(root);
    write(root, "docker-compose.yml", "services:\n  netbox:\n    env_file: env/netbox.env\n");
    write(root, "env/netbox.env", OIDC_BACKEND);
    write(root, "docker-compose.override.yml", "services:\n  netbox:\n    ports: [\"8000:8080\"\n");
    let (code, got) = lint_checkout(root);
    assert_eq!(code, Some(1), "{got:?}");
    assert!(
        got.iter().any(|(rule, file, _)| rule == "configcheck/syntax-error" && file == "docker-compose.override.yml")
    );

    std::fs::remove_file(root.join("docker-compose.override.yml")).unwrap();
    write(root, "docker-compose.yml", "services:\n  netbox:\n    env_file: [env/netbox.env\n");
    write(root, "env/netbox.env", "SOCIAL_AUTH_OIDC_SECRET=\"abc\nDEBUG=false\n");
    let (_, got) = lint_checkout(root);
    let files: Vec<&str> =
        got.iter().filter(|(rule, ..)| rule == "configcheck/syntax-error").map(|(_, f, _)| f.as_str()).collect();
    assert_eq!(files, ["docker-compose.yml", "netbox.env"], "{got:?}");
}

/// compose-go's `!reset` and `!override` (Compose >= 2.24) replace what earlier files gave
/// `environment:` and `env_file:`; every YAML document of a file is read, in order.
#[test]
fn reset_and_override_tags_and_later_documents_are_read_as_compose_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    oidc_checkout(root);
    write(
        root,
        "docker-compose.yml",
        &format!("services:\n  netbox:\n    env_file: env/netbox.env\n    environment:\n      - {HEADER_BACKEND}"),
    );
    write(root, "env/netbox.env", OIDC_BACKEND);
    write(root, "env/header.env", HEADER_BACKEND);
    let fires = |got: &[(String, String, u64)]| got.iter().any(|(rule, ..)| rule == "netbox/backend-path");
    assert!(fires(&lint_checkout(root).1), "the base file's environment wins over its env file");
    write(root, "docker-compose.override.yml", "services:\n  netbox:\n    environment: !reset {}\n");
    let (_, got) = lint_checkout(root);
    assert!(!fires(&got), "!reset drops the base file's environment: {got:?}");
    write(
        root,
        "docker-compose.override.yml",
        "services:\n  netbox:\n    environment: !override\n      DEBUG: 'false'\n",
    );
    let (_, got) = lint_checkout(root);
    assert!(!fires(&got), "!override replaces it: {got:?}");
    // A second document in the override sets it again.
    write(
        root,
        "docker-compose.override.yml",
        &format!(
            "services:\n  netbox:\n    environment: !reset {{}}\n---\nservices:\n  netbox:\n    environment:\n      - {HEADER_BACKEND}"
        ),
    );
    let (_, got) = lint_checkout(root);
    assert!(got.contains(&("netbox/backend-path".into(), "docker-compose.override.yml".into(), 8)), "{got:?}");
    // `env_file: !override` replaces the base's env files.
    write(root, "docker-compose.yml", "services:\n  netbox:\n    env_file: env/netbox.env\n");
    write(
        root,
        "docker-compose.override.yml",
        "services:\n  netbox:\n    env_file: !override\n      - env/header.env\n",
    );
    let (_, got) = lint_checkout(root);
    assert!(got.contains(&("netbox/backend-path".into(), "header.env".into(), 1)), "{got:?}");
    assert!(!got.iter().any(|(_, file, _)| file == "netbox.env"), "{got:?}");
}

/// compose-go keeps the first position of an env_file path written again (enforceUnicity), so
/// a file listed later in between wins; paths resolve against the first compose file's
/// directory; Compose's other file names (`compose.yaml`, `compose.override.yaml`) are found.
#[test]
fn env_files_keep_composes_order_and_base_directory_and_every_compose_name_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    oidc_checkout(root);
    write(root, "env/a.env", HEADER_BACKEND);
    write(root, "env/b.env", OIDC_BACKEND);
    write(root, "compose.yaml", "services:\n  netbox:\n    env_file:\n      - env/a.env\n      - env/b.env\n");
    write(root, "compose.override.yaml", "services:\n  netbox:\n    env_file:\n      - env/a.env\n");
    let fires = |got: &[(String, String, u64)]| got.iter().any(|(rule, ..)| rule == "netbox/backend-path");
    let (_, got) = lint_checkout(root);
    assert!(!fires(&got), "a.env keeps its first place, b.env after it wins: {got:?}");

    // compose.yaml is preferred to docker-compose.yml (cli/options.go DefaultFileNames).
    write(root, "docker-compose.yml", "services:\n  netbox:\n    env_file: env/a.env\n");
    assert!(!fires(&lint_checkout(root).1));
    write(root, "compose.override.yaml", &format!("services:\n  netbox:\n    environment:\n      - {HEADER_BACKEND}"));
    let (_, got) = lint_checkout(root);
    assert!(got.contains(&("netbox/backend-path".into(), "compose.override.yaml".into(), 4)), "{got:?}");

    // Named on their own from two folders: the override's env_file is the first file's folder's.
    let sub = root.join("sub");
    write(&sub, "override.yml", "services:\n  netbox:\n    env_file:\n      - env/a.env\n");
    let output = bin()
        .arg("lint")
        .arg(root.join("docker-compose.yml"))
        .arg(sub.join("override.yml"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_ne!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(json(&output)["summary"]["blocks"], 3, "both compose files and env/a.env");
}

/// A file named twice, or named and also read through a compose file, is checked once.
#[test]
fn a_file_named_twice_or_read_through_compose_is_counted_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let compose = write(root, "docker-compose.yml", "services:\n  netbox:\n    env_file: env/netbox.env\n");
    let env = write(root, "env/netbox.env", "DEBUG=false\n");
    let count = |args: &[&Path]| {
        let output = bin().current_dir(root).arg("lint").args(args).output().unwrap();
        let text = String::from_utf8_lossy(&output.stdout).into_owned();
        text.lines().last().unwrap_or_default().to_string()
    };
    assert!(count(&[&compose, &env]).ends_with("in 2 checked files"), "{}", count(&[&compose, &env]));
    let dotted = Path::new("./env/netbox.env");
    let plain = Path::new("env/netbox.env");
    assert!(count(&[dotted, plain]).ends_with("in 1 checked file"), "{}", count(&[dotted, plain]));
}

/// A secondary place far from a finding (the sign-on location 30 lines above an open one) is
/// named in a note, not drawn: the snippet would otherwise show every line between, for each
/// finding (a file's length per finding on a site with many locations).
#[test]
fn a_far_away_secondary_place_is_a_note_not_a_snippet() {
    let dir = tempfile::tempdir().unwrap();
    let settings = write(
        dir.path(),
        "configuration.py",
        "ALLOWED_HOSTS = ['netbox.example.com']\nREMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_HEADER = 'HTTP_X_USER'\n",
    );
    let filler: String = (0..30).map(|i| format!("    # filler line {i}\n")).collect();
    let site = write(
        dir.path(),
        "netbox.conf",
        &format!(
            "server {{\n    listen 443 ssl;\n    server_name netbox.example.com;\n    client_max_body_size 25m;\n    location / {{\n        auth_request /auth;\n        auth_request_set $user $upstream_http_x_user;\n        proxy_pass http://127.0.0.1:8001;\n        proxy_set_header X-Forwarded-Host $http_host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n        proxy_set_header X-User $user;\n    }}\n{filler}    location /api/ {{\n        proxy_pass http://127.0.0.1:8001;\n        proxy_set_header X-Forwarded-Host $http_host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }}\n}}\n"
        ),
    );
    let output = bin().arg("lint").arg(&settings).arg(&site).output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("error[flow/remote-auth-header-spoofable]"), "{text}");
    assert!(
        text.contains("note: the sign-on sets it here, for another location:") && text.contains("netbox.conf:11:9"),
        "{text}"
    );
    assert!(!text.contains("filler line 15"), "the lines between are not drawn:\n{text}");
}

/// The project's `.env` beside the compose file: Compose interpolates the compose files with it
/// (a boilerplate's `SECRET_KEY=${NETBOX_SECRET_KEY}`, corpus case h206), so a value written
/// there is checked at its line, named or not; its variables are not NetBox's own unless an
/// `env_file:` names it.
#[test]
fn the_projects_env_file_is_what_compose_interpolates_with() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let compose = write(
        root,
        "compose.yaml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.5.0\n    environment:\n      - SECRET_KEY=${NETBOX_SECRET_KEY}\n      - ALLOWED_HOSTS=${HOST:-netbox.example.org}\n",
    );
    let short = "NETBOX_SECRET_KEY=0123456789abcdefABCDEF0123456789\n";
    write(root, ".env", &format!("# generated\n{short}"));
    let lint = |extra: &[&str]| {
        let output = bin().arg("lint").arg(&compose).args(extra).args(["--format", "json"]).output().unwrap();
        rules_at(&json(&output))
    };
    let at_env_line = ("netbox/secret-key-short".to_string(), ".env".to_string(), 2);
    assert!(lint(&[]).contains(&at_env_line), "read without being named: {:?}", lint(&[]));
    let named = root.join(".env");
    assert!(lint(&[named.to_str().unwrap()]).contains(&at_env_line), "{:?}", lint(&[named.to_str().unwrap()]));
    // A key of 50 characters or more: nothing to say.
    write(root, ".env", "NETBOX_SECRET_KEY=0123456789abcdefABCDEF0123456789-0123456789abcdefABCDEF\n");
    assert!(!lint(&[]).iter().any(|(rule, ..)| rule == "netbox/secret-key-short"), "{:?}", lint(&[]));
    // Not referenced: `.env`'s own SECRET_KEY is Compose's variable, not NetBox's setting.
    write(root, "compose.yaml", "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.5.0\n");
    write(root, ".env", "SECRET_KEY=short\n");
    assert!(!lint(&[]).iter().any(|(rule, ..)| rule == "netbox/secret-key-short"), "{:?}", lint(&[]));
    // Unless the service reads it as its env_file too.
    write(
        root,
        "compose.yaml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.5.0\n    env_file: .env\n",
    );
    assert!(lint(&[]).contains(&("netbox/secret-key-short".into(), ".env".into(), 1)), "{:?}", lint(&[]));
    // A default Compose takes because `.env` leaves the variable empty: checked at the compose line.
    write(
        root,
        "compose.yaml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.5.0\n    environment:\n      - SECRET_KEY=${KEY:-too-short}\n",
    );
    write(root, ".env", "KEY=\n");
    assert!(lint(&[]).contains(&("netbox/secret-key-short".into(), "compose.yaml".into(), 5)), "{:?}", lint(&[]));
    write(root, ".env", "KEY=0123456789abcdefABCDEF0123456789-0123456789abcdefABCDEF\n");
    assert!(!lint(&[]).iter().any(|(rule, ..)| rule == "netbox/secret-key-short"), "{:?}", lint(&[]));
    // A default Compose never takes, because `.env` sets the variable: the value is `.env`'s,
    // and so is its place where a secret's name masks it there (corpus case t172); `KEY` is no
    // secret's name, so the finding stays where SECRET_KEY is named, lest the terminal print it.
    write(root, ".env", "KEY=netbox-secret-key-change-me\n");
    assert!(lint(&[]).contains(&("netbox/secret-key-short".into(), "compose.yaml".into(), 5)), "{:?}", lint(&[]));
    write(
        root,
        "compose.yaml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.5.0\n    environment:\n      - SECRET_KEY=${NETBOX_SECRET_KEY:-too-short}\n",
    );
    write(root, ".env", "NETBOX_SECRET_KEY=netbox-secret-key-change-me\n");
    assert!(lint(&[]).contains(&("netbox/secret-key-short".into(), ".env".into(), 1)), "{:?}", lint(&[]));
    write(
        root,
        "compose.yaml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.5.0\n    environment:\n      - SECRET_KEY=${NETBOX_SECRET_KEY-too-short}\n",
    );
    write(root, ".env", "NETBOX_SECRET_KEY=\n");
    assert!(lint(&[]).contains(&("netbox/secret-key-short".into(), ".env".into(), 1)), "{:?}", lint(&[]));
}

/// A `.env` nobody named that is not plain text of its own (a symbolic link, which may point
/// anywhere; bytes that are not UTF-8): not read, its variables unknown, and the run goes on.
#[test]
fn an_unnamed_env_file_that_is_a_link_or_not_text_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let compose = write(
        root,
        "compose.yaml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.5.0\n    environment:\n      - SECRET_KEY=${NETBOX_SECRET_KEY}\n",
    );
    let elsewhere = write(root, "elsewhere/secrets", "NETBOX_SECRET_KEY=short\n");
    std::os::unix::fs::symlink(&elsewhere, root.join(".env")).unwrap();
    let run = || bin().arg("lint").arg(&compose).args(["--format", "json"]).output().unwrap();
    let output = run();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(rules_at(&json(&output)).is_empty(), "{:?}", rules_at(&json(&output)));
    fs::remove_file(root.join(".env")).unwrap();
    fs::write(root.join(".env"), b"NETBOX_SECRET_KEY=short\n\xff\n").unwrap();
    let output = run();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    // The same file as a regular text file is read.
    fs::write(root.join(".env"), "NETBOX_SECRET_KEY=short\n").unwrap();
    assert!(rules_at(&json(&run())).iter().any(|(rule, ..)| rule == "netbox/secret-key-short"));
}

/// An override file that replaces the base file's `ports:` (`!reset`, `!override`): the base's
/// published port is no longer published, as Compose merges them (the review of 452b04c).
#[test]
fn a_later_compose_file_that_replaces_ports_unpublishes_the_earlier_ones() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let base = write(
        root,
        "docker-compose.yml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.5.0\n    ports:\n      - 8080:8080\n    labels:\n      - traefik.http.routers.netbox.tls=true\n",
    );
    let lint = |files: &[&Path]| {
        let output = bin().arg("lint").args(files).args(["--format", "json"]).output().unwrap();
        rules_at(&json(&output))
    };
    let published = ("netbox/port-published-beside-proxy".to_string(), "docker-compose.yml".to_string(), 5);
    assert!(lint(&[&base]).contains(&published), "{:?}", lint(&[&base]));
    for replace in ["ports: !reset []", "ports: !override\n      - 127.0.0.1:8080:8080"] {
        let over = write(root, "docker-compose.override.yml", &format!("services:\n  netbox:\n    {replace}\n"));
        let got = lint(&[&base, &over]);
        assert!(!got.iter().any(|(rule, ..)| rule == "netbox/port-published-beside-proxy"), "{replace}: {got:?}");
    }
    // A plain override merges: the base's entry stays published.
    let over =
        write(root, "docker-compose.override.yml", "services:\n  netbox:\n    ports:\n      - 127.0.0.1:9090:8080\n");
    assert!(lint(&[&base, &over]).contains(&published));
}

/// A configuration inside a NetBox checkout (`netbox/netbox/configuration.py`) is judged for the
/// release of that checkout: `VERSION` in the settings.py beside it (up to 4.0), or
/// `netbox/release.yaml` one directory up (from 4.1). A `--target` wins; a settings.py that is a
/// symbolic link says nothing.
#[test]
fn a_configuration_in_a_netbox_checkout_is_judged_for_that_release() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let configuration = write(root, "netbox/netbox/configuration.py", "NAPALM_USERNAME = 'napalm'\n");
    let run =
        |extra: &[&str]| bin().arg("lint").arg(&configuration).args(extra).args(["--format", "json"]).output().unwrap();
    let removed = |output: &Output| rules_at(&json(output)).iter().any(|(rule, ..)| rule == "netbox/setting-removed");
    // No release shown: the newest, which no longer reads NAPALM_* (removed in 3.6.1).
    assert!(removed(&run(&[])));
    write(
        root,
        "netbox/netbox/settings.py",
        "import os\nfrom netbox.config import PARAMS\nimport configuration\n\nVERSION = '3.5.2-dev'\n",
    );
    let output = run(&[]);
    assert!(!removed(&output), "{:?}", rules_at(&json(&output)));
    let note = String::from_utf8_lossy(&output.stderr);
    assert!(note.contains("NetBox 3.5.2-dev, read from ") && note.contains("settings.py"), "{note}");
    assert!(removed(&run(&["--target", "netbox=4.7"])));
    // 4.1 and later: settings.py takes the release from release.yaml.
    write(
        root,
        "netbox/netbox/settings.py",
        "from utilities.release import load_release_data\nconfiguration = None\nRELEASE = load_release_data()\nVERSION = RELEASE.full_version\n",
    );
    write(root, "netbox/release.yaml", "version: \"3.6.0\"\nedition: \"Community\"\n");
    assert!(!removed(&run(&[])));
    write(root, "netbox/release.yaml", "version: \"4.6.8\"\n");
    assert!(removed(&run(&[])));
    // Named from inside the checkout, `configuration.py` alone: its directory is the real one.
    write(root, "netbox/release.yaml", "version: \"3.6.0\"\n");
    let inside = bin()
        .current_dir(root.join("netbox/netbox"))
        .args(["lint", "configuration.py", "--format", "json"])
        .output()
        .unwrap();
    assert!(!removed(&inside), "{:?}", rules_at(&json(&inside)));
    // A settings.py that is not NetBox's (no configuration in it): no checkout, no release.
    write(root, "netbox/netbox/settings.py", "VERSION = '3.5.2'\n");
    assert!(removed(&run(&[])));
    // A link may point anywhere: not read.
    fs::remove_file(root.join("netbox/release.yaml")).unwrap();
    let old = write(root, "elsewhere/settings.py", "VERSION = '3.5.2'\n");
    fs::remove_file(root.join("netbox/netbox/settings.py")).unwrap();
    std::os::unix::fs::symlink(&old, root.join("netbox/netbox/settings.py")).unwrap();
    let output = run(&[]);
    assert!(removed(&output));
    assert!(!String::from_utf8_lossy(&output.stderr).contains("read from"));
}

/// A `docker-compose.yml` whose `netbox` service runs netbox-docker's image with that tag on
/// `netbox.env`, then `more` services.
fn netbox_docker_compose(root: &Path, image: &str, more: &str) -> PathBuf {
    write(
        root,
        "docker-compose.yml",
        &format!(
            "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:{image}\n    env_file: netbox.env\n{more}"
        ),
    )
}

/// netbox-docker's image tag names the release the files are judged for, when no `--target`
/// says: `v3.5-2.6.0` is NetBox 3.5 (netbox-docker 2.6.0); an interpolated tag takes the
/// project's `.env`, else its default; `latest` names none.
#[test]
fn the_image_tag_names_the_release() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let compose = |image: &str| netbox_docker_compose(root, image, "");
    write(root, "netbox.env", "SKIP_SUPERUSER=true\n");
    let note = |extra: &[&str]| {
        let output = bin()
            .arg("lint")
            .arg(root.join("docker-compose.yml"))
            .args(extra)
            .args(["--format", "json"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    compose("${VERSION-v3.5-2.6.0}");
    let said = note(&[]);
    assert!(
        said.contains("NetBox 3.5 (image tag v3.5-2.6.0), read from ") && said.contains("docker-compose.yml"),
        "{said}"
    );
    write(root, ".env", "VERSION=v4.2.3-3.1.0\n");
    assert!(note(&[]).contains("NetBox 4.2.3 (image tag v4.2.3-3.1.0)"), "{}", note(&[]));
    assert!(!note(&["--target", "netbox=4.7"]).contains("read from"));
    compose("latest");
    assert!(!note(&[]).contains("read from"));
    // An override that builds the image (netbox-docker's plugin pattern): the base tag says
    // nothing of the image built.
    compose("${VERSION-v4.1-3.0.2}");
    write(
        root,
        "docker-compose.override.yml",
        "services:\n  netbox:\n    image: netbox:latest-plugins\n    build:\n      context: .\n",
    );
    let said = String::from_utf8_lossy(
        &bin()
            .arg("lint")
            .arg(root.join("docker-compose.yml"))
            .arg(root.join("docker-compose.override.yml"))
            .output()
            .unwrap()
            .stderr,
    )
    .into_owned();
    assert!(!said.contains("read from"), "{said}");
}

/// `netbox/compose-variable-from-shell` as `lint` reads a project: a compose file's
/// `${REDIS_PASSWORD:-changeme}` is the default where no `.env` exists beside it, and what the
/// `.env` says where one does; an `.env` that cannot be read leaves it unknown.
#[test]
fn a_default_compose_takes_where_the_env_file_has_the_value() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "env/netbox.env", "REDIS_HOST=redis\nREDIS_PASSWORD=Ks5Jd9Hf2Gb7Nc1Q\n");
    let compose = write(
        root,
        "compose.yaml",
        "services:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n    env_file: env/netbox.env\n  redis:\n    image: valkey/valkey:8.1-alpine\n    command: valkey-server --requirepass ${REDIS_PASSWORD:-changeme}\n",
    );
    let lines = || {
        let output = bin().arg("lint").arg(&compose).args(["--format", "json"]).output().unwrap();
        json(&output)["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == "netbox/compose-variable-from-shell")
            .map(|d| d["line"].as_u64().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(lines(), [7]);
    write(root, ".env", "REDIS_PASSWORD=Ks5Jd9Hf2Gb7Nc1Q\n");
    assert_eq!(lines(), [0u64; 0]);
    // A directory named `.env` is no file Compose reads variables from, nor a known absence.
    fs::remove_file(root.join(".env")).unwrap();
    fs::create_dir(root.join(".env")).unwrap();
    assert_eq!(lines(), [0u64; 0]);
}

/// linuxserver's image tag names the release too (`v4.1.3-ls241`, `version-v4.1.3`, `4.1.3`,
/// behind an architecture prefix); `latest` names none.
#[test]
fn linuxservers_image_tag_names_the_release() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let note = |image: &str| {
        write(
            root,
            "compose.yaml",
            &format!("services:\n  netbox:\n    image: {image}\n    environment:\n      - DB_HOST=db\n"),
        );
        let output = bin().arg("lint").arg(root.join("compose.yaml")).output().unwrap();
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    for (image, release) in [
        ("lscr.io/linuxserver/netbox:v4.1.3-ls241", "NetBox 4.1.3 (image tag v4.1.3-ls241)"),
        ("linuxserver/netbox:version-v3.7.8", "NetBox 3.7.8 (image tag version-v3.7.8)"),
        ("ghcr.io/linuxserver/netbox:arm64v8-v4.0.11-ls200", "NetBox 4.0.11 (image tag arm64v8-v4.0.11-ls200)"),
        ("linuxserver/netbox:3.2.6", "NetBox 3.2.6 (image tag 3.2.6)"),
        // A beta build is judged as its release, as a checkout's `4.2.0-beta1` is.
        ("lscr.io/linuxserver/netbox:v4.2.0-beta1-ls12", "NetBox 4.2.0-beta1 (image tag v4.2.0-beta1-ls12)"),
    ] {
        let said = note(image);
        assert!(said.contains(&format!("note: {release}, read from ")), "{image}: {said}");
        assert!(!said.contains("no NetBox release named"), "{said}");
    }
    // No release in the tag: the files are judged for the default, and `lint` says so.
    let said = note("lscr.io/linuxserver/netbox:latest");
    assert!(!said.contains("read from"), "{said}");
    assert!(said.contains("note: no NetBox release named: the files are judged for NetBox 4.7.3"), "{said}");
    // Another image's tag is not NetBox's release.
    assert!(!note("example.org/someone/netbox:4.1.3").contains("read from"));
}

/// An installer's project that names NetBox's service `netbox_app` (corpus case h170's shape):
/// nothing of it is checked as NetBox's, and `lint` says so, with the file's path, rather than
/// print a clean bill; the worker and housekeeping beside it are not named, and a project with a
/// `netbox` service in any of its files gets no such note.
#[test]
fn a_service_running_netboxs_image_under_another_name_is_said_to_be_unchecked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let stderr = |file: &std::path::Path| {
        let output = bin().arg("lint").arg(file).output().unwrap();
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let installer = write(
        root,
        "netbox.yaml",
        "services:\n  netbox_app:\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.2\n    environment:\n      - SKIP_SUPERUSER=false\n  netbox_worker:\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.2\n    command: [/opt/netbox/venv/bin/python, /opt/netbox/netbox/manage.py, rqworker]\n",
    );
    let said = stderr(&installer);
    assert!(
        said.contains("note: ")
            && said.contains("netbox.yaml: the service `netbox_app` runs NetBox's image")
            && said.contains("read only from a service named `netbox`")
            && !said.contains("netbox_worker"),
        "{said}"
    );
    let two = write(
        root,
        "two.yaml",
        "services:\n  web:\n    image: lscr.io/linuxserver/netbox:4.1.3\n  app:\n    image: netboxcommunity/netbox:latest\n",
    );
    assert!(stderr(&two).contains("the services `web`, `app` run NetBox's image"), "{}", stderr(&two));
    let named =
        write(root, "docker-compose.yml", "services:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n");
    assert!(!stderr(&named).contains("read only from a service named"), "{}", stderr(&named));
    // An override beside it that adds another service of the image: NetBox is checked in the
    // project, nothing to say.
    let canary = write(
        root,
        "docker-compose.override.yml",
        "services:\n  netbox-canary:\n    image: netboxcommunity/netbox:v4.5-4.0.1\n",
    );
    let output = bin().arg("lint").arg(&named).arg(&canary).output().unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!said.contains("read only from a service named"), "{said}");
    // In a directory, the note names the path as given; housekeeping is not NetBox's web service.
    fs::create_dir(root.join("sub")).unwrap();
    let nested = write(
        &root.join("sub"),
        "compose.yaml",
        "services:\n  netbox_app:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n  netbox_housekeeping:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n    command: /opt/netbox/housekeeping.sh\n",
    );
    let said = stderr(&nested);
    assert!(
        said.contains(&format!("note: {}: the service `netbox_app` runs", nested.display()))
            && !said.contains("housekeeping"),
        "{said}"
    );
    // Two projects in one run: the one with a `netbox` service does not hide the other's note.
    let output = bin().arg("lint").arg(&named).arg(&nested).output().unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("the service `netbox_app` runs"), "{said}");
}

/// Without a release named or found, `lint` says which one it judged for, for each product whose
/// files it read, and not when `--target` names it.
#[test]
fn the_release_judged_for_is_said_when_none_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let configuration = write(root, "configuration.py", "ALLOWED_HOSTS = ['netbox.example.org']\n");
    let blueprint = write(
        root,
        "netbox.yaml",
        "version: 1\nentries:\n  - model: authentik_core.application\n    identifiers:\n      slug: netbox\n    attrs:\n      name: NetBox\n",
    );
    let notes = |args: &[&str]| {
        let output = bin().arg("lint").args(args).output().unwrap();
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let (configuration, blueprint) = (configuration.to_str().unwrap(), blueprint.to_str().unwrap());
    let said = notes(&[configuration]);
    assert!(said.contains("no NetBox release named: the files are judged for NetBox 4.7.3"), "{said}");
    assert!(said.contains("--target netbox=VERSION"), "{said}");
    assert!(!said.contains("Authentik"), "{said}");
    let said = notes(&[blueprint]);
    assert!(said.contains("no Authentik release named") && !said.contains("NetBox release"), "{said}");
    let said = notes(&[configuration, blueprint, "--target", "netbox=4.6", "--target", "authentik=2026.2"]);
    assert!(!said.contains("no "), "{said}");
    // Authentik's own compose file has no `netbox` service, and its `.env` is Authentik's:
    // nothing of NetBox to judge.
    let authentik = write(
        root,
        "compose.yaml",
        "services:\n  server:\n    image: ghcr.io/goauthentik/server:2026.2.1\n    env_file:\n      - .env\n",
    );
    write(root, ".env", "PG_PASS=Kq8-our-own-Wm3\n");
    let said = notes(&[authentik.to_str().unwrap()]);
    assert!(!said.contains("NetBox release"), "{said}");
    // An env file linted on its own is NetBox's.
    let env = write(root, "netbox.env", "DB_HOST=postgres\n");
    assert!(notes(&["--kind", &format!("env={}", env.display())]).contains("no NetBox release named"));
}

/// An nginx site that is a template (an Ansible role's `netbox.conf.j2`): a slot on one line is an
/// unknown value, not a syntax error, and nothing is said that rests on its value; a server whose
/// `listen` or `server_name` is a slot is left out.
#[test]
fn an_nginx_templates_slots_are_unknown_values() {
    let dir = tempfile::tempdir().unwrap();
    let site = |text: &str| write(dir.path(), "netbox.conf", text);
    let rules =
        |path: &Path| rules_at(&json(&bin().arg("lint").arg(path).args(["--format", "json"]).output().unwrap()));
    let plain = "server {\n    listen 80;\n    server_name netbox.example.org;\n    client_max_body_size 25m;\n    {% if static %}\n    location /static/ {\n        alias {{ netbox_root }}/netbox/static/;\n    }\n    {% endif %}\n    location / {\n        proxy_pass http://127.0.0.1:8001;\n        proxy_set_header X-Forwarded-Host $http_host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }\n}\n";
    // The slots read, the rest checked: plain HTTP is reported, as without the template.
    let found = rules(&site(plain));
    assert!(found.iter().all(|(rule, ..)| !rule.starts_with("configcheck/")), "{found:?}");
    assert!(found.iter().any(|(rule, ..)| rule == "nginx/plain-http-only"), "{found:?}");
    // A header whose value is a slot: set, to a value not known.
    let found = rules(&site(&plain.replace("X-Forwarded-Proto $scheme", "X-Forwarded-Proto {{ proto }}")));
    assert!(
        found.iter().all(|(rule, ..)| rule != "nginx/missing-forwarded-proto" && rule != "nginx/plain-http-only"),
        "{found:?}"
    );
    // Its address a slot: which requests it answers is unknown.
    let found = rules(&site(&plain.replace("listen 80;", "listen {{ nginx_port }};")));
    assert!(found.is_empty(), "{found:?}");
}

/// netbox-docker's configuration as shipped is assumed only for a whole Compose project: an
/// override named alone (its base file beside it, with the env file and the configuration
/// mount, or not there to read), or an optional env file not on this machine, leaves the
/// configuration and the environment unknown (the review of 22d0e6d). A later file's rule for a Traefik router
/// replaces the earlier one's.
#[test]
fn the_shipped_configuration_is_assumed_only_for_a_whole_project() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let errors = |args: &[&Path]| {
        let output = bin().args(args).args(["--format", "json"]).arg("--target").arg("netbox=4.4").output().unwrap();
        rules_at(&json(&output)).into_iter().map(|(rule, ..)| rule).collect::<Vec<_>>()
    };
    let lint = |files: &[&Path]| {
        let mut args: Vec<&Path> = vec![Path::new("lint")];
        args.extend(files);
        errors(&args)
    };
    write(
        root,
        "docker-compose.yml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\n    env_file: env/netbox.env\n    volumes:\n      - ./configuration:/etc/netbox/config:z,ro\n",
    );
    write(
        root,
        "env/netbox.env",
        "SECRET_KEY=0123456789012345678901234567890123456789012345678901\nDB_HOST=postgres\nREDIS_HOST=redis\n",
    );
    let over = write(
        root,
        "docker-compose.override.yml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\n    environment:\n      DB_PASSWORD: x\n",
    );
    assert!(lint(&[&over]).iter().all(|r| r != "netbox/docker-variable-unset"), "{:?}", lint(&[&over]));
    // The same override beside no base file is still an override: what it overrides is not
    // shown. The same text under a base file's name is the whole project, and what it lacks is
    // said.
    std::fs::remove_file(root.join("docker-compose.yml")).unwrap();
    assert!(lint(&[&over]).iter().all(|r| r != "netbox/docker-variable-unset"), "{:?}", lint(&[&over]));
    let alone = write(root, "compose.yaml", &std::fs::read_to_string(&over).unwrap());
    std::fs::remove_file(&over).unwrap();
    assert!(lint(&[&alone]).iter().any(|r| r == "netbox/docker-variable-unset"), "{:?}", lint(&[&alone]));
    std::fs::remove_file(&alone).unwrap();
    // An optional env file not here may be on the server.
    let optional = write(
        root,
        "docker-compose.override.yml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\n    env_file:\n      - path: ./local.env\n        required: false\n    environment:\n      DB_PASSWORD: x\n",
    );
    assert!(lint(&[&optional]).iter().all(|r| r != "netbox/docker-variable-unset"), "{:?}", lint(&[&optional]));
    // A router's PathPrefix in the base file, replaced by a Host rule in the override.
    std::fs::remove_file(root.join("docker-compose.override.yml")).unwrap();
    let base = write(
        root,
        "docker-compose.yml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.1\n    env_file: env/netbox.env\n    labels:\n      - traefik.http.routers.nb.rule=PathPrefix(`/netbox`)\n      - traefik.http.routers.nb.middlewares=strip\n      - traefik.http.middlewares.strip.stripprefix.prefixes=/netbox\n",
    );
    assert!(lint(&[&base]).iter().any(|r| r == "netbox/traefik-subpath-without-base-path"), "{:?}", lint(&[&base]));
    let over = write(
        root,
        "docker-compose.override.yml",
        "services:\n  netbox:\n    labels:\n      - traefik.http.routers.nb.rule=Host(`netbox.example.org`)\n",
    );
    assert!(
        lint(&[&base, &over]).iter().all(|r| r != "netbox/traefik-subpath-without-base-path"),
        "{:?}",
        lint(&[&base, &over])
    );
}

/// `netbox/rq-worker-missing` as `lint` reads a real project: the whole project only (every env
/// file it names here, an optional one too), the worker found in an override file Compose reads with it, and the
/// image tag's release (scripts ran in the web process before NetBox 2.9).
#[test]
fn a_stack_without_its_rq_worker_is_found_only_in_a_whole_project() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let compose = |image: &str| {
        netbox_docker_compose(
            root,
            image,
            "  postgres:\n    image: docker.io/postgres:17-alpine\n    env_file: netbox.env\n  redis:\n    image: docker.io/valkey/valkey:8.1-alpine\n",
        )
    };
    let worker_at = |files: &[&str]| -> Vec<u64> {
        let output =
            bin().arg("lint").args(files.iter().map(|f| root.join(f))).args(["--format", "json"]).output().unwrap();
        rules_at(&json(&output))
            .into_iter()
            .filter(|(rule, ..)| rule == "netbox/rq-worker-missing")
            .map(|(_, _, line)| line)
            .collect()
    };
    write(root, "netbox.env", "SKIP_SUPERUSER=true\n");
    compose("v4.6-5.0.2");
    assert_eq!(worker_at(&["docker-compose.yml"]), vec![2]);
    // An optional env file it names is not here: the project is not read whole.
    let whole = fs::read_to_string(root.join("docker-compose.yml")).unwrap();
    write(
        root,
        "docker-compose.yml",
        &whole.replace(
            "env_file: netbox.env",
            "env_file:\n      - netbox.env\n      - path: local.env\n        required: false",
        ),
    );
    assert_eq!(worker_at(&["docker-compose.yml"]), Vec::<u64>::new());
    // NetBox 2.8 (its image tag): no finding.
    compose("v2.8.9");
    assert_eq!(worker_at(&["docker-compose.yml"]), Vec::<u64>::new());
    // The worker in the override Compose reads with it.
    compose("v4.6-5.0.2");
    write(
        root,
        "docker-compose.override.yml",
        "services:\n  netbox-worker:\n    image: docker.io/netboxcommunity/netbox:v4.6-5.0.2\n    command: [/opt/netbox/venv/bin/python, /opt/netbox/netbox/manage.py, rqworker]\n",
    );
    assert_eq!(worker_at(&["docker-compose.yml", "docker-compose.override.yml"]), Vec::<u64>::new());
}

/// `netbox/compose-service-without-image` as `lint` reads a real project: a service no compose
/// file gives an image is found at its name; the override Compose reads after the base file
/// gives it one; an override read without its base file (not there, or not named), or files
/// beside a `.env` that names others (`COMPOSE_FILE`), are no whole project, and their services,
/// which may take their images from elsewhere, are not judged.
#[test]
fn a_service_without_an_image_is_found_only_in_a_whole_project() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let found_at = |files: &[&str]| -> Vec<(String, u64)> {
        let output =
            bin().arg("lint").args(files.iter().map(|f| root.join(f))).args(["--format", "json"]).output().unwrap();
        rules_at(&json(&output))
            .into_iter()
            .filter(|(rule, ..)| rule == "netbox/compose-service-without-image")
            .map(|(_, file, line)| (file.rsplit('/').next().unwrap().to_owned(), line))
            .collect()
    };
    write(root, "netbox.env", "SKIP_SUPERUSER=true\n");
    netbox_docker_compose(
        root,
        "v4.6-5.0.2",
        "  netbox-housekeeping:\n    entrypoint: [/opt/netbox/housekeeping.sh]\n",
    );
    assert_eq!(found_at(&["docker-compose.yml"]), vec![("docker-compose.yml".to_owned(), 5)]);
    // The project's .env names the files Compose reads (`COMPOSE_FILE`): not all of them are here.
    for named in
        ["COMPOSE_FILE=a.yml:b.yml\n", "COMPOSE_FILE = a.yml:b.yml\n", "\u{feff}export\tCOMPOSE_FILE: a.yml:b.yml\n"]
    {
        write(root, ".env", named);
        assert_eq!(found_at(&["docker-compose.yml"]), Vec::new(), "{named:?}");
    }
    // A `.env` not read (a symbolic link, which may point anywhere) may name them as well.
    fs::remove_file(root.join(".env")).unwrap();
    std::os::unix::fs::symlink(root.join("netbox.env"), root.join(".env")).unwrap();
    assert_eq!(found_at(&["docker-compose.yml"]), Vec::new());
    fs::remove_file(root.join(".env")).unwrap();
    write(root, ".env", "TZ=Etc/UTC\n");
    assert_eq!(found_at(&["docker-compose.yml"]), vec![("docker-compose.yml".to_owned(), 5)]);
    fs::remove_file(root.join(".env")).unwrap();
    write(
        root,
        "docker-compose.override.yml",
        "services:\n  netbox-housekeeping:\n    image: docker.io/netboxcommunity/netbox:v4.6-5.0.2\n",
    );
    assert_eq!(found_at(&["docker-compose.yml", "docker-compose.override.yml"]), Vec::new());
    write(root, "docker-compose.override.yml", "services:\n  netbox:\n    ports: [\"8000:8080\"]\n");
    assert_eq!(found_at(&["docker-compose.override.yml"]), Vec::new());
    fs::remove_file(root.join("docker-compose.yml")).unwrap();
    assert_eq!(found_at(&["docker-compose.override.yml"]), Vec::new());
}

/// A PostgreSQL whose image the project's `.env` names (`${PG_IMAGE:-…}`) is one: its env file
/// is read, and an empty password there is found (the second review of 2026-12-03).
#[test]
fn an_empty_database_password_in_the_env_file_of_an_interpolated_postgres_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "docker-compose.yml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.6-5.0.2\n    env_file: env/netbox.env\n  postgres:\n    image: ${PG_IMAGE:-postgres:16}\n    env_file: env/postgres.env\n  redis:\n    image: docker.io/valkey/valkey:8.1-alpine\n",
    );
    write(root, ".env", "PG_IMAGE=docker.io/postgres:17-alpine\n");
    write(root, "env/netbox.env", "DB_HOST=postgres\nDB_NAME=netbox\nDB_PASSWORD=Ch4nged-0nly-here\nDB_USER=netbox\n");
    write(root, "env/postgres.env", "POSTGRES_DB=netbox\nPOSTGRES_PASSWORD=\nPOSTGRES_USER=netbox\n");
    let output = bin().arg("lint").arg(root.join("docker-compose.yml")).args(["--format", "json"]).output().unwrap();
    let found: Vec<_> = rules_at(&json(&output))
        .into_iter()
        .filter(|(rule, ..)| {
            rule.starts_with("netbox/compose-postgres-password-empty") || rule == "netbox/compose-db-password-mismatch"
        })
        .collect();
    // At the service's name: the env file's own line is not a block's place here (the message
    // names it).
    assert_eq!(
        found,
        vec![("netbox/compose-postgres-password-empty".to_string(), "docker-compose.yml".to_string(), 5)]
    );
    assert!(serde_json::to_string(&json(&output)).unwrap().contains("env/postgres.env line 2"));
}

/// `netbox/compose-db-password-mismatch` as `lint` reads netbox-docker's layout: NetBox's
/// password in `env/netbox.env`, PostgreSQL's in `env/postgres.env`, which only the `postgres`
/// service names. Found at NetBox's line, naming where the other is, printing neither.
#[test]
fn a_database_password_changed_in_one_env_file_only_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "docker-compose.yml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.6-5.0.2\n    env_file: env/netbox.env\n  postgres:\n    image: docker.io/postgres:17-alpine\n    env_file: env/postgres.env\n  redis:\n    image: docker.io/valkey/valkey:8.1-alpine\n",
    );
    write(root, "env/netbox.env", "DB_HOST=postgres\nDB_NAME=netbox\nDB_PASSWORD=Ch4nged-0nly-here\nDB_USER=netbox\n");
    write(root, "env/postgres.env", "POSTGRES_DB=netbox\nPOSTGRES_PASSWORD=J5brHrAXFLQSif0K\nPOSTGRES_USER=netbox\n");
    let lint = || bin().arg("lint").arg(root.join("docker-compose.yml")).args(["--format", "json"]).output().unwrap();
    let report = json(&lint());
    let found: Vec<_> =
        rules_at(&report).into_iter().filter(|(rule, ..)| rule == "netbox/compose-db-password-mismatch").collect();
    assert_eq!(found, vec![("netbox/compose-db-password-mismatch".to_string(), "netbox.env".to_string(), 3)]);
    let text = serde_json::to_string(&report).unwrap();
    assert!(text.contains("env/postgres.env line 2"), "{text}");
    assert!(!text.contains("J5brHrAXFLQSif0K") && !text.contains("Ch4nged-0nly-here"), "{text}");
    // PostgreSQL's env file named by a merge key (a Swarm stack's anchors): read all the same.
    write(
        root,
        "merged/docker-compose.yml",
        "x-pg: &pg\n  image: docker.io/postgres:17-alpine\n  env_file: env/postgres.env\nservices:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.6-5.0.2\n    env_file: env/netbox.env\n  postgres:\n    <<: *pg\n  redis:\n    image: docker.io/valkey/valkey:8.1-alpine\n",
    );
    fs::create_dir_all(root.join("merged/env")).unwrap();
    fs::copy(root.join("env/netbox.env"), root.join("merged/env/netbox.env")).unwrap();
    fs::copy(root.join("env/postgres.env"), root.join("merged/env/postgres.env")).unwrap();
    let merged =
        bin().arg("lint").arg(root.join("merged/docker-compose.yml")).args(["--format", "json"]).output().unwrap();
    let merged: Vec<_> = rules_at(&json(&merged))
        .into_iter()
        .filter(|(rule, ..)| rule == "netbox/compose-db-password-mismatch")
        .collect();
    assert_eq!(merged.len(), 1, "{merged:?}");
    fs::remove_dir_all(root.join("merged")).unwrap();
    // A checkout's own configuration.py (netbox-docker before 1.0) that reads the variables:
    // the same finding; one that names its database itself: none.
    let checkout = |database: &str| {
        write(
            root,
            "configuration/configuration.py",
            &format!(
                "import os\nALLOWED_HOSTS = ['*']\nSECRET_KEY = os.environ.get('SECRET_KEY')\nREDIS = {{}}\nDATABASE = {database}\n"
            ),
        );
        let output = bin().args(["lint", "--netbox-docker"]).arg(root).args(["--format", "json"]).output().unwrap();
        rules_at(&json(&output)).into_iter().filter(|(rule, ..)| rule == "netbox/compose-db-password-mismatch").count()
    };
    assert_eq!(
        checkout("{'HOST': os.environ.get('DB_HOST', 'localhost'), 'PASSWORD': os.environ.get('DB_PASSWORD', '')}"),
        1
    );
    assert_eq!(checkout("{'HOST': 'postgres', 'PASSWORD': 'J5brHrAXFLQSif0K'}"), 0);
    fs::remove_dir_all(root.join("configuration")).unwrap();
    // The same password in both: nothing.
    write(root, "env/netbox.env", "DB_HOST=postgres\nDB_NAME=netbox\nDB_PASSWORD=J5brHrAXFLQSif0K\nDB_USER=netbox\n");
    assert!(!rules_at(&json(&lint())).iter().any(|(rule, ..)| rule == "netbox/compose-db-password-mismatch"));
    // PostgreSQL's env file missing: its password is unknown.
    write(root, "env/netbox.env", "DB_HOST=postgres\nDB_NAME=netbox\nDB_PASSWORD=Ch4nged-0nly-here\nDB_USER=netbox\n");
    fs::remove_file(root.join("env/postgres.env")).unwrap();
    assert!(!rules_at(&json(&lint())).iter().any(|(rule, ..)| rule == "netbox/compose-db-password-mismatch"));
    // Redis's password in its own env file, which its `sh -c` command passes to `--requirepass`.
    write(
        root,
        "docker-compose.yml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.6-5.0.2\n    env_file: env/netbox.env\n  redis:\n    image: docker.io/valkey/valkey:8.1-alpine\n    command:\n      - sh\n      - -c # the variable is the container's\n      - valkey-server --appendonly yes --requirepass $$REDIS_PASSWORD\n    env_file: env/redis.env\n",
    );
    write(root, "env/redis.env", "REDIS_PASSWORD=H733Kdjndks81\n");
    write(root, "env/netbox.env", "REDIS_HOST=redis\nREDIS_PASSWORD=Ch4nged-0nly-here\n");
    let redis_at = || -> Vec<(String, u64)> {
        rules_at(&json(&lint()))
            .into_iter()
            .filter(|(rule, ..)| rule == "netbox/compose-redis-password-mismatch")
            .map(|(_, file, line)| (file, line))
            .collect()
    };
    // Tasks and caching (netbox-docker sends REDIS_PASSWORD to both; the cache's host falls back
    // to REDIS_HOST): one finding for both, at the line NetBox's password is set.
    assert_eq!(redis_at(), vec![("netbox.env".to_string(), 2)]);
    write(root, "env/netbox.env", "REDIS_HOST=redis\nREDIS_PASSWORD=H733Kdjndks81\n");
    assert_eq!(redis_at(), Vec::new());
}

/// An `env_file:`'s `${NAME}` takes the project's `.env` as Compose fills it (compose-go e70e961
/// types/project.go L750-770), the `.env` itself taking its earlier lines: a comma list kept
/// in `.env` and referred to from env/netbox.env is found at the line that refers to it.
#[test]
fn an_env_files_reference_to_the_projects_env_is_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "docker-compose.yml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.0\n    env_file: env/netbox.env\n",
    );
    write(root, ".env", "HOST=ipam.example.com\nHOSTS=localhost,${HOST}\n");
    let at = |netbox_env: &str| -> Vec<(String, u64)> {
        write(root, "env/netbox.env", netbox_env);
        let output =
            bin().arg("lint").arg(root.join("docker-compose.yml")).args(["--format", "json"]).output().unwrap();
        rules_at(&json(&output))
            .into_iter()
            .filter(|(rule, ..)| rule == "netbox/env-list-value-space-split")
            .map(|(_, file, line)| (file, line))
            .collect()
    };
    // One reference alone: the `.env` line's value, at the env file's line (where the report
    // masks a secret by its name).
    assert_eq!(at("ALLOWED_HOSTS=${HOSTS}\n"), vec![("netbox.env".to_string(), 1)]);
    // A longer template: its text, at the env file's line.
    assert_eq!(at("SKIP_SUPERUSER=true\nALLOWED_HOSTS=127.0.0.1,${HOST}\n"), vec![("netbox.env".to_string(), 2)]);
    // A name the `.env` does not set (the shell's): unknown, nothing said.
    assert_eq!(at("ALLOWED_HOSTS=127.0.0.1,${SHELL_ONLY}\n"), Vec::new());
    // A secret filled in from the `.env` is reported where it is named, and never printed.
    write(root, ".env", "NB_SK=Sh0rtS3cretValue\n");
    write(root, "env/netbox.env", "SECRET_KEY=${NB_SK}\n");
    let output = bin().arg("lint").arg(root.join("docker-compose.yml")).output().unwrap();
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(shown.contains("secret-key-short") && !shown.contains("Sh0rtS3cretValue"), "{shown}");
}

/// A compose `environment:` entry that is one reference to the project's `.env` is reported at
/// the `.env` line, where its value is written, unless a secret takes its value from a name that
/// is not a secret's (`SECRET_KEY: ${SK}`): the terminal masks a value by its line's name, so
/// that finding stays at the compose line, where the value is masked.
#[test]
fn a_secret_taken_from_a_plainly_named_env_variable_is_never_printed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "docker-compose.yml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.1\n    environment:\n      DB_HOST: postgres\n      REDIS_HOST: redis\n      SECRET_KEY: ${SK}\n",
    );
    let key_short = |env: &str| {
        write(root, ".env", env);
        let json_out =
            bin().arg("lint").arg(root.join("docker-compose.yml")).args(["--format", "json"]).output().unwrap();
        let human = bin().arg("lint").arg(root.join("docker-compose.yml")).output().unwrap();
        let at: Vec<(String, u64)> = rules_at(&json(&json_out))
            .into_iter()
            .filter(|(rule, ..)| rule == "netbox/secret-key-short")
            .map(|(_, file, line)| (file, line))
            .collect();
        (at, String::from_utf8_lossy(&human.stdout).into_owned())
    };
    let (at, shown) = key_short("SK=Pl41nlyN4medValue\n");
    assert_eq!(at, vec![("docker-compose.yml".to_string(), 7)], "{shown}");
    assert!(!shown.contains("Pl41nlyN4medValue"), "{shown}");
    // A secret's own name in `.env`: the finding is where the value is written, masked there.
    let (at, shown) = key_short("# key\nNETBOX_SECRET_KEY=S3cr3tN4medValue\nSK=${NETBOX_SECRET_KEY}\n");
    assert_eq!(at, vec![("docker-compose.yml".to_string(), 7)], "a `.env` reference is not one alone: {shown}");
    write(
        root,
        "docker-compose.yml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.1\n    environment:\n      DB_HOST: postgres\n      REDIS_HOST: redis\n      SECRET_KEY: ${NETBOX_SECRET_KEY}\n",
    );
    let (at, shown) = key_short("# key\nNETBOX_SECRET_KEY=S3cr3tN4medValue\n");
    assert_eq!(at, vec![(".env".to_string(), 2)], "{shown}");
    assert!(shown.contains("secret-key-short") && !shown.contains("S3cr3tN4medValue"), "{shown}");
}

/// `env_file: /dev/null` is an empty env file to Compose (compose-go e70e961 types/project.go
/// `loadEnvFile` opens it as any file): the run goes on and judges the project as a whole,
/// where any other device is refused with its name.
#[test]
fn an_env_file_of_dev_null_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let compose = write(
        root,
        "docker-compose.yml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.1\n    env_file: /dev/null\n    ports:\n      - 8080:8080\n    environment:\n      DB_HOST: postgres\n",
    );
    let output = bin().arg("lint").arg(&compose).args(["--format", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    // The project is whole: no service answers to `postgres`.
    assert!(
        rules_at(&json(&output)).iter().any(|(rule, ..)| rule == "netbox/compose-host-not-a-service"),
        "{:?}",
        rules_at(&json(&output))
    );
    write(
        root,
        "docker-compose.yml",
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.1\n    env_file: /dev/zero\n",
    );
    let output = bin().arg("lint").arg(&compose).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("/dev/zero"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// YAML of another tool (a Kubernetes manifest) is none of the kinds: the run stops saying so,
/// and forced as a blueprint it is said to hold nothing checked, so a clean report is not taken
/// for a clean bill. A Flux HelmRelease of netbox-chart (trial 9) is read from its `spec.values`.
#[test]
fn yaml_of_another_tool_is_not_passed_off_as_checked() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = write(
        dir.path(),
        "deployment.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers: []\n",
    );
    let output = bin().arg("lint").arg(&manifest).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("neither a top-level `services:`") && stderr.contains("Kubernetes manifests"), "{stderr}");
    let release = write(
        dir.path(),
        "helmrelease.yaml",
        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  values:\n    remoteAuth:\n      enabled: true\n      extraConfig: []\n",
    );
    let output = bin().arg("lint").arg(&release).args(["--format", "json"]).output().unwrap();
    let got = rules_at(&json(&output));
    assert_eq!(got, [("netbox/chart-value-unread".to_string(), "helmrelease.yaml".to_string(), 7)]);
    let forced = format!("authentik={}", manifest.display());
    let output = bin().args(["lint", "--kind", &forced]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("it has no `entries:`, so nothing in it was checked"), "{stderr}");
}

/// A finding on a secret's value below its key (a block scalar, the next line): the snippet
/// starts at the value's line, below the key that names it a secret; the file is masked whole
/// before the snippet is cut from it, so the value is masked there too (a review's finding).
#[test]
fn a_secret_below_its_key_is_masked_in_the_snippet() {
    let dir = tempfile::tempdir().unwrap();
    for value in
        ["      SECRET_KEY: |-\n        short-key-in-block\n", "      SECRET_KEY:\n        short-key-in-block\n"]
    {
        let compose = write(
            dir.path(),
            "docker-compose.yml",
            &format!(
                "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.1\n    environment:\n      DB_HOST: db.example.com\n      REDIS_HOST: redis.example.com\n{value}"
            ),
        );
        let output = bin().arg("lint").arg(&compose).output().unwrap();
        let shown = String::from_utf8_lossy(&output.stdout);
        assert!(shown.contains("secret-key-short") && !shown.contains("short-key-in-block"), "{shown}");
    }
}

/// `--netbox-docker` reads the checkout's `configuration/` whole, which is what runs only where
/// that is what is mounted at /etc/netbox/config: another directory or file mounted there (an
/// override's `./myconf`, compose-go merging volumes by target) holds files not read, which may
/// set `DATABASE` (a review's false error).
#[test]
fn the_checkouts_configuration_is_known_only_where_it_is_what_is_mounted() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let base = "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.6-5.0.2\n    env_file: env/netbox.env\n    volumes:\n      - ./configuration:/etc/netbox/config:z,ro\n      - ./reports:/etc/netbox/reports:z,ro\n  postgres:\n    image: docker.io/postgres:17-alpine\n    env_file: env/postgres.env\n";
    write(root, "docker-compose.yml", base);
    write(root, "env/netbox.env", "DB_HOST=postgres\nDB_NAME=netbox\nDB_PASSWORD=Ch4nged-0nly-here\nDB_USER=netbox\n");
    write(root, "env/postgres.env", "POSTGRES_DB=netbox\nPOSTGRES_PASSWORD=J5brHrAXFLQSif0K\nPOSTGRES_USER=netbox\n");
    write(
        root,
        "configuration/configuration.py",
        "import os\nALLOWED_HOSTS = ['*']\nSECRET_KEY = os.environ.get('SECRET_KEY')\nREDIS = {}\nDATABASE = {'HOST': os.environ.get('DB_HOST', 'localhost'), 'PASSWORD': os.environ.get('DB_PASSWORD', '')}\n",
    );
    let fired = || {
        let output = bin().args(["lint", "--netbox-docker"]).arg(root).args(["--format", "json"]).output().unwrap();
        rules_at(&json(&output)).into_iter().filter(|(rule, ..)| rule == "netbox/compose-db-password-mismatch").count()
    };
    assert_eq!(fired(), 1, "the checkout's own directory mounted: judged");
    for volume in ["./myconf:/etc/netbox/config:z,ro", "./addons/zz_db.py:/etc/netbox/config/zz_db.py:ro"] {
        write(root, "docker-compose.override.yml", &format!("services:\n  netbox:\n    volumes:\n      - {volume}\n"));
        assert_eq!(fired(), 0, "{volume}");
    }
    write(
        root,
        "docker-compose.override.yml",
        "services:\n  netbox:\n    volumes:\n      - ./configuration/extra.py:/etc/netbox/config/extra.py:ro\n",
    );
    assert_eq!(fired(), 1, "a file of the checkout's own directory at its place");
}

/// The review's shapes of PostgreSQL's env files: a path written twice keeps its first place
/// (compose-go `enforceUnicity`), a path Compose interpolates makes the password unknown, many
/// spellings of one file are one file, and a kernel's file is not read.
#[test]
fn postgres_env_files_are_read_as_compose_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let compose = |env_files: &str| {
        write(
            root,
            "docker-compose.yml",
            &format!(
                "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.6-5.0.2\n    env_file: netbox.env\n  postgres:\n    image: docker.io/postgres:17-alpine\n    env_file: [{env_files}]\n"
            ),
        );
    };
    let fired = || {
        let output =
            bin().arg("lint").arg(root.join("docker-compose.yml")).args(["--format", "json"]).output().unwrap();
        rules_at(&json(&output)).iter().filter(|(rule, ..)| rule == "netbox/compose-db-password-mismatch").count()
    };
    write(root, "a.env", "POSTGRES_USER=netbox\nPOSTGRES_PASSWORD=bbb\n");
    write(root, "b.env", "POSTGRES_PASSWORD=aaa\n");
    write(root, "netbox.env", "DB_HOST=postgres\nDB_USER=netbox\nDB_PASSWORD=aaa\n");
    // Read a, then b (not a again): `aaa` wins, NetBox's.
    compose("a.env, b.env, a.env");
    assert_eq!(fired(), 0);
    compose("b.env, a.env");
    assert_eq!(fired(), 1);
    // A path Compose interpolates: a file not known here may set it.
    compose("b.env, a.env, \"${STAGE:-prod}/postgres.env\"");
    assert_eq!(fired(), 0);
    // One file named many ways is read once (and found the same).
    let spellings: Vec<String> = (0..200).map(|i| format!("./{}a.env", "./".repeat(i))).collect();
    compose(&format!("b.env, {}", spellings.join(", ")));
    assert_eq!(fired(), 1);
    // A kernel's file is not read: the password is unknown, and the run ends.
    compose("b.env, a.env, /proc/self/status");
    assert_eq!(fired(), 0);
}

/// An `env_file:` path Compose interpolates names a file not read: the project is not read
/// whole, so no variable is taken for unset there (a review's reproducer: the superuser's
/// `SKIP_SUPERUSER=true` in `${STAGE:-prod}/netbox.env`).
#[test]
fn an_interpolated_env_file_path_leaves_the_project_unread() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let fired = |env_files: &str| {
        write(
            root,
            "docker-compose.yml",
            &format!(
                "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.4-3.4.0\n    env_file: [{env_files}]\n"
            ),
        );
        let output =
            bin().arg("lint").arg(root.join("docker-compose.yml")).args(["--format", "json"]).output().unwrap();
        rules_at(&json(&output)).iter().filter(|(rule, ..)| rule == "netbox/docker-superuser-known-credentials").count()
    };
    write(root, "netbox.env", "SUPERUSER_PASSWORD=admin\n");
    write(root, "prod/netbox.env", "SKIP_SUPERUSER=true\n");
    assert_eq!(fired("netbox.env"), 1);
    assert_eq!(fired("netbox.env, \"${STAGE:-prod}/netbox.env\""), 0);
}

/// A network declared in an override that has no `services:` is declared: the project is whole.
#[test]
fn a_network_declared_in_an_override_without_services() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let compose = write(
        root,
        "docker-compose.yml",
        "services:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.1\n    ports: [\"8080:8080\"]\n  netbox-housekeeping:\n    entrypoint: [/opt/netbox/housekeeping.sh]\n    networks: [diode_net]\n",
    );
    let unimaged = |more: &[String]| {
        let output = bin().arg("lint").arg(&compose).args(more).args(["--format", "json"]).output().unwrap();
        rules_at(&json(&output)).iter().filter(|(rule, ..)| rule == "netbox/compose-service-without-image").count()
    };
    assert_eq!(unimaged(&[]), 0, "an undeclared network: an excerpt");
    // (A file of networks alone is no kind lint tells by itself: named, as its error says.)
    let networks = write(root, "docker-compose.override.yml", "networks:\n  diode_net: {}\n");
    assert_eq!(unimaged(&[format!("--kind=compose={}", networks.display())]), 1);
}

/// An excerpt whose `depends_on:` names services no file defines shows its `netbox` service
/// whole (corpus case t193), unless another compose file lies beside it, not read: given with
/// `-f`, it may define those services and give `netbox` an env file (the review's shape).
#[test]
fn a_compose_file_beside_the_excerpt_may_complete_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let compose = write(
        root,
        "docker-compose.yml",
        "services:\n  netbox:\n    image: netboxcommunity/netbox:v3.7\n    depends_on: [postgres, redis]\n    environment:\n      SUPERUSER_NAME: nbadmin\n",
    );
    let superuser = || {
        let output = bin().arg("lint").arg(&compose).args(["--format", "json"]).output().unwrap();
        rules_at(&json(&output)).iter().filter(|(rule, ..)| rule == "netbox/docker-superuser-known-credentials").count()
    };
    assert_eq!(superuser(), 1);
    // A YAML file that only says `compose` in its name is no compose file.
    write(root, "compose-notes.yaml", "notes: [a network for the database]\n");
    assert_eq!(superuser(), 1);
    write(
        root,
        "docker-compose.prod.yml",
        "services:\n  postgres:\n    image: postgres:17\n  netbox:\n    env_file: secrets.env\n",
    );
    assert_eq!(superuser(), 0);
}
