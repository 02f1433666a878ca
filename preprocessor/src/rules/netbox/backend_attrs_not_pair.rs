//! `netbox/backend-attrs-not-pair`: a `SOCIAL_AUTH_BACKEND_ATTRS` value that is not a
//! `(title, icon)` pair, such as a dict of named keys.

use super::shared::{at_value, python_string};
use super::social_names::SOCIAL;
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::{Value, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A `SOCIAL_AUTH_BACKEND_ATTRS` value that NetBox's login page cannot unpack into a title and
/// an icon.
pub const BACKEND_ATTRS_NOT_PAIR: Rule = Rule {
    id: "netbox/backend-attrs-not-pair",
    severity: Severity::Error,
    summary: "a `SOCIAL_AUTH_BACKEND_ATTRS` value that is not a (title, icon) pair: the login page fails (HTTP 500), or, for a dict of two keys, its button shows the keys",
    help: "give each backend a pair: SOCIAL_AUTH_BACKEND_ATTRS = {'oidc': ('Corporate SSO', 'login')} (an MDI icon name, an image URL with '://', or None)",
    fact: "NetBox merges SOCIAL_AUTH_BACKEND_ATTRS into AUTH_BACKEND_ATTRS, whose values are (title, icon) pairs (netbox/netbox/authentication/__init__.py L24-65, NetBox 4.6.8 and the 4.7.3 wheel), and the login view unpacks the value of each configured social-auth backend: `display_name, icon_source = get_auth_backend_display(name)`, an icon with '://' shown as an image, otherwise as an MDI icon name (netbox/account/views.py L54-63 in 4.6.8, L57-66 in 4.7.3); a value of another length raises ValueError or TypeError there, a two-key dict unpacks into its keys; the setting came in NetBox 4.0.8 (commit ef5c0256f, #15375 in the 4.0.8 release notes), read the same way since",
    applies: Applies::netbox_since(4, 0, 8),
};

pub fn backend_attrs_not_pair(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_BACKEND_ATTRS") else { return };
    let ValueKind::Dict(items) = &setting.value.kind else { return };
    for (key, value) in items {
        // The login page unpacks only the values of the backends it shows (account/views.py runs
        // over load_backends(AUTHENTICATION_BACKENDS)): a key for a backend not in use is never read.
        if key.as_str().is_some_and(|name| !maybe_in_use(d, name)) {
            continue;
        }
        let Some(what) = consequence(value) else { continue };
        let (of, button) = match key.as_str() {
            Some(name) => {
                let name = format!("'{}'", name.escape_debug());
                (format!("of {name}"), format!("the {name} button"))
            }
            None => ("of a backend".to_string(), "its button".to_string()),
        };
        let finding = at_value(
            &BACKEND_ATTRS_NOT_PAIR,
            setting,
            value,
            format!(
                "the `SOCIAL_AUTH_BACKEND_ATTRS` value {of} is {}, not a (title, icon) pair: NetBox's login page unpacks it into the button's title and icon when it shows {button}, {what}",
                described(value)
            ),
        );
        out.push(match key.as_str() {
            Some(name) => finding.with_help(format!(
                "give it a pair: {}: ('<button title>', '<MDI icon name, or an image URL with ://>')",
                python_string(name)
            )),
            None => finding,
        });
    }
}

/// Whether the backend named `name` may be one NetBox uses: yes when `REMOTE_AUTH_BACKEND` is
/// not known; else when the deployment sets a `SOCIAL_AUTH_<NAME>_*` setting social-core reads for
/// that backend, or a class path in `REMOTE_AUTH_BACKEND` holds the name (`keycloak` in
/// `social_core.backends.keycloak.KeycloakOAuth2`). No inventory maps classes to their `name`,
/// so this is evidence, not proof; without it the key stays unjudged.
fn maybe_in_use(d: &Input<'_>, name: &str) -> bool {
    let Some(backends) = d.netbox.backends() else { return true };
    let upper = name.to_uppercase().replace('-', "_");
    if d.netbox.settings().any(|s| SOCIAL.backend_of(&s.name) == Some(upper.as_str())) {
        return true;
    }
    let flat = |text: &str| text.to_lowercase().replace(['-', '_', '.'], "");
    let wanted = flat(name);
    !wanted.is_empty() && backends.iter().any(|b| flat(b).contains(&wanted))
}

/// What the login page makes of a value that is not a pair; `None` for a pair (a list of two
/// unpacks as well as a tuple) or a value nobody can know.
fn consequence(value: &Value) -> Option<String> {
    let length = match &value.kind {
        ValueKind::Tuple(items) | ValueKind::List(items) if items.len() == 2 => return None,
        // An unknown item may be a `*name` spread over any number of items: the length is unknown.
        ValueKind::Tuple(items) | ValueKind::List(items) | ValueKind::Set(items) if items.iter().any(unknown) => {
            return None;
        }
        ValueKind::Dict(items) if items.iter().any(|(key, _)| unknown(key)) => return None,
        // Bytes unpack into integers: what follows depends on the bytes; never seen in a file.
        ValueKind::Env { .. } | ValueKind::Unknown | ValueKind::Bytes(_) => return None,
        ValueKind::Dict(items) if items.len() == 2 => {
            return Some(match (items[0].0.as_str(), items[1].0.as_str()) {
                (Some(title), Some(icon)) => format!(
                    "and a dict unpacks into its keys: the button reads '{}', with '{}' as its icon, not the values given",
                    title.escape_debug(),
                    icon.escape_debug()
                ),
                _ => "and a dict unpacks into its keys: the button shows its first key, not the values given".into(),
            });
        }
        ValueKind::Str(s) if s.chars().count() == 2 => {
            return Some("and a string unpacks into its characters: the button's title is its first character".into());
        }
        ValueKind::Set(items) if items.len() == 2 => {
            return Some("and a set unpacks in no fixed order: title and icon may swap".into());
        }
        ValueKind::Dict(items) => Some(items.len()),
        ValueKind::Tuple(items) | ValueKind::List(items) | ValueKind::Set(items) => Some(items.len()),
        ValueKind::Str(s) => Some(s.chars().count()),
        ValueKind::Int(_) | ValueKind::Float(_) | ValueKind::Bool(_) | ValueKind::None => None,
    };
    let error = match length {
        Some(n) => format!("`ValueError` ({n} items where it takes 2)"),
        None => "`TypeError` (it cannot be unpacked)".to_string(),
    };
    Some(format!("and fails with {error}: the login page answers HTTP 500, for local accounts too"))
}

/// An item the evaluator could not read: a `*name` or `**name` spread among them.
fn unknown(value: &Value) -> bool {
    value.kind == ValueKind::Unknown
}

/// "a dict", "None": the value's type as the message names it.
fn described(value: &Value) -> String {
    match value.kind {
        ValueKind::None => "None".to_string(),
        _ => format!("a {}", value.type_name()),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // A dict of named keys (corpus case t69).
        (
            "netbox/backend-attrs-not-pair",
            "4.7",
            "SOCIAL_AUTH_BACKEND_ATTRS = {\n    'keycloak': {\n        'display_name': 'Corporate SSO',\n        'icon_url': '/static/img/sso-icon.png',\n    }\n}\n",
            2,
            "SOCIAL_AUTH_BACKEND_ATTRS = {\n    'keycloak': ('Corporate SSO', '/static/img/sso-icon.png'),\n    'oidc': ['Authelia', 'login'],\n}\n",
        ),
        // The title alone.
        (
            "netbox/backend-attrs-not-pair",
            "4.6",
            "SOCIAL_AUTH_BACKEND_ATTRS = {'oidc': 'Corporate SSO'}\n",
            1,
            "SOCIAL_AUTH_BACKEND_ATTRS = {'oidc': ('Corporate SSO', None)}\n",
        ),
        // A tuple of one: the comma makes it a tuple, not a pair.
        (
            "netbox/backend-attrs-not-pair",
            "4.7",
            "SOCIAL_AUTH_BACKEND_ATTRS = {\n    'oidc': ('Corporate SSO',),\n}\n",
            2,
            "import os\nSOCIAL_AUTH_BACKEND_ATTRS = {'oidc': (os.environ.get('SSO_TITLE'), 'login')}\n",
        ),
        // Before 4.0.8 NetBox does not read the setting.
        ("netbox/backend-attrs-not-pair", "4.0.7", "", 0, "SOCIAL_AUTH_BACKEND_ATTRS = {'oidc': 'Corporate SSO'}\n"),
        // A value nobody can know.
        ("netbox/backend-attrs-not-pair", "4.7", "", 0, "import os\nSOCIAL_AUTH_BACKEND_ATTRS = {'oidc': os.environ.get('SSO_BUTTON')}\n"),
        // Items spread from a name: any number of them.
        (
            "netbox/backend-attrs-not-pair",
            "4.7",
            "",
            0,
            "from defaults import BUTTON, ICON\nSOCIAL_AUTH_BACKEND_ATTRS = {\n    'oidc': (*BUTTON,),\n    'saml': ['SSO', 'login', *ICON],\n    'okta': {**BUTTON},\n}\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::BACKEND_ATTRS_NOT_PAIR, CASES);
    }

    /// The login page reads only the values of the backends in use: a wrong value for a backend
    /// the configuration does not use never reaches it.
    #[test]
    fn a_key_for_a_backend_not_in_use_is_not_judged() {
        use crate::rules::netbox::testing::findings;
        let rule = "netbox/backend-attrs-not-pair";
        let oidc = "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_OIDC_KEY = 'netbox'\n";
        let attrs = "SOCIAL_AUTH_BACKEND_ATTRS = {'oidc': ('SSO', 'login'), 'keycloak': 'Keycloak'}\n";
        let fired = |python: &str| findings(python, "4.7").iter().filter(|(id, ..)| *id == rule).count();
        assert_eq!(fired(&format!("{oidc}{attrs}")), 0, "keycloak is not a backend in use");
        let wrong_oidc = attrs.replace("('SSO', 'login')", "'SSO'");
        assert_eq!(fired(&format!("{oidc}{wrong_oidc}")), 1, "oidc is, by its settings");
        let keycloak = "REMOTE_AUTH_BACKEND = ['social_core.backends.keycloak.KeycloakOAuth2']\n";
        assert_eq!(fired(&format!("{keycloak}{attrs}")), 1, "keycloak is, by its class path");
        assert_eq!(fired(attrs), 1, "with the backends unknown, every key is judged");
    }

    #[test]
    fn a_two_key_dict_says_what_the_button_shows() {
        let (message, _) = finding_of(
            "netbox/backend-attrs-not-pair",
            "SOCIAL_AUTH_BACKEND_ATTRS = {'keycloak': {'display_name': 'Corporate SSO', 'icon_url': '/x.png'}}\n",
            "4.7",
        );
        assert!(message.starts_with("the `SOCIAL_AUTH_BACKEND_ATTRS` value of 'keycloak' is a dict, not a (title, icon) pair"), "{message}");
        assert!(message.ends_with("the button reads 'display_name', with 'icon_url' as its icon, not the values given"), "{message}");
    }

    #[test]
    fn a_value_of_another_length_takes_the_login_page_down() {
        let (message, _) =
            finding_of("netbox/backend-attrs-not-pair", "SOCIAL_AUTH_BACKEND_ATTRS = {'oidc': ('SSO', 'login', 'x')}\n", "4.7");
        assert!(message.contains("fails with `ValueError` (3 items where it takes 2): the login page answers HTTP 500"), "{message}");
        let (message, _) = finding_of("netbox/backend-attrs-not-pair", "SOCIAL_AUTH_BACKEND_ATTRS = {'oidc': None}\n", "4.7");
        assert!(message.contains("is None, not a (title, icon) pair") && message.contains("`TypeError`"), "{message}");
    }
}
