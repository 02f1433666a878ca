//! One escaping function per context that text from a book reaches: [`html`] for the findings box
//! and the verification notes in an HTML page, [`markdown`] for other renderers, [`plain`] for
//! terminals and CI logs (and [`plain_source`] for the source lines a terminal snippet quotes).
//!
//! A book is untrusted input, and so is everything derived from it: values quoted in messages,
//! file names, the verification record. Whatever it holds, the text stays text:
//! - no line break survives in HTML or Markdown, so a blank line can never end the box's HTML
//!   block (what followed would be read as Markdown, e.g. a live `javascript:` link), nor a
//!   blockquote, nor a list item;
//! - no `{{` survives in a page, because mdBook's `links` preprocessor runs after this one and
//!   expands `{{#include …}}` wherever it appears in the raw text;
//! - no control character (C0, DEL, C1) and no bidirectional override reaches any output: in a
//!   terminal or CI log they move the cursor, ring the bell or reorder what the reader sees.

use std::borrow::Cow;

/// What a character that must not reach an output becomes, if it is one: C0 controls and DEL as
/// their visible Control Pictures (`␛` for ESC, as rustc shows them), C1 controls and the bidi
/// overrides as `�`.
fn neutral(c: char) -> Option<char> {
    match c {
        '\0'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// One-line text: line breaks and tabs as spaces, other controls neutralised.
fn one_line_char(c: char) -> char {
    match c {
        '\n' | '\r' | '\t' => ' ',
        c => neutral(c).unwrap_or(c),
    }
}

/// Text inside raw HTML in a Markdown page (the findings box, the verification notes): escaped
/// for HTML, on one line, with `{` as a character reference.
pub fn html(out: &mut String, text: &str) {
    out.reserve(text.len());
    for c in text.chars() {
        match one_line_char(c) {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '{' => out.push_str("&#123;"),
            c => out.push(c),
        }
    }
}

/// Text for a renderer that reads Markdown: on one line, with every ASCII punctuation character
/// backslash-escaped (CommonMark: any ASCII punctuation may be), so no emphasis, link, HTML,
/// code span or `{{` can form.
pub fn markdown(out: &mut String, text: &str) {
    out.reserve(text.len() + text.len() / 8);
    for c in text.chars().map(one_line_char) {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
}

/// [`markdown`] into a new string.
pub fn markdown_string(text: &str) -> String {
    let mut out = String::new();
    markdown(&mut out, text);
    out
}

/// Text for a terminal or a CI log: on one line (a line break could forge a line of the report),
/// control characters and bidi overrides neutralised.
pub fn plain(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| one_line_char(c) != c) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(one_line_char).collect())
}

/// Source lines quoted in a terminal snippet: line breaks and tabs kept (the snippet renderer lays
/// them out), every other control and bidi override neutralised. Returns the text and a function
/// that maps a byte offset of the original to the same place in the result.
pub fn plain_source(text: &str) -> (Cow<'_, str>, impl Fn(usize) -> usize + '_) {
    // Where a replacement changed the length, and by how much (rare: usually empty).
    let mut shifts: Vec<(usize, isize)> = Vec::new();
    let keep = |c: char| matches!(c, '\n' | '\r' | '\t') || neutral(c).is_none();
    let out = if text.chars().all(keep) {
        Cow::Borrowed(text)
    } else {
        let mut out = String::with_capacity(text.len() + 16);
        for (at, c) in text.char_indices() {
            match neutral(c).filter(|_| !keep(c)) {
                Some(shown) => {
                    out.push(shown);
                    let delta = shown.len_utf8().cast_signed() - c.len_utf8().cast_signed();
                    if delta != 0 {
                        shifts.push((at, delta));
                    }
                }
                None => out.push(c),
            }
        }
        Cow::Owned(out)
    };
    let map = move |offset: usize| {
        let before = shifts.partition_point(|(at, _)| *at < offset);
        let delta: isize = shifts[..before].iter().map(|(_, d)| d).sum();
        offset.saturating_add_signed(delta)
    };
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_has_no_line_break_markup_brace_or_control() {
        let mut out = String::new();
        html(&mut out, "a\n\nb <i>&\"' {{#include x}} \u{1b}[31m\u{7}\u{9b}\u{202e}");
        assert_eq!(out, "a  b &lt;i&gt;&amp;&quot;' &#123;&#123;#include x}} \u{241b}[31m\u{2407}\u{fffd}\u{fffd}");
    }

    #[test]
    fn markdown_text_has_no_syntax_left() {
        assert_eq!(
            markdown_string("[x](javascript:1)\n\n`c` {{#i}}"),
            "\\[x\\]\\(javascript\\:1\\)  \\`c\\` \\{\\{\\#i\\}\\}"
        );
    }

    #[test]
    fn plain_text_is_one_line_without_controls() {
        assert_eq!(plain("a\nb\u{1b}\u{9b}c"), "a b\u{241b}\u{fffd}c");
        assert!(matches!(plain("clean text"), Cow::Borrowed(_)));
    }

    proptest::proptest! {
        /// Whatever the text: no line break, markup, brace or control survives in HTML; in
        /// Markdown every ASCII punctuation character is escaped; terminal text is one clean line.
        #[test]
        fn no_text_breaks_its_context(text in "(\\PC|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}<>&{}\\[\\]()`*_#!\\\\\n\r ]){0,60}") {
            let safe = |c: char| neutral(c).is_none();
            let mut out = String::new();
            html(&mut out, &text);
            proptest::prop_assert!(out.chars().all(safe) && !out.contains(['<', '>', '{']), "{:?}", out);
            let md = markdown_string(&text);
            proptest::prop_assert!(md.chars().all(safe), "{:?}", md);
            let mut escaped = false;
            for c in md.chars() {
                proptest::prop_assert!(!c.is_ascii_punctuation() || c == '\\' || escaped, "{:?}", md);
                escaped = c == '\\' && !escaped;
            }
            proptest::prop_assert!(plain(&text).chars().all(safe));
            let (shown, map) = plain_source(&text);
            proptest::prop_assert!(shown.chars().all(|c| safe(c) || matches!(c, '\n' | '\r' | '\t')));
            proptest::prop_assert_eq!(map(text.len()), shown.len());
        }
    }

    #[test]
    fn source_offsets_follow_the_replacements() {
        let text = "a\u{9b}b\u{1b}c\n\td";
        let (shown, map) = plain_source(text);
        assert_eq!(shown, "a\u{fffd}b\u{241b}c\n\td");
        for (at, c) in text.char_indices().filter(|(_, c)| c.is_ascii_alphanumeric()) {
            assert_eq!(shown[map(at)..].chars().next(), Some(c), "{at}");
        }
        assert_eq!(map(text.len()), shown.len());
    }
}
