//! `netbox/allowed-hosts-entry`: An `ALLOWED_HOSTS` entry with a scheme, port or path.

use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// An `ALLOWED_HOSTS` entry with a scheme, port or path.
pub const ALLOWED_HOSTS_ENTRY: Rule = Rule {
    id: "netbox/allowed-hosts-entry",
    severity: Severity::Error,
    summary: "an `ALLOWED_HOSTS` entry with a scheme, a port or a path, which never matches",
    help: "write the bare host name, without scheme, port or path",
    fact: "facts §1.1, §4 (Django compares the host without port, lower-cased, with each entry; `https://x` never matches)",
    applies: Applies::Always,
};

pub fn allowed_hosts_entry(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("ALLOWED_HOSTS") else { return };
    for entry in setting.value.items().unwrap_or_default() {
        let Some(host) = entry.as_str() else { continue };
        let bare = host.split("://").last().unwrap_or(host);
        let bare = bare.split('/').next().unwrap_or(bare);
        let bracketed_ipv6 = bare.starts_with('[');
        let without_port = if bracketed_ipv6 {
            bare.split_once(']').map_or(bare.to_string(), |(h, _)| format!("{h}]"))
        } else if bare.matches(':').count() == 1 {
            bare.split(':').next().unwrap_or(bare).to_string()
        } else {
            bare.to_string()
        };
        let what = if host.contains("://") {
            "a scheme"
        } else if host.contains('/') {
            "a path"
        } else if without_port != bare {
            "a port"
        } else {
            continue;
        };
        out.push(
            at_value(
                &ALLOWED_HOSTS_ENTRY,
                setting,
                entry,
                format!("the entry '{host}' has {what}, but Django compares entries with the bare host name, so it never matches and requests for that host get 400 Bad Request"),
            )
            .with_help(format!("write '{without_port}'")),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/allowed-hosts-entry",
            "4.7",
            "ALLOWED_HOSTS = ['netbox.internaldomain.com:8443']\n",
            1,
            "ALLOWED_HOSTS = ['[::1]', '.internaldomain.com', '*']\n",
        ),
        (
            "netbox/allowed-hosts-entry",
            "4.7",
            "ALLOWED_HOSTS = [\n    'https://netbox.internaldomain.com',\n]\n",
            2,
            "ALLOWED_HOSTS = ['192.0.2.10']\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::ALLOWED_HOSTS_ENTRY, CASES);
    }
}
