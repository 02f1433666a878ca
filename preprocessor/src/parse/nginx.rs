//! `check=nginx`: an nginx site file, read exactly as nginx reads it. [`super::nginx_lexer`]
//! is a transcription of nginx's own tokenizer (`ngx_conf_read_token`): comments, quotes,
//! escapes, `$` and `;#` come out as nginx sees them, so what this tool checks (and what it wraps
//! for `nginx -t`) is what nginx would load. `include` directives are kept as they are, not
//! followed. Like nginx, the reading stops at the first syntax error.
//!
//! nginx does not treat a missing `;` as a syntax error: the next line becomes extra arguments.
//! A small table of argument counts for the directives a NetBox site uses turns that into a
//! syntax error at the directive, as `nginx -t` would ("invalid number of arguments").

use std::ops::Range;

use super::limits::{self, TooComplex};
use super::netbox::SyntaxError;
use super::nginx_lexer::{End, Lexer, Word};

/// A directive with its arguments and, for block directives, its children.
#[derive(Debug, Clone)]
pub struct Directive {
    /// `proxy_set_header`.
    pub name: String,
    /// The name's range in the block text.
    pub name_range: Range<usize>,
    /// Arguments, unquoted (`$http_host` keeps its `$`).
    pub args: Vec<Arg>,
    /// The whole directive.
    pub range: Range<usize>,
    /// Children of a block directive (`server { … }`).
    pub children: Option<Vec<Directive>>,
    /// Where its line's `;` went missing: the index of the first argument that is another
    /// directive's name written at the start of a later line (`server_name localhost` then
    /// `client_max_body_size 25m;` on the next line). nginx reads that directive as more
    /// arguments, so it is never set (`swallowed_at`).
    pub swallowed: Option<usize>,
}

/// One argument.
#[derive(Debug, Clone)]
pub struct Arg {
    /// The value as nginx sees it: quotes removed, variables with their `$`.
    pub text: String,
    /// Where it is written.
    pub range: Range<usize>,
    /// It holds a template's slot: its value is not known (the text reads it as a variable).
    pub templated: bool,
}

impl Directive {
    /// The first argument's text.
    pub fn arg(&self, i: usize) -> Option<&str> {
        self.args.get(i).map(|a| a.text.as_str())
    }

    /// Children named `name`.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Directive> + 'a {
        self.children.iter().flatten().filter(move |d| d.name == name)
    }
}

/// A parsed nginx file.
#[derive(Debug, Clone, Default)]
pub struct NginxFile {
    /// Top-level directives (`server` blocks, usually).
    pub directives: Vec<Directive>,
    /// Syntax errors.
    pub syntax_errors: Vec<SyntaxError>,
    /// Set when the block nests too deeply to parse.
    pub too_complex: Option<TooComplex>,
}

/// (directive, fewest arguments, most arguments) for every directive of `DIRECTIVE_NAMES` and
/// `location`, as nginx 1.22.1 checks them (`nginx -t` on each with 0 to 4 arguments: "invalid
/// number of arguments" or not; four accepted is read as no limit). `tests/nginx_lexing.rs`
/// checks the table against the nginx on the machine.
pub const ARGUMENTS: &[(&str, usize, usize)] = &[
    ("access_log", 1, usize::MAX),
    ("add_header", 2, 3),
    ("alias", 1, 1),
    ("allow", 1, 1),
    ("auth_basic", 1, 1),
    ("auth_basic_user_file", 1, 1),
    ("auth_request", 1, 1),
    ("charset", 1, 1),
    ("client_body_buffer_size", 1, 1),
    ("client_body_timeout", 1, 1),
    ("client_header_timeout", 1, 1),
    ("client_max_body_size", 1, 1),
    ("default_type", 1, 1),
    ("deny", 1, 1),
    ("error_log", 1, usize::MAX),
    ("error_page", 2, usize::MAX),
    ("expires", 1, 2),
    ("fastcgi_pass", 1, 1),
    ("gzip", 1, 1),
    ("gzip_types", 1, usize::MAX),
    ("include", 1, 1),
    ("index", 1, usize::MAX),
    ("keepalive_timeout", 1, 2),
    ("listen", 1, usize::MAX),
    ("location", 1, 2),
    ("proxy_buffer_size", 1, 1),
    ("proxy_buffering", 1, 1),
    ("proxy_buffers", 2, 2),
    ("proxy_connect_timeout", 1, 1),
    ("proxy_cookie_path", 1, 2),
    ("proxy_hide_header", 1, 1),
    ("proxy_http_version", 1, 1),
    ("proxy_pass", 1, 1),
    ("proxy_read_timeout", 1, 1),
    ("proxy_redirect", 1, 2),
    ("proxy_send_timeout", 1, 1),
    ("proxy_set_header", 2, 2),
    ("real_ip_header", 1, 1),
    ("resolver", 1, usize::MAX),
    ("return", 1, 2),
    ("rewrite", 2, 3),
    ("root", 1, 1),
    ("send_timeout", 1, 1),
    ("server_name", 1, usize::MAX),
    ("server_tokens", 1, 1),
    ("ssl_certificate", 1, 1),
    ("ssl_certificate_key", 1, 1),
    ("ssl_ciphers", 1, 1),
    ("ssl_dhparam", 1, 1),
    ("ssl_prefer_server_ciphers", 1, 1),
    ("ssl_protocols", 1, usize::MAX),
    ("ssl_session_cache", 1, 2),
    ("ssl_session_timeout", 1, 1),
    ("ssl_stapling", 1, 1),
    ("ssl_stapling_verify", 1, 1),
    ("ssl_trusted_certificate", 1, 1),
    ("try_files", 2, usize::MAX),
    ("uwsgi_param", 2, 3),
    ("uwsgi_pass", 1, 1),
];

