//! Bounds on parsing and evaluation, so that no block can overflow the stack or take gigabytes.
//!
//! The parsers (ruff's for Python, saphyr for YAML) and this crate's own walks of their trees
//! recurse once per level of nesting (nginx's reader has its own limit, `parse::nginx::MAX_DEPTH`). Before a block is parsed its nesting is measured with
//! the parser's own lexer (or event reader), which works without recursion; a block nested
//! deeper than [`MAX_DEPTH`] is not parsed, and gets one `configcheck/too-complex` finding
//! instead. The Python evaluator also bounds the values it builds ([`MAX_VALUE_SIZE`],
//! [`MAX_VALUE_DEPTH`]) and the work of copying them ([`MAX_BLOCK_WORK`]).

use ruff_python_ast::token::TokenKind;
use ruff_python_parser::Mode;

/// The deepest syntax tree a Python block may have, as [`python_depth`] bounds it: about 100
/// nested brackets (CPython itself refuses more than 200) or 400 operators chained in one
/// expression. No configuration file comes near either.
pub const MAX_DEPTH: usize = 400;

/// The deepest nesting of nginx blocks (`{ … }`) and of YAML sequences and mappings. No site
/// file or blueprint comes near it.
pub const MAX_NESTING: usize = 100;

/// The most nodes (plus bytes of text) one evaluated Python value may hold.
pub const MAX_VALUE_SIZE: usize = 1 << 20;

/// The deepest one evaluated Python value may be (values nest through names: `A = [A]`).
pub const MAX_VALUE_DEPTH: usize = 100;

/// The most value nodes (plus bytes) the evaluator may copy in one block.
pub const MAX_BLOCK_WORK: usize = 1 << 24;

/// Levels counted for each bracket or indented block on the way down, besides the operators in
/// it: the nodes without a token of their own that it can hold on one path (a tuple without
/// parentheses, a slice, the leaf name or literal; a statement, a tuple and the leaf).
const LEVEL: usize = 3;

/// Why a block was not (fully) checked.
#[derive(Debug, Clone, PartialEq)]
pub struct TooComplex {
    /// Where: the block's first line, or the statement that hit the limit.
    pub range: std::ops::Range<usize>,
    /// What was exceeded.
    pub message: String,
}

/// The message for a Python block whose syntax tree would be deeper than [`MAX_DEPTH`].
pub fn too_deep_python() -> String {
    format!(
        "this Python block is too deep to check: its brackets, indented blocks and chained operators nest more than {MAX_DEPTH} levels; nothing in it was checked"
    )
}

/// The message for an nginx or YAML block nested deeper than [`MAX_NESTING`].
pub fn too_deep(what: &str) -> String {
    format!(
        "this block is too deep to check: its {what} nest more than {MAX_NESTING} levels; nothing in it was checked"
    )
}

