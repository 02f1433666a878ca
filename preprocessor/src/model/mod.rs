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

use crate::extract::{Block, BlockId};
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

    /// A variant: an nginx or Authentik block replaces its file whole; a NetBox block is laid over.
    fn with_variant(&self, block: &Block, parsed: &Parsed, main_blocks: &[(&Block, &Parsed)]) -> Deployment {
        let mut variant = match parsed {
            Parsed::Netbox(_) => self.clone(),
            Parsed::Nginx(_) | Parsed::Authentik(_) => {
                let mut rebuilt = Deployment::default();
                for (main_block, main_parsed) in main_blocks {
                    let same_file = main_block.kind == block.kind && main_block.file == block.file;
                    if !same_file {
                        rebuilt.apply(main_block, main_parsed);
                    }
                }
                rebuilt
            }
        };
        variant.apply(block, parsed);
        variant
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
    let main_blocks: Vec<(&Block, &Parsed)> = blocks.iter().zip(parsed).filter(|(b, _)| b.is_main()).collect();
    let mut main = Deployment::default();
    for (block, parsed) in &main_blocks {
        main.apply(block, parsed);
    }
    let variants = blocks
        .iter()
        .zip(parsed)
        .filter(|(b, _)| !b.is_main())
        .map(|(block, parsed)| (block.id, main.with_variant(block, parsed, &main_blocks)))
        .collect();
    Model { main, variants }
}
