//! `netbox/pipeline-unbound-variable`: A pipeline step that swallows a missing claim and then uses it.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A pipeline step that swallows a missing claim and then uses it.
pub const PIPELINE_UNBOUND_VARIABLE: Rule = Rule {
    id: "netbox/pipeline-unbound-variable",
    severity: Severity::Warning,
    summary: "pipeline code catches `KeyError` (with `pass`, or carrying on) and then uses the variable the `try` was to bind",
    help: "give the variable a value before the `try` (for example `groups = []`), or return early in the `except`",
    fact: "facts §3.4 (the Authentik guide's add_groups/remove_groups/set_roles: UnboundLocalError when the groups claim is missing), §8 NBX-SOC-PIPELINE-UNBOUND-GROUPS",
    applies: Applies::Always,
};

pub fn pipeline_unbound_variable(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for used in &d.netbox.unguarded_uses {
        out.push(Finding::in_block(
            &PIPELINE_UNBOUND_VARIABLE,
            used.block,
            used.range.clone(),
            format!("when the claim is missing (the `profile` scope not granted, for example), the `except KeyError` above carries on with `{}` never assigned, and this line raises `UnboundLocalError` during the login", used.name),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const FIRES: &str = "def add_groups(response, user, backend, *args, **kwargs):\n    try:\n        groups = response['groups']\n    except KeyError:\n        pass\n    for name in groups:\n        print(name)\n";
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/pipeline-unbound-variable",
            "4.7",
            FIRES,
            6,
            "def add_groups(response, user, backend, *args, **kwargs):\n    groups = []\n    try:\n        groups = response['groups']\n    except KeyError:\n        return\n    for name in groups:\n        print(name)\n",
        ),
        // The help's own fix alone: a value before the `try`, the handler carrying on.
        (
            "netbox/pipeline-unbound-variable",
            "4.7",
            FIRES,
            6,
            "def add_groups(response, user, backend, *args, **kwargs):\n    groups = []\n    try:\n        groups = response['groups']\n    except KeyError:\n        pass\n    for name in groups:\n        print(name)\n",
        ),
        // A parameter is bound before the `try` too.
        (
            "netbox/pipeline-unbound-variable",
            "4.7",
            FIRES,
            6,
            "def add_groups(response, user, backend, groups=(), *args, **kwargs):\n    try:\n        groups = response['groups']\n    except KeyError:\n        pass\n    for name in groups:\n        print(name)\n",
        ),
        // Bound only by an earlier swallowing `try`: still unbound when both fail.
        (
            "netbox/pipeline-unbound-variable",
            "4.7",
            "def add_groups(response, user, backend, *args, **kwargs):\n    try:\n        groups = response['groups']\n    except KeyError:\n        pass\n    try:\n        groups = response['roles']\n    except KeyError:\n        pass\n    for name in groups:\n        print(name)\n",
            10,
            "def add_groups(response, user, backend, *args, **kwargs):\n    groups = []\n    try:\n        groups = response['groups']\n    except KeyError:\n        pass\n    try:\n        groups = response['roles']\n    except KeyError:\n        pass\n    for name in groups:\n        print(name)\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::PIPELINE_UNBOUND_VARIABLE, CASES);
    }
}
