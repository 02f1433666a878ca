//! `netbox/allowed-hosts-type`: `ALLOWED_HOSTS` that admits no host.

use super::shared::{at_value, python_string, truthy};
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::{Conversion, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// `ALLOWED_HOSTS` that admits no host.
pub const ALLOWED_HOSTS_TYPE: Rule = Rule {
    id: "netbox/allowed-hosts-type",
    severity: Severity::Error,
    summary: "`ALLOWED_HOSTS` is a string, written or an environment variable read as it is (NetBox 4.7 does not start; older versions allow no host), or an empty list with DEBUG off",
    help: "list the names NetBox is reached by: ALLOWED_HOSTS = ['<public host>']",
    fact: "facts §1.1 (a bare string is iterated character by character; an empty list rejects every host when DEBUG is False), §4 (DisallowedHost is HTTP 400); seen with real NetBox 4.7.3 (Django 6.1.2) by tests/e2e/run: a string stops start-up with ImproperlyConfigured",
    applies: Applies::Always,
};

pub fn allowed_hosts_type(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("ALLOWED_HOSTS") else { return };
    let message = match &setting.value.kind {
        // Django 6.1 (NetBox 4.7) refuses it at start-up; older Django iterated it.
        ValueKind::Str(s) if targets.netbox >= Version::new(4, 7, 0) => format!(
            "`ALLOWED_HOSTS` is the string '{s}', not a list: NetBox does not start (`ImproperlyConfigured: The ALLOWED_HOSTS setting must be a list or a tuple.`), so it answers no request (a proxy in front of it answers 502 Bad Gateway)"
        ),
        ValueKind::Str(s) => format!(
            "`ALLOWED_HOSTS` is the string '{s}', not a list: Django checks it character by character, so every request gets 400 Bad Request"
        ),
        // An environment variable read as it is (a PaaS fork's configuration, corpus): a string.
        ValueKind::Env { var, conversion: Conversion::Text, .. } if targets.netbox >= Version::new(4, 7, 0) => format!(
            "`ALLOWED_HOSTS` is the environment variable `{}` as it is, a string, not a list: NetBox does not start (`ImproperlyConfigured: The ALLOWED_HOSTS setting must be a list or a tuple.`), so it answers no request (a proxy in front of it answers 502 Bad Gateway)",
            var.escape_debug()
        ),
        ValueKind::Env { var, conversion: Conversion::Text, .. } => format!(
            "`ALLOWED_HOSTS` is the environment variable `{}` as it is, a string, not a list: Django checks it character by character, so every request gets 400 Bad Request",
            var.escape_debug()
        ),
        ValueKind::List(items) | ValueKind::Tuple(items) if items.is_empty() && truthy(&d.netbox, "DEBUG") != Some(true) => {
            "`ALLOWED_HOSTS` is empty: with DEBUG off Django allows no host at all, so every request gets 400 Bad Request".into()
        }
        _ => return,
    };
    let finding = at_value(&ALLOWED_HOSTS_TYPE, setting, &setting.value, message);
    out.push(match &setting.value.kind {
        ValueKind::Str(s) => match as_list(s) {
            Some(list) => finding.with_help(format!("write it as a list: ALLOWED_HOSTS = {list}")),
            None => finding,
        },
        _ => finding,
    });
}

/// The string's names as a Python list, split where a reader separates them (commas, blanks).
fn as_list(s: &str) -> Option<String> {
    let names: Vec<String> = s
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|n| !n.is_empty())
        .map(python_string)
        .collect();
    (!names.is_empty()).then(|| format!("[{}]", names.join(", ")))
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/allowed-hosts-type",
            "4.7",
            "ALLOWED_HOSTS = 'netbox.internaldomain.com'\n",
            1,
            "ALLOWED_HOSTS = ['netbox.internaldomain.com']\n",
        ),
        ("netbox/allowed-hosts-type", "4.7", "ALLOWED_HOSTS = []\n", 1, "DEBUG = True\nALLOWED_HOSTS = []\n"),
        // the environment variable as it is (a PaaS fork's configuration, corpus); split, a list
        (
            "netbox/allowed-hosts-type",
            "4.6",
            "import os\nALLOWED_HOSTS = os.environ.get('ALLOWED_HOSTS', '')\n",
            2,
            "import os\nALLOWED_HOSTS = os.environ.get('ALLOWED_HOSTS', '').split(' ')\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::ALLOWED_HOSTS_TYPE, CASES);
    }

    #[test]
    fn the_fix_is_the_string_s_own_names_as_a_list() {
        let (_, help) = finding_of("netbox/allowed-hosts-type", "ALLOWED_HOSTS = 'ipam.corp.example, 10.0.0.5'\n", "4.7");
        assert_eq!(help, "write it as a list: ALLOWED_HOSTS = ['ipam.corp.example', '10.0.0.5']");
        let (_, help) = finding_of("netbox/allowed-hosts-type", "ALLOWED_HOSTS = []\n", "4.7");
        assert!(!help.contains("internaldomain"), "{help}");
    }
}
