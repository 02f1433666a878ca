//! mdBook's preprocessor protocol: `[context, book]` JSON on stdin, the book JSON on stdout.
//!
//! The input is read as plain JSON first, so that an mdBook 0.4 caller gets a message naming the
//! versions instead of a serde error deep inside `parse_input`.

use std::io::{IoSlice, Write};

use anyhow::{Context, Result, bail};
use mdbook_preprocessor::book::{Book, BookItem, Chapter};
use mdbook_preprocessor::{MDBOOK_VERSION, PreprocessorContext};

/// The deepest JSON input read: about 330 levels of chapters within chapters (each adds three).
/// serde_json's own limit (128) would refuse a valid book of some 40 levels; beyond this one
/// the reading would need an unbounded stack. The caller runs on a stack sized for it.
pub const MAX_JSON_DEPTH: usize = 1000;

/// Parse the protocol input, refusing shapes from other mdBook versions clearly.
pub fn parse_input(input: &[u8]) -> Result<(PreprocessorContext, Book)> {
    let depth = json_depth(input);
    if depth > MAX_JSON_DEPTH {
        bail!(
            "mdBook's preprocessor input nests {depth} levels deep (chapters within chapters); mdbook-configcheck reads at most {MAX_JSON_DEPTH} levels, about {} levels of chapters",
            MAX_JSON_DEPTH / 3
        );
    }
    // The usual case costs one parse; a failure is diagnosed with a second, lenient one.
    if let Ok((context, book)) = from_slice::<(PreprocessorContext, Book)>(input)
        && context.mdbook_version.starts_with("0.5")
    {
        return Ok((context, book));
    }
    diagnose(input)
}

/// serde_json's `from_slice` without its recursion limit: [`json_depth`] has bounded the depth.
fn from_slice<'a, T: serde::Deserialize<'a>>(input: &'a [u8]) -> serde_json::Result<T> {
    let mut deserializer = serde_json::Deserializer::from_slice(input);
    deserializer.disable_recursion_limit();
    let value = T::deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// The deepest nesting of arrays and objects in a JSON text (strings skipped), in one pass
/// without recursion; for text that is not JSON, a number that bounds what a parser would reach.
pub fn json_depth(input: &[u8]) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &byte in input {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

fn diagnose(input: &[u8]) -> Result<(PreprocessorContext, Book)> {
    let value: serde_json::Value = from_slice(input).context(
        "mdbook-configcheck expects mdBook's preprocessor input ([context, book] as JSON) on stdin; it is not JSON",
    )?;
    let Some([context, book]) = value.as_array().map(Vec::as_slice) else {
        bail!("mdbook-configcheck expects mdBook's preprocessor input, a JSON array [context, book], on stdin");
    };
    let version = context.get("mdbook_version").and_then(|v| v.as_str()).unwrap_or("unknown");
    let old_shape = book.get("sections").is_some() && book.get("items").is_none();
    let older = old_shape || version.starts_with("0.4") || version.starts_with("0.3") || version.starts_with("0.2");
    if older {
        bail!(
            "mdbook-configcheck supports mdBook 0.5.x (built against {MDBOOK_VERSION}), but it was called by mdBook {version}{}: upgrade mdBook to 0.5 (`cargo install mdbook --version ^0.5`), or build with `mdbook-configcheck build`, which embeds mdBook",
            if old_shape { " (its book JSON has `sections`, the 0.4 shape)" } else { "" }
        );
    }
    if !version.starts_with("0.5") {
        bail!(
            "mdbook-configcheck supports mdBook 0.5.x (built against {MDBOOK_VERSION}), but it was called by mdBook {version}, whose preprocessor protocol it does not know: run it from mdBook 0.5, or build with `mdbook-configcheck build`, which embeds mdBook {MDBOOK_VERSION}"
        );
    }
    from_slice(input).context("mdBook's preprocessor input could not be read")
}

/// Write the book as mdBook reads it back: the same bytes as `serde_json::to_writer(out, book)`,
/// with the top-level items serialized on all cores. An annotated book is larger than its input,
/// and writing it on one core was the largest single step of the pipeline.
pub fn write_book(book: &Book, out: &mut impl Write) -> Result<()> {
    let pieces: Vec<serde_json::Result<Vec<u8>>> = crate::parallel::map_chunks(&book.items, 64, |items| {
        // Sized for the chapters' text, so that the buffer is not grown (and copied) as it fills.
        let mut piece = Vec::with_capacity(items.iter().map(text_len).sum::<usize>() * 11 / 10 + 256 * items.len());
        let written = items.iter().enumerate().try_for_each(|(i, item)| {
            if i > 0 {
                piece.push(b',');
            }
            write_item(&mut piece, item)
        });
        vec![written.map(|()| piece)]
    });
    let pieces =
        pieces.into_iter().collect::<serde_json::Result<Vec<_>>>().context("the book could not be written as JSON")?;
    let mut slices = vec![IoSlice::new(b"{\"items\":[")];
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            slices.push(IoSlice::new(b","));
        }
        slices.push(IoSlice::new(piece));
    }
    slices.push(IoSlice::new(b"]}"));
    // One vectored write: a `Vec` reserves the whole book once instead of growing piece by
    // piece, and stdout hands the pieces to the pipe in one call.
    let mut slices = &mut slices[..];
    while !slices.is_empty() {
        match out.write_vectored(slices) {
            Ok(0) => return Err(std::io::Error::from(std::io::ErrorKind::WriteZero).into()),
            Ok(written) => IoSlice::advance_slices(&mut slices, written),
            // A signal came before anything was written: try again, as `write_all` does.
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error.into()),
        }
    }
    Ok(())
}

