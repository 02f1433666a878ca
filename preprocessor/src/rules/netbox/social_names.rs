//! The `SOCIAL_AUTH_*` names python-social-auth reads: `data/social-core-settings.json`, generated
//! by `tools/inventories/social_core_settings.py` from social-core 4.0.2 … 7.0.0 and
//! social-auth-app-django 6.1.0 (see its README), embedded at compile time and parsed once.
//!
//! Names are built as `BaseStrategy.setting` (social_core/strategy.py) builds them:
//! `backend.setting('X')` tries `SOCIAL_AUTH_<BACKEND>_X`, then `SOCIAL_AUTH_X`.

use super::parameters::{NETBOX, Ranges, ranges};
use crate::version::Version;
use rustc_hash::FxBuildHasher;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// `SOCIAL_AUTH_*` names NetBox itself reads (`netbox/authentication/__init__.py`, 4.7.3 wheel):
/// the login page's button attributes and the SAML identity providers.
const NETBOX_SOCIAL_NAMES: &[&str] = &["SOCIAL_AUTH_BACKEND_ATTRS", "SOCIAL_AUTH_SAML_ENABLED_IDPS"];

#[derive(Deserialize)]
struct SocialFile {
    global: HashMap<String, Vec<[String; 2]>>,
    any_backend: HashMap<String, Vec<[String; 2]>>,
    backends: HashMap<String, HashMap<String, Vec<[String; 2]>>>,
    django_app: AppFile,
    classes: HashMap<String, String>,
}

#[derive(Deserialize)]
struct AppFile {
    global: Vec<String>,
    any_backend: Vec<String>,
}

type Suffixes = HashMap<String, Ranges, FxBuildHasher>;

/// The `SOCIAL_AUTH_*` names social-core and social-auth-app-django read, as suffixes of
/// `SOCIAL_AUTH_`, with the social-core releases that read each (the app's 6.1.0 names hold for
/// every release).
pub(super) struct SocialInventory {
    global: Suffixes,
    any_backend: Suffixes,
    backends: HashMap<String, Suffixes, FxBuildHasher>,
    /// Every suffix some backend reads (its fallback `SOCIAL_AUTH_<suffix>` is valid too).
    backend_suffixes: HashSet<String, FxBuildHasher>,
    /// The longest backend name: only that many bytes of a name can be one.
    longest_backend: usize,
    /// Each backend class's dotted path, where social-core defines it, and its backend name
    /// (`social_core.backends.open_id_connect.OpenIdConnectAuth` → `OIDC`).
    classes: HashMap<String, String, FxBuildHasher>,
}

fn suffixes(table: HashMap<String, Vec<[String; 2]>>) -> Option<Suffixes> {
    table.into_iter().map(|(suffix, pairs)| Some((suffix, ranges(&pairs)?))).collect()
}

fn live(ranges: Option<&Ranges>, pins: &[Version]) -> bool {
    ranges.is_some_and(|r| r.iter().any(|&(first, last)| pins.iter().any(|p| first <= *p && *p <= last)))
}

const APP_RELEASES: (Version, Version) = (Version::new(0, 0, 0), Version::new(u32::MAX, 0, 0));

impl SocialInventory {
    fn parse(text: &str) -> Option<Self> {
        let file: SocialFile = serde_json::from_str(text).ok()?;
        let mut global = suffixes(file.global)?;
        let mut any_backend = suffixes(file.any_backend)?;
        // social-auth-app-django's own names (one release): read at every social-core release
        for suffix in file.django_app.global {
            global.insert(suffix, vec![APP_RELEASES]);
        }
        for suffix in file.django_app.any_backend {
            any_backend.insert(suffix, vec![APP_RELEASES]);
        }
        let mut backends = HashMap::with_capacity_and_hasher(file.backends.len(), FxBuildHasher);
        for (name, table) in file.backends {
            backends.insert(name, suffixes(table)?);
        }
        let backend_suffixes = backends.values().flat_map(|t: &Suffixes| t.keys().cloned()).collect();
        let longest_backend = backends.keys().map(String::len).max().unwrap_or(0);
        let classes = file.classes.into_iter().collect();
        Some(Self { global, any_backend, backends, backend_suffixes, longest_backend, classes })
    }

