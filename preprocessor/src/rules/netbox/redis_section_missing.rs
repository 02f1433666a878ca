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
    fact: "netbox/netbox/settings.py of NetBox 4.6.8 (the vendored source, lines 373-374 and 394-395), of the 4.7.3 wheel (netbox/settings.py lines 385-386 and 406-407) and of the git tag v4.3.0 (lines 315-316 and 336-337): `if 'tasks' not in REDIS: raise ImproperlyConfigured(\"REDIS section in configuration.py is missing the 'tasks' subsection.\")`, then `if 'caching' not in REDIS: raise ImproperlyConfigured(\"REDIS section in configuration.py is missing caching subsection.\")` (worded differently, and checked second); facts §1.1 (REDIS is required). Older releases were not read, so the rule starts at 4.3",
    applies: Applies::netbox_since(4, 3, 0),
};

const SECTIONS: [&str; 2] = ["tasks", "caching"];

/// NetBox's own words when a section is missing, verbatim (4.6.8 and 4.7.3 `settings.py`; the
/// two messages are worded differently). `tasks` is checked first, so it is the one raised when
/// both are missing.
fn netbox_error(section: &str) -> &'static str {
    match section {
        "tasks" => "REDIS section in configuration.py is missing the 'tasks' subsection.",
        _ => "REDIS section in configuration.py is missing caching subsection.",
    }
}

pub fn redis_section_missing(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    // A REDIS changed in place later (`REDIS['caching'] = {…}`, `REDIS.update(…)`) has an
    // unknown value: the parser forgets what the literal said.
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
    let raised = netbox_error(missing[0]);
    out.push(Finding::in_block(
        &REDIS_SECTION_MISSING,
        setting.block,
        range,
        format!(
            "`REDIS` has no {missing_text} section{}{has}: NetBox stops at start-up with `ImproperlyConfigured: {raised}`, so it answers no request (a proxy in front of it answers 502 Bad Gateway)",
            if missing.len() > 1 { "s" } else { "" }
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of, findings};

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
        // A section added after the literal, by item or by method: the literal is not the value.
        (
            "netbox/redis-section-missing",
            "4.7",
            "REDIS = {'tasks': {}}\nREDIS_HOST = 'redis'\n",
            1,
            "REDIS = {'tasks': {'HOST': 'redis'}}\nREDIS['caching'] = {'HOST': 'redis', 'DATABASE': 1}\n",
        ),
        ("netbox/redis-section-missing", "4.7", "X = 1\n", 0, "REDIS = {'tasks': {}}\nREDIS.update(caching={'DATABASE': 1})\n"),
        ("netbox/redis-section-missing", "4.7", "X = 1\n", 0, "REDIS = {'tasks': {}}\nif True:\n    REDIS.setdefault('caching', {})\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::REDIS_SECTION_MISSING, CASES);
    }

    #[test]
    fn the_message_names_what_is_missing_and_what_is_there() {
        let (message, _) = finding_of("netbox/redis-section-missing", "REDIS = {'caches': {}}\n", "4.7");
        assert!(message.contains("no 'tasks' and 'caching' sections (it has 'caches')"), "{message}");
        assert!(message.contains("missing the 'tasks' subsection"), "{message}");
    }

    /// Each section's error is quoted as NetBox words it (4.6.8 `settings.py` lines 374 and 395):
    /// the caching one says "missing caching subsection", without "the" and quotes.
    #[test]
    fn netbox_s_own_words_are_quoted_per_section() {
        let message = |text: &str| {
            let got = findings(text, "4.7");
            got.into_iter().find(|(r, ..)| *r == "netbox/redis-section-missing").map(|(_, m, _)| m).unwrap()
        };
        let caching = message("REDIS = {'tasks': {}}\n");
        assert!(
            caching.contains("`ImproperlyConfigured: REDIS section in configuration.py is missing caching subsection.`"),
            "{caching}"
        );
        let tasks = message("REDIS = {'caching': {}}\n");
        assert!(
            tasks.contains("`ImproperlyConfigured: REDIS section in configuration.py is missing the 'tasks' subsection.`"),
            "{tasks}"
        );
    }
}
