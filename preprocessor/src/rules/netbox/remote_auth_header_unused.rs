//! `netbox/remote-auth-header-unused`: `REMOTE_AUTH_HEADER` and friends where no backend reads a
//! header (only social-auth backends, or those beside Django's username-and-password `ModelBackend`).

use super::shared::{
    any_social_backend, at_statement, header_free_backends_phrase, no_header_backend, pipeline_of_library_steps,
    social_backends_phrase,
};
use crate::finding::{Finding, Rule, Severity};
use crate::model::netbox::{NetboxConfig, Presence};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// `REMOTE_AUTH_HEADER` and friends where no backend accepts a user from a header.
pub const REMOTE_AUTH_HEADER_UNUSED: Rule = Rule {
    id: "netbox/remote-auth-header-unused",
    severity: Severity::Warning,
    summary: "`REMOTE_AUTH_HEADER`, `REMOTE_AUTH_AUTO_CREATE_USER`, `REMOTE_AUTH_DEFAULT_PERMISSIONS`, `REMOTE_AUTH_DEFAULT_GROUPS` (without a social-auth backend), a profile header (`REMOTE_AUTH_USER_EMAIL`, …) or a group setting of header authentication (`REMOTE_AUTH_GROUP_SYNC_ENABLED`, `REMOTE_AUTH_SUPERUSER_GROUPS`, …) set while no backend in `REMOTE_AUTH_BACKEND` accepts a user from a header (only social-auth backends, with or without Django's username-and-password `ModelBackend`): dead configuration",
    help: "remove these lines: they belong to header (forward-auth) setups with `netbox.authentication.RemoteUserBackend`; the backends in use sign users in without them (OpenID Connect with its `SOCIAL_AUTH_*` settings, LDAP with ldap_config.py)",
    fact: "facts §1.2 (the middleware authenticates with `remote_user=`, which social-core backends ignore; AUTO_CREATE_USER and DEFAULT_PERMISSIONS are read only by RemoteUserBackend), §7; NetBox 4.6.8 and 4.7.3 netbox/middleware.py lines 189-192 (`auth.authenticate(request, remote_user=username)`, the only call) and netbox/authentication/__init__.py lines 166-176 (`ObjectPermissionBackend(ObjectPermissionMixin, ModelBackend)`, `RemoteUserBackend.create_unknown_user` reads REMOTE_AUTH_AUTO_CREATE_USER; REMOTE_AUTH_DEFAULT_GROUPS is read only by RemoteUserBackend.configure_user, L267-272, and the social-auth pipeline step user_default_groups_handler, L385-403), and netbox/middleware.py L196-201 (REMOTE_AUTH_USER_FIRST_NAME, _LAST_NAME and _EMAIL, read only there, after a header login; since 3.4.9, commit ab3531558); Django 6.0.8 (pinned by NetBox 4.6.8's requirements.txt) django/contrib/auth/backends.py lines 59-63: `ModelBackend.authenticate(self, request, username=None, password=None, **kwargs)` returns None without a password. The group settings: NetBox 4.6.8 netbox/authentication/__init__.py reads REMOTE_AUTH_AUTO_CREATE_GROUPS (L187, configure_groups), REMOTE_AUTH_GROUP_SYNC_ENABLED (L240, L269), REMOTE_AUTH_SUPERUSER_GROUPS and REMOTE_AUTH_SUPERUSERS (L249-251, _is_superuser) only in RemoteUserBackend, and netbox/middleware.py L187 and L216-218 read GROUP_SYNC_ENABLED, REMOTE_AUTH_GROUP_HEADER and REMOTE_AUTH_GROUP_SEPARATOR only on the header path; REMOTE_AUTH_STAFF_GROUPS and REMOTE_AUTH_STAFF_USERS were read by RemoteUserBackend._is_staff until NetBox 4.5 removed them (tag v4.4.10, L253-257; netbox/setting-removed from 4.5 on). A backend class this checker does not know may read the header: then nothing is said; code that uses NetBox's RemoteUserBackend itself (a pipeline step calling its configure_groups) reads the group settings: then they are not reported; nor are they when REMOTE_AUTH_GROUP_HEADER names a claim, not a header (a lower-case name, which request.META never holds: netbox/middleware.py L215-216, 4.6.8) and the pipeline may run a step whose code is not read (SOCIAL_AUTH_PIPELINE not shown, or a step outside social-core, social-auth-app-django and netbox.authentication): a plugin's sync_groups step reuses them so (its documentation: REMOTE_AUTH_GROUP_HEADER \"repurposed here as a claim key\")",
    applies: Applies::Always,
};

