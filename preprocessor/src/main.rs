//! The `mdbook-configcheck` command: parses arguments and dispatches, nothing else.

mod cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use mdbook_configcheck::report::Format;

/// Checking a book makes hundreds of thousands of small, short-lived allocations (syntax trees,
/// settings, findings) on every core. mimalloc serves them with far less work than glibc's malloc:
/// the static pipeline benchmark, which uses the same allocator, runs about a fifth faster.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Checks the NetBox, nginx and Authentik configuration blocks of an mdBook book.
///
/// Without a subcommand it runs as an mdBook preprocessor: [context, book] JSON on stdin, the
/// book JSON on stdout, diagnostics on stderr.
#[derive(Parser)]
#[command(name = "mdbook-configcheck", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// mdBook's support query: exits 0 for every renderer.
    Supports {
        /// The renderer mdBook asks about.
        renderer: String,
    },
    /// Check a book without rendering it. Exit 0: clean; 1: findings that fail; 2: could not run.
    Check {
        /// The book's root directory (holding book.toml).
        #[arg(default_value = ".")]
        book: PathBuf,
        #[command(flatten)]
        findings: Findings,
    },
    /// Check an administrator's own files, no book needed: configuration.py, an nginx site, an
    /// Authentik blueprint, netbox-docker's env file, Docker Compose files (the netbox service's
    /// env_file: and environment:), netbox-chart's Helm values, or a netbox-docker checkout. Exit as
    /// `check`.
    Lint {
        /// The files; each one's kind is recognised from its name and content.
        files: Vec<PathBuf>,
        /// A file of a named kind: KIND=PATH (netbox, nginx, authentik, env, compose, chart). Repeatable.
        #[arg(long = "kind", value_name = "KIND=PATH")]
        kinds: Vec<String>,
        /// A netbox-docker checkout: its configuration/*.py merged as netbox-docker merges them,
        /// and the environment Docker Compose gives its netbox service: the env_file: files and
        /// environment: of its compose files (compose.yaml or docker-compose.yml, and the
        /// override), or env/netbox.env without one.
        #[arg(long, value_name = "DIR")]
        netbox_docker: Option<PathBuf>,
        /// The version the files are for: PRODUCT=VERSION (netbox=4.6, authentik=2025.12).
        /// Repeatable; default the newest the rules know.
        #[arg(long = "target", value_name = "PRODUCT=VERSION")]
        targets: Vec<String>,
        #[command(flatten)]
        findings: Findings,
    },
    /// Print the rule reference (Markdown), generated from the registry.
    Rules,
    /// Write the main deployment's files and each variant's, with a manifest of their blocks.
    Extract {
        /// The book's root directory (holding book.toml).
        book: PathBuf,
        /// Where to write (created if missing).
        out: PathBuf,
    },
    /// Build the book with mdBook embedded and this preprocessor in-process.
    Build {
        /// The book's root directory (holding book.toml).
        #[arg(default_value = ".")]
        book: PathBuf,
        /// Where to write the rendered book (default: build-dir of book.toml).
        #[arg(long, short = 'd')]
        dest_dir: Option<PathBuf>,
        /// Also list the expected findings (blocks wrong on purpose) and infos.
        #[arg(long, short = 'v')]
        verbose: bool,
    },
    /// Serve the book at http://localhost:3000 with the checks, rebuild it on changes and reload
    /// the page (mdBook's serve, embedded).
    Serve {
        /// The book's root directory (holding book.toml).
        #[arg(default_value = ".")]
        book: PathBuf,
        /// Where to write the rendered book (default: build-dir of book.toml).
        #[arg(long, short = 'd')]
        dest_dir: Option<PathBuf>,
        /// Host name to listen on.
        #[arg(long, short = 'n', default_value = "localhost")]
        hostname: String,
        /// Port to listen on.
        #[arg(long, short = 'p', default_value_t = 3000)]
        port: u16,
        /// Also list the expected findings (blocks wrong on purpose) and infos.
        #[arg(long, short = 'v')]
        verbose: bool,
    },
}

/// How `check` and `lint` report their findings and which of them fail the run.
#[derive(Args)]
struct Findings {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Warnings fail too.
    #[arg(long)]
    deny_warnings: bool,
    /// Also list the infos and, in a book, the expected findings (blocks wrong on purpose); by
    /// default the human format prints only what fails or warns, and counts the rest.
    #[arg(long, short = 'v')]
    verbose: bool,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        None => cmd::preprocess::execute(),
        Some(Command::Supports { renderer }) => cmd::supports::execute(&renderer),
        Some(Command::Check { book, findings: Findings { format, deny_warnings, verbose } }) => {
            cmd::check::execute(&book, format, deny_warnings, verbose)
        }
        Some(Command::Build { book, dest_dir, verbose }) => cmd::build::execute(&book, dest_dir, verbose),
        Some(Command::Serve { book, dest_dir, hostname, port, verbose }) => {
            cmd::serve::execute(&book, &cmd::serve::Options { dest_dir, hostname, port, verbose })
        }
        Some(Command::Lint {
            files,
            kinds,
            netbox_docker,
            targets,
            findings: Findings { format, deny_warnings, verbose },
        }) => cmd::lint::execute(&cmd::lint::Options {
            files,
            kinds,
            netbox_docker,
            targets,
            format,
            deny_warnings,
            verbose,
        }),
        Some(Command::Rules) => cmd::rules::execute(),
        Some(Command::Extract { book, out }) => cmd::extract::execute(&book, &out),
    }
}
