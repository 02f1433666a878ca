//! Fuzz targets for mdbook-configcheck: one per entry point a book (or a user's file) reaches.
//!
//! Each target takes the fuzzer's bytes and runs them through the same code the command line
//! runs, with nothing from the input executed and nothing written outside a private temporary
//! directory. A target's only way to fail is to crash (a panic, an abort, a stack overflow) or
//! to hang: the fuzzer finds those. The inputs that did are kept under `regressions/<target>/`
//! and replayed by `cargo test` (`tests/regressions.rs`); inputs that reproduce a known crash
//! still being fixed wait under `pending/<target>/`.
//!
//! The binary that AFL++ runs is `src/bin/configcheck-fuzz.rs` (feature `afl`); `README.md`
//! says how to run it.

mod generate;

use std::path::Path;
use std::sync::Arc;

use mdbook_configcheck::book;
use mdbook_configcheck::check::check_chapters;
use mdbook_configcheck::config::Settings;
use mdbook_configcheck::extract::ChapterInput;
use mdbook_configcheck::finding::BlockId;
use mdbook_configcheck::parse::{authentik, netbox, nginx};
use mdbook_configcheck::{export, protocol, report};
use mdbook_preprocessor::book::{Book, BookItem, Chapter};
use mdbook_preprocessor::config::Config;

pub use generate::python_program;

/// A fuzz target: what it is called on the command line and in the corpus folders, and the code
/// it runs.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    /// `preprocess`, `extract`, …: the folder names under `corpus/`, `regressions/`, `pending/`.
    pub name: &'static str,
    /// What it feeds the bytes to.
    pub about: &'static str,
    /// Runs one input.
    pub run: fn(&[u8]),
}

/// Every target, in the order the bounded run runs them.
pub const TARGETS: &[Target] = &[
    Target {
        name: "preprocess",
        about: "mdBook's preprocessor input ([context, book] JSON), through the whole preprocessor to the JSON it writes back",
        run: preprocess,
    },
    Target {
        name: "chapter",
        about: "a chapter's Markdown in a valid protocol envelope, annotated for the HTML and the Markdown renderers and reported in every format",
        run: chapter,
    },
    Target {
        name: "extract",
        about: "a chapter's Markdown through `extract`: the deployment's files written into a temporary OUTDIR, never beside it",
        run: extract,
    },
    Target { name: "python", about: "the Python (NetBox configuration.py) parser and evaluator", run: python },
    Target { name: "nginx", about: "the nginx configuration parser", run: nginx_file },
    Target { name: "authentik", about: "the Authentik blueprint (YAML) parser", run: authentik_blueprint },
    Target { name: "book-toml", about: "book.toml and its [preprocessor.configcheck] table", run: book_toml },
    Target {
        name: "lint",
        about: "an administrator's file through `lint`: the first byte picks its name (kind recognised from it and the content), the rest is the file, read from a temporary directory and checked alone and beside netbox-docker's environment file (a compose file also with the env files it names)",
        run: lint_file,
    },
    Target {
        name: "evaluator",
        about: "generated Python programs (the bytes choose the statements and expressions) evaluated, merged and checked with the rules",
        run: evaluator,
    },
];

/// The target of that name.
pub fn target(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|target| target.name == name)
}

/// A directory that exists and holds nothing of value: the book root of every target, so that
/// `{{#include}}` and `verification =` resolve against it and never against the working
/// directory. It holds two regular files to include: `src/included.py`, and `src/chapter.md`,
/// the file of the chapter the `chapter` and `extract` targets fuzz (a chapter may include itself).
fn book_root() -> &'static Path {
    const CHAPTER_ON_DISK: &str = "# Chapter\n\nA chapter on disk, longer than most fuzzed chapters: its findings lie past their end.\n\n\n\n\n\n\n\n\n\n```python,check=netbox\nREMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_LOGIN_REDIRECT_URL = 1\n```\n";
    static ROOT: std::sync::OnceLock<Option<tempfile::TempDir>> = std::sync::OnceLock::new();
    let root = ROOT.get_or_init(|| {
        let dir = tempfile::tempdir().ok()?;
        std::fs::create_dir_all(dir.path().join("src")).ok()?;
        std::fs::write(dir.path().join("src/included.py"), "ALLOWED_HOSTS = ['netbox.example.com']\n").ok()?;
        std::fs::write(dir.path().join("src/chapter.md"), CHAPTER_ON_DISK).ok()?;
        Some(dir)
    });
    root.as_ref().map_or(Path::new("/nonexistent"), |dir| dir.path())
}

/// Whatever the input's configuration says, no executable check runs: the fuzzer must not run
/// `nginx -t` on what it made up.
fn without_executable_checks(config: &mut Config) {
    // Only fails on a table that is not a table, where the checker fails too: that is fine.
    let _ = config.set("preprocessor.configcheck.nginx-test", false);
}

fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

fn preprocess(data: &[u8]) {
    let Ok((mut ctx, input)) = protocol::parse_input(data) else { return };
    without_executable_checks(&mut ctx.config);
    if let Ok((output, outcome)) = book::annotate_book(input, book_root(), &ctx.config, &ctx.renderer) {
        let mut written = Vec::new();
        let _ = protocol::write_book(&output, &mut written);
        let _ = outcome.fails_build();
    }
}

