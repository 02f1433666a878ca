//! Stage 4: run the rules on the main deployment and on each variant, then apply the author's
//! expectations, allows and the book's severity overrides.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rustc_hash::FxBuildHasher;

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Placement, Summary};
use crate::extract::{self, Block, ChapterInput, Extraction};
use crate::finding::{BlockId, Finding, Location, Severity};
use crate::model::{self, Deployment};
use crate::own_rules;
use crate::parse;
use crate::rules;
use crate::source::{LineColumn, Site, Sources};
use crate::version::Targets;

/// The outcome of checking a book.
#[derive(Debug, Default)]
pub struct Checked {
    /// Every diagnostic, sorted by path, line, column and rule.
    pub diagnostics: Vec<Diagnostic>,
    /// The checked blocks.
    pub blocks: Vec<Block>,
    /// The files the diagnostics point into.
    pub sources: Sources,
    /// When and against what the blocks were verified, and which chapters say so.
    pub verified: Option<(crate::verification::Record, Vec<usize>)>,
    /// Each block is a whole file (`lint`), not a block of a book.
    pub of_files: bool,
}

impl Checked {
    /// The counts of a checked book.
    pub fn summary(&self) -> Summary {
        Summary::of(&self.diagnostics, self.blocks.len())
    }
}

/// Check the chapters of a book. Fails only when an enabled executable check cannot run.
pub fn check_chapters(chapters: &[ChapterInput], book_root: &Path, settings: &Settings) -> anyhow::Result<Checked> {
    let mut sources = Sources::default();
    let mut extraction = extract::extract(chapters, &mut sources);
    let targets = unknown_targets(settings, book_root, &mut sources);
    extraction.findings.extend(targets);
    check_extraction(extraction, sources, book_root, settings)
}

/// Check blocks that are whole files (`lint`: an administrator's own files, each one block whose
/// text is the file). Fails only when an enabled executable check cannot run.
pub fn check_files(blocks: Vec<Block>, sources: Sources, settings: &Settings) -> anyhow::Result<Checked> {
    let extraction = Extraction { blocks, ..Extraction::default() };
    let checked = check_extraction(extraction, sources, Path::new("."), settings)?;
    Ok(Checked { of_files: true, ..checked })
}

fn check_extraction(
    mut extraction: Extraction,
    sources: Sources,
    book_root: &Path,
    settings: &Settings,
) -> anyhow::Result<Checked> {
    reject_unknown_rules(&mut extraction);
    let blocks = extraction.blocks;
    let mut findings = extraction.findings;
    // Blocks are independent: parse them on all cores, and merge each run's main NetBox files
    // on the core that parsed them.
    let projects = parse::ProjectEnvs::read(&blocks);
    let contributions = crate::parallel::map_chunks(&blocks, 64, |part| {
        let mut found = Vec::new();
        let mut env_notes = parse::env::Notes::default();
        let contribution = model::contribute(
            part,
            part.iter().map(|block| parse::parse_block(block, &projects, &mut found, &mut env_notes)),
        );
        crate::rules::netbox::env_value_spans_lines::report(&env_notes.spanning, &mut found);
        crate::rules::netbox::env_last_line_unnamed::report(&env_notes.unnamed_last_line, &mut found);
        crate::rules::netbox::env_variable_repeated::report(&env_notes.repeated, &mut found);
        vec![(contribution, found)]
    });
    let mut parts = Vec::with_capacity(contributions.len());
    for (contribution, found) in contributions {
        parts.push(contribution);
        findings.extend(found);
    }
    let model = model::assemble(&blocks, parts);
    if settings.nginx_test {
        findings.extend(crate::executable::nginx_test(&blocks, model.parsed())?);
    }
    let verified = match &settings.verification {
        Some(path) => {
            let record = crate::verification::Record::load(&book_root.join(path))?;
            let verification = crate::verification::verify(&blocks, &sources, &record, &settings.targets);
            findings.extend(verification.findings);
            Some((record, verification.verified_chapters))
        }
        None => None,
    };

    let main = run_rules(&model.main, &settings.targets);
    // Looked up once per variant finding: a fast hash (rustc's) for these short, trusted keys.
    let main_keys: HashSet<_, FxBuildHasher> = main.iter().map(key).collect();
    // What the main files' guard sets, read on the guard's own lines (see `guard_view`).
    if let Some((view, block, range)) = model.main.guard_view() {
        let on_guard_lines = |f: &Finding| {
            f.block == Some(block) && matches!(&f.location, Location::InBlock(r) if range.contains(&r.start))
        };
        findings.extend(
            run_rules(&view, &settings.targets)
                .into_iter()
                .filter(|f| on_guard_lines(f) && !main_keys.contains(&key(f))),
        );
    }
    findings.extend(main);
    // Variants are independent of each other: check them on all cores.
    let variants: Vec<(&Block, &parse::Parsed)> =
        model.parsed().iter().map(|(id, parsed)| (&blocks[id.0], parsed)).filter(|(b, _)| !b.is_main()).collect();
    let check_variants = |part: &[(&Block, &parse::Parsed)]| -> Vec<Finding> {
        let mut out = Vec::new();
        for (variant, variant_parsed) in part {
            let deployment = model.variant(variant, variant_parsed);
            for finding in run_rules(&deployment, &settings.targets) {
                // A variant reports only what it changes.
                if !main_keys.contains(&key(&finding)) {
                    out.push(relocate(finding, variant, &blocks, &sources));
                }
            }
        }
        out
    };
    findings.extend(crate::parallel::map_chunks(&variants, 32, check_variants));
    drop(variants);
    // Freeing what the variants were built from (their parsed blocks and the main tables) is no
    // work the caller waits for: it is done beside resolving, which runs on one core.
    let _ = std::thread::Builder::new().name("configcheck-drop".into()).spawn(move || drop(model));

    apply_expectations(&blocks, &mut findings);
    apply_allows(&blocks, extraction.stray_allows, &mut findings);

    let findings: Vec<(Finding, Severity)> = findings
        .into_iter()
        .filter_map(|finding| {
            let severity = match settings.overrides.get(finding.rule.id) {
                Some(None) => return None,
                Some(Some(severity)) => *severity,
                None => finding.rule.severity,
            };
            Some((finding, severity))
        })
        .collect();
    let newlines: Vec<std::sync::OnceLock<Vec<usize>>> = blocks.iter().map(|_| std::sync::OnceLock::new()).collect();
    // Placing a finding reads its chapter's lines: on all cores.
    let placements = crate::parallel::map_chunks(&findings, 256, |part| {
        part.iter().map(|(finding, _)| Placement::of(finding, &blocks, &sources, &newlines)).collect()
    });
    let mut resolved: Vec<Option<Diagnostic>> = findings
        .into_iter()
        .zip(placements)
        .map(|((finding, severity), placement)| {
            Some(Diagnostic::resolve(finding, severity, placement, &blocks, &sources))
        })
        .collect();
    // Sorted by index, then moved once: a diagnostic is large, and a sort moves each element
    // several times.
    let mut order: Vec<usize> = (0..resolved.len()).collect();
    order.sort_by(|&a, &b| sort_key(&resolved[a]).cmp(&sort_key(&resolved[b])));
    let mut diagnostics: Vec<Diagnostic> = order.into_iter().filter_map(|i| resolved[i].take()).collect();
    diagnostics.dedup_by(|a, b| a.rule == b.rule && a.site == b.site && a.message == b.message);
    Ok(Checked { diagnostics, blocks, sources, verified, of_files: false })
}