/// A list or tuple with nothing in it (NetBox's default for the list settings).
fn empty_list(setting: &crate::parse::netbox::Setting) -> bool {
    matches!(&setting.value.kind, ValueKind::List(items) | ValueKind::Tuple(items) if items.is_empty())
}

pub fn remote_auth_header_unused(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    if !no_header_backend(&d.netbox) {
        return;
    }
    let with = header_free_backends_phrase(&d.netbox);
    let through = any_social_backend(&d.netbox).then(|| social_backends_phrase(&d.netbox));
    let creates = through.as_ref().map_or(String::new(), |through| {
        format!("; with single sign-on through {through}, the social-auth pipeline creates users whatever this says")
    });
    let never = through.as_ref().map_or(String::new(), |through| format!("; users who sign in through {through} never do"));
    for (name, why) in [
        (
            "REMOTE_AUTH_HEADER",
            "no backend in `REMOTE_AUTH_BACKEND` accepts a user from an HTTP header, so this header never signs anyone in"
                .to_string(),
        ),
        ("REMOTE_AUTH_AUTO_CREATE_USER", format!("only NetBox's `RemoteUserBackend` reads it{creates}")),
        ("REMOTE_AUTH_USER_EMAIL", PROFILE_HEADER.to_string()),
        ("REMOTE_AUTH_USER_FIRST_NAME", PROFILE_HEADER.to_string()),
        ("REMOTE_AUTH_USER_LAST_NAME", PROFILE_HEADER.to_string()),
        (
            "REMOTE_AUTH_DEFAULT_PERMISSIONS",
            format!("only users created by header authentication get these permissions{never}"),
        ),
        // Also read by NetBox's social-auth pipeline step (`user_default_groups_handler`): judged
        // only without a social-auth backend; `[]` is NetBox's default.
        (
            "REMOTE_AUTH_DEFAULT_GROUPS",
            "only users created by header authentication (and by NetBox's social-auth pipeline step `user_default_groups_handler`) get these groups".to_string(),
        ),
    ] {
        if let Some(setting) = d.netbox.get(name) {
            if name == "REMOTE_AUTH_DEFAULT_GROUPS" && (through.is_some() || empty_list(setting)) {
                continue;
            }
            // `{}` is NetBox's own default (settings.py L175, 4.6.8): the line changes nothing
            // either way (corpus cases t136, t137).
            if name == "REMOTE_AUTH_DEFAULT_PERMISSIONS" && matches!(&setting.value.kind, ValueKind::Dict(pairs) if pairs.is_empty()) {
                continue;
            }
            // So is a profile header's default (settings.py L183-185, 4.6.8), which NetBox's
            // configuration_example.py writes out (corpus case h14).
            if let Some(field) = name.strip_prefix("REMOTE_AUTH_USER_")
                && setting.value.as_str().is_some_and(|v| v.strip_prefix("HTTP_REMOTE_USER_") == Some(field))
            {
                continue;
            }
            out.push(at_statement(&REMOTE_AUTH_HEADER_UNUSED, setting, format!("`{name}` has no effect with {with}: {why}")));
        }
    }
    // A pipeline step may call NetBox's RemoteUserBackend itself (the NetBox charm's
    // `RemoteUserBackend().configure_groups(user, groups)`): then it reads the group settings.
    // `import netbox.authentication` may reach it too.
    if d.netbox.imports.iter().any(|i| {
        i.name == "RemoteUserBackend" || (i.name.is_empty() && i.module.starts_with("netbox.authentication"))
    }) {
        return;
    }
    if group_settings_for_a_step(&d.netbox) {
        return;
    }
    let staff = if targets.netbox < STAFF_REMOVED { STAFF_SETTINGS } else { &[] };
    let who = through.map_or_else(|| "users who sign in with a password".to_string(), |t| format!("users who sign in through {t}"));
    for name in GROUP_SETTINGS.iter().chain(staff) {
        if let Some(setting) = d.netbox.get(name) {
            // A switch left off promises nothing the sign-on then fails to do: social-auth syncs
            // and creates no groups either (corpus cases h262, h263).
            if SWITCHES.contains(name) && setting.value.truthy() == Some(false) {
                continue;
            }
            out.push(at_statement(
                &REMOTE_AUTH_HEADER_UNUSED,
                setting,
                format!("`{name}` has no effect with {with}: only NetBox's `RemoteUserBackend` reads it, for groups sent in a header; {who} get no groups or superuser status from it"),
            ));
        }
    }
}

