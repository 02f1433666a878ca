//! Our reading of nginx syntax against nginx's own, on generated input (issue 11: a block that
//! we and nginx read differently could escape the `http {}` the tool wraps it in).
//!
//! nginx prints no tokens, so the test makes it show them: the generated text `T` goes twice
//! into a `types {}` block. nginx reads each statement there as `TYPE EXT…;` and warns about
//! every extension it has seen before, printing the extension, its type and the line:
//! `duplicate extension "b", content type: "a", previous content type: "a" in FILE:LINE`.
//! From our own reading of the same file the test predicts every warning and the first error
//! (`unexpected "}"`, `unknown directive "…"`, …) with its line, and compares with what
//! `nginx -t` printed. Generated pieces: words, blanks, newlines, `#`, `;`, `{`, `}`, both quotes,
//! backslash escapes, `$`, `${`, `)`.
//!
//! The same file checks the parser's argument counts against `nginx -t` (see
//! `the_argument_counts_are_nginxs`).
//!
//! CI installs nginx; without it this test fails, it does not skip.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use mdbook_configcheck::parse::nginx::ARGUMENTS;
use mdbook_configcheck::parse::nginx_lexer::{End, Lexer};

/// Plain pieces, most of the time, so that many statements get through to nginx's warnings.
const PLAIN: &[&str] = &["a", "b", "ab", "c", " ", " ", "\t", "\n"];
const SPECIAL: &[&str] = &[
    "#", ";", ";", "{", "}", "\"", "\"", "'", "'", "\\", "\\\"", "\\n", "\\t", "\\\\", "$", "${", "x}", ")", "a#b",
    "\r", "\"a b\"", "'a;b'", ";#",
];

/// A small deterministic generator (xorshift), so a failure names its case number.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn generate(rng: &mut Rng) -> String {
    let mut text = String::new();
    // Mostly statements that end, so that many cases get as far as the warnings.
    for _ in 0..1 + rng.below(6) {
        for _ in 0..1 + rng.below(7) {
            let pieces = if rng.below(10) < 6 { PLAIN } else { SPECIAL };
            text.push_str(pieces[rng.below(pieces.len())]);
            if rng.below(3) == 0 {
                text.push(' ');
            }
        }
        if rng.below(4) != 0 {
            text.push_str(";\n");
        }
    }
    text
}

fn nginx() -> PathBuf {
    let found = std::env::var_os("CONFIGCHECK_NGINX")
        .map(PathBuf::from)
        .into_iter()
        .chain(["/usr/sbin/nginx".into(), "/usr/bin/nginx".into()])
        .find(|p| p.is_file());
    found.expect("nginx is needed for this test (CI installs it: apt-get install nginx-light)")
}

/// `nginx -t` on `text`, written as `nginx.conf` in `dir` (its prefix).
fn nginx_test(nginx: &Path, dir: &Path, text: &str) -> std::process::Output {
    let conf = dir.join("nginx.conf");
    std::fs::write(&conf, text).unwrap();
    Command::new(nginx).arg("-t").arg("-p").arg(dir).args(["-e", "stderr", "-c"]).arg(&conf).output().unwrap()
}

#[derive(Debug, PartialEq, Eq)]
struct Said {
    level: &'static str,
    message: String,
    line: usize,
}

#[derive(Clone, Copy)]
enum Context {
    Main,
    Events,
    Http,
    Types,
}

/// What nginx will say about `text`, from our reading of it.
fn predict(text: &str) -> Vec<Said> {
    let line_at = |at: usize| 1 + text[..at].matches('\n').count();
    let mut said = Vec::new();
    let mut stack = vec![Context::Main];
    let mut types: HashMap<String, String> = HashMap::new();
    let mut lexer = Lexer::new(text);
    let emerg = |message: String, line: usize| Said { level: "emerg", message, line };
    loop {
        let statement = match lexer.read_statement() {
            Ok(s) => s,
            Err(e) => {
                // nginx names the line it stopped on; for the end of the file, that is the
                // file's last line, while our reading marks the statement left open there.
                let stopped = if e.message.starts_with("unexpected end of file") { text.len() } else { e.range.start };
                assert!(e.range.end <= text.len(), "{e:?}");
                said.push(emerg(e.message, line_at(stopped.min(text.len()))));
                return said;
            }
        };
        let line = line_at(statement.at);
        let context = *stack.last().unwrap();
        let name = statement.words.first().map(|w| w.text.clone()).unwrap_or_default();
        match (statement.end, context) {
            (End::FileDone, _) => {
                if stack.len() > 1 {
                    said.push(emerg("unexpected end of file, expecting \"}\"".into(), line));
                }
                return said;
            }
            (End::BlockDone, Context::Main) => {
                said.push(emerg("unexpected \"}\"".into(), line));
                return said;
            }
            (End::BlockDone, _) => {
                stack.pop();
            }
            (End::BlockStart, Context::Types) => {
                said.push(emerg("unexpected \"{\"".into(), line));
                return said;
            }
            (End::Semicolon, Context::Types) => {
                let content_type = name;
                for word in &statement.words[1..] {
                    let key = word.text.to_ascii_lowercase();
                    // nginx compares C strings.
                    let key = key.split('\0').next().unwrap().to_string();
                    if let Some(old) = types.insert(key, content_type.clone()) {
                        said.push(Said {
                            level: "warn",
                            message: format!(
                                "duplicate extension \"{}\", content type: \"{content_type}\", previous content type: \"{old}\"",
                                word.text.to_ascii_lowercase()
                            ),
                            line,
                        });
                    }
                }
            }
            (end, Context::Main) if name == "events" && end == End::BlockStart => stack.push(Context::Events),
            (end, Context::Main) if name == "http" && end == End::BlockStart => stack.push(Context::Http),
            (end, Context::Http) if name == "types" && end == End::BlockStart => stack.push(Context::Types),
            (End::Semicolon, Context::Main) if name == "pid" => {}
            _ => {
                said.push(emerg(format!("unknown directive \"{name}\""), line));
                return said;
            }
        }
    }
}

