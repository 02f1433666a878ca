//! Properties of the whole preprocessor, on generated books.
//!
//! 1. A book without checked blocks comes out byte-identical, with no diagnostics but
//!    `configcheck/unchecked-block` (an info kept out of the page, for configuration-looking
//!    blocks without `check=`): the checker never touches what it does not check (arbitrary
//!    text, and structured Markdown that mentions `check=` everywhere except in a fence's info
//!    string).
//! 2. No input panics: arbitrary and broken checked blocks (any kind, any attributes, bodies that
//!    are not valid Python, nginx or YAML, in lists and blockquotes, with `{{#include}}` lines and
//!    allow comments), through `annotate_book` and every report format. The annotated page keeps
//!    every line of the chapter except the opening fence lines of checked blocks.
//! 3. Either way, the book goes back to mdBook as exactly the JSON `serde_json` writes for it
//!    (`write_book` serializes on all cores and escapes chapter text by itself).
//!
//! `PROPTEST_CASES=20000 cargo test -p mdbook-configcheck --test properties` runs a deeper search.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::path::Path;
use std::sync::LazyLock;

use mdbook_configcheck::book::annotate_book;
use mdbook_configcheck::protocol::write_book;
use mdbook_configcheck::report::{Format, render};
use mdbook_preprocessor::book::{Book, BookItem, Chapter};
use mdbook_preprocessor::config::Config;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config as ProptestConfig;

const BOOK_TOML: &str = "[book]\nsrc = \"src\"\n";

/// The number of cases: modest by default (debug builds), more with `PROPTEST_CASES=…`.
fn runner(default_cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default_cases);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

fn config() -> Config {
    BOOK_TOML.parse().expect("a minimal book.toml parses")
}

/// A book root on disk, so that `{{#include}}` lines find (or fail to find) real files.
static ROOT: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let src = dir.path().join("src");
    std::fs::create_dir_all(src.join("sub")).expect("src/sub");
    std::fs::write(dir.path().join("book.toml"), BOOK_TOML).expect("book.toml");
    std::fs::write(
        src.join("conf.py"),
        "import os\n# ANCHOR: oidc\nREMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_LOGIN_REDIRECT_URL = True\n# ANCHOR_END: oidc\nALLOWED_HOSTS = ['*']\n",
    )
    .expect("conf.py");
    std::fs::write(src.join("sub/other.py"), "SOCIAL_AUTH_OIDC_SCOPE = 'groups'\r\nLOGIN_REQUIRED = True")
        .expect("other.py");
    std::fs::write(src.join("empty.py"), "").expect("empty.py");
    std::fs::write(src.join("site.conf"), "server {\n    listen 443 ssl;\n    server_name netbox.example.com;\n}\n")
        .expect("site.conf");
    std::fs::write(src.join("latin1.py"), b"NAME = '\xe9'\n").expect("latin1.py");
    dir
});

fn root() -> &'static Path {
    ROOT.path()
}

/// `(path, content)` chapters as a flat book.
fn book_of(chapters: &[(String, String)]) -> Book {
    let mut book = Book::new();
    for (i, (path, content)) in chapters.iter().enumerate() {
        book.push_item(BookItem::Chapter(Chapter::new(&format!("Chapter {i}"), content.clone(), path, Vec::new())));
    }
    book
}

fn chapter_paths(contents: Vec<String>) -> Vec<(String, String)> {
    contents
        .into_iter()
        .enumerate()
        .map(|(i, c)| (if i % 3 == 2 { format!("sub/ch{i}.md") } else { format!("ch{i}.md") }, c))
        .collect()
}

fn contents(book: &Book) -> Vec<String> {
    book.chapters().map(|c| c.content.clone()).collect()
}

// ---------------------------------------------------------------------------------------------
// Markdown without checked blocks

