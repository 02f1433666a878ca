//! `nginx/syntax-test-failed`: `nginx -t` rejected a file.

use crate::finding::{Rule, Severity};
use crate::version::Applies;

/// `nginx -t` rejected a file.
pub const SYNTAX_TEST_FAILED: Rule = Rule {
    id: "nginx/syntax-test-failed",
    severity: Severity::Error,
    summary: "`nginx -t` rejects the site file (only with `nginx-test = true` in book.toml)",
    help: "fix the directive nginx names; a reader who copies this file gets the same error from `nginx -t`",
    fact: "nginx itself (nginx -t), run on the block as a reader would install it",
    applies: Applies::Always,
};
