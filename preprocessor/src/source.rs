//! Source files and positions.
//!
//! Every position inside the tool is a byte range in one [`SourceFile`] (a chapter or a file it
//! includes). Lines and columns are computed only when a finding is reported, so the parsers'
//! disagreeing units (ruff counts chars, nginx parsers bytes) never leak into the output.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// A file whose text reached the checker: a chapter, or a file pulled in with `{{#include}}`.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the book root, with `/` separators (what the reports print; shared
    /// with every diagnostic in the file).
    pub path: Arc<str>,
    /// The whole text of the file (shared with the chapter it came from, not copied: a chapter's
    /// text is moved out of the book and back).
    pub text: Arc<String>,
    line_starts: Vec<usize>,
    /// Characters before each multiple of [`MARK`] bytes, made the first time a column far
    /// from its line's start is asked for: columns on a long line cost the same as on a short one.
    char_marks: std::sync::OnceLock<Vec<usize>>,
}

/// Bytes between two entries of `char_marks`.
const MARK: usize = 64;

/// Characters that start in `bytes` (its bytes that are no UTF-8 continuation byte); counts
/// correctly from any byte position.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// Index of a [`SourceFile`] in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceId(pub usize);

/// A byte range in one source file: the canonical location of everything the checker reports.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Site {
    /// The file.
    pub source: SourceId,
    /// Byte range in that file's text.
    pub range: Range<usize>,
}

/// A 1-based line and column (column counted in Unicode scalar values, as SARIF's
/// `unicodeCodePoints` and most editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineColumn {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
}

impl SourceFile {
    /// Index the line starts of `text`.
    pub fn new(path: impl Into<Arc<str>>, text: impl Into<Arc<String>>) -> Self {
        let text: Arc<String> = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { path: path.into(), text, line_starts, char_marks: std::sync::OnceLock::new() }
    }

    /// Line and column of a byte offset (clamped to the text, and to a char boundary).
    pub fn line_column(&self, offset: usize) -> LineColumn {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let line = self.line_starts.partition_point(|&start| start <= offset).max(1);
        let start = self.line_starts[line - 1];
        let column = self.chars_between(start, offset) + 1;
        LineColumn { line, column }
    }

    /// Byte range of a 1-based line, without its line break.
    fn chars_between(&self, start: usize, end: usize) -> usize {
        let bytes = self.text.as_bytes();
        if end - start <= 4 * MARK {
            return chars_in(&bytes[start..end]);
        }
        let marks = self.char_marks.get_or_init(|| {
            let mut marks = vec![0];
            for chunk in bytes.chunks(MARK) {
                marks.push(marks.last().copied().unwrap_or(0) + chars_in(chunk));
            }
            marks
        });
        let before = |at: usize| marks[at / MARK] + chars_in(&bytes[at / MARK * MARK..at]);
        before(end) - before(start)
    }

    pub fn line_range(&self, line: usize) -> Range<usize> {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len()..self.text.len();
        };
        let end = self.line_starts.get(line).map_or(self.text.len(), |&next| next - 1);
        let end = if end > start && self.text.as_bytes().get(end - 1) == Some(&b'\r') { end - 1 } else { end };
        start..end.max(start)
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

/// Largest char boundary at or below `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// All files that reached the checker in one run.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: Vec<SourceFile>,
    by_path: HashMap<Arc<str>, usize>,
}

impl Sources {
    /// Add a file, or return the one already added under the same path.
    pub fn add(&mut self, file: SourceFile) -> SourceId {
        if let Some(&i) = self.by_path.get(&file.path) {
            return SourceId(i);
        }
        self.by_path.insert(Arc::clone(&file.path), self.files.len());
        self.files.push(file);
        SourceId(self.files.len() - 1)
    }

    /// The files, in id order.
    pub fn into_files(self) -> impl Iterator<Item = SourceFile> {
        self.files.into_iter()
    }

    /// The file behind an id.
    pub fn get(&self, id: SourceId) -> &SourceFile {
        &self.files[id.0]
    }

    /// First and last position of a site.
    pub fn span(&self, site: &Site) -> (LineColumn, LineColumn) {
        let file = self.get(site.source);
        (file.line_column(site.range.start), file.line_column(site.range.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_chars_from_one() {
        let file = SourceFile::new("a.md", "ab\nçd = 1\n".to_string());
        assert_eq!(file.line_column(0), LineColumn { line: 1, column: 1 });
        assert_eq!(file.line_column(3), LineColumn { line: 2, column: 1 });
        // 'ç' is two bytes; the '=' after "çd " is the fourth character.
        assert_eq!(file.line_column(7), LineColumn { line: 2, column: 4 });
        assert_eq!(file.line_range(2), 3..10);
        // Far from the line's start, through the marks, with a character across a mark.
        let long = format!("{}ç{}x", "a".repeat(63), "é".repeat(300));
        let long_file = SourceFile::new("b.md", format!("\n{long}"));
        let x = long_file.text.len() - 1;
        assert_eq!(long_file.line_column(x), LineColumn { line: 2, column: 365 });
        assert_eq!(long_file.line_column(x).column, long[..long.len() - 1].chars().count() + 1);
        assert_eq!(&file.text[file.line_range(1)], "ab");
    }
}
