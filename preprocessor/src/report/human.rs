//! Terminal output: rustc-style snippets at the checked files' own lines (a book's chapters, or
//! the files `lint` reads).

use std::borrow::Cow;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::check::Checked;
use crate::diagnostic::Diagnostic;
use crate::extract::Block;
use crate::finding::Severity;
use crate::report::escape;
use crate::secret::is_secret_name;

/// Render the diagnostics and a summary line. By default only what fails or warns (errors and
/// warnings that no `expect=` asked for): a contributor who broke one block sees that block's
/// finding, not the guide's dozens of mistakes shown on purpose. When a block of the main
/// deployment has an error, what the variants and deliberately wrong blocks (each checked on top
/// of the main deployment) report is its consequence, so it is counted, not printed: the cause
/// comes first. `verbose` lists every diagnostic, expected findings and infos included. What fails
/// the build is decided elsewhere and is the same either way.
pub fn render(checked: &Checked, color: bool, verbose: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let main_broken =
        checked.diagnostics.iter().any(|d| is_error(d) && block_of(d, checked).is_some_and(Block::is_main));
    let shown = |d: &Diagnostic| {
        let consequence = main_broken && block_of(d, checked).is_some_and(|b| !b.is_main());
        verbose || (is_shown_by_default(d) && !consequence)
    };
    let mut out = String::new();
    // Each file masked once, before any snippet is cut from it: a secret's value below its key
    // (a block scalar, a value on the next line) is masked only where its key is read too, and a
    // snippet may start below it. Masking keeps every offset, so a snippet is a slice of the
    // masked text. A chapter is masked block by block (its prose is the book's own, and a
    // value one block leaves open must not run on into the next); any other file whole.
    let mut fences: std::collections::HashMap<usize, Vec<Range<usize>>> = std::collections::HashMap::new();
    for block in checked.blocks.iter().filter(|block| !block.fence.is_empty()) {
        fences.entry(block.chapter_source.0).or_default().push(block.fence.clone());
    }
    let mut masked: std::collections::HashMap<usize, Cow<'_, str>> = std::collections::HashMap::new();
    for d in checked.diagnostics.iter().filter(|d| shown(d)) {
        let source = d.site.source;
        let text = masked
            .entry(source.0)
            .or_insert_with(|| mask_blocks(&checked.sources.get(source).text, fences.get_mut(&source.0)));
        out.push_str(&render_one(d, checked, text, &renderer));
        out.push_str("\n\n");
    }
    let consequences = checked.diagnostics.iter().filter(|d| is_shown_by_default(d) && !shown(d)).count();
    let hidden = !verbose && checked.diagnostics.iter().any(|d| !is_shown_by_default(d));
    if consequences > 0 {
        out.push_str(&format!(
            "{consequences} more error{s} and warning{s} in variants and deliberately wrong blocks, \
             which are checked on top of the main deployment: fix the error above first (--verbose lists them)\n",
            s = if consequences == 1 { "" } else { "s" }
        ));
    }
    out.push_str(&summary_line(checked, hidden));
    out.push('\n');
    out
}

/// What a default run prints: a finding that fails or warns.
fn is_shown_by_default(d: &Diagnostic) -> bool {
    !d.expected && matches!(d.severity, Severity::Error | Severity::Warning)
}

fn is_error(d: &Diagnostic) -> bool {
    !d.expected && d.severity == Severity::Error
}

/// The block a diagnostic is about (none for a book-level one, such as an allow comment's).
fn block_of<'a>(d: &Diagnostic, checked: &'a Checked) -> Option<&'a Block> {
    d.block.as_ref().and_then(|b| checked.blocks.get(b.id.0))
}