/// Whether `name` takes a bounded number of arguments in `ARGUMENTS`: more is then nginx's
/// syntax error ("invalid number of arguments"), which [`parse`] reports.
pub fn counts_arguments(name: &str) -> bool {
    ARGUMENTS.iter().any(|&(n, _, max)| n == name && max != usize::MAX)
}

/// Blocks nested deeper than this are not checked (nginx sets no limit; a site needs a handful of
/// levels), so that no reading of a block recurses without bound.
pub const MAX_DEPTH: usize = limits::MAX_NESTING;

/// Parse one block.
pub fn parse(text: &str) -> NginxFile {
    let mut file = NginxFile::default();
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        // nginx has no notion of a byte order mark: its tokenizer takes the three bytes as part
        // of the first word, and `nginx -t` (1.22.1, seen) refuses the file with `unknown
        // directive "<BOM>server"`. Like nginx, stop there.
        let word = rest.find(|c: char| c.is_whitespace() || matches!(c, ';' | '{' | '}')).unwrap_or(rest.len());
        let first = &rest[..word];
        let first = if first.is_empty() { String::new() } else { format!(" `{}`", first.escape_debug()) };
        file.syntax_errors.push(SyntaxError {
            range: 0..text.len() - rest.len() + word,
            message: format!(
                "the file starts with a byte order mark (U+FEFF, bytes EF BB BF): nginx reads it as part of the first directive{first} and refuses the whole file (\"unknown directive\"); save it as UTF-8 without a byte order mark"
            ),
        });
        return file;
    }
    match read(text) {
        Ok(directives) => file.directives = directives,
        Err((Stop::Syntax(mut error), before)) => {
            // A template's slot (`{{ netbox_base_path }}`, `{% if %}`: an Ansible role's site,
            // corpus case t165): nginx refuses it as it refuses any stray `{`; say what it is.
            let at = error.range.start.min(text.len());
            let opens = |from: usize| {
                ["{{", "{%", "{#"].iter().any(|open| text.get(from..).is_some_and(|t| t.starts_with(open)))
            };
            if opens(at) || (at > 0 && opens(at - 1)) {
                error.message.push_str(
                    ": `{{`, `{%` and `{#` open a template's slot (Jinja, an Ansible role's template), which nginx does not read; check the file the template renders",
                );
            }
            // nginx refuses the whole file. Stray text after the last block (a hosts line or a
            // shell prompt pasted below a site, corpus case h196) leaves the blocks before it
            // whole: they are still checked, as nginx reads them once the stray text is gone.
            // An error inside a block, or with a block after it, leaves the site incomplete.
            let after = error.range.start.min(text.len());
            if let Some(before) = before
                && !text[after..].contains('{')
            {
                file.directives = before;
            }
            file.syntax_errors.push(error);
            if file.directives.is_empty() {
                return file;
            }
        }
        Err((Stop::TooDeep(at), _)) => {
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            file.too_complex = Some(TooComplex { range: at..end, message: limits::too_deep("blocks (`{ … }`)") });
            return file;
        }
    }
    walk(&file.directives, &mut |d| {
        // `listen 80` without its `;`: nginx refuses the next line's name as a listen parameter
        // (seen with nginx 1.22.1: `invalid parameter "server_name"`).
        if let (true, Some(i)) = (d.name == "listen", d.swallowed) {
            file.syntax_errors.push(SyntaxError {
                range: d.range.clone(),
                message: format!(
                    "invalid parameter \"{}\" in \"listen\"; is the `;` at the end of the line missing?",
                    d.args[i].text
                ),
            });
        }
        if let Some(&(_, min, max)) = ARGUMENTS.iter().find(|(name, _, _)| *name == d.name) {
            let location_block = d.name == "location" && d.children.is_some();
            if !location_block && (d.args.len() < min || d.args.len() > max) {
                let hint = if d.args.len() > max { "; is the `;` at the end of the line missing?" } else { "" };
                file.syntax_errors.push(SyntaxError {
                    range: d.range.clone(),
                    message: format!("invalid number of arguments in \"{}\" ({} given){hint}", d.name, d.args.len()),
                });
            }
        }
    });
    file
}

