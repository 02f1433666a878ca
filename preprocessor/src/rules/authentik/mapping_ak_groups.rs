//! `authentik/mapping-ak-groups`: `ak_groups` in a scope mapping.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `ak_groups` in a scope mapping.
pub const MAPPING_AK_GROUPS: Rule = Rule {
    id: "authentik/mapping-ak-groups",
    severity: Severity::Warning,
    summary: "a scope mapping expression uses `request.user.ak_groups`, the API of older Authentik releases",
    help: "use `request.user.groups.all()`, as Authentik's built-in profile mapping does now",
    fact: "facts §3.3 (the profile mapping moved from ak_groups to groups; copied expressions may break)",
    applies: Applies::Always,
};

pub fn mapping_ak_groups(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for mapping in &d.authentik.scope_mappings {
        if let Some((expression, range)) = &mapping.expression
            && expression.contains("ak_groups")
        {
            out.push(Finding::in_block(
                &MAPPING_AK_GROUPS,
                mapping.block,
                range.clone(),
                "this expression uses `ak_groups`, which newer Authentik releases replaced with `groups`; copied from an old guide it may fail when the token is issued",
            ));
        }
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
        // Today's API.
        let groups = b.replace("request.user.ak_groups.all()", "request.user.groups.all()");
        assert_quiet("authentik/mapping-ak-groups", (NETBOX, NGINX, &groups));
    }
}