fn render_one(d: &Diagnostic, checked: &Checked, masked: &str, renderer: &Renderer) -> String {
    let file = checked.sources.get(d.site.source);
    // The snippet shows the primary place and the secondary ones near it (all in this file); a
    // secondary place further away is named in a note, or every finding would show the lines
    // between (a file's length each, for findings that share one far-away place).
    let near = |r: &&crate::diagnostic::Related| {
        r.start.line.abs_diff(d.start.line) <= NEAR_LINES && r.end.line.abs_diff(d.end.line) <= NEAR_LINES
    };
    let first = d.related.iter().filter(near).map(|r| r.start.line).fold(d.start.line, usize::min);
    let last = d.related.iter().filter(near).map(|r| r.end.line).fold(d.end.line.max(d.start.line), usize::max);
    let lines = file.line_range(first).start..file.line_range(last).end;
    // A secret's value never reaches the terminal or a CI log whole (a finding on
    // `SECRET_KEY=…` shows its line: `masked` is the file with secrets masked); then the book's
    // text reaches a terminal: its control characters are shown, never sent.
    let (source, shown) = escape::plain_source(&masked[lines.clone()]);
    let span_start = shown(d.site.range.start.clamp(lines.start, lines.end) - lines.start);
    let span_end = shown(d.site.range.end.clamp(lines.start, lines.end) - lines.start);
    let level = match (d.expected, d.severity) {
        (true, _) => Level::NOTE,
        (false, Severity::Error) => Level::ERROR,
        (false, Severity::Warning) => Level::WARNING,
        (false, Severity::Info) => Level::INFO,
    };
    let message = escape::plain(&d.message);
    let title = if d.expected {
        format!("{message} (expected: this block shows the mistake on purpose)")
    } else {
        message.into_owned()
    };
    let path = escape::plain(&d.path);
    let related: Vec<(std::ops::Range<usize>, String)> = d
        .related
        .iter()
        .filter(near)
        .map(|r| {
            let span = shown(r.site.range.start.clamp(lines.start, lines.end) - lines.start)
                ..shown(r.site.range.end.clamp(lines.start, lines.end) - lines.start);
            (span, escape::plain(&r.label).into_owned())
        })
        .collect();
    let label = if d.expected { "expected here" } else { "here" };
    let report = [
        level.primary_title(title).id(d.rule).element(
            Snippet::source(source.as_ref())
                .line_start(first)
                .path(path.as_ref())
                .annotation(AnnotationKind::Primary.span(span_start..span_end).label(label))
                .annotations(
                    related.iter().map(|(span, label)| AnnotationKind::Context.span(span.clone()).label(label)),
                ),
        ),
        Group::with_title(Level::HELP.secondary_title(escape::plain(&d.help))),
    ];
    let far: Vec<String> = d
        .related
        .iter()
        .filter(|r| !near(r))
        .map(|r| format!("{}: {path}:{}:{}", escape::plain(&r.label), r.start.line, r.start.column))
        .collect();
    let notes: Vec<Group<'_>> =
        far.iter().map(|n| Group::with_title(Level::NOTE.secondary_title(n.as_str()))).collect();
    let report: Vec<Group<'_>> = report.into_iter().chain(notes).collect();
    renderer.render(&report)
}

/// A file's text with secrets masked ([`mask_secret_values`]): within each of `blocks` (a
/// chapter's fenced blocks) on its own, or the whole text when it has none. Linear in the text.
fn mask_blocks<'a>(text: &'a str, blocks: Option<&mut Vec<Range<usize>>>) -> Cow<'a, str> {
    let Some(blocks) = blocks else { return mask_secret_values(text) };
    blocks.sort_by_key(|block| block.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for block in blocks.iter() {
        // A block nested in another was masked with it.
        let start = block.start.max(at).min(text.len());
        let end = block.end.min(text.len()).max(start);
        out.push_str(&text[at..start]);
        out.push_str(&mask_secret_values(&text[start..end]));
        at = end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// How many lines from the primary place a secondary one may be to be drawn in its snippet.
const NEAR_LINES: usize = 12;

/// The text with the value of every line that assigns a secret-named setting or variable
/// replaced by `*`, byte for byte (so that every offset into it stays where it was): an env
/// line (`NAME=value`, `export NAME=value`, a name and a blank where the `=` was forgotten), a
/// compose `environment:` entry (`- NAME=value`, `- "NAME=value"`, `NAME: value`, a flow
/// mapping or sequence, a value on the lines below its key or in a block scalar), a Python
/// assignment, keyword, subscript or dict item (`SECRET_KEY = '…'`, `A = SECRET_KEY = '…'`,
/// `PASSWORD='…'`, `DATABASE['PASSWORD'] = '…'`, `'PASSWORD': '…'`, a value in brackets,
/// triple quotes or `\`-continued lines over lines, every literal of an expression), and such a
/// line commented out. A quoted value keeps its quotes (and is read past its escapes, `\"` and
/// `''`); a reference alone (`${VAR}`, `$VAR`) and a reading call's first argument
/// (`environ.get('NAME', …)`, `_read_secret('name', …)`: where the secret is read from) show no
/// secret and are kept, while a default (`${VAR:-…}`, a call's other arguments) is masked.
/// Where the syntax is unclear, more is masked, never less. Linear in the text.
pub fn mask_secret_values(text: &str) -> Cow<'_, str> {
    let mut masked: Option<String> = None;
    let mut start = 0;
    // What a secret's value left open at the end of the previous line: its lines are masked.
    let mut then = After::Nothing;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start().len();
        let mut hidden: Vec<Range<usize>> = Vec::new();
        // The lines the value goes on over.
        match then {
            After::Quote(quote) => {
                let end = closing_quote(body, 0, quote);
                hidden.push(0..end.unwrap_or(body.len()));
                if end.is_some() {
                    then = After::Nothing;
                }
            }
            After::Triple(quote) => {
                let end = body.find(triple(quote));
                hidden.push(0..end.unwrap_or(body.len()));
                if end.is_some() {
                    then = After::Nothing;
                }
            }
            // A comment between a YAML key and its value does not end it.
            After::Below(key) if indent > key || body.trim().is_empty() || body.trim_start().starts_with('#') => {
                if !body.trim_start().starts_with('#') {
                    hidden.push(indent..body.len());
                }
            }
            After::Bracket { open, close, depth } => {
                let (end, depth) = bracket_close(body, 0, open, close, depth);
                hidden.push(0..end.unwrap_or(body.len()));
                then = if end.is_some() { After::Nothing } else { After::Bracket { open, close, depth } };
            }
            After::NextLine => {
                hidden.push(0..body.len());
                if !body.trim_end().ends_with('\\') {
                    then = After::Nothing;
                }
            }
            After::Below(_) | After::Nothing => then = After::Nothing,
        }
        if hidden.is_empty() {
            let mut scanned = 0;
            if let Some(secret) = secret_value(body) {
                then = secret.then;
                scanned = secret.value_at;
                hidden.extend(secret.hidden);
            }
            // Further on the line, the values of secret-named keys: a dict, flow collection or
            // keyword list on one line (`{'NAME': 'netbox', 'PASSWORD': '…'}`, `{SKIP: "x",
            // DB_PASSWORD: y}`, `[A=1, DB_PASSWORD=y]`, `dict(PASSWORD='…')`), a chained,
            // subscript or later assignment (`A = SECRET_KEY = …`, `DATABASE['PASSWORD'] = …`,
            // `DEBUG = True; SECRET_KEY = …`), unless a value left open takes the rest.
            if then == After::Nothing || matches!(then, After::Below(_)) {
                let from = hidden
                    .iter()
                    .map(|range| range.end + usize::from(matches!(body.as_bytes().get(range.end), Some(b'\'' | b'"'))))
                    .max()
                    .unwrap_or(0)
                    .max(scanned);
                let (items, after) = named_values(body, from);
                hidden.extend(items);
                if after != After::Nothing {
                    then = after;
                }
            }
            hidden.sort_by_key(|range| range.start);
        }
        if hidden.iter().all(|range| range.is_empty()) {
            if let Some(out) = masked.as_mut() {
                out.push_str(line);
            }
        } else {
            let out = masked.get_or_insert_with(|| text[..start].to_string());
            let mut at = 0;
            for value in hidden {
                // Ranges found twice are masked once.
                let from = value.start.max(at);
                if from >= value.end {
                    continue;
                }
                out.push_str(&line[at..from]);
                // One `*` per byte: offsets after it stay valid.
                out.extend(std::iter::repeat_n('*', value.end - from));
                at = value.end;
            }
            out.push_str(&line[at..]);
        }
        start += line.len();
    }
    masked.map_or(Cow::Borrowed(text), Cow::Owned)
}

