//! mdbook-configcheck: checks the configuration blocks of an mdBook book (NetBox
//! `configuration.py`, nginx sites, Authentik blueprints) against the facts of each version and
//! against each other, and reports every finding next to its block, in the terminal, and for CI.
//!
//! The pipeline, one module per stage, each importing only the stages before it and the base
//! layer ([`source`] and [`version`] for positions and versions, [`finding`] for rules as data and
//! findings, [`own_rules`] for the tool's own rules, [`secret`] for secrets' names, [`fingerprint`], [`parallel`]), which imports
//! nothing above it (`tests/architecture.rs` holds the whole graph to no cycle):
//!
//! 1. [`extract`]: fenced blocks with `check=` → [`extract::Block`] with exact source positions.
//!    It knows no registry: whether an allow or `expect=` names a rule is decided in [`check`].
//! 2. [`parse`]: each block on its own, syntax errors at the parser's position.
//! 3. [`model`]: the main deployment and one variant per `expect=`/`variant` block.
//! 4. [`check`]: the [`rules`] registry, expectations, allows, severity overrides, and the
//!    opt-in [`executable`] checks.
//! 5. [`report`]: the page, the terminal, JSON, GitHub annotations, SARIF, all reading
//!    [`diagnostic::Diagnostic`]s; whether a run fails is decided in one place,
//!    [`diagnostic::run_fails`].
//!
//! [`export`] writes the deployment's files for the executable verification. [`book`] connects it to mdBook; [`protocol`] reads mdBook's JSON. Library code never prints:
//! stdout belongs to mdBook's protocol.

pub mod book;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod executable;
pub mod export;
pub mod extract;
pub mod finding;
pub mod fingerprint;
pub mod lint;
pub mod model;
pub mod own_rules;
pub mod parallel;
pub mod parse;
pub mod protocol;
pub mod report;
pub mod rules;
pub mod secret;
pub mod source;
pub mod spelling;
pub mod verification;
pub mod version;
