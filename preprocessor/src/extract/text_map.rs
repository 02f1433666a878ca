//! How a block's text maps back to the files it came from (the chapter, included files).

use std::ops::Range;
use std::path::{Component, Path};

use crate::source::{Site, SourceId};

/// How a block's text maps back to its sources.
#[derive(Debug, Clone, Default)]
pub struct TextMap {
    pub(super) segments: Vec<Segment>,
}

#[derive(Debug, Clone)]
pub(super) struct Segment {
    pub(super) text_start: usize,
    pub(super) len: usize,
    pub(super) source: SourceId,
    pub(super) source_start: usize,
}

impl TextMap {
    /// A text that is the whole of one file, byte for byte (a file `lint` reads).
    pub fn whole(source: SourceId, len: usize) -> TextMap {
        TextMap { segments: vec![Segment { text_start: 0, len, source, source_start: 0 }] }
    }

    pub(super) fn push(&mut self, text_start: usize, len: usize, source: SourceId, source_start: usize) {
        // A block's lines usually follow each other in the chapter: one segment covers them all.
        if let Some(last) = self.segments.last_mut()
            && last.source == source
            && last.text_start + last.len == text_start
            && last.source_start + last.len == source_start
        {
            last.len += len;
            return;
        }
        self.segments.push(Segment { text_start, len, source, source_start });
    }

    /// The segment holding the byte at `offset` (a start: at a boundary, the later segment).
    fn segment_starting(&self, offset: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.text_start + s.len <= offset);
        self.segments.get(i).or(self.segments.last())
    }

    /// The segment holding the byte before `offset` (an end: at a boundary, the earlier one).
    fn segment_ending(&self, offset: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.text_start + s.len < offset);
        self.segments.get(i).or(self.segments.last())
    }

    /// The source range of a range of block text. A range that crosses into another file is
    /// cut at the end of the first.
    pub fn site(&self, range: Range<usize>) -> Site {
        let Some(first) = self.segment_starting(range.start) else {
            return Site { source: SourceId(0), range: 0..0 };
        };
        let start = first.source_start + range.start.saturating_sub(first.text_start).min(first.len);
        let end = match self.segment_ending(range.end.max(range.start)) {
            Some(last) if last.source == first.source && last.source_start >= first.source_start => {
                last.source_start + range.end.saturating_sub(last.text_start).min(last.len)
            }
            _ => first.source_start + first.len,
        };
        Site { source: first.source, range: start..end.max(start) }
    }
}

/// A path with `.` and inner `..` removed, `/`-separated: how reports name a file.
pub(super) fn normalize(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for component in path.components() {
        match component {
            Component::ParentDir if parts.last().is_some_and(|p| p != "..") => {
                parts.pop();
            }
            Component::CurDir => {}
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    parts.join("/")
}
