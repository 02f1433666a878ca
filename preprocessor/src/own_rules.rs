//! The tool's own rules: problems with the book's annotations rather than its configuration.
//! Data in the base layer: extraction, parsing, the checks and the verification report them.

use crate::finding::{Rule, Severity};
use crate::version::Applies;

const DESIGN: &str = "DESIGN.md, \"Annotating a block\"";

/// The block does not parse.
pub const SYNTAX_ERROR: Rule = Rule {
    id: "configcheck/syntax-error",
    severity: Severity::Error,
    summary: "the block does not parse; reported at the parser's exact line and column (a bracket never closed at the bracket, where Python reports it)",
    help: "fix the syntax at the marked position; what reads this file (Python, nginx, Docker Compose, Authentik) refuses it there too",
    fact: DESIGN,
    applies: Applies::Always,
};

/// An `expect=` rule that did not fire.
pub const EXPECTATION_UNMET: Rule = Rule {
    id: "configcheck/expectation-unmet",
    severity: Severity::Error,
    summary: "an `expect=` rule did not fire on its block",
    help: "the broken example no longer shows the mistake it is there to teach: change the block so that it does, or drop the `expect=`",
    fact: DESIGN,
    applies: Applies::Always,
};

/// A misspelt or unknown attribute or kind in an info string.
pub const UNKNOWN_ATTRIBUTE: Rule = Rule {
    id: "configcheck/unknown-attribute",
    severity: Severity::Error,
    summary: "a misspelt or unknown attribute or kind in a code block's info string",
    help: "use `check=netbox|nginx|authentik|env|compose`, `file=NAME`, `expect=RULE` and `variant`, separated by commas",
    fact: DESIGN,
    applies: Applies::Always,
};

/// An allow comment or `expect=` that names no rule.
pub const UNKNOWN_RULE: Rule = Rule {
    id: "configcheck/unknown-rule",
    severity: Severity::Error,
    summary: "an allow comment or an `expect=` names a rule that does not exist",
    help: "use a rule id from the rule reference (`DOMAIN/kebab-name`)",
    fact: DESIGN,
    applies: Applies::Always,
};

/// A malformed allow comment, or one without a reason.
pub const INVALID_ALLOW: Rule = Rule {
    id: "configcheck/invalid-allow",
    severity: Severity::Error,
    summary: "an allow comment without a reason, or a `configcheck:` comment that is not an allow",
    help: "write `<!-- configcheck: allow RULE -- why this finding does not matter here -->` just before the block",
    fact: DESIGN,
    applies: Applies::Always,
};

/// An allow comment that suppresses nothing.
pub const UNUSED_ALLOW: Rule = Rule {
    id: "configcheck/unused-allow",
    severity: Severity::Warning,
    summary: "an allow comment that suppresses nothing (the rule does not fire, or no checked block follows it)",
    help: "remove the comment, or move it just before the checked block whose finding it is meant to allow",
    fact: DESIGN,
    applies: Applies::Always,
};

/// An `{{#include}}` in a checked block that cannot be resolved.
pub const INCLUDE_ERROR: Rule = Rule {
    id: "configcheck/include-error",
    severity: Severity::Error,
    summary: "an `{{#include}}` names a file or anchor that does not exist, a file that is not a regular file (a FIFO, a device) or too large, or nests too deep",
    help: "fix the path (relative to the including file) or the `ANCHOR:` name; include regular files only, and never a file from itself",
    fact: "mdBook guide, \"Including files\"; mdBook 0.5's `links` preprocessor (`mdbook-driver` `builtin_preprocessors/links.rs`: nesting depth 10, no check of the file type)",
    applies: Applies::Always,
};

/// An include of several lines in a blockquote or list item: mdBook breaks the block.
pub const INCLUDE_IN_CONTAINER: Rule = Rule {
    id: "configcheck/include-in-container",
    severity: Severity::Warning,
    summary: "an `{{#include}}` of several lines inside a blockquote or list item: mdBook pastes the lines without the `>` or indentation, so the rendered block ends after the first one",
    help: "move the block out of the blockquote or list, or include a single line per directive",
    fact: "mdBook 0.5's `links` preprocessor replaces the directive with the file's lines as they are (`mdbook-driver` `builtin_preprocessors/links.rs`, `replace_all`); seen in a real build: `> {{#include a.py}}` renders the first line as code and the rest as a paragraph",
    applies: Applies::Always,
};

/// A configuration-looking block without `check=`.
pub const UNCHECKED_BLOCK: Rule = Rule {
    id: "configcheck/unchecked-block",
    severity: Severity::Info,
    summary: "a `python`, `nginx` or `yaml` block without `check=` that looks like NetBox settings, an nginx site or an Authentik blueprint",
    help: "add `check=netbox`, `check=nginx` or `check=authentik` to the info string; a book can raise this rule to \"error\" so no block skips the checks",
    fact: DESIGN,
    applies: Applies::Always,
};

