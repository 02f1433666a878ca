//! `flow/client-id-mismatch`: Client id differs.

use super::shared::differs_from_provider;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// Client id differs.
pub const CLIENT_ID_MISMATCH: Rule = Rule {
    id: "flow/client-id-mismatch",
    severity: Severity::Error,
    summary: "`SOCIAL_AUTH_OIDC_KEY` differs from the provider's `client_id`",
    help: "copy the provider's Client ID into SOCIAL_AUTH_OIDC_KEY",
    fact: "facts §2.1 (SOCIAL_AUTH_OIDC_KEY is the client id), §3.2 (client_id)",
    applies: Applies::Always,
};

pub fn client_id_mismatch(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some((setting, ours, theirs)) = differs_from_provider(d, "SOCIAL_AUTH_OIDC_KEY", |p| p.client_id.as_ref())
    else {
        return;
    };
    out.push(Finding::in_block(
        &CLIENT_ID_MISMATCH,
        setting.block,
        setting.value.range.clone(),
        format!("NetBox sends the client id `{ours}`, but the provider's client_id is `{theirs}`: Authentik rejects the authorization request (invalid client)"),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::flow::testing::netbox;
    use crate::rules::testing::{BLUEPRINT, NGINX, assert_fires, assert_quiet};

    #[test]
    fn client_id_mismatch() {
        let n = netbox("KEY = 'netbox'", "KEY = 'other'");
        assert_fires("flow/client-id-mismatch", (&n, NGINX, BLUEPRINT), "SOCIAL_AUTH_OIDC_KEY");
        // Changed on both sides, the ids agree.
        let b = BLUEPRINT.replace("client_id: netbox", "client_id: other");
        assert_quiet("flow/client-id-mismatch", (&n, NGINX, &b));
    }
}
