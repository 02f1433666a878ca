//! `netbox/keycloak-public-key-shape`: `SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY` is not the base64 body of
//! a public key.
//!
//! ## What it does
//! Finds a literal `SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY` that cannot be the base64 of a DER public
//! key, and says what it is instead: the PEM armour included (social-core adds its own), a URL,
//! characters outside base64 (base64url's `-` and `_`: Keycloak's key ID has that shape), a value
//! that is not DER at all (a DER key's base64 always starts with `M`), the realm's certificate
//! instead of its public key, or nothing.
//!
//! ## Why is this bad?
//! social-core's `KeycloakOAuth2.public_key()` returns
//! `-----BEGIN PUBLIC KEY-----\n<PUBLIC_KEY>\n-----END PUBLIC KEY-----` and verifies the access
//! token with it (social_core/backends/keycloak.py L111-112 and L122-129, social-auth-core 5.2.0;
//! the same wrapping since 4.0.2). PyJWT cannot load such a key: every sign-in fails after the
//! user has signed in at Keycloak. Seen with social-auth-core 5.2.0 (PyJWT 2.15.1, cryptography
//! 50.0.2: `AuthTokenError: Token error: Could not parse the provided public key.`) and 4.8.7
//! (PyJWT 2.12.1, cryptography 41.0.7: `jwt.exceptions.InvalidKeyError`, not caught) for each
//! shape above, while the body wrapped at 64 characters, with spaces or without its `=` padding
//! loads. Whether a key of the right shape is complete is not judged.
//!
//! ## Example
//! `SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = 'Qm4-ZtR8xWc2LpKf9VnJ3dYh6sTa0uEoXgBiN7yAq5M'` (a key ID)
//!
//! Use instead: the realm's public key from Realm settings > Keys (the RS256 key's
//! `Public key`), `'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA…'`.

