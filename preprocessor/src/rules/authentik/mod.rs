//! Rules on the Authentik provider and its scope mappings (facts §2.1, §3, §8 AK-*).
//!
//! One file per rule: its documentation (the `Rule`), its check and its cases.

#[cfg(test)]
mod testing;

pub mod encryption_key_set;
pub mod mapping_ak_groups;
pub mod redirect_uri_old_format;
pub mod redirect_uri_regex_dots;
pub mod signing_key_ec;
pub mod signing_key_missing;
use crate::finding::Rule;
use crate::rules::input::Check;

/// Every Authentik rule with its check, in the order of the rule reference (RULES.md).
pub const CHECKS: &[(&Rule, Check)] = &[
    (&encryption_key_set::ENCRYPTION_KEY_SET, encryption_key_set::encryption_key_set),
    (&signing_key_missing::SIGNING_KEY_MISSING, signing_key_missing::signing_key_missing),
    (&signing_key_ec::SIGNING_KEY_EC, signing_key_ec::signing_key_ec),
    (&redirect_uri_old_format::REDIRECT_URI_OLD_FORMAT, redirect_uri_old_format::redirect_uri_old_format),
    (&redirect_uri_regex_dots::REDIRECT_URI_REGEX_DOTS, redirect_uri_regex_dots::redirect_uri_regex_dots),
    (&mapping_ak_groups::MAPPING_AK_GROUPS, mapping_ak_groups::mapping_ak_groups),
];
