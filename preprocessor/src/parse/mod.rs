//! Stage 2: parse each block on its own, with positions in the block's text.
//!
//! One broken block never hides another's findings: every block gets its own parse, and a
//! syntax error becomes `configcheck/syntax-error` at the parser's exact position.

pub mod authentik;
pub mod netbox;
pub mod nginx;

use crate::diagnostic::Finding;
use crate::extract::{Block, Kind};
use crate::rules::configcheck;

/// A parsed block.
#[derive(Debug, Clone)]
pub enum Parsed {
    /// A `check=netbox` block.
    Netbox(netbox::PythonFile),
    /// A `check=nginx` block.
    Nginx(nginx::NginxFile),
    /// A `check=authentik` block.
    Authentik(authentik::Blueprint),
}

/// Parse every block; syntax errors become findings. Blocks are independent, so they are parsed
/// on all cores.
pub fn parse_blocks(blocks: &[Block], findings: &mut Vec<Finding>) -> Vec<Parsed> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 || blocks.len() < 64 {
        return parse_sequentially(blocks, findings);
    }
    let chunk = blocks.len().div_ceil(threads);
    let results: Vec<(Vec<Parsed>, Vec<Finding>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = blocks
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut found = Vec::new();
                    let parsed = parse_sequentially(part, &mut found);
                    (parsed, found)
                })
            })
            .collect();
        // A parser that panicked is a bug; parsing the chunk again here reports it in this thread.
        handles
            .into_iter()
            .zip(blocks.chunks(chunk))
            .map(|(handle, part)| {
                handle.join().unwrap_or_else(|_| {
                    let mut found = Vec::new();
                    (parse_sequentially(part, &mut found), found)
                })
            })
            .collect()
    });
    let mut parsed = Vec::with_capacity(blocks.len());
    for (part, found) in results {
        parsed.extend(part);
        findings.extend(found);
    }
    parsed
}

fn parse_sequentially(blocks: &[Block], findings: &mut Vec<Finding>) -> Vec<Parsed> {
    blocks
        .iter()
        .map(|block| {
            let (parsed, errors, language) = match block.kind {
                Kind::Netbox => {
                    let file = netbox::parse(&block.text, block.id);
                    let errors = file.syntax_errors.clone();
                    (Parsed::Netbox(file), errors, "Python")
                }
                Kind::Nginx => {
                    let file = nginx::parse(&block.text);
                    let errors = file.syntax_errors.clone();
                    (Parsed::Nginx(file), errors, "nginx configuration")
                }
                Kind::Authentik => {
                    let file = authentik::parse(&block.text);
                    let errors = file.syntax_errors.clone();
                    (Parsed::Authentik(file), errors, "YAML")
                }
            };
            // Parsers recover and report follow-on errors; the first one is the cause.
            if let Some(error) = errors.first() {
                let more = match errors.len() - 1 {
                    0 => String::new(),
                    n => format!(" ({n} more error{} follow from it)", if n == 1 { "" } else { "s" }),
                };
                findings.push(Finding::in_block(
                    &configcheck::SYNTAX_ERROR,
                    block.id,
                    error.range.clone(),
                    format!("this block is not valid {language}: {}{more}", error.message),
                ));
            }
            parsed
        })
        .collect()
}