/// A line of prose: starts with a letter (so it never opens a list, quote, heading or fence),
/// may hold inline code, emphasis, `{{#include}}` text, HTML and `check=` words.
fn prose(mentions: bool) -> BoxedStrategy<String> {
    let words: Vec<&'static str> = if mentions {
        vec![
            "NetBox",
            "reads",
            "`configuration.py`",
            "*once*",
            "**only**",
            "`python,check=netbox`",
            "check=netbox",
            "`expect=netbox/login-redirect-url-type`",
            "file=configuration.py",
            "variant",
            "<!-- check=nginx -->",
            "<!-- configcheck -->",
            "{{#include conf.py}}",
            "<span>check=authentik</span>",
            "```",
            "~~~",
            "[link](x.md)",
            "ç",
            "—",
            "\t",
            "<br>",
        ]
    } else {
        vec![
            "NetBox",
            "reads",
            "`configuration.py`",
            "*once*",
            "**only**",
            "`python`",
            "variant",
            "file=x.py",
            "expect=netbox/login-redirect-url-type",
            "<!-- note -->",
            "{{#include conf.py}}",
            "```",
            "~~~",
            "[link](x.md)",
            "ç",
            "—",
            "\t",
            "<br>",
        ]
    };
    (select(vec!["Authentik", "The", "When", "Then", "A"]), prop::collection::vec(select(words), 0..10))
        .prop_map(|(first, rest)| {
            let mut line = first.to_string();
            for word in rest {
                line.push(' ');
                line.push_str(word);
            }
            line
        })
        .boxed()
}

/// Info strings that carry no attribute of ours (and no `key=value` mdBook does not know).
fn plain_info() -> impl Strategy<Value = String> {
    select(vec![
        "",
        "python",
        "py",
        "rust",
        "rust,ignore",
        "rust,hidelines=#",
        "console",
        "toml",
        "nginx",
        "yaml",
        "text",
        "python editable",
        "sh",
        "ini",
        "c++",
        "{.python}",
    ])
    .prop_map(str::to_string)
}

/// A code block that is not checked, holding text that looks like checked blocks.
fn unchecked_code(mentions: bool) -> BoxedStrategy<String> {
    let body_lines = if mentions {
        vec![
            "```python,check=netbox",
            "SOCIAL_AUTH_LOGIN_REDIRECT_URL = True",
            "<!-- configcheck: allow netbox/setting-unknown -- x -->",
            "```",
            "~~~python,check=nginx",
            "server {",
            "{{#include conf.py}}",
            "\t",
            "",
        ]
    } else {
        vec!["SOCIAL_AUTH_LOGIN_REDIRECT_URL = True", "server {", "{{#include conf.py}}", "\t", "", "~~~"]
    };
    (plain_info(), prop::collection::vec(select(body_lines), 0..6), 0..3usize)
        .prop_map(|(info, body, style)| match style {
            // Four backticks: inner ``` lines are text.
            0 => format!("````{info}\n{}\n````", body.join("\n")),
            // A tilde fence: backtick lines are text.
            1 => format!("~~~{info}\n{}\n~~~", body.join("\n").replace('~', "-")),
            // An indented code block (after a paragraph, so never inside a list item).
            _ => format!(
                "An indented example:\n\n{}",
                body.iter().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n")
            ),
        })
        .boxed()
}

fn markdown_element(mentions: bool) -> BoxedStrategy<String> {
    prop_oneof![
        3 => prose(mentions),
        1 => (1..=6usize, prose(mentions)).prop_map(|(n, p)| format!("{} {p}", "#".repeat(n))),
        1 => prop::collection::vec(prose(mentions), 1..4)
            .prop_map(|items| items.iter().map(|i| format!("- {i}")).collect::<Vec<_>>().join("\n")),
        1 => prop::collection::vec(prose(mentions), 1..4)
            .prop_map(|items| items.iter().enumerate().map(|(n, i)| format!("{}. {i}", n + 1)).collect::<Vec<_>>().join("\n")),
        1 => prop::collection::vec(prose(mentions), 1..3)
            .prop_map(|lines| lines.iter().map(|l| format!("> {l}")).collect::<Vec<_>>().join("\n")),
        2 => unchecked_code(mentions),
        1 => (plain_info(), prose(mentions)).prop_map(|(info, p)| format!("- Item:\n\n  ```{info}\n  {p}\n  ```")),
        1 => (plain_info(), prose(mentions)).prop_map(|(info, p)| format!("> ```{info}\n> {p}\n> ```")),
        1 => Just("| a | b |\n|---|---|\n| `check` | x |".to_string()),
    ]
    .boxed()
}

