//! Rules that need only NetBox's `configuration.py` (facts §1, §2, §8).
//!
//! Every rule reports only on statically known values: a value read from the environment or
//! computed by code the evaluator does not follow never produces a finding.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use rustc_hash::FxBuildHasher;

use crate::extract::closest_of;
use crate::finding::Rule;
use crate::finding::{Finding, Severity};
use crate::model::NetboxConfig;
use crate::model::authentik::{SHARED_ENDPOINTS, endpoint_application};
use crate::model::netbox::{ENDPOINT, ENDPOINT_FALLBACK, OIDC_BACKEND};
use crate::parse::netbox::{Setting, Value, ValueKind};
use crate::rules::input::{Check, Input};
use crate::version::{Applies, Targets, Version};

const DEFAULT_GROUPS_HANDLER: &str = "netbox.authentication.user_default_groups_handler";

/// Every NetBox rule with its check.
pub const CHECKS: &[(&Rule, Check)] = &[
    (&LOGIN_REDIRECT_URL_TYPE, login_redirect_url_type),
    (&REMOTE_AUTH_HEADER_UNUSED, remote_auth_header_unused),
    (&REMOTE_AUTH_ENABLED_UNNEEDED, remote_auth_enabled_unneeded),
    (&REMOTE_AUTH_HEADER_FORMAT, remote_auth_header_format),
    (&PROTECTED_USER_FIELDS_OBSOLETE, protected_user_fields_obsolete),
    (&SETTING_IGNORED, setting_ignored),
    (&SETTING_REMOVED, setting_removed),
    (&SETTING_UNKNOWN, setting_unknown),
    (&SOCIAL_AUTH_PREFIX_MISSING, social_auth_prefix_missing),
    (&ALLOWED_HOSTS_TYPE, allowed_hosts_type),
    (&ALLOWED_HOSTS_ENTRY, allowed_hosts_entry),
    (&CSRF_TRUSTED_ORIGINS_SCHEME, csrf_trusted_origins_scheme),
    (&OIDC_ENDPOINT_NAME, oidc_endpoint_name),
    (&OIDC_ENDPOINT_FALLBACK_NAME, oidc_endpoint_fallback_name),
    (&OIDC_ENDPOINT_WELL_KNOWN, oidc_endpoint_well_known),
    (&OIDC_ENDPOINT_TRAILING_SLASH, oidc_endpoint_trailing_slash),
    (&OIDC_ENDPOINT_SHAPE, oidc_endpoint_shape),
    (&OIDC_SCOPE_TYPE, oidc_scope_type),
    (&OIDC_SCOPE_REDUNDANT, oidc_scope_redundant),
    (&BACKEND_PATH, backend_path),
    (&BACKEND_LIST_VERSION, backend_list_version),
    (&OIDC_BACKEND_VERSION, oidc_backend_version),
    (&REDIRECT_IS_HTTPS_SMELL, redirect_is_https_smell),
    (&REDIRECT_IS_HTTPS_SCOPED, redirect_is_https_scoped),
    (&ALLOWED_REDIRECT_HOSTS_IRRELEVANT, allowed_redirect_hosts_irrelevant),
    (&LOGIN_REQUIRED_DEPRECATED, login_required_deprecated),
    (&PIPELINE_DEFAULT_GROUPS, pipeline_default_groups),
    (&PIPELINE_GROUP_IMPORT, pipeline_group_import),
    (&PIPELINE_IS_STAFF, pipeline_is_staff),
    (&PIPELINE_UNBOUND_VARIABLE, pipeline_unbound_variable),
];

fn at_value(rule: &'static Rule, setting: &Setting, value: &Value, message: String) -> Finding {
    Finding::in_block(rule, setting.block, value.range.clone(), message)
}

fn at_statement(rule: &'static Rule, setting: &Setting, message: String) -> Finding {
    Finding::in_block(rule, setting.block, setting.statement.clone(), message)
}

/// Only social-core backends: header authentication can never sign anyone in.
fn social_backends_only(nb: &NetboxConfig) -> bool {
    nb.backends().is_some_and(|b| !b.is_empty() && b.iter().all(|b| b.starts_with("social_core.backends.")))
}

fn oidc_settings_used(nb: &NetboxConfig) -> bool {
    nb.settings().any(|s| s.name.starts_with("SOCIAL_AUTH_OIDC_"))
}

fn truthy(nb: &NetboxConfig, name: &str) -> Option<bool> {
    nb.get(name).and_then(|s| s.value.truthy())
}

// ---------------------------------------------------------------------------------------------

/// `SOCIAL_AUTH_LOGIN_REDIRECT_URL = True` and other non-string URL settings.
pub const LOGIN_REDIRECT_URL_TYPE: Rule = Rule {
    id: "netbox/login-redirect-url-type",
    severity: Severity::Error,
    summary: "`SOCIAL_AUTH_LOGIN_REDIRECT_URL` (or another `SOCIAL_AUTH_*_URL`, or `LOGOUT_REDIRECT_URL`) is not a string",
    help: "remove `SOCIAL_AUTH_LOGIN_REDIRECT_URL`: NetBox already sends users to its home page after login; where a redirect is wanted, give a URL string such as '/dcim/devices/'",
    fact: "facts §2.2 (SOCIAL_AUTH_LOGIN_REDIRECT_URL is read as a URL; `True` raises TypeError, verified), §4 (Django `resolve_url`), §7",
    applies: Applies::Always,
};

fn login_redirect_url_type(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for setting in d.netbox.own_settings() {
        let name = setting.name.as_str();
        let is_url = name == "LOGOUT_REDIRECT_URL" || (name.starts_with("SOCIAL_AUTH_") && name.ends_with("_URL"));
        let value = &setting.value;
        if !is_url || !value.is_known() || value.as_str().is_some() {
            continue;
        }
        let consequence = if name == "SOCIAL_AUTH_LOGIN_REDIRECT_URL" {
            "after Authentik signs the reader in, NetBox fails to finish the login with `TypeError` (HTTP 500) whenever the login did not start from a page carrying `next` (a bookmark, or the login page itself)"
        } else if name == "LOGOUT_REDIRECT_URL" {
            "NetBox's logout passes it to Django's `resolve_url`, which fails with `TypeError` (HTTP 500) when a reader logs out"
        } else {
            "python-social-auth redirects to it as a URL, and Django's `resolve_url` fails with `TypeError` (HTTP 500) when it does"
        };
        out.push(at_value(
            &LOGIN_REDIRECT_URL_TYPE,
            setting,
            value,
            format!("`{name}` is `{value}` (a {}), not a URL: {consequence}", value.type_name()),
        ));
    }
}

// ---------------------------------------------------------------------------------------------

/// `REMOTE_AUTH_HEADER` and friends next to only social-auth backends.
pub const REMOTE_AUTH_HEADER_UNUSED: Rule = Rule {
    id: "netbox/remote-auth-header-unused",
    severity: Severity::Warning,
    summary: "`REMOTE_AUTH_HEADER`, `REMOTE_AUTH_AUTO_CREATE_USER` or `REMOTE_AUTH_DEFAULT_PERMISSIONS` set while `REMOTE_AUTH_BACKEND` holds only social-auth backends: dead configuration",
    help: "remove these lines: they belong to header (forward-auth) setups with `netbox.authentication.RemoteUserBackend`; OpenID Connect needs only `REMOTE_AUTH_BACKEND` and the `SOCIAL_AUTH_OIDC_*` settings",
    fact: "facts §1.2 (the middleware authenticates with `remote_user=`, which social-core backends ignore; AUTO_CREATE_USER and DEFAULT_PERMISSIONS are read only by RemoteUserBackend), §7",
    applies: Applies::Always,
};

fn remote_auth_header_unused(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    if !social_backends_only(&d.netbox) {
        return;
    }
    for (name, why) in [
        (
            "REMOTE_AUTH_HEADER",
            "no backend in `REMOTE_AUTH_BACKEND` accepts a user from an HTTP header, so this header never signs anyone in",
        ),
        (
            "REMOTE_AUTH_AUTO_CREATE_USER",
            "only NetBox's `RemoteUserBackend` reads it; with OpenID Connect, social-auth's pipeline creates users whatever this says",
        ),
        (
            "REMOTE_AUTH_DEFAULT_PERMISSIONS",
            "only users created by header authentication get these permissions; users who sign in through OpenID Connect never do",
        ),
    ] {
        if let Some(setting) = d.netbox.get(name) {
            out.push(at_statement(
                &REMOTE_AUTH_HEADER_UNUSED,
                setting,
                format!("`{name}` has no effect with social-auth backends only: {why}"),
            ));
        }
    }
}

/// `REMOTE_AUTH_ENABLED = True` for an OIDC-only setup.
pub const REMOTE_AUTH_ENABLED_UNNEEDED: Rule = Rule {
    id: "netbox/remote-auth-enabled-unneeded",
    severity: Severity::Info,
    summary: "`REMOTE_AUTH_ENABLED = True` while only social-auth backends are configured",
    help: "remove `REMOTE_AUTH_ENABLED`: OpenID Connect sign-in works with it False",
    fact: "facts §1.2 (REMOTE_AUTH_ENABLED gates only netbox.middleware.RemoteUserMiddleware), §7",
    applies: Applies::Always,
};

