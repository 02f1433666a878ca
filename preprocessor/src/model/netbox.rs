//! The NetBox side of the deployment: `configuration.py` and other Python files.

use std::collections::HashMap;

use crate::parse::netbox::{AttributeWrite, Import, PythonFile, Setting};

/// The NetBox side: `configuration.py` and any other Python file the book shows (for example a
/// custom pipeline module).
#[derive(Debug, Clone, Default)]
pub struct NetboxConfig {
    settings: Vec<Setting>,
    index: HashMap<String, usize>,
    /// Imports in every NetBox Python file.
    pub imports: Vec<Import>,
    /// Attribute writes in every NetBox Python file.
    pub attribute_writes: Vec<AttributeWrite>,
    /// Whether any NetBox block exists at all.
    pub present: bool,
}

impl NetboxConfig {
    /// The effective assignment of a parameter (the last one).
    pub fn get(&self, name: &str) -> Option<&Setting> {
        self.index.get(name).and_then(|&i| self.settings.get(i))
    }

    /// Every effective assignment, in the order the names were first assigned.
    pub fn settings(&self) -> impl Iterator<Item = &Setting> {
        self.settings.iter()
    }

    pub(super) fn lay_over(&mut self, file: &PythonFile, is_configuration: bool) {
        self.present = true;
        if is_configuration {
            for setting in &file.settings {
                match self.index.get(&setting.name) {
                    Some(&i) => self.settings[i] = setting.clone(),
                    None => {
                        self.index.insert(setting.name.clone(), self.settings.len());
                        self.settings.push(setting.clone());
                    }
                }
            }
        }
        self.imports.extend(file.imports.iter().cloned());
        self.attribute_writes.extend(file.attribute_writes.iter().cloned());
    }
}

/// Whether a logical file is NetBox's configuration module (other Python files only contribute
/// their code, not parameters).
pub fn is_configuration_file(file: &str) -> bool {
    file == "configuration.py" || file.ends_with("/configuration.py")
}
