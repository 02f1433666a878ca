//! `netbox/csrf-trusted-origins-scheme`: `CSRF_TRUSTED_ORIGINS` entries without a scheme.

use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `CSRF_TRUSTED_ORIGINS` entries without a scheme.
pub const CSRF_TRUSTED_ORIGINS_SCHEME: Rule = Rule {
    id: "netbox/csrf-trusted-origins-scheme",
    severity: Severity::Error,
    summary: "a `CSRF_TRUSTED_ORIGINS` entry without `https://` or `http://`",
    help: "write the origin with its scheme: CSRF_TRUSTED_ORIGINS = ['https://<public host>']",
    fact: "facts §1.1 (entries must include a scheme), §4 (Django 4.0+ system check 4_0.E001; scheme-less entries never match)",
    applies: Applies::netbox_since(3, 2, 0),
};

pub fn csrf_trusted_origins_scheme(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("CSRF_TRUSTED_ORIGINS") else { return };
    for entry in setting.value.items().unwrap_or_default() {
        if let Some(origin) = entry.as_str()
            && !origin.contains("://")
        {
            out.push(
                at_value(
                    &CSRF_TRUSTED_ORIGINS_SCHEME,
                    setting,
                    entry,
                    format!("'{origin}' has no scheme: Django rejects it (system check 4_0.E001) and it never matches, so logins from that origin still fail with 403 CSRF verification failed"),
                )
                .with_help(format!("write 'https://{origin}'")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[(
        "netbox/csrf-trusted-origins-scheme",
        "4.7",
        "CSRF_TRUSTED_ORIGINS = ['netbox.internaldomain.com']\n",
        1,
        "CSRF_TRUSTED_ORIGINS = ['https://netbox.internaldomain.com']\n",
    )];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::CSRF_TRUSTED_ORIGINS_SCHEME, CASES);
    }
}
