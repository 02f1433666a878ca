//! What the static pipeline costs over doing nothing.
//!
//! Generates (in memory) the mdBook 0.5 preprocessor input of a large, realistic book — 1,000
//! chapters of prose, lists, headings, unannotated code and 5,500 `python,check=netbox` blocks,
//! some with findings and some teaching a mistake with `expect=` — and times, on the same input
//! bytes:
//!
//! - the floor: what any preprocessor pays (read the JSON, parse each chapter's Markdown once
//!   with mdBook's options, write the book back with `serde_json`);
//! - the pipeline: read the JSON, [`annotate_book`], write the book back with [`write_book`], as
//!   the binary does.
//!
//! Both write into a `Vec` in memory and run under the binary's allocator (mimalloc).
//!
//! The target is a pipeline at most 2.5 times the floor. Run with
//! `cargo bench -p mdbook-configcheck --bench static_pipeline`.
//!
//! `STATIC_PIPELINE_SCALING=1` (or a larger factor for larger sizes) instead times the inputs that were once super-linear (issue 11,
//! item 7), each at a size and at twice that size: one block of non-Python lines (each a syntax
//! error), findings on one long line, NetBox variants over a large main blueprint, and `lint` on
//! a project of many env files filled from one large `.env`. Twice the input must cost at most
//! 2.2 times as much.
//!
//! For profiling: `STATIC_PIPELINE_PROFILE=N` runs the pipeline N more times without timing (for
//! `perf record` or `valgrind --tool=callgrind`), and `STATIC_PIPELINE_INPUT=FILE` writes the
//! generated input, so that `mdbook-configcheck < FILE` runs the binary on the same book.

#![allow(
    clippy::print_stdout,
    clippy::panic,
    clippy::expect_used,
    reason = "a benchmark binary: it prints its table and aborts loudly on a broken setup"
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use mdbook_configcheck::book::{annotate_book, check_book};
use mdbook_configcheck::extract::markdown_options;
use mdbook_configcheck::parse::parse_blocks;
use mdbook_configcheck::protocol::{parse_input, write_book};
use mdbook_preprocessor::book::{Book, BookItem, Chapter};
use pulldown_cmark::Parser;
use serde_json::json;

/// The binary's allocator (see `main.rs`), so that both sides are measured as they run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CHAPTERS: usize = 1_000;
const RUNS: usize = 9;

/// A small deterministic generator (xorshift64*), so every run measures the same book.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SENTENCES: &[&str] = &[
    "NetBox reads its settings from `configuration.py` once, when the application server starts.",
    "Authentik acts as the OpenID Connect provider, and NetBox signs readers in through social-auth.",
    "Restart both `netbox` and `netbox-rq` after every change, or the old values stay in memory.",
    "The client ID and the client secret come from the provider you created in Authentik.",
    "Keep the secret out of version control: read it from the environment instead.",
    "The redirect URI must match what Authentik has on file, including the trailing slash.",
    "Behind a reverse proxy, the scheme NetBox sees depends on the headers nginx forwards.",
    "Groups are mapped in the pipeline, not in the provider, so the order of its steps matters.",
    "If the login page shows only the local form, the backend is not listed where NetBox looks.",
    "Check the application logs first: a misspelt setting fails silently, it is simply ignored.",
    "The endpoint is the issuer URL without `.well-known/openid-configuration` at the end.",
    "Every example below is checked against NetBox 4.x when this book is built.",
];

const HEADINGS: &[&str] = &[
    "Before you begin",
    "Creating the provider",
    "The NetBox side",
    "Mapping groups",
    "Behind nginx",
    "Testing the login",
    "When it does not work",
    "Hardening",
];

const HOSTS: &[&str] =
    &["netbox.example.com", "netbox.corp.example.org", "ipam.internal.example.net", "dcim.lab.example.com"];
const IDPS: &[&str] = &["authentik.example.com", "sso.corp.example.org", "id.example.net", "auth.lab.example.com"];
const SLUGS: &[&str] = &["netbox", "netbox-prod", "ipam", "netbox-lab"];