/// A warning for each target version the rules do not know, at its line of book.toml (or the
/// file's first line, when an environment variable set it).
fn unknown_targets(settings: &Settings, book_root: &Path, sources: &mut Sources) -> Vec<Finding> {
    if settings.unknown_targets.is_empty() {
        return Vec::new();
    }
    let text = std::fs::read_to_string(book_root.join("book.toml")).unwrap_or_default();
    let mut findings = Vec::new();
    let mut table = "";
    let mut lines: Vec<(&str, std::ops::Range<usize>)> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            table = trimmed;
        } else if table.replace(' ', "") == "[preprocessor.configcheck.targets]"
            && let Some((key, _)) = trimmed.split_once('=')
        {
            lines.push((key.trim().trim_matches('"'), offset..offset + line.trim_end().len()));
        }
        offset += line.len();
    }
    let first_line = 0..text.find('\n').unwrap_or(text.len());
    let source = sources.add(crate::source::SourceFile::new("book.toml", text.clone()));
    for (key, warning) in &settings.unknown_targets {
        let range = lines.iter().find(|(k, _)| k == key).map_or_else(|| first_line.clone(), |(_, r)| r.clone());
        findings.push(Finding::at(&own_rules::UNKNOWN_TARGET, None, Site { source, range }, warning.clone()));
    }
    findings
}

/// Diagnostics are reported by file, position and rule.
fn sort_key(diagnostic: &Option<Diagnostic>) -> Option<(&str, LineColumn, &str, &str)> {
    diagnostic.as_ref().map(|d| (&*d.path, d.start, d.rule, d.message.as_str()))
}

fn run_rules(deployment: &Deployment, targets: &Targets) -> Vec<Finding> {
    let input = rules::Input::new(deployment);
    let mut findings = Vec::new();
    for (rule, check) in rules::checks() {
        if rule.applies.holds_for(targets) {
            check(&input, targets, &mut findings);
        }
    }
    // Authentik's own system blueprints are Authentik's to maintain: no finding in them.
    let system: std::collections::HashSet<BlockId> = deployment.authentik.system_blocks.iter().copied().collect();
    findings.retain(|f| f.block.is_none_or(|b| !system.contains(&b)));
    // netbox-docker's own defaults are netbox-docker's to maintain: no warning or info on them.
    let defaults: Vec<(BlockId, std::ops::Range<usize>)> =
        deployment.netbox.netbox_docker_defaults().map(|s| (s.block, s.statement.clone())).collect();
    if !defaults.is_empty() {
        findings.retain(|f| {
            f.rule.severity == crate::finding::Severity::Error
                || !matches!((&f.location, f.block), (Location::InBlock(range), Some(block))
                    if defaults.iter().any(|(b, statement)| *b == block && statement.contains(&range.start)))
        });
    }
    findings
}