use super::keycloak::{backend_may_be_used, literal, origin_note};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY` is not the base64 body of a public key.
pub const KEYCLOAK_PUBLIC_KEY_SHAPE: Rule = Rule {
    id: "netbox/keycloak-public-key-shape",
    severity: Severity::Error,
    summary: "`SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY` is not the base64 body of a public key (a PEM header included, a URL, a key ID, characters outside base64, a certificate): social-core cannot load the key it wraps in `-----BEGIN PUBLIC KEY-----`",
    help: "copy the realm's public key from Realm settings > Keys (the signing key's `Public key`, one base64 line starting with `MII`), without the `-----BEGIN/END PUBLIC KEY-----` lines",
    fact: "social_core/backends/keycloak.py (social-auth-core 5.2.0 L111-112: public_key() wraps setting('PUBLIC_KEY') in -----BEGIN PUBLIC KEY-----/-----END PUBLIC KEY-----, as since 4.0.2 (L104-109); L122-131 jwt.decode(…, key=self.public_key()) and AuthTokenError on PyJWTError, which 4.8.7 does not catch (L121)); seen with 5.2.0/PyJWT 2.15.1/cryptography 50.0.2 and 4.8.7/PyJWT 2.12.1/cryptography 41.0.7: each shape fails with InvalidKeyError 'Could not parse the provided public key.'; a DER SubjectPublicKeyInfo is a SEQUENCE (byte 0x30, base64 `M`) whose first element is the algorithm SEQUENCE (an OID first), an X.509 certificate's first element is tbsCertificate ([0] version or a serial first); Keycloak's key ID is base64url(SHA-256(key)), 43 characters (keycloak/keycloak common/…/util/KeyUtils.java createKeyId, at 09b0c94); seen in netbox-community/netbox-docker issue #667 (tests/realworld/tuning/t61-…)",
    applies: Applies::Always,
};

const PUBLIC_KEY: &str = "SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY";

/// Keycloak's key ID: base64url of a SHA-256 digest, without padding.
const KEY_ID_LENGTH: usize = 43;

pub fn keycloak_public_key_shape(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    if !backend_may_be_used(nb) {
        return;
    }
    let Some(key) = literal(nb, PUBLIC_KEY) else { return };
    let Some(problem) = problem(key.text) else { return };
    // The value is not quoted: whatever was pasted here (a secret, say) is not repeated.
    let note = origin_note(key.origin);
    out.push(Finding::in_block(
        &KEYCLOAK_PUBLIC_KEY_SHAPE,
        key.block,
        key.range.clone(),
        format!(
            "this value {problem}: social-core wraps it in `-----BEGIN PUBLIC KEY-----` to verify Keycloak's access token, PyJWT cannot load that key (`InvalidKeyError: Could not parse the provided public key.`, from social-core 5 as `AuthTokenError`), and every sign-in fails once the user has signed in at Keycloak{note}"
        ),
    ));
}

/// What is wrong with the value, if it cannot be the base64 of a DER public key.
fn problem(value: &str) -> Option<String> {
    if let Some(at) = value.find("-----BEGIN") {
        let label = value[at + "-----BEGIN".len()..].split("-----").next().unwrap_or("").trim();
        let label: String = label.chars().take(40).collect();
        let certificate = if label.contains("CERTIFICATE") { ", and it is a certificate, not a public key" } else { "" };
        return Some(format!(
            "includes the PEM armour (`-----BEGIN {}-----`) that social-core adds itself, so the key is wrapped twice{certificate}",
            label.escape_debug()
        ));
    }
    if value.contains("-----END") {
        return Some("includes a PEM `-----END …-----` line, which social-core adds itself".to_string());
    }
    if value.contains("://") {
        return Some("is a URL, not a key (social-core does not fetch anything from it)".to_string());
    }
    // PEM's base64 may be wrapped or spaced (seen loading), so white space is left out.
    let body: String = value.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    if body.is_empty() {
        return Some("is empty".to_string());
    }
    // An example's `<KEYCLOAK_REALM_PUBLIC_KEY>` left in: said as such, not as a stray character
    // (its text is not repeated either).
    if body.len() > 2 && body.starts_with('<') && body.ends_with('>') && !body[1..body.len() - 1].contains(['<', '>']) {
        return Some("is still a documentation placeholder (`<…>`), not the realm's public key (Keycloak: Realm settings, Keys, RS256, Public key)".to_string());
    }
    let key_id_shape = body.len() == KEY_ID_LENGTH && body.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let key_id = if key_id_shape {
        " (43 base64url characters: the shape of Keycloak's key ID, `kid`, which Keycloak lists beside the key)"
    } else {
        ""
    };
    if let Some(odd) = body.chars().find(|&c| !is_base64(c)) {
        return Some(if matches!(odd, '-' | '_') && body.chars().all(|c| is_base64(c) || c == '-' || c == '_') {
            format!("is base64url (it has `{odd}`), which a PEM key's base64 never is{key_id}")
        } else {
            format!("holds `{}`, which is no base64 character", odd.escape_debug())
        });
    }
    if !body.starts_with('M') {
        return Some(format!(
            "is no DER-encoded key: a public key is a DER SEQUENCE, whose base64 always starts with `M`{key_id}"
        ));
    }
    match der_kind(&body) {
        Some(Der::Certificate) => Some(
            "is an X.509 certificate (Keycloak's `Certificate` button), not the public key (its `Public key` button)".to_string(),
        ),
        Some(Der::PublicKey) | None => None,
    }
}

fn is_base64(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=')
}

/// What a DER value starting `SEQUENCE { SEQUENCE { … } … }` is, from its first bytes.
#[derive(Debug, PartialEq, Eq)]
enum Der {
    /// A SubjectPublicKeyInfo: the inner SEQUENCE is the algorithm, an OID first.
    PublicKey,
    /// A certificate: the inner SEQUENCE is tbsCertificate, a `[0]` version or a serial first.
    Certificate,
}

/// The kind of DER value the base64 begins with, from its first 16 characters.
fn der_kind(body: &str) -> Option<Der> {
    let bytes = crate::parse::base64::decode(body.get(..16)?)?;
    let mut at = 0;
    for _ in 0..2 {
        if *bytes.get(at)? != 0x30 {
            return None;
        }
        let length = *bytes.get(at + 1)?;
        at += 2 + if length < 0x80 { 0 } else { usize::from(length & 0x7f) };
    }
    match *bytes.get(at)? {
        0x06 => Some(Der::PublicKey),
        0xa0 | 0x02 => Some(Der::Certificate),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{Der, der_kind, problem};
    use crate::rules::netbox::testing::{assert_cases, finding_of, findings};

    /// An RSA-2048 public key generated for these tests (SubjectPublicKeyInfo, base64).
    const KEY: &str = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA6hiGEHEQUVFiv40ebd2VLPx2qbRiqI8QRAWcEMIaT5CahqWc6U2XvTyq0UHBvPmv/lrySIT1oniMbbO0UVmLTenEL8ANt0GZSpckbDeH53/oC51GtPU33UIX7o4RZ3YOOZvbQaxeHvjLggpQuM98QgNRwvRFjsY1WpjL5QD4F6oPmIIeSUftKT+VgDIcsGghVd6PBw/mgVgN1zUTbb4SfPlkn0pUUfUJ1tnSf71GJ1KNDgF9W9NrivvoHm+kbpPHIiNqWJfugn6ccUa+7/2e8ROEw2zseyJ54xTogMx68dxa0oCikfXs7iQ4UmWkw4cWrpfMCKbzYYrjzzZ0M1CgpwIDAQAB";
    /// The first line of a self-signed X.509 version 1 certificate's base64 (`SEQUENCE { SEQUENCE {
    /// INTEGER serial …`; made with OpenSSL 3.0 `x509 -req -signkey`), and of a version 3 one
    /// (`… { [0] { INTEGER 2 } …`; `req -x509`).
    const CERTIFICATE: &str = "MIICqTCCAZECFB7gQ27CHB/yzv+wx8tQ7V4QMHhiMA0GCSqGSIb3DQEBCwUAMBEx";
    const V3_CERTIFICATE: &str = "MIIDAzCCAeugAwIBAgIUT/+BcUQNTkmx1XPZWckF2HH3WYswDQYJKoZIhvcNAQEL";

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // A key ID for the key (netbox-docker issue #667, t61).
        (
            "netbox/keycloak-public-key-shape",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\nSOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = 'Qm4-ZtR8xWc2LpKf9VnJ3dYh6sTa0uEoXgBiN7yAq5M'\n",
            2,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\nSOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAq3v8'\n",
        ),
        // The PEM armour included; the body wrapped at 64 characters is fine (seen loading).
        (
            "netbox/keycloak-public-key-shape",
            "4.7",
            "SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = '''-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----'''\n",
            1,
            "SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = '''MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n  6hiGEHEQUVFiv40ebd2VLPx2qbRiqI8QRAWcEMIaT5CahqWc6U2XvTyq0UHBvPmv'''\n",
        ),
        // The realm's certs endpoint; no Keycloak backend in a known list: nothing reads it.
        (
            "netbox/keycloak-public-key-shape",
            "4.7",
            "SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = 'https://kc.example/realms/corp/protocol/openid-connect/certs'\n",
            1,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = 'https://kc.example/realms/corp/protocol/openid-connect/certs'\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::KEYCLOAK_PUBLIC_KEY_SHAPE, CASES);
    }

    #[test]
    fn each_shape_is_named() {
        for (value, said) in [
            ("Qm4-ZtR8xWc2LpKf9VnJ3dYh6sTa0uEoXgBiN7yAq5M", "is base64url (it has `-`), which a PEM key's base64 never is (43 base64url characters: the shape of Keycloak's key ID"),
            ("Qm4aZtR8xWc2LpKf9VnJ3dYh6sTa0uEoXgBiN7yAq5M", "is no DER-encoded key: a public key is a DER SEQUENCE, whose base64 always starts with `M` (43 base64url"),
            ("c41e9b07-2f6d-4a83-b5e2-7d90f1a36c58", "is base64url (it has `-`), which a PEM key's base64 never is"),
            ("MIIBIjANBgkqhk\"iG9w0", "holds `\\\"`, which is no base64 character"),
            ("-----BEGIN CERTIFICATE-----\nMIIC", "includes the PEM armour (`-----BEGIN CERTIFICATE-----`) that social-core adds itself, so the key is wrapped twice, and it is a certificate"),
            ("MIIB\n-----END PUBLIC KEY-----", "includes a PEM `-----END …-----` line"),
            ("https://kc.example/realms/corp/protocol/openid-connect/certs", "is a URL"),
            ("  ", "is empty"),
            // a notes file's placeholder, named as one (seen in the trial)
            ("<KEYCLOAK_REALM_PUBLIC_KEY>", "is still a documentation placeholder (`<…>`)"),
            (CERTIFICATE, "is an X.509 certificate"),
            (V3_CERTIFICATE, "is an X.509 certificate"),
        ] {
            let got = problem(value).unwrap_or_default();
            assert!(got.starts_with(said), "{value}: {got}");
        }
    }

    /// Shapes seen loading, and keys of any algorithm Keycloak signs with, are not judged; nor
    /// is whether a key is complete.
    #[test]
    fn keys_that_load_or_may_load_are_not_judged() {
        let wrapped: String = KEY.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join("\n");
        for value in [
            KEY,
            KEY.trim_end_matches('='),
            &format!("  {KEY}  "),
            &wrapped,
            // EC P-256 and Ed25519 SubjectPublicKeyInfo prefixes.
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE",
            "MCowBQYDK2VwAyEA",
            // Cut short: its completeness is not judged.
            "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAt3Vq",
        ] {
            assert_eq!(problem(value), None, "{value}");
        }
        assert_eq!(der_kind(KEY), Some(Der::PublicKey));
    }

    /// The value is not repeated: a client secret pasted here stays unprinted.
    #[test]
    fn the_message_does_not_repeat_the_value() {
        let (message, _) = finding_of(
            "netbox/keycloak-public-key-shape",
            "SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = 'c41e9b07-2f6d-4a83-b5e2-7d90f1a36c58'\n",
            "4.7",
        );
        assert!(!message.contains("c41e9b07"), "{message}");
        assert!(message.contains("InvalidKeyError"), "{message}");
    }

    #[test]
    fn a_key_from_the_environment_is_unknown() {
        let got = findings("import os\nSOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = os.environ.get('KC_KEY', '')\n", "4.7");
        assert!(got.iter().all(|(r, ..)| *r != "netbox/keycloak-public-key-shape"), "{got:?}");
    }

    /// netbox-docker's environment file: the variable is judged where no configuration.py is
    /// shown (an add-on may read it), and the message says it is not read by netbox-docker.
    #[test]
    fn a_key_in_the_environment_file_is_judged_as_the_value_it_would_give() {
        use crate::rules::netbox::testing::fired_chapter_lines;
        let env = "# t\n\n```sh,check=env\nREMOTE_AUTH_BACKEND=social_core.backends.keycloak.KeycloakOAuth2\nSOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY=Qm4-ZtR8xWc2LpKf9VnJ3dYh6sTa0uEoXgBiN7yAq5M\n```\n";
        assert_eq!(fired_chapter_lines("netbox/keycloak-public-key-shape", env), vec![2]);
        let found = crate::rules::testing::diagnostics(env, &crate::config::Settings::default());
        let message = &found.iter().find(|d| d.rule == "netbox/keycloak-public-key-shape").unwrap().message;
        assert!(message.ends_with("once an add-on file reads the variable: netbox-docker maps no SOCIAL_AUTH_KEYCLOAK_* variable)"), "{message}");
    }
}
