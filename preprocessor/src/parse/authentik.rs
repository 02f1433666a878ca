//! `check=authentik`: an Authentik blueprint (YAML), parsed with saphyr into a span tree that
//! keeps Authentik's custom tags (`!Find`, `!KeyOf`, `!Env`, `!Context`, `!Format`, `!If`, …) as
//! typed values, then read into the provider and the application the guide configures.

use std::ops::Range;

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

use super::limits::{self, TooComplex};
use super::netbox::SyntaxError;

/// A YAML node with its range in the block text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What it is.
    pub kind: NodeKind,
    /// Where it is written.
    pub range: Range<usize>,
}

/// The value of a YAML node.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// `~` / `null` / nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A string.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in order.
    Map(Vec<(Node, Node)>),
    /// An Authentik tag: `!Find [model, [field, value]]`, `!Env NAME`, `!KeyOf id`, …
    Tagged(String, Box<Node>),
}

impl Node {
    /// The string of a plain scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A key of a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(items) => items.iter().find(|(k, _)| k.as_str() == Some(key)).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The items of a sequence.
    pub fn items(&self) -> &[Node] {
        match &self.kind {
            NodeKind::Seq(items) => items,
            _ => &[],
        }
    }

    /// `Some(tag)` for a tagged node.
    pub fn tag(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Tagged(tag, _) => Some(tag),
            _ => None,
        }
    }

    /// Whether the node is null or missing content.
    pub fn is_null(&self) -> bool {
        matches!(self.kind, NodeKind::Null)
    }

    /// Every string anywhere under this node (for searching expressions and names).
    pub fn strings(&self) -> Vec<&str> {
        let mut out = Vec::new();
        fn collect<'a>(node: &'a Node, out: &mut Vec<&'a str>) {
            match &node.kind {
                NodeKind::Str(s) => out.push(s),
                NodeKind::Seq(items) => items.iter().for_each(|i| collect(i, out)),
                NodeKind::Map(items) => items.iter().for_each(|(k, v)| {
                    collect(k, out);
                    collect(v, out)
                }),
                NodeKind::Tagged(_, inner) => collect(inner, out),
                _ => {}
            }
        }
        collect(self, &mut out);
        out
    }
}

/// One entry of a blueprint.
#[derive(Debug, Clone)]
pub struct Entry {
    /// `authentik_providers_oauth2.oauth2provider`.
    pub model: String,
    /// The entry's `id:` (what `!KeyOf` refers to).
    pub id: Option<String>,
    /// `identifiers:`.
    pub identifiers: Option<Node>,
    /// `attrs:`.
    pub attrs: Option<Node>,
    /// The whole entry.
    pub range: Range<usize>,
    /// The `model:` value: a one-line place to point at the entry.
    pub model_range: Range<usize>,
}

/// A parsed blueprint.
#[derive(Debug, Clone, Default)]
pub struct Blueprint {
    /// Its entries.
    pub entries: Vec<Entry>,
    /// Syntax errors (YAML stops at the first one).
    pub syntax_errors: Vec<SyntaxError>,
    /// Set when the block nests too deeply to load.
    pub too_complex: Option<TooComplex>,
    /// One of Authentik's own system blueprints: `metadata.labels` has
    /// `blueprints.goauthentik.io/system: "true"` (authentik 2025.12.4
    /// authentik/blueprints/v1/labels.py L3; compared lower-cased with "true" in
    /// authentik/blueprints/migrations/0001_initial.py L66, which keeps such blueprints enabled).
    pub system: bool,
    /// The block's text, so that a finding can point inside a node (a line of a multi-line
    /// expression) rather than at the node's first line.
    pub source: String,
}

impl Blueprint {
    /// Entries of one model.
    pub fn entries_of<'a>(&'a self, model: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| e.model == model)
    }
}

impl Entry {
    /// An attribute (or, failing that, an identifier).
    pub fn field(&self, name: &str) -> Option<&Node> {
        self.attrs.as_ref().and_then(|a| a.get(name)).or_else(|| self.identifiers.as_ref().and_then(|i| i.get(name)))
    }
}

/// The label of Authentik's system blueprints.
const SYSTEM_LABEL: &str = "blueprints.goauthentik.io/system";

/// YAML documents as span trees, or why they could not be loaded.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The documents.
    pub documents: Vec<Node>,
    /// The first YAML error (saphyr stops there).
    pub syntax_errors: Vec<SyntaxError>,
    /// Set when the text nests too deeply to load.
    pub too_complex: Option<TooComplex>,
}