/// Where a secret's value goes on after its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    /// Nowhere.
    Nothing,
    /// To the line that closes this quote (a PEM key in quotes).
    Quote(char),
    /// To the line that closes this triple quote (Python's `"""`).
    Triple(char),
    /// Over the lines indented deeper than the key's column (YAML: a value on the next line, a
    /// block scalar, a plain scalar's continuation; comment lines between are skipped).
    Below(usize),
    /// To the line that closes this bracket, `depth` of them open (`SECRET_KEY = (` … `)`).
    Bracket { open: u8, close: u8, depth: usize },
    /// Over the next line (a line ending in `\`), and on while each ends in one.
    NextLine,
}

/// A secret-named assignment's value on its line.
struct SecretValue {
    /// The parts of the line to hide.
    hidden: Vec<Range<usize>>,
    /// Where its value starts: the line is read for more names after it.
    value_at: usize,
    /// Where the value goes on.
    then: After,
}

/// Where, in a line (without its line end), the value of the secret-named assignment that
/// begins it is.
fn secret_value(body: &str) -> Option<SecretValue> {
    let blanks = |from: usize| from + (body[from..].len() - body[from..].trim_start().len());
    // A byte order mark before the first line's name (compose-go's dotenv drops it).
    let mut at = blanks(body.strip_prefix('\u{feff}').map_or(0, |_| '\u{feff}'.len_utf8()));
    let mut listed = false;
    for prefix in ["- ", "export ", "export\t"] {
        if body[at..].starts_with(prefix) {
            listed |= prefix == "- ";
            at = blanks(at + prefix.len());
        }
    }
    let key_column = at;
    let quote = body[at..].chars().next().filter(|c| matches!(c, '\'' | '"'));
    let name_at = at + quote.map_or(0, char::len_utf8);
    let name_len = name_length(body, name_at);
    let name = &body[name_at..name_at + name_len];
    if name.is_empty() || !is_secret_name(name) {
        return None;
    }
    at = name_at + name_len;
    if let Some(q) = quote {
        // `- "DB_PASSWORD=value"`: one quoted string holds the name and the value.
        if body[at..].starts_with('=') {
            let end = closing_quote(body, at + 1, q);
            let then = if end.is_none() { After::Quote(q) } else { After::Nothing };
            let hidden = std::iter::once(at + 1..end.unwrap_or(body.len())).collect();
            return Some(SecretValue { hidden, value_at: at + 1, then });
        }
        body[at..].strip_prefix(q)?;
        at += q.len_utf8();
    }
    let after_name = blanks(at);
    let (separator, value_at) = match body[after_name..].chars().next() {
        Some(c @ ('=' | ':')) => (c, blanks(after_name + 1)),
        // `NAME value`: a blank where the `=` was forgotten.
        Some(_) if after_name > at => (' ', after_name),
        _ => return None,
    };
    // YAML (`NAME:`, a list item `- NAME=value`) goes on over the lines indented deeper than
    // its key; env files and Python (`NAME=`) do not.
    let below = if separator == ':' || listed { After::Below(key_column) } else { After::Nothing };
    let (hidden, then) = value_parts(body, value_at, body.len());
    let then = if then == After::Nothing { below } else { then };
    Some(SecretValue { hidden, value_at, then })
}

