//! What NetBox reads from configuration.py, and what it no longer reads: the tables the
//! setting rules (`setting-ignored`, `setting-removed`, `setting-unknown`,
//! `social-auth-prefix-missing`) share. Data, so that each of those rules stays one file.

use crate::version::Version;
use rustc_hash::FxBuildHasher;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The parameters NetBox 4.7.3 reads from configuration.py: `getattr(configuration, …)` and
/// `hasattr(configuration, …)` in `netbox/settings.py`, plus the dynamic parameters of
/// `netbox/config/parameters.py` (read off the netbox-4.7.3 wheel; facts §1.2 lists v4.6.8).
pub(super) const PARAMETERS: &[&str] = &[
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
pub(super) const REMOVED: &[(&str, Version, &str)] = &[
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
pub(super) const DJANGO_SETTINGS: &[(&str, &str)] = &[
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
pub(super) const SOCIAL_NAMES: &[&str] = &[
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
pub(super) static PARAMETER_NAMES: LazyLock<HashSet<&'static str, FxBuildHasher>> =
    LazyLock::new(|| PARAMETERS.iter().copied().collect());

/// Every name NetBox, Django or social-core reads (or once read) from configuration.py.
pub(super) static KNOWN_NAMES: LazyLock<HashSet<&'static str, FxBuildHasher>> = LazyLock::new(|| {
    let django = DJANGO_SETTINGS.iter().map(|(name, _)| *name);
    let removed = REMOVED.iter().map(|(name, _, _)| *name);
    PARAMETERS.iter().chain(SOCIAL_NAMES).copied().chain(django).chain(removed).collect()
});

/// [`DJANGO_SETTINGS`] by name.
pub(super) static DJANGO_BY_NAME: LazyLock<HashMap<&'static str, &'static str, FxBuildHasher>> =
    LazyLock::new(|| DJANGO_SETTINGS.iter().copied().collect());

/// [`REMOVED`] by name.
pub(super) static REMOVED_BY_NAME: LazyLock<HashMap<&'static str, (Version, &'static str), FxBuildHasher>> =
    LazyLock::new(|| REMOVED.iter().map(|&(name, since, why)| (name, (since, why))).collect());

/// [`SOCIAL_NAMES`] without their `SOCIAL_AUTH_` prefix.
pub(super) static SOCIAL_SUFFIXES: LazyLock<HashSet<&'static str, FxBuildHasher>> =
    LazyLock::new(|| SOCIAL_NAMES.iter().filter_map(|name| name.strip_prefix("SOCIAL_AUTH_")).collect());

pub(super) fn is_parameter(name: &str) -> bool {
    PARAMETER_NAMES.contains(name)
}