/// Load YAML text into span trees (ranges in bytes of `text`), bounded in depth
/// ([`limits::yaml_depth`]): what the blueprint and compose readers build on.
pub fn load(text: &str) -> Loaded {
    let offsets = CharOffsets::new(text);
    let mut loaded = Loaded::default();
    // The loader builds the tree without recursion, but dropping it and reading it recurse.
    if let Err(at) = limits::yaml_depth(text) {
        let start = offsets.byte(at);
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        loaded.too_complex =
            Some(TooComplex { range: start..end, message: limits::too_deep("sequences and mappings") });
        return loaded;
    }
    // Characters read as spaces (see [`closed_at_the_margin`]), by their index: a repair keeps
    // every character where it was, so positions in the text read are the text's own.
    let mut blanked: Vec<usize> = Vec::new();
    let mut repairs = 0;
    loop {
        let read: std::borrow::Cow<'_, str> = if blanked.is_empty() {
            text.into()
        } else {
            text.chars()
                .enumerate()
                .map(|(i, c)| if blanked.binary_search(&i).is_ok() { ' ' } else { c })
                .collect::<String>()
                .into()
        };
        match MarkedYaml::load_from_str(&read) {
            Ok(documents) => {
                loaded.documents = documents.iter().map(|d| node(d, &offsets)).collect();
                break;
            }
            Err(error) => {
                let start = offsets.byte(error.marker().index());
                if repairs < MARGIN_REPAIRS
                    && let Some(bytes) = closed_at_the_margin(text, start, error.info())
                {
                    repairs += 1;
                    blanked.extend(bytes.into_iter().filter_map(|byte| offsets.char_index(byte)));
                    blanked.sort_unstable();
                    continue;
                }
                let end = text[start..].chars().next().map_or(start, |c| start + c.len_utf8());
                loaded.syntax_errors.push(SyntaxError { range: start..end, message: error.info().to_string() });
                break;
            }
        }
    }
    loaded
}

/// How many flow collections closed at the margin one text may have repaired (each costs a parse).
const MARGIN_REPAIRS: usize = 8;

/// A flow collection whose closing bracket starts a line left of where YAML 1.2 wants flow
/// content under a block key (`plugins: [` … `]` at column 0): saphyr refuses it ("invalid
/// indentation"), while libyaml and the readers built on it take it (PyYAML 6.0, seen here; Helm's
/// go-yaml, whose scanner is libyaml's, checks indentation in block context only). The
/// characters to read as spaces (their byte offsets): the line break before the bracket's line,
/// which joins the bracket to the line before, and that line's text too where it is a comment
/// alone (which would swallow the bracket); `None` for any other error, or where the line before
/// ends in a comment after other text (where the comment starts is not read here).
fn closed_at_the_margin(text: &str, at: usize, message: &str) -> Option<Vec<usize>> {
    if message != "invalid indentation" {
        return None;
    }
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    if line_start == 0 || !text[line_start..].trim_start_matches([' ', '\t']).starts_with([']', '}']) {
        return None;
    }
    let line_break = line_start - 1;
    let before_start = text[..line_break].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[before_start..line_break];
    let mut blank = vec![line_break];
    if before.trim_start().starts_with('#') {
        blank.extend(before.char_indices().map(|(i, _)| before_start + i));
    } else if before.contains('#') {
        return None;
    }
    Some(blank)
}

/// Parse one block.
pub fn parse(text: &str) -> Blueprint {
    let loaded = load(text);
    let mut blueprint = Blueprint {
        source: text.to_string(),
        syntax_errors: loaded.syntax_errors,
        too_complex: loaded.too_complex,
        ..Blueprint::default()
    };
    for root in &loaded.documents {
        let label = root.get("metadata").and_then(|m| m.get("labels")).and_then(|l| l.get(SYSTEM_LABEL));
        if label.and_then(Node::as_str).is_some_and(|v| v.eq_ignore_ascii_case("true")) {
            blueprint.system = true;
        }
        let entries = root.get("entries").map(Node::items).unwrap_or_default();
        for entry in entries {
            let Some(model_node) = entry.get("model") else { continue };
            let Some(model) = model_node.as_str() else { continue };
            blueprint.entries.push(Entry {
                model: model.to_string(),
                id: entry.get("id").and_then(Node::as_str).map(str::to_string),
                identifiers: entry.get("identifiers").cloned(),
                attrs: entry.get("attrs").cloned(),
                range: entry.range.clone(),
                model_range: model_node.range.clone(),
            });
        }
    }
    blueprint
}

/// saphyr counts characters; the tool counts bytes.
struct CharOffsets<'t> {
    bytes: Vec<usize>,
    text: &'t str,
}

impl<'t> CharOffsets<'t> {
    fn new(text: &'t str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        Self { bytes, text }
    }

