//! `{{#include}}` in a checked block, read as mdBook 0.5's `links` preprocessor reads it
//! (`mdbook-driver`, `builtin_preprocessors/links.rs` and `links/take_lines.rs`): the same pattern
//! anywhere in a line (spacing inside the braces, extra arguments after the path), the same line
//! ranges (`:0` is the first line, `:5:` to the end, `::3` up to line 3) and anchors, paths
//! relative to the including file (anywhere on disk, as mdBook allows), and included text expanded
//! again up to mdBook's depth of 10. `\{{#…}}` is the directive's text without the backslash and
//! `{{#title …}}` is removed, as there.
//!
//! Where mdBook would hang or run out of memory, this reader stops with a finding at the directive:
//! regular files only (a FIFO or `/dev/zero` would be read forever), each at most
//! [`MAX_FILE_BYTES`], a block at most [`MAX_BLOCK_BYTES`] and [`MAX_LINKS`] directives once
//! expanded (a file that includes itself twice doubles at every level). Where mdBook leaves an
//! unreadable directive as text, the block leaves it out: the finding says why.

use std::collections::HashMap;
use std::io::Read as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use super::text_map::{Segment, TextMap, normalize};
use crate::source::{Site, SourceFile, SourceId, Sources};

/// mdBook's `MAX_LINK_NESTED_DEPTH`.
const MAX_DEPTH: usize = 10;
/// The largest file an include may read.
pub const MAX_FILE_BYTES: u64 = 8 << 20;
/// The most text one block may hold once its includes are expanded.
pub const MAX_BLOCK_BYTES: usize = 32 << 20;
/// The most directives one block may expand, nested ones included.
pub const MAX_LINKS: usize = 10_000;

/// mdBook's `find_links` pattern, as it is written there.
static LINK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?x)              # insignificant whitespace mode
        \\\{\{\#.*\}\}      # match escaped link
        |                   # or
        \{\{\s*             # link opening parens and whitespace
        \#([a-zA-Z0-9_]+)   # link type
        \s+                 # separating whitespace
        ([^}]+)             # link target path and space separated properties
        \}\}                # link closing parens",
    )
    .ok()
});
static ANCHOR_START: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"ANCHOR:\s*(?P<anchor_name>[\w_-]+)").ok());
static ANCHOR_END: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"ANCHOR_END:\s*(?P<anchor_name>[\w_-]+)").ok());

/// Expands the includes of one chapter's blocks; files read once per chapter.
pub(super) struct Includer<'a> {
    pub sources: &'a mut Sources,
    /// Problems, at their directive.
    pub errors: Vec<(Site, String)>,
    /// The block's own directives (not nested ones) whose text has more than one line.
    pub multi_line: Vec<Site>,
    files: HashMap<PathBuf, Result<SourceId, String>>,
    links: usize,
    bytes: usize,
}

/// What mdBook's `parse_range_or_anchor` makes of the part after the path.
enum Selection {
    Lines(Option<usize>, Option<usize>, bool),
    Anchor(String),
}

impl<'a> Includer<'a> {
    pub(super) fn new(sources: &'a mut Sources) -> Self {
        Includer { sources, errors: Vec::new(), multi_line: Vec::new(), files: HashMap::new(), links: 0, bytes: 0 }
    }

    /// A block's text with its includes expanded. `dir` is where its paths are relative to on
    /// disk, `report_dir` the same as reports name it (relative to the book root).
    pub(super) fn expand_block(
        &mut self,
        text: &str,
        map: &TextMap,
        dir: &Path,
        report_dir: &Path,
    ) -> (String, TextMap) {
        self.links = 0;
        self.bytes = text.len();
        self.expand(text, map, dir, report_dir, 0)
    }