fn remote_auth_enabled_unneeded(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    if let Some(setting) = d.netbox.get("REMOTE_AUTH_ENABLED")
        && setting.value.truthy() == Some(true)
        && social_backends_only(&d.netbox)
    {
        out.push(at_statement(
            &REMOTE_AUTH_ENABLED_UNNEEDED,
            setting,
            "`REMOTE_AUTH_ENABLED` turns on header authentication only; single sign-on through OpenID Connect does not need it".into(),
        ));
    }
}

/// A header name Django never exposes under that key.
pub const REMOTE_AUTH_HEADER_FORMAT: Rule = Rule {
    id: "netbox/remote-auth-header-format",
    severity: Severity::Error,
    summary: "with header authentication, `REMOTE_AUTH_HEADER` is not a WSGI name (`HTTP_` + upper-case header, `_` for `-`)",
    help: "write the WSGI name: the request header `X-Authentik-Username` is `HTTP_X_AUTHENTIK_USERNAME`",
    fact: "facts §1.2 (REMOTE_AUTH_HEADER must be the WSGI META name)",
    applies: Applies::Always,
};

fn remote_auth_header_format(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let header_auth = truthy(&d.netbox, "REMOTE_AUTH_ENABLED") == Some(true)
        && d.netbox.backends().is_none_or(|b| b.iter().any(|b| b == "netbox.authentication.RemoteUserBackend"));
    let Some(setting) = d.netbox.get("REMOTE_AUTH_HEADER") else { return };
    let Some(header) = setting.value.as_str() else { return };
    if header_auth && (!header.starts_with("HTTP_") || header.contains('-') || header != header.to_uppercase()) {
        let wsgi = format!("HTTP_{}", header.trim_start_matches("HTTP_").to_uppercase().replace('-', "_"));
        out.push(at_value(
            &REMOTE_AUTH_HEADER_FORMAT,
            setting,
            &setting.value,
            format!("Django never has a request header under `{header}`, so header authentication never finds a user; the WSGI name is `{wsgi}`"),
        ));
    }
}

// ---------------------------------------------------------------------------------------------

/// The social-core 4.3.0 workaround that became a no-op.
pub const PROTECTED_USER_FIELDS_OBSOLETE: Rule = Rule {
    id: "netbox/protected-user-fields-obsolete",
    severity: Severity::Info,
    summary: "`SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['groups']` on NetBox 3.4.7 or later, where nothing puts `groups` into the user details",
    help: "remove it; keep it only if a custom pipeline step puts `groups` into the user details",
    fact: "facts §2.2 (needed only with social-core 4.3.0, NetBox 3.2.5 to 3.4.6; `groups` left the OIDC details in 4.4.0), §6 items 4-5",
    applies: Applies::netbox_since(3, 4, 7),
};

fn protected_user_fields_obsolete(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_PROTECTED_USER_FIELDS") else { return };
    // A pipeline step of the book's own (not social-core's or NetBox's) might put `groups` into
    // the details; then the protection may still matter.
    if let Some(pipeline) = d.netbox.get("SOCIAL_AUTH_PIPELINE") {
        let own_steps = match pipeline.value.items() {
            Some(steps) => steps.iter().any(|step| {
                step.as_str().is_none_or(|s| !s.starts_with("social_core.") && !s.starts_with("netbox.authentication."))
            }),
            None => true,
        };
        if own_steps {
            return;
        }
    }
    if let Some(groups) = setting.value.items().and_then(|items| items.iter().find(|i| i.as_str() == Some("groups"))) {
        out.push(at_value(
            &PROTECTED_USER_FIELDS_OBSOLETE,
            setting,
            groups,
            "protecting `groups` worked around a social-core 4.3.0 bug (NetBox 3.2.5 to 3.4.6); from NetBox 3.4.7 on the OpenID Connect details carry no `groups`, so this setting does nothing".into(),
        ));
    }
}

// ---------------------------------------------------------------------------------------------

/// The parameters NetBox 4.7.3 reads from configuration.py: `getattr(configuration, …)` and
/// `hasattr(configuration, …)` in `netbox/settings.py`, plus the dynamic parameters of
/// `netbox/config/parameters.py` (read off the netbox-4.7.3 wheel; facts §1.2 lists v4.6.8).
const PARAMETERS: &[&str] = &[
    "ADMINS",
    "ALLOWED_HOSTS",
    "API_TOKEN_PEPPERS",
    "AUTH_PASSWORD_VALIDATORS",
    "BASE_PATH",
    "BULK_UPDATE_CHUNK_SIZE",
    "CENSUS_REPORTING_ENABLED",
    "CHANGELOG_SKIP_EMPTY_CHANGES",
    "CORS_ORIGIN_ALLOW_ALL",
    "CORS_ORIGIN_REGEX_WHITELIST",
    "CORS_ORIGIN_WHITELIST",
    "CSRF_COOKIE_NAME",
    "CSRF_COOKIE_SECURE",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE",
    "DATABASES",
    "DATABASE_ROUTERS",
    "DATA_UPLOAD_MAX_MEMORY_SIZE",
    "DEBUG",
    "DEFAULT_DASHBOARD",
    "DEFAULT_LANGUAGE",
    "DEFAULT_PERMISSIONS",
    "DEVELOPER",
    "DISK_BASE_UNIT",
    "DOCS_ROOT",
    "EMAIL",
    "EVENTS_PIPELINE",
    "EXEMPT_VIEW_PERMISSIONS",
    "FIELD_CHOICES",
    "FILE_UPLOAD_MAX_MEMORY_SIZE",
    "GRAPHQL_DEFAULT_VERSION",
    "GRAPHQL_MAX_ALIASES",
    "GRAPHQL_MAX_QUERY_DEPTH",
    "HOSTNAME",
    "HTTP_CLIENT_IP_HEADERS",
    "HTTP_PROXIES",
    "INTERNAL_IPS",
    "ISOLATED_DEPLOYMENT",
    "JINJA2_FILTERS",
    "JINJA_ENVIRONMENT_PARAMS",
    "JINJA_FILTERS",
    "LOGGING",
    "LOGIN_FORM_HIDDEN",
    "LOGIN_PERSISTENCE",
    "LOGIN_REQUIRED",
    "LOGIN_TIMEOUT",
    "LOGOUT_REDIRECT_URL",
    "MEDIA_ROOT",
    "METRICS_ENABLED",
    "PLUGINS",
    "PLUGINS_CATALOG_CONFIG",
    "PLUGINS_CONFIG",
    "PROXY_ROUTERS",
    "QUEUE_MAPPINGS",
    "RAM_BASE_UNIT",
    "REDIS",
    "RELEASE_CHECK_URL",
    "REMOTE_AUTH_AUTO_CREATE_GROUPS",
    "REMOTE_AUTH_AUTO_CREATE_USER",
    "REMOTE_AUTH_BACKEND",
    "REMOTE_AUTH_DEFAULT_GROUPS",
    "REMOTE_AUTH_DEFAULT_PERMISSIONS",
    "REMOTE_AUTH_ENABLED",
    "REMOTE_AUTH_GROUP_HEADER",
    "REMOTE_AUTH_GROUP_SEPARATOR",
    "REMOTE_AUTH_GROUP_SYNC_ENABLED",
    "REMOTE_AUTH_HEADER",
    "REMOTE_AUTH_SUPERUSERS",
    "REMOTE_AUTH_SUPERUSER_GROUPS",
    "REMOTE_AUTH_USER_EMAIL",
    "REMOTE_AUTH_USER_FIRST_NAME",
    "REMOTE_AUTH_USER_LAST_NAME",
    "REPORTS_ROOT",
    "RQ",
    "RQ_DEFAULT_TIMEOUT",
    "RQ_RETRY_INTERVAL",
    "RQ_RETRY_MAX",
    "SCRIPTS_ROOT",
    "SEARCH_BACKEND",
    "SECRET_KEY",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_HSTS_SECONDS",
    "SECURE_SSL_REDIRECT",
    "SENTRY_CONFIG",
    "SENTRY_ENABLED",
    "SENTRY_TAGS",
    "SESSION_COOKIE_NAME",
    "SESSION_COOKIE_SECURE",
    "SESSION_FILE_PATH",
    "STORAGES",
    "STORAGE_BACKEND",
    "STORAGE_CONFIG",
    "STREAMING_EXPORTS",
    "TIME_ZONE",
    "TRANSLATION_ENABLED",
    "WEBHOOK_DEFAULT_TIMEOUT",
    // Dynamic parameters, also accepted in configuration.py.
    "BANNER_LOGIN",
    "BANNER_MAINTENANCE",
    "BANNER_TOP",
    "BANNER_BOTTOM",
    "ENFORCE_GLOBAL_UNIQUE",
    "PREFER_IPV4",
    "RACK_ELEVATION_DEFAULT_UNIT_HEIGHT",
    "RACK_ELEVATION_DEFAULT_UNIT_WIDTH",
    "POWERFEED_DEFAULT_VOLTAGE",
    "POWERFEED_DEFAULT_AMPERAGE",
    "POWERFEED_DEFAULT_MAX_UTILIZATION",
    "ALLOWED_URL_SCHEMES",
    "PAGINATE_COUNT",
    "MAX_PAGE_SIZE",
    "CUSTOM_VALIDATORS",
    "PROTECTION_RULES",
    "DEFAULT_USER_PREFERENCES",
    "CHANGELOG_RETENTION",
    "CHANGELOG_RETAIN_CREATE_LAST_UPDATE",
    "MAINTENANCE_MODE",
    "COPILOT_ENABLED",
    "GRAPHQL_ENABLED",
    "JOB_RETENTION",
    "MAPS_URL",
];

