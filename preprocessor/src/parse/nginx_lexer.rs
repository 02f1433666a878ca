//! nginx's tokenizer, transcribed from `ngx_conf_read_token` (src/core/ngx_conf_file.c, nginx
//! 1.22.1, unchanged in its logic since long before): one call reads one statement, the words up
//! to a `;`, a `{` or a `}`.
//!
//! Its rules, which a general-purpose parser easily gets wrong:
//! - `#` starts a comment only where a word could start: after blanks, at the start of a line and
//!   right after `;`, `{` or `}` (`listen 80;# {` is a directive and a comment), never inside a
//!   word (`a#b` is one word).
//! - A quote opens a quoted word only at the start of a word (`a"b` is one word); after the
//!   closing quote, a blank, `;` or `{` must follow.
//! - A backslash hides the next character from the tokenizer (`a\;b` is one word); in the word's
//!   value `\"`, `\'` and `\\` lose their backslash, `\t`, `\r` and `\n` become the control
//!   character, any other pair stays as written.
//! - `${` does not end a word at the `{`; `{` and `;` end any unquoted word, `}` does not.
//!
//! `tests/nginx_lexing.rs` compares this reading with nginx's own on generated input.
//!
//! [`Lexer::with_templates`] reads one thing nginx does not: a template's slots (Jinja, as
//! Ansible and Salt render sites), on one line each. `{{ … }}` is part of the word it stands in
//! (its value unknown: the word's text gets a `$` before it, so that it reads as a variable), and
//! `{% … %}` and `{# … #}` are skipped as a comment is. nginx refuses all three (`unexpected "{"`),
//! so no file nginx accepts reads differently.

use std::ops::Range;

/// A word as nginx reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The value nginx uses: quotes removed, escapes resolved.
    pub text: String,
    /// Where it is written, its quotes included.
    pub range: Range<usize>,
    /// It holds a template's slot (see [`Lexer::with_templates`]): its value is not known.
    pub templated: bool,
}

/// How a statement ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// `;`: a simple directive.
    Semicolon,
    /// `{`: a block directive opens.
    BlockStart,
    /// `}`: the enclosing block closes (the statement has no words).
    BlockDone,
    /// The end of the text, between statements.
    FileDone,
}

/// One statement: its words, how it ends and where (the position of the `;`, `{` or `}`, or the
/// text's length).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The words, the directive name first.
    pub words: Vec<Word>,
    /// How it ends.
    pub end: End,
    /// Where it ends.
    pub at: usize,
}

/// A syntax error, with nginx's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexError {
    /// nginx's message (`unexpected "}"`).
    pub message: String,
    /// Where.
    pub range: Range<usize>,
}

/// Reads statements from a text.
pub struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    templates: bool,
}