/// A block opened and not yet closed: its directive's words and start, and its children so far.
struct Open {
    words: Vec<Word>,
    start: usize,
    children: Vec<Directive>,
}

/// Why reading stopped: nginx's first error, or blocks nested past [`MAX_DEPTH`] (at the brace).
enum Stop {
    Syntax(SyntaxError),
    TooDeep(usize),
}

/// nginx's `ngx_conf_parse` over a site file: statements, blocks, and the first error, with the
/// file's directives read whole before it when it came outside every block. Without recursion:
/// open blocks are a stack.
fn read(text: &str) -> Result<Vec<Directive>, (Stop, Option<Vec<Directive>>)> {
    let mut top: Vec<Directive> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    read_into(text, &mut top, &mut open).map_err(|stop| (stop, open.is_empty().then_some(top)))
}

/// [`read`]'s loop, leaving what it read in `top` and `open` when it stops.
fn read_into(text: &str, top: &mut Vec<Directive>, open: &mut Vec<Open>) -> Result<Vec<Directive>, Stop> {
    let mut lexer = Lexer::with_templates(text);
    loop {
        let statement =
            lexer.read_statement().map_err(|e| Stop::Syntax(SyntaxError { range: e.range, message: e.message }))?;
        let end = statement.at;
        match statement.end {
            End::FileDone => {
                if open.is_empty() {
                    return Ok(std::mem::take(top));
                }
                return Err(Stop::Syntax(SyntaxError {
                    range: end..end,
                    message: "unexpected end of file, expecting \"}\"".to_string(),
                }));
            }
            End::BlockDone => {
                let Some(block) = open.pop() else {
                    return Err(Stop::Syntax(SyntaxError {
                        range: end..end + 1,
                        message: "unexpected \"}\" (it closes no block of this file)".to_string(),
                    }));
                };
                let directive = directive(text, block.words, block.start..end + 1, Some(block.children));
                open.last_mut().map_or(&mut *top, |o| &mut o.children).push(directive);
            }
            End::Semicolon => {
                let start = statement.words.first().map_or(end, |w| w.range.start);
                let directive = directive(text, statement.words, start..end + 1, None);
                open.last_mut().map_or(&mut *top, |o| &mut o.children).push(directive);
            }
            End::BlockStart => {
                if open.len() >= MAX_DEPTH {
                    return Err(Stop::TooDeep(end));
                }
                let start = statement.words.first().map_or(end, |w| w.range.start);
                open.push(Open { words: statement.words, start, children: Vec::new() });
            }
        }
    }
}

/// A directive from its words (the lexer never ends a statement without one).
fn directive(text: &str, words: Vec<Word>, range: Range<usize>, children: Option<Vec<Directive>>) -> Directive {
    let mut words = words.into_iter().map(|w| Arg { text: w.text, range: w.range, templated: w.templated });
    let name = words.next().unwrap_or(Arg { text: String::new(), range: range.start..range.start, templated: false });
    let args: Vec<Arg> = words.collect();
    let swallowed = swallowed_at(text, &name.range, &args);
    Directive { name: name.text, name_range: name.range, args, range, children, swallowed }
}

