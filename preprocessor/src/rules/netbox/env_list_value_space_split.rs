//! `netbox/env-list-value-space-split`: a netbox-docker list variable written as if its items
//! were separated by something other than a space.

use super::parameters::NETBOX;
use super::shared::{at_value, python_string};
use crate::finding::{Finding, Rule, Severity};
use crate::model::netbox::NetboxConfig;
use crate::parse::netbox::Setting;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A list variable of netbox-docker's environment whose value its space split breaks.
pub const ENV_LIST_VALUE_SPACE_SPLIT: Rule = Rule {
    id: "netbox/env-list-value-space-split",
    severity: Severity::Error,
    summary: "netbox-docker splits a list variable on spaces: a group name with a space (`authentik Admins`) becomes two names that match no group, and hosts or origins joined by commas stay one entry that matches nothing",
    help: "a netbox-docker list variable separates its items with spaces and cannot hold an item with a space: set a group list whose names have spaces in a configuration file instead (`configuration/extra.py`, read after configuration.py: `REMOTE_AUTH_SUPERUSER_GROUPS = ['authentik Admins']`), and separate hosts and origins with spaces, not commas",
    fact: "netbox-docker 3.0.2 configuration/configuration.py: `_AS_LIST = lambda value : list(filter(None, value.split(' ')))` (L46) for REMOTE_AUTH_DEFAULT_GROUPS, REMOTE_AUTH_SUPERUSER_GROUPS, REMOTE_AUTH_STAFF_GROUPS and CSRF_TRUSTED_ORIGINS (L292, L302, L304, L321), `environ.get('ALLOWED_HOSTS', '*').split(' ')` (L60). NetBox 4.6.8 netbox/authentication/__init__.py compares whole group names: `Group.objects.get(name=name)` for REMOTE_AUTH_DEFAULT_GROUPS (L272-277, L394-398), `set(user_groups) & set(superuser_groups)` in `_is_superuser` (L247-261). Authentik makes its administrators' group `authentik Admins` itself (blueprints/system/bootstrap.yaml `group_name: authentik Admins`, authentik/recovery/lib.py `create_admin_group`, 2025.12.4 and 2026.5.0-rc1). Django 6.0.8 (NetBox 4.6.8's pin): a request's host must match `host_validation_re` (django/http/request.py L35-37: letters, digits, dots, hyphens, or a bracketed IPv6 address, and a port), and an ALLOWED_HOSTS entry matches only by equality or as a `.suffix` (django/utils/http.py `is_same_domain`), so an entry with a comma matches no host; a CSRF_TRUSTED_ORIGINS entry without `*` matches only an equal Origin (django/middleware/csrf.py L182-183, L284), which holds no comma",
    applies: Applies::Always,
};

/// The group lists netbox-docker reads with `_AS_LIST`.
const GROUP_LISTS: [&str; 3] = ["REMOTE_AUTH_DEFAULT_GROUPS", "REMOTE_AUTH_SUPERUSER_GROUPS", "REMOTE_AUTH_STAFF_GROUPS"];

/// The lists whose entries can never hold a comma (host names and origins).
const COMMA_FREE_LISTS: [&str; 2] = ["ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS"];

/// The group Authentik makes for its administrators.
const AUTHENTIK_ADMINS: &str = "authentik Admins";

/// Group names longer than this many words are not looked for (each position of a value is
/// tried with each length up to it: linear in the value).
const MOST_WORDS: usize = 8;

