//! `mdbook-configcheck build [BOOK]`: mdBook embedded, this preprocessor in-process.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use mdbook_configcheck::book::{ConfigCheck, NAME};
use mdbook_configcheck::report;
use mdbook_driver::MDBook;

/// Build a book; exit as mdBook, plus the strict policy.
pub fn execute(book: &Path, dest_dir: Option<PathBuf>) -> ExitCode {
    let preprocessor = ConfigCheck::default();
    let result = run(book, dest_dir, preprocessor.clone());
    // Every renderer runs the preprocessor; the findings are the same, so print them once.
    if let Some(outcome) = preprocessor.take_outcomes().into_iter().next() {
        super::print_err(&report::render(report::Format::Human, &outcome.checked, super::stderr_color()));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            super::print_error(&error);
            ExitCode::FAILURE
        }
    }
}

fn run(root: &Path, dest_dir: Option<PathBuf>, preprocessor: ConfigCheck) -> Result<()> {
    let mut config = super::load_config(root)?;
    let table = format!("preprocessor.{NAME}");
    if !config.contains_key(&table) {
        // Registered like a book.toml entry, it runs before `links` (ordering is by name), so it
        // sees `{{#include}}` lines and the chapter's own line numbers.
        config.set(&table, serde_json::json!({}))?;
    }
    if let Some(dest) = dest_dir {
        config.build.build_dir = dest;
    }
    let mut book = MDBook::load_with_config(root, config)?;
    book.with_preprocessor(preprocessor);
    book.build()
}
