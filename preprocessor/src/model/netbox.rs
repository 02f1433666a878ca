//! The NetBox side of the deployment: `configuration.py` and other Python files.

use std::collections::HashMap;
use std::sync::Arc;

use crate::parse::netbox::{AttributeWrite, Import, PythonFile, Setting, UnguardedUse};

/// The NetBox side: `configuration.py` and any other Python file the book shows (for example a
/// custom pipeline module).
#[derive(Debug, Clone, Default)]
pub struct NetboxConfig {
    // Shared, not copied, into every variant: a variant only replaces the names it assigns.
    settings: Vec<Arc<Setting>>,
    index: HashMap<Arc<str>, usize, BuildNameHasher>,
    /// Imports in every NetBox Python file.
    pub imports: Vec<Import>,
    /// Attribute writes in every NetBox Python file.
    pub attribute_writes: Vec<AttributeWrite>,
    /// Names used after a `try` swallowed the `KeyError` that would have bound them.
    pub unguarded_uses: Vec<UnguardedUse>,
    /// Whether any NetBox block exists at all.
    pub present: bool,
}

impl NetboxConfig {
    /// The effective assignment of a parameter (the last one).
    pub fn get(&self, name: &str) -> Option<&Setting> {
        self.index.get(name).and_then(|&i| self.settings.get(i)).map(|s| &**s)
    }

    /// Every effective assignment, in the order the names were first assigned.
    pub fn settings(&self) -> impl Iterator<Item = &Setting> {
        self.settings.iter().map(|s| &**s)
    }

    /// The settings without the imports and attribute writes (see `Deployment::base_for_variant`).
    pub(super) fn without_code(&self) -> NetboxConfig {
        NetboxConfig {
            settings: self.settings.clone(),
            index: self.index.clone(),
            imports: Vec::new(),
            attribute_writes: Vec::new(),
            unguarded_uses: Vec::new(),
            present: self.present,
        }
    }

    pub(super) fn lay_over(&mut self, file: &PythonFile, is_configuration: bool) {
        self.present = true;
        if is_configuration {
            for setting in &file.settings {
                match self.index.get(setting.name.as_str()) {
                    Some(&i) => self.settings[i] = Arc::clone(setting),
                    None => {
                        self.index.insert(Arc::from(setting.name.as_str()), self.settings.len());
                        self.settings.push(Arc::clone(setting));
                    }
                }
            }
        }
        self.imports.extend(file.imports.iter().cloned());
        self.attribute_writes.extend(file.attribute_writes.iter().cloned());
        self.unguarded_uses.extend(file.unguarded_uses.iter().cloned());
    }
}

/// FNV-1a for setting names: short, trusted keys hashed thousands of times per book, where
/// SipHash's protection against hostile keys buys nothing.
#[derive(Debug, Clone, Default)]
pub struct BuildNameHasher;

/// The hasher of [`BuildNameHasher`].
#[derive(Debug)]
pub struct NameHasher(u64);

impl std::hash::BuildHasher for BuildNameHasher {
    type Hasher = NameHasher;

    fn build_hasher(&self) -> NameHasher {
        NameHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Whether a logical file is NetBox's configuration module (other Python files only contribute
/// their code, not parameters).
pub fn is_configuration_file(file: &str) -> bool {
    file == "configuration.py" || file.ends_with("/configuration.py")
}
