//! `netbox/linuxserver-variable-invalid` against the real thing: each value goes through
//! linuxserver's start-up script (its own lines, bash, Alpine's busybox sed, as the image runs
//! them), into the image's `configuration.py` template, and Python evaluates the result. The
//! rule must fire exactly where that breaks: Python cannot evaluate the file, or a value does not
//! come out as written.
//!
//! CI installs bash, busybox and Python; without them this test fails, it does not skip.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::fs;
use std::process::Command;

/// The image's start-up script, linuxserver/docker-netbox c710945
/// root/etc/s6-overlay/s6-rc.d/init-netbox-config/run L8-28 and L38-40 verbatim; L32's default
/// key, `$(python3 ./generate_secret_key.py)`, is a fixed key of 50 characters here, the file is
/// in the working directory instead of `/config/`, and `sed` is busybox's, as the image has it.
const RENDER: &str = r#"sed() { busybox sed "$@"; }
declare -A NETBOX_CONF
NETBOX_CONF[ALLOWED_HOST]=${ALLOWED_HOST:-netbox.example.com}
NETBOX_CONF[BASE_PATH]=${BASE_PATH:-}
NETBOX_CONF[CSRF_TRUSTED_ORIGINS]=${CSRF_TRUSTED_ORIGINS:-}
NETBOX_CONF[DB_NAME]=${DB_NAME:-netbox}
NETBOX_CONF[DB_USER]=${DB_USER:-root}
NETBOX_CONF[DB_PASSWORD]=${DB_PASSWORD:-}
NETBOX_CONF[DB_HOST]=${DB_HOST:-postgres}
NETBOX_CONF[DB_PORT]=${DB_PORT:-}
NETBOX_CONF[REDIS_HOST]=${REDIS_HOST:-redis}
NETBOX_CONF[REDIS_PORT]=${REDIS_PORT:-6379}
NETBOX_CONF[REDIS_USERNAME]=${REDIS_USERNAME:-}
NETBOX_CONF[REDIS_PASSWORD]=${REDIS_PASSWORD:-}
NETBOX_CONF[REDIS_DB_TASK]=${REDIS_DB_TASK:-0}
NETBOX_CONF[REDIS_DB_CACHE]=${REDIS_DB_CACHE:-1}
NETBOX_CONF[REMOTE_AUTH_ENABLED]=${REMOTE_AUTH_ENABLED:-False}
NETBOX_CONF[REMOTE_AUTH_BACKEND]=${REMOTE_AUTH_BACKEND:-netbox.authentication.RemoteUserBackend}
NETBOX_CONF[REMOTE_AUTH_HEADER]=${REMOTE_AUTH_HEADER:-HTTP_REMOTE_USER}
NETBOX_CONF[REMOTE_AUTH_AUTO_CREATE_USER]=${REMOTE_AUTH_AUTO_CREATE_USER:-False}
NETBOX_CONF[REMOTE_AUTH_DEFAULT_GROUPS]=${REMOTE_AUTH_DEFAULT_GROUPS:-[]}
NETBOX_CONF[REMOTE_AUTH_DEFAULT_PERMISSIONS]=${REMOTE_AUTH_DEFAULT_PERMISSIONS:-{}}
NETBOX_CONF[SECRET_KEY]=${SECRET_KEY:-generated-key-0123456789-0123456789-0123456789-01}
    for KEY in "${!NETBOX_CONF[@]}"; do \
        sed -i 's|{{'$KEY'}}|'${NETBOX_CONF[$KEY]}'|g' configuration.py
    done
"#;

