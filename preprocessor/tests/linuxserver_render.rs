//! `netbox/linuxserver-variable-invalid` against the real thing: each value goes through the line
//! of linuxserver's start-up script that writes it (bash, Alpine's busybox sed, as the image runs
//! it), into the slot of the image's `configuration.py` template it takes, and Python evaluates
//! the result. The rule must fire exactly where that breaks: Python cannot evaluate the file, or
//! a value written inside quotes does not come out as written.
//!
//! linuxserver/docker-netbox c710945: root/etc/s6-overlay/s6-rc.d/init-netbox-config/run L36-41
//! (the sed line), root/defaults/configuration.py (the slots). CI installs bash, busybox and
//! Python; without them this test fails, it does not skip.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::fs;
use std::process::Command;

/// The image's start-up loop, verbatim (the file in the working directory instead of
/// `/config/`), with `sed` as the image has it (busybox).
const RENDER: &str = r#"sed() { busybox sed "$@"; }
declare -A NETBOX_CONF
NETBOX_CONF[$NAME]=${VALUE:-}
for KEY in "${!NETBOX_CONF[@]}"; do \
    sed -i 's|{{'$KEY'}}|'${NETBOX_CONF[$KEY]}'|g' configuration.py
done
"#;

/// Each variable's line in the template, and the setting it makes.
const SLOTS: &[(&str, &str, &str)] = &[
    ("DB_PASSWORD", "PASSWORD = '{{DB_PASSWORD}}'\n", "PASSWORD"),
    ("REMOTE_AUTH_ENABLED", "REMOTE_AUTH_ENABLED = {{REMOTE_AUTH_ENABLED}}\n", "REMOTE_AUTH_ENABLED"),
    (
        "REMOTE_AUTH_DEFAULT_GROUPS",
        "REMOTE_AUTH_DEFAULT_GROUPS = {{REMOTE_AUTH_DEFAULT_GROUPS}}\n",
        "REMOTE_AUTH_DEFAULT_GROUPS",
    ),
    ("REDIS_DB_TASK", "DATABASE = {{REDIS_DB_TASK}}\n", "DATABASE"),
    ("CSRF_TRUSTED_ORIGINS", "CSRF_TRUSTED_ORIGINS = [\n    {{CSRF_TRUSTED_ORIGINS}}\n]\n", "CSRF_TRUSTED_ORIGINS"),
];

/// Values people write, good and bad, per variable.
const VALUES: &[(&str, &str)] = &[
    ("DB_PASSWORD", "S3cr3t-p4ss!"),
    ("DB_PASSWORD", "p@ss#1;x"),
    ("DB_PASSWORD", "pa ss"),
    ("DB_PASSWORD", "pa|ss"),
    ("DB_PASSWORD", "p&ss"),
    ("DB_PASSWORD", "p\\nss"),
    ("DB_PASSWORD", "it's"),
    ("DB_PASSWORD", "say\"hi\""),
    ("REMOTE_AUTH_ENABLED", "True"),
    ("REMOTE_AUTH_ENABLED", "true"),
    ("REMOTE_AUTH_ENABLED", "1"),
    ("REMOTE_AUTH_ENABLED", "yes"),
    ("REMOTE_AUTH_DEFAULT_GROUPS", "['staff']"),
    ("REMOTE_AUTH_DEFAULT_GROUPS", "['staff','ops']"),
    ("REMOTE_AUTH_DEFAULT_GROUPS", "['staff', 'ops']"),
    ("REMOTE_AUTH_DEFAULT_GROUPS", "staff"),
    ("REMOTE_AUTH_DEFAULT_GROUPS", "[\"staff\"]"),
    ("REDIS_DB_TASK", "2"),
    ("REDIS_DB_TASK", "two"),
    ("CSRF_TRUSTED_ORIGINS", "'https://netbox.example.com'"),
    ("CSRF_TRUSTED_ORIGINS", "'https://netbox.example.com','https://netbox.example.org'"),
    ("CSRF_TRUSTED_ORIGINS", "https://netbox.example.com"),
    ("CSRF_TRUSTED_ORIGINS", "'https://netbox.example.com', 'https://netbox.example.org'"),
];

/// Whether the image's render of `value` breaks: Python cannot evaluate the file, or a quoted
/// slot's string is not `value`.
fn render_breaks(name: &str, value: &str) -> bool {
    let (_, template, setting) = SLOTS.iter().find(|(n, ..)| *n == name).unwrap();
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("configuration.py"), template).unwrap();
    let render = Command::new("bash")
        .arg("-c")
        .arg(RENDER)
        .env("NAME", name)
        .env("VALUE", value)
        .current_dir(dir.path())
        .output()
        .expect("bash is needed for this test");
    assert!(
        String::from_utf8_lossy(&render.stderr).lines().all(|l| l.starts_with("sed: ")),
        "bash or busybox missing (CI installs them: apt-get install busybox): {}",
        String::from_utf8_lossy(&render.stderr)
    );
    let evaluate = format!(
        "import runpy, sys\ntry:\n    value = runpy.run_path('configuration.py')['{setting}']\nexcept Exception:\n    print('BROKEN')\n    sys.exit()\nquoted = {quoted}\nprint('BROKEN' if quoted and value != sys.argv[1] else 'OK')\n",
        quoted = if template.contains("'{{") { "True" } else { "False" },
    );
    let python = Command::new("python3").arg("-c").arg(evaluate).arg(value).current_dir(dir.path()).output().unwrap();
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
