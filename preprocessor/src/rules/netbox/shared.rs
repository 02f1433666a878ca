//! The helpers several NetBox rules use.

use super::parameters::{NETBOX, NetboxSetting};
use crate::finding::Finding;
use crate::finding::Rule;
use crate::model::NetboxConfig;
use crate::parse::netbox::{Setting, Value, ValueKind};
use crate::rules::input::Input;

pub(super) const DEFAULT_GROUPS_HANDLER: &str = "netbox.authentication.user_default_groups_handler";

pub(super) fn at_value(rule: &'static Rule, setting: &Setting, value: &Value, message: String) -> Finding {
    Finding::in_block(rule, setting.block, value.range.clone(), message)
}

pub(super) fn at_statement(rule: &'static Rule, setting: &Setting, message: String) -> Finding {
    Finding::in_block(rule, setting.block, setting.statement.clone(), message)
}

/// What a rule on NetBox's settings inventory says of one parameter: the message, and a help of
/// its own when the rule's general one would not do.
pub(super) struct Verdict {
    pub(super) message: String,
    pub(super) help: Option<String>,
}

/// The loop of the rules that judge a file's parameters by NetBox's settings inventory
/// (`setting-removed`, `setting-deprecated`, `setting-too-new`): each of the file's own settings
/// that some NetBox release has read goes to `judge` with its entry in the inventory, and each
/// verdict becomes a finding of `rule` at the setting's statement.
pub(super) fn judge_parameters(
    d: &Input<'_>,
    rule: &'static Rule,
    out: &mut Vec<Finding>,
    mut judge: impl FnMut(&Setting, &NetboxSetting) -> Option<Verdict>,
) {
    for setting in d.netbox.own_settings() {
        let Some(known) = NETBOX.get(&setting.name) else { continue };
        let Some(Verdict { message, help }) = judge(setting, known) else { continue };
        let finding = at_statement(rule, setting, message);
        out.push(match help {
            Some(help) => finding.with_help(help),
            None => finding,
        });
    }
}

/// Only social-core backends: header authentication can never sign anyone in.
pub(super) fn social_backends_only(nb: &NetboxConfig) -> bool {
    nb.backends().is_some_and(|b| !b.is_empty() && b.iter().all(|b| is_social(b)))
}

/// Backends that take a username and a password and never a user from a header: Django's
/// `ModelBackend.authenticate(request, username=None, password=None, **kwargs)` returns None
/// without a password, and NetBox's `RemoteUserMiddleware` passes only `remote_user=`
/// (Django 6.0.8, the release NetBox 4.6.8 pins, django/contrib/auth/backends.py lines 59-63;
/// NetBox 4.6.8 and 4.7.3 netbox/middleware.py lines 189-192). `AllowAllUsersModelBackend`
/// overrides only `user_can_authenticate` (backends.py lines 245-247), and NetBox's
/// `ObjectPermissionBackend` is `ObjectPermissionMixin, ModelBackend` with nothing else
/// (netbox/authentication/__init__.py lines 166-167, 4.6.8 and 4.7.3). NetBox's `LDAPBackend`
/// makes django-auth-ldap's backend, whose `authenticate(self, request, username=None,
/// password=None, **kwargs)` returns None without a username (django-auth-ldap 5.4.0 backend.py
/// L166-178; NetBox 4.6.8 netbox/authentication/__init__.py L319, L335-360). Exact class paths
/// only: Django's own `RemoteUserBackend` is a `ModelBackend` subclass that does read the header.
/// django-auth-tacacs (0.0.1, its only release) has `TACACSPlusAuthenticationBackend(ModelBackend)`
/// in `django_auth_tacacs.django` and `.netbox`, with `authenticate(self, request, username,
/// password)`: Django's `authenticate` skips a backend whose signature the credentials do not
/// bind (`remote_user=` alone does not).
const PASSWORD_BACKENDS: [&str; 6] = [
    "django.contrib.auth.backends.ModelBackend",
    "django.contrib.auth.backends.AllowAllUsersModelBackend",
    "netbox.authentication.ObjectPermissionBackend",
    "netbox.authentication.LDAPBackend",
    "django_auth_tacacs.django.TACACSPlusAuthenticationBackend",
    "django_auth_tacacs.netbox.TACACSPlusAuthenticationBackend",
];

fn is_social(backend: &str) -> bool {
    backend.starts_with("social_core.backends.")
}

