//! Rules on the Authentik provider and its scope mappings (facts §2.1, §3, §8 AK-*).
//!
//! One file per rule: its documentation (the `Rule`), its check and its cases.

#[cfg(test)]
mod testing;

rules! {
    encryption_key_set => ENCRYPTION_KEY_SET,
    signing_key_missing => SIGNING_KEY_MISSING,
    signing_key_ec => SIGNING_KEY_EC,
    redirect_uri_old_format => REDIRECT_URI_OLD_FORMAT,
    redirect_uri_regex_dots => REDIRECT_URI_REGEX_DOTS,
    mapping_ak_groups => MAPPING_AK_GROUPS,
}
