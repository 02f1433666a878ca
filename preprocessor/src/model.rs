//! Stage 3: one model of the deployment.
//!
//! The main deployment is every block without `expect=` or `variant`, merged by logical file in
//! reading order (a later assignment wins, as when Python runs the file). Each `expect=` or
//! `variant` block makes a variant: the main deployment with that one block applied to its file.
//! A `check=netbox` block is laid over the main file (its assignments win, the rest stays), as
//! when a reader edits a few lines.

use std::collections::HashMap;

use crate::extract::{Block, BlockId, Kind};
use crate::parse::Parsed;
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

    fn lay_over(&mut self, file: &PythonFile, is_configuration: bool) {
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

/// Everything the rules look at.
#[derive(Debug, Clone, Default)]
pub struct Deployment {
    /// NetBox's configuration.
    pub netbox: NetboxConfig,
}

impl Deployment {
    fn apply(&mut self, block: &Block, parsed: &Parsed) {
        if let (Kind::Netbox, Parsed::Netbox(file)) = (block.kind, parsed) {
            self.netbox.lay_over(file, is_configuration_file(&block.file));
        }
    }
}

/// The main deployment and one variant per `expect=`/`variant` block.
#[derive(Debug)]
pub struct Model {
    /// Main blocks merged.
    pub main: Deployment,
    /// `(variant block, deployment with it applied)`.
    pub variants: Vec<(BlockId, Deployment)>,
}

/// Assemble the model.
pub fn assemble(blocks: &[Block], parsed: &[Parsed]) -> Model {
    let mut main = Deployment::default();
    for (block, parsed) in blocks.iter().zip(parsed).filter(|(b, _)| b.is_main()) {
        main.apply(block, parsed);
    }
    let variants = blocks
        .iter()
        .zip(parsed)
        .filter(|(b, _)| !b.is_main())
        .map(|(block, parsed)| {
            let mut variant = main.clone();
            variant.apply(block, parsed);
            (block.id, variant)
        })
        .collect();
    Model { main, variants }
}