/// No backend that accepts a user from a header: every backend in `REMOTE_AUTH_BACKEND` is
/// known, and each is a social-core one or a username-and-password one ([`PASSWORD_BACKENDS`]).
/// A custom or unknown class may read the header: then this is false.
pub(super) fn no_header_backend(nb: &NetboxConfig) -> bool {
    nb.backends()
        .is_some_and(|b| !b.is_empty() && b.iter().all(|b| is_social(b) || PASSWORD_BACKENDS.contains(&b.as_str())))
}

/// What the rules about header-only settings call the file's backends (when
/// [`no_header_backend`] holds): a SAML, Keycloak or Entra ID setup is no OpenID Connect, and a
/// list with `ModelBackend` is not "social-auth backends only".
pub(super) fn header_free_backends_phrase(nb: &NetboxConfig) -> String {
    if social_backends_only(nb) {
        "social-auth backends only".to_string()
    } else {
        format!("these backends ({})", backends_phrase(nb))
    }
}

/// "`KeycloakOAuth2`, `ModelBackend`": every backend the file sets, by class name. Names come
/// from the file, so they are escaped for the message.
pub(super) fn backends_phrase(nb: &NetboxConfig) -> String {
    let backends = nb.backends().unwrap_or_default();
    backends.iter().map(|b| class_name(b)).collect::<Vec<_>>().join(", ")
}

fn class_name(backend: &str) -> String {
    format!("`{}`", backend.rsplit('.').next().unwrap_or(backend).escape_debug())
}

/// "python-social-auth (`SAMLAuth`)": the social-auth backends the file sets, by class name, for
/// messages that must not call every social-auth setup OpenID Connect (a SAML, Keycloak or Entra ID
/// backend is none). Names come from the file, so they are escaped for the message.
pub(super) fn social_backends_phrase(nb: &NetboxConfig) -> String {
    let backends = nb.backends().unwrap_or_default();
    let names: Vec<String> = backends.iter().filter(|b| is_social(b)).map(|b| class_name(b)).collect();
    match names.as_slice() {
        [] => "a python-social-auth backend".to_string(),
        many => format!("python-social-auth ({})", many.join(", ")),
    }
}

/// Whether `REMOTE_AUTH_BACKEND` names a social-core backend.
pub(super) fn any_social_backend(nb: &NetboxConfig) -> bool {
    nb.backends().is_some_and(|b| b.iter().any(|b| is_social(b)))
}

pub(super) fn oidc_settings_used(nb: &NetboxConfig) -> bool {
    nb.settings().any(|s| s.name.starts_with("SOCIAL_AUTH_OIDC_"))
}

pub(super) fn truthy(nb: &NetboxConfig, name: &str) -> Option<bool> {
    nb.get(name).and_then(|s| s.value.truthy())
}

/// Whether NetBox's RemoteUserBackend signs users in: named in `REMOTE_AUTH_BACKEND`, or that
/// setting absent where its default applies (NetBox's, settings.py L173, 4.6.8; netbox-docker's
/// `environ.get('REMOTE_AUTH_BACKEND', 'netbox.authentication.RemoteUserBackend')`).
pub(super) fn header_backend(nb: &NetboxConfig) -> bool {
    match nb.get("REMOTE_AUTH_BACKEND") {
        Some(_) => nb.backends().is_some_and(|b| b.iter().any(|b| b == "netbox.authentication.RemoteUserBackend")),
        None => nb.is_complete() || (nb.shows_environment() && !nb.some_file_may_set_unseen_names()),
    }
}

/// Whether a `PLUGINS` entry (or a `PLUGINS_CONFIG` key) can name a Python module: identifiers
/// joined by dots, as `import` names a module. NetBox imports each `PLUGINS` entry with
/// `importlib.import_module(plugin_name)` (netbox/netbox/settings.py, 2.8.0 to 4.7.3; L938-947 in
/// 4.6.8), and a distribution's name with a dash (`netbox-bgp`) is not its module's
/// (`netbox_bgp`). Non-ASCII letters count as identifier characters, as Python's do.
pub(super) fn is_module_path(name: &str) -> bool {
    !name.is_empty()
        && name.split('.').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(|first| first == '_' || first.is_alphabetic())
                && chars.all(|c| c == '_' || c.is_alphanumeric())
        })
}

