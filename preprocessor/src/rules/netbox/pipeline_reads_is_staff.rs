//! `netbox/pipeline-reads-is-staff`: code that reads `user.is_staff` on NetBox 4.5 and later.

use std::collections::{HashMap, HashSet};

use crate::finding::{BlockId, Finding, Rule, Severity};
use crate::parse::netbox::AttributeAccess;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// Code that reads `is_staff`, which NetBox's user model no longer has.
pub const PIPELINE_READS_IS_STAFF: Rule = Rule {
    id: "netbox/pipeline-reads-is-staff",
    severity: Severity::Error,
    summary: "pipeline code reads `is_staff` (`if user.is_staff != is_admin:`), which NetBox's user model no longer has since 4.5: `AttributeError`, and the sign-on fails",
    help: "stop reading `is_staff`: decide from the groups claim alone, and grant access with groups and permissions (or is_superuser)",
    fact: "facts §1.2 (v4.5.0 removed the is_staff field: users migration 0013_user_remove_is_staff); NetBox 4.6.8 netbox/users/models/users.py `class User(AbstractBaseUser, PermissionsMixin)` defines no is_staff, and neither Django base class does (Django's AbstractUser, which NetBox no longer uses, is where is_staff lives), so reading it raises AttributeError",
    applies: Applies::netbox_since(4, 5, 0),
};

pub fn pipeline_reads_is_staff(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let is_staff = |a: &&AttributeAccess| a.attribute == "is_staff";
    // Code that probes first (`hasattr(user, 'is_staff') and user.is_staff`) is written for both
    // sides of 4.5; after `user.is_staff = …` the instance has the attribute, so reading it works.
    // Both are looked up per block, once: linear however many reads and writes there are.
    let probed: HashSet<BlockId> = nb.attribute_probes.iter().filter(is_staff).map(|p| p.block).collect();
    let mut first_write: HashMap<BlockId, usize> = HashMap::new();
    for write in nb.attribute_writes.iter().filter(is_staff) {
        let at = first_write.entry(write.block).or_insert(write.range.start);
        *at = (*at).min(write.range.start);
    }
    for read in nb.attribute_reads.iter().filter(is_staff) {
        if probed.contains(&read.block) || first_write.get(&read.block).is_some_and(|&at| at < read.range.start) {
            continue;
        }
        out.push(Finding::in_block(
            &PIPELINE_READS_IS_STAFF,
            read.block,
            read.range.clone(),
            "NetBox 4.5 removed `is_staff` from its user model, so reading it raises `AttributeError` and every sign-on through this step fails",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // A role step that compares before it writes (netbox-chart's Python extraConfig, corpus
        // case h48); writing alone is netbox/pipeline-is-staff's.
        (
            "netbox/pipeline-reads-is-staff",
            "4.7",
            "def roles(user=None, response=None, *args, **kwargs):\n    is_admin = 'admins' in response.get('groups', [])\n    if user.is_staff != is_admin:\n        user.is_superuser = is_admin\n",
            3,
            "def roles(user=None, response=None, *args, **kwargs):\n    is_admin = 'admins' in response.get('groups', [])\n    user.is_staff = is_admin\n    user.is_superuser = is_admin\n",
        ),
        // Written before it is read (the instance then has it), or probed first: no error.
        (
            "netbox/pipeline-reads-is-staff",
            "4.7",
            "X = 1\n",
            0,
            "def roles(user=None, *args, **kwargs):\n    user.is_staff = False\n    print(user.is_staff)\n",
        ),
        (
            "netbox/pipeline-reads-is-staff",
            "4.7",
            "X = 1\n",
            0,
            "def roles(user=None, *args, **kwargs):\n    return hasattr(user, 'is_staff') and user.is_staff\n",
        ),
        // Before 4.5 the field exists.
        ("netbox/pipeline-reads-is-staff", "4.4", "X = 1\n", 0, "def roles(user=None, *args, **kwargs):\n    return user.is_staff\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::PIPELINE_READS_IS_STAFF, CASES);
    }
}
