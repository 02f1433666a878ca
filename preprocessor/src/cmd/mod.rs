//! One file per subcommand. This is the only code that prints.
#![allow(clippy::print_stdout, clippy::print_stderr, reason = "the command layer owns stdout and stderr")]

pub mod build;
pub mod check;
pub mod extract;
pub mod preprocess;
pub mod rules;
pub mod supports;

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Context, Result};
use mdbook_driver::config::Config;

/// Colours only for a terminal, and never with NO_COLOR.
pub fn color_for(stream_is_terminal: bool) -> bool {
    stream_is_terminal && std::env::var_os("NO_COLOR").is_none()
}

/// Whether stderr is a terminal.
pub fn stderr_color() -> bool {
    color_for(std::io::stderr().is_terminal())
}

/// Read book.toml as mdBook does, environment overrides included.
pub fn load_config(book: &Path) -> Result<Config> {
    let path = book.join("book.toml");
    let mut config = if path.exists() {
        Config::from_disk(&path).with_context(|| format!("cannot read {}", path.display()))?
    } else {
        Config::default()
    };
    config.update_from_env().context("invalid MDBOOK_ environment override")?;
    Ok(config)
}

/// Print an error chain on stderr.
pub fn print_error(error: &anyhow::Error) {
    // The chain may quote the book (paths, values): its control characters are shown, not sent.
    let message = format!("{error:#}");
    eprintln!("error: {}", mdbook_configcheck::report::escape::plain(&message));
}
