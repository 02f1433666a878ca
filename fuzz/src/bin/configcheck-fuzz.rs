//! The binary AFL++ runs: `configcheck-fuzz TARGET`, one input per iteration on stdin
//! (persistent mode). Outside AFL++ it runs the one input on stdin once, which is how a crash is
//! replayed by hand: `configcheck-fuzz python < crash`.
#![allow(clippy::print_stderr, reason = "a binary of its own: the usage message")]

fn main() {
    let name = std::env::args().nth(1).unwrap_or_default();
    let Some(target) = configcheck_fuzz::target(&name) else {
        let names: Vec<&str> = configcheck_fuzz::TARGETS.iter().map(|t| t.name).collect();
        eprintln!("usage: configcheck-fuzz TARGET, where TARGET is one of: {}", names.join(", "));
        std::process::exit(2);
    };
    let run = target.run;
    afl::fuzz!(|data: &[u8]| run(data));
}