fn paragraph(rng: &mut Rng, out: &mut String) {
    for i in 0..3 + rng.below(4) {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(rng.pick(SENTENCES));
    }
    out.push_str("\n\n");
}

fn list(rng: &mut Rng, out: &mut String, ordered: bool) {
    for i in 0..3 + rng.below(3) {
        if ordered {
            out.push_str(&format!("{}. ", i + 1));
        } else {
            out.push_str("- ");
        }
        out.push_str(rng.pick(SENTENCES));
        out.push('\n');
    }
    out.push('\n');
}

/// The lines of one `configuration.py` block (6-12 settings); `mistake` adds the teaching error.
fn settings(rng: &mut Rng, mistake: bool) -> Vec<String> {
    let host = rng.pick(HOSTS);
    let idp = rng.pick(IDPS);
    let slug = rng.pick(SLUGS);
    let mut lines = Vec::new();
    let env = rng.chance(30);
    if env {
        lines.push("import os".to_string());
        lines.push(String::new());
    }
    lines.push(format!("ALLOWED_HOSTS = ['{host}', 'localhost']"));
    if rng.chance(15) {
        // Unneeded for OpenID Connect: an info finding.
        lines.push("REMOTE_AUTH_ENABLED = True".to_string());
    }
    lines.push("REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'".to_string());
    // Authentik's own instructions show the trailing slash (a finding); most guides drop it.
    let slash = if rng.chance(15) { "/" } else { "" };
    lines.push(format!("SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://{idp}/application/o/{slug}{slash}'"));
    lines.push(format!("SOCIAL_AUTH_OIDC_KEY = '{:016x}'", rng.next()));
    if env {
        lines.push("SOCIAL_AUTH_OIDC_SECRET = os.environ.get('NETBOX_OIDC_SECRET', '')".to_string());
    } else {
        lines.push(format!("SOCIAL_AUTH_OIDC_SECRET = '{:016x}{:016x}'", rng.next(), rng.next()));
    }
    let optional: &[&dyn Fn(&mut Rng) -> String] = &[
        &|r| {
            if r.chance(20) {
                "SOCIAL_AUTH_OIDC_SCOPE = ['openid', 'profile', 'email', 'groups']".to_string()
            } else {
                "SOCIAL_AUTH_OIDC_SCOPE = ['groups']".to_string()
            }
        },
        &|_| "LOGIN_REQUIRED = True".to_string(),
        &|_| "# Send the reader back to NetBox after signing out of Authentik.\nLOGOUT_REDIRECT_URL = '/'".to_string(),
        &|_| "LOGIN_PERSISTENCE = True".to_string(),
        &|r| format!("CSRF_TRUSTED_ORIGINS = ['https://{}']", r.pick(HOSTS)),
        &|_| "SOCIAL_AUTH_REDIRECT_IS_HTTPS = True".to_string(),
        &|_| "REMOTE_AUTH_AUTO_CREATE_USER = True".to_string(),
        &|_| "REMOTE_AUTH_DEFAULT_GROUPS = ['readers']".to_string(),
        &|_| "SOCIAL_AUTH_OIDC_USERNAME_KEY = 'preferred_username'".to_string(),
        &|_| "# The time zone NetBox shows dates in.\nTIME_ZONE = 'Europe/Berlin'".to_string(),
        &|r| format!("SOCIAL_AUTH_OIDC_JWT_LEEWAY = {}", 10 + r.below(50)),
    ];
    for _ in 0..rng.below(5) {
        let line = optional[rng.below(optional.len())](rng);
        lines.push(line);
    }
    if mistake {
        lines.push("SOCIAL_AUTH_LOGIN_REDIRECT_URL = True".to_string());
    } else if rng.chance(10) {
        // An ordinary finding on the main deployment.
        lines.push("REMOTE_AUTH_HEADER = 'HTTP_X_AUTHENTIK_USERNAME'".to_string());
    }
    lines
}

