//! Stage 3: one model of the deployment.
//!
//! The main deployment is every block without `expect=` or `variant`, merged by logical file in
//! reading order (a later assignment wins, as when Python runs the file). Each `expect=` or
//! `variant` block makes a variant: the main deployment with that one block applied to its file.
//! A `check=netbox` block is laid over the main file (its assignments win, the rest stays), as
//! when a reader edits a few lines.

pub mod authentik;
pub mod flow;
pub mod netbox;
pub mod nginx;

use crate::extract::Block;
use crate::parse::Parsed;

pub use self::authentik::AuthentikSetup;
pub use self::netbox::{NetboxConfig, is_configuration_file};
pub use self::nginx::NginxSite;

/// Everything the rules look at.
#[derive(Debug, Clone, Default)]
pub struct Deployment {
    /// NetBox's configuration.
    pub netbox: NetboxConfig,
    /// The nginx site.
    pub nginx: NginxSite,
    /// The Authentik blueprint.
    pub authentik: AuthentikSetup,
}

impl Deployment {
    fn apply(&mut self, block: &Block, parsed: &Parsed) {
        match parsed {
            Parsed::Netbox(file) => self.netbox.lay_over(file, is_configuration_file(&block.file)),
            Parsed::Nginx(file) => self.nginx.add(file, block.id),
            Parsed::Authentik(blueprint) => self.authentik.add(blueprint, block.id),
        }
    }

    /// A copy to lay a variant over. The main deployment's code facts (imports, attribute
    /// writes) stay out: whatever they make fire already fires on the main deployment, and
    /// copying them into every variant would make the book's cost quadratic.
    fn base_for_variant(&self) -> Deployment {
        Deployment { netbox: self.netbox.without_code(), nginx: self.nginx.clone(), authentik: self.authentik.clone() }
    }
}

/// The main deployment, and what each variant is laid over.
#[derive(Debug)]
pub struct Model {
    /// Main blocks merged.
    pub main: Deployment,
    /// For each nginx or Authentik file of the main deployment: the main deployment without it
    /// (a variant of that file replaces it whole).
    without_file: Vec<((crate::extract::Kind, String), Deployment)>,
}

impl Model {
    /// The deployment with one `expect=`/`variant` block applied: a NetBox block is laid over
    /// `configuration.py`; an nginx or Authentik block replaces its file whole.
    pub fn variant(&self, block: &Block, parsed: &Parsed) -> Deployment {
        let mut variant = match parsed {
            Parsed::Netbox(_) => self.main.base_for_variant(),
            Parsed::Nginx(_) | Parsed::Authentik(_) => self
                .without_file
                .iter()
                .find(|((kind, file), _)| *kind == block.kind && *file == block.file)
                .map_or_else(|| self.main.base_for_variant(), |(_, base)| base.base_for_variant()),
        };
        variant.apply(block, parsed);
        variant
    }
}

/// Assemble the main deployment, and the bases the variants are laid over.
pub fn assemble(blocks: &[Block], parsed: &[Parsed]) -> Model {
    let main_blocks: Vec<(&Block, &Parsed)> = blocks.iter().zip(parsed).filter(|(b, _)| b.is_main()).collect();
    let mut main = Deployment::default();
    for (block, parsed) in &main_blocks {
        main.apply(block, parsed);
    }
    let mut without_file: Vec<((crate::extract::Kind, String), Deployment)> = Vec::new();
    for (block, _) in &main_blocks {
        let key = (block.kind, block.file.clone());
        if block.kind == crate::extract::Kind::Netbox || without_file.iter().any(|(k, _)| *k == key) {
            continue;
        }
        let mut base = Deployment::default();
        for (other, other_parsed) in main_blocks.iter().filter(|(b, _)| !(b.kind == key.0 && b.file == key.1)) {
            base.apply(other, other_parsed);
        }
        without_file.push((key, base));
    }
    Model { main, without_file }
}
