//! Stage 1: find the checked blocks in the chapters.
//!
//! A checked block is a fenced code block whose info string carries `check=KIND`. Extraction
//! records its exact position (also inside lists and blockquotes, where pulldown-cmark reports
//! each line's own source range), resolves `{{#include}}` lines itself so that findings name the
//! included file and its line, and collects the `<!-- configcheck: allow … -->` comments written
//! just before a block.

pub mod file_name;

use std::ops::Range;
use std::path::{Path, PathBuf};

use compact_str::CompactString;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use crate::finding::Finding;
use crate::finding::{BlockId, Location};
use crate::own_rules;
use crate::source::{Site, SourceFile, SourceId, Sources};

mod include;
mod text_map;

pub use text_map::TextMap;

/// What kind of configuration a block holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// NetBox `configuration.py` (Python).
    Netbox,
    /// An nginx site file.
    Nginx,
    /// An Authentik blueprint (YAML).
    Authentik,
    /// netbox-docker's environment file (`env/netbox.env`): `NAME=value` lines, the NetBox
    /// settings they map to as netbox-docker's `configuration/configuration.py` maps them.
    Env,
    /// A Docker Compose file (netbox-docker's `docker-compose.override.yml`): the `netbox`
    /// service's `environment:`, which wins over its environment files.
    Compose,
    /// netbox-chart's Helm values (`values.yaml`): the NetBox settings the chart makes of them.
    Chart,
}

impl Kind {
    const ALL: [Kind; 6] = [Kind::Netbox, Kind::Nginx, Kind::Authentik, Kind::Env, Kind::Compose, Kind::Chart];

    /// The name used in `check=`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Netbox => "netbox",
            Kind::Nginx => "nginx",
            Kind::Authentik => "authentik",
            Kind::Env => "env",
            Kind::Compose => "compose",
            Kind::Chart => "chart",
        }
    }

    /// The logical file a block belongs to when it names none.
    pub fn default_file(self) -> &'static str {
        match self {
            Kind::Netbox => "configuration.py",
            Kind::Nginx => "netbox.conf",
            Kind::Authentik => "netbox-sso.yaml",
            Kind::Env => "netbox.env",
            Kind::Compose => "docker-compose.override.yml",
            Kind::Chart => "values.yaml",
        }
    }

    /// What the kind is, for messages.
    pub fn description(self) -> &'static str {
        match self {
            Kind::Netbox => "NetBox configuration",
            Kind::Nginx => "an nginx site",
            Kind::Authentik => "an Authentik blueprint",
            Kind::Env => "a netbox-docker environment file",
            Kind::Compose => "a Docker Compose file",
            Kind::Chart => "netbox-chart's Helm values",
        }
    }

    /// A kind by its `check=` name.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A suppression written just before a block.
#[derive(Debug, Clone)]
pub struct Allow {
    /// The rule it suppresses.
    pub rule: String,
    /// Why (required).
    pub reason: String,
    /// The comment.
    pub site: Site,
}

/// A rule named by `expect=`.
#[derive(Debug, Clone)]
pub struct Expectation {
    /// The rule id.
    pub rule: String,
    /// The attribute in the info string.
    pub site: Site,
}

