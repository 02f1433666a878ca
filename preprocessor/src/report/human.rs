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
    // Each file masked once, whole: a secret's value below its key (a block scalar, a value on
    // the next line) is masked only where its key is read too, and a snippet may start below
    // it. Masking keeps every offset, so a snippet is a slice of the masked text.
    let mut masked: std::collections::HashMap<usize, Cow<'_, str>> = std::collections::HashMap::new();
    for d in checked.diagnostics.iter().filter(|d| shown(d)) {
        let source = d.site.source;
        let text = masked.entry(source.0).or_insert_with(|| mask_secret_values(&checked.sources.get(source).text));
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

/// How many lines from the primary place a secondary one may be to be drawn in its snippet.
const NEAR_LINES: usize = 12;

/// The text with the value of every line that assigns a secret-named setting or variable
/// replaced by `*`, byte for byte (so that every offset into it stays where it was): an env
/// line (`NAME=value`, `export NAME=value`, a name and a blank where the `=` was forgotten), a
/// compose `environment:` entry (`- NAME=value`, `- "NAME=value"`, `NAME: value`, a flow
/// mapping's `{NAME: value}` or sequence's `[NAME=value]`, a value on the lines below its key or
/// in a block scalar), a Python assignment, keyword or dict item (`SECRET_KEY = '…'`,
/// `PASSWORD='…'`, `'PASSWORD': '…'`, a value in brackets over lines, concatenated literals). A
/// quoted value keeps its quotes (and is read past its escapes, `\"` and `''`); a reference
/// alone (`${VAR}`, `$VAR`) or a call's first argument (`environ.get('NAME', …)`, a variable's
/// name) shows no secret and is kept, while a default (`${VAR:-…}`, a call's other literals) is
/// masked. Where the syntax is unclear, more is masked, never less. Linear in the text.
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
            After::Below(key) if indent > key || body.trim().is_empty() => hidden.push(indent..body.len()),
            After::Bracket(closer) => {
                let end = body.trim_start().starts_with(closer).then_some(indent);
                hidden.push(indent..end.unwrap_or(body.len()));
                if end.is_some() {
                    then = After::Nothing;
                }
            }
            After::NextLine => {
                hidden.push(indent..body.len());
                then = After::Nothing;
            }
            After::Below(_) | After::Nothing => then = After::Nothing,
        }
        if hidden.is_empty() {
            if let Some(secret) = secret_value(body) {
                then = secret.then;
                hidden.extend(secret.hidden);
            }
            // Further on the line, the values of secret-named keys of a dict, flow mapping or
            // keyword list on one line (`DATABASE = {'NAME': 'netbox', 'PASSWORD': '…'}`,
            // `{SKIP: "x", DB_PASSWORD: y}`, `[A=1, DB_PASSWORD=y]`, `dict(PASSWORD='…')`),
            // unless a value left open takes the rest of the line.
            if !matches!(then, After::Quote(_) | After::Bracket(_) | After::NextLine) {
                // After the value, and after its closing quote.
                let from = hidden
                    .iter()
                    .map(|range| range.end + usize::from(matches!(body.as_bytes().get(range.end), Some(b'\'' | b'"'))))
                    .max()
                    .unwrap_or(0);
                hidden.extend(secret_items(body, from));
                hidden.extend(flow_items(body, from));
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
                // Ranges found twice (a quoted key in a flow mapping) are masked once.
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
    /// Over the lines indented deeper than the key's column (YAML: a value on the next line, a
    /// block scalar, a plain scalar's continuation).
    Below(usize),
    /// To the line that starts with this closing bracket (`SECRET_KEY = (` … `)`).
    Bracket(char),
    /// Over the next line (a line ending in `\`).
    NextLine,
}

/// A secret-named assignment's value on its line.
struct SecretValue {
    /// The parts of the line to hide.
    hidden: Vec<Range<usize>>,
    /// Where the value goes on.
    then: After,
}

/// Where, in a line (without its line end), the value of a secret-named assignment is.
fn secret_value(body: &str) -> Option<SecretValue> {
    let blanks = |from: usize| from + (body[from..].len() - body[from..].trim_start().len());
    let mut at = blanks(0);
    for prefix in ["- ", "export "] {
        if body[at..].starts_with(prefix) {
            at = blanks(at + prefix.len());
        }
    }
    let key_column = at;
    let quote = body[at..].chars().next().filter(|c| matches!(c, '\'' | '"'));
    let name_at = at + quote.map_or(0, char::len_utf8);
    let name_len =
        body[name_at..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(body.len() - name_at);
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
            return Some(SecretValue { hidden: std::iter::once(at + 1..end.unwrap_or(body.len())).collect(), then });
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
    // YAML (`NAME:`) goes on over the lines indented deeper than its key; env files and Python
    // (`NAME=`) do not.
    let below = if separator == ':' { After::Below(key_column) } else { After::Nothing };
    let (hidden, then) = value_parts(body, value_at);
    let then = if then == After::Nothing { below } else { then };
    Some(SecretValue { hidden, then })
}

/// The parts of a secret's value, from byte `at` of a line, to hide, and where it goes on: a
/// quoted value (and literals concatenated to it), a block scalar's indicator or an opening
/// bracket (the value is below), a reference alone (kept), a call (its literals but the first
/// after each `(`), else the plain text to a comment.
fn value_parts(body: &str, at: usize) -> (Vec<Range<usize>>, After) {
    let value = &body[at..];
    let Some(first) = value.chars().next() else { return (Vec::new(), After::Nothing) };
    if matches!(first, '\'' | '"') {
        // `'abc' 'def'`, `'abc' + 'def'`: every literal of the concatenation.
        let mut hidden = Vec::new();
        let mut quote_at = at;
        loop {
            let q = body[quote_at..].chars().next().unwrap_or('"');
            let Some(end) = closing_quote(body, quote_at + 1, q) else {
                hidden.push(quote_at + 1..body.len());
                return (hidden, After::Quote(q));
            };
            hidden.push(quote_at + 1..end);
            let rest = body[end + 1..].trim_start();
            let rest = rest.strip_prefix('+').map_or(rest, str::trim_start);
            if !rest.starts_with(['\'', '"']) {
                return (hidden, After::Nothing);
            }
            quote_at = body.len() - rest.len();
        }
    }
    let indicator = value.split(" #").next().unwrap_or("").trim_end();
    // A block scalar (`|`, `>-`, `|2`): the value is on the lines below.
    if indicator.starts_with(['|', '>']) && indicator[1..].bytes().all(|b| matches!(b, b'-' | b'+' | b'0'..=b'9')) {
        return (std::iter::once(at..at + indicator.len()).collect(), After::Nothing);
    }
    match indicator {
        "(" => return (Vec::new(), After::Bracket(')')),
        "[" => return (Vec::new(), After::Bracket(']')),
        "{" => return (Vec::new(), After::Bracket('}')),
        "\\" => return (Vec::new(), After::NextLine),
        _ => {}
    }
    if is_reference(indicator.trim_end_matches(',')) {
        return (Vec::new(), After::Nothing);
    }
    if is_call(value) {
        return (call_literals(body, at), After::Nothing);
    }
    let end = value.find(" #").unwrap_or(value.len());
    let end = value[..end].trim_end().trim_end_matches(',').len();
    (std::iter::once(at..at + end).collect(), After::Nothing)
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

/// Whether a value is a call (`environ.get('X')`, `_read_secret('x', environ.get('X'))`): a
/// dotted name, `(`, arguments that start with a quote, a name or nothing, and `)` last; it
/// reads the secret from elsewhere. `h3k(9x)q_w` and `Ch4nged(0nly)` (a digit after `(`) are
/// values, masked.
fn is_call(value: &str) -> bool {
    let value = value.split(" #").next().unwrap_or("").trim_end().trim_end_matches(',');
    let name = value.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.')).unwrap_or(value.len());
    let Some(arguments) = value[name..].strip_prefix('(') else { return false };
    name > 0
        && (value.as_bytes()[0].is_ascii_alphabetic() || value.starts_with('_'))
        && value.ends_with(')')
        && arguments.starts_with(|c: char| matches!(c, '\'' | '"' | ')' | '_') || c.is_ascii_alphabetic())
}

/// A call's quoted literals from byte `at` of a line, but the first after each `(`: that one
/// names where the secret is read from (`environ.get('DB_PASSWORD', 'default')`,
/// `_read_secret('db_password', …)`), the others may be the secret (a default). Linear.
fn call_literals(body: &str, at: usize) -> Vec<Range<usize>> {
    let bytes = body.as_bytes();
    let mut hidden = Vec::new();
    let mut first = false;
    let mut i = at;
    while i < bytes.len() {
        match bytes[i] {
            b'(' => {
                first = true;
                i += 1;
            }
            q @ (b'\'' | b'"') => {
                let end = closing_quote(body, i + 1, q as char).unwrap_or(body.len());
                if !first {
                    hidden.push(i + 1..end);
                }
                first = false;
                i = end + 1;
            }
            b' ' | b'\t' => i += 1,
            _ => {
                first = false;
                i += 1;
            }
        }
    }
    hidden
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

/// The quoted string that starts at `at` (a quote) of `body`: its contents' range and whether
/// it closes on this line. A backslash escapes the next character.
fn quoted(body: &str, at: usize) -> (Range<usize>, bool) {
    let quote = body.as_bytes()[at];
    let mut i = at + 1;
    while i < body.len() {
        match body.as_bytes()[i] {
            b'\\' => i += 2,
            b if b == quote => return (at + 1..i, true),
            _ => i += 1,
        }
    }
    (at + 1..body.len(), false)
}

/// From byte `from` of a line, the values that follow a quoted secret-named key and a colon
/// (`'PASSWORD': 'pw'`, `"api_token": "t"`, `"DB_PASSWORD": plain`, `'PASSWORD':
/// environ.get('X', 'default')`), in order; a value the line does not close runs to the line's
/// end. Each string is read once: linear in the line.
fn secret_items(body: &str, from: usize) -> Vec<Range<usize>> {
    let bytes = body.as_bytes();
    let mut hidden = Vec::new();
    let mut at = from.min(body.len());
    while let Some(offset) = body[at..].find(['\'', '"']) {
        let (key, closed) = quoted(body, at + offset);
        if !closed {
            break;
        }
        at = key.end + 1;
        let colon = at + (body[at..].len() - body[at..].trim_start().len());
        if bytes.get(colon) != Some(&b':') || !is_secret_name(&body[key]) {
            continue;
        }
        let value_at = colon + 1 + (body[colon + 1..].len() - body[colon + 1..].trim_start().len());
        if !matches!(bytes.get(value_at), Some(b'\'' | b'"')) {
            let end = unquoted_end(body, value_at);
            let (parts, _) = value_parts(&body[..end], value_at);
            hidden.extend(parts);
            at = end.max(colon + 1);
            continue;
        }
        let (value, closed) = quoted(body, value_at);
        at = if closed { value.end + 1 } else { body.len() };
        hidden.push(value);
    }
    hidden
}

/// Where an unquoted value in a flow collection or argument list ends: at the next `,` or
/// closing bracket outside parentheses (a call's arguments are its own), else the line's end.
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
            b',' | b'}' | b']' | b')' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    body.len()
}

/// From byte `from` of a line, the values of a flow collection's or argument list's unquoted
/// secret-named keys: `{SKIP_SUPERUSER: "false", DB_PASSWORD: hunter2}`, `[DB_HOST=db,
/// DB_PASSWORD=hunter2]`, `dict(NAME='netbox', PASSWORD='x')`: after `{`, `[`, `(` or `,`, a
/// name, then `:` and a blank or `=`; the value runs to its closing quote, or unquoted to the
/// next `,` or closing bracket. Linear in the line.
fn flow_items(body: &str, from: usize) -> Vec<Range<usize>> {
    let bytes = body.as_bytes();
    let mut hidden = Vec::new();
    let mut at = from.min(body.len());
    while let Some(offset) = body[at..].find(['{', '[', '(', ',']) {
        let name_at = at + offset + 1;
        let name_at = name_at + (body[name_at..].len() - body[name_at..].trim_start().len());
        let name_len =
            body[name_at..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(body.len() - name_at);
        at = name_at + name_len;
        if name_len == 0 || !matches!(bytes.get(at), Some(b':' | b'=')) || !is_secret_name(&body[name_at..at]) {
            continue;
        }
        let value_at = at + 1 + (body[at + 1..].len() - body[at + 1..].trim_start().len());
        if value_at >= body.len() {
            break;
        }
        let end = unquoted_end(body, value_at);
        let (parts, _) = value_parts(&body[..end], value_at);
        hidden.extend(parts);
        at = end.max(at + 1);
    }
    hidden
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
            ("SECRET_KEY = environ.get('SECRET_KEY', 'x')\n", "environ.get('SECRET_KEY', '*')"),
        ] {
            let masked = mask_secret_values(text);
            assert!(masked.contains(shown), "{shown} in:\n{masked}");
        }
        // What follows a value below its key is shown again; a call reads the secret elsewhere.
        let masked = mask_secret_values("      DB_PASSWORD:\n        Ch4nged\n      DB_HOST: postgres\n");
        assert!(masked.ends_with("      DB_HOST: postgres\n"), "{masked}");
        for kept in [
            "SECRET_KEY = _read_secret('secret_key', environ.get('SECRET_KEY', ''))\n",
            "SECRET_KEY = os.getenv('NETBOX_SECRET_KEY')\n",
            "    environment: {SKIP_SUPERUSER: \"false\", DB_PASSWORD: ${PW}}\n",
        ] {
            assert_eq!(mask_secret_values(kept), kept);
        }
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
            "environ.get('SECRET_KEY', '')",
            "${PW}",
            "'PASSWORD': '******',",
        ] {
            assert!(masked.contains(kept), "{kept} in:\n{masked}");
        }
    }
}
