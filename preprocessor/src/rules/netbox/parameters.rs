//! What NetBox and python-social-auth read from configuration.py, release by release: the data
//! the setting rules (`setting-ignored`, `setting-removed`, `setting-deprecated`,
//! `setting-too-new`, `setting-unknown`, `social-auth-prefix-missing`) share. Data, so that each of
//! those rules stays one file.
//!
//! The inventories are generated from upstream code by `tools/inventories/` (see its README) and
//! embedded at compile time: `data/netbox-settings.json` (NetBox's `netbox/settings.py` and
//! `netbox/config/parameters.py` of every final release, 1.0.0 … 4.7.3) here, and
//! `data/social-core-settings.json` (the `SOCIAL_AUTH_*` names social-core 4.0.2 … 7.0.0 and
//! social-auth-app-django 6.1.0 read) in `social_names`. Each is parsed once, on first use.
//!
//! A target written `X.Y` (or `X.Y.0`) stands for every `X.Y` release: a finding must hold for all
//! of them (a name read by any `X.Y` release is read; removed means removed before `X.Y.0`). A
//! name still read by the newest release of the data is taken to be read by later targets too.

use crate::version::Version;
use rustc_hash::FxBuildHasher;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Inclusive release ranges, oldest first.
pub(super) type Ranges = Vec<(Version, Version)>;

/// Why a removed parameter went, where NetBox's code names no replacement (facts §1.2; the
/// date and time formats: NetBox 4.0.0 release notes #15735 and #15738, commit 157df069e).
const REMOVAL_REASONS: &[(&str, &str)] = &[
    ("DATE_FORMAT", "NetBox 4.0 shows every date and time in ISO 8601 format, #15735"),
    ("DATETIME_FORMAT", "NetBox 4.0 shows every date and time in ISO 8601 format, #15735"),
    ("SHORT_DATE_FORMAT", "NetBox 4.0 shows every date and time in ISO 8601 format, #15735"),
    ("SHORT_DATETIME_FORMAT", "NetBox 4.0 shows every date and time in ISO 8601 format, #15735"),
    ("TIME_FORMAT", "NetBox 4.0 shows every date and time in ISO 8601 format, #15735"),
    ("SHORT_TIME_FORMAT", "NetBox 4.0 shows every date and time in ISO 8601 format, #15735"),
    ("ENABLE_LOCALIZATION", "localization is always on"),
    ("REMOTE_AUTH_STAFF_GROUPS", "NetBox 4.5 removed staff status from its users altogether"),
    ("REMOTE_AUTH_STAFF_USERS", "NetBox 4.5 removed staff status from its users altogether"),
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
    // django-cors-headers' current names; NetBox reads its older ones (settings.py L94-96, 4.6.8).
    ("CORS_ALLOW_ALL_ORIGINS", "NetBox's name for it is CORS_ORIGIN_ALLOW_ALL"),
    ("CORS_ALLOWED_ORIGINS", "NetBox's name for it is CORS_ORIGIN_WHITELIST"),
    ("CORS_ALLOWED_ORIGIN_REGEXES", "NetBox's name for it is CORS_ORIGIN_REGEX_WHITELIST"),
    ("DEFAULT_FILE_STORAGE", "NetBox's storage parameters are STORAGE_BACKEND and, from 4.3, STORAGES"),
];

/// The python-social-auth settings of an OpenID Connect setup: the names `social-auth-prefix-missing`
/// recognises written without their prefix (kept short on purpose: social-core's full inventory
/// has generic suffixes such as `KEY` or `SECRET`). `tests/inventories.rs` checks that
/// social-core, social-auth-app-django or NetBox reads each of them.
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

/// [`SOCIAL_NAMES`] without their `SOCIAL_AUTH_` prefix.
pub(super) static SOCIAL_SUFFIXES: LazyLock<HashSet<&'static str, FxBuildHasher>> =
    LazyLock::new(|| SOCIAL_NAMES.iter().filter_map(|name| name.strip_prefix("SOCIAL_AUTH_")).collect());

