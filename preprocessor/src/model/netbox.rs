//! The NetBox side of the deployment: `configuration.py` and other Python files.

use std::collections::HashMap;
use std::sync::Arc;

use compact_str::CompactString;

use rustc_hash::FxBuildHasher;

use crate::parse::netbox::{AttributeWrite, Import, PythonFile, Setting, UnguardedUse, ValueKind};

/// The NetBox side: `configuration.py` and any other Python file the book shows (for example a
/// custom pipeline module).
#[derive(Debug, Clone, Default)]
pub struct NetboxConfig {
    /// On a variant, the main deployment's settings: shared by every variant, never copied.
    base: Option<Arc<SettingTable>>,
    /// The settings this deployment's own blocks write (all of them on the main deployment).
    own: Arc<SettingTable>,
    /// Imports in every NetBox Python file.
    pub imports: Vec<Import>,
    /// Attribute writes in every NetBox Python file.
    pub attribute_writes: Vec<AttributeWrite>,
    /// Names used after a `try` swallowed the `KeyError` that would have bound them.
    pub unguarded_uses: Vec<UnguardedUse>,
}

/// Effective assignments by name, in the order the names were first assigned.
#[derive(Debug, Clone, Default)]
struct SettingTable {
    settings: Vec<Arc<Setting>>,
    // Names inline (no allocation per entry: a variant builds a table of its own).
    index: HashMap<CompactString, usize, FxBuildHasher>,
}

impl SettingTable {
    fn get(&self, name: &str) -> Option<&Arc<Setting>> {
        self.index.get(name).and_then(|&i| self.settings.get(i))
    }

    fn set(&mut self, setting: &Arc<Setting>) {
        match self.index.get(setting.name.as_str()) {
            Some(&i) => self.settings[i] = Arc::clone(setting),
            None => {
                self.index.insert(setting.name.clone(), self.settings.len());
                self.settings.push(Arc::clone(setting));
            }
        }
    }
}

/// social-core's generic OpenID Connect backend (backend name `oidc`).
pub const OIDC_BACKEND: &str = "social_core.backends.open_id_connect.OpenIdConnectAuth";
/// The endpoint setting the OpenID Connect backend reads first, and social-core's fallback name.
pub const ENDPOINT: &str = "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT";
/// See [`ENDPOINT`].
pub const ENDPOINT_FALLBACK: &str = "SOCIAL_AUTH_OIDC_ENDPOINT";

impl NetboxConfig {
    /// The backends in `REMOTE_AUTH_BACKEND`, when statically known.
    pub fn backends(&self) -> Option<Vec<String>> {
        let value = &self.get("REMOTE_AUTH_BACKEND")?.value;
        match &value.kind {
            ValueKind::Str(s) => Some(vec![s.to_string()]),
            ValueKind::List(items) | ValueKind::Tuple(items) => {
                items.iter().map(|i| i.as_str().map(str::to_string)).collect()
            }
            _ => None,
        }
    }

    /// The OpenID Connect endpoint social-core uses (its backend name first, then the fallback).
    pub fn oidc_endpoint(&self) -> Option<&Setting> {
        self.get(ENDPOINT).or_else(|| self.get(ENDPOINT_FALLBACK))
    }

    /// The effective assignment of a parameter (the last one).
    pub fn get(&self, name: &str) -> Option<&Setting> {
        self.own.get(name).or_else(|| self.base.as_ref().and_then(|base| base.get(name))).map(|s| &**s)
    }

    /// Every effective assignment, in the order the names were first assigned.
    pub fn settings(&self) -> impl Iterator<Item = &Setting> {
        self.effective().map(|s| &**s)
    }

    fn effective(&self) -> impl Iterator<Item = &Arc<Setting>> {
        let base = self.base.as_deref().map(|b| b.settings.as_slice()).unwrap_or_default();
        let inherited = base.iter().map(|s| self.own.get(&s.name).unwrap_or(s));
        let added = self.own.settings.iter().filter(|s| self.base.as_ref().is_none_or(|b| b.get(&s.name).is_none()));
        inherited.chain(added)
    }

    /// The assignments this deployment's own blocks write: all of them on the main deployment,
    /// only the variant block's on a variant. Rules about one setting on its own check these, so
    /// a variant does not check again the main settings it shares.
    pub fn own_settings(&self) -> impl Iterator<Item = &Setting> {
        self.own.settings.iter().map(|s| &**s)
    }

    /// A variant's starting point: this configuration's settings, shared (one reference count,
    /// not a copy per variant), without the imports and attribute writes (see
    /// `Deployment::base_for_variant`).
    pub(super) fn base_for_variant(&self) -> NetboxConfig {
        let base = match &self.base {
            None => Arc::clone(&self.own),
            Some(_) => {
                let mut table = SettingTable::default();
                self.effective().for_each(|s| table.set(s));
                Arc::new(table)
            }
        };
        NetboxConfig { base: Some(base), ..NetboxConfig::default() }
    }

    /// Lay a file over this configuration: its assignments win, its code facts are added. It
    /// takes the file: a contribution merges each main file as soon as it is parsed, so only the
    /// assignments that win outlive it.
    pub(super) fn absorb(&mut self, file: PythonFile, is_configuration: bool) {
        if is_configuration {
            // Unique while a contribution or a fresh variant is built: no copy.
            let own = Arc::make_mut(&mut self.own);
            for setting in &file.settings {
                own.set(setting);
            }
        }
        self.imports.extend(file.imports);
        self.attribute_writes.extend(file.attribute_writes);
        self.unguarded_uses.extend(file.unguarded_uses);
    }

    /// Configurations merged in order: what [`NetboxConfig::absorb`] made of consecutive runs of
    /// files, combined into the whole book's.
    pub(super) fn combined(parts: impl IntoIterator<Item = NetboxConfig>) -> NetboxConfig {
        let mut config = NetboxConfig::default();
        let mut own = SettingTable::default();
        for part in parts {
            part.effective().for_each(|setting| own.set(setting));
            config.imports.extend(part.imports);
            config.attribute_writes.extend(part.attribute_writes);
            config.unguarded_uses.extend(part.unguarded_uses);
        }
        config.own = Arc::new(own);
        config
    }

    /// Lay a variant's file over this configuration (the parsed file stays with the model).
    pub(super) fn lay_over(&mut self, file: &PythonFile, is_configuration: bool) {
        self.absorb(file.clone(), is_configuration);
    }
}

/// Whether a logical file is NetBox's configuration module (other Python files only contribute
/// their code, not parameters).
pub fn is_configuration_file(file: &str) -> bool {
    file == "configuration.py" || file.ends_with("/configuration.py")
}