/// Whether the group settings are written for a pipeline step this checker cannot read: a
/// plugin's `sync_groups` step "reuses NetBox's own `REMOTE_AUTH_*` settings" and looks the
/// groups up in the sign-on response under `REMOTE_AUTH_GROUP_HEADER` (corpus case t79). Two
/// things must both hold:
///
/// - `REMOTE_AUTH_GROUP_HEADER` names no request header: NetBox reads it as a key of
///   `request.META` (netbox/middleware.py L215-216, 4.6.8), where every request header is
///   `HTTP_` and upper case (`X-Groups` is `HTTP_X_GROUPS`, facts §1.2), so a value with a lower-case letter
///   (`groups`, a claim's name) is never found there. Whoever wrote it meant another reader.
/// - the pipeline may run a step whose code this checker does not read: `SOCIAL_AUTH_PIPELINE`
///   is not shown (a fragment), its value is unknown, or it names a step outside social-core,
///   social-auth-app-django and NetBox's own `netbox.authentication` (any of the deployment's
///   own modules, shown or not: what settings a step consults is not read).
///
/// A written-out pipeline of library steps only (or NetBox's default one, when the whole
/// configuration is here and sets none) reads none of them: then they are reported, the claim
/// name included. Group settings without such a header are reported whatever the pipeline
/// holds (a custom group step of the administrator's maps groups on its own: t62, h43).
fn group_settings_for_a_step(netbox: &NetboxConfig) -> bool {
    let claim = netbox
        .get("REMOTE_AUTH_GROUP_HEADER")
        .and_then(|s| s.value.as_str())
        .is_some_and(|header| header.chars().any(|c| c.is_ascii_lowercase()));
    if !claim {
        return false;
    }
    // NetBox's default pipeline (Unset) reads none of them; a pipeline not shown, or one with a
    // step of the deployment's own, may.
    !matches!(netbox.presence("SOCIAL_AUTH_PIPELINE"), Presence::Unset) && !pipeline_of_library_steps(netbox)
}

/// Why the profile headers do nothing: NetBox reads them only after a header login, in its
/// `RemoteUserMiddleware` (netbox/middleware.py L196-201, 4.6.8; since 3.4.9, ab3531558).
const PROFILE_HEADER: &str =
    "NetBox reads this header only after a header login, in its `RemoteUserMiddleware`, so no user's profile is ever filled from it";

/// The group settings NetBox reads only for header authentication.
const GROUP_SETTINGS: &[&str] = &[
    "REMOTE_AUTH_GROUP_SYNC_ENABLED",
    "REMOTE_AUTH_GROUP_HEADER",
    "REMOTE_AUTH_GROUP_SEPARATOR",
    "REMOTE_AUTH_AUTO_CREATE_GROUPS",
    "REMOTE_AUTH_SUPERUSER_GROUPS",
    "REMOTE_AUTH_SUPERUSERS",
];

/// The group settings that switch something on; `False` is NetBox's default.
const SWITCHES: &[&str] = &["REMOTE_AUTH_GROUP_SYNC_ENABLED", "REMOTE_AUTH_AUTO_CREATE_GROUPS"];

