//! The NetBox rules' test harness: one `check=netbox` block through the whole pipeline.

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::finding::Rule;
use crate::rules::testing::diagnostics as chapter_diagnostics;

/// A working OpenID Connect setup, the base of several cases.
pub const OIDC: &str = "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://authentik.yourdomain.com/application/o/netbox'\nSOCIAL_AUTH_OIDC_KEY = 'id'\n";

/// The diagnostics of one `check=netbox` block on line 4 of its chapter, for a target NetBox.
fn diagnostics(python: &str, netbox: &str) -> Vec<Diagnostic> {
    diagnostics_in(CONFIGURATION, python, netbox)
}

/// The file a block is by default.
const CONFIGURATION: &str = "configuration.py";

/// [`diagnostics`] of a block of another file (`file=ldap_config.py`).
pub fn diagnostics_in(file: &str, python: &str, netbox: &str) -> Vec<Diagnostic> {
    let mut settings = Settings::default();
    settings.targets.netbox = netbox.parse().unwrap();
    let attribute = if file == CONFIGURATION { String::new() } else { format!(",file={file}") };
    chapter_diagnostics(&format!("# t\n\n```python,check=netbox{attribute}\n{python}```\n"), &settings)
}

/// The rules that fire on one `check=netbox` block of `file`, and their lines within the block.
fn fired_in(file: &str, python: &str, netbox: &str) -> Vec<(&'static str, usize)> {
    diagnostics_in(file, python, netbox).into_iter().map(|d| (d.rule, d.start.line - 3)).collect()
}

/// The findings on one `check=netbox` block: rule, message and help.
pub fn findings(python: &str, netbox: &str) -> Vec<(&'static str, String, String)> {
    diagnostics(python, netbox).into_iter().map(|d| (d.rule, d.message, d.help.into_owned())).collect()
}

/// The lines (within the first block, whose fence is line 3) on which `rule` fires in a chapter.
pub fn fired_chapter_lines(rule: &str, chapter: &str) -> Vec<usize> {
    chapter_diagnostics(chapter, &Settings::default())
        .into_iter()
        .filter(|d| d.rule == rule)
        .map(|d| d.start.line - 3)
        .collect()
}

/// Assert that `rule` fires on `line` of a chapter's first checked block.
pub fn assert_fires_in_chapter(rule: &str, chapter: &str, line: usize) {
    let lines = fired_chapter_lines(rule, chapter);
    assert!(lines.contains(&line), "{rule} should fire on line {line} of\n{chapter}\ngot lines {lines:?}");
}

/// Assert that `rule` does not fire anywhere in a chapter.
pub fn assert_quiet_in_chapter(rule: &str, chapter: &str) {
    let lines = fired_chapter_lines(rule, chapter);
    assert!(lines.is_empty(), "{rule} must not fire on\n{chapter}\ngot lines {lines:?}");
}
/// The message and help of `rule`'s first finding on one `check=netbox` block (it must fire).
pub fn finding_of(rule: &str, python: &str, netbox: &str) -> (String, String) {
    let got = findings(python, netbox);
    got.iter()
        .find(|(id, ..)| *id == rule)
        .map(|(_, message, help)| (message.clone(), help.clone()))
        .unwrap_or_else(|| panic!("{rule} does not fire on:\n{python}got {got:?}"))
}

/// [`finding_of`] on a block of `file`.
pub fn finding_in(rule: &str, file: &str, python: &str, netbox: &str) -> (String, String) {
    let got = diagnostics_in(file, python, netbox);
    got.iter()
        .find(|d| d.rule == rule)
        .map(|d| (d.message.clone(), d.help.clone().into_owned()))
        .unwrap_or_else(|| panic!("{rule} does not fire on:\n{python}got {got:?}"))
}

/// A chapter of one block of netbox-chart values named `values.yaml`, as `lint` reads the file.
pub fn chart_values(text: &str) -> String {
    format!("# t\n\n```yaml,check=chart,file=values.yaml\n{text}```\n")
}

/// The message and help of `rule`'s first finding on one `check=chart` block of netbox-chart
/// values (it must fire).
pub fn chart_finding(rule: &str, values: &str) -> (String, String) {
    let got = chapter_diagnostics(&format!("# t\n\n```yaml,check=chart\n{values}```\n"), &Settings::default());
    got.iter()
        .find(|d| d.rule == rule)
        .map(|d| (d.message.clone(), d.help.clone().into_owned()))
        .unwrap_or_else(|| panic!("{rule} does not fire on:\n{values}got {got:?}"))
}

/// Each case fires `rule` on its line (a line of 0: only the near miss is checked) and its near
/// miss fires nothing of it; a rule has at least one firing case.
pub fn assert_cases(rule: &Rule, cases: &[(&str, &str, &str, usize, &str)]) {
    assert_cases_in(rule, CONFIGURATION, cases);
}

/// [`assert_cases`] with every block a block of `file` (a rule on `ldap_config.py`).
pub fn assert_cases_in(rule: &Rule, file: &str, cases: &[(&str, &str, &str, usize, &str)]) {
    assert!(cases.iter().any(|(_, _, _, line, _)| *line > 0), "{} has no firing case", rule.id);
    for (id, netbox, firing, line, quiet) in cases {
        assert_eq!(*id, rule.id, "a case of another rule");
        if *line > 0 {
            let got = fired_in(file, firing, netbox);
            assert!(got.contains(&(*id, *line)), "{id} should fire on line {line} of:\n{firing}got {got:?}");
        }
        let got = fired_in(file, quiet, netbox);
        assert!(!got.iter().any(|(r, _)| r == id), "{id} must not fire on:\n{quiet}got {got:?}");
    }
}

#[test]
fn the_clean_configuration_triggers_nothing() {
    assert_eq!(fired_in(CONFIGURATION, OIDC, "4.7"), vec![]);
}
