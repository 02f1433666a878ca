//! `netbox/database-engine-not-postgresql`: an `ENGINE` for another database than PostgreSQL.

use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::{Value, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The database's `ENGINE` names a backend other than PostgreSQL's.
pub const DATABASE_ENGINE_NOT_POSTGRESQL: Rule = Rule {
    id: "netbox/database-engine-not-postgresql",
    severity: Severity::Error,
    summary: "The database `ENGINE` is not PostgreSQL (SQLite, MySQL, …), which NetBox does not support",
    help: "remove the 'ENGINE' line (NetBox then uses django.db.backends.postgresql) and give the connection details of a PostgreSQL database",
    fact: "NetBox's netbox/settings.py sets the PostgreSQL engine only when ENGINE is absent, from 3.5.1 on (`if 'ENGINE' not in DATABASE:  # Only PostgreSQL is supported`; 3.5.0 and older overwrote it), so a configured engine is used: 3.6.6 L200-209, 4.6.8 L293-297 (DATABASES['default']); docs/installation/1-postgresql.md (3.6.6): \"NetBox requires PostgreSQL 12 or later. Please note that MySQL and other relational databases are **not** supported.\"; NetBox's models use django.contrib.postgres (ArrayField, ipam/models/services.py in 3.6.6 and 4.6.8) and, in 4.6.8, the ICU collation natural_sort that only PostgreSQL's CreateCollation makes (dcim/migrations/0197_natural_sort_collation.py)",
    applies: Applies::netbox_since(3, 5, 1),
};

pub fn database_engine_not_postgresql(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    // The legacy form is the connection itself; DATABASES holds it under 'default'.
    for (name, nested) in [("DATABASE", None), ("DATABASES", Some("default"))] {
        let Some(setting) = d.netbox.get(name) else { continue };
        let connection = match nested {
            None => Some(&setting.value),
            Some(key) => entry(&setting.value, key),
        };
        let Some(engine) = connection.and_then(|c| entry(c, "ENGINE")) else { continue };
        // Only a known string is judged: an engine from the environment is unknown.
        let Some(text) = engine.as_str() else { continue };
        if text.contains("postgresql") || text.contains("postgis") {
            continue;
        }
        out.push(Finding::in_block(
            &DATABASE_ENGINE_NOT_POSTGRESQL,
            setting.block,
            engine.range.clone(),
            format!(
                "`{name}` uses the engine '{text}': NetBox supports only PostgreSQL, and its migrations and queries rely on PostgreSQL's fields and collations, so `manage.py migrate` does not complete"
            ),
        ));
    }
}

/// The value under a string key of a literal dictionary.
fn entry<'v>(value: &'v Value, key: &str) -> Option<&'v Value> {
    let ValueKind::Dict(entries) = &value.kind else { return None };
    entries.iter().find(|(k, _)| k.as_str() == Some(key)).map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    const POSTGRES: &str = "DATABASE = {\n    'ENGINE': 'django.db.backends.postgresql',\n    'NAME': 'netbox',\n}\n";

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // A single-server script's SQLite file in the legacy form: on the engine line.
        (
            "netbox/database-engine-not-postgresql",
            "3.6",
            "DATABASE = {\n    'ENGINE': 'django.db.backends.sqlite3',\n    'NAME': '/srv/netbox/netbox.db',\n}\n",
            2,
            POSTGRES,
        ),
        // The same under DATABASES['default'] (4.3 and later); the metrics engine is PostgreSQL's.
        (
            "netbox/database-engine-not-postgresql",
            "4.7",
            "DATABASES = {'default': {\n    'NAME': 'netbox',\n    'ENGINE': 'django.db.backends.mysql',\n}}\n",
            3,
            "DATABASES = {'default': {'ENGINE': 'django_prometheus.db.backends.postgresql', 'NAME': 'netbox'}}\n",
        ),
        // No engine (NetBox fills in PostgreSQL's), or one from the environment: nothing is said.
        ("netbox/database-engine-not-postgresql", "4.6", "X = 1\n", 0, "DATABASE = {'NAME': 'netbox'}\n"),
        ("netbox/database-engine-not-postgresql", "4.6", "X = 1\n", 0, "import os\nDATABASE = {'ENGINE': os.environ.get('DB_ENGINE'), 'NAME': 'netbox'}\n"),
        // Before 3.5.1 NetBox overwrote any ENGINE with PostgreSQL's: the line had no effect.
        ("netbox/database-engine-not-postgresql", "3.4", "X = 1\n", 0, "DATABASE = {'ENGINE': 'django.db.backends.sqlite3'}\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::DATABASE_ENGINE_NOT_POSTGRESQL, CASES);
    }
}