/// A fenced block; `indent` puts it inside a list item.
fn fence(out: &mut String, info: &str, lines: &[String], indent: &str) {
    out.push_str(indent);
    out.push_str("```");
    out.push_str(info);
    out.push('\n');
    for line in lines.iter().flat_map(|l| l.split('\n')) {
        if !line.is_empty() {
            out.push_str(indent);
        }
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(indent);
    out.push_str("```\n\n");
}

/// One chapter with `blocks` checked blocks.
fn chapter(rng: &mut Rng, number: usize, blocks: usize) -> String {
    let mut out = format!("# Chapter {number}: {}\n\n", rng.pick(HEADINGS));
    paragraph(rng, &mut out);
    for b in 0..blocks {
        out.push_str(&format!("## {}\n\n", rng.pick(HEADINGS)));
        paragraph(rng, &mut out);
        match b % 6 {
            1 => {
                // A teaching block: the mistake on purpose.
                out.push_str("Do **not** copy the following; it shows the mistake most guides make:\n\n");
                fence(&mut out, "python,check=netbox,expect=netbox/login-redirect-url-type", &settings(rng, true), "");
            }
            2 => {
                list(rng, &mut out, false);
                out.push_str("1. Open `configuration.py` and set:\n\n");
                fence(&mut out, "python,check=netbox", &settings(rng, false), "   ");
                out.push_str("2. Restart NetBox.\n\n");
            }
            3 => {
                out.push_str("Reload nginx afterwards:\n\n");
                let nginx = [
                    "server {".to_string(),
                    format!("    server_name {};", rng.pick(HOSTS)),
                    "    location / {".to_string(),
                    "        proxy_pass http://127.0.0.1:8001;".to_string(),
                    "        proxy_set_header X-Forwarded-Proto $scheme;".to_string(),
                    "    }".to_string(),
                    "}".to_string(),
                ];
                fence(&mut out, "nginx", &nginx, "");
                fence(&mut out, "python,check=netbox", &settings(rng, false), "");
            }
            4 if rng.chance(50) => {
                // The mistake again, this time not on purpose: a finding in the page.
                fence(&mut out, "python,check=netbox,variant", &settings(rng, true), "");
            }
            _ => {
                fence(&mut out, "python,check=netbox", &settings(rng, false), "");
                fence(
                    &mut out,
                    "console",
                    &[
                        "$ sudo systemctl restart netbox netbox-rq".to_string(),
                        "$ journalctl -u netbox -n 50".to_string(),
                    ],
                    "",
                );
            }
        }
        if rng.chance(20) {
            out.push_str("> **Note**: ");
            out.push_str(rng.pick(SENTENCES));
            out.push_str("\n\n");
        }
        if rng.chance(30) {
            list(rng, &mut out, true);
        }
    }
    out
}

/// The protocol input mdBook 0.5 writes to a preprocessor's stdin.
fn book_json() -> Vec<u8> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let items: Vec<_> = (1..=CHAPTERS)
        .map(|n| {
            let path = format!("ch{n:04}.md");
            json!({"Chapter": {
                "name": format!("Chapter {n}"),
                "content": chapter(&mut rng, n, if n % 2 == 0 { 6 } else { 5 }),
                "number": null,
                "sub_items": [],
                "path": path,
                "source_path": path,
                "parent_names": [],
            }})
        })
        .collect();
    let context = json!({
        "root": "/nonexistent/bench-book",
        "config": {
            "book": {"src": "src", "title": "NetBox single sign-on with Authentik", "authors": ["bench"], "language": "en"},
            "preprocessor": {"configcheck": {}},
        },
        "renderer": "html",
        "mdbook_version": "0.5.4",
    });
    serde_json::to_vec(&json!([context, {"items": items}])).expect("the generated book serializes")
}

/// What any preprocessor pays: read, parse each chapter's Markdown once, write back.
fn floor(input: &[u8]) -> usize {
    let (_ctx, book) = parse_input(input).expect("the generated input parses");
    let mut events = 0usize;
    for item in book.iter() {
        if let BookItem::Chapter(chapter) = item {
            for (event, range) in Parser::new_ext(&chapter.content, markdown_options()).into_offset_iter() {
                black_box((&event, &range));
                events += 1;
            }
        }
    }
    black_box(events);
    serde_json::to_vec(&book).expect("the book serializes").len()
}

struct Counts {
    chapters: usize,
    blocks: usize,
    diagnostics: usize,
    output: usize,
}

