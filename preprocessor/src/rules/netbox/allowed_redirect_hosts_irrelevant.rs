//! `netbox/allowed-redirect-hosts-irrelevant`: `SOCIAL_AUTH_ALLOWED_REDIRECT_HOSTS` set as if it fixed the redirect URI.

use super::shared::at_statement;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `SOCIAL_AUTH_ALLOWED_REDIRECT_HOSTS` set as if it fixed the redirect URI.
pub const ALLOWED_REDIRECT_HOSTS_IRRELEVANT: Rule = Rule {
    id: "netbox/allowed-redirect-hosts-irrelevant",
    severity: Severity::Info,
    summary: "`SOCIAL_AUTH_ALLOWED_REDIRECT_HOSTS` is set; it never changes the redirect URI sent to Authentik",
    help: "remove it unless users are sent to another host after login; a \"Redirect URI Error\" is fixed in the proxy headers and in Authentik's redirect URIs",
    fact: "facts §2.2 (it only sanitizes the post-login `next` target; the current host is always allowed)",
    applies: Applies::Always,
};

pub fn allowed_redirect_hosts_irrelevant(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    if let Some(setting) = d.netbox.get("SOCIAL_AUTH_ALLOWED_REDIRECT_HOSTS") {
        out.push(at_statement(
            &ALLOWED_REDIRECT_HOSTS_IRRELEVANT,
            setting,
            "`SOCIAL_AUTH_ALLOWED_REDIRECT_HOSTS` only limits where the browser may go after login (`next`); it has no influence on the redirect URI sent to Authentik and cannot fix \"Redirect URI Error\"".into(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[(
        "netbox/allowed-redirect-hosts-irrelevant",
        "4.7",
        "SOCIAL_AUTH_ALLOWED_REDIRECT_HOSTS = ['netbox.internaldomain.com']\n",
        1,
        "ALLOWED_HOSTS = ['netbox.internaldomain.com']\n",
    )];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::ALLOWED_REDIRECT_HOSTS_IRRELEVANT, CASES);
    }
}
