//! `netbox/login-redirect-url-type`: `SOCIAL_AUTH_LOGIN_REDIRECT_URL = True` and other non-string URL settings.

use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `SOCIAL_AUTH_LOGIN_REDIRECT_URL = True` and other non-string URL settings.
pub const LOGIN_REDIRECT_URL_TYPE: Rule = Rule {
    id: "netbox/login-redirect-url-type",
    severity: Severity::Error,
    summary: "`SOCIAL_AUTH_LOGIN_REDIRECT_URL` (or another `SOCIAL_AUTH_*_URL`, or `LOGOUT_REDIRECT_URL`) is not a string",
    help: "remove `SOCIAL_AUTH_LOGIN_REDIRECT_URL`: NetBox already sends users to its home page after login; where a redirect is wanted, give a URL string such as '/dcim/devices/'",
    fact: "facts §2.2 (SOCIAL_AUTH_LOGIN_REDIRECT_URL is read as a URL; `True` raises TypeError, verified), §4 (Django `resolve_url`), §7",
    applies: Applies::Always,
};

pub fn login_redirect_url_type(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for setting in d.netbox.own_settings() {
        let name = setting.name.as_str();
        let is_url = name == "LOGOUT_REDIRECT_URL" || (name.starts_with("SOCIAL_AUTH_") && name.ends_with("_URL"));
        let value = &setting.value;
        if !is_url || !value.is_known() || value.as_str().is_some() {
            continue;
        }
        let consequence = if name == "SOCIAL_AUTH_LOGIN_REDIRECT_URL" {
            "after Authentik signs the user in, NetBox fails to finish the login with `TypeError` (HTTP 500) whenever the login did not start from a page carrying `next` (a bookmark, or the login page itself)"
        } else if name == "LOGOUT_REDIRECT_URL" {
            "NetBox's logout passes it to Django's `resolve_url`, which fails with `TypeError` (HTTP 500) when a reader logs out"
        } else {
            "python-social-auth redirects to it as a URL, and Django's `resolve_url` fails with `TypeError` (HTTP 500) when it does"
        };
        out.push(at_value(
            &LOGIN_REDIRECT_URL_TYPE,
            setting,
            value,
            format!("`{name}` is `{value}` (a {}), not a URL: {consequence}", value.type_name()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/login-redirect-url-type",
            "4.7",
            "SOCIAL_AUTH_LOGIN_REDIRECT_URL = True\n",
            1,
            "SOCIAL_AUTH_LOGIN_REDIRECT_URL = '/'\n",
        ),
        (
            "netbox/login-redirect-url-type",
            "4.7",
            "A = 1\nLOGOUT_REDIRECT_URL = ['x']\n",
            2,
            "LOGOUT_REDIRECT_URL = 'home'\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::LOGIN_REDIRECT_URL_TYPE, CASES);
    }
}