fn structured_chapter(mentions: bool) -> impl Strategy<Value = String> {
    (prop::collection::vec(markdown_element(mentions), 0..12), any::<bool>(), any::<bool>()).prop_map(
        |(elements, crlf, trailing)| {
            let mut text = elements.join("\n\n");
            if trailing {
                text.push('\n');
            }
            if crlf { text.replace('\n', "\r\n") } else { text }
        },
    )
}

/// Anything that skips the checker's own trigger words.
fn arbitrary_unmarked() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[ -~\t\n]{0,200}", "(```[a-z ,=]{0,12}\n([ -~]{0,30}\n){0,4}```\n?){0,3}",]
        .prop_filter("no trigger words", |s| !s.contains("check=") && !s.contains("configcheck:"))
}

/// Property 3: what the binary writes to mdBook is the book, byte for byte as serde_json has it.
fn assert_written_as_serde_json(book: &Book) -> Result<(), TestCaseError> {
    let mut written = Vec::new();
    write_book(book, &mut written).map_err(|e| TestCaseError::fail(format!("{e:#}")))?;
    prop_assert!(written == serde_json::to_vec(book).unwrap(), "write_book differs from serde_json");
    Ok(())
}

fn assert_untouched(chapters: Vec<String>) -> Result<(), TestCaseError> {
    let chapters = chapter_paths(chapters);
    let book = book_of(&chapters);
    let before = contents(&book);
    let (after, outcome) =
        annotate_book(book, root(), &config(), "html").map_err(|e| TestCaseError::fail(format!("{e:#}")))?;
    prop_assert_eq!(&before, &contents(&after));
    assert_written_as_serde_json(&after)?;
    let unexpected: Vec<_> = outcome
        .checked
        .diagnostics
        .iter()
        .filter(|d| d.rule != "configcheck/unchecked-block")
        .map(|d| (d.rule, &d.path, d.start, &d.message))
        .collect();
    prop_assert!(unexpected.is_empty(), "diagnostics on a book without checked blocks: {:#?}", unexpected);
    prop_assert!(outcome.checked.blocks.is_empty());
    Ok(())
}

proptest! {
    #![proptest_config(runner(128))]

    /// Text without `check=` and `configcheck:` is never looked at.
    #[test]
    fn unmarked_text_is_byte_identical(chapters in prop::collection::vec(
        prop_oneof![arbitrary_unmarked(), structured_chapter(false)], 1..6,
    )) {
        assert_untouched(chapters)?;
    }

    /// `check=` in prose, inline code, HTML, tables and inside other code blocks makes no block
    /// checked: the chapter is read but not changed.
    #[test]
    fn mentions_of_check_outside_info_strings_change_nothing(
        chapters in prop::collection::vec(structured_chapter(true), 1..6),
    ) {
        assert_untouched(chapters)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Arbitrary checked blocks

const RULES: &[&str] = &[
    "netbox/login-redirect-url-type",
    "netbox/setting-unknown",
    "netbox/oidc-scope-type",
    "netbox/remote-auth-header-unused",
    "configcheck/syntax-error",
    "netbox/login-redirect-url-typo",
    "nginx/nothing",
    "",
    "a,b",
];

fn info_token() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(vec!["check=netbox", "check=nginx", "check=authentik"]).prop_map(str::to_string),
        1 => select(vec!["check=", "check=netbx", "check=NETBOX", "check==netbox", "check"]).prop_map(str::to_string),
        2 => select(RULES).prop_map(|r| format!("expect={r}")),
        1 => select(vec!["file=configuration.py", "file=", "file=a/configuration.py", "file=pipeline.py", "file=x=y"])
            .prop_map(str::to_string),
        1 => select(vec!["variant", "variants", "varient", "variant=1", "hidelines=#", "ignore", "editable"])
            .prop_map(str::to_string),
        1 => "[a-z=_/.-]{0,10}",
        1 => "\\PC{0,6}",
    ]
}

