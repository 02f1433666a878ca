//! Stage 3: one model of the deployment.
//!
//! The main deployment is every block without `expect=` or `variant`, merged by logical file in
//! reading order (a later assignment wins, as when Python runs the file). Each `expect=` or
//! `variant` block makes a variant: the main deployment with that one block applied to its file.
//! A `check=netbox` block is laid over the main file (its assignments win, the rest stays), as
//! when a reader edits a few lines.
//!
//! The book's blocks are parsed in runs on all cores; each run's main NetBox files are merged on
//! the core that parsed them ([`contribute`]) and the runs are combined in reading order
//! ([`assemble`]). A variant shares the main settings instead of copying them.

pub mod authentik;
pub mod flow;
pub mod netbox;
pub mod nginx;

use std::sync::Arc;

use compact_str::CompactString;

use crate::extract::{Block, Kind};
use crate::finding::BlockId;
use crate::parse::Parsed;

pub use self::authentik::AuthentikSetup;
pub use self::netbox::{NetboxConfig, Presence, Role, is_configuration_file, role};
pub use self::nginx::NginxSite;

/// Everything the rules look at.
///
/// The nginx site and the blueprint are shared between the main deployment and its variants
/// (a variant of another file reads them as they are); a variant that changes one copies it.
#[derive(Debug, Clone, Default)]
pub struct Deployment {
    /// NetBox's configuration.
    pub netbox: NetboxConfig,
    /// The nginx site.
    pub nginx: Arc<NginxSite>,
    /// The Authentik blueprint.
    pub authentik: Arc<AuthentikSetup>,
}

impl Deployment {
    fn apply(&mut self, block: &Block, parsed: &Parsed) {
        match parsed {
            Parsed::Netbox(file) => {
                self.netbox.note_names(block.file.clone(), block.id, (*file.module_names).clone());
                self.netbox.lay_over(file, role(block.kind, &block.file, block.partial))
            }
            Parsed::Nginx(file) => Arc::make_mut(&mut self.nginx).add(file, block.id),
            Parsed::Authentik(blueprint) => Arc::make_mut(&mut self.authentik).add(blueprint, block.id),
        }
    }

    /// The deployment as it is when its one top-level guard holds (a sign-on block switched on
    /// by the environment), with the guard's block and range: only findings on the guard's own
    /// lines may rest on it, as those lines run only then. `None` unless the main files have
    /// exactly one guard (two may exclude each other) whose condition names no variable an
    /// environment file sets (the file may settle it; comparisons are not evaluated).
    pub fn guard_view(&self) -> Option<(Deployment, BlockId, std::ops::Range<usize>)> {
        let [guard] = self.netbox.guards.as_slice() else { return None };
        if self.netbox.environment_names().any(|name| guard.literals.iter().any(|l| l == name)) {
            return None;
        }
        let mut view = self.clone();
        let file = crate::parse::netbox::PythonFile { settings: guard.settings.clone(), ..Default::default() };
        view.netbox.lay_over(&file, netbox::Role::Partial);
        Some((view, guard.block, guard.range.clone()))
    }

    /// A copy to lay a variant over. The main deployment's code facts (imports, attribute
    /// writes) stay out: whatever they make fire already fires on the main deployment, and
    /// copying them into every variant would make the book's cost quadratic. The nginx site and
    /// the blueprint are shared, not copied, for the same reason.
    fn base_for_variant(&self) -> Deployment {
        Deployment {
            netbox: self.netbox.base_for_variant(),
            nginx: Arc::clone(&self.nginx),
            authentik: Arc::clone(&self.authentik),
        }
    }
}

/// What a run of consecutive blocks contributes to the model: its main NetBox files merged, and
/// every other parsed block kept for the later stages. Each main file is merged as soon as it is
/// parsed and freed on the thread that made it; only the assignments that win live on.
#[derive(Debug)]
pub struct Contribution {
    netbox: NetboxConfig,
    kept: Vec<(BlockId, Parsed)>,
}

/// Merge the main NetBox files among `blocks` (parsed in the same order, as they come) and keep
/// the rest.
pub fn contribute(blocks: &[Block], parsed: impl IntoIterator<Item = Parsed>) -> Contribution {
    let mut netbox = NetboxConfig::default();
    let mut kept = Vec::new();
    for (block, parsed) in blocks.iter().zip(parsed) {
        match parsed {
            Parsed::Netbox(mut file) if block.is_main() => {
                let role = role(block.kind, &block.file, block.partial);
                let names = std::mem::take(&mut file.module_names);
                netbox.note_module_names(&block.file, block.id, role, block.excerpt, *names);
                netbox.absorb(*file, role)
            }
            other => kept.push((block.id, other)),
        }
    }
    Contribution { netbox, kept }
}

/// The main deployment, and what each variant is laid over.
#[derive(Debug)]
pub struct Model {
    /// Main blocks merged.
    pub main: Deployment,
    /// For each nginx or Authentik file of the main deployment: the main deployment without it
    /// (a variant of that file replaces it whole).
    without_file: Vec<((Kind, CompactString), Deployment)>,
    /// Every parsed block except the main NetBox files (merged into `main`), in reading order.
    parsed: Vec<(BlockId, Parsed)>,
}