/// Parameters removed from NetBox, with the release that removed them (facts §1.2).
const REMOVED: &[(&str, Version, &str)] = &[
    ("DATE_FORMAT", Version::new(4, 0, 0), "dates follow the reader's language instead"),
    ("DATETIME_FORMAT", Version::new(4, 0, 0), "dates follow the reader's language instead"),
    ("SHORT_DATE_FORMAT", Version::new(4, 0, 0), "dates follow the reader's language instead"),
    ("SHORT_DATETIME_FORMAT", Version::new(4, 0, 0), "dates follow the reader's language instead"),
    ("TIME_FORMAT", Version::new(4, 0, 0), "times follow the reader's language instead"),
    ("SHORT_TIME_FORMAT", Version::new(4, 0, 0), "times follow the reader's language instead"),
    ("ENABLE_LOCALIZATION", Version::new(4, 0, 0), "localization is always on"),
    ("GIT_PATH", Version::new(4, 0, 0), "the setting has no effect"),
    ("DJANGO_ADMIN_ENABLED", Version::new(4, 2, 0), "the setting has no effect"),
    ("ALLOW_TOKEN_RETRIEVAL", Version::new(4, 5, 0), "the setting has no effect"),
    ("REMOTE_AUTH_STAFF_GROUPS", Version::new(4, 5, 0), "NetBox 4.5 removed staff status from its users altogether"),
    ("REMOTE_AUTH_STAFF_USERS", Version::new(4, 5, 0), "NetBox 4.5 removed staff status from its users altogether"),
    ("SENTRY_DSN", Version::new(4, 7, 0), "Sentry is configured through `SENTRY_CONFIG` now"),
    ("SENTRY_SAMPLE_RATE", Version::new(4, 7, 0), "Sentry is configured through `SENTRY_CONFIG` now"),
    ("SENTRY_SEND_DEFAULT_PII", Version::new(4, 7, 0), "Sentry is configured through `SENTRY_CONFIG` now"),
    ("SENTRY_TRACES_SAMPLE_RATE", Version::new(4, 7, 0), "Sentry is configured through `SENTRY_CONFIG` now"),
];

/// Django settings people put into configuration.py that NetBox never reads from it.
const DJANGO_SETTINGS: &[(&str, &str)] = &[
    ("USE_X_FORWARDED_HOST", "NetBox already sets it to True itself"),
    ("SECURE_PROXY_SSL_HEADER", "NetBox already sets it to ('HTTP_X_FORWARDED_PROTO', 'https') itself"),
    ("USE_X_FORWARDED_PORT", "it stays False; the port in URLs comes from the Host or X-Forwarded-Host header"),
    ("LOGIN_REDIRECT_URL", "NetBox hard-codes it to its home page"),
    ("LOGIN_URL", "NetBox hard-codes it to its login page"),
    ("SESSION_COOKIE_SAMESITE", "Django's default stays in force"),
    ("CSRF_COOKIE_SAMESITE", "Django's default stays in force"),
    ("CSRF_COOKIE_HTTPONLY", "Django's default stays in force"),
    ("SESSION_COOKIE_AGE", "use NetBox's LOGIN_TIMEOUT instead"),
    ("AUTHENTICATION_BACKENDS", "NetBox builds it from REMOTE_AUTH_BACKEND"),
    ("MIDDLEWARE", "NetBox defines its own"),
    ("INSTALLED_APPS", "NetBox defines its own; add plugins through PLUGINS"),
    ("SECURE_REFERRER_POLICY", "Django's default stays in force"),
    ("X_FRAME_OPTIONS", "NetBox sets its own"),
    ("STATIC_ROOT", "NetBox sets its own"),
    ("STATIC_URL", "NetBox derives it from BASE_PATH"),
    ("LANGUAGE_CODE", "use NetBox's DEFAULT_LANGUAGE instead"),
    ("USE_TZ", "NetBox sets its own"),
    ("DEFAULT_FROM_EMAIL", "use NetBox's EMAIL parameter instead"),
    ("SERVER_EMAIL", "use NetBox's EMAIL parameter instead"),
    ("EMAIL_HOST", "use NetBox's EMAIL parameter instead"),
];

/// python-social-auth settings that reach social-core only with the `SOCIAL_AUTH_` prefix.
const SOCIAL_NAMES: &[&str] = &[
    "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT",
    "SOCIAL_AUTH_OIDC_ENDPOINT",
    "SOCIAL_AUTH_OIDC_KEY",
    "SOCIAL_AUTH_OIDC_SECRET",
    "SOCIAL_AUTH_OIDC_SCOPE",
    "SOCIAL_AUTH_OIDC_IGNORE_DEFAULT_SCOPE",
    "SOCIAL_AUTH_OIDC_USERNAME_KEY",
    "SOCIAL_AUTH_OIDC_JWT_ALGORITHMS",
    "SOCIAL_AUTH_OIDC_JWT_LEEWAY",
    "SOCIAL_AUTH_OIDC_ID_TOKEN_MAX_AGE",
    "SOCIAL_AUTH_OIDC_USE_PKCE",
    "SOCIAL_AUTH_PIPELINE",
    "SOCIAL_AUTH_PROTECTED_USER_FIELDS",
    "SOCIAL_AUTH_LOGIN_REDIRECT_URL",
    "SOCIAL_AUTH_LOGIN_ERROR_URL",
    "SOCIAL_AUTH_REDIRECT_IS_HTTPS",
    "SOCIAL_AUTH_ALLOWED_REDIRECT_HOSTS",
    "SOCIAL_AUTH_BACKEND_ATTRS",
    "SOCIAL_AUTH_RAISE_EXCEPTIONS",
    "SOCIAL_AUTH_SANITIZE_REDIRECTS",
];

/// The names of [`PARAMETERS`], for one hash probe per lookup: per-setting rules ask for every
/// assignment of every block.
static PARAMETER_NAMES: LazyLock<HashSet<&'static str, FxBuildHasher>> =
    LazyLock::new(|| PARAMETERS.iter().copied().collect());

/// Every name NetBox, Django or social-core reads (or once read) from configuration.py.
static KNOWN_NAMES: LazyLock<HashSet<&'static str, FxBuildHasher>> = LazyLock::new(|| {
    let django = DJANGO_SETTINGS.iter().map(|(name, _)| *name);
    let removed = REMOVED.iter().map(|(name, _, _)| *name);
    PARAMETERS.iter().chain(SOCIAL_NAMES).copied().chain(django).chain(removed).collect()
});

/// [`DJANGO_SETTINGS`] by name.
static DJANGO_BY_NAME: LazyLock<HashMap<&'static str, &'static str, FxBuildHasher>> =
    LazyLock::new(|| DJANGO_SETTINGS.iter().copied().collect());

/// [`REMOVED`] by name.
static REMOVED_BY_NAME: LazyLock<HashMap<&'static str, (Version, &'static str), FxBuildHasher>> =
    LazyLock::new(|| REMOVED.iter().map(|&(name, since, why)| (name, (since, why))).collect());

/// [`SOCIAL_NAMES`] without their `SOCIAL_AUTH_` prefix.
static SOCIAL_SUFFIXES: LazyLock<HashSet<&'static str, FxBuildHasher>> =
    LazyLock::new(|| SOCIAL_NAMES.iter().filter_map(|name| name.strip_prefix("SOCIAL_AUTH_")).collect());

fn is_parameter(name: &str) -> bool {
    PARAMETER_NAMES.contains(name)
}

/// A Django setting NetBox never reads from configuration.py.
pub const SETTING_IGNORED: Rule = Rule {
    id: "netbox/setting-ignored",
    severity: Severity::Warning,
    summary: "a Django setting (`USE_X_FORWARDED_HOST`, `SECURE_PROXY_SSL_HEADER`, `LOGIN_REDIRECT_URL`, …) that NetBox never reads from configuration.py",
    help: "remove the line: NetBox copies only its own parameters and the `SOCIAL_AUTH_*` names from configuration.py into Django's settings",
    fact: "facts §1.1 (fixed list of getattr(configuration, NAME); NetBox sets SECURE_PROXY_SSL_HEADER and USE_X_FORWARDED_HOST itself), §11 (still so in 4.7.3)",
    applies: Applies::Always,
};

fn setting_ignored(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for setting in d.netbox.own_settings() {
        let name = setting.name.as_str();
        if let Some(why) = DJANGO_BY_NAME.get(name)
            && !is_parameter(name)
        {
            out.push(at_statement(
                &SETTING_IGNORED,
                setting,
                format!("NetBox never reads `{name}` from configuration.py, so this line has no effect ({why})"),
            ));
        }
    }
}

