//! `authentik/encryption-key-set`: An encryption key on the provider.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Product, Targets, Version};

/// An encryption key on the provider.
pub const ENCRYPTION_KEY_SET: Rule = Rule {
    id: "authentik/encryption-key-set",
    severity: Severity::Error,
    summary: "the provider has an encryption key: ID tokens become JWE, which NetBox (social-core) cannot read",
    help: "remove `encryption_key` from the provider (in the UI: leave \"Encryption Key\" empty); keep only a signing key",
    fact: "tests/e2e/run with real NetBox 4.7.3: the generic message, nothing logged; facts §3.2 (encryption_key: every token is JWE, RSA-OAEP-256/A256CBC-HS512, since 2024.10), §2.1 (social-core has no JWE support: DecodeError: Invalid payload padding or PyJWKError), §11 (NetBox 4.7.3: AuthTokenError → \"Single sign-on failed\")",
    applies: Applies::Range { product: Product::Authentik, since: Some(Version::new(2024, 10, 0)), before: None },
};

pub fn encryption_key_set(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    for provider in &d.authentik.providers {
        let Some(key) = &provider.encryption_key else { continue };
        let symptom = if targets.netbox >= Version::new(4, 7, 0) {
            "NetBox shows \"Single sign-on failed. Please try again or contact your administrator.\", and the reason (`Invalid payload padding`) reaches no log unless SOCIAL_AUTH_RAISE_EXCEPTIONS or DEBUG is on"
        } else {
            "NetBox fails with HTTP 500 `DecodeError: Invalid payload padding` (or `PyJWKError: Unable to find an algorithm for key`)"
        };
        out.push(Finding::in_block(
            &ENCRYPTION_KEY_SET,
            provider.block,
            key.range.clone(),
            format!("with an encryption key Authentik sends every ID token encrypted (JWE), which social-core cannot decrypt: after the user signs in at Authentik, {symptom}"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::authentik::testing::blueprint;
    use crate::rules::testing::{NETBOX, NGINX, assert_fires, assert_quiet};

    #[test]
    fn encryption_key_set() {
        let b = blueprint(
            "      property_mappings:",
            "      encryption_key: !Find [authentik_crypto.certificatekeypair, [name, enc]]\n      property_mappings:",
        );
        assert_fires("authentik/encryption-key-set", (NETBOX, NGINX, &b), "encryption_key");
        // An encryption key written as null is no key.
        let null = blueprint("      property_mappings:", "      encryption_key: null\n      property_mappings:");
        assert_quiet("authentik/encryption-key-set", (NETBOX, NGINX, &null));
    }
}