/// A checked block.
#[derive(Debug, Clone)]
pub struct Block {
    /// Reading-order id.
    pub id: BlockId,
    /// Index of the chapter in reading order.
    pub chapter: usize,
    /// The chapter's source.
    pub chapter_source: SourceId,
    /// What the block holds.
    pub kind: Kind,
    /// The logical file it belongs to.
    pub file: CompactString,
    /// `expect=` rules: a deliberate mistake that must produce them.
    pub expect: Vec<Expectation>,
    /// `variant`: an alternative, never merged into the main deployment.
    pub variant: bool,
    /// `partial`: a fragment of its file (a netbox-docker add-on, an excerpt): a setting it does
    /// not show is unknown, not unset.
    pub partial: bool,
    /// An excerpt of its file: a book block marked `partial` shows some lines of a file (its
    /// imports may be elsewhere); a file `lint` reads is all there is, even when it holds only
    /// some of the settings.
    pub excerpt: bool,
    /// A compose file (`lint`) whose `environment:` a later compose file replaces (`!reset`,
    /// `!override`): the variables it lists are not set; its errors still stop Compose.
    pub environment_replaced: bool,
    /// A compose file (`lint`) whose `ports:` a later compose file replaces: they are not
    /// published.
    pub ports_replaced: bool,
    /// A compose file (`lint`) of a Compose project read whole: every compose file Compose finds
    /// in the project's directory, and every environment file they name. Then a variable they
    /// do not set is not set, and a mount they do not show is not there.
    pub project_complete: bool,
    /// A compose file (`lint`) beside which lie other compose files not read
    /// (`docker-compose.prod.yml`, given with `-f`): they may define what these files leave out.
    pub compose_files_beside: bool,
    /// A compose file (`lint --netbox-docker`) whose checkout's configuration directory was read
    /// whole: every Python file netbox-docker's loader imports from it is a block.
    pub configuration_read_whole: bool,
    /// An env file (`lint`) that Compose reads with `format: raw`, not as dotenv: its names
    /// are read, its values unknown.
    pub raw_env_file: bool,
    /// The project's `.env` (`lint`), when no `env_file:` names it: Compose interpolates the
    /// compose files with it, and its variables reach NetBox only through them.
    pub project_env_only: bool,
    /// A compose file's interpolation variables (`lint`): the project's `.env`, its block and
    /// text (empty where the project has no `.env`); `None`: unknown.
    pub project_env: Option<(BlockId, std::sync::Arc<str>)>,
    /// A compose file's other services' `env_file:` files that `lint` read (PostgreSQL's and
    /// Redis's), by the path as written, with their text.
    pub service_env_files: Vec<(String, std::sync::Arc<str>)>,
    /// The block's text, includes resolved.
    pub text: String,
    /// Where each byte of `text` came from.
    pub map: TextMap,
    /// The whole fenced block in the chapter.
    pub fence: Range<usize>,
    /// Line of the opening fence in the chapter.
    pub fence_line: usize,
    /// The info string's range in the chapter, and the info string without our attributes.
    pub info: Range<usize>,
    /// The info string as the rendered page should see it (language and mdBook's attributes).
    pub clean_info: CompactString,
    /// What each line of the block starts with in the chapter (list indentation, `> `): the
    /// opening fence line's start with list markers as spaces, so text written after it stays in
    /// the same container, at the opening fence's own column.
    pub prefix: CompactString,
    /// Whether the fence has a closing line (an unclosed one runs to the end of its container).
    pub closed: bool,
    /// Suppressions written just before the block.
    pub allows: Vec<Allow>,
}

impl Block {
    /// Whether the block belongs to the main deployment (not an `expect=` or `variant` block).
    pub fn is_main(&self) -> bool {
        !self.variant && self.expect.is_empty()
    }

    /// The site of the opening fence line.
    pub fn fence_site(&self) -> Site {
        Site { source: self.chapter_source, range: self.info.clone() }
    }
}

/// A chapter as the extractor needs it.
#[derive(Debug, Clone)]
pub struct ChapterInput {
    /// Reading-order index.
    pub index: usize,
    /// Path of the Markdown file relative to the book root (`src/intro.md`).
    pub path: String,
    /// Directory that `{{#include}}` paths are relative to (absolute or relative to the cwd).
    pub dir: PathBuf,
    /// The chapter's Markdown (moved out of the book, not copied, when the book is annotated).
    pub content: std::sync::Arc<String>,
    /// The chapter's page, relative to the book's source directory (`troubleshooting.md`).
    pub page: Option<String>,
}

impl ChapterInput {
    /// One chapter, `src/t.md` in the current directory, holding `content`: what the unit tests
    /// of every stage check.
    #[cfg(test)]
    pub(crate) fn for_test(content: &str) -> ChapterInput {
        ChapterInput {
            index: 0,
            path: "src/t.md".into(),
            dir: ".".into(),
            content: content.to_string().into(),
            page: None,
        }
    }
}

/// Everything extraction found.
#[derive(Debug, Default)]
pub struct Extraction {
    /// The checked blocks, in reading order.
    pub blocks: Vec<Block>,
    /// Problems with attributes, includes and allow comments.
    pub findings: Vec<Finding>,
    /// Allow comments that stand before no checked block.
    pub stray_allows: Vec<Allow>,
}

/// The block-structure options of mdBook 0.5's parser (`mdbook_markdown::new_cmark_parser`), so
/// that blocks are found exactly where mdBook finds them. Its inline-only options (smart
/// punctuation, strikethrough, task lists, heading attributes) cannot move a code block and are
/// left out: they only cost time.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_DEFINITION_LIST | Options::ENABLE_GFM
}

