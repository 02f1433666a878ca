//! `mdbook-configcheck extract`: the deployment's files, written out for the executable
//! verification, with a manifest naming the blocks every file came from.
//!
//! The guide stays the single source of truth: the harness runs exactly these files and keeps no
//! copy of a block of its own. Each block is identified by its path, line and a hash of its text,
//! which the verification record keeps, so a block changed since its verification is noticed.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path};

use anyhow::{Context, Result, bail};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::check::Checked;
use crate::extract::{Block, file_name};
use crate::fingerprint::hash;
use crate::model::{self, FileBlocks};
use crate::source::SourceId;

/// A block as the manifest and the verification record name it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct BlockRecord {
    /// The chapter (relative to the book root).
    pub path: String,
    /// The opening fence's line.
    pub line: usize,
    /// `sha256:` of the block's text (includes resolved).
    pub hash: String,
}

/// One written file.
#[derive(Debug, Clone, Serialize)]
pub struct ExportedFile {
    /// Where it was written, relative to the output directory.
    pub path: String,
    /// `netbox`, `nginx` or `authentik`.
    pub kind: &'static str,
    /// The logical file (`configuration.py`).
    pub file: String,
    /// The blocks it is made of, in order.
    pub blocks: Vec<BlockRecord>,
}

/// The main deployment or one variant.
#[derive(Debug, Clone, Serialize)]
pub struct ExportedDeployment {
    /// `main`, or the variant's scenario name (`troubleshooting/the-scheme-is-lost`); its files
    /// are under `variants/` in [`directory_of`] the name (`troubleshooting--the-scheme-is-lost`).
    pub name: String,
    /// For a variant: the block that makes it.
    pub variant: Option<BlockRecord>,
    /// The rules the variant block expects (its symptom).
    pub expect: Vec<String>,
    /// Its files.
    pub files: Vec<ExportedFile>,
}

/// `manifest.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    /// Format version.
    pub version: u32,
    /// The deployments, main first.
    pub deployments: Vec<ExportedDeployment>,
}

/// The identity of a block: path, line and hash.
pub fn record(block: &Block, checked: &Checked) -> BlockRecord {
    BlockRecord {
        path: checked.sources.get(block.chapter_source).path.to_string(),
        line: block.fence_line,
        hash: hash(&block.text),
    }
}

fn join(blocks: &[&Block]) -> String {
    let mut text = String::new();
    for block in blocks {
        text.push_str(&block.text);
        if !text.ends_with('\n') {
            text.push('\n');
        }
    }
    text
}

/// mdBook 0.5's id for a heading's text (`id_from_content` in mdbook-html): trimmed, lowercase,
/// whitespace made `-`, and every character but letters, digits, `-` and `_` dropped. Dots and
/// slashes are dropped with the rest, so a slug is always one safe path component (or empty).
pub fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|ch| {
            if ch.is_alphanumeric() || ch == '_' || ch == '-' {
                Some(ch)
            } else if ch.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// A heading of a chapter: where it starts, its level and its slug.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Heading {
    start: usize,
    level: usize,
    slug: String,
}

/// The chapter's headings, ATX and setext, found by the parser that finds its blocks (a `#` line
/// inside a code block is no heading), with their text as mdBook makes their id of it: text and
/// inline code, smart punctuation (mdBook's default), no `{#id}` attributes, no image alt text.
/// Headings whose slug is empty (only punctuation or emoji) name nothing and are left out.
fn headings(markdown: &str) -> Vec<Heading> {
    let options = crate::extract::markdown_options()
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_STRIKETHROUGH;
    let mut found = Vec::new();
    let mut current: Option<(usize, usize, String)> = None;
    let mut in_image = 0usize;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => current = Some((range.start, level as usize, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((start, level, text)) = current.take() {
                    let slug = slug(&text);
                    if !slug.is_empty() {
                        found.push(Heading { start, level, slug });
                    }
                }
            }
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(text) | Event::Code(text) if in_image == 0 => {
                if let Some((_, _, heading)) = current.as_mut() {
                    heading.push_str(&text);
                }
            }
            Event::SoftBreak if in_image == 0 => {
                if let Some((_, _, heading)) = current.as_mut() {
                    heading.push('\n');
                }
            }
            _ => {}
        }
    }
    found
}

/// The headings a position is under, outermost first.
fn heading_path(headings: &[Heading], position: usize) -> Vec<&Heading> {
    let mut path: Vec<&Heading> = Vec::new();
    for heading in headings.iter().take_while(|h| h.start < position) {
        while path.last().is_some_and(|above| above.level >= heading.level) {
            path.pop();
        }
        path.push(heading);
    }
    path
}

/// A chapter's part of a scenario name: its path below the book's source directory, without
/// `.md`, each folder slugged (`src/guide/NetBox.md` → `guide/netbox`).
fn chapter_part(path: &str, src: &str) -> Vec<String> {
    let below = match src.trim_end_matches('/') {
        "" => path,
        src => path.strip_prefix(src).and_then(|rest| rest.strip_prefix('/')).unwrap_or(path),
    };
    let stem = below.strip_suffix(".md").unwrap_or(below);
    let parts: Vec<String> = stem.split('/').map(slug).filter(|part| !part.is_empty()).collect();
    if parts.is_empty() { vec!["chapter".to_string()] } else { parts }
}