fn key(finding: &Finding) -> (&'static str, Option<BlockId>, Location) {
    (finding.rule.id, finding.block, finding.location.clone())
}

/// A variant's finding that points outside the variant block is shown at the variant block,
/// naming the line it concerns.
fn relocate(mut finding: Finding, variant: &Block, blocks: &[Block], sources: &Sources) -> Finding {
    if finding.block == Some(variant.id) {
        return finding;
    }
    let original = match (&finding.location, finding.block) {
        (Location::InBlock(range), Some(block)) => Some(blocks[block.0].map.site(range.clone())),
        (Location::At(site), _) => Some(site.clone()),
        _ => None,
    };
    if let Some(site) = original {
        let (start, _) = sources.span(&site);
        finding.message = format!(
            "{} (with this block applied; see {}:{})",
            finding.message,
            sources.get(site.source).path,
            start.line
        );
    }
    finding.block = Some(variant.id);
    finding.location = Location::At(variant.fence_site());
    // Its secondary places are in the other block too: the message names where it points.
    finding.related.clear();
    finding
}

/// Allows and `expect=`s that name no rule of the registry are reported and dropped, before the
/// model is built: a block whose only `expect=` names no rule is a main block, not a variant.
fn reject_unknown_rules(extraction: &mut Extraction) {
    let findings = &mut extraction.findings;
    let mut known = |rule: &str, site: &Site, place: &str| {
        let known = rules::find(rule).is_some();
        if !known {
            findings.push(unknown_rule(rule, site.clone(), None, place));
        }
        known
    };
    for block in &mut extraction.blocks {
        block.allows.retain(|allow| known(&allow.rule, &allow.site, "allow comment"));
        block.expect.retain(|expectation| known(&expectation.rule, &expectation.site, "`expect=`"));
    }
    extraction.stray_allows.retain(|allow| known(&allow.rule, &allow.site, "allow comment"));
}

fn unknown_rule(rule: &str, site: Site, block: Option<BlockId>, place: &str) -> Finding {
    let near = rules::closest(rule).map(|n| format!(" (did you mean `{n}`?)")).unwrap_or_default();
    Finding::at(
        &own_rules::UNKNOWN_RULE,
        block,
        site,
        format!("the {place} names `{rule}`, which is not a rule of mdbook-configcheck{near}"),
    )
}

fn apply_expectations(blocks: &[Block], findings: &mut Vec<Finding>) {
    let mut by_block: HashMap<BlockId, Vec<usize>> = HashMap::new();
    for (i, finding) in findings.iter().enumerate() {
        if let Some(block) = finding.block {
            by_block.entry(block).or_default().push(i);
        }
    }
    for block in blocks.iter().filter(|b| !b.expect.is_empty()) {
        let mut met: HashSet<&str> = HashSet::new();
        for &i in by_block.get(&block.id).into_iter().flatten() {
            let finding = &mut findings[i];
            if block.expect.iter().any(|e| e.rule == finding.rule.id) {
                finding.expected = true;
                met.insert(finding.rule.id);
            }
        }
        for expectation in block.expect.iter().filter(|e| !met.contains(e.rule.as_str())) {
            findings.push(Finding::at(
                &own_rules::EXPECTATION_UNMET,
                Some(block.id),
                expectation.site.clone(),
                format!("this block expects `{}`, but it does not fire: the example no longer shows the mistake it is there to teach", expectation.rule),
            ));
        }
    }
}

fn apply_allows(blocks: &[Block], stray: Vec<extract::Allow>, findings: &mut Vec<Finding>) {
    let mut used: HashMap<(BlockId, usize), bool> = HashMap::new();
    findings.retain(|finding| {
        let Some(block) = finding.block.and_then(|id| blocks.get(id.0)) else { return true };
        match block.allows.iter().position(|a| a.rule == finding.rule.id) {
            Some(i) => {
                used.insert((block.id, i), true);
                false
            }
            None => true,
        }
    });
    for block in blocks {
        for (i, allow) in block.allows.iter().enumerate() {
            if !used.contains_key(&(block.id, i)) {
                findings.push(Finding::at(
                    &own_rules::UNUSED_ALLOW,
                    Some(block.id),
                    allow.site.clone(),
                    format!("this comment allows `{}`, which does not fire on the block below it", allow.rule),
                ));
            }
        }
    }
    for allow in stray {
        findings.push(Finding::at(
            &own_rules::UNUSED_ALLOW,
            None,
            allow.site,
            format!("this comment allows `{}`, but no checked block follows it directly", allow.rule),
        ));
    }
}
