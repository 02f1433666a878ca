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
    help: "use `matching_mode: strict` with the exact URI, or escape the dots (`netbox\\.internaldomain\\.com`)",
    fact: "facts §3.2 (regex entries are compared with re.fullmatch)",
    applies: Applies::Always,
};

pub fn redirect_uri_regex_dots(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
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
        // Escaped dots match only dots.
        let escaped = b.replace("url: https://netbox.internaldomain.com", "url: https://netbox\\.internaldomain\\.com");
        assert_quiet("authentik/redirect-uri-regex-dots", (NETBOX, NGINX, &escaped));
    }
}