/// An info string for a block of `kind`: its language, random attributes, and usually its
/// `check=`.
fn info_string(kind: &'static str) -> impl Strategy<Value = String> {
    let languages = match kind {
        "netbox" => vec!["python", "py", "", "{.python}", "check=netbox"],
        "nginx" => vec!["nginx", "conf", "", "check=nginx"],
        _ => vec!["yaml", "yml", "", "check=authentik"],
    };
    (
        select(languages),
        prop::collection::vec((info_token(), select(vec![",", " ", "\t", ", ", ",,"])), 0..4),
        prop::option::weighted(0.8, 0..4usize),
    )
        .prop_map(move |(lang, mut tokens, check_at)| {
            if let Some(at) = check_at {
                tokens.insert(at.min(tokens.len()), (format!("check={kind}"), ","));
            }
            let mut info = lang.to_string();
            for (token, sep) in tokens {
                info.push_str(sep);
                info.push_str(&token);
            }
            info
        })
}

const NETBOX: &str = "import os
ALLOWED_HOSTS = ['netbox.internaldomain.com', 'IP.OF.REVERSE.PROXY']
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'
REMOTE_AUTH_HEADER = 'HTTP_X_AUTHENTIK_USERNAME'
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://authentik.yourdomain.com/application/o/netbox/'
SOCIAL_AUTH_OIDC_KEY = 'client-id-from-authentik'
SOCIAL_AUTH_OIDC_SECRET = os.environ.get('OIDC_SECRET', 'client-secret-from-authentik')
SOCIAL_AUTH_OIDC_SCOPE = ['openid', 'profile', 'email', 'roles']
CSRF_TRUSTED_ORIGINS = ['https://netbox.internaldomain.com']
SOCIAL_AUTH_REDIRECT_IS_HTTPS = True
SOCIAL_AUTH_LOGIN_REDIRECT_URL = True
LOGOUT_REDIRECT_URL = 'https://authentik.yourdomain.com/application/o/netbox/end-session/'";

const NGINX: &str = "upstream netbox { server 10.0.0.5:8001; }
server {
    listen 443 ssl;
    listen [::]:8443 ssl http2;
    server_name netbox.internaldomain.com;
    ssl_certificate /etc/ssl/certs/netbox.crt;
    ssl_certificate_key /etc/ssl/private/netbox.key;
    client_max_body_size 25m;
    proxy_set_header X-Forwarded-Host $host:$server_port;

    location / {
        proxy_pass http://127.0.0.1:8001;
        proxy_set_header X-Forwarded-Proto $scheme;
        add_header X-Frame-Options SAMEORIGIN;
    }
    location /static/ { alias /opt/netbox/netbox/static/; }
}";

const AUTHENTIK: &str = "version: 1
entries:
  - model: authentik_providers_oauth2.oauth2provider
    id: netbox-provider
    identifiers:
      name: NetBox
    attrs:
      client_type: confidential
      client_id: client-id-from-authentik
      client_secret: client-secret-from-authentik
      redirect_uris:
        - matching_mode: strict
          url: https://netbox.internaldomain.com/oauth/complete/oidc/
        - matching_mode: regex
          url: https://netbox.internaldomain.com/.*
      signing_key: !Find [authentik_crypto.certificatekeypair, [name, authentik Self-signed Certificate]]
      encryption_key: !Find [authentik_crypto.certificatekeypair, [name, authentik Self-signed Certificate]]
      property_mappings:
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-openid]]
  - model: authentik_core.application
    identifiers:
      slug: netbox
    attrs:
      provider: !KeyOf netbox-provider";

