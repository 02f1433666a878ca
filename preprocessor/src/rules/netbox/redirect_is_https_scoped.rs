//! `netbox/redirect-is-https-scoped`: The backend-scoped spelling that social-core ignores.

use super::shared::at_statement;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// The backend-scoped spelling that social-core ignores.
pub const REDIRECT_IS_HTTPS_SCOPED: Rule = Rule {
    id: "netbox/redirect-is-https-scoped",
    severity: Severity::Warning,
    summary: "`SOCIAL_AUTH_OIDC_REDIRECT_IS_HTTPS`: social-core reads this setting without a backend name, so it is ignored",
    help: "fix the proxy's `X-Forwarded-Proto` instead; if the workaround is really wanted, it is spelled SOCIAL_AUTH_REDIRECT_IS_HTTPS",
    fact: "facts §2.2 (REDIRECT_IS_HTTPS is read without backend scope)",
    applies: Applies::Always,
};

pub fn redirect_is_https_scoped(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    if let Some(setting) = d.netbox.get("SOCIAL_AUTH_OIDC_REDIRECT_IS_HTTPS") {
        out.push(at_statement(
            &REDIRECT_IS_HTTPS_SCOPED,
            setting,
            "social-core never reads `SOCIAL_AUTH_OIDC_REDIRECT_IS_HTTPS` (the setting has no backend-scoped form), so the redirect URI keeps the scheme NetBox sees".into(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[(
        "netbox/redirect-is-https-scoped",
        "4.7",
        "SOCIAL_AUTH_OIDC_REDIRECT_IS_HTTPS = True\n",
        1,
        "SOCIAL_AUTH_REDIRECT_IS_HTTPS = True\n",
    )];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::REDIRECT_IS_HTTPS_SCOPED, CASES);
    }
}
