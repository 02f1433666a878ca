//! The preprocessor protocol: `[context, book]` on stdin, the book on stdout.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use mdbook_configcheck::{book, protocol, report};

/// Run as mdBook's preprocessor.
pub fn execute() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(error) => {
            super::print_error(&error);
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<ExitCode> {
    let mut input = Vec::new();
    std::io::stdin().read_to_end(&mut input).context("cannot read stdin")?;
    let (ctx, input_book) = protocol::parse_input(&input)?;
    let (output_book, outcome) = book::annotate_book(input_book, &ctx.root, &ctx.config, &ctx.renderer)?;
    if !outcome.checked.diagnostics.is_empty() || !outcome.checked.blocks.is_empty() {
        super::print_err(&report::render(report::Format::Human, &outcome.checked, super::stderr_color()));
    }
    if outcome.fails_build() {
        super::print_err(&format!("{}\n", outcome.failure_message()));
        return Ok(ExitCode::FAILURE);
    }
    let mut stdout = std::io::stdout().lock();
    protocol::write_book(&output_book, &mut stdout).context("cannot write the book to stdout")?;
    stdout.flush().context("cannot write the book to stdout")?;
    Ok(ExitCode::SUCCESS)
}
