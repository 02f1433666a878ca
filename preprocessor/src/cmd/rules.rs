//! `mdbook-configcheck rules`: the rule reference as Markdown.

use std::process::ExitCode;

use mdbook_configcheck::report::reference;

/// Print every rule of the registry.
pub fn execute() -> ExitCode {
    print!("{}", reference::markdown());
    ExitCode::SUCCESS
}