/// How long the name at byte `at` is: letters, digits, `_` and `-`.
fn name_length(body: &str, at: usize) -> usize {
    body[at..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).unwrap_or(body.len() - at)
}

/// The parts of a secret's value, from byte `at` of a line up to `end` (the line's end, or the
/// end of an item in a collection), to hide, and where it goes on.
fn value_parts(body: &str, at: usize, end: usize) -> (Vec<Range<usize>>, After) {
    let value = &body[at..end];
    let Some(first) = value.chars().next() else { return (Vec::new(), After::Nothing) };
    let continued = if body.trim_end().ends_with('\\') { After::NextLine } else { After::Nothing };
    // Python's triple quotes.
    for q in ['"', '\''] {
        if value.starts_with(triple(q)) {
            return match body[at + 3..].find(triple(q)) {
                Some(close) => (std::iter::once(at + 3..at + 3 + close).collect(), continued),
                None => (std::iter::once(at + 3..body.len()).collect(), After::Triple(q)),
            };
        }
    }
    if matches!(first, '\'' | '"') {
        // Every literal of the expression (`'a' 'b'`, `'a' + 'b'`, `'a' if X else 'b'`), to a
        // comment.
        let mut hidden = Vec::new();
        let mut i = at;
        while i < end {
            match body.as_bytes()[i] {
                q @ (b'\'' | b'"') => match closing_quote(body, i + 1, q as char) {
                    Some(close) => {
                        hidden.push(i + 1..close);
                        i = close + 1;
                    }
                    None => {
                        hidden.push(i + 1..body.len());
                        return (hidden, After::Quote(q as char));
                    }
                },
                b'#' => break,
                _ => i += 1,
            }
        }
        return (hidden, continued);
    }
    let indicator = value.split(" #").next().unwrap_or("").trim_end();
    // A block scalar (`|`, `>-`, `|2`): the value is on the lines below.
    if indicator.starts_with(['|', '>']) && indicator[1..].bytes().all(|b| matches!(b, b'-' | b'+' | b'0'..=b'9')) {
        return (std::iter::once(at..at + indicator.len()).collect(), After::Nothing);
    }
    if indicator == "\\" {
        return (Vec::new(), After::NextLine);
    }
    // Brackets (`(`, `[`, `{`), to where they close, over lines if need be.
    if let Some(close) = match first {
        '(' => Some(b')'),
        '[' => Some(b']'),
        '{' => Some(b'}'),
        _ => None,
    } {
        let (closed, depth) = bracket_close(body, at + 1, first as u8, close, 1);
        return match closed {
            Some(close_at) => (std::iter::once(at + 1..close_at).collect(), continued),
            None => (std::iter::once(at + 1..body.len()).collect(), After::Bracket { open: first as u8, close, depth }),
        };
    }
    if is_reference(indicator.trim_end_matches(',')) || is_blueprint_reference(indicator) {
        return (Vec::new(), After::Nothing);
    }
    if let Some(arguments) = reading_call(value) {
        // The callee and its first argument (a variable's or a secret file's name) are kept.
        let open = at + arguments;
        let (closed, depth) = bracket_close(body, open + 1, b'(', b')', 1);
        let first_end = first_argument_end(body, open + 1, closed.unwrap_or(body.len()));
        return match closed {
            Some(close_at) => (std::iter::once(first_end..close_at).collect(), continued),
            None => {
                (std::iter::once(first_end..body.len()).collect(), After::Bracket { open: b'(', close: b')', depth })
            }
        };
    }
    let plain_end = value.find(" #").unwrap_or(value.len());
    let plain_end = value[..plain_end].trim_end().trim_end_matches(',').len();
    (std::iter::once(at..at + plain_end).collect(), continued)
}

/// A triple quote of `q`.
fn triple(q: char) -> &'static str {
    if q == '"' { "\"\"\"" } else { "\'\'\'" }
}

/// From byte `from`, where the bracket `close` brings `depth` open brackets to none (quoted
/// text skipped), and the depth at the line's end when it does not.
fn bracket_close(body: &str, from: usize, open: u8, close: u8, mut depth: usize) -> (Option<usize>, usize) {
    let bytes = body.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b if b == close => {
                depth -= 1;
                if depth == 0 {
                    return (Some(i), 0);
                }
            }
            b if b == open => depth += 1,
            q @ (b'\'' | b'"') => i = closing_quote(body, i + 1, q as char).unwrap_or(body.len()),
            _ => {}
        }
        i += 1;
    }
    (None, depth)
}