/// The lines of the image's template that hold a slot (root/defaults/configuration.py L11-64,
/// L94, L110-112, L249-254, without comments), as the script finds them.
const TEMPLATE: &str = "ALLOWED_HOSTS = ['{{ALLOWED_HOST}}']
DATABASES = {
    'default': {
        'NAME': '{{DB_NAME}}',
        'USER': '{{DB_USER}}',
        'PASSWORD': '{{DB_PASSWORD}}',
        'HOST': '{{DB_HOST}}',
        'PORT': '{{DB_PORT}}',
        'CONN_MAX_AGE': 300,
    },
}
REDIS = {
    'tasks': {
        'HOST': '{{REDIS_HOST}}',
        'PORT': {{REDIS_PORT}},
        'USERNAME': '{{REDIS_USERNAME}}',
        'PASSWORD': '{{REDIS_PASSWORD}}',
        'DATABASE': {{REDIS_DB_TASK}},
        'SSL': False,
    },
    'caching': {
        'HOST': '{{REDIS_HOST}}',
        'PORT': {{REDIS_PORT}},
        'USERNAME': '{{REDIS_USERNAME}}',
        'PASSWORD': '{{REDIS_PASSWORD}}',
        'DATABASE': {{REDIS_DB_CACHE}},
        'SSL': False,
    }
}
SECRET_KEY = '{{SECRET_KEY}}'
BASE_PATH = '{{BASE_PATH}}'
CSRF_TRUSTED_ORIGINS = [
    {{CSRF_TRUSTED_ORIGINS}}
]
REMOTE_AUTH_ENABLED = {{REMOTE_AUTH_ENABLED}}
REMOTE_AUTH_BACKEND = '{{REMOTE_AUTH_BACKEND}}'
REMOTE_AUTH_HEADER = '{{REMOTE_AUTH_HEADER}}'
REMOTE_AUTH_AUTO_CREATE_USER = {{REMOTE_AUTH_AUTO_CREATE_USER}}
REMOTE_AUTH_DEFAULT_GROUPS = {{REMOTE_AUTH_DEFAULT_GROUPS}}
REMOTE_AUTH_DEFAULT_PERMISSIONS = {{REMOTE_AUTH_DEFAULT_PERMISSIONS}}
";

/// Values people write, good and bad, per variable.
const VALUES: &[(&str, &str)] = &[
    ("DB_PASSWORD", "S3cr3t-p4ss!"),
    ("DB_PASSWORD", "p@ss#1;x"),
    ("DB_PASSWORD", "pa ss"),
    ("DB_PASSWORD", "pa|ss"),
    ("DB_PASSWORD", "p&ss"),
    ("DB_PASSWORD", "p\\nss"),
    ("DB_PASSWORD", "it's"),
    ("DB_PASSWORD", "a''b"),
    ("DB_PASSWORD", "say\"hi\""),
    ("ALLOWED_HOST", "*"),
    ("ALLOWED_HOST", "netbox.example.com,netbox"),
    ("ALLOWED_HOST", "netbox.example.com','netbox"),
    ("ALLOWED_HOST", "netbox.example.com netbox"),
    ("SECRET_KEY", "0123456789abcdef0123456789abcdef0123456789abcdef&!"),
    ("SECRET_KEY", "0123456789abcdef0123456789abcdef0123456789abcdef!\\"),
    ("SECRET_KEY", "0123456789abcdef 0123456789abcdef0123456789abcdef!"),
    ("REMOTE_AUTH_ENABLED", "True"),
    ("REMOTE_AUTH_ENABLED", "true"),
    ("REMOTE_AUTH_ENABLED", "1"),
    ("REMOTE_AUTH_ENABLED", "yes"),
    ("REMOTE_AUTH_DEFAULT_GROUPS", "['staff']"),
    ("REMOTE_AUTH_DEFAULT_GROUPS", "['staff','ops']"),
    ("REMOTE_AUTH_DEFAULT_GROUPS", "['staff', 'ops']"),
    ("REMOTE_AUTH_DEFAULT_GROUPS", "staff"),
    ("REMOTE_AUTH_DEFAULT_GROUPS", "[\"staff\"]"),
    ("REMOTE_AUTH_DEFAULT_PERMISSIONS", "{}"),
    ("REMOTE_AUTH_DEFAULT_PERMISSIONS", "{'dcim.view_site':None}"),
    ("REMOTE_AUTH_DEFAULT_PERMISSIONS", "{'dcim.view_site':None"),
    ("REMOTE_AUTH_DEFAULT_PERMISSIONS", "{"),
    ("REDIS_DB_TASK", "2"),
    ("REDIS_DB_TASK", "two"),
    ("CSRF_TRUSTED_ORIGINS", "'https://netbox.example.com'"),
    ("CSRF_TRUSTED_ORIGINS", "'https://netbox.example.com','https://netbox.example.org'"),
    ("CSRF_TRUSTED_ORIGINS", "https://netbox.example.com"),
    ("CSRF_TRUSTED_ORIGINS", "'https://netbox.example.com', 'https://netbox.example.org'"),
];