fn chapter_book(markdown: &str) -> Book {
    let mut first = Chapter::new("Chapter", markdown.to_string(), "chapter.md", vec![]);
    let nested = Chapter::new("Nested", markdown.to_string(), "part/nested.md", vec!["Chapter".into()]);
    first.sub_items.push(BookItem::Chapter(nested));
    Book::new_with_items(vec![BookItem::Chapter(first)])
}

fn chapter(data: &[u8]) {
    let markdown = text(data);
    let config = Config::default();
    for renderer in ["html", "markdown"] {
        if let Ok((output, outcome)) = book::annotate_book(chapter_book(&markdown), book_root(), &config, renderer) {
            let mut written = Vec::new();
            let _ = protocol::write_book(&output, &mut written);
            if renderer == "html" {
                for format in
                    [report::Format::Human, report::Format::Json, report::Format::Github, report::Format::Sarif]
                {
                    let _ = report::render(format, &outcome.checked, false, true);
                }
            }
        }
    }
}

fn chapter_input(markdown: &str) -> ChapterInput {
    ChapterInput {
        index: 0,
        path: "src/chapter.md".into(),
        dir: book_root().join("src"),
        content: Arc::new(markdown.to_string()),
        page: Some("chapter.md".into()),
    }
}

fn extract(data: &[u8]) {
    let markdown = text(data);
    let Ok(checked) = check_chapters(&[chapter_input(&markdown)], book_root(), &Settings::default()) else { return };
    let Ok(scratch) = tempfile::tempdir() else { return };
    let out = scratch.path().join("out");
    if export::export(&checked, Path::new("src"), &out).is_ok() {
        // Nothing may be written beside OUTDIR: the scratch directory holds OUTDIR alone.
        let beside: Vec<_> = std::fs::read_dir(scratch.path())
            .map(|entries| entries.filter_map(Result::ok).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert!(beside == [std::ffi::OsString::from("out")], "extract wrote beside OUTDIR: {beside:?}");
    }
}

fn python(data: &[u8]) {
    let file = netbox::parse(&text(data), BlockId(0));
    for setting in &file.settings {
        let _ = setting.value.to_string();
    }
}

fn nginx_file(data: &[u8]) {
    let file = nginx::parse(&text(data));
    nginx::walk(&file.directives, &mut |directive| {
        let _ = directive.arg(0);
    });
}

fn authentik_blueprint(data: &[u8]) {
    let blueprint = authentik::parse(&text(data));
    for entry in &blueprint.entries {
        let _ = entry.field("name");
    }
}

fn lint_file(data: &[u8]) {
    use mdbook_configcheck::lint::{Input, lint};
    let Some((&pick, content)) = data.split_first() else { return };
    let names = [
        "configuration.py",
        "extra.py",
        "netbox",
        "blueprint.yaml",
        "netbox.env",
        "file",
        "docker-compose.override.yml",
        "values.yaml",
    ];
    let Ok(scratch) = tempfile::tempdir() else { return };
    let path = scratch.path().join(names[usize::from(pick) % names.len()]);
    let env = scratch.path().join("env.env");
    if std::fs::write(&path, content).is_err()
        || std::fs::write(
            &env,
            "REMOTE_AUTH_BACKEND=social_core.backends.open_id_connect.OpenIdConnectAuth\nREMOTE_AUTH_ENABLED=true\n",
        )
        .is_err()
    {
        return;
    }
    let settings = Settings::default();
    // A file that is refused (binary, not UTF-8, of no kind) is an error, not a crash.
    if let Ok(checked) = lint(&[Input { path: path.clone(), kind: None }], None, &settings) {
        for format in [report::Format::Human, report::Format::Json, report::Format::Sarif] {
            let _ = report::render(format, &checked, false, true);
        }
    }
    let both = [Input { path: env, kind: None }, Input { path, kind: None }];
    let _ = lint(&both, None, &settings);
}

fn book_toml(data: &[u8]) {
    let Ok(mut config) = text(data).parse::<Config>() else { return };
    without_executable_checks(&mut config);
    let _ = Settings::from_book_config(&config);
}

/// The blocks every generated program is checked with: a proxy and a provider that match the
/// guide's, so that the flow rules compare the program's values with something.
const EVALUATOR_CHAPTER: &str = "```nginx,check=nginx\nserver {\n    listen 443 ssl;\n    server_name netbox.example.com;\n    location / {\n        proxy_pass http://127.0.0.1:8001;\n        proxy_set_header Host $host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }\n}\n```\n\n```yaml,check=authentik\nversion: 1\nentries:\n  - model: authentik_providers_oauth2.oauth2provider\n    id: provider\n    identifiers:\n      name: NetBox\n    attrs:\n      client_id: netbox\n      redirect_uris:\n        - matching_mode: strict\n          url: https://netbox.example.com/oauth/complete/oidc/\n  - model: authentik_core.application\n    identifiers:\n      slug: netbox\n    attrs:\n      provider: !KeyOf provider\n```\n";

fn evaluator(data: &[u8]) {
    let program = python_program(data);
    let file = netbox::parse(&program, BlockId(0));
    for setting in &file.settings {
        let _ = setting.value.to_string();
    }
    let markdown = format!("{EVALUATOR_CHAPTER}\n```python,check=netbox\n{program}```\n");
    let _ = check_chapters(&[chapter_input(&markdown)], book_root(), &Settings::default());
}
