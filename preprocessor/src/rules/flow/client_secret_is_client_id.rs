//! `flow/client-secret-is-client-id`: the client secret is the client ID.
//!
//! ## What it does
//! Fires when the provider's `client_secret` in the blueprint equals its `client_id`, or, where
//! the blueprint does not show both, when `SOCIAL_AUTH_OIDC_SECRET` equals
//! `SOCIAL_AUTH_OIDC_KEY` in configuration.py. Values from the environment are unknown: no
//! finding.
//!
//! ## Why is this bad?
//! The client ID is public: NetBox puts it in the authorization URL the browser follows
//! (social-core's `auth_params`), so it is in every reader's history and in proxy logs. A
//! secret equal to it is no secret: anyone who obtains an authorization code can redeem it at
//! Authentik's token endpoint as NetBox, and the secret is all Authentik checks of a
//! confidential client. Nothing breaks,
//! which is why it survives: Authentik generates a 128-character secret apart from the
//! 40-character ID, so equal values were typed in by hand.
//!
//! ## Example
//! `client_id: netbox` with `client_secret: netbox`.
//!
//! Use instead: Authentik's generated secret (leave `client_secret` out of the blueprint, or
//! set it from `!Env`), copied into `SOCIAL_AUTH_OIDC_SECRET` (better: read from the
//! environment).

use super::shared::plain;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The client secret is the client ID.
pub const CLIENT_SECRET_IS_CLIENT_ID: Rule = Rule {
    id: "flow/client-secret-is-client-id",
    severity: Severity::Warning,
    summary: "the client secret is the same as the client ID, which every browser sees in the authorization URL",
    help: "use a secret of its own: Authentik's generated client secret (leave `client_secret` out of the blueprint, or set it with `!Env`), copied into SOCIAL_AUTH_OIDC_SECRET",
    fact: "social-core 5.2.0 social_core/backends/oauth.py L378-385 (auth_params puts client_id in the authorization URL); authentik 2025.12.4 authentik/providers/oauth2/models.py L56-58, L193-204 (client_id: 40 random characters, client_secret: 128, generated apart) and views/token.py L163-170 (a confidential client is authenticated by its secret alone)",
    applies: Applies::Always,
};

pub fn client_secret_is_client_id(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let message = |place: &str, provider: &str| {
        format!("the client secret {place} is the client ID itself: the ID is in the authorization URL every browser follows, so the secret is public, and anyone who obtains an authorization code (it comes back in the callback URL) can redeem it at {provider} token endpoint as NetBox")
    };
    // Where the secret is made: the provider.
    if let Some(provider) = d.authentik.provider()
        && let (Some(id), Some(secret)) = (plain(provider.client_id.as_ref()), provider.client_secret.as_ref())
        && let Some(secret_text) = secret.as_str()
    {
        if !id.is_empty() && id == secret_text && !is_stand_in(id) {
            out.push(Finding::in_block(
                &CLIENT_SECRET_IS_CLIENT_ID,
                provider.block,
                secret.range.clone(),
                message("of this provider", "Authentik's"),
            ));
        }
        return;
    }
    let (Some(key), Some(secret)) = (d.netbox.get("SOCIAL_AUTH_OIDC_KEY"), d.netbox.get("SOCIAL_AUTH_OIDC_SECRET"))
    else {
        return;
    };
    if let (Some(key), Some(value)) = (key.value.as_str(), secret.value.as_str())
        && !key.is_empty()
        && key == value
        && !is_stand_in(key)
    {
        out.push(Finding::in_block(
            &CLIENT_SECRET_IS_CLIENT_ID,
            secret.block,
            secret.value.range.clone(),
            message("NetBox sends (SOCIAL_AUTH_OIDC_SECRET)", "the identity provider's"),
        ));
    }
}

/// A value written in place of the real one (a page's `<secret>` or `[client-id]`, a redaction
/// such as `xxxxxxxx` or `REDACTED`): two equal stand-ins say nothing of the real
/// ID and secret (seen in G0tja's netbox-docker environment, `<secret>` for both).
fn is_stand_in(value: &str) -> bool {
    let trimmed = value.trim();
    let wrapped = [('<', '>'), ('[', ']'), ('{', '}')]
        .iter()
        .any(|(open, close)| trimmed.len() > 2 && trimmed.starts_with(*open) && trimmed.ends_with(*close));
    let mut chars = trimmed.chars();
    let repeated = trimmed.len() >= 3 && chars.next().is_some_and(|first| chars.all(|c| c == first));
    let lower = trimmed.to_ascii_lowercase();
    // Not `changeme`: a value deployed as it is, for both, is the problem itself.
    let words = ["redacted", "placeholder"].iter().any(|w| lower.contains(w));
    wrapped || repeated || words
}

#[cfg(test)]
mod tests {
    use crate::rules::flow::testing::netbox;
    use crate::rules::testing::{BLUEPRINT, NETBOX, NGINX, assert_fires, assert_quiet, fired};


    #[test]
    fn in_the_blueprint() {
        let b = BLUEPRINT.replace("client_secret: secret-value", "client_secret: netbox");
        let n = netbox("SECRET = 'secret-value'", "SECRET = 'netbox'");
        assert_fires("flow/client-secret-is-client-id", (&n, NGINX, &b), "client_secret: netbox");
        // Reported once, where the secret is made.
        assert_eq!(fired(&n, NGINX, &b).iter().filter(|(r, _)| *r == "flow/client-secret-is-client-id").count(), 1);
        assert_quiet("flow/client-secret-is-client-id", (NETBOX, NGINX, BLUEPRINT));
    }

    #[test]
    fn in_configuration_py_alone() {
        let n = netbox("SECRET = 'secret-value'", "SECRET = 'netbox'");
        assert_fires("flow/client-secret-is-client-id", (&n, NGINX, ""), "SOCIAL_AUTH_OIDC_SECRET");
        // From the environment: unknown.
        let env = format!("import os\n{}", n.replace("'netbox'\n", "os.environ['OIDC_SECRET']\n"));
        let got = fired(&env, NGINX, "");
        assert!(!got.iter().any(|(r, _)| *r == "flow/client-secret-is-client-id"), "{got:#?}");
        // Without a blueprint, the provider is not named Authentik.
        let message = crate::rules::testing::message_of("flow/client-secret-is-client-id", Default::default(), (&n, NGINX, ""));
        assert!(message.contains("the identity provider's token endpoint") && !message.contains("Authentik"), "{message}");
    }

    /// The same stand-in for both (a redaction, a page's placeholder) says nothing of the real
    /// values.
    #[test]
    fn stand_ins_are_not_compared() {
        for stand_in in ["<secret>", "xxxxxxxx", "REDACTED", "[client-id]"] {
            let n = NETBOX.replace("KEY = 'netbox'", &format!("KEY = '{stand_in}'")).replace("SECRET = 'secret-value'", &format!("SECRET = '{stand_in}'"));
            assert_quiet("flow/client-secret-is-client-id", (&n, NGINX, ""));
        }
    }
}