/// An upper bound on the depth of the syntax tree ruff builds for `text`, or `None` when it is
/// deeper than [`MAX_DEPTH`] (scanning stops there).
///
/// Every node of the tree has a token of its own except a few that a bracket or an indented
/// block brings (counted by `LEVEL`). Within one bracket or block, a comma or the end of a
/// statement separates siblings, so operators before it are not on a path with those after it;
/// `lambda` is the exception (its parameters are separated by commas, its body comes after them)
/// and is never forgotten. The depth of a bracket is `LEVEL` + its lambdas + the most operators
/// and inner depth of one of its comma-separated parts.
pub fn python_depth(text: &str) -> Option<usize> {
    #[derive(Default)]
    struct Frame {
        /// Operators in the current part.
        ops: usize,
        /// The deepest inner bracket in the current part.
        inner: usize,
        /// The deepest finished part of the current statement.
        parts: usize,
        /// `lambda`s in the current statement and the operators before each in its part: all on
        /// the path to the last lambda's body, which comes after the commas of its parameters.
        lambdas: usize,
        /// The deepest finished statement.
        statements: usize,
    }
    impl Frame {
        fn depth(&self) -> usize {
            LEVEL + self.statements.max(self.lambdas + self.parts.max(self.ops + self.inner))
        }
        fn end_part(&mut self) {
            self.parts = self.parts.max(self.ops + self.inner);
            self.ops = 0;
            self.inner = 0;
        }
        fn end_statement(&mut self) {
            self.end_part();
            self.statements = self.statements.max(self.lambdas + self.parts);
            self.parts = 0;
            self.lambdas = 0;
        }
    }
    let mut stack = vec![Frame::default()];
    // The operators and levels of the brackets still open: what the path to here already has.
    let mut open = LEVEL;
    let mut lexer = ruff_python_parser::lexer::lex(text, Mode::Module);
    let close = |stack: &mut Vec<Frame>, open: &mut usize| -> Option<usize> {
        if stack.len() < 2 {
            return Some(0);
        }
        let frame = stack.pop()?;
        *open -= LEVEL + frame.lambdas + frame.ops;
        let depth = frame.depth();
        let parent = stack.last_mut()?;
        parent.inner = parent.inner.max(depth);
        (parent.depth() <= MAX_DEPTH).then_some(depth)
    };
    loop {
        let kind = lexer.next_token();
        match kind {
            TokenKind::EndOfFile => break,
            TokenKind::Lpar | TokenKind::Lsqb => {
                // A call or a subscript (`f()()`, `a[0][0]`) nests without an operator: the
                // bracket counts as one where it stands, and opens its own level.
                stack.last_mut()?.ops += 1;
                stack.push(Frame::default());
                open += 1 + LEVEL;
            }
            TokenKind::Lbrace | TokenKind::FStringStart | TokenKind::TStringStart | TokenKind::Indent => {
                stack.push(Frame::default());
                open += LEVEL;
            }
            TokenKind::Rpar
            | TokenKind::Rsqb
            | TokenKind::Rbrace
            | TokenKind::FStringEnd
            | TokenKind::TStringEnd
            | TokenKind::Dedent => {
                close(&mut stack, &mut open)?;
            }
            TokenKind::Comma | TokenKind::Newline | TokenKind::Semi => {
                let frame = stack.last_mut()?;
                open -= frame.ops;
                if kind == TokenKind::Newline {
                    open -= frame.lambdas;
                    frame.end_statement();
                } else {
                    frame.end_part();
                }
            }
            TokenKind::Lambda => {
                // The operators before it in its part are its ancestors, so on the path to its
                // body too: they move into `lambdas`, which no comma resets.
                let frame = stack.last_mut()?;
                frame.lambdas += frame.ops + 1;
                frame.parts = frame.parts.max(frame.ops + frame.inner);
                frame.ops = 0;
                frame.inner = 0;
                open += 1;
            }
            TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringMiddle
            | TokenKind::TStringMiddle
            | TokenKind::Comment
            | TokenKind::NonLogicalNewline
            | TokenKind::Colon
            | TokenKind::Equal
            | TokenKind::Ellipsis
            | TokenKind::True
            | TokenKind::False
            | TokenKind::None
            | TokenKind::Pass
            | TokenKind::Break
            | TokenKind::Continue => {}
            _ => {
                stack.last_mut()?.ops += 1;
                open += 1;
            }
        }
        if open > MAX_DEPTH {
            return None;
        }
    }
    while stack.len() > 1 {
        close(&mut stack, &mut open)?;
    }
    let depth = stack.last().map_or(0, Frame::depth);
    (depth <= MAX_DEPTH).then_some(depth)
}