pub fn env_list_value_space_split(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    // The groups a name with a space may be: Authentik's own, and those the blueprints make.
    let known: std::collections::HashSet<&str> = std::iter::once(AUTHENTIK_ADMINS)
        .chain(d.authentik.groups.iter().map(String::as_str))
        .filter(|g| g.contains(' ') && g.split(' ').count() <= MOST_WORDS)
        .collect();
    for setting in nb.settings() {
        let name = setting.name.as_str();
        let groups = GROUP_LISTS.contains(&name);
        if !(groups || COMMA_FREE_LISTS.contains(&name)) || !nb.is_from_environment(setting) {
            continue;
        }
        // Only what the target NetBox reads (REMOTE_AUTH_STAFF_GROUPS went in 4.5.0: another rule).
        if !NETBOX.reads(name, targets.netbox) {
            continue;
        }
        let Some(items) = setting.value.items() else { continue };
        let words: Vec<&str> = items.iter().filter_map(|i| i.as_str()).collect();
        if words.len() != items.len() {
            continue;
        }
        let (message, help) = if groups {
            match joined_group(&words, &known) {
                Some(group) => (
                    group_message(setting, group),
                    format!("set the list in a configuration file instead, which netbox-docker reads after its own (`configuration/extra.py`: `{name} = [{}]`), or give the group a name without spaces in Authentik", python_string(group)),
                ),
                None => continue,
            }
        } else {
            match words.iter().find(|w| w.contains(',')) {
                Some(entry) => (comma_message(name, entry), format!("separate the entries with spaces: `{name}={}`", entries(nb, setting, &words))),
                None => continue,
            }
        };
        out.push(at_value(&ENV_LIST_VALUE_SPACE_SPLIT, setting, &setting.value, message).with_help(help));
    }
}

/// Every entry of a host or origin list, separated by spaces: the variable's text as written (not
/// the split's items, to which netbox-docker adds `localhost` for ALLOWED_HOSTS), each word split
/// on commas, empty pieces dropped (`a.example, localhost 10.0.0.5` gives `a.example localhost
/// 10.0.0.5`).
fn entries(nb: &NetboxConfig, setting: &Setting, words: &[&str]) -> String {
    let text = nb
        .environment()
        .find(|var| var.block == setting.block && var.statement == setting.statement)
        .and_then(|var| var.value.as_str());
    let pieces: Vec<&str> = match text {
        Some(text) => text.split([' ', ',']).filter(|e| !e.is_empty()).collect(),
        None => words.iter().flat_map(|w| w.split(',')).filter(|e| !e.is_empty()).collect(),
    };
    pieces.join(" ")
}

/// The first known group name that the split cut into words (consecutive items that, joined by
/// one space, are that name).
fn joined_group<'a>(words: &[&str], known: &std::collections::HashSet<&'a str>) -> Option<&'a str> {
    if known.is_empty() {
        return None;
    }
    for start in 0..words.len() {
        let mut joined = String::from(words[start]);
        for word in words.iter().skip(start + 1).take(MOST_WORDS - 1) {
            joined.push(' ');
            joined.push_str(word);
            if let Some(group) = known.get(joined.as_str()) {
                return Some(group);
            }
        }
    }
    None
}

fn group_message(setting: &Setting, group: &str) -> String {
    let name = setting.name.as_str();
    let parts: Vec<String> = group.split(' ').map(|w| format!("'{w}'")).collect();
    let effect = match name {
        "REMOTE_AUTH_SUPERUSER_GROUPS" => format!("no member of '{group}' becomes a superuser"),
        "REMOTE_AUTH_STAFF_GROUPS" => format!("no member of '{group}' becomes staff"),
        _ => format!("new users are not put in '{group}' (NetBox logs `Group not found` for each part)"),
    };
    let whose = if group == AUTHENTIK_ADMINS { " (Authentik's own administrators' group)" } else { " (a group the blueprint makes)" };
    format!(
        "netbox-docker splits `{name}` on spaces, so the group '{group}'{whose} becomes {}; NetBox compares whole group names, so {effect}",
        parts.join(" and ")
    )
}

