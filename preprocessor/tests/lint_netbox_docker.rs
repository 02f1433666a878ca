//! `mdbook-configcheck lint --netbox-docker DIR` on netbox-docker's own layout, through the real
//! binary: settings netbox-docker's `configuration/configuration.py` reads through its helpers.
//!
//! The configuration.py lines below are netbox-docker 3.0.2's, verbatim (configuration/configuration.py
//! lines 7-8 and 19-27, the helper `_read_secret`, and line 115, `SECRET_KEY`; netbox-docker is
//! Apache-2.0 licensed). Only these lines are copied, not the whole file: the rest reads other
//! settings the same way. The whole 3.0.2 file, with its `extra.py`, `logging.py`, `plugins.py`
//! and `env/netbox.env`, gave the same finding when this test was written (see the commit).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// netbox-docker 3.0.2, configuration/configuration.py: the imports, `_read_secret`, and the line
/// that reads SECRET_KEY (a secret file first, else the environment variable).
const NETBOX_DOCKER_CONFIGURATION: &str = "\
import re
from os import environ

# Read secret from file
def _read_secret(secret_name: str, default: str | None = None) -> str | None:
    try:
        f = open('/run/secrets/' + secret_name, 'r', encoding='utf-8')
    except EnvironmentError:
        return default
    else:
        with f:
            return f.readline().strip()

SECRET_KEY = _read_secret('secret_key', environ.get('SECRET_KEY', ''))
";

/// netbox-docker's own lines of configuration/ldap/ldap_config.py (3.0.2) that read the server
/// and StartTLS from the environment.
const NETBOX_DOCKER_LDAP: &str = "from os import environ\n\nAUTH_LDAP_SERVER_URI = environ.get('AUTH_LDAP_SERVER_URI', '')\nAUTH_LDAP_START_TLS = environ.get('AUTH_LDAP_START_TLS', 'False').lower() == 'true'\n";

/// A netbox-docker checkout with its LDAP loader's file and an environment that chooses LDAP
/// over plain `ldap://`.
fn ldap_checkout(root: &Path) {
    write(root, "configuration/configuration.py", NETBOX_DOCKER_CONFIGURATION);
    write(root, "configuration/ldap/ldap_config.py", NETBOX_DOCKER_LDAP);
    write(
        root,
        "env/netbox.env",
        "REMOTE_AUTH_BACKEND=netbox.authentication.LDAPBackend\nAUTH_LDAP_SERVER_URI=ldap://dc.corp.example\n",
    );
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, text).unwrap();
}

/// The `netbox/secret-key-short` findings of `lint --netbox-docker DIR`: (file, line, message),
/// and the exit code.
fn secret_key_findings(root: &Path) -> (Option<i32>, Vec<(String, u64, String)>) {
    findings_of(root, "netbox/secret-key-short")
}

/// `lint --netbox-docker ROOT`: its exit code and `rule`'s findings (file name, line, message).
fn findings_of(root: &Path, rule: &str) -> (Option<i32>, Vec<(String, u64, String)>) {
    let output = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .env_remove("MDBOOK_PREPROCESSOR__CONFIGCHECK__STRICT")
        .env("NO_COLOR", "1")
        .args(["lint", "--netbox-docker"])
        .arg(root)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}\n{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
    });
    let found = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == rule)
        .map(|d| {
            let file = Path::new(d["path"].as_str().unwrap()).file_name().unwrap().to_string_lossy().into_owned();
            (file, d["line"].as_u64().unwrap(), d["message"].as_str().unwrap().to_string())
        })
        .collect();
    (output.status.code(), found)
}