/// Why a Django setting that [`DJANGO_SETTINGS`] does not explain has no effect.
const DJANGO_DEFAULT_STAYS: &str =
    "it is a Django setting, and Django's default, or the value NetBox's settings.py gives it, stays in force";

#[derive(Deserialize)]
struct DjangoFile {
    settings: Vec<DjangoSetting>,
}

#[derive(Deserialize)]
struct DjangoSetting {
    name: String,
    /// The ranges of Django releases read that define it.
    defined: Vec<[String; 2]>,
}

/// Every Django setting name (`data/django-settings.json`: the module-level names of
/// `django/conf/global_settings.py`, Django 1.9 to 6.1, every series NetBox has run on, written
/// by `tools/inventories/django_settings.py`), with why it has no effect in configuration.py:
/// [`DJANGO_SETTINGS`]' reason where it gives one; for a name the newest Django read no longer
/// defines, the last series that did (true whatever the target: NetBox never read it).
pub(super) static DJANGO_BY_NAME: LazyLock<HashMap<String, &'static str, FxBuildHasher>> = LazyLock::new(|| {
    let inventory: DjangoFile = serde_json::from_str(include_str!("../../../data/django-settings.json"))
        .unwrap_or(DjangoFile { settings: Vec::new() });
    let newest = inventory
        .settings
        .iter()
        .filter_map(|s| s.defined.last())
        .map(|[_, last]| last.clone())
        .max_by_key(|v| v.parse::<Version>().ok());
    let mut by_name: HashMap<String, &'static str, FxBuildHasher> = inventory
        .settings
        .into_iter()
        .map(|s| {
            let last = s.defined.last().map(|[_, last]| last.clone());
            let why: &'static str = match last {
                Some(last) if Some(&last) != newest.as_ref() => {
                    // The series, not the patch release read (4.2.30 stands for 4.2).
                    let series = last.splitn(3, '.').take(2).collect::<Vec<_>>().join(".");
                    Box::leak(
                        format!("it was a Django setting up to Django {series}, and no release since has it")
                            .into_boxed_str(),
                    )
                }
                _ => DJANGO_DEFAULT_STAYS,
            };
            (s.name, why)
        })
        .collect();
    by_name.extend(DJANGO_SETTINGS.iter().map(|(name, why)| (name.to_string(), *why)));
    by_name
});

// ---------------------------------------------------------------------------------------------
// NetBox's settings.py, release by release
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize)]
struct NetboxFile {
    releases: Vec<String>,
    social_auth_core: Vec<PinFile>,
    settings: Vec<SettingFile>,
}

#[derive(Deserialize)]
struct PinFile {
    pin: String,
    releases: Vec<[String; 2]>,
}

#[derive(Deserialize)]
struct SettingFile {
    name: String,
    read: Vec<[String; 2]>,
    #[serde(default)]
    deprecated: Vec<[String; 2]>,
    #[serde(default)]
    replaced_by: Vec<String>,
}

/// One name NetBox's settings.py has read from configuration.py.
pub(super) struct NetboxSetting {
    /// The releases that read it.
    read: Ranges,
    /// The releases that read it and warn, when it is set, that it is deprecated.
    deprecated: Ranges,
    /// The parameter the newest warning about it names instead (`JINJA2_FILTERS` → `JINJA_FILTERS`).
    pub(super) replaced_by: Option<String>,
}

/// Every name NetBox's settings.py has read, with the release history of each.
pub(super) struct NetboxInventory {
    releases: Vec<Version>,
    settings: HashMap<String, NetboxSetting, FxBuildHasher>,
    /// The social-auth-core release each range of NetBox releases pins.
    pub(super) pins: Vec<(Ranges, Version)>,
}

/// Where a name stands in a target NetBox series.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Status {
    /// Read by some release of the series.
    Read,
    /// Read no more: the first release that stopped reading it.
    Removed(Version),
    /// Not read yet: the first release that reads it.
    NotYet(Version),
}