/// One item, as serde_json writes it, with each chapter's text escaped by [`escape_str`]: a
/// chapter's text is almost all of a book, and serde_json escapes a string one byte at a time.
fn write_item(out: &mut Vec<u8>, item: &BookItem) -> serde_json::Result<()> {
    const CONTENT: &[u8] = br#""content":""#;
    const SUB_ITEMS: &[u8] = br#""sub_items":["#;
    let BookItem::Chapter(chapter) = item else { return serde_json::to_writer(out, item) };
    // The chapter without its text and sub-chapters: the rest is small, and serde writes it.
    let shell = serde_json::to_vec(&BookItem::Chapter(Chapter {
        name: chapter.name.clone(),
        content: String::new(),
        number: chapter.number.clone(),
        sub_items: Vec::new(),
        path: chapter.path.clone(),
        source_path: chapter.source_path.clone(),
        parent_names: chapter.parent_names.clone(),
    }))?;
    // Inside JSON strings every quote is escaped, so these byte strings are the keys themselves.
    let content = memchr::memmem::find(&shell, CONTENT).map(|at| at + CONTENT.len());
    let sub_items = memchr::memmem::find(&shell, SUB_ITEMS).map(|at| at + SUB_ITEMS.len());
    let (Some(content), Some(sub_items)) = (content, sub_items) else {
        // A shape this does not know (a newer mdBook): serde's own way.
        return serde_json::to_writer(out, item);
    };
    if content > sub_items {
        return serde_json::to_writer(out, item);
    }
    out.extend_from_slice(&shell[..content]);
    escape_str(out, &chapter.content);
    out.extend_from_slice(&shell[content..sub_items]);
    for (i, sub_item) in chapter.sub_items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_item(out, sub_item)?;
    }
    out.extend_from_slice(&shell[sub_items..]);
    Ok(())
}

