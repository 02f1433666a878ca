//! `mdbook-configcheck extract`: the deployment's files, written out for the executable
//! verification, with a manifest naming the blocks every file came from.
//!
//! The guide stays the single source of truth: the harness runs exactly these files and keeps no
//! copy of a block of its own. Each block is identified by its path, line and a hash of its text,
//! which the verification record keeps, so a block changed since its verification is noticed.

use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::check::Checked;
use crate::extract::{Block, Kind};

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

/// `sha256:` + hex of a text.
pub fn hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
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

fn stem(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.trim_end_matches(".md").to_lowercase()
}

/// Write the main deployment and every variant under `out`, plus `manifest.json`.
pub fn export(checked: &Checked, out: &Path) -> Result<Manifest> {
    let main: Vec<&Block> = checked.blocks.iter().filter(|b| b.is_main()).collect();
    let mut files: Vec<(Kind, String)> = Vec::new();
    for block in &main {
        if !files.iter().any(|(k, f)| *k == block.kind && *f == block.file) {
            files.push((block.kind, block.file.to_string()));
        }
    }
    let blocks_of = |kind: Kind, file: &str| -> Vec<&Block> {
        main.iter().copied().filter(|b| b.kind == kind && b.file == file).collect()
    };
    let mut deployments = Vec::new();
    let write = |dir: &str, name: &str, text: &str| -> Result<String> {
        let relative = format!("{dir}/{name}");
        let path = out.join(&relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        Ok(relative)
    };

    let mut main_files = Vec::new();
    for (kind, file) in &files {
        let blocks = blocks_of(*kind, file);
        main_files.push(ExportedFile {
            path: write("main", file, &join(&blocks))?,
            kind: kind.name(),
            file: file.clone(),
            blocks: blocks.iter().map(|b| record(b, checked)).collect(),
        });
    }
    deployments.push(ExportedDeployment { name: "main".into(), variant: None, expect: vec![], files: main_files });

    for variant in checked.blocks.iter().filter(|b| !b.is_main()) {
        let source = &checked.sources.get(variant.chapter_source).path;
        let name = format!("{}-l{}", stem(source), variant.fence_line);
        let mut variant_files = Vec::new();
        let mut all: Vec<(Kind, String)> = files.clone();
        if !all.iter().any(|(k, f)| *k == variant.kind && *f == variant.file) {
            all.push((variant.kind, variant.file.to_string()));
        }
        for (kind, file) in &all {
            let mut blocks = blocks_of(*kind, file);
            if *kind == variant.kind && *file == variant.file {
                // A NetBox block is laid over the file (its assignments come last and win); an
                // nginx or Authentik block replaces the file.
                if *kind != Kind::Netbox {
                    blocks.clear();
                }
                blocks.push(variant);
            }
            variant_files.push(ExportedFile {
                path: write(&format!("variants/{name}"), file, &join(&blocks))?,
                kind: kind.name(),
                file: file.clone(),
                blocks: blocks.iter().map(|b| record(b, checked)).collect(),
            });
        }
        deployments.push(ExportedDeployment {
            name,
            variant: Some(record(variant, checked)),
            expect: variant.expect.iter().map(|e| e.rule.clone()).collect(),
            files: variant_files,
        });
    }
    let manifest = Manifest { version: 1, deployments };
    let json = serde_json::to_string_pretty(&manifest).context("cannot serialize the manifest")?;
    std::fs::write(out.join("manifest.json"), json + "\n").context("cannot write manifest.json")?;
    Ok(manifest)
}
