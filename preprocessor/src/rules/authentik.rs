//! Rules on the Authentik provider and its scope mappings (facts §2.1, §3, §8 AK-*).

use crate::finding::Rule;
use crate::finding::{Finding, Severity};
use crate::model::authentik::{KeyAlgorithm, MatchingMode};
use crate::rules::input::{Check, Input};
use crate::version::{Applies, Product, Targets, Version};

/// Every Authentik rule with its check.
pub const CHECKS: &[(&Rule, Check)] = &[
    (&ENCRYPTION_KEY_SET, encryption_key_set),
    (&SIGNING_KEY_MISSING, signing_key_missing),
    (&SIGNING_KEY_EC, signing_key_ec),
    (&REDIRECT_URI_OLD_FORMAT, redirect_uri_old_format),
    (&REDIRECT_URI_REGEX_DOTS, redirect_uri_regex_dots),
    (&MAPPING_AK_GROUPS, mapping_ak_groups),
];

/// An encryption key on the provider.
pub const ENCRYPTION_KEY_SET: Rule = Rule {
    id: "authentik/encryption-key-set",
    severity: Severity::Error,
    summary: "the provider has an encryption key: ID tokens become JWE, which NetBox (social-core) cannot read",
    help: "remove `encryption_key` from the provider (in the UI: leave \"Encryption Key\" empty); keep only a signing key",
    fact: "tests/e2e/run with real NetBox 4.7.3: the generic message, nothing logged; facts §3.2 (encryption_key: every token is JWE, RSA-OAEP-256/A256CBC-HS512, since 2024.10), §2.1 (social-core has no JWE support: DecodeError: Invalid payload padding or PyJWKError), §11 (NetBox 4.7.3: AuthTokenError → \"Single sign-on failed\")",
    applies: Applies::Range { product: Product::Authentik, since: Some(Version::new(2024, 10, 0)), before: None },
};

fn encryption_key_set(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
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
            format!("with an encryption key Authentik sends every ID token encrypted (JWE), which social-core cannot decrypt: after the reader signs in at Authentik, {symptom}"),
        ));
    }
}

/// No signing key.
pub const SIGNING_KEY_MISSING: Rule = Rule {
    id: "authentik/signing-key-missing",
    severity: Severity::Error,
    summary: "the provider has no signing key: tokens are HS256 and the JWKS is empty, which NetBox cannot verify",
    help: "set `signing_key` (in the UI: select a signing key, for example \"authentik Self-signed Certificate\", an RSA key)",
    fact: "facts §3.2 (no signing_key: HS256 with the client secret, JWKS `{}`; KeyError: 'keys'), §2.1 (JWT_ALGORITHMS = ['RS256'])",
    applies: Applies::Always,
};

fn signing_key_missing(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for provider in d.authentik.providers.iter().filter(|p| p.signing_key.is_none()) {
        out.push(Finding::in_block(
            &SIGNING_KEY_MISSING,
            provider.block,
            provider.range.clone(),
            "this provider has no `signing_key`: Authentik signs ID tokens HS256 with the client secret and publishes an empty JWKS, so NetBox finds no key to verify them and the login ends in HTTP 500 (`KeyError: 'keys'`)",
        ));
    }
}

/// An EC signing key while NetBox accepts only RS256.
pub const SIGNING_KEY_EC: Rule = Rule {
    id: "authentik/signing-key-ec",
    severity: Severity::Error,
    summary: "the provider signs with an EC key (ES256/384/512) while `SOCIAL_AUTH_OIDC_JWT_ALGORITHMS` does not allow those algorithms",
    help: "select an RSA signing key, or allow the algorithm in NetBox: SOCIAL_AUTH_OIDC_JWT_ALGORITHMS = ['ES256']",
    fact: "facts §3.2 (EC keys sign ES256/384/512), §2.1 (JWT_ALGORITHMS = ['RS256'] by default; an ES256 token fails with AuthTokenError \"The specified alg value is not allowed\", verified)",
    applies: Applies::Always,
};

