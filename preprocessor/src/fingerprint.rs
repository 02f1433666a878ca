//! A block's fingerprint: the hash that `extract` writes into the manifest and the verification
//! record, and that the checks compare to tell whether a verified block has changed since. Below
//! both of its users, so that neither imports the other for it.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

/// `sha256:` + hex of a text.
pub fn hash(text: &str) -> String {
    let mut hex = String::with_capacity(7 + 64);
    hex.push_str("sha256:");
    for byte in Sha256::digest(text.as_bytes()) {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}