/// Where a call's first argument ends, from byte `from` (after its `(`): after its closing
/// quote when it is quoted, else at the first `,`; `from` itself when there is none.
fn first_argument_end(body: &str, from: usize, close: usize) -> usize {
    let start = from + (body[from..close].len() - body[from..close].trim_start().len());
    match body.as_bytes().get(start) {
        Some(&q @ (b'\'' | b'"')) => closing_quote(body, start + 1, q as char).map_or(close, |end| end + 1).min(close),
        _ => body[start..close].find(',').map_or(start, |comma| start + comma),
    }
}

/// Whether a value is a reference alone, `${NAME}` or `$NAME`, which shows no secret (a default,
/// `${NAME:-…}`, may be one, and `$$` is a literal `$`).
fn is_reference(value: &str) -> bool {
    let name = match value.strip_prefix("${") {
        Some(inner) => inner.strip_suffix('}'),
        None => value.strip_prefix('$'),
    };
    name.is_some_and(|name| {
        name.starts_with(|c: char| c == '_' || c.is_ascii_alphabetic())
            && name.bytes().all(|b| b == b'_' || b.is_ascii_alphanumeric())
    })
}

/// Whether a value is an Authentik blueprint's reference to another object or a variable
/// (`!KeyOf id`, `!Find [model, [field, value]]`, `!Env NAME`), which holds no secret of its own
/// and is what a finding on a provider's key is about. `!Env [NAME, default]` may hold one.
fn is_blueprint_reference(value: &str) -> bool {
    value.starts_with("!KeyOf ")
        || value.starts_with("!Find ")
        || value.strip_prefix("!Env ").is_some_and(|name| !name.trim_start().starts_with('['))
}

/// The offset of the `(` of a call that reads a secret from elsewhere (`environ.get('X', …)`,
/// `os.getenv('X')`, `_read_secret('name', …)`, netbox-docker's `_environ_get_and_map`), where
/// the first argument names the source; `None` for any other value (`str('…')`, `b64decode(…)`,
/// `Pass(word)`), which is masked.
fn reading_call(value: &str) -> Option<usize> {
    let name = value.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.')).unwrap_or(value.len());
    value[name..].starts_with('(').then_some(())?;
    let callee = value[..name].rsplit('.').next().unwrap_or("");
    matches!(callee, "get" | "getenv" | "_read_secret" | "read_secret" | "_environ_get_and_map" | "env").then_some(name)
}