/// `text` with a backslash before each directive mdBook's `links` preprocessor (which runs after
/// this one) would hang on or run out of memory with (`include::hazards`): mdBook then shows it
/// as text, as it does `\{{#include …}}`. `None` when there is none.
pub fn escape_hazardous_includes(text: &str, dir: &Path) -> Option<String> {
    let hazards = include::hazards(text, dir);
    if hazards.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + hazards.len());
    let mut at = 0;
    for (range, _) in hazards {
        out.push_str(&text[at..range.start]);
        out.push('\\');
        at = range.start;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// Languages whose unannotated blocks are looked at for `configcheck/unchecked-block`.
const CONFIG_LANGUAGES: &[&str] = &["python", "py", "python3", "nginx", "conf", "yaml", "yml"];

/// Cheap test used to skip chapters with nothing to do (keeps the pipeline fast).
pub fn may_hold_checked_blocks(content: &str) -> bool {
    // Fences first: in a chapter with checked blocks the first one ends the search early.
    ["```", "~~~"].iter().any(|fence| {
        memchr::memmem::find_iter(content.as_bytes(), fence).any(|i| {
            let after = content[i..].trim_start_matches(['`', '~']).trim_start();
            let info = after.split('\n').next().unwrap_or("");
            // Attributes (ours, or a misspelling of ours) or a configuration language.
            info.contains('=')
                || CONFIG_LANGUAGES.iter().any(|lang| {
                    // In any case, as `looks_like` compares it (`Python`, `YAML`).
                    after.get(..lang.len()).is_some_and(|word| word.eq_ignore_ascii_case(lang))
                        && after[lang.len()..].starts_with([',', ' ', '\n', '\r', '\t'])
                })
        })
    }) || memchr::memmem::find(content.as_bytes(), b"configcheck:").is_some()
}

/// The kind an unannotated block looks like, if any.
fn looks_like(language: &str, text: &str) -> Option<Kind> {
    if !CONFIG_LANGUAGES.iter().any(|known| known.eq_ignore_ascii_case(language)) {
        return None;
    }
    let netbox = text.lines().any(|line| {
        let line = line.trim_start();
        [
            "ALLOWED_HOSTS",
            "REMOTE_AUTH_",
            "SOCIAL_AUTH_",
            "LOGOUT_REDIRECT_URL",
            "CSRF_TRUSTED_ORIGINS",
            "LOGIN_REQUIRED",
            "BASE_PATH",
        ]
        .iter()
        .any(|name| line.starts_with(name) && line.contains('='))
    });
    let nginx = text.contains("proxy_pass")
        || text.contains("proxy_set_header")
        || text.lines().any(|l| l.trim_start().starts_with("server {"));
    let authentik = text.contains("model: authentik_") || (text.contains("entries:") && text.contains("model:"));
    if netbox {
        Some(Kind::Netbox)
    } else if nginx {
        Some(Kind::Nginx)
    } else if authentik {
        Some(Kind::Authentik)
    } else {
        None
    }
}

/// Extract the checked blocks of all chapters.
pub fn extract(chapters: &[ChapterInput], sources: &mut Sources) -> Extraction {
    // Chapters are independent: scan them on all cores, each into its own sources and ids, then
    // merge in reading order.
    let scan_all = |part: &[ChapterInput]| -> Vec<(Sources, Extraction)> {
        part.iter()
            .filter(|chapter| {
                may_hold_checked_blocks(&chapter.content)
                    || memchr::memmem::find(chapter.content.as_bytes(), b"{{").is_some()
            })
            .map(|chapter| {
                let mut local_sources = Sources::default();
                let mut local = Extraction::default();
                let source =
                    local_sources.add(SourceFile::new(chapter.path.clone(), std::sync::Arc::clone(&chapter.content)));
                ChapterScan { chapter, source, sources: &mut local_sources, out: &mut local }.run();
                (local_sources, local)
            })
            .collect()
    };
    let results: Vec<(Sources, Extraction)> = crate::parallel::map_chunks(chapters, 16, scan_all);
    let mut extraction = Extraction::default();
    for (local_sources, local) in results {
        let remap: Vec<SourceId> = local_sources.into_files().map(|file| sources.add(file)).collect();
        let site = |site: Site| Site { source: remap[site.source.0], range: site.range };
        let offset = extraction.blocks.len();
        for mut block in local.blocks {
            block.id = BlockId(block.id.0 + offset);
            block.chapter_source = remap[block.chapter_source.0];
            for segment in &mut block.map.segments {
                segment.source = remap[segment.source.0];
            }
            for expectation in &mut block.expect {
                expectation.site = site(expectation.site.clone());
            }
            for allow in &mut block.allows {
                allow.site = site(allow.site.clone());
            }
            extraction.blocks.push(block);
        }
        for mut finding in local.findings {
            finding.block = finding.block.map(|b| BlockId(b.0 + offset));
            if let Location::At(at) = finding.location {
                finding.location = Location::At(site(at));
            }
            extraction.findings.push(finding);
        }
        extraction.stray_allows.extend(local.stray_allows.into_iter().map(|mut allow| {
            allow.site = site(allow.site);
            allow
        }));
    }
    extraction.findings.extend(file_collisions(&extraction.blocks, sources));
    extraction
}

/// Blocks whose files would be written to one path (see [`file_name::collisions`]).
pub fn file_collisions(blocks: &[Block], sources: &Sources) -> Vec<Finding> {
    let named: Vec<file_name::Named<'_>> = blocks
        .iter()
        .map(|block| file_name::Named {
            name: &block.file,
            kind: block.kind.name(),
            id: block.id,
            site: Site { source: block.chapter_source, range: block.info.clone() },
            at: format!("{}:{}", sources.get(block.chapter_source).path, block.fence_line),
        })
        .collect();
    file_name::collisions(&named)
}

struct ChapterScan<'a> {
    chapter: &'a ChapterInput,
    source: SourceId,
    sources: &'a mut Sources,
    out: &'a mut Extraction,
}