fn blank(ch: u8) -> bool {
    matches!(ch, b' ' | b'\t' | b'\r' | b'\n')
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Lexer { text, pos: 0, templates: false }
    }

    /// A lexer that also reads a template's slots (see the module's documentation).
    pub fn with_templates(text: &'a str) -> Self {
        Lexer { text, pos: 0, templates: true }
    }

    /// Where a template's slot that opens at `at` ends (past its close, on the same line), and
    /// whether it is an expression (`{{ … }}`) rather than a tag or comment (`{% %}`, `{# #}`).
    fn slot_end(&self, at: usize) -> Option<(usize, bool)> {
        if !self.templates {
            return None;
        }
        let bytes = self.text.as_bytes();
        let close: &[u8] = match (bytes.get(at), bytes.get(at + 1)) {
            (Some(b'{'), Some(b'{')) => b"}}",
            (Some(b'{'), Some(b'%')) => b"%}",
            (Some(b'{'), Some(b'#')) => b"#}",
            _ => return None,
        };
        let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        let inner = &bytes[at + 2..line_end];
        let found = inner.windows(2).position(|w| w == close)?;
        Some((at + 2 + found + 2, close == b"}}"))
    }

    /// The error "unexpected CHAR" at byte `at`.
    fn unexpected(&self, at: usize) -> LexError {
        let shown = self.text.get(at..).and_then(|rest| rest.chars().next()).unwrap_or('?');
        LexError { message: format!("unexpected \"{shown}\""), range: at..at + shown.len_utf8() }
    }

    /// The next statement, as `ngx_conf_read_token` reads it.
    pub fn read_statement(&mut self) -> Result<Statement, LexError> {
        let bytes = self.text.as_bytes();
        let mut words: Vec<Word> = Vec::new();
        let mut need_space = false;
        let mut last_space = true;
        let mut sharp_comment = false;
        let mut variable = false;
        let mut quoted = false;
        let mut s_quoted = false;
        let mut d_quoted = false;
        let mut start = self.pos;
        loop {
            let Some(&ch) = bytes.get(self.pos) else {
                if !words.is_empty() || !last_space {
                    // On the statement left open, where the `;` or `}` is missing, not on the
                    // end of the file after it (corpus case h196).
                    let range = match (words.first(), words.last()) {
                        (Some(first), Some(last)) if last_space => first.range.start..last.range.end,
                        (Some(first), _) => first.range.start..self.pos,
                        _ => self.pos..self.pos,
                    };
                    return Err(LexError {
                        message: "unexpected end of file, expecting \";\" or \"}\"".to_string(),
                        range,
                    });
                }
                return Ok(Statement { words, end: End::FileDone, at: self.pos });
            };
            let here = self.pos;
            self.pos += 1;
            if ch == b'\n' {
                sharp_comment = false;
            }
            if sharp_comment {
                continue;
            }
            if quoted {
                quoted = false;
                continue;
            }
            if need_space {
                if blank(ch) {
                    last_space = true;
                    need_space = false;
                    continue;
                }
                match ch {
                    b';' => return Ok(Statement { words, end: End::Semicolon, at: here }),
                    b'{' => return Ok(Statement { words, end: End::BlockStart, at: here }),
                    // nginx lets `)` follow a quoted word (and starts a new word with it).
                    b')' => {
                        last_space = true;
                        need_space = false;
                    }
                    _ => return Err(self.unexpected(here)),
                }
            }
            if last_space {
                start = here;
                if blank(ch) {
                    continue;
                }
                if let Some((end, expression)) = self.slot_end(here) {
                    self.pos = end;
                    // A tag or comment is skipped; an expression starts a word.
                    last_space = !expression;
                    continue;
                }
                match ch {
                    b';' | b'{' => {
                        if words.is_empty() {
                            return Err(self.unexpected(here));
                        }
                        let end = if ch == b'{' { End::BlockStart } else { End::Semicolon };
                        return Ok(Statement { words, end, at: here });
                    }
                    b'}' => {
                        if !words.is_empty() {
                            return Err(self.unexpected(here));
                        }
                        return Ok(Statement { words, end: End::BlockDone, at: here });
                    }
                    b'#' => sharp_comment = true,
                    b'\\' => {
                        quoted = true;
                        last_space = false;
                    }
                    b'"' => {
                        start += 1;
                        d_quoted = true;
                        last_space = false;
                    }
                    b'\'' => {
                        start += 1;
                        s_quoted = true;
                        last_space = false;
                    }
                    b'$' => {
                        variable = true;
                        last_space = false;
                    }
                    _ => last_space = false,
                }
                continue;
            }
            if ch == b'{' && variable {
                continue;
            }
            if !d_quoted
                && !s_quoted
                && let Some((end, true)) = self.slot_end(here)
            {
                self.pos = end;
                continue;
            }
            variable = false;
            if ch == b'\\' {
                quoted = true;
                continue;
            }
            if ch == b'$' {
                variable = true;
                continue;
            }
            let found = if d_quoted {
                d_quoted = ch != b'"';
                !d_quoted
            } else if s_quoted {
                s_quoted = ch != b'\'';
                !s_quoted
            } else {
                blank(ch) || ch == b';' || ch == b'{'
            };
            if !found {
                continue;
            }
            // A quoted word's range takes in its quotes; its value is between them.
            let is_quoted = ch == b'"' || ch == b'\'';
            if is_quoted {
                need_space = true;
            } else {
                last_space = true;
            }
            let range = if is_quoted { start - 1..here + 1 } else { start..here };
            let mut text = unescape(&bytes[start..here]);
            let templated = self.templates && text.contains("{{") && text.contains("}}");
            if templated {
                text = text.replace("{{", "${{");
            }
            words.push(Word { text, range, templated });
            match ch {
                b';' => return Ok(Statement { words, end: End::Semicolon, at: here }),
                b'{' => return Ok(Statement { words, end: End::BlockStart, at: here }),
                _ => {}
            }
        }
    }
}

