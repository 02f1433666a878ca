//! One file per subcommand. This is the only code that prints.
#![allow(clippy::print_stdout, clippy::print_stderr, reason = "the command layer owns stdout and stderr")]

pub mod build;
pub mod check;
pub mod extract;
pub mod preprocess;
pub mod rules;
pub mod supports;

use std::io::{ErrorKind, IsTerminal, Write};
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
    print_err(&format!("error: {error:#}\n"));
}

/// Write to stdout. A reader that has gone (`check … | head`) ends the output quietly, as other
/// command-line tools do; the exit code still says what the command found.
pub fn print_out(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(error) if error.kind() == ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Write to stderr; when it cannot be written (closed, or its reader gone) there is nobody to
/// tell, so the text is dropped rather than the process panicking.
pub fn print_err(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}