struct OpenBlock {
    range: Range<usize>,
    /// Where its last line of code ends in the chapter.
    text_end: usize,
    /// Inside a blockquote or list item.
    in_container: bool,
    text: String,
    map: TextMap,
    allows: Vec<Allow>,
}

impl ChapterScan<'_> {
    fn run(mut self) {
        let content = &*self.chapter.content;
        let mut pending: Vec<Allow> = Vec::new();
        let mut open: Option<OpenBlock> = None;
        // How many blockquotes and list items enclose the current position.
        let mut containers = 0usize;
        for (event, range) in Parser::new_ext(content, markdown_options()).into_offset_iter() {
            match &event {
                Event::Start(Tag::BlockQuote(_) | Tag::Item) => containers += 1,
                Event::End(TagEnd::BlockQuote(_) | TagEnd::Item) => containers = containers.saturating_sub(1),
                _ => {}
            }
            match event {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
                    open = Some(OpenBlock {
                        // The block's text is at most its fenced range: one allocation.
                        text: String::with_capacity(range.len()),
                        text_end: range.start,
                        in_container: containers > 0,
                        range,
                        map: TextMap::default(),
                        allows: std::mem::take(&mut pending),
                    });
                }
                Event::Text(text) if open.is_some() => {
                    if let Some(block) = open.as_mut() {
                        let slice = content.get(range.clone()).unwrap_or("");
                        // Tabs expanded inside containers make the event text a suffix of the slice.
                        let source_start =
                            if slice.ends_with(text.as_ref()) { range.end - text.len() } else { range.start };
                        block.map.push(block.text.len(), text.len(), self.source, source_start);
                        block.text_end = range.end;
                        block.text.push_str(&text);
                    }
                }
                Event::End(TagEnd::CodeBlock) => {
                    if let Some(block) = open.take() {
                        self.finish_block(block);
                    }
                }
                Event::Html(html) | Event::InlineHtml(html) => {
                    self.allow_comment(&html, range, &mut pending);
                }
                Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
                Event::Start(_) | Event::Text(_) | Event::Code(_) | Event::Rule => {
                    // Anything else between an allow comment and its block breaks the link.
                    self.out.stray_allows.append(&mut pending);
                }
                _ => {}
            }
        }
        self.out.stray_allows.append(&mut pending);
        // What mdBook's own `links` would hang on outside checked blocks (inside them, the
        // block's includes say it).
        for (range, reason) in include::hazards(content, &self.chapter.dir) {
            if !self.out.blocks.iter().any(|b| b.fence.start <= range.start && range.end <= b.fence.end) {
                let message = format!("{reason}; the page shows this directive as text");
                self.out.findings.push(Finding::at(&own_rules::INCLUDE_ERROR, None, self.site(range), message));
            }
        }
    }

    fn site(&self, range: Range<usize>) -> Site {
        Site { source: self.source, range }
    }

    fn allow_comment(&mut self, html: &str, range: Range<usize>, pending: &mut Vec<Allow>) {
        let trimmed = html.trim();
        let Some(body) = trimmed.strip_prefix("<!--").and_then(|b| b.strip_suffix("-->")) else {
            return;
        };
        let Some(directive) = body.trim().strip_prefix("configcheck:") else {
            return;
        };
        let site = self.site(range.start..range.start + html.trim_end().len());
        let invalid = |message: String| Finding::at(&own_rules::INVALID_ALLOW, None, site.clone(), message);
        let Some(rest) = directive.trim().strip_prefix("allow") else {
            self.out.findings.push(invalid(format!(
                "`{}` is not a configcheck comment: the only one is `<!-- configcheck: allow RULE -- reason -->`",
                directive.trim()
            )));
            return;
        };
        let (rules_part, reason) = match rest.split_once("--") {
            Some((rules, reason)) => (rules, reason.trim()),
            None => (rest, ""),
        };
        if reason.is_empty() {
            self.out.findings.push(invalid(
                "this allow comment gives no reason, so a reader cannot tell why the finding does not matter".into(),
            ));
            return;
        }
        // Whether each names a rule is for the checks to say: extraction knows no registry.
        for rule in rules_part.split(',').map(str::trim).filter(|r| !r.is_empty()) {
            pending.push(Allow { rule: rule.to_string(), reason: reason.to_string(), site: site.clone() });
        }
    }

    fn finish_block(&mut self, open: OpenBlock) {
        let content = &*self.chapter.content;
        let fence_line_end = content[open.range.start..].find('\n').map_or(content.len(), |i| open.range.start + i);
        let fence_text = &content[open.range.start..fence_line_end];
        let marker_len = fence_text.len() - fence_text.trim_start_matches(['`', '~']).len();
        let info_start = open.range.start
            + marker_len
            + (fence_text[marker_len..].len() - fence_text[marker_len..].trim_start().len());
        let info_end = open.range.start + fence_text.trim_end().len();
        let info_range = info_start..info_end.max(info_start);
        let info_raw = &content[info_range.clone()];

        let attrs = self.attributes(info_raw, info_range.start);
        let Some(kind) = attrs.kind else {
            // Not a checked block: its allows suppress nothing.
            self.out.stray_allows.extend(open.allows);
            let language = info_raw.split([',', ' ', '\t']).next().unwrap_or("");
            if !info_raw.contains("check=")
                && let Some(kind) = looks_like(language, &open.text)
            {
                let site = if info_range.is_empty() {
                    self.site(open.range.start..fence_line_end)
                } else {
                    self.site(info_range)
                };
                self.out.findings.push(Finding::at(
                    &own_rules::UNCHECKED_BLOCK,
                    None,
                    site,
                    format!(
                        "this `{language}` block looks like {} but is not checked: add `check={}` so a reader never copies an unchecked block",
                        kind.description(),
                        kind.name()
                    ),
                ));
            }
            return;
        };
        let fence_line = self.sources.get(self.source).line_column(open.range.start).line;
        let (text, map) = self.resolve_includes(open.text, open.map, BlockId(self.out.blocks.len()), open.in_container);
        let prefix = container_prefix(content, open.range.start);
        // After the last line of code, only the closing fence has more than blanks and `>`.
        let after_code = open.text_end.max(fence_line_end).min(open.range.end);
        let closed = content[after_code..open.range.end].chars().any(|c| !matches!(c, ' ' | '\t' | '\n' | '\r' | '>'));
        self.out.blocks.push(Block {
            id: BlockId(self.out.blocks.len()),
            chapter: self.chapter.index,
            chapter_source: self.source,
            kind,
            file: CompactString::from(attrs.file.as_deref().unwrap_or(kind.default_file())),
            expect: attrs.expect,
            variant: attrs.variant,
            partial: attrs.partial,
            excerpt: attrs.partial,
            environment_replaced: false,
            ports_replaced: false,
            project_complete: false,
            compose_files_beside: false,
            configuration_read_whole: false,
            project_env_only: false,
            project_env: None,
            service_env_files: Vec::new(),
            raw_env_file: false,
            text,
            map,
            fence: open.range.clone(),
            fence_line,
            info: info_range,
            clean_info: attrs.clean_info,
            prefix,
            closed,
            allows: open.allows,
        });
    }

    fn attributes(&mut self, info: &str, info_start: usize) -> Attributes {
        let mut attrs = Attributes::default();
        // The tokens mdBook keeps are joined with commas as they are found (no list: this runs
        // for every fenced block of the book).
        let keep = |token: &str, clean_info: &mut CompactString| {
            if !clean_info.is_empty() {
                clean_info.push(',');
            }
            clean_info.push_str(token);
        };
        let mut ours: Vec<(&str, Site)> = Vec::new();
        let mut offset = 0;
        let tokens = info
            .split([',', ' ', '\t'])
            .map(|t| {
                let at = offset;
                offset += t.len() + 1;
                (at, t)
            })
            .filter(|(_, t)| !t.is_empty());
        let mut unknown: Vec<(String, Site)> = Vec::new();
        let checked = info.split([',', ' ', '\t']).any(|t| t.starts_with("check="));
        for (i, (at, token)) in tokens.enumerate() {
            let site = self.site(info_start + at..info_start + at + token.len());
            if i == 0 && !token.contains('=') {
                keep(token, &mut attrs.clean_info);
                continue;
            }
            let (key, value) = match token.split_once('=') {
                Some((k, v)) => (k, Some(v)),
                None => (token, None),
            };
            match (key, value) {
                ("check", Some(kind)) => match Kind::from_name(kind) {
                    Some(kind) => attrs.kind = Some(kind),
                    None => {
                        let near = closest_of(kind, Kind::ALL.iter().map(|k| k.name()));
                        unknown.push((
                            format!(
                                "`check={kind}` names an unknown kind{}; this block is not checked (kinds: netbox, nginx, authentik, env, compose, chart)",
                                near.map(|n| format!(" (did you mean `check={n}`?)")).unwrap_or_default()
                            ),
                            site,
                        ));
                    }
                },
                ("file", Some(file)) if !file.is_empty() => {
                    if let Some(problem) = file_name::problem(file) {
                        self.out.findings.push(file_name::invalid(file, &problem, site.clone()));
                    }
                    attrs.file = Some(file.to_string());
                    ours.push((token, site));
                }
                ("expect", Some(rule)) => {
                    attrs.expect.push(Expectation { rule: rule.to_string(), site: site.clone() });
                    ours.push((token, site));
                }
                ("variant", None) => {
                    attrs.variant = true;
                    ours.push((token, site));
                }
                ("partial", None) => {
                    attrs.partial = true;
                    ours.push((token, site));
                }
                ("hidelines", Some(_)) => keep(token, &mut attrs.clean_info),
                (key, Some(_)) => {
                    // Other tools put their own `key=value` on blocks (admonish's `title=`): only
                    // a near miss of ours is ours; on a checked block every unknown key is.
                    let near = closest_of(key, ["check", "file", "expect"].into_iter());
                    let typo = ["check", "file", "expect"].iter().any(|ours| crate::spelling::distance(key, ours) == 1);
                    if checked || typo {
                        unknown.push((
                            format!(
                                "`{token}` is not an attribute configcheck or mdBook knows{}",
                                near.map(|n| format!(" (did you mean `{n}=`?)")).unwrap_or_default()
                            ),
                            site,
                        ));
                    } else {
                        keep(token, &mut attrs.clean_info);
                    }
                }
                (word, None) => {
                    if word != "variant" && crate::spelling::distance(word, "variant") <= 2 && word.len() > 3 {
                        unknown.push((format!("`{word}` is not an attribute (did you mean `variant`?)"), site));
                    } else {
                        keep(token, &mut attrs.clean_info);
                    }
                }
            }
        }
        let checked = attrs.kind.is_some();
        for (message, site) in unknown {
            self.out.findings.push(Finding::at(&own_rules::UNKNOWN_ATTRIBUTE, None, site, message));
        }
        if !checked {
            for (token, site) in ours {
                self.out.findings.push(Finding::at(
                    &own_rules::UNKNOWN_ATTRIBUTE,
                    None,
                    site,
                    format!("`{token}` only means something on a checked block; add `check=netbox`, `check=nginx` or `check=authentik`"),
                ));
            }
        }
        attrs
    }

    /// The block's text with its `{{#include}}`s expanded as mdBook's `links` expands them
    /// ([`include`]), mapped to the included files; problems are findings at their directive.
    fn resolve_includes(
        &mut self,
        text: String,
        map: TextMap,
        block: BlockId,
        in_container: bool,
    ) -> (String, TextMap) {
        if !text.contains("{{") {
            return (text, map);
        }
        let report_dir = Path::new(&self.chapter.path).parent().unwrap_or(Path::new("")).to_path_buf();
        let mut includer = include::Includer::new(self.sources);
        let expanded = includer.expand_block(&text, &map, &self.chapter.dir, &report_dir);
        for (site, message) in includer.errors {
            self.out.findings.push(Finding::at(&own_rules::INCLUDE_ERROR, Some(block), site, message));
        }
        if in_container {
            for site in includer.multi_line {
                self.out.findings.push(Finding::at(
                    &own_rules::INCLUDE_IN_CONTAINER,
                    Some(block),
                    site,
                    "this include brings several lines into a blockquote or list item: mdBook pastes them without the container's prefix, so the page shows only the first as code".to_string(),
                ));
            }
        }
        expanded
    }
}

