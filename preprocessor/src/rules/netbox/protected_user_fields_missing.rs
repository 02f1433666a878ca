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
    fact: "social-auth-core 4.3.0 social_core/backends/open_id_connect.py L251 puts `'groups': response.get('groups')` into the user details, and pipeline/user.py `user_details` (L89-119) does `setattr(user, name, value)` for every detail not None and not protected (`PROTECTED_USER_FIELDS` adds to the protected names); NetBox's user.groups is many-to-many, where Django forbids direct assignment; 4.4.0 removed groups from the details (facts §2.2, §6 item 4: netbox-community/netbox issue #9945 on NetBox 3.2.7, an extra.py that sets up the sign-on alone: tests/realworld/tuning/t50-…); NetBox 3.2.5 to 3.4.6 pin social-auth-core 4.3.0 (data/netbox-settings.json, from each release's requirements.txt)",
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
    // Absent from a partial file (an add-on alone): unknown, another file may set it, unless
    // that file is the one that sets up the sign-on (backend and OIDC settings together, as
    // netbox-docker's extra.py does in corpus cases t50 and h370): its protection belongs there,
    // and netbox-docker's own configuration.py never sets it.
    match d.netbox.presence("SOCIAL_AUTH_PROTECTED_USER_FIELDS") {
        Presence::Unknown if sets_up_the_sign_on(d, backend) => out.push(at_value(
            &PROTECTED_USER_FIELDS_MISSING,
            backend,
            &backend.value,
            format!("no file shown sets `SOCIAL_AUTH_PROTECTED_USER_FIELDS`, not even this one, which sets up the sign-on: {failure}"),
        )),
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

/// Whether the file that names the backend also sets the OpenID Connect backend's own
/// settings (`SOCIAL_AUTH_OIDC_…`), and is no file of netbox-docker's.
fn sets_up_the_sign_on(d: &Input<'_>, backend: &crate::parse::netbox::Setting) -> bool {
    !d.netbox.is_from_environment(backend)
        && !d.netbox.is_netbox_docker_own(backend)
        && d.netbox.own_settings().any(|s| s.block == backend.block && s.name.starts_with("SOCIAL_AUTH_OIDC_"))
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{OIDC, assert_cases};

    #[test]
    fn an_add_on_is_judged_only_where_it_sets_up_the_sign_on() {
        // The add-on that sets up the sign-on holds its protection (corpus cases t50 and h370,
        // an extra.py alone with the backend and the OIDC settings).
        let chapter = |body: &str| format!("# t\n\n```python,check=netbox,file=configuration/extra.py\n{body}```\n");
        let mut settings = crate::config::Settings::default();
        settings.targets.netbox = "3.2.7".parse().unwrap();
        let fired = |body: &str| {
            crate::rules::testing::diagnostics(&chapter(body), &settings)
                .iter()
                .any(|d| d.rule == "netbox/protected-user-fields-missing")
        };
        let oidc = format!("{OIDC}SOCIAL_AUTH_OIDC_KEY = 'netbox'\n");
        assert!(fired(&oidc));
        assert!(!fired(&format!("{oidc}SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['groups']\n")));
        // The backend alone, its settings elsewhere: another file may protect the field.
        let backend_only = oidc.lines().filter(|l| !l.starts_with("SOCIAL_AUTH_OIDC_")).collect::<Vec<_>>().join("\n") + "\n";
        assert!(!fired(&backend_only), "{backend_only}");
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
