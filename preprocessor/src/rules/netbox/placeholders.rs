//! Placeholders written for an f-string into a plain string (`"ldaps://{hostname}"`), which
//! `string-not-formatted` and `ldap-dn-malformed` report.

use crate::model::NetboxConfig;

/// The names the configuration's files bind at module level (their assignments, lower-case
/// helpers included): what an f-string's `{name}` may refer to. A name bound to an environment
/// variable's value (`host = os.environ['HOST']`) is bound all the same, and is placed at the
/// variable when an environment file is shown, so every file's names are taken together.
pub(super) fn names_bound(nb: &NetboxConfig) -> std::collections::HashSet<&str> {
    nb.own_settings().filter(|s| !nb.is_chart_rendered(s)).map(|s| s.name.as_str()).collect()
}

/// The first `{name}` of a text whose `name` the configuration binds (`is_bound`): a placeholder written
/// for an f-string or `str.format` into a plain string, which Python leaves as it is. Template
/// slots (`{{ name }}`, `${name}`, `%{name}`) are not placeholders. Each `{` looks only at the
/// identifier after it, which holds no `{`, so the scan is linear.
pub(super) fn unformatted_placeholder(text: &str, is_bound: impl Fn(&str) -> bool) -> Option<&str> {
    let bytes = text.as_bytes();
    text.match_indices('{').find_map(|(open, _)| {
        if open > 0 && matches!(bytes[open - 1], b'{' | b'$' | b'%') {
            return None;
        }
        let after = &text[open + 1..];
        let end = after.bytes().position(|b| !(b.is_ascii_alphanumeric() || b == b'_'))?;
        let name = &after[..end];
        let first = name.bytes().next()?;
        (after.as_bytes()[end] == b'}' && !first.is_ascii_digit() && is_bound(name))
            .then(|| &text[open..open + end + 2])
    })
}