/// The inside of a JSON string, escaped exactly as serde_json escapes it (`"`, `\`, and the
/// control characters, as `\n`, `\t`, … or `\u00XX`), looking at eight bytes at a time: in a
/// chapter most runs of eight bytes need no escape.
fn escape_str(out: &mut Vec<u8>, text: &str) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The lowest flagged byte of each mask is exact (a borrow only disturbs the bytes above).
    let zero_bytes = |word: u64| word.wrapping_sub(ONES) & !word & HIGH;
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + bytes.len() / 8);
    let mut run = 0;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else { break };
        let word = u64::from_le_bytes(chunk);
        let flagged = (word.wrapping_sub(ONES * 0x20) & !word & HIGH)
            | zero_bytes(word ^ (ONES * u64::from(b'"')))
            | zero_bytes(word ^ (ONES * u64::from(b'\\')));
        if flagged == 0 {
            at += 8;
            continue;
        }
        let escaped = at + (flagged.trailing_zeros() / 8) as usize;
        out.extend_from_slice(&bytes[run..escaped]);
        push_escape(out, bytes[escaped]);
        run = escaped + 1;
        at = run;
    }
    for (i, &byte) in bytes.iter().enumerate().skip(at) {
        if byte < 0x20 || byte == b'"' || byte == b'\\' {
            out.extend_from_slice(&bytes[run..i]);
            push_escape(out, byte);
            run = i + 1;
        }
    }
    out.extend_from_slice(&bytes[run..]);
}

fn push_escape(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match byte {
        b'"' => out.extend_from_slice(br#"\""#),
        b'\\' => out.extend_from_slice(br"\\"),
        b'\n' => out.extend_from_slice(br"\n"),
        b'\t' => out.extend_from_slice(br"\t"),
        b'\r' => out.extend_from_slice(br"\r"),
        0x08 => out.extend_from_slice(br"\b"),
        0x0c => out.extend_from_slice(br"\f"),
        _ => {
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xf)]])
        }
    }
}

/// The Markdown an item carries, its sub-chapters included.
fn text_len(item: &BookItem) -> usize {
    match item {
        BookItem::Chapter(chapter) => chapter.content.len() + chapter.sub_items.iter().map(text_len).sum::<usize>(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use mdbook_preprocessor::book::{Book, BookItem, Chapter, SectionNumber};
    use proptest::prelude::*;

    fn chapter(name: &str, content: String, path: String, sub_items: Vec<BookItem>) -> Chapter {
        let mut chapter = Chapter::new(name, content, path, vec!["Parent \"one\"".into()]);
        chapter.sub_items = sub_items;
        chapter
    }

    /// Enough items to be written on several cores, with nesting two deep, drafts, separators,
    /// part titles, and names and texts that hold what the writer looks for.
    fn book() -> Book {
        let mut items = vec![BookItem::PartTitle("Part \"one\"".into())];
        for n in 0..300 {
            let content = format!("# {n}\n\n\"quoted\" \\ \u{7}\u{1f}\u{7f} \"content\":\"\" ç\t\r\u{8}\u{c}\n");
            let mut sub_items = Vec::new();
            if n % 7 == 0 {
                let deeper = chapter("Deeper", "\"sub_items\":[]".into(), format!("c{n}/s/d.md"), vec![]);
                sub_items.push(BookItem::Chapter(chapter(
                    "\"content\":\"\"",
                    content.repeat(3),
                    format!("c{n}/s.md"),
                    vec![BookItem::Chapter(deeper)],
                )));
            }
            let mut parent = chapter(&format!("Chapter {n}"), content, format!("c{n}.md"), sub_items);
            parent.number = Some(SectionNumber::new(vec![n]));
            items.push(BookItem::Chapter(parent));
            if n % 50 == 0 {
                items.push(BookItem::Separator);
                items.push(BookItem::Chapter(Chapter::new_draft("Draft", vec!["Part".into()])));
            }
        }
        Book::new_with_items(items)
    }

    #[test]
    fn writes_exactly_what_serde_json_writes() {
        for book in [book(), Book::new()] {
            let mut written = Vec::new();
            super::write_book(&book, &mut written).unwrap();
            assert_eq!(String::from_utf8(written).unwrap(), serde_json::to_string(&book).unwrap());
        }
    }

    proptest! {
        /// Any text, control characters and all, escapes to serde_json's bytes.
        #[test]
        fn escapes_strings_as_serde_json_does(text in "(\\PC|[\\x00-\\x1f\"\\\\\\x7f]){0,80}") {
            let mut escaped = b"\"".to_vec();
            super::escape_str(&mut escaped, &text);
            escaped.push(b'"');
            prop_assert_eq!(String::from_utf8(escaped).unwrap(), serde_json::to_string(&text).unwrap());
        }
    }
}
