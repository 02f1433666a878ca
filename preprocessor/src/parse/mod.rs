//! Stage 2: parse each block on its own, with positions in the block's text.
//!
//! One broken block never hides another's findings: every block gets its own parse, and a
//! syntax error becomes `configcheck/syntax-error` at the parser's exact position.

pub mod netbox;

use crate::diagnostic::Finding;
use crate::extract::{Block, Kind};
use crate::rules::configcheck;

/// A parsed block.
#[derive(Debug, Clone)]
pub enum Parsed {
    /// A `check=netbox` block.
    Netbox(netbox::PythonFile),
    /// A kind whose parser is not built yet: the block is extracted but not checked further.
    Unparsed,
}

/// Parse every block; syntax errors become findings.
pub fn parse_blocks(blocks: &[Block], findings: &mut Vec<Finding>) -> Vec<Parsed> {
    blocks
        .iter()
        .map(|block| match block.kind {
            Kind::Netbox => {
                let file = netbox::parse(&block.text, block.id);
                // The parser recovers and reports follow-on errors; the first one is the cause.
                if let Some(error) = file.syntax_errors.first() {
                    let more = match file.syntax_errors.len() - 1 {
                        0 => String::new(),
                        n => format!(" ({n} more error{} follow from it)", if n == 1 { "" } else { "s" }),
                    };
                    findings.push(Finding::in_block(
                        &configcheck::SYNTAX_ERROR,
                        block.id,
                        error.range.clone(),
                        format!("this block is not valid Python: {}{more}", error.message),
                    ));
                }
                Parsed::Netbox(file)
            }
            Kind::Nginx | Kind::Authentik => Parsed::Unparsed,
        })
        .collect()
}
