//! The book's own directives (`{{#configcheck-rules}}`, `{{#configcheck-verification}}`): where a
//! chapter writes one as text, it is replaced; where it shows one as code (a code span, a fenced or
//! indented code block) it stays as written, so a chapter can document them. A backslash before
//! one (`\{{#configcheck-rules}}`) keeps it too: mdBook's `links` preprocessor, which runs after
//! this one, removes that backslash, exactly as for its own `\{{#include …}}`.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::extract::markdown_options;

/// Where `directive` stands as text in `text` (byte offsets, in order). Linear: one search, and
/// one Markdown parse only for a chapter that holds the directive at all.
pub fn sites(text: &str, directive: &str) -> Vec<usize> {
    let found: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), directive.as_bytes())
        .filter(|&at| !text[..at].ends_with('\\'))
        .collect();
    if found.is_empty() {
        return found;
    }
    let code = code_ranges(text);
    // Both lists are sorted: walk them together.
    let mut ranges = code.iter().peekable();
    found
        .into_iter()
        .filter(|&at| {
            while ranges.next_if(|r| r.end <= at).is_some() {}
            ranges.peek().is_none_or(|r| r.start > at)
        })
        .collect()
}

/// The ranges of code spans and code blocks, in order, outermost only.
fn code_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut block: Option<usize> = None;
    for (event, range) in Parser::new_ext(text, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => block = Some(range.start),
            Event::End(TagEnd::CodeBlock) => {
                if let Some(start) = block.take() {
                    ranges.push(start..range.end);
                }
            }
            Event::Code(_) if block.is_none() => ranges.push(range),
            _ => {}
        }
    }
    ranges
}

/// `text` with each directive that stands as text replaced by `replacement`; `None` when there is
/// none.
pub fn expand(text: &str, directive: &str, replacement: impl FnOnce() -> String) -> Option<String> {
    let sites = sites(text, directive);
    if sites.is_empty() {
        return None;
    }
    let replacement = replacement();
    let mut out = String::with_capacity(text.len() + sites.len() * replacement.len());
    let mut at = 0;
    for site in sites {
        out.push_str(&text[at..site]);
        out.push_str(&replacement);
        at = site + directive.len();
    }
    out.push_str(&text[at..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: &str = "{{#configcheck-rules}}";

    #[test]
    fn only_the_directive_written_as_text_is_a_site() {
        let text = format!("`{D}`\n\n```\n{D}\n```\n\n    {D}\n\n\\{D}\n\n{D}\n\n> - ``a {D}``\n");
        assert_eq!(sites(&text, D), vec![text.rfind(&format!("\n\n{D}")).unwrap() + 2]);
    }

    #[test]
    fn an_unterminated_fence_runs_to_the_end() {
        let text = format!("{D}\n\n```\n{D}\n");
        assert_eq!(sites(&text, D), vec![0]);
        assert_eq!(expand(&text, D, || "X".into()).unwrap(), format!("X\n\n```\n{D}\n"));
    }
}
