//! `netbox/protected-user-fields-missing`: OpenID Connect on a NetBox that pins social-auth-core
//! 4.3.0 without `'groups'` in `SOCIAL_AUTH_PROTECTED_USER_FIELDS`: a token with a `groups` claim
//! makes the sign-on fail with TypeError.

use super::parameters::NETBOX;
use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::model::Presence;
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// The one social-auth-core release whose OpenID Connect details carry `groups`.
const GROUPS_IN_DETAILS: Version = Version::new(4, 3, 0);

/// OpenID Connect with social-auth-core 4.3.0 and the groups field unprotected.
pub const PROTECTED_USER_FIELDS_MISSING: Rule = Rule {
    id: "netbox/protected-user-fields-missing",
    severity: Severity::Warning,
    summary: "OpenID Connect on NetBox 3.2.5 to 3.4.6 (which pin social-auth-core 4.3.0) without `'groups'` in `SOCIAL_AUTH_PROTECTED_USER_FIELDS`: a token with a `groups` claim makes every sign-on fail with `TypeError: Direct assignment to the forward side of a many-to-many set is prohibited`",
    help: "add SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['groups'] (or upgrade to NetBox 3.4.7 or later, which pins social-auth-core 4.4.0)",
    fact: "social-auth-core 4.3.0 social_core/backends/open_id_connect.py L251 puts `'groups': response.get('groups')` into the user details, and pipeline/user.py `user_details` (L89-119) does `setattr(user, name, value)` for every detail not None and not protected (`PROTECTED_USER_FIELDS` adds to the protected names); NetBox's user.groups is many-to-many, where Django forbids direct assignment; 4.4.0 removed groups from the details (facts §2.2, §6 item 4: netbox-community/netbox issue #9945 on NetBox 3.2.7); NetBox 3.2.5 to 3.4.6 pin social-auth-core 4.3.0 (data/netbox-settings.json, from each release's requirements.txt)",
    applies: Applies::Always,
};

pub fn protected_user_fields_missing(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    if NETBOX.pins(targets.netbox) != [GROUPS_IN_DETAILS] {
        return;
    }
    let Some(backend) = d.netbox.get("REMOTE_AUTH_BACKEND") else { return };
    let Some(backends) = d.netbox.backends() else { return };
    if !backends.iter().any(|b| b == "social_core.backends.open_id_connect.OpenIdConnectAuth") {
        return;
    }
    let failure = "social-auth-core 4.3.0, which this NetBox pins, puts the token's `groups` claim into the user details, and assigning it to NetBox's many-to-many `user.groups` fails: `TypeError: Direct assignment to the forward side of a many-to-many set is prohibited` at every sign-on whose token carries groups";
    // Absent from a partial file (an add-on alone): unknown, another file may set it.
    match d.netbox.presence("SOCIAL_AUTH_PROTECTED_USER_FIELDS") {
        Presence::Unknown => {}
        Presence::Set(protected) => {
            let Some(items) = protected.value.items() else { return };
            let Some(names) = items.iter().map(|i| i.as_str()).collect::<Option<Vec<_>>>() else { return };
            if !names.contains(&"groups") {
                out.push(at_value(
                    &PROTECTED_USER_FIELDS_MISSING,
                    protected,
                    &protected.value,
                    format!("`SOCIAL_AUTH_PROTECTED_USER_FIELDS` does not hold 'groups': {failure}"),
                ));
            }
        }
        Presence::Unset => out.push(at_value(
            &PROTECTED_USER_FIELDS_MISSING,
            backend,
            &backend.value,
            format!("`SOCIAL_AUTH_PROTECTED_USER_FIELDS` is not set: {failure}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{OIDC, assert_cases};

    #[test]
    fn an_add_on_alone_is_not_judged() {
        // Another file may protect the field (corpus case t50, an extra.py alone).
        let chapter = format!("# t\n\n```python,check=netbox,file=configuration/extra.py\n{OIDC}```\n");
        let mut settings = crate::config::Settings::default();
        settings.targets.netbox = "3.2.7".parse().unwrap();
        let found = crate::rules::testing::diagnostics(&chapter, &settings);
        assert!(!found.iter().any(|d| d.rule == "netbox/protected-user-fields-missing"), "{found:?}");
    }

    #[test]
    fn cases() {
        let protected = format!("{OIDC}SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['groups']\n");
        let other = format!("{OIDC}SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['email']\n");
        assert_cases(
            &super::PROTECTED_USER_FIELDS_MISSING,
            &[
                // netbox-community/netbox issue #9945, NetBox 3.2.7 (corpus case t50).
                ("netbox/protected-user-fields-missing", "3.2.7", OIDC, 1, &protected),
                ("netbox/protected-user-fields-missing", "3.3", &other, 4, &protected),
                // From 3.4.7 social-auth-core 4.4.0 leaves groups out; the 3.4 series spans both.
                ("netbox/protected-user-fields-missing", "3.4.7", "", 0, OIDC),
                ("netbox/protected-user-fields-missing", "3.4", "", 0, OIDC),
                ("netbox/protected-user-fields-missing", "3.2.4", "", 0, OIDC),
            ],
        );
    }
}
