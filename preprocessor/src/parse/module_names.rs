//! Names a Python module reads while it is loaded: the reads at its top level of names it binds
//! nowhere, which raise `NameError` when the module runs (the language reference, "Resolution of
//! names": a free name at module level is looked up in the module's globals, then builtins).
//!
//! The reading is one-sided on purpose: a name bound anywhere in the file (in a function, a
//! loop, a branch, an `except`, a comprehension) counts as bound, and reads the file may guard
//! (inside a `try`, a class body, a function or lambda body, a comprehension) are not judged.
//! A file that may bind names this reading cannot see (`from … import *`, `globals()`,
//! `locals()`, `vars()`, `exec`, `eval`, `__builtins__`) has no such reads at all.

use std::collections::HashSet;
use std::ops::Range;

use compact_str::CompactString;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::Ranged;
use rustc_hash::FxBuildHasher;

/// A top-level read of a name the module binds nowhere.
#[derive(Debug, Clone)]
pub struct FreeRead {
    /// The name.
    pub name: CompactString,
    /// Its first read.
    pub range: Range<usize>,
    /// The function whose body reads it (the NameError comes when that function runs), or
    /// `None` for a read at the top level (when the module is loaded).
    pub function: Option<CompactString>,
}

/// Every name the module binds anywhere (see the module docs), and its first top-level reads of
/// the names it does not bind and Python does not provide.
#[derive(Debug, Clone, Default)]
pub struct ModuleNames {
    /// Names bound anywhere in the file.
    pub bound: HashSet<CompactString, FxBuildHasher>,
    /// First top-level read of each name not in `bound`, not a builtin, in source order.
    pub free_reads: Vec<FreeRead>,
    /// Names read anywhere in the file (a helper variable's later uses).
    pub read: HashSet<CompactString, FxBuildHasher>,
    /// The file may bind names no statement shows (see the module docs), or reads the whole
    /// environment (`for k, v in os.environ.items():`): it may set any setting from any variable.
    pub opaque: bool,
}

/// Read a module's body.
pub fn read(body: &[Stmt]) -> ModuleNames {
    let mut bindings = Bindings::default();
    bindings.visit_body(body);
    let read = bindings.read;
    if bindings.opaque {
        return ModuleNames { bound: bindings.names, free_reads: vec![], read, opaque: true };
    }
    let mut reads = TopLevelReads {
        bound: &bindings.names,
        seen: HashSet::default(),
        seen_in_functions: HashSet::default(),
        function: None,
        out: vec![],
    };
    reads.visit_body(body);
    let free_reads = reads.out;
    ModuleNames { bound: bindings.names, free_reads, read, opaque: false }
}

/// `environ` or `os.environ`.
fn is_environ(expr: &Expr) -> bool {
    match expr {
        Expr::Name(name) => name.id.as_str() == "environ",
        Expr::Attribute(attribute) => attribute.attr.as_str() == "environ",
        _ => false,
    }
}

/// Python 3.11–3.13's builtins (`dir(builtins)`) and the names every module has.
fn is_builtin(name: &str) -> bool {
    const MODULE: &[&str] =
        &["__file__", "__builtins__", "__annotations__", "__cached__", "__path__", "__dict__", "__class__"];
    BUILTINS.binary_search(&name).is_ok() || MODULE.contains(&name)
}

/// `dir(builtins)` of CPython 3.11, 3.12 and 3.13.0, merged and sorted (byte order).
const BUILTINS: &[&str] = &[
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "BaseExceptionGroup",
    "BlockingIOError",
    "BrokenPipeError",
    "BufferError",
    "BytesWarning",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "DeprecationWarning",
    "EOFError",
    "Ellipsis",
    "EncodingWarning",
    "EnvironmentError",
    "Exception",
    "ExceptionGroup",
    "False",
    "FileExistsError",
    "FileNotFoundError",
    "FloatingPointError",
    "FutureWarning",
    "GeneratorExit",
    "IOError",
    "ImportError",
    "ImportWarning",
    "IndentationError",
    "IndexError",
    "InterruptedError",
    "IsADirectoryError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "ModuleNotFoundError",
    "NameError",
    "None",
    "NotADirectoryError",
    "NotImplemented",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PendingDeprecationWarning",
    "PermissionError",
    "ProcessLookupError",
    "PythonFinalizationError",
    "RecursionError",
    "ReferenceError",
    "ResourceWarning",
    "RuntimeError",
    "RuntimeWarning",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SyntaxWarning",
    "SystemError",
    "SystemExit",
    "TabError",
    "TimeoutError",
    "True",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
    "UserWarning",
    "ValueError",
    "Warning",
    "ZeroDivisionError",
    "_IncompleteInputError",
    "__build_class__",
    "__debug__",
    "__doc__",
    "__import__",
    "__loader__",
    "__name__",
    "__package__",
    "__spec__",
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "copyright",
    "credits",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "license",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "quit",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
];