pub(super) fn ranges(pairs: &[[String; 2]]) -> Option<Ranges> {
    pairs.iter().map(|[first, last]| Some((first.parse().ok()?, last.parse().ok()?))).collect()
}

impl NetboxInventory {
    fn parse(text: &str) -> Option<Self> {
        let file: NetboxFile = serde_json::from_str(text).ok()?;
        let releases = file.releases.iter().map(|r| r.parse().ok()).collect::<Option<Vec<Version>>>()?;
        let mut settings = HashMap::with_capacity_and_hasher(file.settings.len(), FxBuildHasher);
        for s in file.settings {
            let setting = NetboxSetting {
                read: ranges(&s.read)?,
                deprecated: ranges(&s.deprecated)?,
                replaced_by: s.replaced_by.into_iter().next(),
            };
            settings.insert(s.name, setting);
        }
        let pins = file
            .social_auth_core
            .iter()
            .map(|p| Some((ranges(&p.releases)?, p.pin.parse().ok()?)))
            .collect::<Option<_>>()?;
        Some(Self { releases, settings, pins })
    }

    /// The releases a target stands for: `X.Y` and `X.Y.0` are the whole `X.Y` series.
    fn series(&self, target: Version) -> (Version, Version) {
        if target.patch != 0 || target.rc.is_some() {
            return (target, target);
        }
        let last = self.releases.iter().rev().find(|r| r.major == target.major && r.minor == target.minor);
        (target, last.copied().unwrap_or(target).max(target))
    }

    /// Whether `range` meets the series, a range ending at the newest release being open-ended.
    fn meets(&self, (first, last): (Version, Version), (low, high): (Version, Version)) -> bool {
        let open = self.releases.last() == Some(&last);
        first <= high && (open || low <= last)
    }

    /// The first release after `release`.
    fn after(&self, release: Version) -> Option<Version> {
        self.releases.iter().find(|r| **r > release).copied()
    }

    /// A name NetBox's settings.py has read in some release.
    pub(super) fn get(&self, name: &str) -> Option<&NetboxSetting> {
        self.settings.get(name)
    }

    /// The names NetBox's warnings send to `name` (`JINJA_FILTERS` ← `JINJA2_FILTERS`), sorted.
    pub(super) fn replaced_by_this<'a>(&'a self, name: &'a str) -> Vec<&'a str> {
        let mut old: Vec<&str> = self
            .settings
            .iter()
            .filter(|(_, s)| s.replaced_by.as_deref() == Some(name))
            .map(|(n, _)| n.as_str())
            .collect();
        old.sort_unstable();
        old
    }

    /// Where `name` stands at the target; `None` for a name no release has read.
    pub(super) fn status(&self, name: &str, target: Version) -> Option<Status> {
        let setting = self.settings.get(name)?;
        let series = self.series(target);
        if setting.read.iter().any(|&r| self.meets(r, series)) {
            return Some(Status::Read);
        }
        // The last range that ended before the series, else the first that starts after it.
        if let Some(&(_, last)) = setting.read.iter().rev().find(|(_, last)| *last < series.0) {
            return self.after(last).map(Status::Removed);
        }
        setting.read.first().map(|&(first, _)| Status::NotYet(first))
    }

    /// Whether some release of the target series reads `name`.
    pub(super) fn reads(&self, name: &str, target: Version) -> bool {
        self.status(name, target) == Some(Status::Read)
    }

    /// Whether the target reads `name` and warns that it is deprecated.
    pub(super) fn deprecated(&self, name: &str, target: Version) -> bool {
        let series = self.series(target);
        self.settings.get(name).is_some_and(|s| s.deprecated.iter().any(|&r| self.meets(r, (series.0, series.0))))
    }

    /// The names some release of the target series reads.
    pub(super) fn read_at(&self, target: Version) -> impl Iterator<Item = &str> {
        let series = self.series(target);
        self.settings
            .iter()
            .filter(move |(_, s)| s.read.iter().any(|&r| self.meets(r, series)))
            .map(|(n, _)| n.as_str())
    }

