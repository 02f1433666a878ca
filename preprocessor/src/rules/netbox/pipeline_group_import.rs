//! `netbox/pipeline-group-import`: Django's own Group model in pipeline code on NetBox 4.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// Django's own Group model in pipeline code on NetBox 4.
pub const PIPELINE_GROUP_IMPORT: Rule = Rule {
    id: "netbox/pipeline-group-import",
    severity: Severity::Error,
    summary: "pipeline code reads or makes groups with `django.contrib.auth.models.Group` (`Group.objects…`, `Group(…)`) on NetBox 4.0 or later, where NetBox has its own group model",
    help: "import NetBox's model: from netbox.authentication import Group",
    fact: "facts §3.4 (the Authentik guide switched to netbox.authentication.Group for NetBox 4.0), §9 (NetBox 4.0 custom users.Group model)",
    applies: Applies::netbox_since(4, 0, 0),
};

pub fn pipeline_group_import(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    // `try: from users.models import Group` / `except ImportError: from django… import Group`:
    // the file imports NetBox's model, and Django's only where NetBox's is missing (not NetBox).
    let with_netbox_group: std::collections::HashSet<_> = d
        .netbox
        .imports
        .iter()
        .filter(|i| i.name == "Group" && (i.module.starts_with("users.") || i.module == "users" || i.module.starts_with("netbox.")))
        .map(|i| i.block)
        .collect();
    let netbox_group = |block| with_netbox_group.contains(&block);
    // Only a file that reads or makes groups with it: one that names the class alone
    // (`except Group.DoesNotExist:`) makes no group (found by a false-finding hunt of
    // 2026-12-02 on a Keycloak pipeline whose group code was commented out).
    let uses: std::collections::HashSet<(&str, _)> =
        d.netbox.model_uses.iter().map(|(name, block)| (name.as_str(), *block)).collect();
    let used = |import: &crate::parse::netbox::Import| uses.contains(&(import.bound.as_str(), import.block));
    for import in &d.netbox.imports {
        if import.module == "django.contrib.auth.models" && import.name == "Group" && !netbox_group(import.block) && used(import) {
            out.push(Finding::in_block(
                &PIPELINE_GROUP_IMPORT,
                import.block,
                import.range.clone(),
                format!("NetBox {} keeps groups in its own model (`users.Group`); groups made with `django.contrib.auth.models.Group` are not NetBox groups, so users silently get none", targets.netbox),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/pipeline-group-import",
            "4.7",
            "def add_groups(response, user, backend, *args, **kwargs):\n    from django.contrib.auth.models import Group\n    group, _ = Group.objects.get_or_create(name='staff')\n",
            2,
            "from netbox.authentication import Group\n",
        ),
        ("netbox/pipeline-group-import", "3.7", "X = 1\n", 0, "from django.contrib.auth.models import Group\n"),
        // Django's model only as the fallback of NetBox's (corpus case t110).
        (
            "netbox/pipeline-group-import",
            "4.7",
            "X = 1\n",
            0,
            "try:\n    from users.models import Group\nexcept ModuleNotFoundError:\n    from django.contrib.auth.models import Group\n",
        ),
    ];

    /// The class named, never used to read or make a group: no group is lost; an alias used so
    /// is found.
    #[test]
    fn only_where_the_model_makes_or_reads_groups() {
        use crate::rules::netbox::testing::assert_cases_in;
        let named_only = "from django.contrib.auth.models import Group\n\ndef set_role(response, user, backend, *args, **kwargs):\n    try:\n        user.is_superuser = 'admins' in response.get('roles', [])\n    except Group.DoesNotExist:\n        pass\n";
        let alias = "from django.contrib.auth.models import Group as DjangoGroup\n\ndef add(user):\n    user.groups.add(DjangoGroup.objects.get(name='staff'))\n";
        assert_cases_in(
            &super::PIPELINE_GROUP_IMPORT,
            "custom_pipeline.py",
            &[("netbox/pipeline-group-import", "4.7", alias, 1, named_only)],
        );
    }

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::PIPELINE_GROUP_IMPORT, CASES);
    }
}