/// Directives of the http core, proxy, ssl, rewrite, headers, log, index, access and auth
/// modules that a site file uses (nginx's directive index, nginx.org/en/docs/dirindex.html),
/// sorted for the binary search. A word that is one of these, unquoted, first on its line and
/// inside another directive's arguments is a directive whose previous line lost its `;`.
const DIRECTIVE_NAMES: &[&str] = &[
    "access_log",
    "add_header",
    "alias",
    "allow",
    "auth_basic",
    "auth_basic_user_file",
    "auth_request",
    "charset",
    "client_body_buffer_size",
    "client_body_timeout",
    "client_header_timeout",
    "client_max_body_size",
    "default_type",
    "deny",
    "error_log",
    "error_page",
    "expires",
    "fastcgi_pass",
    "gzip",
    "gzip_types",
    "include",
    "index",
    "keepalive_timeout",
    "listen",
    "location",
    "proxy_buffer_size",
    "proxy_buffering",
    "proxy_buffers",
    "proxy_connect_timeout",
    "proxy_cookie_path",
    "proxy_hide_header",
    "proxy_http_version",
    "proxy_pass",
    "proxy_read_timeout",
    "proxy_redirect",
    "proxy_send_timeout",
    "proxy_set_header",
    "real_ip_header",
    "resolver",
    "return",
    "rewrite",
    "root",
    "send_timeout",
    "server_name",
    "server_tokens",
    "ssl_certificate",
    "ssl_certificate_key",
    "ssl_ciphers",
    "ssl_dhparam",
    "ssl_prefer_server_ciphers",
    "ssl_protocols",
    "ssl_session_cache",
    "ssl_session_timeout",
    "ssl_stapling",
    "ssl_stapling_verify",
    "ssl_trusted_certificate",
    "try_files",
    "uwsgi_param",
    "uwsgi_pass",
];

/// The index of the first argument that is a directive's name written, unquoted, at the start of
/// a line below the directive's own: nginx's tokenizer ends a statement only at `;`, `{` or `}`,
/// never at a line break (ngx_conf_read_token), so that line became arguments. Each argument
/// looks only at the gap since the word before it (comments and blanks): linear.
fn swallowed_at(text: &str, name: &Range<usize>, args: &[Arg]) -> Option<usize> {
    let mut previous_end = name.end;
    args.iter().position(|arg| {
        let gap = &text[previous_end.min(arg.range.start)..arg.range.start];
        previous_end = arg.range.end;
        gap.rfind('\n').is_some_and(|i| gap[i..].chars().all(char::is_whitespace))
            && text[arg.range.clone()] == *arg.text
            && DIRECTIVE_NAMES.binary_search(&arg.text.as_str()).is_ok()
    })
}

/// Visit every directive, depth first.
pub fn walk<'a>(directives: &'a [Directive], visit: &mut impl FnMut(&'a Directive)) {
    for d in directives {
        visit(d);
        if let Some(children) = &d.children {
            walk(children, visit);
        }
    }
}

#[cfg(test)]
mod tests {
    /// `swallowed_at` looks names up by binary search: an unsorted table would miss some.
    #[test]
    fn the_directive_names_are_sorted_for_the_binary_search() {
        assert!(super::DIRECTIVE_NAMES.is_sorted());
        assert!(super::DIRECTIVE_NAMES.binary_search(&"client_max_body_size").is_ok());
    }

    use super::*;

    #[test]
    fn keeps_positions_and_variables() {
        let text = "server {\n    listen 443 ssl;\n    location / {\n        proxy_set_header X-Forwarded-Host $http_host;\n    }\n}\n";
        let file = parse(text);
        assert!(file.syntax_errors.is_empty(), "{:?}", file.syntax_errors);
        let server = &file.directives[0];
        let location = server.children_named("location").next().unwrap();
        let header = location.children_named("proxy_set_header").next().unwrap();
        assert_eq!(header.arg(1), Some("$http_host"));
        assert_eq!(&text[header.args[1].range.clone()], "$http_host");
        assert_eq!(&text[header.name_range.clone()], "proxy_set_header");
    }

    /// A template's slot on one line is read (an Ansible role's site, corpus case t165); one this
    /// reading leaves out (open across lines) is named in nginx's error; any other stray `{` is
    /// nginx's plain message.
    #[test]
    fn a_template_slot_is_read_or_named_in_the_syntax_error() {
        let file = parse("server {\n    location /static/ {\n        alias {{ base }}/static/;\n    }\n}\n");
        assert!(file.syntax_errors.is_empty(), "{:?}", file.syntax_errors);
        let file = parse("server {\n    location /static/ {\n        alias {{ base\n }}/static/;\n    }\n}\n");
        assert!(file.syntax_errors[0].message.contains("open a template's slot"), "{:?}", file.syntax_errors);
        let file = parse("server {\n    location / { {\n    }\n}\n");
        assert!(!file.syntax_errors[0].message.contains("template"), "{:?}", file.syntax_errors);
    }

