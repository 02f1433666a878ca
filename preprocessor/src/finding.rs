//! The base layer's findings: what a rule is, how bad a finding is, and where it points. It
//! imports nothing of this crate's stages, so that every stage (extraction, parsing, the rules,
//! the reports) can produce and read findings while importing only downward.

use std::ops::Range;

use serde::Serialize;

use crate::source::Site;
use crate::version::Applies;

/// Index of a block in reading order across the whole book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub usize);

/// A rule of the catalog.
#[derive(Debug)]
pub struct Rule {
    /// Stable id `domain/kebab-name`.
    pub id: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// What it catches, in one line.
    pub summary: &'static str,
    /// The fix.
    pub help: &'static str,
    /// The fact it rests on: a section of the facts file, or an upstream source.
    pub fact: &'static str,
    /// The versions the fact holds for.
    pub applies: Applies,
}

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Redundant or cosmetic.
    Info,
    /// Works only in some paths, fragile or misleading.
    Warning,
    /// The login or the start-up fails.
    Error,
}

impl Severity {
    /// Lower-case name, as in the JSON format.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Where a finding points before it is resolved to a line and column.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Location {
    /// A byte range in a block's text (mapped back to the chapter or the included file).
    InBlock(Range<usize>),
    /// A place in a source file outside the block text (an info string, an allow comment).
    At(Site),
}

/// A finding as the checks produce it.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The rule that fired.
    pub rule: &'static Rule,
    /// The block it belongs to (its box in the page is shown after this block).
    pub block: Option<BlockId>,
    /// Where it points.
    pub location: Location,
    /// What will happen to the reader.
    pub message: String,
    /// A fix more specific than the rule's own help.
    pub help: Option<String>,
    /// Asked for by an `expect=` of its block.
    pub expected: bool,
    /// Secondary places in the same block, each with a label (the `listen 443 ssl` whose https
    /// never reaches NetBox, next to the location where the fix goes).
    pub related: Vec<(Range<usize>, String)>,
}

impl Finding {
    /// A finding inside a block's text.
    pub fn in_block(rule: &'static Rule, block: BlockId, range: Range<usize>, message: impl Into<String>) -> Self {
        Finding {
            rule,
            block: Some(block),
            location: Location::InBlock(range),
            message: message.into(),
            help: None,
            expected: false,
            related: Vec::new(),
        }
    }

    /// A finding at a source position outside block text.
    pub fn at(rule: &'static Rule, block: Option<BlockId>, site: Site, message: impl Into<String>) -> Self {
        Finding {
            rule,
            block,
            location: Location::At(site),
            message: message.into(),
            help: None,
            expected: false,
            related: Vec::new(),
        }
    }

    /// Add a labelled secondary place in the finding's block.
    pub fn with_related(mut self, range: Range<usize>, label: impl Into<String>) -> Self {
        self.related.push((range, label.into()));
        self
    }

    /// Replace the rule's generic help with a specific one.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}