impl Model {
    /// The deployment with one `expect=`/`variant` block applied: a NetBox block is laid over
    /// `configuration.py`; an nginx or Authentik block replaces its file whole.
    pub fn variant(&self, block: &Block, parsed: &Parsed) -> Deployment {
        let mut variant = if variant_replaces_file(block.kind) {
            self.without_file
                .iter()
                .find(|((kind, file), _)| *kind == block.kind && *file == block.file)
                .map_or_else(|| self.main.base_for_variant(), |(_, base)| base.base_for_variant())
        } else {
            self.main.base_for_variant()
        };
        variant.apply(block, parsed);
        variant
    }

    /// The parsed blocks the model keeps (all but the main NetBox files), in reading order.
    pub fn parsed(&self) -> &[(BlockId, Parsed)] {
        &self.parsed
    }
}

/// Whether a variant block replaces its whole file (nginx, Authentik) instead of being laid over
/// it (NetBox: its assignments win and the rest of the file stays, as when a reader edits a few
/// lines). The model, `nginx -t` and the exported deployments all apply variants by this rule.
pub fn variant_replaces_file(kind: Kind) -> bool {
    kind != Kind::Netbox
}

/// One logical file of a deployment and the blocks it is made of, in reading order.
#[derive(Debug, Clone)]
pub struct FileBlocks<'b> {
    /// What the file is.
    pub kind: Kind,
    /// Its name (`configuration.py`, `netbox.conf`).
    pub file: &'b str,
    /// Its blocks.
    pub blocks: Vec<&'b Block>,
}

/// The files of the main deployment, in the order the book first writes them.
pub fn main_files(blocks: &[Block]) -> Vec<FileBlocks<'_>> {
    let mut files: Vec<FileBlocks<'_>> = Vec::new();
    // Each file's index, so that a book of many files is not searched once per block.
    let mut index: std::collections::HashMap<(Kind, &str), usize> = std::collections::HashMap::new();
    for block in blocks.iter().filter(|b| b.is_main()) {
        match index.get(&(block.kind, block.file.as_str())).and_then(|&i| files.get_mut(i)) {
            Some(file) => file.blocks.push(block),
            None => {
                index.insert((block.kind, block.file.as_str()), files.len());
                files.push(FileBlocks { kind: block.kind, file: &block.file, blocks: vec![block] });
            }
        }
    }
    files
}

/// The files of a deployment with one variant block applied (see [`variant_replaces_file`]); a
/// file the main deployment does not have is added.
pub fn apply_variant<'b>(files: &mut Vec<FileBlocks<'b>>, variant: &'b Block) {
    let file = match files.iter().position(|f| f.kind == variant.kind && f.file == variant.file) {
        Some(i) => &mut files[i],
        None => {
            files.push(FileBlocks { kind: variant.kind, file: &variant.file, blocks: Vec::new() });
            let last = files.len() - 1;
            &mut files[last]
        }
    };
    if variant_replaces_file(variant.kind) {
        file.blocks.clear();
    }
    file.blocks.push(variant);
}

/// Assemble the main deployment from the contributions of consecutive runs of `blocks`, in
/// reading order, and the bases the variants are laid over.
pub fn assemble(blocks: &[Block], contributions: Vec<Contribution>) -> Model {
    let mut netbox_parts = Vec::with_capacity(contributions.len());
    let mut parsed = Vec::new();
    for contribution in contributions {
        netbox_parts.push(contribution.netbox);
        parsed.extend(contribution.kept);
    }
    let netbox = NetboxConfig::combined(netbox_parts);
    // The other main blocks are the nginx and Authentik files: few, applied in reading order.
    let others: Vec<(&Block, &Parsed)> =
        parsed.iter().map(|(id, p)| (&blocks[id.0], p)).filter(|(b, _)| b.is_main()).collect();
    let merge = |skip: Option<&(Kind, CompactString)>| {
        let mut deployment = Deployment { netbox: netbox.clone(), ..Deployment::default() };
        for (block, parsed) in &others {
            if skip.is_none_or(|(kind, file)| !(block.kind == *kind && block.file == *file)) {
                deployment.apply(block, parsed);
            }
        }
        deployment
    };
    let main = merge(None);
    // Only the files a variant replaces need the main deployment without them: each such base
    // costs a merge of every main block, so a book of many files and no variants pays nothing.
    let replaced: std::collections::HashSet<(Kind, &str)> = parsed
        .iter()
        .map(|(id, _)| &blocks[id.0])
        .filter(|b| !b.is_main() && variant_replaces_file(b.kind))
        .map(|b| (b.kind, b.file.as_str()))
        .collect();
    let mut without_file: Vec<((Kind, CompactString), Deployment)> = Vec::new();
    for (block, _) in &others {
        let key = (block.kind, block.file.clone());
        if replaced.contains(&(block.kind, block.file.as_str())) && !without_file.iter().any(|(k, _)| *k == key) {
            let base = merge(Some(&key));
            without_file.push((key, base));
        }
    }
    Model { main, without_file, parsed }
}
