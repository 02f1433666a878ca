//! `flow/logout-keeps-authentik-session`: NetBox logs out through Authentik's end-session, but the
//! provider's invalidation flow has no User Logout stage, so Authentik's session survives.
//!
//! ## What it does
//! Reads `LOGOUT_REDIRECT_URL` (NetBox) and the provider's `invalidation_flow` (blueprint). When
//! NetBox sends the browser to an end-session endpoint and the flow is Authentik's
//! `default-provider-invalidation-flow` (or a flow of the blueprint with no User Logout stage bound
//! to it), it fires.
//!
//! ## Why is this bad?
//! The end-session runs the provider's invalidation flow. Authentik's default one has no stage:
//! only the application's session ends, the user's Authentik session stays, and the next click on
//! NetBox's sign-on button signs the user straight back in without a password. On a shared
//! computer, "Log Out" does not log out.
//!
//! ## Example
//! `invalidation_flow: !Find [authentik_flows.flow, [slug, default-provider-invalidation-flow]]`
//!
//! Use instead: `invalidation_flow: !Find [authentik_flows.flow, [slug, default-invalidation-flow]]`
//! (Authentik's own logout flow, with its User Logout stage), or a flow of your own with a User
//! Logout stage bound to it.

use crate::finding::{Finding, Rule, Severity};
use crate::model::authentik::PROVIDER_INVALIDATION_FLOW;
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// NetBox's logout goes through an end-session that keeps Authentik's session.
pub const LOGOUT_KEEPS_AUTHENTIK_SESSION: Rule = Rule {
    id: "flow/logout-keeps-authentik-session",
    severity: Severity::Warning,
    summary: "`LOGOUT_REDIRECT_URL` sends the browser to Authentik's end-session, but the provider's invalidation flow has no User Logout stage: Authentik's session survives the logout",
    help: "give the provider an invalidation flow with a User Logout stage: `invalidation_flow: !Find [authentik_flows.flow, [slug, default-invalidation-flow]]` (Authentik's own logout flow), or bind a User Logout stage to your flow",
    fact: "Authentik's single-logout documentation (2026.5.0-rc1: \"the default-provider-invalidation-flow … does not include a User Logout stage, so only that application's session is ended\"); blueprints/default/flow-default-provider-invalidation.yaml and flow-default-invalidation-flow.yaml (2025.12.4, 2026.5.0-rc1); seen in tests/e2e against Authentik 2025.12.4: after the end-session, the sign-on button signed the user in again without a password",
    applies: Applies::Always,
};

pub fn logout_keeps_authentik_session(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("LOGOUT_REDIRECT_URL") else { return };
    let ValueKind::Str(url) = &setting.value.kind else { return };
    if !url.contains("/application/o/") || !url.trim_end_matches('/').ends_with("/end-session") {
        return;
    }
    for provider in &d.authentik.providers {
        if d.authentik.invalidation_ends_session(provider) != Some(false) {
            continue;
        }
        let Some(flow) = &provider.invalidation_flow else { continue };
        let which = if flow.strings().contains(&PROVIDER_INVALIDATION_FLOW) {
            format!("Authentik's `{PROVIDER_INVALIDATION_FLOW}`, which has no stage at all")
        } else {
            "a flow with no User Logout stage bound to it".to_string()
        };
        out.push(Finding::in_block(
            &LOGOUT_KEEPS_AUTHENTIK_SESSION,
            provider.block,
            flow.range.clone(),
            format!("NetBox's logout sends the browser to `{url}`, and this end-session runs {which}: only the application's session ends, the user stays signed in to Authentik, and the next click on the sign-on button signs them in again without a password"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{BLUEPRINT, NETBOX, NGINX, assert_fires, assert_quiet};

    const DEFAULT_FLOW: &str = "invalidation_flow: !Find [authentik_flows.flow, [slug, default-invalidation-flow]]";
    const PROVIDER_FLOW: &str =
        "invalidation_flow: !Find [authentik_flows.flow, [slug, default-provider-invalidation-flow]]";

    #[test]
    fn logout_keeps_authentik_session() {
        assert!(BLUEPRINT.contains(DEFAULT_FLOW), "the reference blueprint logs out of Authentik");
        let keeps = BLUEPRINT.replace(DEFAULT_FLOW, PROVIDER_FLOW);
        assert_fires("flow/logout-keeps-authentik-session", (NETBOX, NGINX, &keeps), "invalidation_flow: !Find");
        // Near misses: Authentik's own logout flow; the provider's default flow with the User Logout
        // stage bound to it; NetBox not logging out through Authentik at all.
        assert_quiet("flow/logout-keeps-authentik-session", (NETBOX, NGINX, BLUEPRINT));
        let bound = format!(
            "{keeps}  - model: authentik_flows.flowstagebinding\n    identifiers:\n      target: !Find [authentik_flows.flow, [slug, default-provider-invalidation-flow]]\n      stage: !Find [authentik_stages_user_logout.userlogoutstage, [name, default-invalidation-logout]]\n      order: 0\n"
        );
        assert_quiet("flow/logout-keeps-authentik-session", (NETBOX, NGINX, &bound));
        let no_logout: String =
            NETBOX.lines().filter(|l| !l.starts_with("LOGOUT_REDIRECT_URL")).map(|l| format!("{l}\n")).collect();
        assert_quiet("flow/logout-keeps-authentik-session", (&no_logout, NGINX, &keeps));
    }

    #[test]
    fn a_flow_of_the_blueprint_counts_by_its_bindings() {
        let own_flow = "invalidation_flow: !KeyOf netbox-logout";
        let flow = "  - model: authentik_flows.flow\n    id: netbox-logout\n    identifiers:\n      slug: netbox-logout\n    attrs:\n      designation: invalidation\n";
        let stage = "  - model: authentik_stages_user_logout.userlogoutstage\n    id: logout-stage\n    identifiers:\n      name: netbox-logout\n";
        let binding = "  - model: authentik_flows.flowstagebinding\n    identifiers:\n      target: !KeyOf netbox-logout\n      stage: !KeyOf logout-stage\n      order: 0\n";
        let without = format!("{}{flow}", BLUEPRINT.replace(DEFAULT_FLOW, own_flow));
        assert_fires("flow/logout-keeps-authentik-session", (NETBOX, NGINX, &without), "invalidation_flow: !KeyOf");
        let with = format!("{without}{stage}{binding}");
        assert_quiet("flow/logout-keeps-authentik-session", (NETBOX, NGINX, &with));
        // A stage of another model bound to it is no User Logout stage, whatever its name.
        let password = "  - model: authentik_flows.flowstagebinding\n    identifiers:\n      target: !KeyOf netbox-logout\n      stage: !Find [authentik_stages_password.passwordstage, [name, netbox-logout]]\n      order: 0\n";
        assert_fires(
            "flow/logout-keeps-authentik-session",
            (NETBOX, NGINX, &format!("{without}{stage}{password}")),
            "invalidation_flow: !KeyOf",
        );
        // An entry that only points at a flow of the instance (no designation): its stages are
        // not in the blueprint, so nothing is said.
        let pointer =
            "  - model: authentik_flows.flow\n    id: netbox-logout\n    identifiers:\n      slug: netbox-logout\n";
        let elsewhere = format!("{}{pointer}", BLUEPRINT.replace(DEFAULT_FLOW, own_flow));
        assert_quiet("flow/logout-keeps-authentik-session", (NETBOX, NGINX, &elsewhere));
    }
}