/// A parameter the target NetBox no longer has.
pub const SETTING_REMOVED: Rule = Rule {
    id: "netbox/setting-removed",
    severity: Severity::Warning,
    summary: "a parameter removed in the target NetBox version (the `DATE_FORMAT` family in 4.0, `REMOTE_AUTH_STAFF_*` in 4.5, `SENTRY_DSN` family in 4.7, …)",
    help: "remove the line, or move its value to the parameter that replaced it",
    fact: "facts §1.2 (inventory of removed parameters per release; 4.7.3 inventory read off the wheel)",
    applies: Applies::Always,
};

fn setting_removed(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    for setting in d.netbox.own_settings() {
        let name = setting.name.as_str();
        if let Some((since, why)) = REMOVED_BY_NAME.get(name)
            && targets.netbox >= *since
        {
            out.push(at_statement(
                &SETTING_REMOVED,
                setting,
                format!("NetBox {since} removed `{name}`; NetBox {} ignores it ({why})", targets.netbox),
            ));
        }
    }
}

/// A misspelt parameter.
pub const SETTING_UNKNOWN: Rule = Rule {
    id: "netbox/setting-unknown",
    severity: Severity::Warning,
    summary: "an upper-case name that is no NetBox parameter but one or two letters away from one (`ALLOWED_HOST`, `SOCIAL_AUTH_OIDC_SCOPES`)",
    help: "correct the name; as written, NetBox never reads it",
    fact: "facts §1.1 (NetBox reads a fixed list of names; others are ignored), §1.2 inventory",
    applies: Applies::Always,
};

fn setting_unknown(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for setting in d.netbox.own_settings() {
        let name = setting.name.as_str();
        if KNOWN_NAMES.contains(name) || name.len() < 6 || name.starts_with('_') || !is_upper_case(name) {
            continue;
        }
        let candidates = PARAMETERS.iter().chain(SOCIAL_NAMES).copied();
        if let Some(near) = closest_of(name, candidates) {
            out.push(
                Finding::in_block(
                    &SETTING_UNKNOWN,
                    setting.block,
                    setting.name_range.clone(),
                    format!("NetBox has no parameter `{name}`, so this line has no effect; did you mean `{near}`?"),
                )
                .with_help(format!("rename it to `{near}`")),
            );
        }
    }
}

/// Whether `to_uppercase` leaves the name unchanged (checked without allocating).
fn is_upper_case(name: &str) -> bool {
    if name.is_ascii() {
        !name.bytes().any(|b| b.is_ascii_lowercase())
    } else {
        name.chars().all(|c| c.to_uppercase().eq(std::iter::once(c)))
    }
}

/// python-social-auth names without the `SOCIAL_AUTH_` prefix.
pub const SOCIAL_AUTH_PREFIX_MISSING: Rule = Rule {
    id: "netbox/social-auth-prefix-missing",
    severity: Severity::Error,
    summary: "a python-social-auth setting written without `SOCIAL_AUTH_` (`OIDC_KEY`, `REDIRECT_IS_HTTPS`, …), which NetBox never passes on",
    help: "add the prefix: `SOCIAL_AUTH_OIDC_KEY`, `SOCIAL_AUTH_REDIRECT_IS_HTTPS`, …",
    fact: "facts §1.1 and §1.3 (only names starting with SOCIAL_AUTH_ are copied), §2.1 (setting lookup order)",
    applies: Applies::Always,
};