    /// A quoted scalar's span as saphyr gives it runs on past its closing quote, over the
    /// spaces and a comment after it (`- "8000:8080"  # note`): end it at the quote, so a finding
    /// underlines the value only. The closing quote is the first `"` not escaped by a backslash,
    /// or the first `'` not doubled.
    fn quoted_end(&self, range: &Range<usize>) -> usize {
        let Some(slice) = self.text.get(range.clone()) else { return range.end };
        // A tag or an anchor before the quote (`!!str "x"`, `&a "x"`).
        let mut quoted = slice;
        while let Some(rest) = quoted.strip_prefix(['!', '&']) {
            let Some(space) = rest.find([' ', '\t']) else { return range.end };
            quoted = rest[space..].trim_start_matches([' ', '\t']);
        }
        let offset = slice.len() - quoted.len();
        let mut chars = quoted.char_indices();
        let end = match chars.next() {
            Some((_, '"')) => {
                let mut escaped = false;
                chars.find(|&(_, c)| {
                    let closes = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    closes
                })
            }
            Some((_, '\'')) => {
                let bytes = quoted.as_bytes();
                let mut i = 1;
                loop {
                    match bytes.get(i) {
                        Some(b'\'') if bytes.get(i + 1) == Some(&b'\'') => i += 2,
                        Some(b'\'') => break Some((i, '\'')),
                        Some(_) => i += 1,
                        None => break None,
                    }
                }
            }
            _ => None,
        };
        let Some((at, _)) = end else { return range.end };
        // Only spaces and a comment may follow: a block scalar whose first line starts with a
        // quote (`values: |` then `"a": 1`) runs on, and keeps its range.
        let rest = &quoted[at + 1..];
        if !rest.lines().all(|line| {
            let line = line.trim_start_matches([' ', '\t']);
            line.is_empty() || line.starts_with('#')
        }) {
            return range.end;
        }
        range.start + offset + at + 1
    }

    /// The index of the character at a byte offset (`None` inside a character).
    fn char_index(&self, byte: usize) -> Option<usize> {
        self.bytes.binary_search(&byte).ok()
    }

    fn byte(&self, char_index: usize) -> usize {
        self.bytes.get(char_index).copied().unwrap_or_else(|| self.bytes.last().copied().unwrap_or(0))
    }
}

fn node(yaml: &MarkedYaml<'_>, offsets: &CharOffsets<'_>) -> Node {
    let mut range = offsets.byte(yaml.span.start.index())..offsets.byte(yaml.span.end.index());
    if matches!(yaml.data, YamlData::Value(Scalar::String(_)) | YamlData::Representation(..)) {
        range.end = offsets.quoted_end(&range);
    }
    let kind = match &yaml.data {
        YamlData::Value(scalar) => scalar_kind(scalar),
        YamlData::Representation(text, _, _) => NodeKind::Str(text.to_string()),
        YamlData::Sequence(items) => NodeKind::Seq(items.iter().map(|i| node(i, offsets)).collect()),
        YamlData::Mapping(map) => {
            NodeKind::Map(map.iter().map(|(k, v)| (node(k, offsets), node(v, offsets))).collect())
        }
        YamlData::Tagged(tag, inner) => {
            let mut inner = node(inner, offsets);
            // A tagged scalar's inner node loses its span: use the tag's.
            if inner.range.start < range.start || inner.range.is_empty() {
                inner.range = range.clone();
            }
            NodeKind::Tagged(format!("{}{}", tag.handle, tag.suffix), Box::new(inner))
        }
        YamlData::Alias(_) | YamlData::BadValue => NodeKind::Null,
    };
    Node { kind, range }
}