    fn expand(&mut self, text: &str, map: &TextMap, dir: &Path, report_dir: &Path, depth: usize) -> (String, TextMap) {
        let Some(link) = LINK.as_ref() else { return (text.to_string(), map.clone()) };
        if !text.contains("{{") {
            return (text.to_string(), map.clone());
        }
        let mut out = Copy { text: String::with_capacity(text.len()), map: TextMap::default(), next: 0 };
        let mut done = 0;
        for captures in link.captures_iter(text) {
            let Some(whole) = captures.get(0) else { continue };
            let site = || map.site(whole.range());
            match (captures.get(1), captures.get(2)) {
                (None, None) if whole.as_str().starts_with('\\') => {
                    out.copy(text, map, done..whole.start());
                    out.copy(text, map, whole.start() + 1..whole.end());
                }
                (Some(kind), Some(_)) if kind.as_str() == "title" => out.copy(text, map, done..whole.start()),
                (Some(kind), Some(rest)) => {
                    let Some(argument) = rest.as_str().split_whitespace().next() else { continue };
                    if !matches!(kind.as_str(), "include" | "rustdoc_include" | "playground" | "playpen") {
                        continue;
                    }
                    out.copy(text, map, done..whole.start());
                    if kind.as_str() != "include" {
                        self.errors.push((
                            site(),
                            format!(
                                "`{{{{#{}}}}}` is for Rust code: a checked block can only use `{{{{#include}}}}`",
                                kind.as_str()
                            ),
                        ));
                    } else if depth >= MAX_DEPTH {
                        self.errors.push((
                            site(),
                            format!("includes nest deeper than {MAX_DEPTH} levels here (does a file include itself?); mdBook stops at the same depth and leaves this one out"),
                        ));
                    } else {
                        self.include(argument, site(), &mut out, dir, report_dir, depth);
                    }
                }
                _ => continue,
            }
            done = whole.end();
        }
        out.copy(text, map, done..text.len());
        (out.text, out.map)
    }

    /// One `{{#include path…}}`: the selected lines, expanded again, into `out`.
    fn include(&mut self, argument: &str, site: Site, out: &mut Copy, dir: &Path, report_dir: &Path, depth: usize) {
        self.links += 1;
        if self.links > MAX_LINKS {
            if self.links == MAX_LINKS + 1 {
                self.errors
                    .push((site, format!("this block expands more than {MAX_LINKS} includes; the rest are left out")));
            }
            return;
        }
        let (path, rest) = argument.split_once(':').map_or((argument, None), |(p, r)| (p, Some(r)));
        let source = match self.read(&dir.join(path), &report_dir.join(path), path) {
            Ok(source) => source,
            Err(message) => {
                self.errors.push((site, message));
                return;
            }
        };
        let file = self.sources.get(source);
        let file_text = std::sync::Arc::clone(&file.text);
        let lines = lines_of(&file_text);
        let selected: Vec<Range<usize>> = match selection(rest) {
            Selection::Lines(start, end, single) => {
                let start = start.unwrap_or(0);
                let take = match (end, single) {
                    (_, true) => 1,
                    (Some(end), false) => end.saturating_sub(start),
                    (None, false) => usize::MAX,
                };
                lines.into_iter().skip(start).take(take).collect()
            }
            Selection::Anchor(anchor) => {
                let (kept, found) = anchored(&file_text, lines, &anchor);
                if !found {
                    self.errors.push((
                        site.clone(),
                        format!("the anchor `{anchor}` is not in `{path}` (write `ANCHOR: {anchor}` and `ANCHOR_END: {anchor}` lines around the part to include); mdBook includes nothing"),
                    ));
                }
                kept
            }
        };
        // The lines joined with `\n`, as mdBook joins them; each break maps to the file's own.
        let mut text = String::new();
        let mut map = TextMap::default();
        for (i, range) in selected.iter().enumerate() {
            if i > 0 {
                map.push(text.len(), 1, source, selected[i - 1].end);
                text.push('\n');
            }
            map.push(text.len(), range.len(), source, range.start);
            text.push_str(&file_text[range.clone()]);
        }
        self.bytes += text.len();
        if self.bytes > MAX_BLOCK_BYTES {
            self.errors.push((
                site,
                format!("this include makes the block larger than {MAX_BLOCK_BYTES} bytes; it is left out"),
            ));
            return;
        }
        let nested_dir = dir.join(path).parent().map(Path::to_path_buf).unwrap_or_default();
        let nested_report = report_dir.join(path).parent().map(Path::to_path_buf).unwrap_or_default();
        let (text, map) = self.expand(&text, &map, &nested_dir, &nested_report, depth + 1);
        if depth == 0 && text.contains('\n') {
            self.multi_line.push(site);
        }
        out.append(&text, &map);
    }