fn social_auth_prefix_missing(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for setting in d.netbox.own_settings() {
        let django_setting = DJANGO_BY_NAME.contains_key(setting.name.as_str());
        if SOCIAL_SUFFIXES.contains(setting.name.as_str())
            && !setting.name.contains("ENDPOINT")
            && !is_parameter(&setting.name)
            && !django_setting
        {
            out.push(
                at_statement(
                    &SOCIAL_AUTH_PREFIX_MISSING,
                    setting,
                    format!("NetBox copies only names starting with `SOCIAL_AUTH_` into Django's settings, so social-core never sees `{}`", setting.name),
                )
                .with_help(format!("rename it to `SOCIAL_AUTH_{}`", setting.name)),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------

/// `ALLOWED_HOSTS` that admits no host.
pub const ALLOWED_HOSTS_TYPE: Rule = Rule {
    id: "netbox/allowed-hosts-type",
    severity: Severity::Error,
    summary: "`ALLOWED_HOSTS` is a string (NetBox 4.7 does not start; older versions allow no host), or an empty list with DEBUG off",
    help: "list the public host name: ALLOWED_HOSTS = ['netbox.internaldomain.com']",
    fact: "facts §1.1 (a bare string is iterated character by character; an empty list rejects every host when DEBUG is False), §4 (DisallowedHost is HTTP 400); seen with real NetBox 4.7.3 (Django 6.1.2) by tests/e2e/run: a string stops start-up with ImproperlyConfigured",
    applies: Applies::Always,
};

fn allowed_hosts_type(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("ALLOWED_HOSTS") else { return };
    let message = match &setting.value.kind {
        // Django 6.1 (NetBox 4.7) refuses it at start-up; older Django iterated it.
        ValueKind::Str(s) if targets.netbox >= Version::new(4, 7, 0) => format!(
            "`ALLOWED_HOSTS` is the string '{s}', not a list: NetBox does not start (`ImproperlyConfigured: The ALLOWED_HOSTS setting must be a list or a tuple.`), and nginx answers 502 Bad Gateway"
        ),
        ValueKind::Str(s) => format!(
            "`ALLOWED_HOSTS` is the string '{s}', not a list: Django checks it character by character, so every request gets 400 Bad Request"
        ),
        ValueKind::List(items) | ValueKind::Tuple(items) if items.is_empty() && truthy(&d.netbox, "DEBUG") != Some(true) => {
            "`ALLOWED_HOSTS` is empty: with DEBUG off Django allows no host at all, so every request gets 400 Bad Request".into()
        }
        _ => return,
    };
    out.push(at_value(&ALLOWED_HOSTS_TYPE, setting, &setting.value, message));
}

/// An `ALLOWED_HOSTS` entry with a scheme, port or path.
pub const ALLOWED_HOSTS_ENTRY: Rule = Rule {
    id: "netbox/allowed-hosts-entry",
    severity: Severity::Error,
    summary: "an `ALLOWED_HOSTS` entry with a scheme, a port or a path, which never matches",
    help: "write the bare host name, for example 'netbox.internaldomain.com'",
    fact: "facts §1.1, §4 (Django compares the host without port, lower-cased, with each entry; `https://x` never matches)",
    applies: Applies::Always,
};

fn allowed_hosts_entry(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("ALLOWED_HOSTS") else { return };
    for entry in setting.value.items().unwrap_or_default() {
        let Some(host) = entry.as_str() else { continue };
        let bare = host.split("://").last().unwrap_or(host);
        let bare = bare.split('/').next().unwrap_or(bare);
        let bracketed_ipv6 = bare.starts_with('[');
        let without_port = if bracketed_ipv6 {
            bare.split_once(']').map_or(bare.to_string(), |(h, _)| format!("{h}]"))
        } else if bare.matches(':').count() == 1 {
            bare.split(':').next().unwrap_or(bare).to_string()
        } else {
            bare.to_string()
        };
        let what = if host.contains("://") {
            "a scheme"
        } else if host.contains('/') {
            "a path"
        } else if without_port != bare {
            "a port"
        } else {
            continue;
        };
        out.push(
            at_value(
                &ALLOWED_HOSTS_ENTRY,
                setting,
                entry,
                format!("the entry '{host}' has {what}, but Django compares entries with the bare host name, so it never matches and requests for that host get 400 Bad Request"),
            )
            .with_help(format!("write '{without_port}'")),
        );
    }
}

/// `CSRF_TRUSTED_ORIGINS` entries without a scheme.
pub const CSRF_TRUSTED_ORIGINS_SCHEME: Rule = Rule {
    id: "netbox/csrf-trusted-origins-scheme",
    severity: Severity::Error,
    summary: "a `CSRF_TRUSTED_ORIGINS` entry without `https://` or `http://`",
    help: "write the origin with its scheme: CSRF_TRUSTED_ORIGINS = ['https://netbox.internaldomain.com']",
    fact: "facts §1.1 (entries must include a scheme), §4 (Django 4.0+ system check 4_0.E001; scheme-less entries never match)",
    applies: Applies::netbox_since(3, 2, 0),
};

fn csrf_trusted_origins_scheme(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
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

// ---------------------------------------------------------------------------------------------

/// The OIDC endpoint set under a name social-core never reads.
pub const OIDC_ENDPOINT_NAME: Rule = Rule {
    id: "netbox/oidc-endpoint-name",
    severity: Severity::Error,
    summary: "the OpenID Connect endpoint is missing, or set under a name social-core never reads (`OIDC_ENDPOINT`, `SOCIAL_AUTH_OIDC_OIDC_URL`, …)",
    help: "set SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://authentik.yourdomain.com/application/o/netbox/'",
    fact: "facts §2.1 (minimum settings; lookup order SOCIAL_AUTH_OIDC_X, SOCIAL_AUTH_X, X), §1.1 (only SOCIAL_AUTH_* names are passed on)",
    applies: Applies::Always,
};

fn oidc_endpoint_name(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    if nb.oidc_endpoint().is_some() {
        return;
    }
    let mut reported = false;
    for setting in nb.settings() {
        let name = setting.name.as_str();
        let wrong_name = (name.contains("ENDPOINT") && (name.contains("OIDC") || name.starts_with("SOCIAL_AUTH_")))
            || (name.starts_with("SOCIAL_AUTH_OIDC_")
                && (name.ends_with("OIDC_URL") || name == "SOCIAL_AUTH_OIDC_URL"));
        if wrong_name {
            reported = true;
            out.push(at_statement(
                &OIDC_ENDPOINT_NAME,
                setting,
                format!("social-core never reads `{name}`: the OpenID Connect backend looks for `{ENDPOINT}`, so it has no endpoint to discover Authentik from and single sign-on cannot start"),
            ));
        }
    }
    if !reported
        && nb.backends().is_some_and(|b| b.iter().any(|b| b == OIDC_BACKEND))
        && let Some(key) = nb.get("SOCIAL_AUTH_OIDC_KEY")
    {
        out.push(at_statement(
            &OIDC_ENDPOINT_NAME,
            key,
            format!("no `{ENDPOINT}` is set, so the OpenID Connect backend has no endpoint to discover Authentik from and single sign-on cannot start"),
        ));
    }
}

/// The fallback endpoint name.
pub const OIDC_ENDPOINT_FALLBACK_NAME: Rule = Rule {
    id: "netbox/oidc-endpoint-fallback-name",
    severity: Severity::Info,
    summary: "the endpoint is set as `SOCIAL_AUTH_OIDC_ENDPOINT`, social-core's non-backend fallback name (ignored when `SOCIAL_AUTH_OIDC_OIDC_ENDPOINT` is also set)",
    help: "use only SOCIAL_AUTH_OIDC_OIDC_ENDPOINT, the backend-specific name (it wins when both are set)",
    fact: "facts §2.1 (SOCIAL_AUTH_OIDC_ENDPOINT is honoured as the fallback for OIDC_ENDPOINT, verified), §3.4 (guide history)",
    applies: Applies::Always,
};

fn oidc_endpoint_fallback_name(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get(ENDPOINT_FALLBACK) else { return };
    if d.netbox.get(ENDPOINT).is_some() {
        out.push(at_statement(
            &OIDC_ENDPOINT_FALLBACK_NAME,
            setting,
            format!(
                "`{ENDPOINT_FALLBACK}` is never used: `{ENDPOINT}` is also set and wins, so a change here has no effect"
            ),
        ));
    } else {
        out.push(at_statement(
            &OIDC_ENDPOINT_FALLBACK_NAME,
            setting,
            format!("`{ENDPOINT_FALLBACK}` works only as social-core's fallback for the backend setting `OIDC_ENDPOINT`; readers comparing with other guides expect `{ENDPOINT}`"),
        ));
    }
}

/// The endpoint already ends in the discovery path.
pub const OIDC_ENDPOINT_WELL_KNOWN: Rule = Rule {
    id: "netbox/oidc-endpoint-well-known",
    severity: Severity::Error,
    summary: "the OpenID Connect endpoint ends in `/.well-known/openid-configuration`, which social-core appends itself",
    help: "give the issuer URL only: 'https://authentik.yourdomain.com/application/o/netbox/'",
    fact: "facts §2.1 (discovery URL is f\"{OIDC_ENDPOINT}/.well-known/openid-configuration\")",
    applies: Applies::Always,
};

fn oidc_endpoint_well_known(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.oidc_endpoint() else { return };
    if let Some(url) = setting.value.as_str()
        && url.trim_end_matches('/').ends_with("/.well-known/openid-configuration")
    {
        out.push(at_value(
            &OIDC_ENDPOINT_WELL_KNOWN,
            setting,
            &setting.value,
            format!("social-core appends `/.well-known/openid-configuration` itself, so discovery asks for `{}/.well-known/openid-configuration`, a URL that does not exist, and single sign-on fails", url),
        ));
    }
}

/// An endpoint into Authentik's `/application/o/` that is not an application's issuer URL.
pub const OIDC_ENDPOINT_SHAPE: Rule = Rule {
    id: "netbox/oidc-endpoint-shape",
    severity: Severity::Error,
    summary: "the OpenID Connect endpoint points into Authentik's `/application/o/`, but not at an application's issuer URL `/application/o/<application slug>/`",
    help: "give the application's issuer URL: 'https://authentik.yourdomain.com/application/o/<application slug>/' (the application's slug, not the provider's name)",
    fact: "facts §3.1 (authorize, token, userinfo, introspect, revoke and device are shared endpoints; discovery lives at /application/o/<app-slug>/.well-known/openid-configuration; the slug is the application's, not the provider name), §2.1 (discovery URL is the endpoint + /.well-known/openid-configuration; the authorization endpoint is discovered)",
    applies: Applies::Always,
};

fn oidc_endpoint_shape(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.oidc_endpoint() else { return };
    let Some(url) = setting.value.as_str() else { return };
    // An endpoint ending in the discovery path is `netbox/oidc-endpoint-well-known`'s.
    if url.trim_end_matches('/').ends_with("/.well-known/openid-configuration") {
        return;
    }
    if endpoint_application(url).is_some() {
        return;
    }
    let Some((_, path)) = url.split_once("/application/o/") else { return };
    let path = path.split(['?', '#']).next().unwrap_or("").trim_end_matches('/');
    let problem = match path.split('/').collect::<Vec<_>>().as_slice() {
        [] | [""] => "names no application".to_string(),
        [shared] if SHARED_ENDPOINTS.contains(shared) => {
            format!(
                "names `{shared}`, an endpoint Authentik shares between all applications, where the application's slug belongs"
            )
        }
        [name] => format!(
            "names `{name}`, which is no slug (letters, digits, `-` and `_` only): an application's or provider's display name does not work here"
        ),
        [_, rest @ ..] => format!("goes on past the application's slug (`/{}`)", rest.join("/")),
    };
    out.push(at_value(
        &OIDC_ENDPOINT_SHAPE,
        setting,
        &setting.value,
        format!("social-core looks for Authentik's endpoints at this URL followed by `/.well-known/openid-configuration`, and Authentik serves that only under `/application/o/<application slug>/`; this endpoint {problem}, so discovery fails (404) and the sign-on never reaches Authentik"),
    ));
}

/// A trailing slash on the endpoint.
pub const OIDC_ENDPOINT_TRAILING_SLASH: Rule = Rule {
    id: "netbox/oidc-endpoint-trailing-slash",
    severity: Severity::Info,
    summary: "the OpenID Connect endpoint ends with `/`, so discovery requests `…//.well-known/openid-configuration`",
    help: "drop the trailing slash; it works with Authentik only because Authentik redirects the double slash",
    fact: "facts §2.1 (no slash normalisation; Authentik's router answers the double slash with a 301)",
    applies: Applies::Always,
};

fn oidc_endpoint_trailing_slash(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.oidc_endpoint() else { return };
    if let Some(url) = setting.value.as_str()
        && url.ends_with('/')
        && !url.trim_end_matches('/').ends_with("/.well-known/openid-configuration")
    {
        out.push(at_value(
            &OIDC_ENDPOINT_TRAILING_SLASH,
            setting,
            &setting.value,
            "the endpoint ends with `/`, so discovery asks for `…//.well-known/openid-configuration`: Authentik redirects that, other identity providers may answer 404".into(),
        ));
    }
}

/// `SOCIAL_AUTH_OIDC_SCOPE` that is not a list.
pub const OIDC_SCOPE_TYPE: Rule = Rule {
    id: "netbox/oidc-scope-type",
    severity: Severity::Error,
    summary: "`SOCIAL_AUTH_OIDC_SCOPE` is a string or a tuple instead of a list",
    help: "write a list: SOCIAL_AUTH_OIDC_SCOPE = ['groups'] (openid, profile and email are added by social-core)",
    fact: "facts §2.1 (scope = SCOPE + DEFAULT_SCOPE, a list concatenation; str or tuple raises TypeError, verified)",
    applies: Applies::Always,
};

fn oidc_scope_type(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_OIDC_SCOPE") else { return };
    if truthy(&d.netbox, "SOCIAL_AUTH_OIDC_IGNORE_DEFAULT_SCOPE") == Some(true) {
        return;
    }
    if matches!(setting.value.kind, ValueKind::Str(_) | ValueKind::Tuple(_)) {
        let kind = setting.value.type_name();
        out.push(at_value(
            &OIDC_SCOPE_TYPE,
            setting,
            &setting.value,
            format!("`SOCIAL_AUTH_OIDC_SCOPE` is a {kind}: social-core adds its default scopes with list concatenation, so the SSO login fails with `TypeError: can only concatenate …` before the reader reaches Authentik"),
        ));
    }
}

/// Default scopes listed again.
pub const OIDC_SCOPE_REDUNDANT: Rule = Rule {
    id: "netbox/oidc-scope-redundant",
    severity: Severity::Info,
    summary: "`SOCIAL_AUTH_OIDC_SCOPE` lists openid, profile or email, which social-core always adds",
    help: "list only the extra scopes (or remove the setting); openid, profile and email are requested anyway",
    fact: "facts §2.1 (DEFAULT_SCOPE = ['openid', 'profile', 'email'] is appended; duplicates are sent)",
    applies: Applies::Always,
};

fn oidc_scope_redundant(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_OIDC_SCOPE") else { return };
    if truthy(&d.netbox, "SOCIAL_AUTH_OIDC_IGNORE_DEFAULT_SCOPE") == Some(true)
        || !matches!(setting.value.kind, ValueKind::List(_))
    {
        return;
    }
    for item in setting.value.items().unwrap_or_default() {
        if let Some(scope @ ("openid" | "profile" | "email")) = item.as_str() {
            out.push(at_value(
                &OIDC_SCOPE_REDUNDANT,
                setting,
                item,
                format!("social-core always requests '{scope}', so listing it again only sends it twice"),
            ));
        }
    }
}

// ---------------------------------------------------------------------------------------------

/// `REMOTE_AUTH_BACKEND` that is not social-core's OIDC backend while OIDC settings are used.
pub const BACKEND_PATH: Rule = Rule {
    id: "netbox/backend-path",
    severity: Severity::Error,
    summary: "`SOCIAL_AUTH_OIDC_*` settings are used but `REMOTE_AUTH_BACKEND` is missing or is not `social_core.backends.open_id_connect.OpenIdConnectAuth`",
    help: "set REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'",
    fact: "facts §2.1 (class OpenIdConnectAuth, backend name `oidc`, reads SOCIAL_AUTH_OIDC_*), §1.2 (REMOTE_AUTH_BACKEND default netbox.authentication.RemoteUserBackend), §1.3 (SSO buttons for the backends in AUTHENTICATION_BACKENDS)",
    applies: Applies::Always,
};

fn backend_path(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    if !oidc_settings_used(nb) {
        return;
    }
    match (nb.get("REMOTE_AUTH_BACKEND"), nb.backends()) {
        (None, _) => {
            if let Some(first) = nb.settings().find(|s| s.name.starts_with("SOCIAL_AUTH_OIDC_")) {
                out.push(at_statement(
                    &BACKEND_PATH,
                    first,
                    "`REMOTE_AUTH_BACKEND` is not set, so NetBox keeps `netbox.authentication.RemoteUserBackend`: the `SOCIAL_AUTH_OIDC_*` settings are never used and the login page offers no OpenID Connect button".into(),
                ));
            }
        }
        (Some(setting), Some(list)) if !list.iter().any(|b| b == OIDC_BACKEND) => {
            let near = list.iter().find_map(|b| closest_of(b, std::iter::once(OIDC_BACKEND)).map(|_| b.clone()));
            let message = match near {
                Some(typo) => format!(
                    "`{typo}` is not social-core's OpenID Connect backend (`{OIDC_BACKEND}`), so single sign-on through Authentik does not work"
                ),
                None => format!(
                    "`REMOTE_AUTH_BACKEND` does not include `{OIDC_BACKEND}`, so the `SOCIAL_AUTH_OIDC_*` settings are never used and the login page offers no OpenID Connect button"
                ),
            };
            out.push(at_value(&BACKEND_PATH, setting, &setting.value, message));
        }
        _ => {}
    }
}

/// A list of backends on NetBox before 3.4.8.
pub const BACKEND_LIST_VERSION: Rule = Rule {
    id: "netbox/backend-list-version",
    severity: Severity::Error,
    summary: "`REMOTE_AUTH_BACKEND` is a list or tuple, which NetBox accepts only from 3.4.8 on",
    help: "give a single backend as a string, or target NetBox 3.4.8 or later",
    fact: "facts §1.2 (before v3.4.8 only a single string worked; commit 571d33e66)",
    applies: Applies::netbox_before(3, 4, 8),
};

fn backend_list_version(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    if let Some(setting) = d.netbox.get("REMOTE_AUTH_BACKEND")
        && matches!(setting.value.kind, ValueKind::List(_) | ValueKind::Tuple(_))
    {
        out.push(at_value(
            &BACKEND_LIST_VERSION,
            setting,
            &setting.value,
            format!("NetBox {} inserts `REMOTE_AUTH_BACKEND` into the backend list as one element, so a {} breaks authentication; lists are accepted from 3.4.8 on", targets.netbox, setting.value.type_name()),
        ));
    }
}

/// The generic OpenID Connect backend on a NetBox whose social-core does not have it yet.
pub const OIDC_BACKEND_VERSION: Rule = Rule {
    id: "netbox/oidc-backend-version",
    severity: Severity::Error,
    summary: "`REMOTE_AUTH_BACKEND` names the generic OpenID Connect backend, which NetBox has only from 3.2.5 on (social-core 4.3.0)",
    help: "target NetBox 3.2.5 or later, better a current release (3.2.5 to 3.3.9 also need python-jose installed)",
    fact: "facts §2.1 (the usable `oidc` backend first appeared in social-core 4.3.0; 4.1.0 and 4.2.0 have only the abstract base class, without a name), §1.3 (NetBox v3.1.0 pins social-auth-core 4.1.0, v3.2.0 4.2.0, v3.2.5 4.3.0)",
    applies: Applies::netbox_before(3, 2, 5),
};

fn oidc_backend_version(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    if let Some(setting) = d.netbox.get("REMOTE_AUTH_BACKEND")
        && d.netbox.backends().is_some_and(|backends| backends.iter().any(|b| b == OIDC_BACKEND))
    {
        out.push(at_value(
            &OIDC_BACKEND_VERSION,
            setting,
            &setting.value,
            format!("NetBox {} bundles a social-core older than 4.3.0, in which `OpenIdConnectAuth` is only an abstract base class without the `oidc` name, so there is no OpenID Connect backend to sign in with; the generic backend arrived with NetBox 3.2.5", targets.netbox),
        ));
    }
}

// ---------------------------------------------------------------------------------------------

/// `SOCIAL_AUTH_REDIRECT_IS_HTTPS = True` papering over a missing `X-Forwarded-Proto`.
pub const REDIRECT_IS_HTTPS_SMELL: Rule = Rule {
    id: "netbox/redirect-is-https-smell",
    severity: Severity::Warning,
    summary: "`SOCIAL_AUTH_REDIRECT_IS_HTTPS = True`: a workaround that hides a proxy not sending `X-Forwarded-Proto`",
    help: "send `proxy_set_header X-Forwarded-Proto $scheme;` in the nginx location that proxies NetBox and remove this line",
    fact: "facts §2.2 (it only rewrites http:// to https:// in the redirect URI), §1.3 (NetBox docs: only for a proxy that does not tell NetBox about HTTPS), §4 (CSRF origin check), §9 (NetBox 4.7 SSO begins with a POST)",
    applies: Applies::Always,
};

fn redirect_is_https_smell(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_REDIRECT_IS_HTTPS") else { return };
    if setting.value.truthy() != Some(true) {
        return;
    }
    let posts = if targets.netbox >= Version::new(4, 7, 0) {
        "the login form and the SSO button (a POST since NetBox 4.7)"
    } else {
        "the login form"
    };
    out.push(at_statement(
        &REDIRECT_IS_HTTPS_SMELL,
        setting,
        format!("`SOCIAL_AUTH_REDIRECT_IS_HTTPS` only rewrites the scheme of the redirect URI; if it is needed, the proxy does not send `X-Forwarded-Proto`, NetBox still believes it is served over http, and {posts} fail with 403 CSRF verification failed unless CSRF_TRUSTED_ORIGINS lists the https origin"),
    ));
}

/// The backend-scoped spelling that social-core ignores.
pub const REDIRECT_IS_HTTPS_SCOPED: Rule = Rule {
    id: "netbox/redirect-is-https-scoped",
    severity: Severity::Warning,
    summary: "`SOCIAL_AUTH_OIDC_REDIRECT_IS_HTTPS`: social-core reads this setting without a backend name, so it is ignored",
    help: "fix the proxy's `X-Forwarded-Proto` instead; if the workaround is really wanted, it is spelled SOCIAL_AUTH_REDIRECT_IS_HTTPS",
    fact: "facts §2.2 (REDIRECT_IS_HTTPS is read without backend scope)",
    applies: Applies::Always,
};

fn redirect_is_https_scoped(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    if let Some(setting) = d.netbox.get("SOCIAL_AUTH_OIDC_REDIRECT_IS_HTTPS") {
        out.push(at_statement(
            &REDIRECT_IS_HTTPS_SCOPED,
            setting,
            "social-core never reads `SOCIAL_AUTH_OIDC_REDIRECT_IS_HTTPS` (the setting has no backend-scoped form), so the redirect URI keeps the scheme NetBox sees".into(),
        ));
    }
}

/// `SOCIAL_AUTH_ALLOWED_REDIRECT_HOSTS` set as if it fixed the redirect URI.
pub const ALLOWED_REDIRECT_HOSTS_IRRELEVANT: Rule = Rule {
    id: "netbox/allowed-redirect-hosts-irrelevant",
    severity: Severity::Info,
    summary: "`SOCIAL_AUTH_ALLOWED_REDIRECT_HOSTS` is set; it never changes the redirect URI sent to Authentik",
    help: "remove it unless users are sent to another host after login; a \"Redirect URI Error\" is fixed in the proxy headers and in Authentik's redirect URIs",
    fact: "facts §2.2 (it only sanitizes the post-login `next` target; the current host is always allowed)",
    applies: Applies::Always,
};

fn allowed_redirect_hosts_irrelevant(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    if let Some(setting) = d.netbox.get("SOCIAL_AUTH_ALLOWED_REDIRECT_HOSTS") {
        out.push(at_statement(
            &ALLOWED_REDIRECT_HOSTS_IRRELEVANT,
            setting,
            "`SOCIAL_AUTH_ALLOWED_REDIRECT_HOSTS` only limits where the browser may go after login (`next`); it has no influence on the redirect URI sent to Authentik and cannot fix \"Redirect URI Error\"".into(),
        ));
    }
}

/// `LOGIN_REQUIRED` on NetBox 4.6 and later.
pub const LOGIN_REQUIRED_DEPRECATED: Rule = Rule {
    id: "netbox/login-required-deprecated",
    severity: Severity::Info,
    summary: "`LOGIN_REQUIRED` is set on NetBox 4.6 or later, where it is deprecated",
    help: "remove the line: login is required by default since NetBox 4.0.2",
    fact: "facts §1.1 (default True since v4.0.2; FutureWarning since v4.6.0, removal planned for v5.0), §11 (settings.py L277-285 in 4.7.3)",
    applies: Applies::netbox_since(4, 6, 0),
};

fn login_required_deprecated(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    if let Some(setting) = d.netbox.get("LOGIN_REQUIRED") {
        let extra = if setting.value.truthy() == Some(false) {
            "; set to False it also warns that unauthenticated access will stop being supported"
        } else {
            ""
        };
        out.push(at_statement(
            &LOGIN_REQUIRED_DEPRECATED,
            setting,
            format!("`LOGIN_REQUIRED` is deprecated: NetBox logs a FutureWarning at every start and will drop it in 5.0{extra}"),
        ));
    }
}

// ---------------------------------------------------------------------------------------------

/// A custom pipeline that drops NetBox's default-groups step.
pub const PIPELINE_DEFAULT_GROUPS: Rule = Rule {
    id: "netbox/pipeline-default-groups",
    severity: Severity::Warning,
    summary: "a custom `SOCIAL_AUTH_PIPELINE` without `netbox.authentication.user_default_groups_handler`",
    help: "keep 'netbox.authentication.user_default_groups_handler' in the pipeline (after 'social_core.pipeline.user.create_user')",
    fact: "facts §1.2 (REMOTE_AUTH_DEFAULT_GROUPS reaches social-auth users only through that step), §1.3 (NetBox's default pipeline), §3.4 (the Authentik guide's pipeline omits it)",
    applies: Applies::netbox_since(3, 2, 6),
};

fn pipeline_default_groups(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("SOCIAL_AUTH_PIPELINE") else { return };
    let Some(steps) = setting.value.items() else { return };
    if !setting.value.is_known() || steps.iter().any(|s| s.as_str() == Some(DEFAULT_GROUPS_HANDLER)) {
        return;
    }
    let default_groups = d.netbox.get("REMOTE_AUTH_DEFAULT_GROUPS").and_then(|s| s.value.truthy()) == Some(true);
    let consequence = if default_groups {
        "the groups in REMOTE_AUTH_DEFAULT_GROUPS are never given to users who sign in through Authentik"
    } else {
        "REMOTE_AUTH_DEFAULT_GROUPS silently stops working for users who sign in through Authentik"
    };
    out.push(at_value(
        &PIPELINE_DEFAULT_GROUPS,
        setting,
        &setting.value,
        format!("this pipeline drops NetBox's `user_default_groups_handler` step, so {consequence}"),
    ));
}

/// Django's own Group model in pipeline code on NetBox 4.
pub const PIPELINE_GROUP_IMPORT: Rule = Rule {
    id: "netbox/pipeline-group-import",
    severity: Severity::Error,
    summary: "pipeline code imports `django.contrib.auth.models.Group` on NetBox 4.0 or later, where NetBox has its own group model",
    help: "import NetBox's model: from netbox.authentication import Group",
    fact: "facts §3.4 (the Authentik guide switched to netbox.authentication.Group for NetBox 4.0), §9 (NetBox 4.0 custom users.Group model)",
    applies: Applies::netbox_since(4, 0, 0),
};

fn pipeline_group_import(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    for import in &d.netbox.imports {
        if import.module == "django.contrib.auth.models" && import.name == "Group" {
            out.push(Finding::in_block(
                &PIPELINE_GROUP_IMPORT,
                import.block,
                import.range.clone(),
                format!("NetBox {} keeps groups in its own model (`users.Group`); groups made with `django.contrib.auth.models.Group` are not NetBox groups, so users silently get none", targets.netbox),
            ));
        }
    }
}

/// `user.is_staff = …` on NetBox 4.5 and later.
pub const PIPELINE_IS_STAFF: Rule = Rule {
    id: "netbox/pipeline-is-staff",
    severity: Severity::Info,
    summary: "pipeline code sets `is_staff`, which NetBox's user model no longer has since 4.5",
    help: "drop the assignment; grant access with groups and permissions (or is_superuser)",
    fact: "facts §1.2 (v4.5.0 removed the is_staff field), §3.4 (the Authentik guide's set_roles)",
    applies: Applies::netbox_since(4, 5, 0),
};

fn pipeline_is_staff(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for write in d.netbox.attribute_writes.iter().filter(|w| w.attribute == "is_staff") {
        out.push(Finding::in_block(
            &PIPELINE_IS_STAFF,
            write.block,
            write.range.clone(),
            "NetBox 4.5 removed `is_staff` from its user model, so this assignment has no effect",
        ));
    }
}

/// A pipeline step that swallows a missing claim and then uses it.
pub const PIPELINE_UNBOUND_VARIABLE: Rule = Rule {
    id: "netbox/pipeline-unbound-variable",
    severity: Severity::Warning,
    summary: "pipeline code catches `KeyError` (with `pass`, or carrying on) and then uses the variable the `try` was to bind",
    help: "give the variable a value before the `try` (for example `groups = []`), or return early in the `except`",
    fact: "facts §3.4 (the Authentik guide's add_groups/remove_groups/set_roles: UnboundLocalError when the groups claim is missing), §8 NBX-SOC-PIPELINE-UNBOUND-GROUPS",
    applies: Applies::Always,
};

fn pipeline_unbound_variable(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for used in &d.netbox.unguarded_uses {
        out.push(Finding::in_block(
            &PIPELINE_UNBOUND_VARIABLE,
            used.block,
            used.range.clone(),
            format!("when the claim is missing (the `profile` scope not granted, for example), the `except KeyError` above carries on with `{}` never assigned, and this line raises `UnboundLocalError` during the login", used.name),
        ));
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::check::check_chapters;
    use crate::config::Settings;
    use crate::extract::ChapterInput;

    const OIDC: &str = "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://authentik.yourdomain.com/application/o/netbox'\nSOCIAL_AUTH_OIDC_KEY = 'id'\n";

    /// The rules that fire on one `check=netbox` block, and their lines within the block.
    fn fired(python: &str, netbox: &str) -> Vec<(&'static str, usize)> {
        let content = format!("# t\n\n```python,check=netbox\n{python}```\n");
        let chapter = ChapterInput::for_test(&content);
        let mut settings = Settings::default();
        settings.targets.netbox = netbox.parse().unwrap();
        check_chapters(&[chapter], Path::new("."), &settings)
            .unwrap()
            .diagnostics
            .into_iter()
            .map(|d| (d.rule, d.start.line - 3))
            .collect()
    }

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/login-redirect-url-type",
            "4.7",
            "SOCIAL_AUTH_LOGIN_REDIRECT_URL = True\n",
            1,
            "SOCIAL_AUTH_LOGIN_REDIRECT_URL = '/'\n",
        ),
        (
            "netbox/login-redirect-url-type",
            "4.7",
            "A = 1\nLOGOUT_REDIRECT_URL = ['x']\n",
            2,
            "LOGOUT_REDIRECT_URL = 'home'\n",
        ),
        (
            "netbox/remote-auth-header-unused",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nREMOTE_AUTH_HEADER = 'HTTP_X'\n",
            2,
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_HEADER = 'HTTP_X'\n",
        ),
        (
            "netbox/remote-auth-enabled-unneeded",
            "4.7",
            "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n",
            1,
            "REMOTE_AUTH_ENABLED = False\nREMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n",
        ),
        (
            "netbox/remote-auth-header-format",
            "4.7",
            "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_HEADER = 'X-Authentik-Username'\n",
            2,
            "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_HEADER = 'HTTP_X_AUTHENTIK_USERNAME'\n",
        ),
        (
            "netbox/protected-user-fields-obsolete",
            "4.7",
            "SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['groups']\n",
            1,
            "SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['first_name']\n",
        ),
        (
            "netbox/protected-user-fields-obsolete",
            "3.4.6",
            "X = 1\n",
            0,
            "SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['groups']\n",
        ),
        (
            "netbox/setting-ignored",
            "4.7",
            "SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')\n",
            1,
            "SECURE_SSL_REDIRECT = True\n",
        ),
        ("netbox/setting-removed", "4.7", "SENTRY_DSN = 'https://x@sentry.example/1'\n", 1, "SENTRY_CONFIG = {}\n"),
        ("netbox/setting-removed", "4.6", "X = 1\n", 0, "SENTRY_DSN = 'https://x@sentry.example/1'\n"),
        (
            "netbox/setting-unknown",
            "4.7",
            "ALLOWED_HOST = ['netbox.internaldomain.com']\n",
            1,
            "MY_HELPER_VALUE = 'x'\n",
        ),
        ("netbox/social-auth-prefix-missing", "4.7", "OIDC_KEY = 'id'\n", 1, "SOCIAL_AUTH_OIDC_KEY = 'id'\n"),
        (
            "netbox/allowed-hosts-type",
            "4.7",
            "ALLOWED_HOSTS = 'netbox.internaldomain.com'\n",
            1,
            "ALLOWED_HOSTS = ['netbox.internaldomain.com']\n",
        ),
        ("netbox/allowed-hosts-type", "4.7", "ALLOWED_HOSTS = []\n", 1, "DEBUG = True\nALLOWED_HOSTS = []\n"),
        (
            "netbox/allowed-hosts-entry",
            "4.7",
            "ALLOWED_HOSTS = ['netbox.internaldomain.com:8443']\n",
            1,
            "ALLOWED_HOSTS = ['[::1]', '.internaldomain.com', '*']\n",
        ),
        (
            "netbox/allowed-hosts-entry",
            "4.7",
            "ALLOWED_HOSTS = [\n    'https://netbox.internaldomain.com',\n]\n",
            2,
            "ALLOWED_HOSTS = ['192.0.2.10']\n",
        ),
        (
            "netbox/csrf-trusted-origins-scheme",
            "4.7",
            "CSRF_TRUSTED_ORIGINS = ['netbox.internaldomain.com']\n",
            1,
            "CSRF_TRUSTED_ORIGINS = ['https://netbox.internaldomain.com']\n",
        ),
        (
            "netbox/oidc-endpoint-name",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_OIDC_OIDC_URL = 'https://a/application/o/netbox'\nSOCIAL_AUTH_OIDC_KEY = 'id'\n",
            2,
            OIDC,
        ),
        (
            "netbox/oidc-endpoint-name",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_OIDC_KEY = 'id'\n",
            2,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_OIDC_ENDPOINT = 'https://a/application/o/netbox'\nSOCIAL_AUTH_OIDC_KEY = 'id'\n",
        ),
        (
            "netbox/oidc-endpoint-fallback-name",
            "4.7",
            "SOCIAL_AUTH_OIDC_ENDPOINT = 'https://a/application/o/netbox'\n",
            1,
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox'\n",
        ),
        (
            "netbox/oidc-endpoint-well-known",
            "4.7",
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox/.well-known/openid-configuration'\n",
            1,
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox'\n",
        ),
        (
            "netbox/oidc-endpoint-trailing-slash",
            "4.7",
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox/'\n",
            1,
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox'\n",
        ),
        (
            "netbox/oidc-scope-type",
            "4.7",
            "SOCIAL_AUTH_OIDC_SCOPE = ('groups',)\n",
            1,
            "SOCIAL_AUTH_OIDC_SCOPE = ['groups']\n",
        ),
        (
            "netbox/oidc-scope-type",
            "4.7",
            "SOCIAL_AUTH_OIDC_SCOPE = 'openid groups'\n",
            1,
            "SOCIAL_AUTH_OIDC_IGNORE_DEFAULT_SCOPE = True\nSOCIAL_AUTH_OIDC_SCOPE = 'openid'\n",
        ),
        (
            "netbox/oidc-scope-redundant",
            "4.7",
            "SOCIAL_AUTH_OIDC_SCOPE = ['groups', 'email']\n",
            1,
            "SOCIAL_AUTH_OIDC_SCOPE = ['groups']\n",
        ),
        (
            "netbox/backend-path",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.oidc.OpenIdConnectAuth'\nSOCIAL_AUTH_OIDC_KEY = 'id'\n",
            1,
            "REMOTE_AUTH_BACKEND = ['netbox.authentication.RemoteUserBackend', 'social_core.backends.open_id_connect.OpenIdConnectAuth']\nSOCIAL_AUTH_OIDC_KEY = 'id'\n",
        ),
        (
            "netbox/backend-path",
            "4.7",
            "SOCIAL_AUTH_OIDC_KEY = 'id'\n",
            1,
            "ALLOWED_HOSTS = ['netbox.internaldomain.com']\n",
        ),
        (
            "netbox/backend-list-version",
            "3.4",
            "REMOTE_AUTH_BACKEND = ['social_core.backends.open_id_connect.OpenIdConnectAuth']\n",
            1,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n",
        ),
        (
            "netbox/oidc-backend-version",
            "3.2.4",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n",
            1,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'\n",
        ),
        (
            "netbox/oidc-backend-version",
            "3.2.5",
            "X = 1\n",
            0,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\n",
        ),
        (
            "netbox/oidc-endpoint-shape",
            "4.7",
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/authorize/'\n",
            1,
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox-prod_2/'\n",
        ),
        (
            "netbox/oidc-endpoint-shape",
            "4.7",
            "X = 1\nSOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/NetBox Provider'\n",
            2,
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://keycloak.example.com/realms/netbox'\n",
        ),
        (
            "netbox/oidc-endpoint-shape",
            "4.7",
            "SOCIAL_AUTH_OIDC_ENDPOINT = 'https://a/application/o/netbox/end-session/'\n",
            1,
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox/.well-known/openid-configuration'\n",
        ),
        (
            "netbox/oidc-endpoint-shape",
            "4.7",
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/'\n",
            1,
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://a/application/o/netbox?x=1'\n",
        ),
        (
            "netbox/backend-list-version",
            "3.4.8",
            "X = 1\n",
            0,
            "REMOTE_AUTH_BACKEND = ['social_core.backends.open_id_connect.OpenIdConnectAuth']\n",
        ),
        (
            "netbox/redirect-is-https-smell",
            "4.7",
            "SOCIAL_AUTH_REDIRECT_IS_HTTPS = True\n",
            1,
            "SOCIAL_AUTH_REDIRECT_IS_HTTPS = False\n",
        ),
        (
            "netbox/redirect-is-https-scoped",
            "4.7",
            "SOCIAL_AUTH_OIDC_REDIRECT_IS_HTTPS = True\n",
            1,
            "SOCIAL_AUTH_REDIRECT_IS_HTTPS = True\n",
        ),
        (
            "netbox/allowed-redirect-hosts-irrelevant",
            "4.7",
            "SOCIAL_AUTH_ALLOWED_REDIRECT_HOSTS = ['netbox.internaldomain.com']\n",
            1,
            "ALLOWED_HOSTS = ['netbox.internaldomain.com']\n",
        ),
        ("netbox/login-required-deprecated", "4.6", "LOGIN_REQUIRED = True\n", 1, "LOGIN_TIMEOUT = 3600\n"),
        ("netbox/login-required-deprecated", "4.5", "X = 1\n", 0, "LOGIN_REQUIRED = True\n"),
        (
            "netbox/pipeline-default-groups",
            "4.7",
            "REMOTE_AUTH_DEFAULT_GROUPS = ['staff']\nSOCIAL_AUTH_PIPELINE = ('social_core.pipeline.social_auth.social_details', 'social_core.pipeline.user.create_user')\n",
            2,
            "SOCIAL_AUTH_PIPELINE = ('social_core.pipeline.user.create_user', 'netbox.authentication.user_default_groups_handler')\n",
        ),
        (
            "netbox/pipeline-group-import",
            "4.7",
            "def add_groups(response, user, backend, *args, **kwargs):\n    from django.contrib.auth.models import Group\n",
            2,
            "from netbox.authentication import Group\n",
        ),
        ("netbox/pipeline-group-import", "3.7", "X = 1\n", 0, "from django.contrib.auth.models import Group\n"),
        (
            "netbox/pipeline-is-staff",
            "4.7",
            "def set_roles(response, user, backend, *args, **kwargs):\n    user.is_staff = True\n",
            2,
            "def set_roles(response, user, backend, *args, **kwargs):\n    user.is_superuser = True\n",
        ),
        (
            "netbox/pipeline-unbound-variable",
            "4.7",
            "def add_groups(response, user, backend, *args, **kwargs):\n    try:\n        groups = response['groups']\n    except KeyError:\n        pass\n    for name in groups:\n        print(name)\n",
            6,
            "def add_groups(response, user, backend, *args, **kwargs):\n    groups = []\n    try:\n        groups = response['groups']\n    except KeyError:\n        return\n    for name in groups:\n        print(name)\n",
        ),
    ];

    #[test]
    fn every_rule_fires_on_its_case_and_stays_quiet_on_the_near_miss() {
        for (rule, netbox, firing, line, quiet) in CASES {
            if *line > 0 {
                let got = fired(firing, netbox);
                assert!(got.contains(&(*rule, *line)), "{rule} should fire on line {line} of:\n{firing}got {got:?}");
            }
            let got = fired(quiet, netbox);
            assert!(!got.iter().any(|(r, _)| r == rule), "{rule} must not fire on:\n{quiet}got {got:?}");
        }
    }

    #[test]
    fn every_netbox_rule_has_a_case() {
        for (rule, _) in super::CHECKS {
            assert!(
                CASES.iter().any(|(id, _, _, line, _)| *id == rule.id && *line > 0),
                "{} has no firing case",
                rule.id
            );
        }
    }

    #[test]
    fn the_clean_configuration_triggers_nothing() {
        assert_eq!(fired(OIDC, "4.7"), vec![]);
    }
}
