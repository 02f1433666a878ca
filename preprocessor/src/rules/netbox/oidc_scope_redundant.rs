//! `netbox/oidc-scope-redundant`: Default scopes listed again.
//!
//! One finding per setting, however many default scopes it repeats and however its list is laid
//! out: the cause is one (the list repeats social-core's defaults) and so is the fix. It points
//! at the first repeated scope and names them all; each other scope's first repetition is a
//! secondary place.

use super::shared::{at_value, truthy};
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::{Value, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// Default scopes listed again.
pub const OIDC_SCOPE_REDUNDANT: Rule = Rule {
    id: "netbox/oidc-scope-redundant",
    severity: Severity::Info,
    summary: "`SOCIAL_AUTH_OIDC_SCOPE` lists openid, profile or email, which social-core always adds",
    help: "list only the extra scopes (or remove the setting); openid, profile and email are requested anyway",
    fact: "facts §2.1 (DEFAULT_SCOPE = ['openid', 'profile', 'email'] is appended; duplicates are sent)",
    applies: Applies::Always,
};

pub fn oidc_scope_redundant(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_OIDC_SCOPE") else { return };
    if truthy(&d.netbox, "SOCIAL_AUTH_OIDC_IGNORE_DEFAULT_SCOPE") == Some(true)
        || !matches!(setting.value.kind, ValueKind::List(_))
    {
        return;
    }
    let items = setting.value.items().unwrap_or_default();
    let mut repeated = items.iter().filter_map(|item| match item.as_str() {
        Some(scope @ ("openid" | "profile" | "email")) => Some((scope, item)),
        _ => None,
    });
    let Some((first, at)) = repeated.next() else { return };
    // Each scope named once, in the list's order, and placed at its first repetition only: three
    // names and two secondary places at most, however long the list (a place per repetition made
    // the terminal's rendering quadratic in the list's length).
    let mut names: Vec<&str> = vec![first];
    let mut places: Vec<(&str, &Value)> = Vec::new();
    for (scope, item) in repeated {
        if !names.contains(&scope) {
            names.push(scope);
            places.push((scope, item));
        }
    }
    let message = match names.as_slice() {
        [one] => format!("social-core always requests '{one}', so listing it again only sends it twice"),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(|n| format!("'{n}'")).collect();
            format!(
                "social-core always requests {} and '{last}', so listing them again only sends them twice",
                rest.join(", ")
            )
        }
        [] => return,
    };
    let mut finding = at_value(&OIDC_SCOPE_REDUNDANT, setting, at, message);
    for (scope, item) in places {
        finding = finding.with_related(item.range.clone(), format!("'{scope}' is requested anyway"));
    }
    out.push(finding);
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[(
        "netbox/oidc-scope-redundant",
        "4.7",
        "SOCIAL_AUTH_OIDC_SCOPE = ['groups', 'email']\n",
        1,
        "SOCIAL_AUTH_OIDC_SCOPE = ['groups']\n",
    )];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::OIDC_SCOPE_REDUNDANT, CASES);
    }

    /// A list written over several lines (a Pulumi stack's NetBox side, corpus case t78) is one
    /// setting with one cause: one finding, on the first repeated scope, naming all three, with
    /// the other two as secondary places. A one-line list gives the same one finding.
    #[test]
    fn one_finding_per_setting_naming_every_repeated_scope() {
        use crate::config::Settings;
        use crate::rules::testing::diagnostics;
        let chapter = |python: &str| format!("# t\n\n```python,check=netbox\n{python}```\n");
        let several = "SOCIAL_AUTH_OIDC_SCOPE = [\n    'openid',\n    'profile',\n    'email',\n    'roles',\n]\n";
        let one_line = "SOCIAL_AUTH_OIDC_SCOPE = ['openid', 'profile', 'email', 'roles']\n";
        for (python, line, related) in [(several, 2, vec![3, 4]), (one_line, 1, vec![1, 1])] {
            let got: Vec<_> = diagnostics(&chapter(python), &Settings::default())
                .into_iter()
                .filter(|d| d.rule == "netbox/oidc-scope-redundant")
                .collect();
            assert_eq!(got.len(), 1, "one finding for the setting: {got:?}");
            let finding = &got[0];
            assert_eq!(finding.start.line - 3, line, "on the first repeated scope");
            assert_eq!(
                finding.message,
                "social-core always requests 'openid', 'profile' and 'email', so listing them again only sends them twice"
            );
            let places: Vec<usize> = finding.related.iter().map(|r| r.start.line - 3).collect();
            assert_eq!(places, related);
            assert_eq!(finding.related[0].label, "'profile' is requested anyway");
        }
    }

    /// A list repeating the defaults thousands of times is still one finding with two secondary
    /// places (one per other scope), so rendering it stays linear in the list's length.
    #[test]
    fn a_long_list_gets_a_secondary_place_per_other_scope_not_per_repetition() {
        use crate::config::Settings;
        use crate::rules::testing::diagnostics;
        let python = format!("SOCIAL_AUTH_OIDC_SCOPE = [\n{}]\n", "    'email',\n    'openid',\n    'profile',\n".repeat(2000));
        let chapter = format!("# t\n\n```python,check=netbox\n{python}```\n");
        let got: Vec<_> = diagnostics(&chapter, &Settings::default())
            .into_iter()
            .filter(|d| d.rule == "netbox/oidc-scope-redundant")
            .collect();
        assert_eq!(got.len(), 1);
        let places: Vec<usize> = got[0].related.iter().map(|r| r.start.line - 3).collect();
        assert_eq!(places, vec![3, 4], "'openid' and 'profile' at their first repetition");
    }

    /// One repeated scope keeps the message in the singular; a scope listed twice is named once.
    #[test]
    fn the_message_names_each_repeated_scope_once() {
        use crate::rules::netbox::testing::finding_of;
        let rule = "netbox/oidc-scope-redundant";
        let (message, _) = finding_of(rule, "SOCIAL_AUTH_OIDC_SCOPE = ['groups', 'email']\n", "4.7");
        assert_eq!(message, "social-core always requests 'email', so listing it again only sends it twice");
        let (message, _) = finding_of(rule, "SOCIAL_AUTH_OIDC_SCOPE = ['email', 'groups', 'email', 'openid']\n", "4.7");
        assert_eq!(
            message,
            "social-core always requests 'email' and 'openid', so listing them again only sends them twice"
        );
    }
}