/// Every binding anywhere in the file, and every read.
#[derive(Default)]
struct Bindings {
    names: HashSet<CompactString, FxBuildHasher>,
    read: HashSet<CompactString, FxBuildHasher>,
    /// The file may bind names no statement shows.
    opaque: bool,
}

impl Bindings {
    fn bind(&mut self, name: &str) {
        self.names.insert(CompactString::from(name));
    }
}

impl<'a> Visitor<'a> for Bindings {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => self.bind(def.name.as_str()),
            Stmt::ClassDef(class) => self.bind(class.name.as_str()),
            Stmt::Import(import) => {
                for alias in &import.names {
                    let bound = alias.asname.as_ref().map_or_else(
                        || alias.name.as_str().split('.').next().unwrap_or_default(),
                        |asname| asname.as_str(),
                    );
                    self.bind(bound);
                }
            }
            Stmt::ImportFrom(import) => {
                for alias in &import.names {
                    if alias.name.as_str() == "*" {
                        self.opaque = true;
                    }
                    self.bind(alias.asname.as_ref().unwrap_or(&alias.name).as_str());
                }
            }
            Stmt::Global(ast::StmtGlobal { names, .. }) | Stmt::Nonlocal(ast::StmtNonlocal { names, .. }) => {
                names.iter().for_each(|name| self.bind(name.as_str()));
            }
            Stmt::For(each) if is_environ(&each.iter) => self.opaque = true,
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(name) if matches!(name.ctx, ExprContext::Store | ExprContext::Del) => {
                self.bind(name.id.as_str())
            }
            Expr::Name(name) if name.ctx == ExprContext::Load => {
                if matches!(name.id.as_str(), "globals" | "locals" | "vars" | "exec" | "eval" | "__builtins__") {
                    self.opaque = true;
                }
                self.read.insert(CompactString::from(name.id.as_str()));
            }
            // `dir()` (a check for names bound or not), `sys.modules[__name__]` (setattr on the
            // module itself), `os.environ.items()` (every variable, copied by a loop).
            Expr::Call(call)
                if matches!(call.func.as_ref(), Expr::Name(f) if f.id.as_str() == "dir")
                    && call.arguments.is_empty() =>
            {
                self.opaque = true
            }
            Expr::Call(call)
                if matches!(call.func.as_ref(), Expr::Attribute(a)
                    if matches!(a.attr.as_str(), "items" | "keys" | "values" | "copy") && is_environ(&a.value)) =>
            {
                self.opaque = true
            }
            Expr::Attribute(attribute)
                if attribute.attr.as_str() == "modules"
                    && matches!(attribute.value.as_ref(), Expr::Name(n) if n.id.as_str() == "sys") =>
            {
                self.opaque = true
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }

    fn visit_parameter(&mut self, parameter: &'a ast::Parameter) {
        self.bind(parameter.name.as_str());
        visitor::walk_parameter(self, parameter);
    }

    fn visit_except_handler(&mut self, handler: &'a ast::ExceptHandler) {
        let ast::ExceptHandler::ExceptHandler(handler_body) = handler;
        if let Some(name) = &handler_body.name {
            self.bind(name.as_str());
        }
        visitor::walk_except_handler(self, handler);
    }

    fn visit_pattern(&mut self, pattern: &'a ast::Pattern) {
        match pattern {
            ast::Pattern::MatchAs(ast::PatternMatchAs { name: Some(name), .. })
            | ast::Pattern::MatchStar(ast::PatternMatchStar { name: Some(name), .. })
            | ast::Pattern::MatchMapping(ast::PatternMatchMapping { rest: Some(name), .. }) => self.bind(name.as_str()),
            _ => {}
        }
        visitor::walk_pattern(self, pattern);
    }

    fn visit_type_param(&mut self, type_param: &'a ast::TypeParam) {
        self.bind(type_param.name().as_str());
        visitor::walk_type_param(self, type_param);
    }
}

/// The reads a module makes while it is loaded, and those its functions' bodies make when they
/// run, outside anything that may guard them. A name is reported once at the top level and once
/// in each function (its first read there: each function raises on its own).
struct TopLevelReads<'b> {
    bound: &'b HashSet<CompactString, FxBuildHasher>,
    seen: HashSet<CompactString, FxBuildHasher>,
    seen_in_functions: HashSet<(CompactString, CompactString), FxBuildHasher>,
    /// The function whose body is being read (the innermost one).
    function: Option<CompactString>,
    out: Vec<FreeRead>,
}

