//! `mdbook-configcheck rules`: the rule reference as Markdown.

use std::process::ExitCode;

use mdbook_configcheck::report::reference;

/// Print every rule of the registry.
pub fn execute() -> ExitCode {
    match super::print_out(&reference::markdown()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            super::print_error(&anyhow::Error::new(error).context("cannot write to stdout"));
            ExitCode::from(2)
        }
    }
}
