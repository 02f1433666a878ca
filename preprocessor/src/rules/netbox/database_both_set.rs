//! `netbox/database-both-set`: `DATABASE` and `DATABASES` in the same configuration.

use super::shared::at_statement;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `DATABASE` and `DATABASES` both set: NetBox refuses to start.
pub const DATABASE_BOTH_SET: Rule = Rule {
    id: "netbox/database-both-set",
    severity: Severity::Error,
    summary: "`DATABASE` (the legacy form) and `DATABASES` are both set, which NetBox 4.3 and later refuse at start-up",
    help: "keep one: move the connection details into DATABASES = {'default': {…}} and delete the DATABASE block (an installer that appends DATABASE to a copy of configuration_example.py, which already has DATABASES, makes this)",
    fact: "facts §1.1 (DATABASE or DATABASES, exactly one, since v4.3.0); NetBox 4.6.8 and 4.7.3 netbox/settings.py: `elif hasattr(configuration, 'DATABASE') and hasattr(configuration, 'DATABASES'): raise ImproperlyConfigured(\"DATABASE and DATABASES may not be set together. …\")`",
    applies: Applies::netbox_since(4, 3, 0),
};

pub fn database_both_set(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    // Presence is enough: NetBox checks hasattr(), whatever the values are (also unknown ones).
    // But both must certainly be there: a name bound in conditional code (`if …: DATABASES = …
    // else: DATABASE = …`) may be absent, and a `del` unbinds it.
    let (Some(legacy), Some(_)) = (d.netbox.surely_set("DATABASE"), d.netbox.surely_set("DATABASES")) else {
        return;
    };
    out.push(at_statement(
        &DATABASE_BOTH_SET,
        legacy,
        "`DATABASE` and `DATABASES` are both set: NetBox stops at start-up with `ImproperlyConfigured: DATABASE and DATABASES may not be set together.`, so it answers no request (a proxy in front of it answers 502 Bad Gateway)".into(),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    const BOTH: &str = "DATABASES = {'default': {'NAME': 'netbox', 'USER': ''}}\nSECRET_KEY = 'x'\nDATABASE = {\n    'NAME': 'netbox',\n    'USER': 'netbox',\n}\n";

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // The legacy block appended after the example's DATABASES: the finding is on it.
        ("netbox/database-both-set", "4.6", BOTH, 3, "DATABASE = {\n    'NAME': 'netbox',\n}\n"),
        // Values from the environment are still two settings.
        (
            "netbox/database-both-set",
            "4.7",
            "import os\nDATABASE = {'NAME': os.environ.get('DB')}\nDATABASES = {'default': {'NAME': os.environ.get('DB')}}\n",
            2,
            "DATABASES = {'default': {'NAME': 'netbox'}}\n",
        ),
        // Before 4.3 NetBox read only DATABASE: a DATABASES beside it was ignored, not refused.
        ("netbox/database-both-set", "4.2", "X = 1\n", 0, BOTH),
        // One or the other, chosen at start-up: hasattr() sees only one of them.
        (
            "netbox/database-both-set",
            "4.7",
            "import os\nif os.environ.get('DB_URL'):\n    DATABASE = {}\nDATABASE = {'NAME': 'netbox'}\nDATABASES = {}\n",
            4,
            "import os\nif os.environ.get('DB_URL'):\n    DATABASES = {'default': {}}\nelse:\n    DATABASE = {'NAME': 'netbox'}\n",
        ),
        // A conditional rebinding of a name set above leaves it set.
        (
            "netbox/database-both-set",
            "4.7",
            "DATABASE = {}\nfor key in ('NAME',):\n    DATABASE = {key: 'x'}\nDATABASES = {}\n",
            3,
            "DATABASE = {}\nDATABASES = {}\nif True:\n    del DATABASE\n",
        ),
        // The legacy block deleted once converted: only DATABASES is left.
        (
            "netbox/database-both-set",
            "4.7",
            "DATABASE = {'NAME': 'netbox'}\ndel DATABASE\nDATABASE = {}\nDATABASES = {'default': {}}\n",
            3,
            "DATABASE = {'NAME': 'netbox'}\nDATABASES = {'default': DATABASE}\ndel DATABASE\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::DATABASE_BOTH_SET, CASES);
    }
}