/// The static pipeline as `mdbook-configcheck` runs it for mdBook.
fn pipeline(input: &[u8]) -> Counts {
    let (ctx, book) = parse_input(input).expect("the generated input parses");
    let (book, outcome) = annotate_book(book, &ctx.root, &ctx.config, &ctx.renderer).expect("the book is checked");
    let mut output = Vec::new();
    write_book(&book, &mut output).expect("the book serializes");
    let output = output.len();
    Counts {
        chapters: book.chapters().count(),
        blocks: outcome.checked.blocks.len(),
        diagnostics: outcome.checked.diagnostics.len(),
        output,
    }
}

/// Where the pipeline's time goes, each stage timed on its own (medians).
struct Stages {
    /// Parsing and evaluating every checked block on one core: the parser's own cost, for
    /// comparison with the floor (the pipeline spreads it over all cores).
    parse_one_core: Duration,
    read: Duration,
    /// Checking alone, as `mdbook-configcheck check` does (it copies the chapters' text, which
    /// `annotate_book` moves).
    check: Duration,
    /// Checking and the page edits.
    annotate: Duration,
    write: Duration,
}

fn stages(input: &[u8]) -> Stages {
    let read = measure(|| parse_input(input).expect("the generated input parses"));
    let (ctx, book) = parse_input(input).expect("the generated input parses");
    let check = measure(|| check_book(&book, &ctx.root, &ctx.config).expect("the book is checked"));
    let checked = check_book(&book, &ctx.root, &ctx.config).expect("the book is checked");
    let parse_one_core = measure(|| parse_blocks(&checked.checked.blocks, &mut Vec::new()));
    let annotate =
        measure(|| annotate_book(book.clone(), &ctx.root, &ctx.config, &ctx.renderer).expect("the book is checked"));
    let (annotated, _) =
        annotate_book(book.clone(), &ctx.root, &ctx.config, &ctx.renderer).expect("the book is checked");
    let write = measure(|| {
        let mut output = Vec::new();
        write_book(&annotated, &mut output).expect("the book serializes");
        output
    });
    // Timing `annotate_book` includes the clone of the book made for it here.
    let clone = measure(|| book.clone());
    Stages { parse_one_core, read, check, annotate: annotate.saturating_sub(clone), write }
}

/// Median of `RUNS` runs after one warm-up.
fn measure<T>(run: impl FnMut() -> T) -> Duration {
    median_of(RUNS, run)
}