    /// The backend and setting of `rest` (a name without `SOCIAL_AUTH_`) read as
    /// `<BACKEND>_<SETTING>` by some social-core release: at most [`Self::longest_backend`] split
    /// points, so linear in the name.
    fn split<'n>(&self, rest: &'n str) -> impl Iterator<Item = (&str, &'n str, &Suffixes)> {
        rest.char_indices().take_while(|&(i, _)| i <= self.longest_backend).filter(|&(_, c)| c == '_').filter_map(
            |(i, _)| {
                let (backend, setting) = (rest.get(..i)?, rest.get(i + 1..)?);
                self.backends.get_key_value(backend).map(|(b, table)| (b.as_str(), setting, table))
            },
        )
    }

    /// Whether some social-core release (or social-auth-app-django 6.1.0) reads `name`.
    pub(super) fn reads(&self, name: &str) -> bool {
        let Some(rest) = name.strip_prefix("SOCIAL_AUTH_") else { return false };
        self.global.contains_key(rest)
            || self.any_backend.contains_key(rest)
            || self.backend_suffixes.contains(rest)
            || self
                .split(rest)
                .any(|(_, setting, table)| table.contains_key(setting) || self.any_backend.contains_key(setting))
    }

    /// The backend name of a class as `REMOTE_AUTH_BACKEND` names it, by the path social-core
    /// defines it at (`social_core.backends.open_id_connect.OpenIdConnectAuth` → `OIDC`).
    pub(super) fn backend_of_class(&self, path: &str) -> Option<&str> {
        self.classes.get(path).map(String::as_str)
    }

    /// The backend a name read by social-core is scoped to (`SOCIAL_AUTH_OIDC_KEY` → `OIDC`).
    pub(super) fn backend_of<'a>(&'a self, name: &str) -> Option<&'a str> {
        let rest = name.strip_prefix("SOCIAL_AUTH_")?;
        self.split(rest)
            .find(|(_, setting, table)| table.contains_key(*setting) || self.any_backend.contains_key(*setting))
            .map(|(backend, _, _)| backend)
    }

    /// The backend a `SOCIAL_AUTH_*` name starts with, whatever follows (`SOCIAL_AUTH_OIDC_X` → `OIDC`).
    pub(super) fn backend_prefix<'a>(&'a self, name: &str) -> Option<&'a str> {
        self.split(name.strip_prefix("SOCIAL_AUTH_")?).next().map(|(backend, _, _)| backend)
    }

    /// The backends other than `backend` whose class reads `setting` in one of the `pins`
    /// (`TENANT_ID`: the Entra ID tenant backends, not `AZUREAD_OAUTH2`), sorted.
    pub(super) fn other_backends_reading(&self, backend: &str, setting: &str, pins: &[Version]) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .backends
            .iter()
            .filter(|(name, table)| name.as_str() != backend && live(table.get(setting), pins))
            .map(|(name, _)| name.as_str())
            .collect();
        out.sort_unstable();
        out
    }

    /// The names the social-core `pins` read for the given backends: the candidates a misspelt
    /// `SOCIAL_AUTH_*` name is compared with.
    pub(super) fn names(&self, pins: &[Version], backends: &[&str]) -> Vec<String> {
        let mut out: Vec<String> = self
            .global
            .iter()
            .chain(&self.any_backend)
            .filter(|(_, r)| live(Some(r), pins))
            .map(|(suffix, _)| format!("SOCIAL_AUTH_{suffix}"))
            .collect();
        for backend in backends {
            let Some(table) = self.backends.get(*backend) else { continue };
            for (suffix, r) in table.iter().chain(&self.any_backend) {
                if live(Some(r), pins) {
                    out.push(format!("SOCIAL_AUTH_{backend}_{suffix}"));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// `data/social-core-settings.json`, parsed on first use.
pub(super) static SOCIAL: LazyLock<SocialInventory> = LazyLock::new(|| {
    SocialInventory::parse(include_str!("../../../data/social-core-settings.json")).unwrap_or(SocialInventory {
        global: HashMap::default(),
        any_backend: HashMap::default(),
        backends: HashMap::default(),
        backend_suffixes: HashSet::default(),
        longest_backend: 0,
        classes: HashMap::default(),
    })
});

/// Whether python-social-auth or NetBox reads the `SOCIAL_AUTH_*` name.
pub(super) fn social_reads(name: &str) -> bool {
    SOCIAL.reads(name) || NETBOX_SOCIAL_NAMES.contains(&name)
}

/// The social-auth-core releases the target NetBox pins (none before 3.1: then the newest).
pub(super) fn social_pins(target: Version) -> Vec<Version> {
    let pins = NETBOX.pins(target);
    if pins.is_empty() { NETBOX.pins.last().map(|(_, pin)| vec![*pin]).unwrap_or_default() } else { pins }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Version {
        text.parse().unwrap()
    }

    #[test]
    fn the_inventory_parses() {
        assert!(SocialInventory::parse(include_str!("../../../data/social-core-settings.json")).is_some());
    }

    #[test]
    fn social_names_resolve_as_social_core_builds_them() {
        assert!(social_reads("SOCIAL_AUTH_OIDC_JWT_LEEWAY"));
        assert!(social_reads("SOCIAL_AUTH_JWT_LEEWAY"), "a backend setting falls back to SOCIAL_AUTH_<setting>");
        assert!(social_reads("SOCIAL_AUTH_OIDC_LOGIN_ERROR_URL"), "any backend: a pipeline/app setting");
        assert!(social_reads("SOCIAL_AUTH_RAISE_EXCEPTIONS"), "social-auth-app-django's middleware");
        assert!(social_reads("SOCIAL_AUTH_BACKEND_ATTRS"), "NetBox's login page");
        assert!(!social_reads("SOCIAL_AUTH_OPENID_CONNECT_LEEWAY"));
        assert!(!social_reads("SOCIAL_AUTH_OIDC_SCOPES"));
        assert_eq!(SOCIAL.backend_of("SOCIAL_AUTH_OIDC_KEY"), Some("OIDC"));
        assert_eq!(social_pins(v("4.7.3")), vec![v("5.2.0")]);
        let names = SOCIAL.names(&social_pins(v("4.7")), &["OIDC"]);
        assert!(names.iter().any(|n| n == "SOCIAL_AUTH_OIDC_JWT_LEEWAY"));
        assert!(!names.iter().any(|n| n.starts_with("SOCIAL_AUTH_GITHUB_")), "only the backends in use");
    }

    #[test]
    fn a_name_longer_than_any_backend_is_split_in_bounded_steps() {
        let long = format!("SOCIAL_AUTH_{}", "A_".repeat(100_000));
        assert!(!social_reads(&long));
    }
}
