//! mdBook's preprocessor protocol: `[context, book]` JSON on stdin, the book JSON on stdout.
//!
//! The input is read as plain JSON first, so that an mdBook 0.4 caller gets a message naming the
//! versions instead of a serde error deep inside `parse_input`.

use std::io::{IoSlice, Write};

use anyhow::{Context, Result, bail};
use mdbook_preprocessor::book::{Book, BookItem};
use mdbook_preprocessor::{MDBOOK_VERSION, PreprocessorContext};

/// Parse the protocol input, refusing shapes from other mdBook versions clearly.
pub fn parse_input(input: &[u8]) -> Result<(PreprocessorContext, Book)> {
    // The usual case costs one parse; a failure is diagnosed with a second, lenient one.
    if let Ok((context, book)) = serde_json::from_slice::<(PreprocessorContext, Book)>(input)
        && context.mdbook_version.starts_with("0.5")
    {
        return Ok((context, book));
    }
    diagnose(input)
}

fn diagnose(input: &[u8]) -> Result<(PreprocessorContext, Book)> {
    let value: serde_json::Value = serde_json::from_slice(input).context(
        "mdbook-configcheck expects mdBook's preprocessor input ([context, book] as JSON) on stdin; it is not JSON",
    )?;
    let Some([context, book]) = value.as_array().map(Vec::as_slice) else {
        bail!("mdbook-configcheck expects mdBook's preprocessor input, a JSON array [context, book], on stdin");
    };
    let version = context.get("mdbook_version").and_then(|v| v.as_str()).unwrap_or("unknown");
    let old_shape = book.get("sections").is_some() && book.get("items").is_none();
    if old_shape || !version.starts_with("0.5") {
        bail!(
            "mdbook-configcheck speaks the mdBook 0.5 preprocessor protocol (built against {MDBOOK_VERSION}), but it was called by mdBook {version}{}: upgrade mdBook to 0.5 (`cargo install mdbook --version ^0.5`), or build with `mdbook-configcheck build`, which embeds mdBook",
            if old_shape { " (its book JSON has `sections`, the 0.4 shape)" } else { "" }
        );
    }
    mdbook_preprocessor::parse_input(input).context("mdBook's preprocessor input could not be read")
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
            serde_json::to_writer(&mut piece, item)
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
        let written = out.write_vectored(slices)?;
        if written == 0 {
            return Err(std::io::Error::from(std::io::ErrorKind::WriteZero).into());
        }
        IoSlice::advance_slices(&mut slices, written);
    }
    Ok(())
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

    /// Enough items to be written on several cores, with nesting, separators and part titles.
    fn book() -> Book {
        let mut items = vec![BookItem::PartTitle("Part \"one\"".into())];
        for n in 0..300 {
            let mut chapter = Chapter::new(
                &format!("Chapter {n}"),
                format!("# {n}\n\n\"quoted\" \u{7}\n"),
                format!("c{n}.md"),
                vec![],
            );
            chapter.number = Some(SectionNumber::new(vec![n]));
            if n % 7 == 0 {
                chapter.sub_items.push(BookItem::Chapter(Chapter::new(
                    "Sub",
                    "text\n".into(),
                    format!("c{n}/s.md"),
                    vec![],
                )));
            }
            items.push(BookItem::Chapter(chapter));
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
}
