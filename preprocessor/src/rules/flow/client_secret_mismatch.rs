//! `flow/client-secret-mismatch`: Client secret differs.

use super::shared::differs_from_provider;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// Client secret differs.
pub const CLIENT_SECRET_MISMATCH: Rule = Rule {
    id: "flow/client-secret-mismatch",
    severity: Severity::Error,
    summary: "`SOCIAL_AUTH_OIDC_SECRET` differs from the provider's `client_secret`",
    help: "copy the provider's Client Secret into SOCIAL_AUTH_OIDC_SECRET (better: read both from the environment)",
    fact: "facts §2.1 (SOCIAL_AUTH_OIDC_SECRET), §3.2 (client_secret; token requests authenticate with it)",
    applies: Applies::Always,
};

pub fn client_secret_mismatch(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some((setting, ours, theirs)) =
        differs_from_provider(d, "SOCIAL_AUTH_OIDC_SECRET", |p| p.client_secret.as_ref())
    else {
        return;
    };
    // Secrets are never printed whole.
    out.push(Finding::in_block(
        &CLIENT_SECRET_MISMATCH,
        setting.block,
        setting.value.range.clone(),
        format!("the secret here (`{}…`) is not the provider's client_secret (`{}…`): the token request after login fails (invalid client)", redact(ours), redact(theirs)),
    ));
}

fn redact(secret: &str) -> String {
    secret.chars().take(3).collect()
}

#[cfg(test)]
mod tests {
    use crate::rules::flow::testing::netbox;
    use crate::rules::testing::{BLUEPRINT, NGINX, assert_fires, assert_quiet};

    #[test]
    fn client_secret_mismatch_never_prints_the_secret() {
        let n = netbox("'secret-value'", "'another-secret'");
        assert_fires("flow/client-secret-mismatch", (&n, NGINX, BLUEPRINT), "SOCIAL_AUTH_OIDC_SECRET");
        // Changed on both sides, the secrets agree.
        let b = BLUEPRINT.replace("client_secret: secret-value", "client_secret: another-secret");
        assert_quiet("flow/client-secret-mismatch", (&n, NGINX, &b));
        assert_eq!(super::redact("another-secret"), "ano");
    }
}
