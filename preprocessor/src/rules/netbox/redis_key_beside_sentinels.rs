//! `netbox/redis-key-beside-sentinels`: a key of a `REDIS` section that NetBox reads but does not
//! use once the section names Sentinels.
//!
//! ## What it does
//! In a section with a non-empty `SENTINELS` list, names the keys NetBox then leaves out of the
//! connection it builds: in `tasks`, `HOST`, `PORT`, `URL`, `SSL` and `INSECURE_SKIP_TLS_VERIFY`
//! (django-rq gets only the Sentinels, the service, the database and the credentials); in
//! `caching`, `HOST`, `PORT`, `URL` and `USERNAME` (the cache's location becomes
//! `<scheme>://<service>/<database>` with the password alone). One finding per section, on the
//! first such key, naming the others. A key at NetBox's default (`SSL: False`, an empty
//! `USERNAME`, `HOST: 'localhost'`, `PORT: 6379`) is left alone: it asks for nothing.
//!
//! ## Why is this bad?
//! What the key asks for does not happen: the task queue talks to Redis without TLS although
//! `SSL` is on, or the cache signs in without the ACL user.
//!
//! ## Example
//! `'tasks': {'SENTINELS': [('10.0.0.11', 26379)], 'SENTINEL_SERVICE': 'netbox', 'SSL': True}`.
//!
//! Use instead: no `SSL` beside the Sentinels (the section then says what NetBox does), or a
//! connection without Sentinels when TLS is needed. (Whether the section's `KWARGS`, which NetBox
//! 4.5.3 and later passes as the Redis client's arguments, reach a Sentinel connection was not
//! read, so it is not suggested.)

