//! Base64 (standard alphabet), as keys and certificates are pasted: blanks and `=` padding ignored.

/// The bytes `text` encodes, or `None` at the first character outside the standard alphabet.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let clean: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace() && *b != b'=').collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn decodes_padded_wrapped_and_partial_text_and_refuses_other_alphabets() {
        assert_eq!(super::decode("TWFu").as_deref(), Some(&b"Man"[..]));
        assert_eq!(super::decode("TW\nE=").as_deref(), Some(&b"Ma"[..]));
        assert_eq!(super::decode("TQ==").as_deref(), Some(&b"M"[..]));
        assert_eq!(super::decode("a-b_"), None);
    }
}
