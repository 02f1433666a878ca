//! `mdbook-configcheck extract`: the deployment's files, written out for the executable
//! verification, with a manifest naming the blocks every file came from.
//!
//! The guide stays the single source of truth: the harness runs exactly these files and keeps no
//! copy of a block of its own. Each block is identified by its path, line and a hash of its text,
//! which the verification record keeps, so a block changed since its verification is noticed.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::check::Checked;
use crate::extract::Block;
use crate::fingerprint::hash;
use crate::model::{self, FileBlocks};
use crate::source::SourceId;

/// A block as the manifest and the verification record name it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct BlockRecord {
    /// The chapter (relative to the book root).
    pub path: String,
    /// The opening fence's line.
    pub line: usize,
    /// `sha256:` of the block's text (includes resolved).
    pub hash: String,
}

/// One written file.
#[derive(Debug, Clone, Serialize)]
pub struct ExportedFile {
    /// Where it was written, relative to the output directory.
    pub path: String,
    /// `netbox`, `nginx` or `authentik`.
    pub kind: &'static str,
    /// The logical file (`configuration.py`).
    pub file: String,
    /// The blocks it is made of, in order.
    pub blocks: Vec<BlockRecord>,
}

/// The main deployment or one variant.
#[derive(Debug, Clone, Serialize)]
pub struct ExportedDeployment {
    /// `main`, or the variant's name (`troubleshooting-l42`).
    pub name: String,
    /// For a variant: the block that makes it.
    pub variant: Option<BlockRecord>,
    /// The rules the variant block expects (its symptom).
    pub expect: Vec<String>,
    /// Its files.
    pub files: Vec<ExportedFile>,
}

/// `manifest.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    /// Format version.
    pub version: u32,
    /// The deployments, main first.
    pub deployments: Vec<ExportedDeployment>,
}

/// The identity of a block: path, line and hash.
pub fn record(block: &Block, checked: &Checked) -> BlockRecord {
    BlockRecord {
        path: checked.sources.get(block.chapter_source).path.to_string(),
        line: block.fence_line,
        hash: hash(&block.text),
    }
}

fn join(blocks: &[&Block]) -> String {
    let mut text = String::new();
    for block in blocks {
        text.push_str(&block.text);
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    text
}

/// A variant's name: its chapter's file name and its line (`troubleshooting-l42`); where chapters
/// of one name in different folders would give the same name, the chapter's whole path
/// (`guide-nginx-l42`); and should a name still repeat, a number, so that no variant's files
/// overwrite another's.
fn variant_names(variants: &[&Block], checked: &Checked) -> Vec<String> {
    let path_of = |block: &Block| checked.sources.get(block.chapter_source).path.trim_end_matches(".md").to_lowercase();
    let short = |block: &Block| {
        let path = path_of(block);
        format!("{}-l{}", path.rsplit('/').next().unwrap_or(&path), block.fence_line)
    };
    let shorts: Vec<String> = variants.iter().map(|v| short(v)).collect();
    // The chapters each short name comes from: more than one, and the name is ambiguous.
    let mut sources: HashMap<&str, Vec<SourceId>> = HashMap::new();
    for (variant, name) in variants.iter().zip(&shorts) {
        let list = sources.entry(name).or_default();
        if !list.contains(&variant.chapter_source) {
            list.push(variant.chapter_source);
        }
    }
    let mut taken = HashSet::new();
    variants
        .iter()
        .zip(&shorts)
        .map(|(variant, short)| {
            let name = if sources[short.as_str()].len() > 1 {
                format!("{}-l{}", path_of(variant).replace('/', "-"), variant.fence_line)
            } else {
                short.clone()
            };
            let mut unique = name.clone();
            for n in 2.. {
                if taken.insert(unique.clone()) {
                    break;
                }
                unique = format!("{name}-{n}");
            }
            unique
        })
        .collect()
}

/// Write the main deployment and every variant under `out`, plus `manifest.json`.
pub fn export(checked: &Checked, out: &Path) -> Result<Manifest> {
    // Made first: a book without checked blocks still gets its (empty) manifest.
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    // Each block's identity once: a main block is in every variant.
    let records: Vec<BlockRecord> = checked.blocks.iter().map(|block| record(block, checked)).collect();
    let write_deployment = |dir: &str, files: &[FileBlocks<'_>]| -> Result<Vec<ExportedFile>> {
        let mut written = Vec::with_capacity(files.len());
        for file in files {
            let relative = format!("{dir}/{}", file.file);
            let path = out.join(&relative);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
            }
            std::fs::write(&path, join(&file.blocks)).with_context(|| format!("cannot write {}", path.display()))?;
            written.push(ExportedFile {
                path: relative,
                kind: file.kind.name(),
                file: file.file.to_string(),
                blocks: file.blocks.iter().map(|b| records[b.id.0].clone()).collect(),
            });
        }
        Ok(written)
    };

    let main = model::main_files(&checked.blocks);
    let mut deployments = vec![ExportedDeployment {
        name: "main".into(),
        variant: None,
        expect: vec![],
        files: write_deployment("main", &main)?,
    }];
    let variants: Vec<&Block> = checked.blocks.iter().filter(|b| !b.is_main()).collect();
    for (variant, name) in variants.iter().zip(variant_names(&variants, checked)) {
        let mut files = main.clone();
        model::apply_variant(&mut files, variant);
        deployments.push(ExportedDeployment {
            variant: Some(records[variant.id.0].clone()),
            expect: variant.expect.iter().map(|e| e.rule.clone()).collect(),
            files: write_deployment(&format!("variants/{name}"), &files)?,
            name,
        });
    }
    let manifest = Manifest { version: 1, deployments };
    let json = serde_json::to_string_pretty(&manifest).context("cannot serialize the manifest")?;
    std::fs::write(out.join("manifest.json"), json + "\n").context("cannot write manifest.json")?;
    Ok(manifest)
}
