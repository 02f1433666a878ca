//! `authentik/signing-key-missing`: No signing key.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// No signing key.
pub const SIGNING_KEY_MISSING: Rule = Rule {
    id: "authentik/signing-key-missing",
    severity: Severity::Error,
    summary: "the provider has no signing key: tokens are HS256 and the JWKS is empty, which NetBox cannot verify",
    help: "set `signing_key` (in the UI: select a signing key, for example \"authentik Self-signed Certificate\", an RSA key)",
    fact: "facts §3.2 (no signing_key: HS256 with the client secret, JWKS `{}`; KeyError: 'keys'), §2.1 (JWT_ALGORITHMS = ['RS256'])",
    applies: Applies::Always,
};

pub fn signing_key_missing(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for provider in d.authentik.providers.iter().filter(|p| p.signing_key.is_none()) {
        out.push(Finding::in_block(
            &SIGNING_KEY_MISSING,
            provider.block,
            provider.range.clone(),
            "this provider has no `signing_key`: Authentik signs ID tokens HS256 with the client secret and publishes an empty JWKS, so NetBox finds no key to verify them and the login ends in HTTP 500 (`KeyError: 'keys'`)",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::authentik::testing::blueprint;
    use crate::rules::testing::{NETBOX, NGINX, assert_fires, assert_quiet};

    #[test]
    fn signing_key_missing() {
        let b = blueprint(
            "      signing_key: !Find [authentik_crypto.certificatekeypair, [name, authentik Self-signed Certificate]]\n",
            "      signing_key: null\n",
        );
        assert_fires(
            "authentik/signing-key-missing",
            (NETBOX, NGINX, &b),
            "model: authentik_providers_oauth2.oauth2provider",
        );
        // Any key found by its name is a key.
        let other = blueprint("[name, authentik Self-signed Certificate]]", "[name, NetBox RSA]]");
        assert_quiet("authentik/signing-key-missing", (NETBOX, NGINX, &other));
    }
}
