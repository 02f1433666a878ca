//! mdBook's preprocessor protocol: `[context, book]` JSON on stdin.
//!
//! The input is read as plain JSON first, so that an mdBook 0.4 caller gets a message naming the
//! versions instead of a serde error deep inside `parse_input`.

use anyhow::{Context, Result, bail};
use mdbook_preprocessor::book::Book;
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