/// netbox-docker's configuration.py reads SECRET_KEY through `_read_secret` from the environment
/// file: a 32-character key there stops NetBox at start-up, and the finding is on the variable's
/// line, with its length (never the key) and the secret file that would replace it.
#[test]
fn a_short_secret_key_in_netbox_dockers_environment_file_is_found_through_its_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "configuration/configuration.py", NETBOX_DOCKER_CONFIGURATION);
    write(
        root,
        "env/netbox.env",
        "DB_HOST=postgres\nSECRET_KEY=Hq7Wm2Zr9Kt4Lp8Xv1Nc6Bd3Fs5Gj0Ya\nSKIP_SUPERUSER=true\n",
    );
    let (code, found) = secret_key_findings(root);
    assert_eq!(code, Some(1), "{found:?}");
    let [(file, line, message)] = found.as_slice() else { panic!("one finding expected: {found:?}") };
    assert_eq!((file.as_str(), *line), ("netbox.env", 2));
    assert!(message.contains("has 32 characters"), "{message}");
    assert!(message.contains("unless a /run/secrets/secret_key file replaces it"), "{message}");
    assert!(!message.contains("Hq7Wm2"), "the key is printed: {message}");

    // A key of 50 characters passes (NetBox's `len(SECRET_KEY) < 50`).
    write(root, "env/netbox.env", "SECRET_KEY=abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX\n");
    assert_eq!(secret_key_findings(root), (Some(0), vec![]));

    // No SECRET_KEY in the environment file: it may come from Compose or a secret file; nothing
    // is guessed (not even the empty default).
    write(root, "env/netbox.env", "DB_HOST=postgres\n");
    assert_eq!(secret_key_findings(root), (Some(0), vec![]));

    // An add-on that sets SECRET_KEY itself wins over the variable (netbox-docker reads
    // configuration.py first, then the other files, a later one winning).
    write(root, "env/netbox.env", "SECRET_KEY=Hq7Wm2Zr9Kt4Lp8Xv1Nc6Bd3Fs5Gj0Ya\n");
    write(root, "configuration/extra.py", "SECRET_KEY = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX'\n");
    assert_eq!(secret_key_findings(root), (Some(0), vec![]));
}

/// netbox-docker's LDAP loader reads configuration/ldap/ as its main loader reads
/// configuration/: ldap_config.py first, then the other files, a later one winning
/// (docker/ldap_config.docker.py). An add-on there that switches StartTLS on answers the
/// environment's plain `ldap://`.
#[test]
fn the_ldap_directory_is_read_in_netbox_dockers_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    ldap_checkout(root);
    let (_, found) = findings_of(root, "netbox/ldap-without-tls");
    assert_eq!(
        found.iter().map(|(file, line, _)| (file.as_str(), *line)).collect::<Vec<_>>(),
        [("netbox.env", 2)],
        "{found:?}"
    );
    // The variable itself switches StartTLS on, as netbox-docker's file reads it.
    write(
        root,
        "env/netbox.env",
        "REMOTE_AUTH_BACKEND=netbox.authentication.LDAPBackend\nAUTH_LDAP_SERVER_URI=ldap://dc.corp.example\nAUTH_LDAP_START_TLS=true\n",
    );
    assert_eq!(findings_of(root, "netbox/ldap-without-tls"), (Some(0), vec![]));
    write(
        root,
        "env/netbox.env",
        "REMOTE_AUTH_BACKEND=netbox.authentication.LDAPBackend\nAUTH_LDAP_SERVER_URI=ldap://dc.corp.example\n",
    );
    write(root, "configuration/ldap/extra.py", "AUTH_LDAP_START_TLS = True\n");
    assert_eq!(findings_of(root, "netbox/ldap-without-tls"), (Some(0), vec![]));
}

/// A compose file that mounts a file of its own over netbox-docker's LDAP loader: what reads
/// the environment file's LDAP variables is not shown, so they are not judged (the review of
/// 452b04c: the mount covered only the compose file's own `environment:`).
#[test]
fn an_ldap_loader_mounted_over_netbox_dockers_leaves_the_env_files_ldap_variables_unjudged() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    ldap_checkout(root);
    let compose =
        "services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.5.0\n    env_file: env/netbox.env\n";
    write(root, "docker-compose.yml", compose);
    assert_eq!(
        findings_of(root, "netbox/ldap-without-tls").1.len(),
        1,
        "netbox-docker's own loader reads the variable"
    );
    write(
        root,
        "docker-compose.yml",
        &format!("{compose}    volumes:\n      - ./my_ldap_config.py:/opt/netbox/netbox/netbox/ldap_config.py:ro\n"),
    );
    assert_eq!(findings_of(root, "netbox/ldap-without-tls"), (Some(0), vec![]));
}