/// A word's value: nginx's copy loop in `ngx_conf_read_token`.
fn unescape(raw: &[u8]) -> String {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        if b == b'\\' {
            match raw.get(i + 1) {
                Some(b'"' | b'\'' | b'\\') => i += 1,
                Some(b't') => {
                    out.push(b'\t');
                    i += 2;
                    continue;
                }
                Some(b'r') => {
                    out.push(b'\r');
                    i += 2;
                    continue;
                }
                Some(b'n') => {
                    out.push(b'\n');
                    i += 2;
                    continue;
                }
                _ => {}
            }
        }
        if let Some(&b) = raw.get(i) {
            out.push(b);
        }
        i += 1;
    }
    // Splits happen only at ASCII bytes, so the value is UTF-8 whenever the text is.
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statements(text: &str) -> Vec<(Vec<String>, End)> {
        let mut lexer = Lexer::new(text);
        let mut out = Vec::new();
        loop {
            let s = lexer.read_statement().unwrap();
            let end = s.end;
            out.push((s.words.into_iter().map(|w| w.text).collect(), end));
            if end == End::FileDone {
                return out;
            }
        }
    }

    #[test]
    fn hash_is_a_comment_only_where_a_word_could_start() {
        assert_eq!(
            statements("a b#c;#d }\n}"),
            [(vec!["a".into(), "b#c".into()], End::Semicolon), (vec![], End::BlockDone), (vec![], End::FileDone)]
        );
    }

    #[test]
    fn a_quote_inside_a_word_is_a_character() {
        assert_eq!(statements("a b\"c;")[0].0, ["a", "b\"c"]);
        assert_eq!(Lexer::new("a \"b\"c;").read_statement().unwrap_err().message, "unexpected \"c\"");
    }

    #[test]
    fn a_variable_brace_and_a_closing_brace_stay_in_the_word() {
        assert_eq!(statements("a ${b}c d}e;")[0].0, ["a", "${b}c", "d}e"]);
    }

    #[test]
    fn a_quoted_word_keeps_its_quotes_in_its_range() {
        let text = "a 'b c';";
        let s = Lexer::new(text).read_statement().unwrap();
        assert_eq!(&text[s.words[1].range.clone()], "'b c'");
        assert_eq!(s.words[1].text, "b c");
    }

    #[test]
    fn an_unfinished_statement_at_the_end_is_an_error() {
        assert!(Lexer::new("a b").read_statement().is_err());
        assert!(Lexer::new("a \"b;").read_statement().is_err());
    }

    /// A template's slots: `{{ … }}` is part of its word, read as a variable; `{% … %}` and
    /// `{# … #}` are skipped; without templates, nginx's reading (`{` opens a block).
    #[test]
    fn template_slots_in_words_and_tags_skipped() {
        let text = "{% if tls %}\nalias {{ base }}/static/;\nserver_name a{{ x }} \"{{ q }}\";\n{# note #}\n";
        let mut lexer = Lexer::with_templates(text);
        let first = lexer.read_statement().unwrap();
        let words: Vec<(&str, bool)> = first.words.iter().map(|w| (w.text.as_str(), w.templated)).collect();
        assert_eq!(words, [("alias", false), ("${{ base }}/static/", true)]);
        assert_eq!(&text[first.words[1].range.clone()], "{{ base }}/static/");
        let second = lexer.read_statement().unwrap();
        let words: Vec<&str> = second.words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(words, ["server_name", "a${{ x }}", "${{ q }}"]);
        assert_eq!(lexer.read_statement().unwrap().end, End::FileDone);
        assert!(Lexer::new("alias {{ base }};").read_statement().is_ok_and(|s| s.end == End::BlockStart));
    }
}