fn signing_key_ec(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let allowed: Vec<String> = match d.netbox.get("SOCIAL_AUTH_OIDC_JWT_ALGORITHMS").map(|s| &s.value) {
        None => vec!["RS256".into()],
        Some(value) => match value.items() {
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

/// The pre-2024.8.5 single-string redirect URIs.
pub const REDIRECT_URI_OLD_FORMAT: Rule = Rule {
    id: "authentik/redirect-uri-old-format",
    severity: Severity::Warning,
    summary: "`redirect_uris` written as one string (the format before Authentik 2024.8.5 / 2024.10.3) for a newer target",
    help: "write a list: redirect_uris: [{matching_mode: strict, url: https://netbox.internaldomain.com/oauth/complete/oidc/}]",
    fact: "facts §3.2 (new format since 2024.8.5 / 2024.10.3, CVE-2024-52289: list of {matching_mode, url}; the migration made every entry strict)",
    applies: Applies::Range { product: Product::Authentik, since: Some(Version::new(2024, 8, 5)), before: None },
};

fn redirect_uri_old_format(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    for provider in d.authentik.providers.iter().filter(|p| p.redirect_uris_old_format) {
        let Some(node) = &provider.redirect_uris_node else { continue };
        out.push(Finding::in_block(
            &REDIRECT_URI_OLD_FORMAT,
            provider.block,
            node.range.clone(),
            format!("Authentik {} keeps redirect URIs as a list of {{matching_mode, url}}; this single string is the old format, where every entry was a regex and a blank field learned the first URI used", targets.authentik),
        ));
    }
}

/// Regex redirect URIs with unescaped dots.
pub const REDIRECT_URI_REGEX_DOTS: Rule = Rule {
    id: "authentik/redirect-uri-regex-dots",
    severity: Severity::Warning,
    summary: "a regex redirect URI with an unescaped `.`, which matches any character",
    help: "use `matching_mode: strict` with the exact URI, or escape the dots (`netbox\\.internaldomain\\.com`)",
    fact: "facts §3.2 (regex entries are compared with re.fullmatch)",
    applies: Applies::Always,
};

fn redirect_uri_regex_dots(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for provider in &d.authentik.providers {
        for uri in provider.redirect_uris.iter().flatten().filter(|u| u.mode == MatchingMode::Regex) {
            let unescaped = uri.url.char_indices().any(|(i, c)| {
                c == '.'
                    && !uri.url[..i].ends_with('\\')
                    && !uri.url[i..].starts_with(".*")
                    && !uri.url[i..].starts_with(".+")
            });
            if unescaped {
                out.push(Finding::in_block(
                    &REDIRECT_URI_REGEX_DOTS,
                    provider.block,
                    uri.range.clone(),
                    format!("`{}` is a regex, so each `.` matches any character: Authentik also accepts look-alike hosts such as `netboxXinternaldomain.com` as redirect targets", uri.url),
                ));
            }
        }
    }
}

/// `ak_groups` in a scope mapping.
pub const MAPPING_AK_GROUPS: Rule = Rule {
    id: "authentik/mapping-ak-groups",
    severity: Severity::Warning,
    summary: "a scope mapping expression uses `request.user.ak_groups`, the API of older Authentik releases",
    help: "use `request.user.groups.all()`, as Authentik's built-in profile mapping does now",
    fact: "facts §3.3 (the profile mapping moved from ak_groups to groups; copied expressions may break)",
    applies: Applies::Always,
};

fn mapping_ak_groups(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
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
    use crate::rules::testing::{BLUEPRINT, NETBOX, NGINX, assert_fires};

    fn blueprint(from: &str, to: &str) -> String {
        assert!(BLUEPRINT.contains(from), "{from}");
        BLUEPRINT.replace(from, to)
    }

    #[test]
    fn encryption_key_set() {
        let b = blueprint(
            "      property_mappings:",
            "      encryption_key: !Find [authentik_crypto.certificatekeypair, [name, enc]]\n      property_mappings:",
        );
        assert_fires("authentik/encryption-key-set", (NETBOX, NGINX, &b), "encryption_key");
    }

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
    }

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
        assert!(
            !crate::rules::testing::fired(&allowed, NGINX, &b).iter().any(|(r, _)| *r == "authentik/signing-key-ec")
        );
    }

    #[test]
    fn redirect_uri_old_format() {
        let b = blueprint(
            "      redirect_uris:\n        - matching_mode: strict\n          url: https://netbox.internaldomain.com/oauth/complete/oidc/\n",
            "      redirect_uris: https://netbox\\.internaldomain\\.com/oauth/complete/oidc/\n",
        );
        assert_fires("authentik/redirect-uri-old-format", (NETBOX, NGINX, &b), "redirect_uris:");
    }

    #[test]
    fn redirect_uri_regex_dots() {
        let b = blueprint("matching_mode: strict", "matching_mode: regex");
        assert_fires(
            "authentik/redirect-uri-regex-dots",
            (NETBOX, NGINX, &b),
            "url: https://netbox.internaldomain.com",
        );
    }

    #[test]
    fn mapping_ak_groups() {
        let b = format!(
            "{BLUEPRINT}  - model: authentik_providers_oauth2.scopemapping\n    identifiers:\n      name: NetBox roles\n    attrs:\n      scope_name: roles\n      expression: |\n        return {{'roles': [g.name for g in request.user.ak_groups.all()]}}\n"
        );
        assert_fires("authentik/mapping-ak-groups", (NETBOX, NGINX, &b), "request.user.ak_groups");
    }
}
