//! One file per subcommand. This is the only code that prints.
#![allow(clippy::print_stdout, clippy::print_stderr, reason = "the command layer owns stdout and stderr")]

pub mod build;
pub mod check;
pub mod extract;
pub mod lint;
pub mod preprocess;
pub mod rules;
pub mod serve;
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

/// Show mdBook's own messages (its `tracing` events: "unclosed HTML tag", "Running the html
/// backend", …) as the `mdbook` command does: the filter, levels and format of its `init_logger`
/// (mdbook 0.5.4, `src/main.rs`), `MDBOOK_LOG` included.
pub fn init_mdbook_logger() {
    use tracing_subscriber::EnvFilter;
    use tracing_subscriber::filter::LevelFilter;
    let log_env = std::env::var("MDBOOK_LOG");
    let mut filter = EnvFilter::builder()
        .with_env_var("MDBOOK_LOG")
        .with_default_directive(LevelFilter::INFO.into())
        .from_env_lossy();
    // Noisy dependencies stay at warn unless MDBOOK_LOG names them.
    for target in ["handlebars", "html5ever"] {
        let named = log_env.as_ref().is_ok_and(|s| s.split(',').any(|directive| directive.starts_with(target)));
        if !named && let Ok(directive) = format!("{target}=warn").parse() {
            filter = filter.add_directive(directive);
        }
    }
    let _already_set = tracing_subscriber::fmt()
        .without_time()
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr)
        .with_env_filter(filter)
        .with_target(log_env.is_ok())
        .try_init();
}

/// Print an error chain on stderr.
pub fn print_error(error: &anyhow::Error) {
    // The chain may quote the book (paths, values): its control characters are shown, not sent.
    let message = format!("{error:#}");
    print_err(&format!("error: {}\n", mdbook_configcheck::report::escape::plain(&message)));
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