    /// A file's text, read once: regular files only, up to [`MAX_FILE_BYTES`].
    fn read(&mut self, disk: &Path, report: &Path, written: &str) -> Result<SourceId, String> {
        if let Some(known) = self.files.get(disk) {
            return known.clone();
        }
        let result = read_regular(disk, written).map(|text| {
            let path = normalize(report);
            let text = std::sync::Arc::new(text);
            let id = self.sources.add(SourceFile::new(path.clone(), std::sync::Arc::clone(&text)));
            if *self.sources.get(id).text == *text {
                return id;
            }
            // The chapter including itself, its text in the book changed by mdBook or an earlier
            // preprocessor: mdBook includes the disk's text, and so does this.
            self.sources.add(SourceFile::new(format!("{path} (on disk)"), text))
        });
        self.files.insert(disk.to_path_buf(), result.clone());
        result
    }
}

fn read_regular(disk: &Path, written: &str) -> Result<String, String> {
    let cannot = |e: std::io::Error| format!("cannot read the included file `{written}`: {e}");
    let regular = |metadata: &std::fs::Metadata| {
        if !metadata.is_file() {
            return Err(format!(
                "the included file `{written}` is not a regular file (a directory, FIFO or device); mdBook would fail or read it forever, so it is not read"
            ));
        }
        if metadata.len() > MAX_FILE_BYTES {
            return Err(format!(
                "the included file `{written}` has {} bytes; included files are read up to {MAX_FILE_BYTES} bytes",
                metadata.len()
            ));
        }
        Ok(())
    };
    // Looked at before it is opened: opening a FIFO waits for a writer.
    regular(&std::fs::metadata(disk).map_err(cannot)?)?;
    let file = std::fs::File::open(disk).map_err(cannot)?;
    regular(&file.metadata().map_err(cannot)?)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!("the included file `{written}` grew past {MAX_FILE_BYTES} bytes while it was read"));
    }
    String::from_utf8(bytes).map_err(|_| format!("cannot read the included file `{written}`: it is not UTF-8 text"))
}

/// The `{{#include}}`s (and `rustdoc_include`, `playground`) of a chapter's text that mdBook's
/// `links` preprocessor, which runs after this one, would hang on or run out of memory with: a
/// FIFO, a device or socket, a file over [`MAX_FILE_BYTES`], or includes that nest (up to
/// mdBook's depth of 10) to more than [`MAX_BLOCK_BYTES`]. Each with its range and the reason.
/// Linear: each file is read once, and its expanded size is known once per depth.
pub fn hazards(text: &str, dir: &Path) -> Vec<(Range<usize>, String)> {
    let mut scan = HazardScan::default();
    let mut found = Vec::new();
    for (range, path) in include_targets(text) {
        if let Err(reason) = scan.expanded_size(&dir.join(path), path, 1) {
            found.push((range, reason));
        }
    }
    found
}

/// The directives of a text that read a file, with the path each names.
fn include_targets(text: &str) -> Vec<(Range<usize>, &str)> {
    let Some(link) = LINK.as_ref() else { return Vec::new() };
    if !text.contains("{{") {
        return Vec::new();
    }
    link.captures_iter(text)
        .filter_map(|captures| {
            let whole = captures.get(0)?;
            let kind = captures.get(1)?.as_str();
            let argument = captures.get(2)?.as_str().split_whitespace().next()?;
            matches!(kind, "include" | "rustdoc_include" | "playground" | "playpen")
                .then(|| (whole.range(), argument.split(':').next().unwrap_or(argument)))
        })
        .collect()
}

#[derive(Default)]
struct HazardScan {
    /// A file's text, or `None` where mdBook's read fails at once (missing, a directory).
    texts: HashMap<PathBuf, Option<std::sync::Arc<String>>>,
    sizes: HashMap<(PathBuf, usize), Result<u64, String>>,
}