/// The byte at which a quoted value that starts before `from` closes (the closing quote), read
/// past a backslash's escape (`\"`, Python's `\'`) and a doubled quote (YAML's `''`); `None`
/// when the line does not close it. Where a syntax has no such escape, more is masked.
fn closing_quote(body: &str, from: usize, quote: char) -> Option<usize> {
    let bytes = body.as_bytes();
    let q = quote as u8;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == q && bytes.get(i + 1) == Some(&q) => i += 2,
            b if b == q => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// Where an unquoted value in a flow collection or argument list ends: at the next `,`, `;` or
/// closing bracket outside parentheses and quotes, else the line's end.
fn unquoted_end(body: &str, from: usize) -> usize {
    let bytes = body.as_bytes();
    let mut depth = 0usize;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'(' => depth += 1,
            b')' if depth > 0 => depth -= 1,
            b'\'' | b'"' => {
                i = closing_quote(body, i + 1, bytes[i] as char).unwrap_or(body.len());
            }
            // `${NAME}`: its brace is no closing bracket.
            b'$' if bytes.get(i + 1) == Some(&b'{') => {
                i = body[i..].find('}').map_or(body.len(), |close| i + close);
            }
            b',' | b';' | b'}' | b']' | b')' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    body.len()
}

/// From byte `from` of a line, the values of every secret-named name followed by `=` or `:`
/// (a quote or `]` between, blanks around): a dict item (`'PASSWORD': …`), a flow collection's
/// item (`DB_PASSWORD: y`, `DB_PASSWORD=y`), a keyword (`PASSWORD = '…'`), a chained, subscript
/// or later assignment. A value runs as [`value_parts`] reads it, a plain one to the item's end;
/// what is left open on the line goes on. Linear in the line.
fn named_values(body: &str, from: usize) -> (Vec<Range<usize>>, After) {
    let bytes = body.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    let mut hidden = Vec::new();
    let mut i = from.min(body.len());
    while i < bytes.len() {
        if !(bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') || (i > 0 && word(bytes[i - 1])) {
            i += 1;
            continue;
        }
        let name_end = i + name_length(body, i);
        let mut j = name_end;
        while matches!(bytes.get(j), Some(b'\'' | b'"' | b']' | b' ' | b'\t')) {
            j += 1;
        }
        let assigns = match bytes.get(j) {
            Some(b'=') => !matches!(bytes.get(j + 1), Some(b'=' | b'>')),
            Some(b':') => matches!(bytes.get(j + 1), None | Some(b' ' | b'\t' | b'\'' | b'"')),
            _ => false,
        };
        if !assigns || !is_secret_name(&body[i..name_end]) {
            i = name_end.max(i + 1);
            continue;
        }
        let value_at = j + 1 + (body[j + 1..].len() - body[j + 1..].trim_start().len());
        if value_at >= body.len() {
            // The value is on the next line (`'PASSWORD':` at a line's end).
            return (hidden, After::NextLine);
        }
        // A bracket runs to where it closes; anything else to the item's end (a `,` or a
        // closing bracket outside quotes: `'PASSWORD': 'x', 'HOST': 'db'` shows the host).
        let opens = matches!(bytes[value_at], b'(' | b'[' | b'{');
        let item_end = if opens { body.len() } else { unquoted_end(body, value_at) };
        let (parts, after) = value_parts(body, value_at, item_end);
        let last = parts.iter().map(|part| part.end).max();
        hidden.extend(parts);
        if after != After::Nothing {
            return (hidden, after);
        }
        // Past the value: after its last part (and its closing quote or bracket), or the item.
        i = if opens { last.map_or(value_at + 1, |end| end + 1) } else { item_end.max(i + 1) };
    }
    (hidden, After::Nothing)
}

/// `mdbook-configcheck: 1 error, 0 warnings, 2 infos in 49 checked blocks; 74 expected findings
/// shown on purpose (--verbose lists them)`: the hint when `hidden` findings were not printed.
pub fn summary_line(checked: &Checked, hidden: bool) -> String {
    let s = checked.summary();
    let expected = checked.diagnostics.iter().filter(|d| d.expected).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut line = format!(
        "mdbook-configcheck: {}, {}, {} in {}",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info"),
        plural(s.blocks, if checked.of_files { "checked file" } else { "checked block" }),
    );
    if expected > 0 {
        line.push_str(&format!("; {} shown on purpose", plural(expected, "expected finding")));
    }
    if hidden {
        line.push_str(if s.infos > 0 && expected > 0 {
            " (--verbose lists them and the infos)"
        } else if s.infos > 0 {
            " (--verbose lists the infos)"
        } else {
            " (--verbose lists them)"
        });
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A secret whose quotes run over lines (a PEM key) is masked on every line up to its
    /// closing quote; the line after it is shown.
    #[test]
    fn a_secret_over_lines_is_masked_to_its_closing_quote() {
        let text = "OIDC_PRIVATE_KEY=\"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\n-----END PRIVATE KEY-----\"\nDEBUG=true\n";
        let masked = mask_secret_values(text);
        assert_eq!(masked.len(), text.len());
        assert!(!masked.contains("BEGIN") && !masked.contains("MIIE") && !masked.contains("END"), "{masked}");
        assert!(masked.ends_with("*\"\nDEBUG=true\n"), "{masked}");
    }

    #[test]
    fn the_values_of_urls_and_module_names_are_shown_and_items_on_one_line_masked() {
        let text = "SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://kc/realms/r/protocol/openid-connect/token'\n    \"netbox_secrets\": {},\nDATABASE = {'NAME': 'netbox', 'PASSWORD': 'J5br\\'Hr', 'HOST': 'db'}\n    'netbox_x': {\"api_token\": \"Zt9K\"},\nSECRET_KEY = 'Hq7W'  # 'PASSWORD': 'p4ss'\n";
        let masked = mask_secret_values(text);
        assert_eq!(masked.len(), text.len());
        for shown in [
            "'https://kc/realms/r/protocol/openid-connect/token'",
            "\"netbox_secrets\": {},",
            "'NAME': 'netbox', 'PASSWORD': '********', 'HOST': 'db'}",
            "{\"api_token\": \"****\"}",
            "SECRET_KEY = '****'  # 'PASSWORD': '****'",
        ] {
            assert!(masked.contains(shown), "{shown} in:\n{masked}");
        }
    }

    /// The review's shapes (each printed a password whole): a value with `(` in it, a quoted
    /// list item, a flow mapping, a value below its key or in a block scalar, escaped quotes.
    #[test]
    fn secrets_in_less_common_shapes_are_masked() {
        let cases = [
            ("DB_PASSWORD=Ch4nged(0nly)here\n", "Ch4nged"),
            ("SECRET_KEY=h3k(9x)q_w+2=zv@l*1b\n", "h3k"),
            ("REDIS_CACHE_PASSWORD=x)9nLGnz(q3N4z1k\n", "9nLG"),
            ("      - \"DB_PASSWORD=Ch4nged-0nly-here\"\n", "Ch4nged"),
            ("    environment: {SKIP_SUPERUSER: \"false\", DB_PASSWORD: Ch4nged-0nly-here}\n", "Ch4nged"),
            ("    environment: {DB_PASSWORD: 'Ch4nged-0nly-here', X: y}\n", "Ch4nged"),
            ("      DB_PASSWORD:\n        Ch4nged-0nly-here\n      DB_HOST: postgres\n", "Ch4nged"),
            ("      DB_PASSWORD: >-\n        Ch4nged-0nly-here\n", "Ch4nged"),
            ("      SECRET_KEY: |\n        line-0ne-of-it\n        line-tw0-of-it\n", "-of-it"),
            ("      DB_PASSWORD: 'Ch4ng''ed-0nly-here'\n", "0nly"),
            ("DB_PASSWORD=\"Ch4\\\"nged-0nly-here\"\n", "0nly"),
            ("SECRET_KEY = (\n    'first-half-of-key'\n    'second-half'\n)\n", "half"),
        ];
        for (text, secret) in cases {
            let masked = mask_secret_values(text);
            assert_eq!(masked.len(), text.len(), "{text}");
            assert!(!masked.contains(secret), "{secret} in:\n{masked}");
        }
        // The second review's: a flow sequence, an interpolation's default, a call's default,
        // a quoted key with a plain value, keyword arguments, a continued line, parts at column
        // 0, concatenated literals, `$$`, a plain scalar continued.
        for (text, secret) in [
            ("    environment: [DB_HOST=postgres, DB_PASSWORD=Ch4nged-0nly-here, SECRET_KEY=short-key]\n", "Ch4nged"),
            ("    environment: [DB_HOST=postgres, DB_PASSWORD=Ch4nged-0nly-here, SECRET_KEY=short-key]\n", "short-key"),
            ("DB_PASSWORD=${PGPW:-hunter2-from-default}\n", "hunter2"),
            ("    'PASSWORD': os.environ.get('REDIS_PASSWORD', 'hunter2-default-pw'),\n", "hunter2"),
            ("SECRET_KEY = environ.get('SECRET_KEY', 'hunter2-default-key')\n", "hunter2"),
            ("    {\"DB_PASSWORD\": plainvalue, \"X\": 1}\n", "plainvalue"),
            ("DATABASE = dict(NAME='netbox', PASSWORD='hunter2')\n", "hunter2"),
            ("SECRET_KEY = \\\n    'continued-value'\n", "continued"),
            ("SECRET_KEY = (\n'part-one'\n'part-two'\n)\n", "part-"),
            ("SECRET_KEY = 'abc-first' + 'def-second'\n", "def-second"),
            ("SECRET_KEY = 'abc-first' 'def-second'\n", "def-second"),
            ("      DB_PASSWORD: $$ecret-value\n", "ecret-value"),
            ("      DB_PASSWORD: plain-start\n        plain-continued\n", "plain-continued"),
        ] {
            let masked = mask_secret_values(text);
            assert_eq!(masked.len(), text.len(), "{text}");
            assert!(!masked.contains(secret), "{secret} in:\n{masked}");
        }
        // Not too much: an empty env value does not take the lines below; a list item's first
        // key does not take its siblings; a call's first argument names the variable.
        for (text, shown) in [
            ("EMAIL_PASSWORD=\n  EMAIL_SERVER=smtp\nDB_HOST=postgres\n", "  EMAIL_SERVER=smtp\nDB_HOST=postgres\n"),
            ("  - DB_PASSWORD:\n      secret-below\n    DB_HOST: postgres\n", "    DB_HOST: postgres\n"),
            ("SECRET_KEY = environ.get('SECRET_KEY', 'x')\n", "environ.get('SECRET_KEY'"),
        ] {
            let masked = mask_secret_values(text);
            assert!(masked.contains(shown), "{shown} in:\n{masked}");
        }
        // A reading call shows where the secret is read from; its other arguments are masked.
        let masked = mask_secret_values("SECRET_KEY = _read_secret('secret_key', environ.get('SECRET_KEY', 'dflt'))\n");
        assert!(masked.contains("_read_secret('secret_key'") && !masked.contains("dflt"), "{masked}");
        // What follows a value below its key is shown again; a call reads the secret elsewhere.
        let masked = mask_secret_values("      DB_PASSWORD:\n        Ch4nged\n      DB_HOST: postgres\n");
        assert!(masked.ends_with("      DB_HOST: postgres\n"), "{masked}");
        for kept in [
            "SECRET_KEY = os.getenv('NETBOX_SECRET_KEY')\n",
            "    environment: {SKIP_SUPERUSER: \"false\", DB_PASSWORD: ${PW}}\n",
        ] {
            assert_eq!(mask_secret_values(kept), kept);
        }
    }

    /// A chapter is masked block by block: a value one block leaves open (a quote never
    /// closed, shown on purpose) does not run on over the prose and the next block.
    #[test]
    fn a_chapter_is_masked_block_by_block() {
        let first = "```python,check=netbox\nSECRET_KEY = 'never-closed\n```\n";
        let text = format!(
            "{first}Some prose, 'quoted'.\n\n```python,check=netbox\nALLOWED_HOSTS = ['netbox.example.com']\n```\n"
        );
        let second = text.rfind("```python").unwrap();
        let mut blocks = vec![second..text.len(), 0..first.len()];
        let masked = mask_blocks(&text, Some(&mut blocks));
        assert_eq!(masked.len(), text.len());
        assert!(!masked.contains("never-closed"), "{masked}");
        assert!(masked.contains("Some prose, 'quoted'.") && masked.contains("['netbox.example.com']"), "{masked}");
        // A blueprint's reference is shown: a finding on a signing key is about it.
        let key = "      signing_key: !KeyOf netbox-ec-key\n      client_secret: !Env [NB_SECRET, s3cr3t-default]\n";
        let masked = mask_blocks(key, None);
        assert!(masked.contains("!KeyOf netbox-ec-key") && !masked.contains("s3cr3t"), "{masked}");
        // A file that is no chapter is masked whole.
        assert!(!mask_blocks("DB_PASSWORD=hunter2\n", None).contains("hunter2"));
    }

    /// A fourth review's shapes, each printed before.
    #[test]
    fn secrets_in_expressions_continuations_and_later_assignments_are_masked() {
        for (text, secret) in [
            ("DB_PASSWORD=Pass(word)\n", "word"),
            ("SECRET_KEY = str(\"Hq7Wr9Xq2LmZ8pTw\")\n", "Hq7W"),
            ("REDIS_PASSWORD = environ.get(\"REDIS_PASSWORD\", 123456)\n", "123456"),
            ("    environment: [\"DB_HOST=db\", \"DB_PASSWORD=hunter2-flowq\"]\n", "hunter2"),
            ("DATABASE = {'NAME': 'netbox', 'PASSWORD':\n    'hunter2-next'}\n", "hunter2"),
            ("    environment: {DB_HOST: postgres, SECRET_KEY: \"dq-first\n      dq-second\"}\n", "dq-second"),
            ("SECRET_KEY = os.environ.get(\n    \"SECRET_KEY\", \"default-secret-short\"\n)\n", "default-secret"),
            ("SECRET_KEY = ('first-part'\n'second-part')\n", "second-part"),
            ("API_TOKEN_PEPPERS = {1: 'pepper-one',\n2: 'pepper-two-short'}\n", "pepper-two"),
            (
                "SECRET_KEY = (\nos.environ.get(\n'SECRET_KEY', 'fallback'\n    )\n    or 'other-fallback'\n)\n",
                "other-fallback",
            ),
            ("SECRET_KEY = 'first-part' \\\n'second-part'\n", "second-part"),
            ("SECRET_KEY = \\\n'abc' \\\n'def-third-line'\n", "third-line"),
            ("SECRET_KEY = \"\"\"\nabc\"def-after-quote\n\"\"\"\n", "after-quote"),
            ("SECRET_KEY = 'dev-key' if DEBUG else 'prod-key-value'\n", "prod-key"),
            ("A = SECRET_KEY = 'chained-short'\n", "chained"),
            ("DEBUG = True; SECRET_KEY = 'semicolon-short'\n", "semicolon"),
            ("DATABASE['PASSWORD'] = 'subscript-pw'\n", "subscript"),
            ("settings.SECRET_KEY = \"attr-secret\"\n", "attr-secret"),
            ("x = dict(NAME='netbox', PASSWORD = 'spaced-kw')\n", "spaced-kw"),
            ("    environment: {DB_HOST: db, DB_PASSWORD : spaced-colon}\n", "spaced-colon"),
            ("\u{feff}SECRET_KEY=bom-secret-value\n", "bom-secret"),
            ("export\tSECRET_KEY=tab-export-short\n", "tab-export"),
            ("SECRET_KEY:\n# the key\n        comment-col0-short\n", "comment-col0"),
            ("  - SECRET_KEY=plain-first\n        plain-continued\n", "plain-continued"),
            ("# SECRET_KEY = \"commented-old-key\"\n", "commented-old"),
            ("DB-PASSWORD: hyphen-secret\n", "hyphen-secret"),
        ] {
            let masked = mask_secret_values(text);
            assert_eq!(masked.len(), text.len(), "{text}");
            assert!(!masked.contains(secret), "{secret} in:\n{masked}");
        }
        // A bracket that closes at the end of its last line ends the value there.
        let text = "SECRET_KEY = (\n    'a-part'\n    'b-part')\nLOGIN_REQUIRED = 'no'\n";
        assert!(mask_secret_values(text).ends_with("\nLOGIN_REQUIRED = 'no'\n"), "{}", mask_secret_values(text));
    }

    #[test]
    fn secret_values_are_masked_in_every_syntax_and_offsets_stay() {
        let text = "SECRET_KEY=Hq7Wr9Xq2LmZ8pTw\nexport SOCIAL_AUTH_OIDC_SECRET=\"s3cr3t\" # c\n      - DB_PASSWORD=p\u{e4}ssw\u{f6}rd\n      REDIS_PASSWORD: hunter22\nSECRET_KEY = 'abcdefgh'\n    'PASSWORD': 'pw1234',\nSECRET_KEY r9Xq2LmZ8pTw4Vn7\nSOCIAL_AUTH_OIDC_KEY=client-id\nSECRET_KEY = environ.get('SECRET_KEY', '')\nDB_PASSWORD=${PW}\n";
        let masked = mask_secret_values(text);
        assert_eq!(masked.len(), text.len());
        for secret in ["Hq7W", "s3cr3t", "p\u{e4}ss", "hunter22", "abcdefgh", "pw1234", "r9Xq"] {
            assert!(!masked.contains(secret), "{secret} in:\n{masked}");
        }
        for kept in [
            "SECRET_KEY=*",
            "\"******\" # c",
            "SOCIAL_AUTH_OIDC_KEY=client-id",
            "environ.get('SECRET_KEY'",
            "${PW}",
            "'PASSWORD': '******',",
        ] {
            assert!(masked.contains(kept), "{kept} in:\n{masked}");
        }
    }
}