use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::{Value, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A section's key NetBox leaves unused beside Sentinels.
pub const REDIS_KEY_BESIDE_SENTINELS: Rule = Rule {
    id: "netbox/redis-key-beside-sentinels",
    severity: Severity::Warning,
    summary: "a `REDIS` section with `SENTINELS` also sets a key NetBox then does not use (tasks: HOST, PORT, URL, SSL, INSECURE_SKIP_TLS_VERIFY; caching: HOST, PORT, URL, USERNAME): what it asks for does not happen",
    help: "remove the key, so the section says what NetBox does; if the connection needs it (TLS, an ACL user), NetBox does not pass it beside Sentinels: connect without them",
    fact: "NetBox 4.6.8 netbox/netbox/settings.py L839-847: with TASKS_REDIS_USING_SENTINEL, RQ_PARAMS is {SENTINELS, MASTER_NAME, SOCKET_TIMEOUT, CONNECTION_KWARGS: socket_connect_timeout} updated with DB, USERNAME, PASSWORD and DEFAULT_TIMEOUT (L861-866): the tasks section's HOST, PORT, URL, SSL and INSECURE_SKIP_TLS_VERIFY go only into the other branches (L848-860); L415-419: with CACHING_REDIS_SENTINELS the cache's LOCATION becomes f'{proto}://{SENTINEL_SERVICE}/{DATABASE}' (SSL still chooses the scheme) and OPTIONS carry PASSWORD only, so HOST, PORT, URL and USERNAME (which the default URL carried, L397-406) are dropped. The same branches in 3.5.0 (settings.py L289-293, L646-667 of that tag), 4.0.3 and 4.7.0-beta1. Seen in netbox issue threads (Sentinels with TLS; a Sentinel cache with an ACL user)",
    applies: Applies::netbox_since(3, 5, 0),
};

/// The keys each section leaves unused beside Sentinels.
const TASKS_UNUSED: &[&str] = &["HOST", "PORT", "URL", "SSL", "INSECURE_SKIP_TLS_VERIFY"];
const CACHING_UNUSED: &[&str] = &["HOST", "PORT", "URL", "USERNAME"];

pub fn redis_key_beside_sentinels(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("REDIS") else { return };
    let ValueKind::Dict(sections) = &setting.value.kind else { return };
    for (name, unused) in [("tasks", TASKS_UNUSED), ("caching", CACHING_UNUSED)] {
        let Some((_, section)) = sections.iter().find(|(k, _)| k.as_str() == Some(name)) else { continue };
        let ValueKind::Dict(pairs) = &section.kind else { continue };
        let sentinels = pairs.iter().any(|(k, v)| k.as_str() == Some("SENTINELS") && v.items().is_some_and(|s| !s.is_empty()));
        if !sentinels {
            continue;
        }
        // A key at NetBox's default asks for nothing: `SSL: False`, an empty USERNAME, HOST
        // 'localhost', PORT 6379 (settings.py L376-377, L396-397, 4.6.8).
        let asks = |key: &str, value: &Value| {
            let default = match (key, &value.kind) {
                ("HOST", ValueKind::Str(host)) => host.eq_ignore_ascii_case("localhost"),
                ("PORT", ValueKind::Int(6379)) => true,
                ("PORT", ValueKind::Str(port)) => port == "6379",
                _ => false,
            };
            !default && value.truthy() != Some(false)
        };
        let keys: Vec<&(Value, Value)> =
            pairs.iter().filter(|(k, v)| k.as_str().is_some_and(|k| unused.contains(&k) && asks(k, v))).collect();
        let Some(((first, first_value), others)) = keys.split_first().map(|(f, o)| ((&f.0, &f.1), o)) else { continue };
        let named = |k: &Value| format!("`{}`", k.as_str().unwrap_or_default().escape_debug());
        let also = match others.len() {
            0 => String::new(),
            _ => format!(" (nor {})", others.iter().map(|(k, _)| named(k)).collect::<Vec<_>>().join(", ")),
        };
        let what = match name {
            "tasks" => "the task queue's connection takes only the Sentinels, the service, the database and the credentials",
            _ => "the cache's location becomes `<scheme>://<service>/<database>`, signed in with the password alone",
        };
        let mut finding = Finding::in_block(
            &REDIS_KEY_BESIDE_SENTINELS,
            setting.block,
            first.range.start..first_value.range.end.max(first.range.end),
            format!("with `SENTINELS` in `REDIS['{name}']`, NetBox does not use {}{also}: {what}", named(first)),
        );
        for (key, value) in others.iter().map(|p| (&p.0, &p.1)) {
            finding = finding.with_related(key.range.start..value.range.end.max(key.range.end), "not used either");
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // TLS asked for the task queue's Sentinel connection (netbox issue threads, Sentinels
        // with TLS); without Sentinels SSL is used
        (
            "netbox/redis-key-beside-sentinels",
            "4.6",
            "REDIS = {\n    'tasks': {\n        'SENTINELS': [('10.0.0.11', 26379)],\n        'SSL': True,\n        'INSECURE_SKIP_TLS_VERIFY': True,\n    },\n    'caching': {},\n}\n",
            4,
            "REDIS = {\n    'tasks': {\n        'HOST': 'redis',\n        'SSL': True,\n        'INSECURE_SKIP_TLS_VERIFY': True,\n    },\n    'caching': {'SENTINELS': [('10.0.0.11', 26379)], 'SSL': True},\n}\n",
        ),
        // the cache's ACL user beside Sentinels; USERNAME left empty asks for nothing
        (
            "netbox/redis-key-beside-sentinels",
            "4.6",
            "REDIS = {\n    'tasks': {},\n    'caching': {\n        'SENTINELS': [('kv1', 26379)],\n        'USERNAME': 'ipam',\n    },\n}\n",
            5,
            "REDIS = {\n    'tasks': {'SENTINELS': [('kv1', 26379)], 'USERNAME': 'ipam', 'SSL': False},\n    'caching': {'SENTINELS': [('kv1', 26379)], 'USERNAME': None},\n}\n",
        ),
        // an empty Sentinel list is no Sentinel connection
        (
            "netbox/redis-key-beside-sentinels",
            "4.6",
            "REDIS = {'tasks': {'SENTINELS': [('kv1', 26379)], 'HOST': 'kv1'}, 'caching': {}}\n",
            1,
            "REDIS = {'tasks': {'SENTINELS': [], 'HOST': 'kv1'}, 'caching': {}}\n",
        ),
        // NetBox's own defaults beside Sentinels (the example configuration's lines kept)
        (
            "netbox/redis-key-beside-sentinels",
            "4.6",
            "REDIS = {'tasks': {'SENTINELS': [('kv1', 26379)], 'PORT': 6380}, 'caching': {}}\n",
            1,
            "REDIS = {'tasks': {'SENTINELS': [('kv1', 26379)], 'HOST': 'localhost', 'PORT': 6379}, 'caching': {}}\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::REDIS_KEY_BESIDE_SENTINELS, CASES);
    }

    #[test]
    fn one_finding_per_section_names_every_unused_key() {
        let (message, _) = finding_of(
            "netbox/redis-key-beside-sentinels",
            "REDIS = {'tasks': {'SENTINELS': [('a', 1)], 'SSL': True, 'PORT': 6380}, 'caching': {}}\n",
            "4.6",
        );
        assert!(message.contains("does not use `SSL` (nor `PORT`)"), "{message}");
    }
}