/// Read by `_is_staff` until NetBox 4.5 removed `is_staff` (from then on `setting-removed`
/// reports them).
const STAFF_SETTINGS: &[&str] = &["REMOTE_AUTH_STAFF_GROUPS", "REMOTE_AUTH_STAFF_USERS"];
const STAFF_REMOVED: Version = Version::new(4, 5, 0);

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // Corpus case t210's shape: the TACACS+ backend takes a username and a password only.
        (
            "netbox/remote-auth-header-unused",
            "4.6",
            "REMOTE_AUTH_BACKEND = 'django_auth_tacacs.django.TACACSPlusAuthenticationBackend'\nREMOTE_AUTH_AUTO_CREATE_USER = True\n",
            2,
            "REMOTE_AUTH_BACKEND = 'django_auth_tacacs.django.TACACSPlusAuthenticationBackend'\nREMOTE_AUTH_AUTO_CREATE_USER = False\nREMOTE_AUTH_AUTO_CREATE_USER = True\nREMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\n",
        ),
        // Default groups without a social-auth backend (whose pipeline step reads them), or left
        // empty, NetBox's default.
        (
            "netbox/remote-auth-header-unused",
            "4.6",
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'\nREMOTE_AUTH_DEFAULT_GROUPS = ['noc']\n",
            2,
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'\nREMOTE_AUTH_DEFAULT_GROUPS = []\n",
        ),
        (
            "netbox/remote-auth-header-unused",
            "4.6",
            "REMOTE_AUTH_BACKEND = ['netbox.authentication.LDAPBackend']\nREMOTE_AUTH_DEFAULT_GROUPS = ('noc',)\n",
            2,
            "REMOTE_AUTH_BACKEND = ['netbox.authentication.LDAPBackend', 'social_core.backends.open_id_connect.OpenIdConnectAuth']\nREMOTE_AUTH_DEFAULT_GROUPS = ['noc']\n",
        ),
        // The profile headers are read only after a header login (corpus case t141, a NixOS host).
        (
            "netbox/remote-auth-header-unused",
            "4.6",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nREMOTE_AUTH_USER_EMAIL = 'HTTP_X_EMAIL'\n",
            2,
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_USER_EMAIL = 'HTTP_X_EMAIL'\n",
        ),
        // Group sync switched off: nothing is promised that the sign-on then fails to do.
        (
            "netbox/remote-auth-header-unused",
            "4.6",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.azuread_tenant.AzureADTenantOAuth2'\nREMOTE_AUTH_GROUP_SYNC_ENABLED = True\n",
            2,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.azuread_tenant.AzureADTenantOAuth2'\nREMOTE_AUTH_GROUP_SYNC_ENABLED = False\nREMOTE_AUTH_AUTO_CREATE_GROUPS = False\n",
        ),
        // NetBox's default, as configuration_example.py writes it: the line changes nothing.
        (
            "netbox/remote-auth-header-unused",
            "4.6",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nREMOTE_AUTH_USER_LAST_NAME = 'HTTP_X_LAST'\n",
            2,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nREMOTE_AUTH_USER_LAST_NAME = 'HTTP_REMOTE_USER_LAST_NAME'\n",
        ),
        // `{}` is NetBox's default: a line that repeats it changes nothing (corpus cases t136, t137)
        (
            "netbox/remote-auth-header-unused",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'\nREMOTE_AUTH_DEFAULT_PERMISSIONS = {'dcim.view_site': None}\n",
            2,
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'\nREMOTE_AUTH_DEFAULT_PERMISSIONS = {}\n",
        ),
        (
            "netbox/remote-auth-header-unused",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nREMOTE_AUTH_HEADER = 'HTTP_X'\n",
            2,
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_HEADER = 'HTTP_X'\n",
        ),
        // Django's ModelBackend beside the social one takes a username and a password, never a
        // header (the Keycloak example in netbox-chart's docs/auth.md); with NetBox's or
        // Django's RemoteUserBackend in the list, the header signs users in.
        (
            "netbox/remote-auth-header-unused",
            "4.7",
            "REMOTE_AUTH_BACKEND = [\n    'social_core.backends.keycloak.KeycloakOAuth2',\n    'django.contrib.auth.backends.ModelBackend',\n]\nREMOTE_AUTH_AUTO_CREATE_USER = True\n",
            5,
            "REMOTE_AUTH_BACKEND = [\n    'social_core.backends.keycloak.KeycloakOAuth2',\n    'django.contrib.auth.backends.RemoteUserBackend',\n]\nREMOTE_AUTH_AUTO_CREATE_USER = True\n",
        ),
        // NetBox's LDAP backend takes a username and a password from the login form, never a
        // header: django-auth-ldap creates its users by its own settings.
        (
            "netbox/remote-auth-header-unused",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'\nREMOTE_AUTH_AUTO_CREATE_USER = True\n",
            2,
            "REMOTE_AUTH_BACKEND = ['netbox.authentication.LDAPBackend', 'netbox.authentication.RemoteUserBackend']\nREMOTE_AUTH_AUTO_CREATE_USER = True\n",
        ),
        // A sign-on block switched on by the environment (corpus cases t40 and t54): what it
        // sets is the configuration when it is on; a backend left unknown by an `else` is not.
        (
            "netbox/remote-auth-header-unused",
            "4.7",
            "import os\nif os.environ.get('SSO') == 'true':\n    REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n    REMOTE_AUTH_AUTO_CREATE_USER = True\n",
            4,
            "import os\nif os.environ.get('SSO') == 'true':\n    REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nelse:\n    REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_AUTO_CREATE_USER = True\n",
        ),
        // The group settings of header authentication beside Keycloak (corpus case t62); a
        // pipeline step that calls NetBox's RemoteUserBackend reads them (the NetBox charm's
        // configuration.py, corpus case t67).
        (
            "netbox/remote-auth-header-unused",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\nREMOTE_AUTH_GROUP_SYNC_ENABLED = True\n",
            2,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\nREMOTE_AUTH_SUPERUSER_GROUPS = ['admins']\ndef sync(user, response, *args, **kwargs):\n    from netbox.authentication import RemoteUserBackend\n    RemoteUserBackend().configure_groups(user, response.get('groups', []))\n",
        ),
        (
            "netbox/remote-auth-header-unused",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nREMOTE_AUTH_SUPERUSER_GROUPS = ['admins']\n",
            2,
            // REMOTE_AUTH_DEFAULT_GROUPS is read by NetBox's own social-auth pipeline step.
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nREMOTE_AUTH_DEFAULT_GROUPS = ['staff']\n",
        ),
        // Before 4.5 the staff settings are read by header authentication too; from 4.5 on they
        // are netbox/setting-removed's.
        (
            "netbox/remote-auth-header-unused",
            "4.4",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\nREMOTE_AUTH_STAFF_GROUPS = ['staff']\n",
            2,
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_STAFF_GROUPS = ['staff']\n",
        ),
        (
            "netbox/remote-auth-header-unused",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\nREMOTE_AUTH_HEADER = 'HTTP_X'\n",
            2,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\nREMOTE_AUTH_STAFF_GROUPS = ['staff']\n",
        ),
        // A backend class this checker does not know may read the header: nothing is said.
        (
            "netbox/remote-auth-header-unused",
            "4.7",
            "REMOTE_AUTH_BACKEND = ['django.contrib.auth.backends.ModelBackend']\nREMOTE_AUTH_HEADER = 'HTTP_X'\n",
            2,
            "REMOTE_AUTH_BACKEND = ['django.contrib.auth.backends.ModelBackend', 'custom.auth.HeaderBackend']\nREMOTE_AUTH_HEADER = 'HTTP_X'\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::REMOTE_AUTH_HEADER_UNUSED, CASES);
    }

    /// A plugin's pipeline step reuses the group settings, with REMOTE_AUTH_GROUP_HEADER as the
    /// claim's name (corpus case t79): quiet while a step this checker cannot read may run (the
    /// pipeline not shown, or a step of the deployment's own); reported when the pipeline is
    /// written out with library steps only, or NetBox's default one runs (the whole
    /// configuration, no pipeline), and when the header is a header (an unseen step is then no
    /// reason: corpus cases t62 and h43).
    #[test]
    fn group_settings_for_a_pipeline_step_not_shown() {
        use crate::rules::netbox::testing::fired_chapter_lines;
        let rule = "netbox/remote-auth-header-unused";
        let block = |file: &str, text: &str| format!("# t\n\n```python,check=netbox,file={file}\n{text}```\n");
        let settings = |header: &str| {
            format!(
                "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nREMOTE_AUTH_GROUP_SYNC_ENABLED = True\nREMOTE_AUTH_GROUP_HEADER = '{header}'\nREMOTE_AUTH_SUPERUSER_GROUPS = ['nb-admins']\n"
            )
        };
        let pipeline = |last: &str| {
            format!(
                "SOCIAL_AUTH_PIPELINE = (\n    'social_core.pipeline.social_auth.social_details',\n    'social_core.pipeline.user.create_user',\n    'netbox.authentication.user_default_groups_handler',\n    '{last}',\n)\n"
            )
        };
        let claim = settings("groups");
        // The pipeline is not in this fragment: a plugin's step may be in it.
        assert_eq!(fired_chapter_lines(rule, &block("extra.py", &claim)), Vec::<usize>::new());
        // A step of the deployment's own is in it.
        let plugin = format!("{claim}{}", pipeline("netbox_group_sync.pipeline.sync_groups"));
        assert_eq!(fired_chapter_lines(rule, &block("extra.py", &plugin)), Vec::<usize>::new());
        // Library steps only: nothing reads them, the claim's name included.
        let library = format!("{claim}{}", pipeline("social_core.pipeline.user.user_details"));
        assert_eq!(fired_chapter_lines(rule, &block("extra.py", &library)), vec![2, 3, 4]);
        // The whole configuration without a pipeline: NetBox's default one runs.
        let whole = format!("ALLOWED_HOSTS = ['netbox.example.com']\n{claim}");
        assert_eq!(fired_chapter_lines(rule, &block("configuration.py", &whole)), vec![3, 4, 5]);
        // A header's WSGI name: header authentication's setting, whatever step may run.
        let header = format!("{}{}", settings("HTTP_X_GROUPS"), pipeline("netbox_group_sync.pipeline.sync_groups"));
        assert_eq!(fired_chapter_lines(rule, &block("extra.py", &header)), vec![2, 3, 4]);
        assert_eq!(fired_chapter_lines(rule, &block("extra.py", &settings("HTTP_X_GROUPS"))), vec![2, 3, 4]);
    }

    /// A guard's values count only on the guard's own lines: outside it the condition may not
    /// hold (NetBox's default backend, RemoteUserBackend, then reads the header), two guards may
    /// exclude each other, a condition an environment file can settle is not assumed, and
    /// `if False:` never holds.
    #[test]
    fn a_guard_holds_only_on_its_own_lines() {
        use crate::rules::netbox::testing::fired_chapter_lines;
        let rule = "netbox/remote-auth-header-unused";
        let sso = "import os\nif os.environ.get('SSO') == 'true':\n    REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n";
        let python = |text: &str| format!("# t\n\n```python,check=netbox\n{text}```\n");
        let inside = format!("{sso}    REMOTE_AUTH_AUTO_CREATE_USER = True\n");
        assert_eq!(fired_chapter_lines(rule, &python(&inside)), vec![4]);
        let outside = format!("{sso}REMOTE_AUTH_AUTO_CREATE_USER = True\nREMOTE_AUTH_HEADER = 'HTTP_X'\n");
        assert_eq!(fired_chapter_lines(rule, &python(&outside)), Vec::<usize>::new());
        let two = "import os\nif os.environ.get('MODE') == 'oidc':\n    REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nif os.environ.get('MODE') == 'header':\n    REMOTE_AUTH_HEADER = 'HTTP_X'\n";
        assert_eq!(fired_chapter_lines(rule, &python(two)), Vec::<usize>::new());
        let never = inside.replace("os.environ.get('SSO') == 'true'", "False");
        assert_eq!(fired_chapter_lines(rule, &python(&never)), Vec::<usize>::new());
        let settled = format!("{}```sh,check=env\nSSO=false\n```\n", python(&inside));
        assert_eq!(fired_chapter_lines(rule, &settled), Vec::<usize>::new());
    }

    /// The message names the backend the file sets: a SAML setup (NetBox Enterprise's SAML page,
    /// corpus case t30) is not told that it signs in through OpenID Connect.
    #[test]
    fn the_message_names_the_files_backend() {
        use crate::rules::netbox::testing::findings;
        let got = findings(
            "REMOTE_AUTH_BACKEND = 'social_core.backends.saml.SAMLAuth'\nREMOTE_AUTH_AUTO_CREATE_USER = True\nREMOTE_AUTH_DEFAULT_PERMISSIONS = {'dcim.view_site': None}\n",
            "4.7",
        );
        let messages: Vec<&String> =
            got.iter().filter(|f| f.0 == "netbox/remote-auth-header-unused").map(|f| &f.1).collect();
        assert_eq!(messages.len(), 2, "{got:?}");
        for message in messages {
            assert!(message.contains("(`SAMLAuth`)") && !message.contains("OpenID Connect"), "{message}");
        }
    }

    /// With `ModelBackend` in the list the message names every backend, does not call the list
    /// social-auth only, and calls only the social one single sign-on.
    #[test]
    fn a_model_backend_beside_the_social_one_is_named_for_what_it_is() {
        use crate::rules::netbox::testing::finding_of;
        let (message, _) = finding_of(
            "netbox/remote-auth-header-unused",
            "REMOTE_AUTH_BACKEND = ['social_core.backends.keycloak.KeycloakOAuth2', 'django.contrib.auth.backends.ModelBackend']\nREMOTE_AUTH_AUTO_CREATE_USER = True\n",
            "4.1",
        );
        assert!(message.contains("with these backends (`KeycloakOAuth2`, `ModelBackend`)"), "{message}");
        assert!(message.contains("single sign-on through python-social-auth (`KeycloakOAuth2`),"), "{message}");
        assert!(!message.contains("social-auth backends only"), "{message}");
    }
}