    /// The social-auth-core releases the target series pins (newest first); the newest pin for a
    /// target after the data.
    pub(super) fn pins(&self, target: Version) -> Vec<Version> {
        let series = self.series(target);
        let mut pins: Vec<Version> =
            self.pins.iter().filter(|(r, _)| r.iter().any(|&r| self.meets(r, series))).map(|(_, pin)| *pin).collect();
        pins.sort_unstable_by(|a, b| b.cmp(a));
        pins
    }
}

/// The removal reason of facts §1.2, when NetBox's code gives none.
pub(super) fn removal_reason(name: &str) -> Option<&'static str> {
    REMOVAL_REASONS.iter().find(|(n, _)| *n == name).map(|(_, why)| *why)
}

/// `data/netbox-settings.json`, parsed on first use (an empty inventory if it did not parse,
/// which `tests` below rules out).
pub(super) static NETBOX: LazyLock<NetboxInventory> = LazyLock::new(|| {
    NetboxInventory::parse(include_str!("../../../data/netbox-settings.json")).unwrap_or(NetboxInventory {
        releases: Vec::new(),
        settings: HashMap::default(),
        pins: Vec::new(),
    })
});

/// Whether the target NetBox reads `name` from configuration.py.
pub(super) fn is_parameter(name: &str, target: Version) -> bool {
    NETBOX.reads(name, target)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Version {
        text.parse().unwrap()
    }

    #[test]
    fn every_django_setting_is_known_with_the_curated_reasons_kept() {
        // From global_settings.py, not from the curated list.
        for name in ["AUTH_USER_MODEL", "SESSION_ENGINE", "CACHES", "CSRF_COOKIE_DOMAIN"] {
            assert_eq!(DJANGO_BY_NAME.get(name), Some(&DJANGO_DEFAULT_STAYS), "{name}");
        }
        assert_eq!(DJANGO_BY_NAME.get("USE_X_FORWARDED_HOST"), Some(&"NetBox already sets it to True itself"));
        // NetBox's own parameters that are also Django's stay in the inventory; the rules ask
        // `is_parameter` first.
        assert!(DJANGO_BY_NAME.contains_key("ALLOWED_HOSTS") && DJANGO_BY_NAME.len() > 150);
        assert!(!DJANGO_BY_NAME.contains_key("REMOTE_AUTH_BACKEND"));
    }

    #[test]
    fn the_inventory_parses() {
        assert!(NetboxInventory::parse(include_str!("../../../data/netbox-settings.json")).is_some());
    }

    #[test]
    fn a_target_series_reads_what_any_of_its_releases_reads() {
        assert_eq!(NETBOX.status("SENTRY_DSN", v("4.6")), Some(Status::Read));
        assert_eq!(NETBOX.status("SENTRY_DSN", v("4.7")), Some(Status::Removed(v("4.7.0"))));
        // GIT_PATH left in 3.7.2: not removed for the 3.7 series as a whole, removed for 3.7.2
        assert_eq!(NETBOX.status("GIT_PATH", v("3.7")), Some(Status::Read));
        assert_eq!(NETBOX.status("GIT_PATH", v("3.7.2")), Some(Status::Removed(v("3.7.2"))));
        assert_eq!(NETBOX.status("JINJA_FILTERS", v("4.6")), Some(Status::NotYet(v("4.7.0"))));
        // still read by the newest release: read by later targets too
        assert_eq!(NETBOX.status("ALLOWED_HOSTS", v("4.9")), Some(Status::Read));
        assert_eq!(NETBOX.status("NO_SUCH_NAME", v("4.7")), None);
        assert!(NETBOX.deprecated("JINJA2_FILTERS", v("4.7")) && !NETBOX.deprecated("JINJA2_FILTERS", v("4.6")));
        assert_eq!(NETBOX.get("JINJA2_FILTERS").and_then(|s| s.replaced_by.as_deref()), Some("JINJA_FILTERS"));
    }
}
