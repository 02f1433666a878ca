//! The verification record (`verification/record.json`, written by `tests/e2e/run`): which
//! blocks ran against real software, when, and against which versions.
//!
//! With `verification = "verification/record.json"` in `[preprocessor.configcheck]`, each chapter
//! whose blocks were verified says so, a block changed since its verification is
//! `configcheck/verification-stale`, and a main-deployment block no scenario covers is
//! `configcheck/verification-missing`: the strict guide build fails until the harness runs again.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::extract::Block;
use crate::finding::Finding;
use crate::fingerprint::hash;
use crate::own_rules;
use crate::source::Sources;

/// The record as the harness writes it.
#[derive(Debug, Clone, Deserialize)]
pub struct Record {
    /// Format version (1).
    pub version: u32,
    /// When the harness ran (RFC 3339).
    pub verified_at: String,
    /// The versions read from the running software (`netbox`, `nginx`, `postgresql`, …).
    pub versions: BTreeMap<String, String>,
    /// One entry per scenario.
    pub scenarios: Vec<Scenario>,
}

/// One scenario's outcome.
#[derive(Debug, Clone, Deserialize)]
pub struct Scenario {
    /// `main`, or a variant's name.
    pub name: String,
    /// `pass` or `fail`.
    pub result: String,
    /// The blocks it exercised.
    pub blocks: Vec<RecordedBlock>,
}

/// A block as recorded.
#[derive(Debug, Clone, Deserialize)]
pub struct RecordedBlock {
    /// The chapter.
    pub path: String,
    /// The opening fence's line.
    pub line: usize,
    /// `sha256:` of its text.
    pub hash: String,
}

impl Record {
    /// Read a record.
    pub fn load(path: &Path) -> Result<Record> {
        let text = std::fs::read_to_string(path).with_context(|| {
            format!("cannot read the verification record {} (run tests/e2e/run to write it)", path.display())
        })?;
        serde_json::from_str(&text).with_context(|| format!("{} is not a verification record", path.display()))
    }

    /// The date part of `verified_at`.
    pub fn date(&self) -> &str {
        self.verified_at.split('T').next().unwrap_or(&self.verified_at)
    }

    /// "NetBox 4.7.3, nginx 1.22.1, PostgreSQL 15.14, Authentik emulator …".
    pub fn versions_text(&self) -> String {
        let label = |key: &str| match key {
            "netbox" => "NetBox".to_string(),
            "nginx" => "nginx".to_string(),
            "postgresql" => "PostgreSQL".to_string(),
            "redis" => "Redis".to_string(),
            "authentik_emulator" => "Authentik emulator".to_string(),
            "chromium" => "Chromium".to_string(),
            other => other.replace('_', "-"),
        };
        let order = ["netbox", "nginx", "postgresql", "redis", "authentik_emulator", "chromium"];
        let mut keys: Vec<&String> = self.versions.keys().collect();
        keys.sort_by_key(|k| order.iter().position(|o| o == k).unwrap_or(order.len()));
        keys.iter().map(|k| format!("{} {}", label(k), self.versions[*k])).collect::<Vec<_>>().join(", ")
    }

    fn passing(&self) -> impl Iterator<Item = &RecordedBlock> {
        self.scenarios.iter().filter(|s| s.result == "pass").flat_map(|s| s.blocks.iter())
    }
}

/// What the record says about the book's blocks.
#[derive(Debug, Default)]
pub struct Verification {
    /// Findings: stale and missing blocks.
    pub findings: Vec<Finding>,
    /// Chapters (by index) with at least one verified block.
    pub verified_chapters: Vec<usize>,
}

/// Compare the blocks with the record.
pub fn verify(blocks: &[Block], sources: &Sources, record: &Record) -> Verification {
    let mut out = Verification::default();
    for block in blocks {
        let path = &sources.get(block.chapter_source).path;
        let current = hash(&block.text);
        let verified = record.passing().any(|r| r.hash == current);
        if verified {
            if !out.verified_chapters.contains(&block.chapter) {
                out.verified_chapters.push(block.chapter);
            }
            continue;
        }
        if let Some(failed) =
            record.scenarios.iter().find(|s| s.result != "pass" && s.blocks.iter().any(|r| r.hash == current))
        {
            out.findings.push(Finding::at(
                &own_rules::VERIFICATION_FAILED,
                Some(block.id),
                block.fence_site(),
                format!(
                    "the scenario `{}` that ran this block against real software on {} failed: what the guide says about it did not happen",
                    failed.name,
                    record.date()
                ),
            ));
            continue;
        }
        let earlier = record
            .scenarios
            .iter()
            .flat_map(|s| s.blocks.iter())
            .find(|r| *r.path == **path && r.line == block.fence_line);
        if earlier.is_some() {
            out.findings.push(Finding::at(
                &own_rules::VERIFICATION_STALE,
                Some(block.id),
                block.fence_site(),
                format!(
                    "this block changed since it was verified on {} against real software: what readers copy now has not run; run tests/e2e/run to verify it again",
                    record.date()
                ),
            ));
        } else if block.is_main() {
            out.findings.push(Finding::at(
                &own_rules::VERIFICATION_MISSING,
                Some(block.id),
                block.fence_site(),
                "no scenario of the verification record covers this block: it has never run against real software; run tests/e2e/run".to_string(),
            ));
        }
    }
    out
}