fn scalar_kind(scalar: &Scalar<'_>) -> NodeKind {
    match scalar {
        Scalar::Null => NodeKind::Null,
        Scalar::Boolean(b) => NodeKind::Bool(*b),
        Scalar::Integer(i) => NodeKind::Int(*i),
        Scalar::FloatingPoint(f) => NodeKind::Float(f.into_inner()),
        Scalar::String(s) => NodeKind::Str(s.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLUEPRINT: &str = r#"version: 1
entries:
  - model: authentik_providers_oauth2.oauth2provider
    id: netbox-provider
    identifiers:
      name: NetBox
    attrs:
      client_id: !Env NETBOX_CLIENT_ID
      signing_key: !Find [authentik_crypto.certificatekeypair, [name, "authentik Self-signed Certificate"]]
      redirect_uris:
        - matching_mode: strict
          url: https://netbox.internaldomain.com/oauth/complete/oidc/
  - model: authentik_core.application
    identifiers:
      slug: netbox
    attrs:
      provider: !KeyOf netbox-provider
"#;

    /// A flow list closed at the margin under a top-level key, as Helm reads it (corpus case
    /// t221): read, with every value where the text has it; behind a comment, or any other
    /// indentation error, still an error.
    #[test]
    fn a_flow_collection_closed_at_the_margin() {
        let text = "plugins: [\n  \"django3_saml2_nbplugin\"\n]\nconfig: {\n  a: 1\n}\nafter: \"x\"\n";
        let loaded = load(text);
        assert!(loaded.syntax_errors.is_empty(), "{:?}", loaded.syntax_errors);
        let root = &loaded.documents[0];
        let plugin = &root.get("plugins").unwrap().items()[0];
        assert_eq!(&text[plugin.range.clone()], "\"django3_saml2_nbplugin\"");
        assert_eq!(&text[root.get("after").unwrap().range.clone()], "\"x\"");
        let commented = "plugins: [\n  \"a\"  # the plugin\n]\n";
        assert_eq!(load(commented).syntax_errors.len(), 1);
        let broken = "a:\n  b: 1\n c: 2\n";
        assert_eq!(load(broken).syntax_errors.len(), 1);
        // A comment alone on the line before the bracket is read as blank (as PyYAML reads it).
        let comment_line = "a: [\n  \"b\",\n  # c\n]\nd: \"é\"\n";
        let loaded = load(comment_line);
        assert!(loaded.syntax_errors.is_empty(), "{:?}", loaded.syntax_errors);
        assert_eq!(&comment_line[loaded.documents[0].get("d").unwrap().range.clone()], "\"é\"");
        // Past the repairs allowed, the error is reported, never a file read as empty.
        let many: String = (0..=MARGIN_REPAIRS).map(|i| format!("k{i}: [\n  \"a\"\n]\n")).collect();
        let loaded = load(&many);
        assert_eq!((loaded.syntax_errors.len(), loaded.documents.len()), (1, 0));
        let allowed: String = (0..MARGIN_REPAIRS).map(|i| format!("k{i}: [\n  \"a\"\n]\n")).collect();
        assert!(load(&allowed).syntax_errors.is_empty());
    }

    /// A quoted scalar ends at its closing quote, not at the comment after it (a finding on
    /// `- "8000:8080"  # note` underlined the note too).
    #[test]
    fn a_quoted_scalar_ends_at_its_quote() {
        let text = "a: \"8000:8080\"  # note\nb: 'it''s'   # c\nc: \"x\\\"y#z\" # d\nd: plain  # e\n";
        let loaded = load(text);
        let root = &loaded.documents[0];
        let value = |key: &str| &text[root.get(key).unwrap().range.clone()];
        assert_eq!(value("a"), "\"8000:8080\"");
        assert_eq!(value("b"), "'it''s'");
        assert_eq!(value("c"), "\"x\\\"y#z\"");
        assert_eq!(value("d"), "plain");
        // After a tag or an anchor; and a block scalar whose first line starts with a quote runs on.
        let text = "a: !!str \"x\"  # c\nb: &b 'y' # d\nc: |\n  \"k\": 1\n  m: 2\n";
        let loaded = load(text);
        let root = &loaded.documents[0];
        let value = |key: &str| &text[root.get(key).unwrap().range.clone()];
        assert!(value("a").ends_with("\"x\""), "{:?}", value("a"));
        assert!(value("b").ends_with("'y'"), "{:?}", value("b"));
        assert!(value("c").contains("m: 2"), "{:?}", value("c"));
    }

    #[test]
    fn reads_entries_tags_and_positions() {
        let blueprint = parse(BLUEPRINT);
        assert!(blueprint.syntax_errors.is_empty());
        let provider = blueprint.entries_of("authentik_providers_oauth2.oauth2provider").next().unwrap();
        assert_eq!(provider.id.as_deref(), Some("netbox-provider"));
        assert_eq!(provider.field("client_id").and_then(Node::tag), Some("!Env"));
        assert_eq!(provider.field("signing_key").and_then(Node::tag), Some("!Find"));
        let url = provider.field("redirect_uris").unwrap().items()[0].get("url").unwrap();
        assert_eq!(&BLUEPRINT[url.range.clone()], "https://netbox.internaldomain.com/oauth/complete/oidc/");
        let app = blueprint.entries_of("authentik_core.application").next().unwrap();
        assert_eq!(app.field("slug").and_then(Node::as_str), Some("netbox"));
        let provider_ref = app.field("provider").unwrap();
        assert_eq!(provider_ref.tag(), Some("!KeyOf"));
        assert_eq!(&BLUEPRINT[provider_ref.range.clone()], "!KeyOf netbox-provider");
    }

    #[test]
    fn a_yaml_error_has_a_position() {
        let blueprint = parse("entries:\n  - model: [unclosed\n");
        assert_eq!(blueprint.syntax_errors.len(), 1);
    }
}