/// An edit of a template: the operation, where (modulo the length), and the text it uses.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Duplicate(usize),
    Truncate(usize, usize),
    Insert(usize, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        2 => any::<usize>().prop_map(Edit::Delete),
        1 => any::<usize>().prop_map(Edit::Duplicate),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(l, c)| Edit::Truncate(l, c)),
        2 => (any::<usize>(), body_line()).prop_map(|(l, t)| Edit::Insert(l, t)),
    ]
}

/// A realistic block of `kind`, broken in a few places.
fn template_body(kind: &'static str) -> impl Strategy<Value = Vec<String>> {
    let template = match kind {
        "netbox" => NETBOX,
        "nginx" => NGINX,
        _ => AUTHENTIK,
    };
    prop::collection::vec(edit(), 0..4).prop_map(move |edits| {
        let mut lines: Vec<String> = template.lines().map(str::to_string).collect();
        for edit in edits {
            let n = lines.len().max(1);
            match edit {
                Edit::Delete(i) if !lines.is_empty() => {
                    lines.remove(i % n);
                }
                Edit::Duplicate(i) if !lines.is_empty() => lines.insert(i % n, lines[i % n].clone()),
                Edit::Truncate(i, at) if !lines.is_empty() => {
                    let line = &mut lines[i % n];
                    let boundaries: Vec<usize> = line.char_indices().map(|(b, _)| b).collect();
                    if let Some(&b) = boundaries.get(at % boundaries.len().max(1)) {
                        line.truncate(b);
                    }
                }
                Edit::Insert(i, text) => lines.insert(i % (n + 1), text),
                _ => {}
            }
        }
        lines
    })
}

fn body_line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(vec![
            "ALLOWED_HOSTS = ['netbox.example.com']",
            "ALLOWED_HOSTS = 'netbox.example.com'",
            "REMOTE_AUTH_ENABLED = True",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'",
            "REMOTE_AUTH_BACKEND = ['social_core.backends.open_id_connect.OpenIdConnectAuth', 1]",
            "REMOTE_AUTH_HEADER = 'HTTP_X_AUTHENTIK_USERNAME'",
            "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://authentik.example.com/application/o/netbox/'",
            "SOCIAL_AUTH_OIDC_ENDPOINT = os.environ.get('OIDC', 'https://x/.well-known/openid-configuration')",
            "SOCIAL_AUTH_OIDC_KEY = os.environ['KEY']",
            "SOCIAL_AUTH_OIDC_SCOPE = ('groups',)",
            "SOCIAL_AUTH_OIDC_SCOPE += ['openid']",
            "SOCIAL_AUTH_LOGIN_REDIRECT_URL = True",
            "LOGOUT_REDIRECT_URL = None",
            "SOCIAL_AUTH_OIDC_SCOPES = ['groups']",
            "OIDC_KEY = 'x'",
            "CSRF_TRUSTED_ORIGINS = ['netbox.example.com', b'x', 1.5, {'a': 1}]",
            "import os",
            "from os import environ as env, getenv",
            "from django.contrib.auth.models import Group",
            "user.is_staff = True",
            "X: int = 1",
            "def f(:",
            "SOCIAL_AUTH_PIPELINE = (",
            "    'social_core.pipeline.social_auth.social_details',",
            ")",
            "'''unterminated",
            "if True:\n  pass",
            "server {",
            "    listen 443 ssl",
            "    server_name netbox.example.com;",
            "    location / { proxy_pass http://127.0.0.1:8001; }",
            "}",
            "version: 1",
            "entries:",
            "  - model: authentik_providers_oauth2.oauth2provider",
            "    attrs: {name: netbox, redirect_uris: !Find [a, b]}",
            "    identifiers: &a *a",
            "- [",
            "{{#include conf.py}}",
            "{{#include conf.py:oidc}}",
            "{{#include conf.py:2:3}}",
            "{{#include conf.py::2}}",
            "{{#include conf.py:99:1}}",
            "{{#include conf.py:nope}}",
            "{{#include ../conf.py}}",
            "{{#include sub/other.py}}",
            "{{#include empty.py}}",
            "{{#include latin1.py}}",
            "{{#include site.conf}}",
            "{{#include missing.py}}",
            "{{#include .}}",
            "{{#include }}",
            "  {{#include conf.py}}  ",
            "```",
            "~~~",
            "",
            "\t",
        ])
        .prop_map(str::to_string),
        1 => "[ -~\t]{0,40}",
        1 => "\\PC{0,20}",
    ]
}