impl HazardScan {
    /// The bytes mdBook would produce for `disk` included at `depth` (an upper bound: whole files).
    fn expanded_size(&mut self, disk: &Path, written: &str, depth: usize) -> Result<u64, String> {
        let key = (disk.to_path_buf(), depth);
        if let Some(known) = self.sizes.get(&key) {
            return known.clone();
        }
        // A cycle is cut by the depth; until this entry is known, it counts as empty.
        self.sizes.insert(key.clone(), Ok(0));
        let result = self.measure(disk, written, depth);
        self.sizes.insert(key, result.clone());
        result
    }

    fn measure(&mut self, disk: &Path, written: &str, depth: usize) -> Result<u64, String> {
        if self.texts.len() > MAX_LINKS {
            return Err(format!(
                "the includes here read more than {MAX_LINKS} files; mdBook's build is not given them"
            ));
        }
        let text = match self.texts.get(disk) {
            Some(text) => text.clone(),
            None => {
                // Where mdBook's own read fails at once (missing, a directory, not UTF-8), it
                // leaves the directive as text: no hazard. A FIFO, a device or a huge file is one.
                let text = match std::fs::metadata(disk) {
                    Err(_) => None,
                    Ok(meta) if meta.is_dir() => None,
                    Ok(meta) if !meta.is_file() || meta.len() > MAX_FILE_BYTES => {
                        return read_regular(disk, written).map(|_| 0);
                    }
                    Ok(_) => read_regular(disk, written).ok().map(std::sync::Arc::new),
                };
                self.texts.insert(disk.to_path_buf(), text.clone());
                text
            }
        };
        let Some(text) = text else { return Ok(0) };
        let mut total = text.len() as u64;
        if depth < MAX_DEPTH {
            let base = disk.parent().map(Path::to_path_buf).unwrap_or_default();
            for (_, path) in include_targets(&text) {
                total += self
                    .expanded_size(&base.join(path), path, depth + 1)
                    .map_err(|reason| format!("`{written}` includes a file mdBook cannot read safely: {reason}"))?;
                if total > MAX_BLOCK_BYTES as u64 {
                    return Err(format!(
                        "the includes of `{written}` nest to more than {MAX_BLOCK_BYTES} bytes (does a file include itself more than once?)"
                    ));
                }
            }
        }
        Ok(total)
    }
}

/// Copies ranges of a mapped text, in increasing order, with their mapping (one pass over the
/// segments however many ranges: linear in a blockquote, where every line is a segment).
struct Copy {
    text: String,
    map: TextMap,
    /// The first segment of the current source text that may still be copied.
    next: usize,
}

impl Copy {
    /// A range of the text being expanded (ranges in increasing order).
    fn copy(&mut self, text: &str, map: &TextMap, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let segments: &[Segment] = &map.segments;
        while self.next < segments.len() && segments[self.next].text_start + segments[self.next].len <= range.start {
            self.next += 1;
        }
        let base = self.text.len();
        let mut i = self.next;
        while let Some(seg) = segments.get(i).filter(|s| s.text_start < range.end) {
            let from = seg.text_start.max(range.start);
            let to = (seg.text_start + seg.len).min(range.end);
            if from < to {
                self.map.push(
                    base + (from - range.start),
                    to - from,
                    seg.source,
                    seg.source_start + (from - seg.text_start),
                );
            }
            i += 1;
        }
        self.text.push_str(&text[range]);
    }

    /// An included text, whole, with its own mapping.
    fn append(&mut self, text: &str, map: &TextMap) {
        let base = self.text.len();
        for seg in &map.segments {
            self.map.push(base + seg.text_start, seg.len, seg.source, seg.source_start);
        }
        self.text.push_str(text);
    }
}

/// The lines of a text as `str::lines` cuts them (what mdBook's `take_lines` iterates).
fn lines_of(text: &str) -> Vec<Range<usize>> {
    let base = text.as_ptr() as usize;
    text.lines().map(|line| line.as_ptr() as usize - base..line.as_ptr() as usize - base + line.len()).collect()
}

