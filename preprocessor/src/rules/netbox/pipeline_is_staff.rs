//! `netbox/pipeline-is-staff`: `user.is_staff = …` on NetBox 4.5 and later.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `user.is_staff = …` on NetBox 4.5 and later.
pub const PIPELINE_IS_STAFF: Rule = Rule {
    id: "netbox/pipeline-is-staff",
    severity: Severity::Info,
    summary: "pipeline code sets `is_staff`, which NetBox's user model no longer has since 4.5",
    help: "drop the assignment; grant access with groups and permissions (or is_superuser)",
    fact: "facts §1.2 (v4.5.0 removed the is_staff field), §3.4 (the Authentik guide's set_roles)",
    applies: Applies::netbox_since(4, 5, 0),
};

pub fn pipeline_is_staff(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for write in d.netbox.attribute_writes.iter().filter(|w| w.attribute == "is_staff") {
        out.push(Finding::in_block(
            &PIPELINE_IS_STAFF,
            write.block,
            write.range.clone(),
            "NetBox 4.5 removed `is_staff` from its user model, so this assignment has no effect",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[(
        "netbox/pipeline-is-staff",
        "4.7",
        "def set_roles(response, user, backend, *args, **kwargs):\n    user.is_staff = True\n",
        2,
        "def set_roles(response, user, backend, *args, **kwargs):\n    user.is_superuser = True\n",
    )];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::PIPELINE_IS_STAFF, CASES);
    }
}