fn comma_message(name: &str, entry: &str) -> String {
    let effect = if name == "ALLOWED_HOSTS" {
        "matches no host, and requests for the hosts it lists get 400 Bad Request"
    } else {
        "matches no Origin, so none of the origins it lists is trusted (a POST from one that is not the host NetBox sees fails CSRF verification, 403)"
    };
    format!("netbox-docker splits `{name}` on spaces, not commas, so '{entry}' is one entry, which {effect}")
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_fires_in_chapter as assert_fires, assert_quiet_in_chapter as assert_quiet};
    use crate::rules::testing::diagnostics;

    const RULE: &str = "netbox/env-list-value-space-split";

    fn env(lines: &str) -> String {
        format!("# t\n\n```sh,check=env\n{lines}```\n")
    }

    #[test]
    fn authentiks_admin_group_in_a_group_list() {
        let chapter = env("REMOTE_AUTH_ENABLED=true\nREMOTE_AUTH_SUPERUSER_GROUPS=authentik Admins\n");
        assert_fires("netbox/env-list-value-space-split", &chapter, 2);
        // Among other groups, and as default groups.
        assert_fires("netbox/env-list-value-space-split", &env("REMOTE_AUTH_SUPERUSER_GROUPS=netbox-admins authentik Admins\n"), 1);
        assert_fires("netbox/env-list-value-space-split", &env("REMOTE_AUTH_DEFAULT_GROUPS=authentik Admins\n"), 1);
        // Groups without spaces, and two words that are no group anyone made.
        assert_quiet("netbox/env-list-value-space-split", &env("REMOTE_AUTH_SUPERUSER_GROUPS=netbox-admins authentik-admins\n"));
        assert_quiet("netbox/env-list-value-space-split", &env("REMOTE_AUTH_SUPERUSER_GROUPS=NetBox Admins\n"));
        // A configuration file that sets the list itself wins over the variable.
        let python = "```python,check=netbox,file=extra.py\nREMOTE_AUTH_SUPERUSER_GROUPS = ['authentik Admins']\n```\n";
        assert_quiet("netbox/env-list-value-space-split", &format!("{chapter}\n{python}"));
    }

    #[test]
    fn a_group_the_blueprint_makes() {
        let blueprint = "```yaml,check=authentik\nversion: 1\nentries:\n  - model: authentik_core.group\n    identifiers:\n      name: NetBox Admins\n```\n";
        let chapter = format!("{}\n{blueprint}", env("REMOTE_AUTH_SUPERUSER_GROUPS=NetBox Admins\n"));
        assert_fires("netbox/env-list-value-space-split", &chapter, 1);
        let other = format!("{}\n{blueprint}", env("REMOTE_AUTH_SUPERUSER_GROUPS=NetBox Operators\n"));
        assert_quiet("netbox/env-list-value-space-split", &other);
    }

    #[test]
    fn a_setting_the_target_netbox_no_longer_reads_is_left_to_setting_removed() {
        // REMOTE_AUTH_STAFF_GROUPS went in NetBox 4.5.0; the default target is newer.
        assert_quiet("netbox/env-list-value-space-split", &env("REMOTE_AUTH_STAFF_GROUPS=authentik Admins\n"));
        let mut settings = crate::config::Settings::default();
        settings.targets.netbox = "4.4".parse().unwrap();
        let found = diagnostics(&env("REMOTE_AUTH_STAFF_GROUPS=authentik Admins\n"), &settings);
        assert!(found.iter().any(|d| d.rule == RULE), "{found:#?}");
    }

    #[test]
    fn hosts_and_origins_joined_by_commas() {
        assert_fires("netbox/env-list-value-space-split", &env("ALLOWED_HOSTS=netbox.corp.example,ipam.corp.example\n"), 1);
        assert_fires(
            "netbox/env-list-value-space-split",
            &env("ALLOWED_HOSTS=netbox.corp.example\nCSRF_TRUSTED_ORIGINS=https://netbox.corp.example,https://ipam.corp.example\n"),
            2,
        );
        assert_quiet("netbox/env-list-value-space-split", &env("ALLOWED_HOSTS=netbox.corp.example ipam.corp.example\n"));
        // Written in Python, a comma separates the items of a list.
        assert_quiet(
            "netbox/env-list-value-space-split",
            "# t\n\n```python,check=netbox\nALLOWED_HOSTS = ['netbox.corp.example','ipam.corp.example']\n```\n",
        );
    }

    /// The help's first finding of the rule on `chapter`.
    fn help_of(chapter: &str) -> String {
        let found = diagnostics(chapter, &crate::config::Settings::default());
        found.iter().find(|d| d.rule == RULE).map(|d| d.help.to_string()).unwrap_or_else(|| panic!("no finding: {found:#?}"))
    }

    #[test]
    fn the_suggested_line_keeps_every_entry() {
        // A comma and a space between entries, and entries after the one with the comma: all of
        // them stay, and netbox-docker's own `localhost` is not added to the line.
        assert_eq!(
            help_of(&env("ALLOWED_HOSTS=netbox.example.com, localhost 10.0.0.5\n")),
            "separate the entries with spaces: `ALLOWED_HOSTS=netbox.example.com localhost 10.0.0.5`"
        );
        assert_eq!(
            help_of(&env("ALLOWED_HOSTS=a.corp.example,b.corp.example\n")),
            "separate the entries with spaces: `ALLOWED_HOSTS=a.corp.example b.corp.example`"
        );
        assert_eq!(
            help_of(&env("CSRF_TRUSTED_ORIGINS=\"https://a.corp.example, https://b.corp.example\"\n")),
            "separate the entries with spaces: `CSRF_TRUSTED_ORIGINS=https://a.corp.example https://b.corp.example`"
        );
    }

    #[test]
    fn a_group_name_in_the_suggested_python_is_a_valid_literal() {
        let blueprint = |name: &str| {
            format!("```yaml,check=authentik\nversion: 1\nentries:\n  - model: authentik_core.group\n    identifiers:\n      name: {name}\n```\n")
        };
        let chapter = format!("{}\n{}", env("REMOTE_AUTH_SUPERUSER_GROUPS=\"O'Brien Admins\"\n"), blueprint("\"O'Brien Admins\""));
        assert!(help_of(&chapter).contains("`REMOTE_AUTH_SUPERUSER_GROUPS = ['O\\'Brien Admins']`"), "{}", help_of(&chapter));
        let chapter = format!("{}\n{}", env("REMOTE_AUTH_SUPERUSER_GROUPS='Net\\Ops Admins'\n"), blueprint("'Net\\Ops Admins'"));
        assert!(help_of(&chapter).contains("`REMOTE_AUTH_SUPERUSER_GROUPS = ['Net\\\\Ops Admins']`"), "{}", help_of(&chapter));
    }

    #[test]
    fn the_message_names_the_parts_and_what_is_lost() {
        let found = diagnostics(
            &env("REMOTE_AUTH_SUPERUSER_GROUPS=authentik Admins\nALLOWED_HOSTS=a.corp.example,b.corp.example\n"),
            &crate::config::Settings::default(),
        );
        let messages: Vec<&str> = found.iter().filter(|d| d.rule == RULE).map(|d| d.message.as_str()).collect();
        let helps: Vec<&str> = found.iter().filter(|d| d.rule == RULE).map(|d| d.help.as_ref()).collect();
        assert_eq!(
            helps,
            [
                "set the list in a configuration file instead, which netbox-docker reads after its own (`configuration/extra.py`: `REMOTE_AUTH_SUPERUSER_GROUPS = ['authentik Admins']`), or give the group a name without spaces in Authentik",
                "separate the entries with spaces: `ALLOWED_HOSTS=a.corp.example b.corp.example`",
            ]
        );
        assert_eq!(
            messages,
            [
                "netbox-docker splits `REMOTE_AUTH_SUPERUSER_GROUPS` on spaces, so the group 'authentik Admins' (Authentik's own administrators' group) becomes 'authentik' and 'Admins'; NetBox compares whole group names, so no member of 'authentik Admins' becomes a superuser",
                "netbox-docker splits `ALLOWED_HOSTS` on spaces, not commas, so 'a.corp.example,b.corp.example' is one entry, which matches no host, and requests for the hosts it lists get 400 Bad Request",
            ]
        );
    }
}