/// What nginx said: its warnings and errors, in order.
fn heard(stderr: &str, conf: &Path) -> Vec<Said> {
    let start =
        regex::Regex::new(r"(?m)^(?:nginx: |\d{4}/\d\d/\d\d \d\d:\d\d:\d\d )\[(warn|emerg)\] (?:\d+#\d+: )?").unwrap();
    let starts: Vec<_> = start.captures_iter(stderr).collect();
    let mut said = Vec::new();
    for (i, caps) in starts.iter().enumerate() {
        let whole = caps.get(0).unwrap();
        let end = starts.get(i + 1).map_or_else(
            || stderr[whole.end()..].find("\nnginx: ").map_or(stderr.len(), |at| whole.end() + at + 1),
            |next| next.get(0).unwrap().start(),
        );
        let entry = stderr[whole.end()..end].strip_suffix('\n').unwrap_or(&stderr[whole.end()..end]);
        let marker = format!(" in {}:", conf.display());
        let (message, line) = entry.rsplit_once(&marker).unwrap_or_else(|| panic!("no position in {entry:?}"));
        let level = if &caps[1] == "warn" { "warn" } else { "emerg" };
        said.push(Said {
            level,
            message: message.to_string(),
            line: line.trim().parse().unwrap_or_else(|_| panic!("no line in {entry:?} of {stderr}")),
        });
    }
    said
}

#[test]
fn our_reading_of_generated_nginx_text_is_nginxs() {
    let nginx = nginx();
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("nginx.conf");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let cases = 300;
    let mut reached_warnings = 0;
    let mut reached_errors = 0;
    for case in 0..cases {
        let generated = generate(&mut rng);
        let text = format!(
            "pid {};\nevents {{}}\nhttp {{\ntypes {{\n{generated}\n{generated}\n}}\n}}\n",
            dir.path().join("nginx.pid").display()
        );
        let out = nginx_test(&nginx, dir.path(), &text);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let expected = predict(&text);
        let actual = heard(&stderr, &conf);
        assert_eq!(
            actual, expected,
            "case {case}: nginx and our reading disagree on\n---\n{text}---\nnginx said:\n{stderr}"
        );
        let failed = expected.iter().any(|s| s.level == "emerg");
        assert_eq!(out.status.success(), !failed, "case {case}: {stderr}");
        reached_warnings += usize::from(expected.iter().any(|s| s.level == "warn"));
        reached_errors += usize::from(failed);
    }
    // The generator reaches both sides: statements nginx accepts and prints, and errors.
    assert!(reached_warnings > cases / 8, "{reached_warnings} of {cases} cases with warnings");
    assert!(reached_errors > cases / 4, "{reached_errors} of {cases} cases with errors");
}

/// The argument counts the parser holds for nginx's directives (`ARGUMENTS`) against nginx's
/// own: each directive with 0 to 4 arguments under `nginx -t`, in the first context that allows
/// it (a location, a server, `http`). nginx answers "invalid number of arguments" exactly when
/// the count is outside the table's range (four accepted stands for no limit).
#[test]
fn the_argument_counts_are_nginxs() {
    let nginx = nginx();
    let dir = tempfile::tempdir().unwrap();
    let mut disagreements = Vec::new();
    for &(name, min, max) in ARGUMENTS.iter().filter(|(name, ..)| *name != "location") {
        for count in 0..=4 {
            let statement = format!("{name} {};", vec!["1"; count].join(" "));
            let contexts = [
                format!("http {{ server {{ location / {{ {statement} }} }} }}"),
                format!("http {{ server {{ {statement} }} }}"),
                format!("http {{ {statement} }}"),
            ];
            let mut said = String::new();
            for context in &contexts {
                let text = format!("pid {}/nginx.pid;\nevents {{}}\n{context}\n", dir.path().display());
                let out = nginx_test(&nginx, dir.path(), &text);
                said = String::from_utf8_lossy(&out.stderr).into_owned();
                if !said.contains("is not allowed here") {
                    break;
                }
            }
            assert!(!said.contains("unknown directive"), "{name}: {said}");
            let refused = said.contains("invalid number of arguments");
            let expected = count < min || count > max;
            if refused != expected {
                disagreements.push(format!(
                    "{name} with {count}: nginx {} ({said})",
                    if refused { "refuses" } else { "accepts" }
                ));
            }
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