/// The module path a name that is not one most likely means: without surrounding blanks, dashes
/// and blanks inside made underscores (`netbox-plugin-azuread` → `netbox_plugin_azuread`), if
/// that is a module path.
pub(super) fn module_path_for(name: &str) -> Option<String> {
    let guess: String = name.trim().chars().map(|c| if c == '-' || c.is_whitespace() { '_' } else { c }).collect();
    (guess != name && is_module_path(&guess)).then_some(guess)
}

/// `text` as a single-quoted Python string literal, for a fix that quotes a value from the files
/// checked: `\` and `'` escaped, and a control character as its escape (`\n`, `\x1b`), so the
/// suggested line is valid Python whatever the value holds.
pub(super) fn python_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Control characters (Unicode's Cc: C0, DEL, C1) are all below U+0100: `\xhh`.
            c if c.is_control() => {
                use std::fmt::Write as _;
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// The modules of the pipeline steps social-core, social-auth-app-django and NetBox itself ship.
pub(super) const LIBRARY_STEPS: &[&str] = &["social_core.", "social_django.", "netbox.authentication."];

/// A pepper NetBox hashes API tokens with: an entry of `API_TOKEN_PEPPERS` written in
/// configuration.py, or netbox-docker's `API_TOKEN_PEPPER_1` where its own configuration reads it.
pub(super) struct Pepper<'a> {
    pub setting: &'a Setting,
    pub value: &'a Value,
    /// `pepper 1`, `` `API_TOKEN_PEPPER_1` ``, or "this pepper" (a key not an integer).
    pub name: String,
    /// Read from netbox-docker's variable: an empty one adds no pepper.
    pub from_variable: bool,
    /// The highest-numbered of the peppers shown, which NetBox hashes new tokens with
    /// (users/utils.py `get_current_pepper`, NetBox 4.6.8 L79-86).
    pub newest: bool,
}

/// Where it says so in a message: netbox-docker's mapping of the variable.
pub(super) const PEPPER_1_SOURCE: &str =
    " (netbox-docker makes it pepper 1 of API_TOKEN_PEPPERS unless a /run/secrets/api_token_pepper_1 file replaces it)";

/// The peppers in force (see [`Pepper`]): the dictionary configuration.py writes; netbox-docker's
/// variable where its own configuration.py is what builds the dictionary, or where a fragment (an
/// add-on, the environment file alone) leaves that file unshown.
pub(super) fn peppers(nb: &NetboxConfig) -> Vec<Pepper<'_>> {
    let from_environment = || {
        nb.environment_variable("API_TOKEN_PEPPER_1")
            .map(|var| Pepper {
                setting: var,
                value: &var.value,
                name: "`API_TOKEN_PEPPER_1`".to_string(),
                from_variable: true,
                newest: true,
            })
            .into_iter()
            .collect()
    };
    match nb.get("API_TOKEN_PEPPERS") {
        Some(setting) if nb.is_netbox_docker_own(setting) => from_environment(),
        Some(setting) => {
            let ValueKind::Dict(entries) = &setting.value.kind else { return Vec::new() };
            let highest = entries
                .iter()
                .filter_map(|(key, _)| if let ValueKind::Int(n) = key.kind { Some(n) } else { None })
                .max();
            entries
                .iter()
                .map(|(key, value)| Pepper {
                    newest: matches!(key.kind, ValueKind::Int(n) if Some(n) == highest),
                    setting,
                    value,
                    name: match &key.kind {
                        ValueKind::Int(n) => format!("pepper {n}"),
                        _ => "this pepper".to_string(),
                    },
                    from_variable: false,
                })
                .collect()
        }
        None if !nb.is_complete() => from_environment(),
        None => Vec::new(),
    }
}

/// Whether the social-auth pipeline is known to run library steps only: written out with steps
/// of [`LIBRARY_STEPS`] alone, or left out of a whole configuration (NetBox's default pipeline).
/// Then no step of the deployment's own reads a setting the libraries do not.
pub(super) fn pipeline_of_library_steps(nb: &NetboxConfig) -> bool {
    match nb.presence("SOCIAL_AUTH_PIPELINE") {
        crate::model::netbox::Presence::Unset => true,
        crate::model::netbox::Presence::Unknown => false,
        crate::model::netbox::Presence::Set(pipeline) => pipeline.value.items().is_some_and(|steps| {
            steps.iter().all(|step| step.as_str().is_some_and(|path| LIBRARY_STEPS.iter().any(|p| path.starts_with(p))))
        }),
    }
}

