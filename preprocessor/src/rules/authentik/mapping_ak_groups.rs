//! `authentik/mapping-ak-groups`: `ak_groups` in a scope mapping, on Authentik 2026.2 or later.
//!
//! ## What it does
//! Finds `ak_groups` in a scope mapping's expression when the book targets Authentik 2026.2 or later.
//!
//! ## Why is this bad?
//! Authentik 2026.2 made a user's groups `User.groups` and deprecated `User.ak_groups`: it still
//! returns the same groups, but every use logs a warning, a `configuration_warning` event names the
//! mapping (one per mapping, kept 30 days), and the property is marked for removal ("remove this after 2026", authentik/core/models.py of
//! 2026.5.0-rc1). Before 2026.2 it is the right name: there `request.user.groups` is Django's own
//! group relation, not Authentik's groups.
//!
//! ## Example
//! `return {"groups": [g.name for g in request.user.ak_groups.all()]}`
//!
//! Use instead (2026.2 and later): `return {"groups": [g.name for g in request.user.groups.all()]}`

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Product, Targets, Version};

/// `ak_groups` in a scope mapping.
pub const MAPPING_AK_GROUPS: Rule = Rule {
    id: "authentik/mapping-ak-groups",
    severity: Severity::Warning,
    summary: "a scope mapping expression uses `request.user.ak_groups`, deprecated since Authentik 2026.2",
    help: "use `request.user.groups.all()`, as Authentik's built-in profile mapping does from 2026.2 on (on 2025.12 and earlier keep `ak_groups`: `groups` is Django's relation there)",
    fact: "Authentik 2026.2 release notes (\"User.ak_groups has been deprecated … will create a configuration warning event\"); authentik/core/models.py (2025.12.4: ak_groups is the relation; 2026.5.0-rc1: groups is, ak_groups a deprecated property); blueprints/system/providers-oauth2.yaml (the profile mapping moved from ak_groups to groups)",
    applies: Applies::Range { product: Product::Authentik, since: Some(Version::new(2026, 2, 0)), before: None },
};

pub fn mapping_ak_groups(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for mapping in &d.authentik.scope_mappings {
        if let Some((expression, range)) = &mapping.expression
            && expression.contains(".ak_groups")
        {
            out.push(Finding::in_block(
                &MAPPING_AK_GROUPS,
                mapping.block,
                call_range(mapping.expression_source.as_deref(), range),
                "this expression uses `ak_groups`, deprecated since Authentik 2026.2: it still returns the groups, but each use logs a warning, Authentik records a configuration-warning event naming this mapping, and the property is marked for removal",
            ));
        }
    }
}

/// Where the finding goes: the first `ak_groups` as written in the block, so that a mapping of
/// several lines is marked on the line of the call (issue 12: a finding on the first line of an
/// expression instead of the line with the offending call); the whole expression when the
/// written text does not hold it (an escape in a quoted scalar).
fn call_range(source: Option<&str>, range: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    const NAME: &str = "ak_groups";
    match source.and_then(|s| s.find(".ak_groups")) {
        Some(at) => {
            let start = range.start + at + 1;
            start..start + NAME.len()
        }
        None => range.clone(),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{BLUEPRINT, NETBOX, NGINX, assert_fires, assert_quiet};

    #[test]
    fn mapping_ak_groups() {
        let b = format!(
            "{BLUEPRINT}  - model: authentik_providers_oauth2.scopemapping\n    identifiers:\n      name: NetBox roles\n    attrs:\n      scope_name: roles\n      expression: |\n        return {{'roles': [g.name for g in request.user.ak_groups.all()]}}\n"
        );
        assert_fires("authentik/mapping-ak-groups", (NETBOX, NGINX, &b), "request.user.ak_groups");
        // A mapping of several lines is marked on the line of the call, not on its first line
        // (seen on a Terraform-made profile mapping, tests/realworld/tuning/t48-…).
        let long = format!(
            "{BLUEPRINT}  - model: authentik_providers_oauth2.scopemapping\n    identifiers:\n      name: NetBox profile\n    attrs:\n      scope_name: profile\n      expression: |\n        return {{\n            \"name\": request.user.name,\n            \"groups\": [g.name for g in request.user.ak_groups.all()],\n        }}\n"
        );
        assert_fires("authentik/mapping-ak-groups", (NETBOX, NGINX, &long), "request.user.ak_groups");
        assert!(
            !crate::rules::testing::fired(NETBOX, NGINX, &long)
                .iter()
                .any(|(r, l)| *r == "authentik/mapping-ak-groups" && l.contains("return {")),
            "the finding belongs on the call's line, not the expression's first"
        );
        // Today's API.
        let groups = b.replace("request.user.ak_groups.all()", "request.user.groups.all()");
        assert_quiet("authentik/mapping-ak-groups", (NETBOX, NGINX, &groups));
        // Authentik's own system blueprint (2025.12.4 blueprints/system/providers-oauth2.yaml
        // still uses ak_groups): Authentik maintains it, nothing for a reader to fix.
        let system = "version: 1\nmetadata:\n  labels:\n    blueprints.goauthentik.io/system: \"true\"\n  name: System - OAuth2 Provider - Scopes\nentries:\n  - identifiers:\n      managed: goauthentik.io/providers/oauth2/scope-profile\n    model: authentik_providers_oauth2.scopemapping\n    attrs:\n      scope_name: profile\n      expression: |\n        return {'groups': [g.name for g in request.user.ak_groups.all()]}\n".to_string();
        assert_quiet("authentik/mapping-ak-groups", (NETBOX, NGINX, &system));
        assert_fires(
            "authentik/mapping-ak-groups",
            (NETBOX, NGINX, &system.replace("\"true\"", "\"false\"")),
            "request.user.ak_groups",
        );
        // Before 2026.2, ak_groups is the right name.
        let older =
            crate::version::Targets { authentik: crate::version::Version::new(2025, 12, 4), ..Default::default() };
        assert!(
            !crate::rules::testing::fired_with(older, NETBOX, NGINX, &b)
                .iter()
                .any(|(r, _)| *r == "authentik/mapping-ak-groups")
        );
    }
}