/// Whether the image's render breaks with `name` set to `value`: Python cannot evaluate the
/// file; a password or other quoted value does not come out as written; ALLOWED_HOSTS keeps a
/// slot or holds an entry with a comma (one host nobody sends); the key comes out shorter than
/// 50 characters.
fn render_breaks(name: &str, value: &str) -> bool {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("configuration.py"), TEMPLATE).unwrap();
    let render = Command::new("bash")
        .arg("-c")
        .arg(RENDER)
        .env(name, value)
        .current_dir(dir.path())
        .output()
        .expect("bash is needed for this test");
    assert!(
        String::from_utf8_lossy(&render.stderr).lines().all(|l| l.starts_with("sed: ")),
        "bash or busybox missing (CI installs them: apt-get install busybox): {}",
        String::from_utf8_lossy(&render.stderr)
    );
    let evaluate = r#"import runpy, sys
name, value = sys.argv[1], sys.argv[2]
try:
    c = runpy.run_path('configuration.py')
except Exception:
    print('BROKEN')
    sys.exit()
got = {
    'DB_PASSWORD': lambda: c['DATABASES']['default']['PASSWORD'] == value,
    'ALLOWED_HOST': lambda: all('{{' not in h and ',' not in h for h in c['ALLOWED_HOSTS']),
    'SECRET_KEY': lambda: len(c['SECRET_KEY']) >= 50,
}.get(name, lambda: True)()
print('OK' if got else 'BROKEN')
"#;
    let python =
        Command::new("python3").arg("-c").arg(evaluate).args([name, value]).current_dir(dir.path()).output().unwrap();
    let verdict = String::from_utf8_lossy(&python.stdout).trim().to_owned();
    assert!(verdict == "OK" || verdict == "BROKEN", "{verdict} {}", String::from_utf8_lossy(&python.stderr));
    verdict == "BROKEN"
}

/// Whether `lint` reports the value, set in the compose file of linuxserver's image.
fn rule_fires(name: &str, value: &str) -> bool {
    let dir = tempfile::tempdir().unwrap();
    let yaml = format!("'{}'", value.replace('\'', "''"));
    fs::write(
        dir.path().join("docker-compose.yml"),
        format!("services:\n  netbox:\n    image: lscr.io/linuxserver/netbox:4.6.5\n    environment:\n      {name}: {yaml}\n"),
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .args(["lint", "docker-compose.yml", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    report["diagnostics"].as_array().unwrap().iter().any(|d| d["rule"] == "netbox/linuxserver-variable-invalid")
}

#[test]
fn the_rule_fires_exactly_where_the_images_render_breaks() {
    let mut disagreements = Vec::new();
    let mut broken = 0;
    for &(name, value) in VALUES {
        let breaks = render_breaks(name, value);
        broken += usize::from(breaks);
        if breaks != rule_fires(name, value) {
            disagreements.push(format!("{name}={value}: the render {}", if breaks { "breaks" } else { "holds" }));
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    // Both kinds are there: the comparison can fail either way.
    assert!(broken > 5 && broken < VALUES.len() - 5, "{broken} of {} break", VALUES.len());
}
