//! `mdbook-configcheck check [BOOK] [--format …] [--deny-warnings] [--verbose]`.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use mdbook_configcheck::diagnostic::run_fails;
use mdbook_configcheck::report::{self, Format};
use mdbook_driver::MDBook;

/// Check a book; exit 0 clean, 1 failing findings, 2 could not run.
pub fn execute(book: &Path, format: Format, deny_warnings: bool, verbose: bool) -> ExitCode {
    match run(book, format, deny_warnings, verbose) {
        Ok(true) => ExitCode::from(1),
        Ok(false) => ExitCode::SUCCESS,
        Err(error) => {
            super::print_error(&error);
            ExitCode::from(2)
        }
    }
}

/// Load and check a book without writing into it.
pub fn load_and_check(root: &Path) -> Result<mdbook_configcheck::book::Outcome> {
    let mut config = super::load_config(root)?;
    // Checking must not write anything: no chapter files created for SUMMARY.md entries.
    config.build.create_missing = false;
    let book = MDBook::load_with_config(root, config)?;
    mdbook_configcheck::book::check_book(&book.book, root, &book.config)
}

fn run(root: &Path, format: Format, deny_warnings: bool, verbose: bool) -> Result<bool> {
    let outcome = load_and_check(root)?;
    let color = format == Format::Human && super::color_for(std::io::stdout().is_terminal());
    super::print_out(&report::render(format, &outcome.checked, color, verbose)).context("cannot write to stdout")?;
    Ok(run_fails(&outcome.checked.diagnostics, deny_warnings || outcome.settings.deny_warnings))
}
