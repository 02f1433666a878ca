//! The shape of the source: imports between the modules of `src/` form no cycle and point down
//! the stages only, no file under
//! `src/rules/` grows past what one rule (or one small family) needs, and every rule file holds
//! its cases: one that fires and a near miss that does not.
//!
//! The module graph is read from the source files themselves: `mod` declarations give the tree
//! (a parent declaring a child is not an import), and every `use` tree and every path in code
//! that starts at `crate::`, `super::`, `self::`, `mdbook_configcheck::`, a child module or a
//! module brought in by a `use` is an edge to the module that defines the named item. A name
//! that a module only passes on (`pub use`, or a private `use` seen by its children) is followed
//! to the module that defines it. Inline modules (the unit tests) are modules of their own. A
//! domain's registry, `rules! { file => RULE, … }`, declares each module `file` and imports its
//! `RULE`. Every `.rs` file under `src/rules/` must be a declared module: the compiler ignores
//! the others.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The longest a file under `src/rules/` may be: one rule, its documentation and its cases.
const RULE_FILE_MAX_LINES: usize = 400;

#[test]
fn the_modules_import_each_other_without_a_cycle() {
    let graph = ModuleGraph::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let cycles = graph.cycles();
    assert!(cycles.is_empty(), "import cycles between modules:\n{}", graph.describe(&cycles));
}

/// The stages, lowest first: a module may import its own stage and those below it, never one
/// above. Test code (a module named `tests` or `testing`) runs the whole pipeline and is exempt.
const STAGES: &[(&str, &[&str])] = &[
    (
        "base",
        &["source", "version", "finding", "own_rules", "fingerprint", "parallel", "protocol", "secret", "spelling"],
    ),
    ("extract", &["extract"]),
    ("parse", &["parse"]),
    ("model", &["model"]),
    ("rules", &["rules"]),
    // book.toml's settings name rules (allows, severity overrides); a finding resolved to its
    // file and line is what checking produces.
    ("settings and diagnostics", &["config", "diagnostic"]),
    ("check", &["check", "executable", "verification"]),
    ("report", &["report"]),
    ("export", &["export"]),
    ("book and binary", &["book", "lint", "crate", "main"]),
];

#[test]
fn every_stage_imports_only_its_own_and_lower_stages() {
    let graph = ModuleGraph::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let rank = |module: &Module| {
        let top = module.name.split("::").next().unwrap();
        let rank = STAGES.iter().position(|(_, modules)| modules.contains(&top));
        rank.unwrap_or_else(|| panic!("{} is in no stage of STAGES", module.name))
    };
    let mut upward = Vec::new();
    for (&(from, to), at) in &graph.edges {
        let (a, b) = (&graph.modules[from], &graph.modules[to]);
        if a.name.split("::").any(|s| s == "tests" || s == "testing") {
            continue;
        }
        if rank(b) > rank(a) {
            upward.push(format!("{} ({}) -> {} ({})   ({at})", a.name, STAGES[rank(a)].0, b.name, STAGES[rank(b)].0));
        }
    }
    assert!(upward.is_empty(), "imports pointing up the stages:\n{}", upward.join("\n"));
}

#[test]
fn no_file_under_rules_is_longer_than_one_rule_needs() {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut long = Vec::new();
    for file in rust_files(&rules) {
        let lines = std::fs::read_to_string(&file).unwrap().lines().count();
        if lines > RULE_FILE_MAX_LINES {
            long.push(format!("{} has {lines} lines", file.display()));
        }
    }
    assert!(long.is_empty(), "longer than {RULE_FILE_MAX_LINES} lines:\n{}", long.join("\n"));
}