impl<'a> Visitor<'a> for TopLevelReads<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            // A function's decorators and defaults run when it is defined; its body when called
            // (a pipeline step's, at each sign-on). A name bound anywhere in the file counts as
            // bound there too: only a name the file never binds is judged.
            Stmt::FunctionDef(def) => {
                def.decorator_list.iter().for_each(|d| self.visit_expr(&d.expression));
                for parameter in def.parameters.iter_non_variadic_params() {
                    if let Some(default) = &parameter.default {
                        self.visit_expr(default);
                    }
                }
                let outer = self.function.take();
                // A nested function runs when it is called, not when its outer one is.
                self.function = Some(CompactString::from(def.name.as_str()));
                self.visit_straight_line(&def.body);
                self.function = outer;
            }
            // A `try` may catch the NameError; a class body and annotations (lazy from Python
            // 3.14, or strings under `from __future__ import annotations`) are not judged.
            Stmt::Try(_) | Stmt::ClassDef(_) => {}
            // `with contextlib.suppress(NameError):` may swallow it too.
            Stmt::With(with) if with.items.iter().any(|item| mentions_suppress(&item.context_expr)) => {}
            Stmt::AnnAssign(assign) => {
                if let Some(value) = &assign.value {
                    self.visit_expr(value);
                }
                self.visit_expr(&assign.target);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(name) if name.ctx == ExprContext::Load => {
                let id = name.id.as_str();
                // Underscores alone: a template's slot the parser masked (`parse::netbox`).
                let masked = id.bytes().all(|b| b == b'_');
                let first = match &self.function {
                    Some(function) => self.seen_in_functions.insert((function.clone(), CompactString::from(id))),
                    None => self.seen.insert(CompactString::from(id)),
                };
                if !masked && !self.bound.contains(id) && !is_builtin(id) && first {
                    let range = name.range();
                    self.out.push(FreeRead {
                        name: CompactString::from(id),
                        range: range.start().to_usize()..range.end().to_usize(),
                        function: self.function.clone(),
                    });
                }
            }
            // `{{ db_port }}`: a template's slot left in the file, filled in before Python reads it.
            Expr::Set(slot) if matches!(slot.elts.as_slice(), [Expr::Set(_)]) => {}
            Expr::Lambda(_) | Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {}
            _ => visitor::walk_expr(self, expr),
        }
    }
}

impl TopLevelReads<'_> {
    /// What a function's body surely runs each time it is called: its statements up to the first
    /// `return` or `raise`, and of a compound statement only its header (an `if`'s test, a
    /// loop's iterable, a `with`'s context managers): a branch may never run (a `raise` for a
    /// configuration the file does not have, corpus case t129), so its reads are not judged.
    fn visit_straight_line(&mut self, body: &[Stmt]) {
        for stmt in body {
            match stmt {
                Stmt::If(branch) => self.visit_expr(&branch.test),
                Stmt::While(repeat) => self.visit_expr(&repeat.test),
                Stmt::For(each) => self.visit_expr(&each.iter),
                Stmt::With(with) if !with.items.iter().any(|item| mentions_suppress(&item.context_expr)) => {
                    with.items.iter().for_each(|item| self.visit_expr(&item.context_expr));
                }
                Stmt::Match(choice) => self.visit_expr(&choice.subject),
                Stmt::Return(_) | Stmt::Raise(_) => {
                    self.visit_stmt(stmt);
                    return;
                }
                _ => self.visit_stmt(stmt),
            }
        }
    }
}

