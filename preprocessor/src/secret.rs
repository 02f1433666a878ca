//! Which names hold a secret, so that no output shows a secret's value whole: the terminal's
//! snippets mask them ([`crate::report`]), and a value a secret takes from a variable of another
//! name is placed where the secret's own name is written ([`crate::parse`]).

/// Whether a setting or variable of this name holds a secret: `SECRET_KEY`, `*_SECRET`,
/// `*PASSWORD*`, `*TOKEN*` (`API_TOKEN_PEPPERS`), and other `*_KEY` names but python-social-auth's
/// `SOCIAL_AUTH_*_KEY`, which is the client ID (social-core 5.2.0 `backends/base.py`
/// `get_key_and_secret`: `setting("KEY")` is the client ID, `setting("SECRET")` its secret).
///
/// Not secrets, because findings are about their values: names of a URL (`*_URL`, `*_URI`,
/// `*_ENDPOINT`: `SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL` is where a token is fetched, not a
/// token) and of a public key (`*PUBLIC_KEY`: `SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY` is the body
/// social-core wraps in `-----BEGIN PUBLIC KEY-----`, keycloak.py L111-112 in social-auth-core
/// 5.2.0, published by Keycloak; `netbox/keycloak-public-key-shape` judges it). A name with
/// lower-case letters is a dict key, not a setting (a plugin's module name in `PLUGINS_CONFIG`,
/// `netbox_secrets`, or a plugin's own setting, `api_token`): it is a secret's only when one of
/// its words (separated by `_`, or camelCase as netbox-chart's `secretKey`) is `secret`,
/// `password`, `passwd` or `token`, or its last is `key`.
pub fn is_secret_name(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    if ["_URL", "_URI", "_ENDPOINT", "PUBLIC_KEY"].iter().any(|end| upper.ends_with(end)) {
        return false;
    }
    if name.bytes().any(|b| b.is_ascii_lowercase()) {
        let words = words(name);
        let ends = |tail: &[&str]| words.len() >= tail.len() && words[words.len() - tail.len()..].iter().eq(tail);
        if ends(&["URL"]) || ends(&["URI"]) || ends(&["ENDPOINT"]) || ends(&["PUBLIC", "KEY"]) {
            return false;
        }
        // Short and misspelt forms too (`pass`, `pwd`, `bindPw`, `pasword`): a key a values file
        // misspells is one a finding shows.
        return words.iter().any(|word| {
            matches!(word.as_str(), "SECRET" | "TOKEN" | "PW" | "PWD" | "PSW" | "CREDENTIALS")
                || word.starts_with("PAS") && !word.starts_with("PAST")
                || misspelt_secret_word(word)
        }) || ends(&["KEY"]);
    }
    let client_id = upper.starts_with("SOCIAL_AUTH_") && upper.ends_with("_KEY");
    ["SECRET", "PASSWORD", "PASSWD", "TOKEN", "PRIVATE_KEY"].iter().any(|word| upper.contains(word))
        || (upper.ends_with("_KEY") && !client_id)
        // Short forms as words (`DB_PASS`, `LDAP_PWD`), as in the camelCase branch above.
        || upper.split('_').any(|word| matches!(word, "PASS" | "PWD" | "PW" | "PSW"))
        || upper.split('_').any(misspelt_secret_word)
}

/// Whether an upper-cased word is a slip of the keyboard from `SECRET`, `PASSWORD` or `TOKEN`
/// (`SCRET`, `SECERT`, `PASSWROD`, `TOKNE`; two slips only in `PASSWORD`, which is long): a
/// setting a file misspells is one a finding shows, value and all.
fn misspelt_secret_word(word: &str) -> bool {
    // `SECRETS` and `TOKENS` are other words (`netbox_secrets` is a plugin's module), and two
    // slips from `SECRET` is `SECURE` (`SECURE_SSL_REDIRECT`).
    word.len() >= 4
        && [("SECRET", 1), ("PASSWORD", 2), ("TOKEN", 1)].iter().any(|(secret, slips)| {
            !word.starts_with(secret)
                && word.len().abs_diff(secret.len()) <= *slips
                && crate::spelling::distance(word, secret) <= *slips
        })
}

/// A name's words, upper-cased: split at `_` and where a lower-case letter meets an upper-case
/// one (netbox-chart's values are camelCase: `secretKey`, `bindPassword`, `apiTokenPeppers`).
fn words(name: &str) -> Vec<String> {
    let mut words = vec![String::new()];
    let mut previous_lower = false;
    for c in name.chars() {
        if c == '_' || (c.is_ascii_uppercase() && previous_lower) {
            words.push(String::new());
        }
        if c != '_'
            && let Some(word) = words.last_mut()
        {
            word.push(c.to_ascii_uppercase());
        }
        previous_lower = c.is_ascii_lowercase();
    }
    words.retain(|word| !word.is_empty());
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names_are_told_from_client_ids() {
        for secret in [
            "SECRET_KEY",
            "SOCIAL_AUTH_OIDC_SECRET",
            "DB_PASSWORD",
            "API_TOKEN_PEPPERS",
            "SUPERUSER_API_TOKEN",
            "PASSWORD",
            "DB_PASS",
            "REDIS_CACHE_PASS",
            "LDAP_PWD",
        ] {
            assert!(is_secret_name(secret), "{secret}");
        }
        for not in [
            "SOCIAL_AUTH_OIDC_KEY",
            "SOCIAL_AUTH_AUTHENTIK_KEY",
            "ALLOWED_HOSTS",
            "DEBUG",
            "REMOTE_AUTH_HEADER",
            "BYPASS_CACHE",
        ] {
            assert!(!is_secret_name(not), "{not}");
        }
    }

    /// A URL or a public key is what its finding is about; a lower-case dict key is a
    /// secret's only by a whole word.
    #[test]
    fn urls_public_keys_and_module_names_are_not_secrets() {
        for shown in [
            "SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL",
            "SOCIAL_AUTH_OKTA_OAUTH2_TOKEN_URI",
            "SOCIAL_AUTH_AZUREAD_TOKEN_ENDPOINT",
            "SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY",
            "JWT_PUBLIC_KEY",
            "netbox_secrets",
            "secretstore_url",
            "tokens_enabled",
        ] {
            assert!(!is_secret_name(shown), "{shown}");
        }
        for secret in ["OIDC_PRIVATE_KEY", "NETBOX_SECRETS_KEY", "api_token", "password", "client_secret", "api_key"] {
            assert!(is_secret_name(secret), "{secret}");
        }
    }

    /// netbox-chart's values name their secrets in camelCase.
    #[test]
    fn camel_case_secrets_are_secrets() {
        for secret in
            ["secretKey", "bindPassword", "apiToken", "apiTokenPeppers", "password", "pasword", "pass", "bindPw", "pwd"]
        {
            assert!(is_secret_name(secret), "{secret}");
        }
        for secret in [
            "apiTokn",
            "apiToekn",
            "secert",
            "pssword",
            "SOCIAL_AUTH_OIDC_SCRET",
            "SOCIAL_AUTH_KEYCLOAK_SECERT",
            "EMAIL_PASSWROD",
            "EMAIL_PASWORD",
        ] {
            assert!(is_secret_name(secret), "{secret}");
        }
        for shown in [
            "tokenUrl",
            "jwtPublicKey",
            "allowedHosts",
            "sessionCookieName",
            "remoteAuth",
            "SECURE_SSL_REDIRECT",
            "SCRIPTS_ROOT",
            "TOKENS_URL",
        ] {
            assert!(!is_secret_name(shown), "{shown}");
        }
    }
}
