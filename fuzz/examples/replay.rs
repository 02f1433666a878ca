//! Replay inputs through a target without AFL++, in a normal build with a backtrace:
//! `cargo run -p configcheck-fuzz --example replay -- TARGET FILE...`.
#![allow(clippy::print_stderr, reason = "a command-line tool of its own")]

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(target) = args.next().as_deref().and_then(configcheck_fuzz::target) else {
        let names: Vec<&str> = configcheck_fuzz::TARGETS.iter().map(|t| t.name).collect();
        eprintln!("usage: replay TARGET FILE..., where TARGET is one of: {}", names.join(", "));
        return ExitCode::from(2);
    };
    for file in args {
        match std::fs::read(&file) {
            Ok(data) => {
                eprintln!("{}: {file}", target.name);
                (target.run)(&data);
            }
            Err(error) => {
                eprintln!("cannot read {file}: {error}");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}
