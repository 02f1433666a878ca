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
