//! `netbox/redirect-is-https-smell`: `SOCIAL_AUTH_REDIRECT_IS_HTTPS = True` papering over a missing `X-Forwarded-Proto`.

use super::shared::at_statement;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// `SOCIAL_AUTH_REDIRECT_IS_HTTPS = True` papering over a missing `X-Forwarded-Proto`.
pub const REDIRECT_IS_HTTPS_SMELL: Rule = Rule {
    id: "netbox/redirect-is-https-smell",
    severity: Severity::Warning,
    summary: "`SOCIAL_AUTH_REDIRECT_IS_HTTPS = True`: a workaround that hides a proxy not sending `X-Forwarded-Proto`",
    help: "make the proxy in front of NetBox send `X-Forwarded-Proto` (nginx: `proxy_set_header X-Forwarded-Proto $scheme;` in the location that proxies NetBox), then remove this line",
    fact: "facts §2.2 (it only rewrites http:// to https:// in the redirect URI), §1.3 (NetBox docs: only for a proxy that does not tell NetBox about HTTPS), §4 (CSRF origin check), §9 (NetBox 4.7 SSO begins with a POST)",
    applies: Applies::Always,
};

pub fn redirect_is_https_smell(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_REDIRECT_IS_HTTPS") else { return };
    if setting.value.truthy() != Some(true) {
        return;
    }
    let posts = if targets.netbox >= Version::new(4, 7, 0) {
        "the login form and the SSO button (a POST since NetBox 4.7) fail"
    } else {
        "the login form fails"
    };
    out.push(at_statement(
        &REDIRECT_IS_HTTPS_SMELL,
        setting,
        format!("`SOCIAL_AUTH_REDIRECT_IS_HTTPS` only rewrites the scheme of the redirect URI; if it is needed, the proxy does not send `X-Forwarded-Proto`, NetBox still believes it is served over http, and {posts} with 403 CSRF verification failed unless CSRF_TRUSTED_ORIGINS lists the https origin"),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[(
        "netbox/redirect-is-https-smell",
        "4.7",
        "SOCIAL_AUTH_REDIRECT_IS_HTTPS = True\n",
        1,
        "SOCIAL_AUTH_REDIRECT_IS_HTTPS = False\n",
    )];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::REDIRECT_IS_HTTPS_SMELL, CASES);
    }
}
