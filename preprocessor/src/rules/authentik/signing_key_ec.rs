//! `authentik/signing-key-ec`: An EC signing key while NetBox accepts only RS256.

use crate::finding::{Finding, Rule, Severity};
use crate::model::Presence;
use crate::model::authentik::KeyAlgorithm;
use crate::parse::netbox::Setting;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// An EC signing key while NetBox accepts only RS256.
pub const SIGNING_KEY_EC: Rule = Rule {
    id: "authentik/signing-key-ec",
    severity: Severity::Error,
    summary: "the provider signs with an EC key (ES256/384/512) while `SOCIAL_AUTH_OIDC_JWT_ALGORITHMS` does not allow those algorithms",
    help: "select an RSA signing key, or allow the algorithm in NetBox: SOCIAL_AUTH_OIDC_JWT_ALGORITHMS = ['ES256']",
    fact: "facts §3.2 (EC keys sign ES256/384/512), §2.1 (JWT_ALGORITHMS = ['RS256'] by default; an ES256 token fails with AuthTokenError \"The specified alg value is not allowed\", verified)",
    applies: Applies::Always,
};

pub fn signing_key_ec(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let allowed: Vec<String> = match d.netbox.presence("SOCIAL_AUTH_OIDC_JWT_ALGORITHMS") {
        Presence::Unset => vec!["RS256".into()],
        // No configuration.py shown, or only a fragment of it: what NetBox accepts is unknown.
        Presence::Unknown => return,
        Presence::Set(Setting { value, .. }) => match value.items() {
            Some(items) if value.is_known() => items.iter().filter_map(|i| i.as_str().map(str::to_string)).collect(),
            _ => return,
        },
    };
    if allowed.iter().any(|a| a.starts_with("ES")) {
        return;
    }
    for provider in &d.authentik.providers {
        if d.authentik.signing_algorithm(provider) == Some(KeyAlgorithm::Ec)
            && let Some(key) = &provider.signing_key
        {
            out.push(Finding::in_block(
                &SIGNING_KEY_EC,
                provider.block,
                key.range.clone(),
                format!("this signing key is an EC key, so Authentik signs ID tokens ES256/384/512, but NetBox accepts only {}: the login fails with `AuthTokenError: … The specified alg value is not allowed`", allowed.join(", ")),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{BLUEPRINT, NETBOX, NGINX, assert_fires, assert_quiet};

    #[test]
    fn signing_key_ec() {
        let keypair = "  - model: authentik_crypto.certificatekeypair\n    id: ec-key\n    identifiers:\n      name: NetBox EC\n    attrs:\n      key_data: |\n        -----BEGIN EC PRIVATE KEY-----\n        MHcCAQEEIA==\n        -----END EC PRIVATE KEY-----\n";
        let b = format!("{BLUEPRINT}{keypair}").replace(
            "signing_key: !Find [authentik_crypto.certificatekeypair, [name, authentik Self-signed Certificate]]",
            "signing_key: !KeyOf ec-key",
        );
        assert_fires("authentik/signing-key-ec", (NETBOX, NGINX, &b), "signing_key: !KeyOf ec-key");
        // The same key found by its name, as the UI's blueprints export it.
        let by_name =
            format!("{BLUEPRINT}{keypair}").replace("[name, authentik Self-signed Certificate]]", "[name, NetBox EC]]");
        assert_fires("authentik/signing-key-ec", (NETBOX, NGINX, &by_name), "signing_key: !Find");
        let allowed = format!("{NETBOX}SOCIAL_AUTH_OIDC_JWT_ALGORITHMS = ['ES256']\n");
        assert_quiet("authentik/signing-key-ec", (&allowed, NGINX, &b));
        // A blueprint alone (or beside a fragment of configuration.py) says nothing of NetBox.
        let alone = crate::rules::testing::fired_chapter(&format!("```yaml,check=authentik\n{b}```\n"));
        assert!(!alone.contains(&"authentik/signing-key-ec"), "{alone:?}");
    }
}
