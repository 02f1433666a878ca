//! The preprocessor protocol: `[context, book]` on stdin, the book on stdout.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use mdbook_configcheck::{book, protocol, report};

/// The stack the preprocessor runs on: reading, checking and writing a book recurse once per
/// level of chapters, up to [`protocol::MAX_JSON_DEPTH`] levels of JSON. Only what is used of it
/// is ever backed by memory.
const STACK_BYTES: usize = 256 << 20;

/// Run as mdBook's preprocessor.
pub fn execute() -> ExitCode {
    let result = std::thread::Builder::new()
        .name("configcheck-preprocessor".into())
        .stack_size(STACK_BYTES)
        .spawn(run)
        .map_err(anyhow::Error::from)
        .and_then(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
    match result {
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
        super::print_err(&report::render(report::Format::Human, &outcome.checked, super::stderr_color(), false));
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