/// A block changed since the verification record was written.
pub const VERIFICATION_STALE: Rule = Rule {
    id: "configcheck/verification-stale",
    severity: Severity::Warning,
    summary: "a block changed since the executable verification ran it (its hash differs from the record's)",
    help: "run `tests/e2e/run` to verify the guide again and commit verification/record.json",
    fact: "DESIGN.md, \"What the product is\" (executable verification); the record written by tests/e2e/run",
    applies: Applies::Always,
};

/// A block whose scenario failed.
pub const VERIFICATION_FAILED: Rule = Rule {
    id: "configcheck/verification-failed",
    severity: Severity::Error,
    summary: "the executable verification ran this block and its scenario failed",
    help: "read the scenario's evidence from `tests/e2e/run`, fix the block or what the guide says about it, and run the harness again",
    fact: "DESIGN.md, \"What the product is\" (executable verification); the record written by tests/e2e/run",
    applies: Applies::Always,
};

/// A main-deployment block no scenario covers.
pub const VERIFICATION_MISSING: Rule = Rule {
    id: "configcheck/verification-missing",
    severity: Severity::Warning,
    summary: "a block of the main deployment that no scenario of the verification record covers",
    help: "run `tests/e2e/run` so the block is exercised against real software, and commit verification/record.json",
    fact: "DESIGN.md, \"What the product is\" (executable verification); the record written by tests/e2e/run",
    applies: Applies::Always,
};

/// A verification record older than the versions the book targets.
pub const VERIFICATION_OUTDATED: Rule = Rule {
    id: "configcheck/verification-outdated",
    severity: Severity::Warning,
    summary: "the verification record ran older NetBox or Authentik versions than `[preprocessor.configcheck.targets]` names, or no real Authentik",
    help: "run `tests/e2e/run` against the versions the book targets (a release candidate is older than its release: 2026.5.0-rc1 < 2026.5), or set the targets to what was verified",
    fact: "DESIGN.md, \"What the product is\" (executable verification, drift); the record written by tests/e2e/run",
    applies: Applies::Always,
};

/// A `file=` name that could be written outside `extract`'s output directory, or to a terminal.
pub const INVALID_FILE_NAME: Rule = Rule {
    id: "configcheck/invalid-file-name",
    severity: Severity::Error,
    summary: "a `file=` name that is absolute, has a `..`, `.` or empty component, or holds a control character",
    help: "name the file relative to the deployment, with plain folder names: `file=netbox/configuration.py`; `extract` writes only below its output directory",
    fact: "DESIGN.md, \"Command line\" (`extract` writes only inside OUTDIR)",
    applies: Applies::Always,
};

/// Two blocks whose files would be written to the same path.
pub const FILE_COLLISION: Rule = Rule {
    id: "configcheck/file-collision",
    severity: Severity::Error,
    summary: "two blocks of different kinds name the same `file=`, or one names a file where another needs a folder",
    help: "give each kind of file its own name; `extract` would otherwise write one block's file over the other's",
    fact: "DESIGN.md, \"Annotating a block\" (blocks of the same file are combined; `file=` defaults per kind)",
    applies: Applies::Always,
};

/// A block nested or growing past the parsers' and the evaluator's limits.
pub const TOO_COMPLEX: Rule = Rule {
    id: "configcheck/too-complex",
    severity: Severity::Error,
    summary: "a block too deep (brackets, blocks or operators nested past the parsers' limit) or too large (a value growing past the evaluator's budget, as `A = A + A` does) to check",
    help: "write the configuration as a reader would copy it: literal values, shallow nesting; beyond the limits the block (or the value) is not checked at all",
    fact: "DESIGN.md, \"Invariants\" (evaluation and parsing are bounded in depth and size)",
    applies: Applies::Always,
};

/// A target version outside the versions the rules know.
pub const UNKNOWN_TARGET: Rule = Rule {
    id: "configcheck/unknown-target",
    severity: Severity::Warning,
    summary: "`[preprocessor.configcheck.targets]` names a version the rules do not know (the message says which they know)",
    help: "set the target to a version the rules know, or check by hand what changed in the version the book targets",
    fact: "DESIGN.md, \"Rules\" (rules know the target versions; a rule applies only where its fact holds)",
    applies: Applies::Always,
};

/// The tool's own rules.
pub const RULES: &[&Rule] = &[
    &SYNTAX_ERROR,
    &EXPECTATION_UNMET,
    &UNKNOWN_ATTRIBUTE,
    &UNKNOWN_RULE,
    &INVALID_ALLOW,
    &UNUSED_ALLOW,
    &INCLUDE_ERROR,
    &INCLUDE_IN_CONTAINER,
    &UNCHECKED_BLOCK,
    &VERIFICATION_STALE,
    &VERIFICATION_FAILED,
    &VERIFICATION_OUTDATED,
    &VERIFICATION_MISSING,
    &INVALID_FILE_NAME,
    &FILE_COLLISION,
    &TOO_COMPLEX,
    &UNKNOWN_TARGET,
];