/// Median of `runs` runs after one warm-up.
fn median_of<T>(runs: usize, mut run: impl FnMut() -> T) -> Duration {
    black_box(run());
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(run());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// A book of one chapter, `t.md`.
fn one_chapter(content: String) -> Book {
    let mut book = Book::new();
    book.push_item(Chapter::new("T", content, "t.md", Vec::new()));
    book
}

/// A once super-linear input: its name, its size, and the book of a given size.
type Case = (&'static str, usize, fn(usize) -> Book);

/// The once super-linear inputs.
const SCALING: &[Case] = &[
    ("lines of non-Python in one block", 20_000, |n| {
        // An nginx site in a NetBox block: every line is a syntax error and a statement.
        one_chapter(format!("```python,check=netbox\n{}```\n", "listen 80;\n".repeat(n)))
    }),
    ("findings on one line (unknown attributes)", 20_000, |n| {
        let attributes: Vec<String> = (0..n).map(|i| format!("x{i}=1")).collect();
        one_chapter(format!("```python,check=netbox,{}\nA = 1\n```\n", attributes.join(",")))
    }),
    ("try blocks swallowing KeyError in one function", 5_000, |n| {
        let tries = "    try:\n        groups = response['groups']\n    except KeyError:\n        pass\n".repeat(n);
        one_chapter(format!("```python,check=netbox\ndef step(response, **kwargs):\n{tries}    return None\n```\n"))
    }),
    ("nginx blocks, each its own file", 2_000, |n| {
        let mut chapter = String::new();
        for i in 0..n {
            chapter
                .push_str(&format!("```nginx,check=nginx,file=site{i}.conf\nserver {{\n    listen 80;\n}}\n```\n\n"));
        }
        one_chapter(chapter)
    }),
    ("superuser variables behind n prefixes of one's own", 20_000, |n| {
        // netbox-docker's environment, each variable under a prefix of its own.
        let vars: String = (0..n).map(|i| format!("P{i}_SUPERUSER_NAME=user{i}\n")).collect();
        one_chapter(format!("```sh,check=env,file=netbox.env\nSKIP_SUPERUSER=false\n{vars}```\n"))
    }),
    ("NetBox variants over a blueprint of n/2 blocks", 4_000, |n| {
        let mut chapter = String::new();
        for i in 0..n / 2 {
            chapter.push_str(&format!(
                "```yaml,check=authentik\nentries:\n  - model: authentik_core.application\n    identifiers:\n      slug: app{i}\n```\n\n"
            ));
        }
        for i in 0..n / 2 {
            chapter.push_str(&format!("```python,check=netbox,variant\nLOGIN_REQUIRED = {}\n```\n\n", i % 2 == 0));
        }
        one_chapter(chapter)
    }),
];

/// Each once super-linear input at its size and twice that: the time of `check_book` (median of
/// three) and the ratio.
fn scaling() {
    let config = mdbook_preprocessor::config::Config::default();
    let root = std::path::Path::new("/nonexistent/bench-book");
    // `STATIC_PIPELINE_SCALING=4` runs each case at four times its size (and eight).
    let factor =
        std::env::var("STATIC_PIPELINE_SCALING").ok().and_then(|f| f.parse::<usize>().ok()).unwrap_or(1).max(1);
    println!();
    println!("scaling: check_book, median of 3 runs after 1 warm-up; 2x input must cost <= 2.2x");
    println!("  {:<48} {:>8} {:>10} {:>8} {:>10} {:>7}", "case", "n", "ms", "2n", "ms", "ratio");
    // `STATIC_PIPELINE_CASE=text` runs only the cases whose name contains it (for `perf stat`).
    let only = std::env::var("STATIC_PIPELINE_CASE").unwrap_or_default();
    for (name, n, book) in SCALING.iter().filter(|(name, ..)| name.contains(&only)) {
        let time = |size: usize| {
            let book = book(size);
            median_of(3, || check_book(&book, root, &config).expect("the book is checked"))
        };
        scaling_row(name, n * factor, time);
    }
}

/// One row of the scaling table: the time at `n` and at `2n`, and whether twice the input cost
/// at most 2.2 times as much.
fn scaling_row(name: &str, n: usize, time: impl Fn(usize) -> Duration) {
    let (single, double) = (time(n), time(2 * n));
    let ratio = double.as_secs_f64() / single.as_secs_f64();
    println!(
        "  {:<48} {:>8} {:>10.1} {:>8} {:>10.1} {:>7.2}{}",
        name,
        n,
        single.as_secs_f64() * 1e3,
        2 * n,
        double.as_secs_f64() * 1e3,
        ratio,
        if ratio <= 2.2 { "" } else { "  NOT met" }
    );
}

/// `lint` on a Compose project whose `netbox` service names n env files, each filling a value
/// from the project's `.env` of n lines: the `.env` was once read again for each env file
/// (quadratic: 193 s for 500 files and 100,000 lines in a debug build).
fn lint_scaling() {
    use mdbook_configcheck::lint::{Input, lint};
    let only = std::env::var("STATIC_PIPELINE_CASE").unwrap_or_default();
    let name = "lint: n env files filled from an .env of n lines";
    if !name.contains(&only) {
        return;
    }
    let factor =
        std::env::var("STATIC_PIPELINE_SCALING").ok().and_then(|f| f.parse::<usize>().ok()).unwrap_or(1).max(1);
    let time = |n: usize| {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let root = dir.path();
        let env: String = (0..n).map(|i| format!("VAR{i}=value{i}\n")).collect();
        std::fs::write(root.join(".env"), env).expect("the .env is written");
        let mut compose =
            String::from("services:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.1\n    env_file:\n");
        for i in 0..n {
            compose.push_str(&format!("      - e{i}.env\n"));
            std::fs::write(root.join(format!("e{i}.env")), format!("X{i}=${{VAR{i}}}\n")).expect("an env file");
        }
        let path = root.join("docker-compose.yml");
        std::fs::write(&path, compose).expect("the compose file is written");
        let input = [Input { path, kind: None }];
        median_of(3, || lint(&input, None, &mdbook_configcheck::config::Settings::default()).expect("linted"))
    };
    scaling_row(name, 1_000 * factor, time);
}

fn main() {
    if std::env::var_os("STATIC_PIPELINE_SCALING").is_some() {
        scaling();
        lint_scaling();
        return;
    }
    let input = book_json();
    let mb = input.len() as f64 / 1e6;
    // The same input for the binary (`mdbook-configcheck < FILE` runs it as mdBook would).
    if let Some(path) = std::env::var_os("STATIC_PIPELINE_INPUT") {
        std::fs::write(&path, &input).expect("the input file is written");
    }

    let counts = pipeline(&input);
    // For a profiler (`valgrind --tool=callgrind`, `perf record`): N more pipeline runs, no timing.
    if let Some(runs) = std::env::var("STATIC_PIPELINE_PROFILE").ok().and_then(|n| n.parse::<usize>().ok()) {
        for _ in 0..runs {
            black_box(pipeline(&input));
        }
        println!("{} pipeline runs: {} blocks, {} diagnostics each", runs + 1, counts.blocks, counts.diagnostics);
        return;
    }
    assert!(counts.blocks > 0, "the pipeline found no checked block: the benchmark would measure nothing");
    assert_eq!(counts.chapters, CHAPTERS, "every generated chapter reaches the pipeline");

    let floor_time = measure(|| floor(&input));
    let pipeline_time = measure(|| pipeline(&input));
    let stages = stages(&input);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let throughput = |d: Duration| mb / d.as_secs_f64();
    let ratio = pipeline_time.as_secs_f64() / floor_time.as_secs_f64();

    println!();
    println!("static_pipeline: median of {RUNS} runs after 1 warm-up");
    println!("  {:<24} {:>12}", "input", format!("{mb:.2} MB"));
    println!("  {:<24} {:>12}", "output", format!("{:.2} MB", counts.output as f64 / 1e6));
    println!("  {:<24} {:>12}", "chapters", counts.chapters);
    println!("  {:<24} {:>12}", "checked blocks", counts.blocks);
    println!("  {:<24} {:>12}", "diagnostics", counts.diagnostics);
    println!();
    println!("  {:<24} {:>10} {:>10} {:>10}", "stage", "ms", "MB/s", "ms/MB");
    println!(
        "  {:<24} {:>10.1} {:>10.1} {:>10.2}",
        "floor (parse+md+write)",
        ms(floor_time),
        throughput(floor_time),
        ms(floor_time) / mb
    );
    println!(
        "  {:<24} {:>10.1} {:>10.1} {:>10.2}",
        "pipeline (annotate_book)",
        ms(pipeline_time),
        throughput(pipeline_time),
        ms(pipeline_time) / mb
    );
    println!();
    println!(
        "  {:<24} {:>10.2}   (target <= 2.50{})",
        "ratio pipeline/floor",
        ratio,
        if ratio <= 2.5 { ", met" } else { ", NOT met" }
    );
    println!();
    println!("  pipeline stages, each timed alone:");
    for (name, time) in
        [("read (parse_input)", stages.read), ("annotate_book", stages.annotate), ("write (write_book)", stages.write)]
    {
        println!(
            "  {:<24} {:>10.1} {:>9.0}%",
            name,
            ms(time),
            100.0 * time.as_secs_f64() / pipeline_time.as_secs_f64()
        );
    }
    println!();
    println!(
        "  {:<24} {:>10.1}   (checking without the page edits; copies the chapters' text)",
        "check_book",
        ms(stages.check)
    );
    println!(
        "  {:<24} {:>10.1}   ({:.2}x the floor; inside check_book it runs on all cores)",
        "parse blocks, one core",
        ms(stages.parse_one_core),
        stages.parse_one_core.as_secs_f64() / floor_time.as_secs_f64()
    );
}
