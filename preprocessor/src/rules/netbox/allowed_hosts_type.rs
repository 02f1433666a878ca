//! `netbox/allowed-hosts-type`: `ALLOWED_HOSTS` that admits no host.

use super::shared::{at_value, truthy};
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// `ALLOWED_HOSTS` that admits no host.
pub const ALLOWED_HOSTS_TYPE: Rule = Rule {
    id: "netbox/allowed-hosts-type",
    severity: Severity::Error,
    summary: "`ALLOWED_HOSTS` is a string (NetBox 4.7 does not start; older versions allow no host), or an empty list with DEBUG off",
    help: "list the public host name: ALLOWED_HOSTS = ['netbox.internaldomain.com']",
    fact: "facts §1.1 (a bare string is iterated character by character; an empty list rejects every host when DEBUG is False), §4 (DisallowedHost is HTTP 400); seen with real NetBox 4.7.3 (Django 6.1.2) by tests/e2e/run: a string stops start-up with ImproperlyConfigured",
    applies: Applies::Always,
};

pub fn allowed_hosts_type(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("ALLOWED_HOSTS") else { return };
    let message = match &setting.value.kind {
        // Django 6.1 (NetBox 4.7) refuses it at start-up; older Django iterated it.
        ValueKind::Str(s) if targets.netbox >= Version::new(4, 7, 0) => format!(
            "`ALLOWED_HOSTS` is the string '{s}', not a list: NetBox does not start (`ImproperlyConfigured: The ALLOWED_HOSTS setting must be a list or a tuple.`), and nginx answers 502 Bad Gateway"
        ),
        ValueKind::Str(s) => format!(
            "`ALLOWED_HOSTS` is the string '{s}', not a list: Django checks it character by character, so every request gets 400 Bad Request"
        ),
        ValueKind::List(items) | ValueKind::Tuple(items) if items.is_empty() && truthy(&d.netbox, "DEBUG") != Some(true) => {
            "`ALLOWED_HOSTS` is empty: with DEBUG off Django allows no host at all, so every request gets 400 Bad Request".into()
        }
        _ => return,
    };
    out.push(at_value(&ALLOWED_HOSTS_TYPE, setting, &setting.value, message));
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

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
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::ALLOWED_HOSTS_TYPE, CASES);
    }
}