/// The directory a scenario's files are written to, below `variants/`: its name flattened into
/// one path component (`troubleshooting--the-scheme-is-lost`), so that no name nests in another
/// or leaves the output directory.
pub fn directory_of(name: &str) -> String {
    name.replace('/', "--")
}

/// Scenario names that say what they test: the chapter's path without `.md` and the nearest
/// heading above the block, slugged as mdBook slugs heading ids
/// (`troubleshooting/the-scheme-is-lost`); where that heading's slug repeats in the chapter, its
/// parent heading before it (`troubleshooting/redirect-uri-error/the-scheme-is-lost`); a block
/// under no heading, the chapter alone. A name (or directory) that still repeats is numbered in
/// reading order (`-2`, `-3`), so that no variant's files overwrite another's.
fn variant_names(variants: &[&Block], checked: &Checked, src: &str) -> Vec<String> {
    let mut chapters: HashMap<SourceId, (Vec<Heading>, HashMap<String, usize>)> = HashMap::new();
    let mut taken = HashSet::new();
    variants
        .iter()
        .map(|variant| {
            let chapter = checked.sources.get(variant.chapter_source);
            let (headings, counts) = chapters.entry(variant.chapter_source).or_insert_with(|| {
                let headings = headings(&chapter.text);
                let mut counts: HashMap<String, usize> = HashMap::new();
                for heading in &headings {
                    *counts.entry(heading.slug.clone()).or_default() += 1;
                }
                (headings, counts)
            });
            let mut parts = chapter_part(&chapter.path, src);
            let path = heading_path(headings, variant.fence.start);
            if let Some((nearest, above)) = path.split_last() {
                if counts.get(&nearest.slug).is_some_and(|&n| n > 1)
                    && let Some(parent) = above.last()
                {
                    parts.push(parent.slug.clone());
                }
                parts.push(nearest.slug.clone());
            }
            let name = parts.join("/");
            let mut unique = name.clone();
            for n in 2.. {
                if taken.insert(directory_of(&unique)) {
                    break;
                }
                unique = format!("{name}-{n}");
            }
            unique
        })
        .collect()
}

/// Refuse a book whose `file=` names `check` reports as invalid or colliding: the first such
/// finding is the error, naming the block.
fn refuse_unwritable_names(checked: &Checked) -> Result<()> {
    for block in &checked.blocks {
        if let Some(problem) = file_name::problem(&block.file) {
            let path = &checked.sources.get(block.chapter_source).path;
            bail!(
                "the block at {path}:{}: `file={}` {problem}; nothing was written",
                block.fence_line,
                block.file.escape_default()
            );
        }
    }
    if let Some(collision) = crate::extract::file_collisions(&checked.blocks, &checked.sources).into_iter().next() {
        let block = collision.block.map(|b| &checked.blocks[b.0]);
        let at = block.map(|b| format!("{}:{}", checked.sources.get(b.chapter_source).path, b.fence_line));
        bail!("the block at {}: {}; nothing was written", at.unwrap_or_default(), collision.message);
    }
    Ok(())
}