#[derive(Default)]
struct Attributes {
    kind: Option<Kind>,
    file: Option<String>,
    expect: Vec<Expectation>,
    variant: bool,
    partial: bool,
    clean_info: CompactString,
}

/// What lines written after the opening fence must start with to stay in its container at its
/// column: the opening fence line up to the fence, list markers turned into spaces (one column
/// each, so tabs after them keep their stops), `>` and blanks kept.
fn container_prefix(content: &str, fence_start: usize) -> CompactString {
    let line_start = content[..fence_start].rfind('\n').map_or(0, |i| i + 1);
    content[line_start..fence_start].chars().map(|c| if matches!(c, '>' | ' ' | '\t') { c } else { ' ' }).collect()
}

/// The candidate nearest to `word`, if it is near enough to be a typo.
pub fn closest_of<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let length = word.chars().count();
    candidates
        // The distance is at least the difference in length: skip the table for hopeless ones.
        .filter(|c| length.abs_diff(c.chars().count()) <= 2.max(c.len() / 5))
        .map(|c| (crate::spelling::distance(word, c), c))
        .filter(|&(d, c)| d > 0 && d <= 2.max(c.len() / 5))
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::check::check_chapters;
    use crate::config::Settings;

    use super::ChapterInput;

    #[test]
    fn a_configuration_block_whose_language_is_capitalised_is_still_reported_as_unchecked() {
        let content = "# Setup\n\n```Python\nALLOWED_HOSTS = ['netbox.example.com']\n```\n";
        let chapter = ChapterInput::for_test(content);
        let checked = check_chapters(&[chapter], Path::new("."), &Settings::default()).unwrap();
        let rules: Vec<_> = checked.diagnostics.iter().map(|d| (d.rule, d.start.line)).collect();
        assert_eq!(rules, vec![("configcheck/unchecked-block", 3)]);
    }

    /// In preprocessor mode a chapter's text comes from mdBook (an earlier preprocessor may have
    /// changed it) while an include reads the disk: a chapter including its own file, longer on
    /// disk than in the book, must neither panic nor slice one text with the other's lines.
    #[test]
    fn a_chapter_including_its_own_file_does_not_panic_when_the_book_differs_from_the_disk() {
        let dir = tempfile::tempdir().unwrap();
        let on_disk: String = (1..=20).map(|n| format!("# line {n} of the chapter as it is on disk\n")).collect();
        std::fs::write(dir.path().join("t.md"), &on_disk).unwrap();
        let content = "```python,check=netbox\n{{#include t.md:12:14}}\n```\n";
        let chapter = ChapterInput { dir: dir.path().to_path_buf(), ..ChapterInput::for_test(content) };
        let checked = check_chapters(&[chapter], Path::new("."), &Settings::default()).unwrap();
        assert_eq!(checked.blocks.len(), 1);
        assert_eq!(checked.blocks[0].text, on_disk.lines().skip(11).take(3).collect::<Vec<_>>().join("\n") + "\n");
    }
}