/// mdBook's `parse_range_or_anchor`: (start, end, just the start line).
fn selection(rest: Option<&str>) -> Selection {
    let mut parts = rest.unwrap_or("").splitn(3, ':');
    let first = parts.next();
    let start = match first {
        Some(value) if value.parse::<usize>().is_ok() => value.parse::<usize>().ok().map(|v| v.saturating_sub(1)),
        Some("") | None => None,
        Some(anchor) => return Selection::Anchor(anchor.to_string()),
    };
    match (start, parts.next().map(str::parse::<usize>)) {
        (Some(start), Some(Ok(end))) => Selection::Lines(Some(start), Some(end), false),
        (Some(start), Some(Err(_))) => Selection::Lines(Some(start), None, false),
        (Some(start), None) => Selection::Lines(Some(start), None, true),
        (None, Some(Ok(end))) => Selection::Lines(None, Some(end), false),
        (None, None | Some(Err(_))) => Selection::Lines(None, None, false),
    }
}

/// mdBook's `take_anchored_lines`: the lines between `ANCHOR: name` and `ANCHOR_END: name`,
/// without any anchor line; and whether the anchor was found.
fn anchored(text: &str, lines: Vec<Range<usize>>, anchor: &str) -> (Vec<Range<usize>>, bool) {
    let (Some(start), Some(end)) = (ANCHOR_START.as_ref(), ANCHOR_END.as_ref()) else { return (Vec::new(), false) };
    let mut kept = Vec::new();
    let mut found = false;
    for range in lines {
        let line = &text[range.clone()];
        if found {
            match end.captures(line) {
                Some(cap) if &cap["anchor_name"] == anchor => break,
                Some(_) => {}
                None if start.is_match(line) => {}
                None => kept.push(range),
            }
        } else if start.captures(line).is_some_and(|cap| &cap["anchor_name"] == anchor) {
            found = true;
        }
    }
    (kept, found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, rest: Option<&str>) -> Vec<&'static str> {
        let ranges = lines_of(text);
        let chosen: Vec<Range<usize>> = match selection(rest) {
            Selection::Lines(start, end, single) => {
                let start = start.unwrap_or(0);
                let take = if single { 1 } else { end.map_or(usize::MAX, |e| e.saturating_sub(start)) };
                ranges.into_iter().skip(start).take(take).collect()
            }
            Selection::Anchor(anchor) => anchored(text, ranges, &anchor).0,
        };
        chosen.into_iter().map(|r| &*String::leak(text[r].to_string())).collect()
    }

    /// The cases of mdBook's own `take_lines` and `parse_range_or_anchor` tests.
    #[test]
    fn ranges_and_anchors_select_what_mdbook_selects() {
        let text = "l1\nl2\nl3\nl4\nl5";
        assert_eq!(lines(text, None), ["l1", "l2", "l3", "l4", "l5"]);
        assert_eq!(lines(text, Some("0")), ["l1"]);
        assert_eq!(lines(text, Some("2")), ["l2"]);
        assert_eq!(lines(text, Some("2:3")), ["l2", "l3"]);
        assert_eq!(lines(text, Some("2:")), ["l2", "l3", "l4", "l5"]);
        assert_eq!(lines(text, Some(":2")), ["l1", "l2"]);
        assert_eq!(lines(text, Some("4:2")), Vec::<&str>::new());
        assert_eq!(lines(text, Some("2:x")), ["l2", "l3", "l4", "l5"]);
        assert_eq!(lines(text, Some("::")), ["l1", "l2", "l3", "l4", "l5"]);
        let anchored_text = "a\n// ANCHOR: x\nb\n// ANCHOR: y\nc\n// ANCHOR_END: y\n// ANCHOR_END: x\nd";
        assert_eq!(lines(anchored_text, Some("x")), ["b", "c"]);
        assert_eq!(lines(anchored_text, Some("x:extra")), ["b", "c"]);
        assert_eq!(lines(anchored_text, Some("nope")), Vec::<&str>::new());
    }
}