fn allow_comment() -> impl Strategy<Value = String> {
    (
        select(vec!["allow", "allow ", "alow", "", "deny"]),
        prop::collection::vec(select(RULES), 0..3),
        select(vec![" -- because the book teaches it", " --", "", " -- ", " -- x -- y"]),
        select(vec!["<!-- configcheck: ", "<!--configcheck:", "<!-- configcheck:"]),
    )
        .prop_map(|(verb, rules, reason, open)| format!("{open}{verb} {}{reason} -->", rules.join(", ")))
}

/// The prefix of the first line and of the following lines of a container.
fn container() -> impl Strategy<Value = (&'static str, &'static str)> {
    select(vec![
        ("", ""),
        ("- ", "  "),
        ("1. ", "   "),
        ("> ", "> "),
        ("> - ", ">   "),
        ("- > ", "  > "),
        ("  ", "  "),
        ("\t", "\t"),
        ("> ", ""),
        ("- ", ""),
        ("10) ", "    "),
    ])
}

fn checked_block() -> impl Strategy<Value = String> {
    select(vec!["netbox", "nginx", "authentik"]).prop_flat_map(|kind| {
        (
            container(),
            select(vec!["```", "~~~", "````"]),
            info_string(kind),
            prop_oneof![2 => template_body(kind), 1 => prop::collection::vec(body_line(), 0..10)],
            select(vec!["same", "same", "same", "missing", "short", "long", "indented"]),
            prop::option::weighted(0.3, allow_comment()),
        )
            .prop_map(|((first, rest), fence, info, body, close, allow)| {
                let mut lines = Vec::new();
                if let Some(allow) = allow {
                    lines.push(allow);
                }
                lines.push(format!("{fence}{info}"));
                lines.extend(body);
                match close {
                    "same" => lines.push(fence.to_string()),
                    "short" => lines.push(fence[..fence.len() - 1].to_string()),
                    "long" => lines.push(format!("{fence}{}", &fence[..1])),
                    "indented" => lines.push(format!("   {fence}")),
                    _ => {}
                }
                let text = lines.join("\n");
                text.split('\n')
                    .enumerate()
                    .map(|(i, line)| format!("{}{line}", if i == 0 { first } else { rest }))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
    })
}

fn checked_chapter() -> impl Strategy<Value = String> {
    let element = prop_oneof![
        4 => checked_block(),
        2 => markdown_element(true),
        1 => allow_comment(),
        1 => body_line(),
        1 => any::<String>(),
    ];
    (prop::collection::vec(element, 1..8), select(vec!["\n\n", "\n", "\r\n\r\n", "\r\n"]), any::<bool>()).prop_map(
        |(elements, separator, trailing)| {
            let mut text = elements.join(separator);
            if trailing {
                text.push('\n');
            }
            text
        },
    )
}

/// The lines of `original`, except those in `exempt` (0-based), in order in `annotated`. A line
/// of a folded block carries the `hidelines=` prefix the annotation added (after any container
/// prefix): with it removed, it is the original line.
fn keeps_lines(original: &str, annotated: &str, exempt: &[usize]) -> Result<(), String> {
    let prefixes: Vec<&str> = annotated
        .split("hidelines=")
        .skip(1)
        .filter_map(|rest| rest.split(['\n', ',', ' ']).next())
        .filter(|p| !p.is_empty())
        .collect();
    // The prefix goes after the block's container prefix (list indentation, `> `).
    let same = |l: &str, line: &str| {
        l == line || prefixes.iter().any(|p| l.find(p).is_some_and(|i| l[..i].to_string() + &l[i + p.len()..] == line))
    };
    let mut out = annotated.split('\n');
    for (n, line) in original.split('\n').enumerate() {
        if exempt.contains(&n) {
            continue;
        }
        if !out.any(|l| same(l, line)) {
            return Err(format!("line {} ({line:?}) is missing from the annotated chapter", n + 1));
        }
    }
    Ok(())
}

fn check_does_not_panic(chapters: Vec<String>, renderer: &str) -> Result<(), TestCaseError> {
    let chapters = chapter_paths(chapters);
    let book = book_of(&chapters);
    let (after, outcome) =
        annotate_book(book, root(), &config(), renderer).map_err(|e| TestCaseError::fail(format!("{e:#}")))?;
    for format in [Format::Human, Format::Json, Format::Github, Format::Sarif] {
        for (color, verbose) in [(false, false), (true, false), (false, true), (true, true)] {
            let _ = render(format, &outcome.checked, color, verbose);
        }
    }
    assert_written_as_serde_json(&after)?;
    let annotated = contents(&after);
    prop_assert_eq!(annotated.len(), chapters.len());
    for (index, ((_, original), annotated)) in chapters.iter().zip(&annotated).enumerate() {
        let exempt: Vec<usize> = outcome
            .checked
            .blocks
            .iter()
            .filter(|b| b.chapter == index)
            .map(|b| original[..b.info.start.min(original.len())].matches('\n').count())
            .collect();
        if let Err(message) = keeps_lines(original, annotated, &exempt) {
            return Err(TestCaseError::fail(format!(
                "{message}\n--- original ---\n{original}\n--- annotated ---\n{annotated}"
            )));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(runner(96))]

    /// Whatever the chapters hold, the preprocessor and every report return, and the page
    /// keeps the chapter's lines.
    #[test]
    fn arbitrary_checked_blocks_do_not_panic(
        chapters in prop::collection::vec(checked_chapter(), 1..5),
        renderer in select(vec!["html", "markdown"]),
    ) {
        check_does_not_panic(chapters, renderer)?;
    }
}

/// Regression for a bug found by `unmarked_text_is_byte_identical` (minimized to the chapter
/// "```py =\n```"): another tool's `key=value` on a block that is not checked (mdbook-admonish's
/// `title="…"`) must not be reported, whatever else the chapter holds.
#[test]
fn unknown_attributes_of_unchecked_blocks_are_never_reported_whatever_the_chapter_holds() {
    let admonish = "```admonish warning title=\"Careful\"\nBack up the database first.\n```\n";
    let with_python = format!("{admonish}\n```python\nprint('hello')\n```\n");
    let rules = |content: &str| {
        let book = book_of(&[("ch0.md".to_string(), content.to_string())]);
        let (_, outcome) = annotate_book(book, root(), &config(), "html").expect("the book is checked");
        outcome.checked.diagnostics.iter().map(|d| (d.rule, d.message.clone())).collect::<Vec<_>>()
    };
    assert_eq!(rules(admonish), vec![]);
    assert_eq!(rules(&with_python), vec![]);
}

/// The include fixture used above really is included (a broken fixture would make every include
/// fail the same way and hide the include paths from the property): a finding in an included
/// anchor names the included file and its line.
#[test]
fn the_include_fixture_is_included() {
    let chapter = "```python,check=netbox\n{{#include conf.py:oidc}}\n```\n";
    let book = book_of(&[("ch0.md".to_string(), chapter.to_string())]);
    let (_, outcome) = annotate_book(book, root(), &config(), "html").expect("the book is checked");
    let found: Vec<_> =
        outcome.checked.diagnostics.iter().map(|d| (d.rule, d.path.to_string(), d.start.line)).collect();
    assert!(found.contains(&("netbox/login-redirect-url-type", "src/conf.py".to_string(), 4)), "{found:?}");
}