/// Whether a file imports `name` (`None`: any name) from the configuration module: `from
/// netbox.configuration import LDAP_SERVER` in ldap_config.py, netbox-docker's `from
/// netbox.configuration.configuration import …` in an add-on, a star import, or the module itself.
pub(super) fn imported_from_configuration(nb: &NetboxConfig, name: Option<&str>) -> bool {
    nb.imports.iter().any(|i| {
        let module = i.module.trim_start_matches('.');
        (module == "configuration" || module.starts_with("netbox.configuration") || module.ends_with(".configuration"))
            && name.is_none_or(|name| i.name.is_empty() || i.name == name || i.name == "*")
    })
}

/// Whether a value is written out as a literal (no environment lookup, nothing computed).
pub(super) fn is_literal(value: &Value) -> bool {
    match &value.kind {
        ValueKind::Env { .. } | ValueKind::Unknown => false,
        ValueKind::List(items) | ValueKind::Tuple(items) | ValueKind::Set(items) => items.iter().all(is_literal),
        ValueKind::Dict(pairs) => pairs.iter().all(|(k, v)| is_literal(k) && is_literal(v)),
        _ => true,
    }
}

/// Whether a name is upper case, as settings are written (`ALLOWED_HOSTS`, not `helper`).
pub(super) fn is_upper_case(name: &str) -> bool {
    if name.is_ascii() {
        !name.bytes().any(|b| b.is_ascii_lowercase())
    } else {
        name.chars().all(|c| c.to_uppercase().eq(std::iter::once(c)))
    }
}

/// What has no effect when a parameter nobody reads is set: "this line", or, in a chained
/// assignment (`DEBUG = TEMPLATE_DEBUG = True`, corpus case t166), which sets its other names all
/// the same, "setting `NAME` here".
pub(super) fn what_has_no_effect(nb: &NetboxConfig, setting: &Setting) -> String {
    let chained = nb.own_settings().any(|other| {
        other.block == setting.block && other.statement == setting.statement && other.name != setting.name
    });
    if chained { format!("setting `{}` here", setting.name.escape_debug()) } else { "this line".to_string() }
}

/// The services of a whole Compose project whose `netbox` service runs netbox-docker's published
/// image, for the checks that compare NetBox's environment with another service's (the
/// passwords): `None` where the configuration that runs is not known (a directory mounted and
/// not read), where netbox-docker reads Docker secrets first, where the service's
/// environment or the project's services come from places not read (a merge key, `extends:`,
/// `include:`), or where a name may resolve beyond the project's services (`extra_hosts:`,
/// `links:`, `network_mode:`, external networks).
pub fn comparable_project(nb: &NetboxConfig) -> Option<&crate::parse::netbox::ProjectServices> {
    let services = nb.whole_project_services()?;
    let stock = nb.stock_configuration()?;
    // The configuration that runs must be known: the image's as shipped, or a netbox-docker
    // checkout's whole directory (`--netbox-docker`). A directory mounted and not read may hold
    // an add-on that sets `DATABASE` or `REDIS` itself (its files override configuration.py's).
    if !nb.configuration_known() || nb.some_file_may_set_unseen_names() {
        return None;
    }
    let unsure = stock.published_image != Some(true)
        || stock.secrets
        || stock.environment_unseen
        || stock.network_mode
        || services.elsewhere
        || services.services_elsewhere
        || services.names_beyond;
    (!unsure).then_some(services)
}

/// The one service that answers to `host` on the project's network (its name or another of its
/// names), shown in one compose file only; `None` where none or several may.
pub fn only_service_answering<'a>(
    services: &'a crate::parse::netbox::ProjectServices,
    host: &str,
) -> Option<&'a crate::parse::netbox::ShownService> {
    let mut shown = services.shown.iter().filter(|service| service.answers_to(host));
    match (shown.next(), shown.next()) {
        (Some(service), None) => Some(service),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    /// What a suggested fix quotes stays one valid Python string literal, whatever it holds.
    #[test]
    fn python_string_escapes_what_would_end_or_break_the_literal() {
        assert_eq!(super::python_string("authentik Admins"), "'authentik Admins'");
        assert_eq!(super::python_string("O'Brien \\ Ops"), "'O\\'Brien \\\\ Ops'");
        assert_eq!(super::python_string("a\nb\u{1b}c\u{85}"), "'a\\nb\\x1bc\\x85'");
    }
}
