//! The verification record (`verification/record.json`, written by `tests/e2e/run`): which
//! blocks ran against real software, when, and against which versions.
//!
//! With `verification = "verification/record.json"` in `[preprocessor.configcheck]`, each chapter
//! whose blocks were verified says so, a block changed since its verification is
//! `configcheck/verification-stale`, and a main-deployment block no scenario covers is
//! `configcheck/verification-missing`: the strict guide build fails until the harness runs again.
//! A record that ran older NetBox or Authentik versions than the book's targets name (or no real
//! Authentik at all) is `configcheck/verification-outdated`.
//!
//! Format 1 named one set of versions (and an Authentik emulator); format 2 adds `authentik`, the
//! real Authentik versions every scenario ran against, and each scenario's result per version.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::extract::Block;
use crate::finding::Finding;
use crate::fingerprint::hash;
use crate::own_rules;
use crate::source::Sources;
use crate::version::{Targets, Version};

/// The newest record format this reader understands.
const FORMAT: u32 = 2;

/// The record as the harness writes it.
#[derive(Debug, Clone, Deserialize)]
pub struct Record {
    /// Format version (1 or 2).
    pub version: u32,
    /// When the harness ran (RFC 3339).
    pub verified_at: String,
    /// The versions read from the running software (`netbox`, `nginx`, `postgresql`, …).
    pub versions: BTreeMap<String, String>,
    /// The real Authentik versions every scenario ran against (format 2), oldest first.
    #[serde(default)]
    pub authentik: Vec<AuthentikRun>,
    /// One entry per scenario.
    pub scenarios: Vec<Scenario>,
}

/// One real Authentik version of the record.
#[derive(Debug, Clone, Deserialize)]
pub struct AuthentikRun {
    /// As Authentik names its release (`2025.12.4`, `2026.5.0-rc1`).
    pub version: String,
    /// The Python it ran on.
    #[serde(default)]
    pub python: String,
    /// Which of Authentik's pages the browser used.
    #[serde(default)]
    pub pages: String,
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
        let record: Record =
            serde_json::from_str(&text).with_context(|| format!("{} is not a verification record", path.display()))?;
        if record.version == 0 || record.version > FORMAT {
            anyhow::bail!(
                "{} is a verification record of format {}; this mdbook-configcheck reads formats 1 to {FORMAT} (update it, or run tests/e2e/run again)",
                path.display(),
                record.version
            );
        }
        Ok(record)
    }

    /// The date part of `verified_at`.
    pub fn date(&self) -> &str {
        self.verified_at.split('T').next().unwrap_or(&self.verified_at)
    }

    /// The page's one-line stamp: "Verified 2026-12-01 on NetBox 4.7.3 with Authentik 2025.12.4 and
    /// 2026.5.0-rc1." The full list of components is [`Record::components`].
    pub fn stamp(&self) -> String {
        let netbox = self.versions.get("netbox").map_or_else(String::new, |v| format!(" on NetBox {v}"));
        let authentik = match self.authentik.as_slice() {
            [] if self.versions.contains_key("authentik_emulator") => {
                " with an Authentik emulator (not real Authentik)".to_string()
            }
            [] => String::new(),
            runs => {
                let names: Vec<&str> = runs.iter().map(|r| r.version.as_str()).collect();
                let (last, rest) = names.split_last().map_or(("", &[][..]), |(l, r)| (*l, r));
                if rest.is_empty() {
                    format!(" with Authentik {last}")
                } else {
                    format!(" with Authentik {} and {last}", rest.join(", "))
                }
            }
        };
        format!("Verified {}{netbox}{authentik}.", self.date())
    }

    /// Every component the record names, with its version, for the version notes:
    /// NetBox, each real Authentik (with its Python), then the rest in the record's order.
    pub fn components(&self) -> Vec<(String, String)> {
        let label = |key: &str| match key {
            "netbox" => "NetBox".to_string(),
            "nginx" => "nginx".to_string(),
            "postgresql" => "PostgreSQL".to_string(),
            "redis" => "Redis".to_string(),
            "authentik_emulator" => "Authentik emulator".to_string(),
            "chromium" => "Chromium".to_string(),
            "django" => "Django".to_string(),
            "python" => "Python (NetBox)".to_string(),
            other => other.replace('_', "-"),
        };
        let order = ["netbox", "nginx", "postgresql", "redis", "authentik_emulator", "chromium"];
        let mut keys: Vec<&String> = self.versions.keys().collect();
        keys.sort_by_key(|k| order.iter().position(|o| o == k).unwrap_or(order.len()));
        let row = |key: &String| (label(key), self.versions[key].clone());
        let mut out: Vec<(String, String)> = keys.iter().filter(|k| **k == "netbox").map(|k| row(k)).collect();
        out.extend(self.authentik.iter().map(|run| {
            let python = if run.python.is_empty() { String::new() } else { format!(" (Python {})", run.python) };
            ("Authentik".to_string(), format!("{}{python}", run.version))
        }));
        out.extend(keys.iter().filter(|k| **k != "netbox").map(|k| row(k)));
        out
    }

    /// Why the record is older than what the book targets, if it is.
    pub fn outdated(&self, targets: &Targets) -> Option<String> {
        let mut behind = Vec::new();
        match self.versions.get("netbox").and_then(|v| release(v)) {
            Some(verified) if verified < targets.netbox => {
                behind.push(format!("NetBox {verified} (targets.netbox is {})", targets.netbox));
            }
            Some(_) => {}
            None => behind.push(format!("no NetBox version it can read (targets.netbox is {})", targets.netbox)),
        }
        match self.authentik.iter().filter_map(|run| release(&run.version)).max() {
            Some(verified) if verified < targets.authentik => {
                behind.push(format!("Authentik {verified} at newest (targets.authentik is {})", targets.authentik));
            }
            Some(_) => {}
            None => behind.push(format!("no real Authentik (targets.authentik is {})", targets.authentik)),
        }
        (!behind.is_empty()).then(|| behind.join(", "))
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

/// A version as the record spells it (`2026.5.0-rc1` is a release candidate, older than 2026.5.0);
/// anything after a space (a build note) is left aside.
fn release(text: &str) -> Option<Version> {
    text.split(' ').next()?.parse().ok()
}

/// Compare the blocks with the record.
pub fn verify(blocks: &[Block], sources: &Sources, record: &Record, targets: &Targets) -> Verification {
    let mut out = Verification::default();
    if let (Some(behind), Some(first)) = (record.outdated(targets), blocks.iter().find(|b| b.is_main())) {
        out.findings.push(Finding::at(
            &own_rules::VERIFICATION_OUTDATED,
            Some(first.id),
            first.fence_site(),
            format!(
                "the verification record of {} ran {behind}: what the guide says about newer versions has not run against them; run tests/e2e/run against the versions the book targets",
                record.date()
            ),
        ));
    }
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