/// `suppress(…)` or `contextlib.suppress(…)`.
fn mentions_suppress(expr: &Expr) -> bool {
    let Expr::Call(call) = expr else { return false };
    match call.func.as_ref() {
        Expr::Name(name) => name.id.as_str() == "suppress",
        Expr::Attribute(attribute) => attribute.attr.as_str() == "suppress",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn free(text: &str) -> Vec<String> {
        let parsed = ruff_python_parser::parse_unchecked_source(text, ast::PySourceType::Python);
        read(&parsed.syntax().body).free_reads.into_iter().map(|r| r.name.to_string()).collect()
    }

    #[test]
    fn a_name_read_at_the_top_level_and_bound_nowhere_is_free() {
        assert_eq!(
            free("PLUGINS.append('netbox_bgp')\nPLUGINS_CONFIG['netbox_bgp'] = {}\n"),
            ["PLUGINS", "PLUGINS_CONFIG"]
        );
        assert_eq!(free("X = Y + 1\nZ = Y\n"), ["Y"]);
    }

    #[test]
    fn bindings_anywhere_and_builtins_are_not_free() {
        assert!(free("from netbox.configuration.configuration import PLUGINS\nPLUGINS.append('x')\n").is_empty());
        assert!(free("import os.path\nX = os.path.join('a', 'b')\n").is_empty());
        assert!(free("if True:\n    A = 1\nB = A\nC = len([1]) + int('2')\nD = __file__\n").is_empty());
        assert!(free("def f():\n    global G\n    G = 1\nf()\nH = G\n").is_empty());
        assert!(free("for i in range(3):\n    pass\nJ = i\n").is_empty());
    }

    #[test]
    fn guarded_and_deferred_reads_are_not_judged() {
        assert!(free("try:\n    PLUGINS.append('x')\nexcept NameError:\n    pass\n").is_empty());
        assert!(free("def f():\n    try:\n        return MISSING\n    except NameError:\n        pass\n").is_empty());
        assert!(free("F = lambda: MISSING\nL = [MISSING for _ in range(1)]\n").is_empty());
        assert!(free("class C:\n    x = MISSING\n").is_empty());
        assert!(free("import contextlib\nwith contextlib.suppress(NameError):\n    PLUGINS.append('x')\n").is_empty());
        assert!(free("DATABASE = {'PORT': {{ db_port }}, 'HOST': {{ db_host | to_json }}}\n").is_empty());
    }

    #[test]
    fn the_builtins_are_sorted_for_the_binary_search() {
        // An unsorted table would miss builtins and report `len` or `print` as undefined.
        assert!(BUILTINS.is_sorted());
        assert!(is_builtin("print") && is_builtin("ValueError") && !is_builtin("PLUGINS"));
    }

    #[test]
    fn every_read_is_recorded() {
        let text = "BASE = 'dc=example,dc=com'\nAUTH_LDAP_USER_STAFF = 'staff'\nFLAGS = {'is_staff': f'cn={AUTH_LDAP_USER_STAFF},{BASE}'}\n";
        let parsed = ruff_python_parser::parse_unchecked_source(text, ast::PySourceType::Python);
        let names = read(&parsed.syntax().body);
        assert!(names.read.contains("AUTH_LDAP_USER_STAFF") && names.read.contains("BASE"));
        assert!(!names.read.contains("FLAGS"));
    }

    #[test]
    fn a_file_that_may_bind_unseen_names_has_no_free_reads() {
        assert!(free("from netbox.configuration.configuration import *\nPLUGINS.append('x')\n").is_empty());
        assert!(free("globals().update({'A': 1})\nB = A\n").is_empty());
        assert!(free("if 'PLUGINS' in dir():\n    PLUGINS.append('x')\n").is_empty());
        assert!(free("import sys\nsetattr(sys.modules[__name__], 'PLUGINS', [])\nPLUGINS.append('x')\n").is_empty());
        let environment = "import os\nfor k, v in os.environ.items():\n    pass\n";
        let parsed = ruff_python_parser::parse_unchecked_source(environment, ast::PySourceType::Python);
        assert!(read(&parsed.syntax().body).opaque);
        // `dir(x)` asks about another object.
        assert_eq!(free("import os\nNAMES = dir(os)\nX = MISSING\n"), ["MISSING"]);
    }

    /// A pipeline step that logs without importing `logging` (corpus case t129): NameError at
    /// each sign-on. A name bound anywhere in the file, a parameter or a local, is not judged.
    #[test]
    fn a_functions_body_reads_are_judged_when_the_file_binds_the_name_nowhere() {
        let text = "def step(response, user, *args, **kwargs):\n    import jwt\n    logger = logging.getLogger('x')\n    if 'KEY' not in kwargs:\n        raise ImproperlyConfigured('KEY')\n    def inner():\n        return logging, jwt, user, logger\n    return MISSING\n    UNREACHED\n";
        let parsed = ruff_python_parser::parse_unchecked_source(text, ast::PySourceType::Python);
        let reads = read(&parsed.syntax().body).free_reads;
        let got: Vec<(String, Option<String>)> =
            reads.iter().map(|r| (r.name.to_string(), r.function.as_ref().map(ToString::to_string))).collect();
        // a branch's reads may never run; `inner`'s are its own, when it is called
        let with = |name: &str, function: &str| (name.to_owned(), Some(function.to_owned()));
        assert_eq!(got, [with("logging", "step"), with("logging", "inner"), with("MISSING", "step")]);
        let two = "def a():\n    return logging\ndef b():\n    return logging\n";
        let parsed = ruff_python_parser::parse_unchecked_source(two, ast::PySourceType::Python);
        assert_eq!(read(&parsed.syntax().body).free_reads.len(), 2, "each function raises on its own");
        assert!(free("import logging\ndef step():\n    return logging.getLogger('x')\n").is_empty());
        assert!(free("def step():\n    return LOG\nLOG = 1\n").is_empty());
    }
}
