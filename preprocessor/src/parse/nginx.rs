//! `check=nginx`: an nginx site file, parsed with nginx-lint-parser (a lossless, error-recovering
//! parser that keeps a span on every directive and argument). `include` directives are kept as
//! they are, not followed.
//!
//! nginx does not treat a missing `;` as a syntax error: the next line becomes extra arguments.
//! A small table of argument counts for the directives a NetBox site uses turns that into a
//! syntax error at the directive, as `nginx -t` would ("invalid number of arguments").

use std::ops::Range;

use nginx_lint_parser::ast::{ConfigItem, Directive as AstDirective};

use super::limits::{self, TooComplex};
use super::netbox::SyntaxError;

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
}

/// One argument.
#[derive(Debug, Clone)]
pub struct Arg {
    /// The value as nginx sees it: quotes removed, variables with their `$`.
    pub text: String,
    /// Where it is written.
    pub range: Range<usize>,
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

/// (directive, fewest arguments, most arguments) for the directives a NetBox site uses; from
/// nginx's own directive definitions (`NGX_CONF_TAKE*` in the proxy, core and ssl modules).
const ARGUMENTS: &[(&str, usize, usize)] = &[
    ("proxy_pass", 1, 1),
    ("proxy_set_header", 2, 2),
    ("server_name", 1, usize::MAX),
    ("listen", 1, usize::MAX),
    ("client_max_body_size", 1, 1),
    ("ssl_certificate", 1, 1),
    ("ssl_certificate_key", 1, 1),
    ("alias", 1, 1),
    ("root", 1, 1),
    ("return", 1, 2),
    ("include", 1, 1),
    ("location", 1, 2),
    ("proxy_redirect", 1, 2),
    ("proxy_http_version", 1, 1),
    ("proxy_buffering", 1, 1),
    ("add_header", 2, 3),
];

/// Parse one block.
pub fn parse(text: &str) -> NginxFile {
    // As `nginx_lint_parser::parse_string_with_errors`, with the nesting measured on the tokens
    // before the (recursive) parser sees them.
    let tokens = nginx_lint_parser::lexer_rowan::tokenize(text);
    if let Err(offset) = limits::nginx_depth(&tokens) {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        return NginxFile {
            too_complex: Some(TooComplex { range: offset..end, message: limits::too_deep("blocks (`{ … }`)") }),
            ..NginxFile::default()
        };
    }
    let (green, errors) = nginx_lint_parser::parser::parse(tokens);
    let root = nginx_lint_parser::syntax_kind::SyntaxNode::new_root(green);
    let config = nginx_lint_parser::rowan_to_ast::convert(&root, text);
    let mut file = NginxFile::default();
    for error in errors {
        let start = error.offset.min(text.len());
        let end = text[start..].chars().next().map_or(start, |c| start + c.len_utf8());
        file.syntax_errors.push(SyntaxError { range: start..end, message: error.message });
    }
    file.directives = convert(&config.items);
    let mut argument_errors = Vec::new();
    walk(&file.directives, &mut |d| {
        if let Some(&(_, min, max)) = ARGUMENTS.iter().find(|(name, _, _)| *name == d.name) {
            let location_block = d.name == "location" && d.children.is_some();
            if !location_block && (d.args.len() < min || d.args.len() > max) {
                let hint = if d.args.len() > max { "; is the `;` at the end of the line missing?" } else { "" };
                argument_errors.push(SyntaxError {
                    range: d.range.clone(),
                    message: format!("invalid number of arguments in \"{}\" ({} given){hint}", d.name, d.args.len()),
                });
            }
        }
    });
    file.syntax_errors.extend(argument_errors);
    file
}

fn convert(items: &[ConfigItem]) -> Vec<Directive> {
    items
        .iter()
        .filter_map(|item| match item {
            ConfigItem::Directive(d) => Some(directive(d)),
            _ => None,
        })
        .collect()
}

fn directive(d: &AstDirective) -> Directive {
    // The parser splits `https://$host$request_uri` into touching pieces; nginx sees one word.
    let mut args: Vec<Arg> = Vec::new();
    for a in &d.args {
        let text = if a.is_quoted() { a.as_str().to_string() } else { a.raw.clone() };
        let range = a.span.start.offset..a.span.end.offset;
        match args.last_mut() {
            Some(last) if last.range.end == range.start => {
                last.text.push_str(&text);
                last.range.end = range.end;
            }
            _ => args.push(Arg { text, range }),
        }
    }
    Directive {
        name: d.name.clone(),
        name_range: d.name_span.start.offset..d.name_span.end.offset,
        args,
        range: d.span.start.offset..d.span.end.offset,
        children: d.block.as_ref().map(|b| convert(&b.items)),
    }
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
    fn an_unclosed_block_is_a_syntax_error() {
        assert!(!parse("server {\n    listen 443 ssl;\n").syntax_errors.is_empty());
    }
}
