//! Findings resolved to a file, line and column (what every report prints), and the one function
//! that decides whether a run fails.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::extract::Block;
use crate::finding::{BlockId, Finding, Location, Severity};
use crate::source::{LineColumn, Site, Sources};

/// The block a diagnostic belongs to, as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlockRef {
    /// `netbox`, `nginx` or `authentik`.
    pub kind: &'static str,
    /// The logical file (`configuration.py`, …).
    pub file: compact_str::CompactString,
    /// Line of the opening fence in its chapter.
    pub line: usize,
    #[serde(skip)]
    /// The block's id.
    pub id: BlockId,
}

/// A finding resolved to a file, line and column: what every report prints.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Rule id.
    pub rule: &'static str,
    /// Effective severity (after the book's overrides).
    pub severity: Severity,
    /// Path relative to the book root (shared with its source file).
    pub path: Arc<str>,
    /// First position.
    pub start: LineColumn,
    /// End position (exclusive column).
    pub end: LineColumn,
    /// What will happen to the reader.
    pub message: String,
    /// The fix (most are the rule's own help, not copied).
    pub help: Cow<'static, str>,
    /// The block it belongs to.
    pub block: Option<BlockRef>,
    /// Asked for by `expect=`: shown, never fails a build.
    pub expected: bool,
    /// The exact source range, for snippets.
    pub site: Site,
    /// The lines of the block text it covers (0-based, end exclusive), to mark them in the page.
    pub block_lines: Option<Range<usize>>,
    /// Secondary places, each with its label.
    pub related: Vec<Related>,
}

/// A secondary place of a diagnostic: in the same file as its primary place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// The exact source range.
    pub site: Site,
    /// First position.
    pub start: LineColumn,
    /// End position (exclusive column).
    pub end: LineColumn,
    /// What it is (from the finding, untrusted text escaped by each report).
    pub label: String,
}

/// Where a finding lands in the book: the part of resolving that reads the text (lines and
/// columns), computed apart so that it can run on all cores.
#[derive(Debug, Clone)]
pub struct Placement {
    site: Site,
    start: LineColumn,
    end: LineColumn,
    block_lines: Option<Range<usize>>,
}

impl Placement {
    /// Place a finding. `newlines` holds, per block, the offsets of its text's newlines (made
    /// on first use and shared, so that many findings in one long block cost a binary search
    /// each, not a count from the block's start).
    pub fn of(
        finding: &Finding,
        blocks: &[Block],
        sources: &Sources,
        newlines: &[std::sync::OnceLock<Vec<usize>>],
    ) -> Placement {
        let block = finding.block.and_then(|id| blocks.get(id.0));
        let site = match (&finding.location, block) {
            (Location::InBlock(range), Some(block)) => block.map.site(range.clone()),
            (Location::At(site), _) => site.clone(),
            (Location::InBlock(_), None) => Site { source: crate::source::SourceId(0), range: 0..0 },
        };
        let (start, end) = sources.span(&site);
        let block_lines = match (&finding.location, block) {
            (Location::InBlock(range), Some(block)) => {
                let newlines = newlines
                    .get(block.id.0)
                    .map(|lines| lines.get_or_init(|| memchr::memchr_iter(b'\n', block.text.as_bytes()).collect()));
                // The newlines before `offset` (none for an offset outside the text).
                let line_of = |offset: usize| match (newlines, block.text.get(..offset)) {
                    (Some(newlines), Some(_)) => newlines.partition_point(|&at| at < offset),
                    _ => 0,
                };
                let first = line_of(range.start);
                Some(first..line_of(range.end.max(range.start)).max(first) + 1)
            }
            _ => None,
        };
        Placement { site, start, end, block_lines }
    }
}

impl Diagnostic {
    /// Resolve a finding at its placement.
    pub fn resolve(
        finding: Finding,
        severity: Severity,
        placement: Placement,
        blocks: &[Block],
        sources: &Sources,
    ) -> Diagnostic {
        let block = finding.block.and_then(|id| blocks.get(id.0));
        let Placement { site, start, end, block_lines } = placement;
        let related = match block {
            Some(block) => finding
                .related
                .into_iter()
                .map(|(range, label)| {
                    let site = block.map.site(range);
                    let (start, end) = sources.span(&site);
                    Related { site, start, end, label }
                })
                // A secondary place shows in the primary's snippet: the same file only.
                .filter(|r| r.site.source == site.source)
                .collect(),
            None => Vec::new(),
        };
        Diagnostic {
            rule: finding.rule.id,
            severity,
            path: sources.get(site.source).path.clone(),
            start,
            end,
            message: finding.message,
            help: finding.help.map_or(Cow::Borrowed(finding.rule.help), Cow::Owned),
            block: block.map(|b| BlockRef { kind: b.kind.name(), file: b.file.clone(), line: b.fence_line, id: b.id }),
            expected: finding.expected,
            site,
            block_lines,
            related,
        }
    }

    /// Whether this diagnostic fails a run under the given policy.
    fn fails(&self, deny_warnings: bool) -> bool {
        !self.expected
            && match self.severity {
                Severity::Error => true,
                Severity::Warning => deny_warnings,
                Severity::Info => false,
            }
    }
}

/// Counts per severity, leaving expected findings out.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Unexpected errors.
    pub errors: usize,
    /// Unexpected warnings.
    pub warnings: usize,
    /// Unexpected infos.
    pub infos: usize,
    /// Checked blocks.
    pub blocks: usize,
}

impl Summary {
    /// Count a run's diagnostics.
    pub fn of(diagnostics: &[Diagnostic], blocks: usize) -> Summary {
        let mut summary = Summary { blocks, ..Summary::default() };
        for d in diagnostics.iter().filter(|d| !d.expected) {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }
}

/// The single decision whether a run fails: any unexpected error, or any unexpected warning when
/// warnings are denied. Strict mode decides whether the preprocessor applies it at all.
pub fn run_fails(diagnostics: &[Diagnostic], deny_warnings: bool) -> bool {
    diagnostics.iter().any(|d| d.fails(deny_warnings))
}
