//! `mdbook-configcheck build [BOOK]`: mdBook embedded, this preprocessor in-process.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use mdbook_configcheck::book::{ConfigCheck, NAME};
use mdbook_configcheck::report;
use mdbook_driver::MDBook;

/// Build a book; exit as mdBook, plus the strict policy.
pub fn execute(book: &Path, dest_dir: Option<PathBuf>, verbose: bool) -> ExitCode {
    super::init_mdbook_logger();
    let preprocessor = ConfigCheck::default();
    let result = load(book, dest_dir.as_deref(), &preprocessor, None)
        .and_then(|mut book| build(&mut book, &preprocessor, verbose));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            super::print_error(&error);
            ExitCode::FAILURE
        }
    }
}

/// Load a book as `mdbook build` does (book.toml with its environment overrides), with this
/// preprocessor registered in-process. `live_reload` names the endpoint `serve` answers on: the
/// settings mdBook's own `serve` makes (the reload script in every page, a site URL of `/` for
/// the 404 page).
pub fn load(
    root: &Path,
    dest_dir: Option<&Path>,
    preprocessor: &ConfigCheck,
    live_reload: Option<&str>,
) -> Result<MDBook> {
    let mut config = super::load_config(root)?;
    let table = format!("preprocessor.{NAME}");
    if !config.contains_key(&table) {
        // Registered like a book.toml entry, it runs before `links` (ordering is by name), so it
        // sees `{{#include}}` lines and the chapter's own line numbers.
        config.set(&table, serde_json::json!({}))?;
    }
    if let Some(dest) = dest_dir {
        config.build.build_dir = dest.to_path_buf();
    }
    if let Some(endpoint) = live_reload {
        config.set("output.html.live-reload-endpoint", endpoint)?;
        config.set("output.html.site-url", "/")?;
    }
    let mut book = MDBook::load_with_config(root, config)?;
    book.with_preprocessor(preprocessor.clone());
    Ok(book)
}

/// Build, then print the findings once (every renderer runs the preprocessor; the findings are
/// the same).
pub fn build(book: &mut MDBook, preprocessor: &ConfigCheck, verbose: bool) -> Result<()> {
    let result = book.build();
    if let Some(outcome) = preprocessor.take_outcomes().into_iter().next() {
        super::print_err(&report::render(report::Format::Human, &outcome.checked, super::stderr_color(), verbose));
    }
    result
}