#[test]
fn every_rule_file_has_a_firing_case_and_a_near_miss() {
    // A rule is a `pub const …: Rule` in a file under rules/<domain>/; its cases are in the same
    // file's tests: `assert_cases(&super::RULE, …)` or `assert_cases_in(&super::RULE, FILE, …)`
    // (each case with its near miss), or
    // `assert_fires("id", …)` and `assert_quiet("id", …)` (or their `_in_chapter` forms, for a
    // rule that needs several blocks, or `_linted`, for one that needs what only `lint` knows). A rule with no check in its file is
    // reported by another stage (nginx -t) and tested there.
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut missing = Vec::new();
    let mut seen = 0;
    for file in rust_files(&rules) {
        if file.parent() == Some(rules.as_path()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let flat: String = text.split_whitespace().collect();
        let tests = flat.find("#[cfg(test)]").map_or("", |at| &flat[at..]);
        let checked = flat.contains("pubfn");
        for (name, id) in rules_defined(&text) {
            seen += 1;
            if !checked {
                continue;
            }
            let cases = tests.contains(&format!("assert_cases(&super::{name},"))
                || tests.contains(&format!("assert_cases_in(&super::{name},"));
            let fires = |check: &str| tests.contains(&format!("{check}(\"{id}\""));
            if !cases && !fires("assert_fires") && !fires("assert_fires_in_chapter") && !fires("assert_fires_linted") {
                missing.push(format!("{}: {id} has no firing case", file.display()));
            }
            if !cases && !fires("assert_quiet") && !fires("assert_quiet_in_chapter") && !fires("assert_quiet_linted") {
                missing.push(format!("{}: {id} has no near miss", file.display()));
            }
        }
    }
    assert!(seen > 50, "found only {seen} rules under {}", rules.display());
    assert!(missing.is_empty(), "rules without their cases:\n{}", missing.join("\n"));
}

/// `(CONST, id)` of each `pub const CONST: Rule = Rule { id: "…", … }` in a file.
fn rules_defined(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(": Rule = Rule {") {
        let name = rest[..at].rsplit(' ').next().unwrap().to_string();
        rest = &rest[at..];
        let id = rest.split('"').nth(1).unwrap().to_string();
        found.push((name, id));
        rest = &rest[1..];
    }
    found
}

#[test]
fn every_file_under_rules_is_a_declared_module() {
    // The compiler ignores a file no module declares: a rule written there would never run.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = ModuleGraph::read(&src);
    let stray = undeclared(&graph, &src.join("rules"));
    assert!(stray.is_empty(), "files no module declares:\n{}", lines(&stray));
}

/// The `.rs` files under `dir` that are no module's file.
fn undeclared(graph: &ModuleGraph, dir: &Path) -> Vec<PathBuf> {
    let declared: BTreeSet<&PathBuf> = graph.modules.iter().map(|m| &m.file).collect();
    rust_files(dir).into_iter().filter(|file| !declared.contains(file)).collect()
}

fn lines(files: &[PathBuf]) -> String {
    files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join("\n")
}

/// Write a source file of a scratch tree, making its folders.
fn write_file(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The graph's edges by module name: `("rules::netbox::first", "base")`.
fn named_edges(graph: &ModuleGraph) -> BTreeSet<(String, String)> {
    graph.edges.keys().map(|&(from, to)| (graph.modules[from].name.clone(), graph.modules[to].name.clone())).collect()
}

fn pair(from: &str, to: &str) -> (String, String) {
    (from.to_string(), to.to_string())
}

#[test]
fn the_reader_sees_the_modules_a_registry_declares() {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| write_file(dir.path(), path, text);
    write("lib.rs", "pub mod base;\npub mod rules;\n");
    write("base.rs", "pub struct Id;\n");
    write("rules/mod.rs", "pub mod netbox;\nfn f() { let _ = netbox::CHECKS; }\n");
    write(
        "rules/netbox/mod.rs",
        "mod shared;\n\nrules! {\n    first => FIRST,\n    second => SECOND;\n    reported elsewhere:\n    third => THIRD,\n}\n",
    );
    write("rules/netbox/shared.rs", "pub(super) fn helper() {}\n");
    write("rules/netbox/first.rs", "use super::shared::helper;\nuse crate::base::Id;\n");
    write("rules/netbox/second.rs", "pub fn second() {}\n");
    write("rules/netbox/third.rs", "pub const THIRD: () = ();\n");
    let graph = ModuleGraph::read(dir.path());
    let names: BTreeSet<&str> = graph.modules.iter().map(|m| m.name.as_str()).collect();
    for module in ["rules::netbox::first", "rules::netbox::second", "rules::netbox::third"] {
        assert!(names.contains(module), "{module} not seen: {names:?}");
    }
    let edges = named_edges(&graph);
    // The registry names each rule of its modules; a rule file's own imports are read.
    for edge in [
        pair("rules", "rules::netbox"),
        pair("rules::netbox", "rules::netbox::first"),
        pair("rules::netbox", "rules::netbox::third"),
        pair("rules::netbox::first", "rules::netbox::shared"),
        pair("rules::netbox::first", "base"),
    ] {
        assert!(edges.contains(&edge), "{edge:?} not seen: {edges:?}");
    }
    assert!(graph.cycles().is_empty());
    assert!(undeclared(&graph, &dir.path().join("rules")).is_empty());
    // A helper in the registry itself closes a circle with the rule that uses it.
    write("rules/netbox/mod.rs", "rules! {\n    first => FIRST,\n}\npub(super) fn helper() {}\n");
    write("rules/netbox/first.rs", "use super::helper;\n");
    let graph = ModuleGraph::read(dir.path());
    let found = graph.describe(&graph.cycles());
    assert!(found.contains("rules::netbox -> rules::netbox::first"), "{found}");
    // The files it no longer declares are found.
    let stray = lines(&undeclared(&graph, &dir.path().join("rules")));
    for file in ["shared.rs", "second.rs", "third.rs"] {
        assert!(stray.contains(file), "{file} not reported: {stray}");
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle_and_only_cycles() {
    // a -> b -> c -> a is a cycle; d -> a and c -> e hang off it; f -> f is ignored.
    let edges = [(0, 1), (1, 2), (2, 0), (3, 0), (2, 4), (5, 5)];
    let cycles = cycles(6, &edges);
    assert_eq!(cycles, vec![vec![0, 1, 2]]);
    assert_eq!(self::cycles(3, &[(0, 1), (1, 2)]), Vec::<Vec<usize>>::new());
    // Two separate circles are both reported.
    assert_eq!(self::cycles(4, &[(0, 1), (1, 0), (2, 3), (3, 2)]), vec![vec![0, 1], vec![2, 3]]);
}

#[test]
fn the_reader_sees_imports_in_every_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| write_file(dir.path(), path, text);
    write("lib.rs", "pub mod base;\npub mod stage;\npub mod top;\n");
    write("base.rs", "pub struct Id;\n// crate::top::X in a comment is no import\nconst S: &str = \"crate::top\";\n");
    write("stage/mod.rs", "pub mod inner;\npub use self::inner::Thing;\n");
    write("stage/inner.rs", "use super::super::base::Id;\npub struct Thing(Id);\n");
    // Through a re-export: an edge to stage::inner, not to stage.
    write("top.rs", "use crate::stage::{self, Thing};\nfn f() { let _ = stage::inner::Thing; }\n");
    let graph = ModuleGraph::read(dir.path());
    let edges = named_edges(&graph);
    assert_eq!(
        edges,
        BTreeSet::from([pair("stage", "stage::inner"), pair("stage::inner", "base"), pair("top", "stage::inner")])
    );
    assert!(graph.cycles().is_empty());
    // One path in code that points back up closes a circle, and it is found.
    write("base.rs", "pub struct Id;\nfn f() { crate::top::g(); }\n");
    let graph = ModuleGraph::read(dir.path());
    let found = graph.describe(&graph.cycles());
    assert!(found.contains("base -> top") && found.contains("stage::inner -> base"), "{found}");
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

// ---------------------------------------------------------------------------------------------
// The cycle finder.

/// Every strongly connected component of more than one node, as sorted node lists in order of
/// their smallest node (Tarjan's algorithm, iterative). Self-edges are not cycles.
fn cycles(nodes: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut next = vec![Vec::new(); nodes];
    for &(a, b) in edges {
        if a != b {
            next[a].push(b);
        }
    }
    let mut index = vec![usize::MAX; nodes];
    let mut low = vec![0; nodes];
    let mut on_stack = vec![false; nodes];
    let mut stack = Vec::new();
    let mut counter = 0;
    let mut components = Vec::new();
    for root in 0..nodes {
        if index[root] != usize::MAX {
            continue;
        }
        // (node, position in its successor list)
        let mut work = vec![(root, 0)];
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (node, ref mut at)) = work.last_mut() {
            if let Some(&succ) = next[node].get(*at) {
                *at += 1;
                if index[succ] == usize::MAX {
                    index[succ] = counter;
                    low[succ] = counter;
                    counter += 1;
                    stack.push(succ);
                    on_stack[succ] = true;
                    work.push((succ, 0));
                } else if on_stack[succ] {
                    low[node] = low[node].min(index[succ]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                let mut component = Vec::new();
                loop {
                    let member = stack.pop().unwrap();
                    on_stack[member] = false;
                    component.push(member);
                    if member == node {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort_unstable();
                    components.push(component);
                }
            }
        }
    }
    components.sort();
    components
}

/// A shortest cycle through `start` inside `component` (breadth first).
fn cycle_through(start: usize, component: &[usize], edges: &[(usize, usize)]) -> Vec<usize> {
    let inside: BTreeSet<usize> = component.iter().copied().collect();
    let mut came_from: HashMap<usize, usize> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &(a, b) in edges.iter().filter(|&&(a, b)| a == node && a != b && inside.contains(&b)) {
            if b == start {
                let mut path = vec![a];
                while let Some(&before) = path.last().and_then(|n| came_from.get(n)) {
                    path.push(before);
                }
                path.reverse();
                return path;
            }
            if b != start
                && let std::collections::hash_map::Entry::Vacant(entry) = came_from.entry(b)
            {
                entry.insert(a);
                queue.push_back(b);
            }
        }
    }
    vec![start]
}

// ---------------------------------------------------------------------------------------------
// Reading the module graph from the source.

#[derive(Debug)]
struct Module {
    /// `extract`, `rules::netbox::tests`; the library's root is `crate`, the binary's `main`.
    name: String,
    file: PathBuf,
    /// The crate root this module belongs to.
    root: usize,
    parent: Option<usize>,
    children: BTreeMap<String, usize>,
    /// Names this module brings in with `use`, and the paths as written there.
    imports: HashMap<String, Vec<String>>,
    /// `use super::*`: sees its parent's names too.
    glob_parent: bool,
}

#[derive(Debug, Default)]
struct ModuleGraph {
    modules: Vec<Module>,
    /// (from, to) → where it is written (`file:line`).
    edges: BTreeMap<(usize, usize), String>,
    library: usize,
}

/// A path as written, with where.
struct Written {
    module: usize,
    segments: Vec<String>,
    line: usize,
    /// A `use` of one name: when that name is a module, it makes no edge.
    names_item: bool,
}

impl ModuleGraph {
    fn read(src: &Path) -> ModuleGraph {
        let mut graph = ModuleGraph::default();
        let mut written = Vec::new();
        graph.library = graph.read_file(src.join("lib.rs"), "crate".into(), None, None, &mut written);
        if src.join("main.rs").exists() {
            graph.read_file(src.join("main.rs"), "main".into(), None, None, &mut written);
        }
        for path in &written {
            if let Some((target, whole)) = graph.resolve(path.module, &path.segments, 0)
                && target != path.module
                && !(whole && path.names_item)
            {
                let file = &graph.modules[path.module].file;
                graph.edges.entry((path.module, target)).or_insert_with(|| format!("{}:{}", file.display(), path.line));
            }
        }
        graph
    }

    /// Read one module file and the files it declares; returns its node.
    fn read_file(
        &mut self,
        file: PathBuf,
        name: String,
        parent: Option<usize>,
        root: Option<usize>,
        written: &mut Vec<Written>,
    ) -> usize {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let tokens = tokenize(&blank_comments_and_literals(&text));
        let id = self.add(name, file.clone(), parent, root);
        // A module `a` in `a.rs` keeps its children in `a/`; `mod.rs`, `lib.rs`, `main.rs` beside them.
        let stem = file.file_stem().unwrap().to_string_lossy().to_string();
        let dir = if ["mod", "lib", "main"].contains(&stem.as_str()) {
            file.parent().unwrap().to_path_buf()
        } else {
            file.parent().unwrap().join(&stem)
        };
        let mut file_children = Vec::new();
        self.read_items(&tokens, id, &mut file_children, written);
        for (child, child_name) in file_children {
            let as_file = dir.join(format!("{child}.rs"));
            let path = if as_file.exists() { as_file } else { dir.join(&child).join("mod.rs") };
            let root = self.modules[id].root;
            let node = self.read_file(path, child_name, Some(id), Some(root), written);
            self.modules[id].children.insert(child, node);
        }
        id
    }

    fn add(&mut self, name: String, file: PathBuf, parent: Option<usize>, root: Option<usize>) -> usize {
        let id = self.modules.len();
        self.modules.push(Module {
            name,
            file,
            root: root.unwrap_or(id),
            parent,
            children: BTreeMap::new(),
            imports: HashMap::new(),
            glob_parent: false,
        });
        id
    }

    /// Walk a file's tokens: `mod` declarations, inline modules, `use` trees and paths in code.
    fn read_items(
        &mut self,
        tokens: &[Token],
        file_module: usize,
        file_children: &mut Vec<(String, String)>,
        written: &mut Vec<Written>,
    ) {
        // The module each open brace belongs to, so that an inline module ends at its brace.
        let mut scopes: Vec<(usize, usize)> = Vec::new(); // (module, depth where it started)
        let mut depth = 0;
        let current = |scopes: &Vec<(usize, usize)>| scopes.last().map_or(file_module, |s| s.0);
        let mut i = 0;
        while i < tokens.len() {
            let module = current(&scopes);
            match &tokens[i].text[..] {
                "{" => depth += 1,
                "}" => {
                    depth -= 1;
                    if scopes.last().is_some_and(|&(_, d)| d == depth) {
                        scopes.pop();
                    }
                }
                "mod" if tokens.get(i + 1).is_some_and(|t| is_ident(&t.text)) => {
                    let child = tokens[i + 1].text.clone();
                    let name = format!("{}{child}", self.qualified(module));
                    match tokens.get(i + 2).map(|t| &t.text[..]) {
                        Some(";") if module == file_module => file_children.push((child, name)),
                        Some("{") => {
                            let file = self.modules[file_module].file.clone();
                            let root = self.modules[module].root;
                            let node = self.add(name, file, Some(module), Some(root));
                            self.modules[module].children.insert(child, node);
                            scopes.push((node, depth));
                            depth += 1;
                            i += 3;
                            continue;
                        }
                        _ => {}
                    }
                    i += 2;
                    continue;
                }
                // A domain's registry (src/rules/<domain>/mod.rs): each `file => RULE` of
                // `rules! { … }` declares the module `file` and names its rule and check.
                "rules"
                    if module == file_module
                        && tokens.get(i + 1).is_some_and(|t| t.text == "!")
                        && tokens.get(i + 2).is_some_and(|t| t.text == "{") =>
                {
                    let end = matching_brace(tokens, i + 2);
                    for k in i + 3..end.saturating_sub(3) {
                        let [file, eq, gt, rule] = [&tokens[k], &tokens[k + 1], &tokens[k + 2], &tokens[k + 3]];
                        if is_ident(&file.text) && eq.text == "=" && gt.text == ">" && is_ident(&rule.text) {
                            let name = format!("{}{}", self.qualified(module), file.text);
                            file_children.push((file.text.clone(), name));
                            let segments = vec![file.text.clone(), rule.text.clone()];
                            written.push(Written { module, segments, line: file.line, names_item: false });
                        }
                    }
                    i = end + 1;
                    continue;
                }
                "use" => {
                    let end = tokens[i..].iter().position(|t| t.text == ";").map_or(tokens.len(), |p| i + p);
                    let mut trees = Vec::new();
                    use_tree(&tokens[i + 1..end], &mut Vec::new(), &mut trees);
                    for (path, alias) in trees {
                        if path.len() == 2 && path[0] == "super" && path[1] == "*" {
                            self.modules[module].glob_parent = true;
                        }
                        let glob = path.last().is_some_and(|s| s == "*");
                        let path: Vec<String> = path.into_iter().filter(|s| s != "*").collect();
                        if let Some(alias) = alias {
                            self.modules[module].imports.insert(alias, path.clone());
                        }
                        // Binding a module's name is no import by itself; what code names through it is.
                        written.push(Written { module, segments: path, line: tokens[i].line, names_item: !glob });
                    }
                    i = end;
                    continue;
                }
                text if is_ident(text) && tokens.get(i + 1).is_some_and(|t| t.text == "::") => {
                    let after_separator = i > 0 && tokens[i - 1].text == "::";
                    if !after_separator {
                        let mut segments = vec![text.to_string()];
                        let mut j = i + 1;
                        while tokens.get(j).is_some_and(|t| t.text == "::")
                            && tokens.get(j + 1).is_some_and(|t| is_ident(&t.text))
                        {
                            segments.push(tokens[j + 1].text.clone());
                            j += 2;
                        }
                        written.push(Written { module, segments, line: tokens[i].line, names_item: false });
                        i = j;
                        continue;
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }

    fn qualified(&self, module: usize) -> String {
        if module == self.library { String::new() } else { format!("{}::", self.modules[module].name) }
    }

    /// A path as written in `module`, made absolute from its crate's root; `None` for paths into
    /// other crates and for local names.
    fn absolute(&self, module: usize, path: &[String]) -> Option<Vec<String>> {
        let first = path.first()?;
        let mut base = match first.as_str() {
            "crate" => Vec::new(),
            "mdbook_configcheck" => vec!["\u{0}library".to_string()],
            "self" => self.path_of(module),
            "super" => {
                let mut at = module;
                let mut rest = path;
                while rest.first().is_some_and(|s| s == "super") {
                    at = self.modules[at].parent?;
                    rest = &rest[1..];
                }
                let mut base = self.path_of(at);
                base.extend(rest.iter().cloned());
                return Some(base);
            }
            _ => {
                if let Some(target) = self.visible(module, first) {
                    let mut base = target;
                    base.extend(path[1..].iter().cloned());
                    return Some(base);
                }
                return None;
            }
        };
        base.extend(path[1..].iter().cloned());
        Some(base)
    }

    /// What a bare name means in `module`: a child module or an imported name.
    fn visible(&self, module: usize, name: &str) -> Option<Vec<String>> {
        let m = &self.modules[module];
        if m.children.contains_key(name) {
            let mut path = self.path_of(module);
            path.push(name.to_string());
            return Some(path);
        }
        if let Some(path) = m.imports.get(name)
            && path.first().is_none_or(|first| first != name)
        {
            return self.absolute(module, path);
        }
        if m.glob_parent {
            return self.visible(m.parent?, name);
        }
        None
    }

    /// The absolute path of a module from its crate's root.
    fn path_of(&self, module: usize) -> Vec<String> {
        let mut path = Vec::new();
        let mut at = module;
        while let Some(parent) = self.modules[at].parent {
            let name = self.modules[at].name.rsplit("::").next().unwrap().to_string();
            path.push(name);
            at = parent;
        }
        path.reverse();
        path
    }

    /// The module that defines what `segments` (as written in `module`) names, and whether the
    /// whole path names that module.
    fn resolve(&self, module: usize, segments: &[String], hops: usize) -> Option<(usize, bool)> {
        let absolute = self.absolute(module, segments)?;
        self.resolve_absolute(self.modules[module].root, &absolute, hops)
    }

    fn resolve_absolute(&self, root: usize, absolute: &[String], hops: usize) -> Option<(usize, bool)> {
        let (mut at, rest) = match absolute.first() {
            Some(first) if first == "\u{0}library" => (self.library, &absolute[1..]),
            _ => (root, absolute),
        };
        for (k, segment) in rest.iter().enumerate() {
            if let Some(&child) = self.modules[at].children.get(segment) {
                at = child;
                continue;
            }
            // A name this module passes on: follow it to where it is defined.
            if hops < 8
                && let Some(written) = self.modules[at].imports.get(segment)
            {
                let mut path = written.clone();
                path.extend(rest[k + 1..].iter().cloned());
                return self.resolve(at, &path, hops + 1);
            }
            return Some((at, false));
        }
        Some((at, true))
    }

    fn cycles(&self) -> Vec<Vec<usize>> {
        let edges: Vec<(usize, usize)> = self.edges.keys().copied().collect();
        cycles(self.modules.len(), &edges)
    }

    /// Each cycle as `a -> b -> … -> a`, with where each import is written.
    fn describe(&self, components: &[Vec<usize>]) -> String {
        let edges: Vec<(usize, usize)> = self.edges.keys().copied().collect();
        let mut out = String::new();
        for component in components {
            let names: Vec<&str> = component.iter().map(|&m| self.modules[m].name.as_str()).collect();
            let _ = writeln!(out, "{} modules form a circle: {}", component.len(), names.join(", "));
            let path = cycle_through(component[0], component, &edges);
            for (k, &from) in path.iter().enumerate() {
                let to = path[(k + 1) % path.len()];
                let _ = writeln!(
                    out,
                    "  {} -> {}   ({})",
                    self.modules[from].name,
                    self.modules[to].name,
                    self.edges[&(from, to)]
                );
            }
        }
        out
    }
}

/// The position of the `}` that closes the `{` at `open` (the end of the tokens if none does).
fn matching_brace(tokens: &[Token], open: usize) -> usize {
    let mut depth = 0;
    for (k, token) in tokens.iter().enumerate().skip(open) {
        match &token.text[..] {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

/// Expand a `use` tree into (path, the name it binds).
fn use_tree(tokens: &[Token], prefix: &mut Vec<String>, out: &mut Vec<(Vec<String>, Option<String>)>) {
    let mut i = 0;
    let start = prefix.len();
    while i < tokens.len() {
        match &tokens[i].text[..] {
            "::" | "pub" | "(" | ")" => {}
            "{" => {
                // The matching brace, then each comma-separated part on its own.
                let mut depth = 0;
                let mut part_start = i + 1;
                let mut j = i;
                while j < tokens.len() {
                    match &tokens[j].text[..] {
                        "{" => depth += 1,
                        "}" => {
                            depth -= 1;
                            if depth == 0 {
                                use_tree(&tokens[part_start..j], prefix, out);
                                break;
                            }
                        }
                        "," if depth == 1 => {
                            use_tree(&tokens[part_start..j], prefix, out);
                            part_start = j + 1;
                        }
                        _ => {}
                    }
                    j += 1;
                }
                prefix.truncate(start);
                return;
            }
            "as" => {
                let alias = tokens.get(i + 1).map(|t| t.text.clone());
                out.push((prefix.clone(), alias.filter(|a| a != "_")));
                prefix.truncate(start);
                return;
            }
            "self" if i > 0 || start > 0 => {
                // `{self, …}`: the module itself, bound to its own name.
                let alias = prefix.last().cloned();
                out.push((prefix.clone(), alias));
                prefix.truncate(start);
                return;
            }
            text => prefix.push(text.to_string()),
        }
        i += 1;
    }
    if prefix.len() > start {
        let alias = prefix.last().filter(|s| *s != "*").cloned();
        out.push((prefix.clone(), alias));
    }
    prefix.truncate(start);
}

#[derive(Debug, Clone)]
struct Token {
    text: String,
    line: usize,
}

fn is_ident(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Identifiers, `::` and single punctuation characters, with their lines.
fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
        }
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(Token { text: chars[start..i].iter().collect(), line });
            continue;
        }
        if c == ':' && chars.get(i + 1) == Some(&':') {
            tokens.push(Token { text: "::".into(), line });
            i += 2;
            continue;
        }
        if !c.is_whitespace() {
            tokens.push(Token { text: c.to_string(), line });
        }
        i += 1;
    }
    tokens
}

/// The text with comments and the insides of string and character literals replaced by spaces
/// (line breaks kept), so that a path in a doc comment or a message is no import.
fn blank_comments_and_literals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = chars.clone();
    let blank = |out: &mut Vec<char>, from: usize, to: usize| {
        for c in &mut out[from..to.min(chars.len())] {
            if *c != '\n' {
                *c = ' ';
            }
        }
    };
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            let end = chars[i..].iter().position(|&c| c == '\n').map_or(chars.len(), |p| i + p);
            blank(&mut out, i, end);
            i = end;
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            let mut j = i;
            while j < chars.len() {
                if chars[j] == '/' && chars.get(j + 1) == Some(&'*') {
                    depth += 1;
                    j += 2;
                } else if chars[j] == '*' && chars.get(j + 1) == Some(&'/') {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if (c == 'r' || (c == 'b' && next == Some('r'))) && (i == 0 || !ident(chars[i - 1])) && {
            let r = if c == 'b' { i + 1 } else { i };
            let hashes = chars[r + 1..].iter().take_while(|&&c| c == '#').count();
            chars.get(r + 1 + hashes) == Some(&'"')
        } {
            let r = if c == 'b' { i + 1 } else { i };
            let hashes = chars[r + 1..].iter().take_while(|&&c| c == '#').count();
            let body = r + 2 + hashes;
            let closing: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            let rest: String = chars[body..].iter().collect();
            let end = rest.find(&closing).map_or(chars.len(), |p| body + rest[..p].chars().count());
            blank(&mut out, body, end);
            i = end + 1 + hashes;
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            blank(&mut out, i + 1, j);
            i = j + 1;
        } else if c == '\'' {
            // A character literal ('a', '\n', '\''), or a lifetime ('a) left alone.
            if next == Some('\\') {
                let mut j = i + 2;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                blank(&mut out, i + 1, j);
                i = j + 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                blank(&mut out, i + 1, i + 2);
                i += 3;
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out.into_iter().collect()
}
