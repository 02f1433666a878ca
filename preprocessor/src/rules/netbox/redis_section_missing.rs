//! `netbox/redis-section-missing`: a `REDIS` dictionary without `tasks` or `caching`.

use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A `REDIS` without the `tasks` or `caching` section: NetBox refuses to start.
pub const REDIS_SECTION_MISSING: Rule = Rule {
    id: "netbox/redis-section-missing",
    severity: Severity::Error,
    summary: "`REDIS` lacks the `tasks` or the `caching` section, which NetBox requires at start-up",
    help: "give REDIS both sections: REDIS = {'tasks': {'HOST': 'localhost', 'PORT': 6379, 'DATABASE': 0}, 'caching': {'HOST': 'localhost', 'PORT': 6379, 'DATABASE': 1}}",
    fact: "netbox/settings.py of NetBox 4.6.8, 4.7.0 and 4.7.3 and of a 4.3/4.4 copy (the NetBox charm's vendored netbox/netbox/netbox/settings.py, which reads both DATABASES and ALLOW_TOKEN_RETRIEVAL): `if 'tasks' not in REDIS: raise ImproperlyConfigured(\"REDIS section in configuration.py is missing the 'tasks' subsection.\")`, the same for 'caching'; facts §1.1 (REDIS is required). Older releases were not read, so the rule starts at 4.3",
    applies: Applies::netbox_since(4, 3, 0),
};

const SECTIONS: [&str; 2] = ["tasks", "caching"];

pub fn redis_section_missing(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("REDIS") else { return };
    let ValueKind::Dict(entries) = &setting.value.kind else { return };
    // Every key must be a known string: a computed key may be the missing section.
    let Some(keys) = entries.iter().map(|(key, _)| key.as_str().map(|k| (k, key))).collect::<Option<Vec<_>>>() else {
        return;
    };
    let missing: Vec<&str> = SECTIONS.into_iter().filter(|s| !keys.iter().any(|(k, _)| k == s)).collect();
    if missing.is_empty() {
        return;
    }
    let missing_text = missing.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(" and ");
    let others: Vec<_> = keys.iter().filter(|(k, _)| !SECTIONS.contains(k)).collect();
    let (range, has) = match others.first() {
        // On the section that is there instead, where the fix goes (a renamed or misspelt key).
        Some((_, key)) => {
            let names = others.iter().map(|(k, _)| format!("'{k}'")).collect::<Vec<_>>().join(", ");
            (key.range.clone(), format!(" (it has {names})"))
        }
        None => (setting.value.range.clone(), String::new()),
    };
    let first = missing[0];
    out.push(Finding::in_block(
        &REDIS_SECTION_MISSING,
        setting.block,
        range,
        format!(
            "`REDIS` has no {missing_text} section{}{has}: NetBox stops at start-up with `ImproperlyConfigured: REDIS section in configuration.py is missing the '{first}' subsection.`, and nginx answers 502 Bad Gateway",
            if missing.len() > 1 { "s" } else { "" }
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, findings};

    const BOTH: &str = "REDIS = {\n    'tasks': {'HOST': 'localhost', 'DATABASE': 0},\n    'caching': {'HOST': 'localhost', 'DATABASE': 1},\n}\n";

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // A Django-style cache block in place of NetBox's two sections: on the key to rename.
        (
            "netbox/redis-section-missing",
            "4.6",
            "REDIS = {\n    'caches': {\n        'default': {'HOST': 'localhost'},\n    }\n}\n",
            2,
            BOTH,
        ),
        // Only one of the two.
        ("netbox/redis-section-missing", "4.7", "REDIS = {'tasks': {'HOST': 'localhost'}}\n", 1, BOTH),
        // A key computed at run time may be the missing section: nothing is said.
        ("netbox/redis-section-missing", "4.7", "X = 1\n", 0, "import os\nREDIS = {os.environ['K']: {}, 'tasks': {}}\n"),
        // Not a literal dictionary (built elsewhere): unknown.
        ("netbox/redis-section-missing", "4.7", "X = 1\n", 0, "import os\nREDIS = os.environ.get('REDIS')\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::REDIS_SECTION_MISSING, CASES);
    }

    #[test]
    fn the_message_names_what_is_missing_and_what_is_there() {
        let got = findings("REDIS = {'caches': {}}\n", "4.7");
        let (_, message, _) = got.iter().find(|(r, ..)| *r == "netbox/redis-section-missing").unwrap();
        assert!(message.contains("no 'tasks' and 'caching' sections (it has 'caches')"), "{message}");
        assert!(message.contains("missing the 'tasks' subsection"), "{message}");
    }
}
