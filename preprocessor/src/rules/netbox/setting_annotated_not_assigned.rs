//! `netbox/setting-annotated-not-assigned`: `NAME: 'value'` in a settings file, which binds
//! nothing.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A value written after a colon: an annotation, not a setting.
pub const SETTING_ANNOTATED_NOT_ASSIGNED: Rule = Rule {
    id: "netbox/setting-annotated-not-assigned",
    severity: Severity::Error,
    summary: "`NAME: 'value'` (a colon, as in YAML) where `NAME = 'value'` was meant: Python takes it for an annotation and binds nothing, so NetBox never sees the setting",
    help: "write `NAME = value`",
    fact: "the Python language reference, annotated assignment statements: without `= value` the target is annotated, not bound (seen with Python 3.11.7: after `X: 'netbox'` the module has no attribute X, only __annotations__); NetBox reads its parameters with getattr(configuration, …) and copies SOCIAL_AUTH_* by looping over dir(configuration) (netbox/settings.py L748-751, 4.6.8; facts §1.1, §1.3), so an annotated name is absent. Only a literal annotation is reported: `NAME: str` is a type, whatever it is meant for",
    applies: Applies::Always,
};

pub fn setting_annotated_not_assigned(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for annotated in &d.netbox.annotated_only {
        // Bound elsewhere (`X: 'a'` then `X = 'a'`): the annotation is only that.
        if d.netbox.get(&annotated.name).is_some() {
            continue;
        }
        let name = annotated.name.escape_debug();
        out.push(Finding::in_block(
            &SETTING_ANNOTATED_NOT_ASSIGNED,
            annotated.block,
            annotated.statement.clone(),
            format!("`{name}: …` is an annotation, not an assignment: Python binds no `{name}`, so NetBox never sees this setting"),
        ).with_help(format!("write `{name} = …` (an equals sign, not a colon)")));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // Keycloak settings written with colons (NetBox issue #11316, corpus case t60).
        (
            "netbox/setting-annotated-not-assigned",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\nSOCIAL_AUTH_KEYCLOAK_KEY: 'netbox'\n",
            2,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\nSOCIAL_AUTH_KEYCLOAK_KEY = 'netbox'\n",
        ),
        // A type annotation, and an annotated name bound afterwards, are not reported.
        (
            "netbox/setting-annotated-not-assigned",
            "4.7",
            "ALLOWED_HOSTS: ['ipam.example.com']\n",
            1,
            "ALLOWED_HOSTS: list[str]\nSECRET_KEY: 'x'\nSECRET_KEY = 'x' * 50\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::SETTING_ANNOTATED_NOT_ASSIGNED, CASES);
    }

    /// The value (here a client secret) is never repeated in the message.
    #[test]
    fn the_message_does_not_repeat_the_value() {
        let (message, help) = finding_of("netbox/setting-annotated-not-assigned", "SOCIAL_AUTH_KEYCLOAK_SECRET: 'c41e9b07-2f6d-4a83'\n", "4.7");
        assert!(message.contains("`SOCIAL_AUTH_KEYCLOAK_SECRET: …`") && !message.contains("c41e9b07"), "{message}");
        assert_eq!(help, "write `SOCIAL_AUTH_KEYCLOAK_SECRET = …` (an equals sign, not a colon)");
    }
}
