//! `authentik/redirect-uri-regex-dots`: Regex redirect URIs with unescaped dots.

use crate::finding::{Finding, Rule, Severity};
use crate::model::authentik::MatchingMode;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// Regex redirect URIs with unescaped dots.
pub const REDIRECT_URI_REGEX_DOTS: Rule = Rule {
    id: "authentik/redirect-uri-regex-dots",
    severity: Severity::Warning,
    summary: "a regex redirect URI with an unescaped `.`, which matches any character",
    help: "use `matching_mode: strict` with the exact URI, or escape each dot as `\\.`",
    fact: "facts §3.2 (regex entries are compared with re.fullmatch)",
    applies: Applies::Always,
};

pub fn redirect_uri_regex_dots(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for provider in &d.authentik.providers {
        for uri in provider.redirect_uris.iter().flatten().filter(|u| u.mode == MatchingMode::Regex) {
            let unescaped = uri.url.char_indices().find(|&(i, c)| c == '.' && reported(&uri.url, i));
            if let Some((at, _)) = unescaped {
                // What else it accepts, shown with this very pattern: its first unescaped dot
                // replaced by another character, and only if the pattern really accepts that.
                let lookalike = format!("{}x{}", &uri.url[..at], &uri.url[at + 1..]);
                let example = if uri.accepts(&lookalike) == Some(true) {
                    format!(", such as `{lookalike}`")
                } else {
                    String::new()
                };
                out.push(Finding::in_block(
                    &REDIRECT_URI_REGEX_DOTS,
                    provider.block,
                    uri.range.clone(),
                    format!("`{}` is a regex, so each unescaped `.` matches any character: Authentik also accepts URIs that differ there as redirect targets{example}", uri.url),
                )
                .with_help(format!(
                    "use `matching_mode: strict` with the exact URI, or escape the dots: `{}`",
                    escape_dots(&uri.url)
                )));
            }
        }
    }
}

/// Whether the dot at byte `i` is one the rule reports: not escaped, and not `.*` or `.+` (which
/// mean "anything" on purpose).
fn reported(url: &str, i: usize) -> bool {
    !url[..i].ends_with('\\') && !url[i..].starts_with(".*") && !url[i..].starts_with(".+")
}

/// The pattern with each dot the rule reports escaped.
fn escape_dots(url: &str) -> String {
    let mut escaped = String::with_capacity(url.len() + 8);
    for (i, c) in url.char_indices() {
        if c == '.' && reported(url, i) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use crate::rules::authentik::testing::blueprint;
    use crate::rules::testing::{NETBOX, NGINX, assert_fires, assert_quiet};

    #[test]
    fn redirect_uri_regex_dots() {
        let b = blueprint("matching_mode: strict", "matching_mode: regex");
        assert_fires(
            "authentik/redirect-uri-regex-dots",
            (NETBOX, NGINX, &b),
            "url: https://netbox.internaldomain.com",
        );
        // The message shows what else the input's own pattern accepts, nothing invented.
        let other = b.replace("netbox.internaldomain.com", "nb.corp.example");
        let got = crate::rules::testing::messages(NETBOX, NGINX, &other);
        let message = got.iter().find(|(r, _)| *r == "authentik/redirect-uri-regex-dots").map(|(_, m)| m.as_str());
        assert!(
            message.is_some_and(|m| m.contains("`https://nbxcorp.example/oauth/complete/oidc/`")
                && !m.contains("internaldomain")),
            "{got:#?}"
        );
        // The fix escapes the input's own dots, nothing invented.
        let helps = crate::rules::testing::helps(NETBOX, NGINX, &other);
        let help = helps.iter().find(|(r, _)| *r == "authentik/redirect-uri-regex-dots").map(|(_, h)| h.as_str());
        assert!(
            help.is_some_and(|h| h.contains("`https://nb\\.corp\\.example/oauth/complete/oidc/`")),
            "{helps:#?}"
        );
        // Escaped dots match only dots.
        let escaped = b.replace("url: https://netbox.internaldomain.com", "url: https://netbox\\.internaldomain\\.com");
        assert_quiet("authentik/redirect-uri-regex-dots", (NETBOX, NGINX, &escaped));
    }
}