/// Write `text` to `out/relative`, making its folders, without following a symbolic link out of
/// `out`: a link where a folder goes is refused, a link where the file goes is replaced.
fn write_inside(out: &Path, relative: &str, text: &str) -> Result<()> {
    let mut path = out.to_path_buf();
    let components: Vec<Component<'_>> = Path::new(relative).components().collect();
    for (i, component) in components.iter().enumerate() {
        path.push(component);
        let last = i + 1 == components.len();
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() && last => {
                std::fs::remove_file(&path).with_context(|| format!("cannot replace the link {}", path.display()))?;
            }
            Ok(meta) if meta.file_type().is_symlink() => {
                bail!(
                    "{} is a symbolic link: refusing to write through it (remove it, or use a fresh output directory)",
                    path.display()
                );
            }
            Ok(_) => {}
            Err(_) if last => {}
            Err(_) => std::fs::create_dir(&path).with_context(|| format!("cannot create {}", path.display()))?,
        }
    }
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// Whether a path relative to the output directory stays inside it.
fn stays_inside(relative: &str) -> bool {
    Path::new(relative).components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// Write the main deployment and every variant under `out`, plus `manifest.json`. `src` is the
/// book's source directory (`book.src`), which scenario names leave out of chapter paths.
pub fn export(checked: &Checked, src: &Path, out: &Path) -> Result<Manifest> {
    let src: String = src.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
    refuse_unwritable_names(checked)?;
    // Made first: a book without checked blocks still gets its (empty) manifest.
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    // Each block's identity once: a main block is in every variant.
    let records: Vec<BlockRecord> = checked.blocks.iter().map(|block| record(block, checked)).collect();
    let write_deployment = |dir: &str, files: &[FileBlocks<'_>]| -> Result<Vec<ExportedFile>> {
        let mut written = Vec::with_capacity(files.len());
        for file in files {
            let relative = format!("{dir}/{}", file.file);
            // `file=../x` would be written beside the output directory, or anywhere.
            if !stays_inside(&relative) {
                bail!("`file={}` would be written outside {}: name a file below it", file.file, out.display());
            }
            write_inside(out, &relative, &join(&file.blocks))?;
            written.push(ExportedFile {
                path: relative,
                kind: file.kind.name(),
                file: file.file.to_string(),
                blocks: file.blocks.iter().map(|b| records[b.id.0].clone()).collect(),
            });
        }
        Ok(written)
    };

    let main = model::main_files(&checked.blocks);
    let mut deployments = vec![ExportedDeployment {
        name: "main".into(),
        variant: None,
        expect: vec![],
        files: write_deployment("main", &main)?,
    }];
    let variants: Vec<&Block> = checked.blocks.iter().filter(|b| !b.is_main()).collect();
    for (variant, name) in variants.iter().zip(variant_names(&variants, checked, &src)) {
        let mut files = main.clone();
        model::apply_variant(&mut files, variant);
        deployments.push(ExportedDeployment {
            variant: Some(records[variant.id.0].clone()),
            expect: variant.expect.iter().map(|e| e.rule.clone()).collect(),
            files: write_deployment(&format!("variants/{}", directory_of(&name)), &files)?,
            name,
        });
    }
    let manifest = Manifest { version: 1, deployments };
    let json = serde_json::to_string_pretty(&manifest).context("cannot serialize the manifest")?;
    write_inside(out, "manifest.json", &(json + "\n"))?;
    Ok(manifest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_mdbooks_heading_ids() {
        // mdbook-html 0.5's own cases for `id_from_content`.
        assert_eq!(slug("`--passes`: add more rustdoc passes"), "--passes-add-more-rustdoc-passes");
        assert_eq!(slug("Method-call 🐙 expressions \u{1f47c}"), "method-call--expressions-");
        assert_eq!(slug("_-_12345"), "_-_12345");
        assert_eq!(slug("中文標題 CJK title"), "中文標題-cjk-title");
        assert_eq!(slug("Über"), "über");
        assert_eq!(slug("\"Redirect URI Error\""), "redirect-uri-error");
        assert_eq!(slug("../../etc/passwd"), "etcpasswd", "no dot or slash survives");
    }

    fn slugs(markdown: &str) -> Vec<(usize, String)> {
        headings(markdown).into_iter().map(|h| (h.level, h.slug)).collect()
    }

    #[test]
    fn headings_are_atx_and_setext_with_inline_code_as_text_and_none_in_code_blocks() {
        let chapter = "# Title\n\nSetext Two\n----------\n\n```text\n# not a heading\n```\n\n    ## indented code\n\n\
                       ~~~\nAlso not\n===\n~~~\n\n### `SOCIAL_AUTH_LOGIN_REDIRECT_URL = True`\n\n\
                       > ## Quoted -- dash {#own-id}\n\n#### ![alt text](x.png) after\n\n##### 🐙\n";
        assert_eq!(
            slugs(chapter),
            [
                (1, "title".to_string()),
                (2, "setext-two".to_string()),
                (3, "social_auth_login_redirect_url--true".to_string()),
                // Smart punctuation makes `--` a dash (dropped); `{#own-id}` is an attribute.
                (2, "quoted--dash".to_string()),
                (4, "after".to_string()),
            ]
        );
    }

    #[test]
    fn a_position_is_under_the_headings_still_open_there() {
        let chapter = "# T\n\n## A\n\n### Fix\n\nx\n\n## B\n\ny\n";
        let found = headings(chapter);
        let path = |needle: &str| -> Vec<String> {
            let at = chapter.find(needle).unwrap_or(0);
            heading_path(&found, at).into_iter().map(|h| h.slug.clone()).collect()
        };
        assert_eq!(path("x"), ["t", "a", "fix"]);
        assert_eq!(path("y"), ["t", "b"]);
        assert_eq!(heading_path(&found, 0), Vec::<&Heading>::new());
    }

    #[test]
    fn chapter_parts_leave_out_the_source_directory_and_md() {
        assert_eq!(chapter_part("src/troubleshooting.md", "src"), ["troubleshooting"]);
        assert_eq!(chapter_part("src/guide/NetBox/setup.md", "src"), ["guide", "netbox", "setup"]);
        assert_eq!(chapter_part("docs/src/a.md", "docs/src/"), ["a"]);
        assert_eq!(chapter_part("./a.md", "."), ["a"]);
        assert_eq!(chapter_part("src/../...md", "src"), ["chapter"]);
    }

    #[test]
    fn directories_are_one_component_inside_the_output() {
        assert_eq!(directory_of("guide/netbox/the-fix"), "guide--netbox--the-fix");
        assert!(stays_inside("variants/guide--netbox--the-fix/configuration.py"));
        assert!(stays_inside("main/conf.d/netbox.conf"));
        assert!(!stays_inside("main/../../outside.py"));
        assert!(!stays_inside("/etc/passwd"));
    }
}
