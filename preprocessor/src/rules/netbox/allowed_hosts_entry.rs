//! `netbox/allowed-hosts-entry`: An `ALLOWED_HOSTS` entry with a scheme, port, path or network range (also
//! linuxserver's `ALLOWED_HOST`, which its image writes into `ALLOWED_HOSTS` as one entry).

use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// An `ALLOWED_HOSTS` entry with a scheme, port, path or network range.
pub const ALLOWED_HOSTS_ENTRY: Rule = Rule {
    id: "netbox/allowed-hosts-entry",
    severity: Severity::Error,
    summary: "an `ALLOWED_HOSTS` entry (or linuxserver's `ALLOWED_HOST`) with a scheme, a port, a path or a network range, which never matches",
    help: "write the bare host name, without scheme, port or path",
    fact: "facts §1.1, §4 (Django compares the host without port, lower-cased, with each entry; `https://x` never matches); linuxserver/docker-netbox c710945 root/defaults/configuration.py L11 (`ALLOWED_HOSTS = ['{{ALLOWED_HOST}}']`) and init-netbox-config/run (the value put in by sed), seen in tests/realworld/tuning/t197-… (`ALLOWED_HOST=198.51.100.0/24`)",
    applies: Applies::Always,
};

pub fn allowed_hosts_entry(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(setting) = nb.get("ALLOWED_HOSTS") else {
        // linuxserver's image writes `ALLOWED_HOSTS = ['{{ALLOWED_HOST}}']` from its variable, the
        // value one entry whole (corpus case t197: a network range).
        if nb.renders_linuxserver_configuration()
            && let Some(var) = nb.linuxserver_variable("ALLOWED_HOST")
            && let Some(host) = var.value.as_str()
            && let Some((what, bare)) = flaw(host)
        {
            out.push(
                at_value(
                    &ALLOWED_HOSTS_ENTRY,
                    var,
                    &var.value,
                    format!("linuxserver's image writes this value into `ALLOWED_HOSTS` as one entry, '{}', which has {what}; Django compares entries with the bare host name, so it never matches and requests get 400 Bad Request", host.escape_debug()),
                )
                .with_help(match bare {
                    Some(bare) => format!("write `ALLOWED_HOST={}`, the host name browsers use", bare.escape_debug()),
                    None => "write the host name or address browsers use, or `*` (any host)".to_string(),
                }),
            );
        }
        return;
    };
    for entry in setting.value.items().unwrap_or_default() {
        let Some(host) = entry.as_str() else { continue };
        let Some((what, without_port)) = flaw(host) else { continue };
        out.push(
            at_value(
                &ALLOWED_HOSTS_ENTRY,
                setting,
                entry,
                format!("the entry '{}' has {what}, but Django compares entries with the bare host name, so it never matches and requests for that host get 400 Bad Request", host.escape_debug()),
            )
            .with_help(match without_port {
                Some(bare) => format!("write '{}'", bare.escape_debug()),
                None => "write the host names or addresses browsers use, or '*' (any host)".to_string(),
            }),
        );
    }
}

/// What an entry has besides a host (a scheme, a path, a port, a network range), with the bare
/// host to write instead (none for a range: the network's own address is no host to suggest).
fn flaw(host: &str) -> Option<(&'static str, Option<String>)> {
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
    // `192.0.2.0/24`: Django knows no ranges.
    let range = host.split_once('/').is_some_and(|(address, bits)| {
        address.parse::<std::net::IpAddr>().is_ok() && !bits.is_empty() && bits.bytes().all(|b| b.is_ascii_digit())
    });
    let what = if host.contains("://") {
        "a scheme"
    } else if range {
        return Some(("a network range (Django knows none)", None));
    } else if host.contains('/') {
        "a path"
    } else if without_port != bare {
        "a port"
    } else {
        return None;
    };
    Some((what, Some(without_port)))
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

    /// t197's shape: linuxserver's image given a network range; a host name is right, and a
    /// configuration.py shown (the image then writes none) decides instead.
    #[test]
    fn linuxservers_allowed_host_is_one_entry() {
        use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};
        let project = |host: &str| {
            format!("# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: lscr.io/linuxserver/netbox:4.4.1\n    environment:\n      - ALLOWED_HOST={host}\n```\n")
        };
        assert_fires_linted("netbox/allowed-hosts-entry", &project("198.51.100.0/24"), 5);
        assert_fires_linted("netbox/allowed-hosts-entry", &project("https://netbox.example.org"), 5);
        assert_quiet_linted("netbox/allowed-hosts-entry", &project("netbox.example.org"));
        let found = crate::rules::testing::linted("netbox/allowed-hosts-entry", &project("198.51.100.0/24"));
        assert!(found[0].1.contains("a network range (Django knows none)"), "{found:?}");
        let shown = format!("{}\n```python,check=netbox,file=configuration.py\nALLOWED_HOSTS = ['netbox.example.org']\n```\n", project("198.51.100.0/24"));
        assert_quiet_linted("netbox/allowed-hosts-entry", &shown);
    }
}