    #[test]
    fn a_missing_semicolon_is_an_argument_count_error() {
        let text = "location / {\n    proxy_pass http://127.0.0.1:8001\n    proxy_set_header Host $host;\n}\n";
        let file = parse(text);
        let error = file.syntax_errors.iter().find(|e| e.message.contains("proxy_pass")).expect("reported");
        assert!(error.message.contains("`;`"));
        assert_eq!(&text[error.range.start..error.range.start + 10], "proxy_pass");
    }

    #[test]
    fn touching_pieces_are_one_argument() {
        let file = parse("return 301 https://$host$request_uri;\n");
        assert!(file.syntax_errors.is_empty(), "{:?}", file.syntax_errors);
        assert_eq!(file.directives[0].arg(1), Some("https://$host$request_uri"));
    }

    #[test]
    fn a_comment_right_after_a_semicolon_is_a_comment_so_a_stray_brace_closes_nothing() {
        // nginx: `listen 80;` then the comment `# {`; the second `}` would close the `http {}`
        // around the site.
        let text = "server {\n    listen 80;# {\n}\n}\nssl_engine x;\n";
        let file = parse(text);
        let error = file.syntax_errors.first().expect("a syntax error");
        assert!(error.message.starts_with("unexpected \"}\""), "{}", error.message);
        assert_eq!(error.range.start, text.rfind("}\nssl").unwrap());
    }

    #[test]
    fn words_are_unescaped_and_unquoted_as_nginx_does() {
        let file = parse("words X-A \"a \\\"b\\\" \\\\ \\t\" 'c#d' e\\;f a#b;\n");
        assert!(file.syntax_errors.is_empty(), "{:?}", file.syntax_errors);
        let d = &file.directives[0];
        let args: Vec<&str> = d.args.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(args, ["X-A", "a \"b\" \\ \t", "c#d", "e\\;f", "a#b"]);
    }

    #[test]
    fn nesting_beyond_the_limit_is_too_deep_not_a_crash() {
        let deep = "a {".repeat(100_000);
        let file = parse(&deep);
        assert!(file.too_complex.as_ref().is_some_and(|t| t.message.contains("too deep")), "{:?}", file.too_complex);
        let deepest = parse(&format!("{}{}", "a {\n".repeat(MAX_DEPTH), "}\n".repeat(MAX_DEPTH)));
        assert!(deepest.syntax_errors.is_empty() && deepest.too_complex.is_none());
    }

    #[test]
    fn a_byte_order_mark_is_the_error_nginx_reports_not_a_silent_pass() {
        // An editor that saves "UTF-8 with BOM": nginx 1.22.1 answers `unknown directive
        // "\u{feff}server"` and loads nothing, so no server of this file reaches NetBox.
        let text = "\u{feff}server {\n    listen 443 ssl;\n}\n";
        let file = parse(text);
        let error = file.syntax_errors.first().expect("the byte order mark is reported");
        assert!(error.message.contains("byte order mark") && error.message.contains("`server`"), "{}", error.message);
        assert_eq!(&text[error.range.clone()], "\u{feff}server");
        assert!(file.directives.is_empty(), "nginx loads nothing from the file");
        assert!(parse("server {\n}\n").syntax_errors.is_empty());
    }

    #[test]
    fn an_unclosed_block_is_a_syntax_error() {
        let file = parse("server {\n    listen 443 ssl;\n");
        assert!(!file.syntax_errors.is_empty());
        assert!(file.directives.is_empty(), "an unfinished server is not checked as if it were whole");
    }

    /// A hosts line pasted below a site (corpus case h196): nginx refuses the file at its end,
    /// the error names the line without its `;`, and the server before it is still read.
    #[test]
    fn stray_text_after_the_last_block_keeps_the_blocks_before_it() {
        let text = "server {\n    listen 80;\n}\n127.0.0.1    netbox.home.arpa\n";
        let file = parse(text);
        let error = file.syntax_errors.first().expect("nginx refuses the file");
        assert_eq!(&text[error.range.clone()], "127.0.0.1    netbox.home.arpa");
        assert_eq!(file.directives.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(), ["server"]);
        // A stray `}` between blocks, or an error inside one: what follows is unread, so nothing is.
        for broken in [
            "server {\n    listen 80;\n}\n}\nserver {\n    listen 443 ssl;\n}\n",
            "server {\n    listen 80;\n}\nserver {\n    listen 443 ssl\n}\n",
        ] {
            let file = parse(broken);
            assert!(!file.syntax_errors.is_empty() && file.directives.is_empty(), "{broken:?}: {:?}", file.directives);
        }
    }
}