/// The deepest nesting of sequences and mappings in a YAML text, read as events (no tree, no
/// recursion), or the character index of the collection that goes past [`MAX_NESTING`]. A syntax
/// error ends the count: the loader reports it.
pub fn yaml_depth(text: &str) -> Result<usize, usize> {
    use saphyr_parser::{Event, Parser};
    let (mut depth, mut deepest) = (0usize, 0usize);
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else { break };
        match event {
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(span.start.index());
                }
                deepest = deepest.max(depth);
            }
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(deepest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_depth_bounds_the_tree_and_forgets_siblings() {
        let flat = format!("X = [{}]\n", "-1, ".repeat(5_000));
        assert!(python_depth(&flat).is_some_and(|d| d < 10), "a long list of negatives is shallow");
        let statements = "A = 1 + 2\n".repeat(5_000);
        assert!(python_depth(&statements).is_some_and(|d| d < 10), "statements are siblings");
        assert!(python_depth(&format!("X = 1{}\n", " + 1".repeat(MAX_DEPTH))).is_none());
        assert!(python_depth(&format!("X = {}1\n", "lambda a, b: ".repeat(MAX_DEPTH))).is_none());
        let brackets = |n: usize| format!("X = {}1{}\n", "[".repeat(n), "]".repeat(n));
        assert!(python_depth(&brackets(MAX_DEPTH / (LEVEL + 1) - 2)).is_some());
        assert!(python_depth(&brackets(MAX_DEPTH)).is_none());
        assert!(python_depth(&"[".repeat(100_000)).is_none(), "unclosed");
    }

    /// The real depth of ruff's tree: statements and expressions on the deepest path.
    fn tree_depth(text: &str) -> usize {
        use ruff_python_ast::visitor::{Visitor, walk_expr, walk_stmt};
        use ruff_python_ast::{Expr, Stmt};
        struct Depth {
            now: usize,
            deepest: usize,
        }
        impl<'a> Visitor<'a> for Depth {
            fn visit_stmt(&mut self, stmt: &'a Stmt) {
                self.now += 1;
                self.deepest = self.deepest.max(self.now);
                walk_stmt(self, stmt);
                self.now -= 1;
            }
            fn visit_expr(&mut self, expr: &'a Expr) {
                self.now += 1;
                self.deepest = self.deepest.max(self.now);
                walk_expr(self, expr);
                self.now -= 1;
            }
        }
        let parsed = ruff_python_parser::parse_unchecked_source(text, ruff_python_ast::PySourceType::Python);
        let mut depth = Depth { now: 0, deepest: 0 };
        for stmt in &parsed.syntax().body {
            depth.visit_stmt(stmt);
        }
        depth.deepest
    }

    /// Random expressions from the shapes that nest: brackets, calls, subscripts, attributes,
    /// operators, unary operators, conditionals, lambdas, f-strings, comprehensions, blocks.
    fn expression() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let leaf = prop_oneof![Just("a".to_string()), Just("1".to_string()), Just("'s'".to_string())];
        leaf.prop_recursive(12, 200, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(", "))),
                proptest::collection::vec(inner.clone(), 1..4).prop_map(|v| format!("({},)", v.join(", "))),
                (inner.clone(), inner.clone()).prop_map(|(k, v)| format!("{{{k}: {v}}}")),
                (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} + {b}")),
                (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} * {b} - {a}")),
                inner.clone().prop_map(|a| format!("-{a}")),
                inner.clone().prop_map(|a| format!("not {a}")),
                inner.clone().prop_map(|a| format!("f({a})({a})")),
                inner.clone().prop_map(|a| format!("({a})[0][1:2]")),
                inner.clone().prop_map(|a| format!("({a}).b.c")),
                (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} if {b} else {a}")),
                inner.clone().prop_map(|a| format!("lambda x, y: {a}")),
                inner.clone().prop_map(|a| format!("f'{{{a}}}'")),
                inner.clone().prop_map(|a| format!("[{a} for x in y if x]")),
                (inner.clone(), inner).prop_map(|(a, b)| format!("{a}, {b}")),
            ]
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// The bound is an upper bound of ruff's tree depth, whatever the expression.
        #[test]
        fn python_depth_is_never_below_the_real_depth(expr in expression(), nested in 0usize..3) {
            let mut text = format!("X = {expr}\n");
            for level in (0..nested).rev() {
                let indent = "    ".repeat(level);
                text = format!("{indent}if a:\n{}", text.lines().map(|l| format!("    {l}\n")).collect::<String>());
            }
            if let Some(bound) = python_depth(&text) {
                let real = tree_depth(&text);
                proptest::prop_assert!(real <= bound, "tree depth {} above the bound {} for {}", real, bound, text);
            }
        }
    }

    #[test]
    fn the_deepest_accepted_python_parses_and_evaluates_on_a_small_stack() {
        // Test threads have 2 MiB stacks, as the worker threads do.
        let n = MAX_DEPTH / (LEVEL + 1) - 2;
        let m = MAX_DEPTH - 10;
        let text = format!(
            "X = {}1{}\nY = 1{}\nZ = f(){}\nW = {}1\n",
            "[".repeat(n),
            "]".repeat(n),
            " + 1".repeat(m),
            ".a".repeat(m),
            "-".repeat(m)
        );
        assert!(python_depth(&text).is_some());
        let file = super::super::netbox::parse(&text, crate::finding::BlockId(0));
        assert!(file.too_complex.is_none());
        assert_eq!(file.settings.len(), 4);
    }

    #[test]
    fn the_deepest_accepted_nginx_and_yaml_parse_on_a_small_stack() {
        let n = MAX_NESTING;
        let nginx = format!("{}listen 80;{}", "location / {".repeat(n), "}".repeat(n));
        let file = super::super::nginx::parse(&nginx);
        assert!(file.too_complex.is_none() && file.syntax_errors.is_empty(), "{:?}", file.syntax_errors);
        let yaml = format!("entries:\n  - model: m\n    attrs: {}1{}\n", "[".repeat(n - 3), "]".repeat(n - 3));
        let blueprint = super::super::authentik::parse(&yaml);
        assert!(blueprint.too_complex.is_none() && blueprint.syntax_errors.is_empty());
        assert_eq!(blueprint.entries.len(), 1);
    }

    #[test]
    fn yaml_depths() {
        assert_eq!(yaml_depth("a:\n  b: [1, {c: 2}]\n"), Ok(4));
        assert!(yaml_depth(&"- ".repeat(MAX_NESTING + 1)).is_err());
    }
}
