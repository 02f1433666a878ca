//! `file=` names: each is a path below `extract`'s output directory, and no two blocks' files
//! are written to one path.

use std::collections::HashMap;

use crate::finding::{BlockId, Finding};
use crate::own_rules;
use crate::source::Site;

/// Why a `file=` name cannot be written below the output directory, if it cannot.
///
/// A name is one or more `/`-separated plain components: not absolute, no empty, `.` or `..`
/// component (so that two different names never reach one path), no backslash, and no NUL or
/// other control character (they would reach terminals and CI logs through the messages).
pub fn problem(name: &str) -> Option<String> {
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Some(format!("holds the control character U+{:04X}", u32::from(c)));
    }
    if name.starts_with('/') {
        return Some("is absolute".into());
    }
    if name.contains('\\') {
        return Some("holds a backslash".into());
    }
    for component in name.split('/') {
        match component {
            "" => return Some("has an empty folder name (`//`, or a `/` at its end)".into()),
            "." | ".." => return Some(format!("has a `{component}` component")),
            _ => {}
        }
    }
    None
}

/// The finding for an invalid `file=` name at `site` (the attribute in the info string).
pub fn invalid(name: &str, problem: &str, site: Site) -> Finding {
    Finding::at(
        &own_rules::INVALID_FILE_NAME,
        None,
        site,
        format!(
            "`file={}` {problem}: `extract` writes only below its output directory; name the file relative to it",
            name.escape_default()
        ),
    )
}

/// A block's `file=` as [`collisions`] needs it.
#[derive(Debug)]
pub struct Named<'a> {
    /// The file name.
    pub name: &'a str,
    /// The block's kind (`netbox`).
    pub kind: &'static str,
    /// The block.
    pub id: BlockId,
    /// Its info string, where a finding is reported.
    pub site: Site,
    /// Where a message names it: `src/t.md:3`.
    pub at: String,
}

/// Findings for blocks whose files would be written to one path: the same name for files of
/// different kinds, or a name that another name needs as a folder. Each names both blocks, at
/// the later one. Linear in the total length of the names.
pub fn collisions(blocks: &[Named<'_>]) -> Vec<Finding> {
    let mut files: HashMap<&str, (&str, &Named<'_>)> = HashMap::new();
    let mut folders: HashMap<&str, &Named<'_>> = HashMap::new();
    let mut findings = Vec::new();
    let at = |block: &Named<'_>| block.at.clone();
    for block in blocks {
        let name = block.name;
        if problem(name).is_some() {
            continue;
        }
        let mut push = |message: String| {
            findings.push(Finding::at(&own_rules::FILE_COLLISION, Some(block.id), block.site.clone(), message));
        };
        match files.get(name) {
            Some((kind, first)) if *kind != block.kind => push(format!(
                "this {} block's file `{name}` is also the {} file of the block at {}: both would be written to one path",
                block.kind,
                kind,
                at(first)
            )),
            Some(_) => {}
            None => {
                if let Some(first) = folders.get(name) {
                    push(format!(
                        "`{name}` is a folder of the block at {} (`file={}`): this block's file cannot be written there",
                        at(first),
                        first.name
                    ));
                }
                files.insert(name, (block.kind, block));
            }
        }
        for (i, _) in name.match_indices('/') {
            let folder = &name[..i];
            if let Some((_, first)) = files.get(folder) {
                push(format!(
                    "`file={name}` needs `{folder}` as a folder, but the block at {} writes a file there",
                    at(first)
                ));
            }
            folders.entry(folder).or_insert(block);
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn only_plain_relative_names_pass() {
        for good in ["configuration.py", "netbox/configuration.py", "sites-available/netbox", "a b.conf", "é.py"] {
            assert_eq!(problem(good), None, "{good}");
        }
        for bad in ["/etc/passwd", "../x", "a/../b", "./x", "a//b", "a/", "a\\b", "a\0b", "a\u{7}b", "a\nb", "."] {
            assert!(problem(bad).is_some(), "{bad:?}");
        }
    }
}
