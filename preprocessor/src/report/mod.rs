//! Stage 5: report the diagnostics: in the page next to their block, in the terminal, and in
//! machine formats for docs CI.

pub mod directives;
pub mod escape;
pub mod fold;
pub mod github;
pub mod human;
pub mod json;
pub mod page;
pub mod reference;
pub mod sarif;

use crate::check::Checked;

/// The output formats of `mdbook-configcheck check` and `lint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style snippets at the checked files' own lines (a book's chapters, or lint's files).
    Human,
    /// One JSON object (DESIGN.md, "Command line").
    Json,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
}

/// Render a checked book in a format. `verbose` matters to the human format only (the machine
/// formats always carry every diagnostic): it lists expected findings and infos too.
pub fn render(format: Format, checked: &Checked, color: bool, verbose: bool) -> String {
    match format {
        Format::Human => human::render(checked, color, verbose),
        Format::Json => json::render(checked),
        Format::Github => github::render(checked),
        Format::Sarif => sarif::render(checked),
    }
}
