//! `mdbook-configcheck lint values.yaml` on netbox-chart's Helm values, through the real binary:
//! recognised by content, read as the chart renders them, findings at the values' own lines,
//! the release from `image.tag`, secrets masked, and the chart's defaults quiet.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::fs;
use std::process::Command;

use serde_json::Value;

fn lint(values: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("values.yaml");
    fs::write(&path, values).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"))
        .env("NO_COLOR", "1")
        .arg("lint")
        .arg(&path)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// (rule, line) of each finding.
fn findings(values: &str) -> Vec<(String, u64)> {
    let (_, stdout, stderr) = lint(values, &["--format", "json", "--verbose"]);
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"));
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap()))
        .collect()
}

const VALUES: &str = "image:
  repository: netbox-community/netbox
  tag: v4.3.7
allowedHosts:
  - netbox.example.org
secretKey: too-short-a-key
remoteAuth:
  enabled: true
  backends:
    - social_core.backends.open_id_connect.OpenIdConnectAuth
  extraConfig:
    - secret:
        secretName: netbox-oidc
extraConfig:
  - values:
      SOCIAL_AUTH_OIDC_OIDC_ENDPOINT: https://auth.example.org/application/o/netbox/.well-known/openid-configuration
      SOCIAL_AUTH_OIDC_KEY: netbox
";

/// Each value becomes the setting the chart renders, and the finding is at its line.
#[test]
fn values_are_checked_as_the_settings_the_chart_renders() {
    let got = findings(VALUES);
    for expected in [
        ("netbox/secret-key-short", 6),
        ("netbox/remote-auth-enabled-unneeded", 8),
        ("netbox/chart-value-unread", 11),
        ("netbox/oidc-endpoint-well-known", 16),
    ] {
        assert!(got.contains(&(expected.0.to_string(), expected.1)), "{expected:?} not in {got:?}");
    }
    assert_eq!(got.len(), 4, "{got:?}");
}

/// `image.tag` names the release judged, and the terminal masks the camelCase secret.
#[test]
fn the_release_comes_from_the_image_tag_and_the_secret_is_masked() {
    let (code, stdout, stderr) = lint(VALUES, &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("NetBox 4.3.7 (image tag v4.3.7)"), "{stderr}");
    assert!(stdout.contains("secretKey: ***************") && !stdout.contains("too-short-a-key"), "{stdout}");
}

/// Values the chart's default repeats make no setting: the chart renders them whatever the file
/// says (the 8.3.61 defaults: header authentication off, the old date formats NetBox 4 ignores).
#[test]
fn the_charts_own_defaults_draw_nothing() {
    let defaults = "remoteAuth:\n  enabled: false\n  backends:\n    - netbox.authentication.RemoteUserBackend\n  header: HTTP_REMOTE_USER\n  staffGroups: []\ndateFormat: \"N j, Y\"\nallowTokenRetrieval: false\nloginRequired: false\n";
    assert_eq!(findings(defaults), []);
    // Written otherwise, the same keys are the file's own.
    let chosen = "remoteAuth:\n  staffGroups:\n    - netbox-staff\ndateFormat: \"Y-m-d\"\n";
    let got = findings(chosen);
    assert!(got.contains(&("netbox/setting-removed".to_string(), 2)), "{got:?}");
    assert!(got.contains(&("netbox/setting-removed".to_string(), 4)), "{got:?}");
}

/// Trial ten's shapes: a Fleet or Flux `${…}` placeholder is not judged, `loginRequired` is
/// rendered by the chart whatever the file says (so no "remove the line"), `image.tag` alone names
/// the release (the repository is the chart's default), a parent chart's `enabled` is no unread
/// key, and a finding on a block list ends at its last item.
#[test]
fn placeholders_chart_rendered_settings_and_spans() {
    let values = "enabled: true\nimage:\n  tag: v4.6.8\nallowedHosts:\n  - ${NETBOX_HOST}\nloginRequired: true\nremoteAuth:\n  backends:\n    - social_core.backends.keycloak.KeycloakOAuth2\n  autoCreateUser: true\n  groupSyncEnabled: true\n";
    let (_, stdout, stderr) = lint(values, &["--format", "json", "--verbose"]);
    assert!(stderr.contains("NetBox 4.6.8 (image tag v4.6.8)"), "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let got: Vec<(String, u64, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (d["rule"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap(), d["end_line"].as_u64().unwrap())
        })
        .collect();
    assert_eq!(
        got,
        [
            ("netbox/remote-auth-header-unused".to_string(), 10, 10),
            ("netbox/remote-auth-header-unused".to_string(), 11, 11)
        ],
        "{got:?}"
    );
}
