//! `check=env`: netbox-docker's environment file (`env/netbox.env`, Docker Compose's `env_file`),
//! and how netbox-docker turns its variables into NetBox settings.
//!
//! netbox-docker 3.0.2 (commit 27bf52c, `configuration/configuration.py`) reads most settings from
//! the environment, each from the variable of the same name: `environ.get(NAME, default)` keeps
//! the text, `_environ_get_and_map(NAME, default, _AS_BOOL | _AS_INT | _AS_LIST)` converts it
//! (`value.lower() == 'true'`, `int(value)`, `list(filter(None, value.split(' ')))`), and
//! `ALLOWED_HOSTS` is `environ.get('ALLOWED_HOSTS', '*').split(' ')` with `'localhost'` added
//! unless `'*'` or `'localhost'` is there. It maps no `SOCIAL_AUTH_*` variable: those reach NetBox
//! only through an add-on file that reads them (`SOCIAL_AUTH_OIDC_KEY = environ.get(…)`). Later
//! releases map Okta's, Google's and OpenID Connect's (pull requests #1475 and #1626, not read
//! here), so this mapping is 3.0.2's; the rules that rest on the absence say for which images.
//!
//! The parsed file is a [`PythonFile`] whose settings are the file's variables, as text; the
//! model ([`crate::model::netbox`]) applies them: a setting read from a variable the file sets
//! gets its value, and the variables in [`MAPPED`] become their settings where no configuration
//! file of the deployment says otherwise.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use compact_str::CompactString;
use rustc_hash::FxBuildHasher;

pub use super::netbox::Conversion;
use super::netbox::{PythonFile, Setting, SyntaxError, Value, ValueKind, is_template_slot};
use crate::finding::BlockId;

/// The variables netbox-docker 3.0.2's `configuration/configuration.py` maps to the NetBox
/// setting of the same name, unconditionally or when the variable is set, with their conversion.
/// (Database, Redis, e-mail and secret settings are built from several variables or read from
/// `/run/secrets` first: they stay unknown.)
pub const MAPPED: &[(&str, Conversion)] = &[
    ("ALLOWED_HOSTS", Conversion::Hosts),
    ("ALLOWED_URL_SCHEMES", Conversion::List),
    ("BANNER_BOTTOM", Conversion::Text),
    ("BANNER_LOGIN", Conversion::Text),
    ("BANNER_TOP", Conversion::Text),
    ("CENSUS_REPORTING_ENABLED", Conversion::Bool),
    ("CHANGELOG_RETENTION", Conversion::Int),
    ("CORS_ORIGIN_ALLOW_ALL", Conversion::Bool),
    ("CORS_ORIGIN_WHITELIST", Conversion::List),
    ("CSRF_COOKIE_NAME", Conversion::Text),
    ("CSRF_TRUSTED_ORIGINS", Conversion::List),
    ("DEBUG", Conversion::Bool),
    ("DEVELOPER", Conversion::Bool),
    ("ENFORCE_GLOBAL_UNIQUE", Conversion::Bool),
    ("EXEMPT_VIEW_PERMISSIONS", Conversion::List),
    ("GRAPHQL_ENABLED", Conversion::Bool),
    ("INTERNAL_IPS", Conversion::List),
    ("LOGIN_PERSISTENCE", Conversion::Bool),
    ("LOGIN_REQUIRED", Conversion::Bool),
    ("LOGIN_TIMEOUT", Conversion::Int),
    ("MAINTENANCE_MODE", Conversion::Bool),
    ("MAPS_URL", Conversion::Text),
    ("MAX_PAGE_SIZE", Conversion::Int),
    ("MEDIA_ROOT", Conversion::Text),
    ("METRICS_ENABLED", Conversion::Bool),
    ("PAGINATE_COUNT", Conversion::Int),
    ("PREFER_IPV4", Conversion::Bool),
    ("RELEASE_CHECK_URL", Conversion::Text),
    ("REMOTE_AUTH_AUTO_CREATE_GROUPS", Conversion::Bool),
    ("REMOTE_AUTH_AUTO_CREATE_USER", Conversion::Bool),
    ("REMOTE_AUTH_BACKEND", Conversion::List),
    ("REMOTE_AUTH_DEFAULT_GROUPS", Conversion::List),
    ("REMOTE_AUTH_ENABLED", Conversion::Bool),
    ("REMOTE_AUTH_GROUP_HEADER", Conversion::Text),
    ("REMOTE_AUTH_GROUP_SEPARATOR", Conversion::Text),
    ("REMOTE_AUTH_GROUP_SYNC_ENABLED", Conversion::Bool),
    ("REMOTE_AUTH_HEADER", Conversion::Text),
    ("REMOTE_AUTH_STAFF_GROUPS", Conversion::List),
    ("REMOTE_AUTH_STAFF_USERS", Conversion::List),
    ("REMOTE_AUTH_SUPERUSERS", Conversion::List),
    ("REMOTE_AUTH_SUPERUSER_GROUPS", Conversion::List),
    ("REMOTE_AUTH_USER_EMAIL", Conversion::Text),
    ("REMOTE_AUTH_USER_FIRST_NAME", Conversion::Text),
    ("REMOTE_AUTH_USER_LAST_NAME", Conversion::Text),
    ("RQ_DEFAULT_TIMEOUT", Conversion::Int),
    ("SECURE_HSTS_INCLUDE_SUBDOMAINS", Conversion::Bool),
    ("SECURE_HSTS_PRELOAD", Conversion::Bool),
    ("SECURE_HSTS_SECONDS", Conversion::Int),
    ("SECURE_SSL_REDIRECT", Conversion::Bool),
    ("SESSION_COOKIE_NAME", Conversion::Text),
    ("TIME_ZONE", Conversion::Text),
];

/// Where linuxserver's image puts a variable in the `configuration.py` it writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// Inside a Python string: `'{{DB_PASSWORD}}'`.
    Quoted,
    /// As Python code: `REMOTE_AUTH_ENABLED = {{REMOTE_AUTH_ENABLED}}`.
    Code,
    /// As Python code between a list's brackets: `CSRF_TRUSTED_ORIGINS = [ {{…}} ]`.
    ListItems,
}

/// The variables linuxserver's NetBox image (`lscr.io/linuxserver/netbox`) writes into the
/// `configuration.py` it renders on a first start (when `/config/configuration.py` does not
/// exist yet), with where each goes and the default an unset or empty one takes (bash's
/// `${NAME:-default}`): linuxserver/docker-netbox c710945
/// `root/etc/s6-overlay/s6-rc.d/init-netbox-config/run` L8-32 and `root/defaults/configuration.py`
/// (L11-64, L94, L110-112, L249-254); the same script as `root/etc/cont-init.d/50-config` from the
/// first release (ab323f8, 2020-08-23; v3.2.6-ls77 has it without CSRF_TRUSTED_ORIGINS and REDIS_USERNAME). Each
/// value replaces its `{{NAME}}` through `sed -i 's|{{'$KEY'}}|'${NETBOX_CONF[$KEY]}'|g'`: the
/// value unquoted in the shell, in sed's replacement.
pub const LINUXSERVER: &[(&str, Slot, &str)] = &[
    ("ALLOWED_HOST", Slot::Quoted, "netbox.example.com"),
    ("BASE_PATH", Slot::Quoted, ""),
    ("CSRF_TRUSTED_ORIGINS", Slot::ListItems, ""),
    ("DB_NAME", Slot::Quoted, "netbox"),
    ("DB_USER", Slot::Quoted, "root"),
    ("DB_PASSWORD", Slot::Quoted, ""),
    ("DB_HOST", Slot::Quoted, "postgres"),
    ("DB_PORT", Slot::Quoted, ""),
    ("REDIS_HOST", Slot::Quoted, "redis"),
    ("REDIS_PORT", Slot::Code, "6379"),
    ("REDIS_USERNAME", Slot::Quoted, ""),
    ("REDIS_PASSWORD", Slot::Quoted, ""),
    ("REDIS_DB_TASK", Slot::Code, "0"),
    ("REDIS_DB_CACHE", Slot::Code, "1"),
    ("REMOTE_AUTH_ENABLED", Slot::Code, "False"),
    ("REMOTE_AUTH_BACKEND", Slot::Quoted, "netbox.authentication.RemoteUserBackend"),
    ("REMOTE_AUTH_HEADER", Slot::Quoted, "HTTP_REMOTE_USER"),
    ("REMOTE_AUTH_AUTO_CREATE_USER", Slot::Code, "False"),
    ("REMOTE_AUTH_DEFAULT_GROUPS", Slot::Code, "[]"),
    ("REMOTE_AUTH_DEFAULT_PERMISSIONS", Slot::Code, "{}"),
    ("SECRET_KEY", Slot::Quoted, ""),
];

/// The default linuxserver's image writes for a variable of [`LINUXSERVER`] that is unset or
/// empty.
pub fn linuxserver_default(name: &str) -> Option<&'static str> {
    LINUXSERVER.iter().find(|(var, ..)| *var == name).map(|&(_, _, default)| default)
}

/// The port linuxserver's image serves NetBox on in its container, in every release: its
/// `root/defaults/uwsgi.ini` `http-socket = [::]:8000` (c710945; `:8000` since the first release),
/// a file the image keeps in /app. netbox-docker's changed web servers (gunicorn on 8001 before
/// 1.0.0, NGINX Unit on 8080 from 1.0.0 to 3.x, Granian from 4.0.0 with `GRANIAN_PORT` from
/// 5.1.1) and is not judged.
pub const LINUXSERVER_PORT: u16 = 8000;

/// How netbox-docker converts a variable into the setting of the same name, if it maps it.
pub fn mapped(var: &str) -> Option<Conversion> {
    MAPPED.iter().find(|(name, _)| *name == var).map(|&(_, conversion)| conversion)
}

/// Parse an environment file as Docker Compose reads an `env_file`: a port of compose-go's
/// dotenv parser (compose-spec/compose-go at e70e961, v2.13.0+6, `dotenv/parser.go`), which
/// Docker Compose v2 uses for `env_file:`. Statements start after blanks and `#` comment lines;
/// `export ` is dropped; a name (letters, digits, `_ . - [ ]`) ends at `=` or `:`; a value in
/// single or double quotes runs to the matching quote, across lines (`\` escapes it); an
/// unquoted one to the line's end, cut at ` #`. A name alone on its line takes its value from
/// the shell that starts Compose: set, value unknown. Unquoted and double-quoted values are
/// interpolated (`${X}`, `$X`; `$$` is `$`): such a value is unknown, never guessed.
///
/// Where compose-go stops with an error (an unterminated quote, a character no name may hold, a
/// name with a space), Docker Compose loads no service that reads the file: the error is a
/// syntax error at the statement's line, and the variables after it are not read. Linear in the
/// text: every byte is looked at a bounded number of times.
pub fn parse(text: &str, block: BlockId) -> PythonFile {
    read(text, block).0
}

/// An env file Compose reads with `format: raw` (Docker Compose's own format, not compose-go's
/// dotenv): each line that holds an `=` sets the name before it; the value, read without
/// dotenv's quoting and interpolation, is left unknown here, never guessed.
pub fn parse_raw(text: &str, block: BlockId) -> PythonFile {
    let mut file = PythonFile::default();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if let Some(eq) = body.find('=') {
            let name = body[..eq].trim();
            let name_at = start + (body.len() - body.trim_start().len());
            if !name.is_empty() {
                file.settings.push(Arc::new(Setting {
                    name: CompactString::from(name),
                    name_range: name_at..name_at + name.len(),
                    statement: start..start + body.len(),
                    value: Value { kind: ValueKind::Unknown, range: start + eq + 1..start + body.len() },
                    block,
                }));
            }
        }
        start += line.len();
    }
    file
}

/// A quoted value whose closing quote is on a later physical line (a newline written as `\n`
/// inside double quotes is no such line): what `netbox/env-value-spans-lines` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanningValue {
    /// The env file.
    pub block: BlockId,
    /// The variable's name, where it is written.
    pub name_range: Range<usize>,
    /// The variable's name.
    pub name: String,
    /// How many physical line ends the quotes enclose.
    pub lines: usize,
    /// The lines taken into the value that read as `NAME=…` (or `export NAME=…`): their
    /// names, each a valid variable name of at most 64 characters. A PEM block (`-----BEGIN`)
    /// is meant to hold lines: none of its base64 lines is taken for a name.
    pub swallowed: Vec<String>,
}

/// A variable an env file sets again: compose-go reads the file statement by statement into one
/// map (`dotenv/parser.go` `parser.parse`, L33-70 at e70e961), so the later line's value is the one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatedVariable {
    /// The env file.
    pub block: BlockId,
    /// The variable's name.
    pub name: String,
    /// The later line, which wins.
    pub range: Range<usize>,
    /// The earlier line, which does nothing.
    pub earlier: Range<usize>,
}

/// A last line with neither a separator (`=`, `:`) nor a line end (`DEBUG=false\nSECRET_KEY`
/// at the end of the file): compose-go's `locateKeyName` finds no key and returns the line as
/// the rest, and `extractVarValue` reads the whole line as the value of the variable `""`
/// (compose-go e70e961 `dotenv/parser.go`). Compose accepts the file, and the name written
/// there is not set, not even from the shell (with a line end, it would be).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnnamedLastLine {
    /// The env file.
    pub block: BlockId,
    /// The line.
    pub range: Range<usize>,
    /// Its text up to the first blank, when that is a valid variable name of at most 64
    /// characters (what follows a blank may be a value, and a secret).
    pub name: Option<String>,
}

/// What the env parser noted for the rules that need the file as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    /// Quoted values that run over physical lines.
    pub spanning: Vec<SpanningValue>,
    /// A last line that names no variable.
    pub unnamed_last_line: Vec<UnnamedLastLine>,
    /// Names set again later in the same file.
    pub repeated: Vec<RepeatedVariable>,
    /// The values Compose interpolates (`${NAME}`), unknown in the file read alone: the
    /// setting's index in the file, and the template. Per file: not kept by [`Notes::extend`].
    pub templates: Vec<(usize, String)>,
}

impl Notes {
    /// Add another file's notes.
    pub fn extend(&mut self, other: Notes) {
        self.spanning.extend(other.spanning);
        self.unnamed_last_line.extend(other.unnamed_last_line);
        self.repeated.extend(other.repeated);
    }
}

/// [`parse`], and what it noted for the rules that need the file as written.
pub fn read(text: &str, block: BlockId) -> (PythonFile, Notes) {
    let mut notes = Notes::default();
    let mut file = PythonFile::default();
    // Docker Compose skips a UTF-8 byte order mark (compose-go v2 `dotenv/godotenv.go`,
    // `bytes.TrimPrefix(data, utf8BOM)`): the first variable is still a variable.
    let content = text.strip_prefix('\u{feff}').unwrap_or(text);
    let base = text.len() - content.len();
    let mut pos = 0;
    let mut resumed = false;
    while let Some(start) = statement_start(content, pos) {
        match statement(content, start) {
            Ok((statement, next)) => {
                pos = next;
                // `=value`: compose-go sets a variable without a name; no setting reads it.
                if statement.name.is_empty() {
                    if statement.unnamed_last_line {
                        let line = &content[start..statement.end];
                        let word = &line[..line.find(is_blank).unwrap_or(line.len())];
                        notes.unnamed_last_line.push(UnnamedLastLine {
                            block,
                            range: base + start..base + statement.end,
                            name: is_variable_name(word).then(|| word.to_string()),
                        });
                    }
                    continue;
                }
                let at = |r: Range<usize>| base + r.start..base + r.end;
                if let Some((_, range)) = &statement.value {
                    let raw = &content[range.clone()];
                    let lines = raw.matches('\n').count();
                    if lines > 0 {
                        notes.spanning.push(SpanningValue {
                            block,
                            name_range: at(statement.name.clone()),
                            name: content[statement.name.clone()].to_string(),
                            lines,
                            swallowed: swallowed_names(raw),
                        });
                    }
                }
                let value = match statement.value {
                    // A template's slot (`SECRET_KEY={{ op://vault/netbox/secret }}`, an Ansible
                    // `{{ netbox_secret_key }}`): the file deployed holds another value, unknown here.
                    Some((ValueText::Known(text), range)) if is_template_slot(&text) => {
                        Value { kind: ValueKind::Unknown, range: at(range) }
                    }
                    Some((ValueText::Known(text), range)) => {
                        Value { kind: ValueKind::Str(text.into()), range: at(range) }
                    }
                    Some((ValueText::Interpolated(template), range)) => {
                        notes.templates.push((file.settings.len(), template));
                        Value { kind: ValueKind::Unknown, range: at(range) }
                    }
                    // From the shell: set or not, with a value this checker cannot see.
                    None => Value { kind: ValueKind::Unknown, range: at(statement.name.clone()) },
                };
                file.settings.push(Arc::new(Setting {
                    name: CompactString::from(&content[statement.name.clone()]),
                    name_range: at(statement.name),
                    statement: at(start..statement.end),
                    value,
                    block,
                }));
            }
            Err(error) => {
                let line_start = content[..error.range.start].rfind('\n').map_or(0, |i| i + 1);
                // After going on past a refused line, a later refusal is reported only where its
                // line was meant as a statement (a name, then `=`, `:` or a blank): a line of a
                // key's text is not shown.
                if resumed && !starts_as_statement(&content[line_start..], true) {
                    break;
                }
                file.syntax_errors.push(SyntaxError {
                    range: base + error.range.start..base + error.range.end,
                    message: error.message,
                });
                let next = line_end(content, error.range.start);
                if !error.line_refused || !resumes_after(content, line_start, next) {
                    break;
                }
                resumed = true;
                pos = next;
            }
        }
    }
    // A name set again: compose-go keeps the later value (`out[key] = value` per statement,
    // `parser.parse`). Not when the later line's value is not known: a bare name keeps the
    // earlier value unless the shell sets it, and `X=${X} b` builds on it.
    let mut first: HashMap<&str, &Setting, FxBuildHasher> = HashMap::default();
    for setting in &file.settings {
        match first.get(setting.name.as_str()) {
            Some(_) if !setting.value.is_known() => {}
            Some(earlier) => notes.repeated.push(RepeatedVariable {
                block,
                name: setting.name.to_string(),
                range: setting.statement.clone(),
                earlier: earlier.statement.clone(),
            }),
            None => {
                first.insert(setting.name.as_str(), setting);
            }
        }
    }
    (file, notes)
}

/// The names of the physical lines after a value's first that read as `NAME=…`: only valid
/// variable names (`[A-Za-z_][A-Za-z0-9_]*`) of at most 64 characters, never a line whose `=`
/// is base64 padding (`…==`), and none at all in a PEM block.
fn swallowed_names(raw: &str) -> Vec<String> {
    if raw.contains("-----BEGIN ") {
        return Vec::new();
    }
    raw.split('\n').skip(1).filter_map(assignment_name).map(str::to_string).collect()
}

/// A valid variable name (`[A-Za-z_][A-Za-z0-9_]*`) of at most 64 characters: what may be
/// printed as a name (anything else may be part of a value).
fn is_variable_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && name.len() <= 64
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The name a line assigns, as an env file writes it (`NAME=…`, `export NAME=…`).
fn assignment_name(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let line = line.strip_prefix("export ").map_or(line, str::trim_start);
    let (name, value) = line.split_once('=')?;
    if value.starts_with('=') {
        return None;
    }
    let name = name.trim_end();
    is_variable_name(name).then_some(name)
}

/// compose-go's `getStatementStart`: the first byte from `pos` that is neither blank nor in a
/// `#` comment line, if any.
fn statement_start(text: &str, mut pos: usize) -> Option<usize> {
    loop {
        let offset = text[pos..].find(|c: char| !c.is_whitespace())?;
        pos += offset;
        if !text[pos..].starts_with('#') {
            return Some(pos);
        }
        pos += text[pos..].find('\n')?;
    }
}

/// A value as compose-go takes it.
enum ValueText {
    /// Its text, escapes resolved.
    Known(String),
    /// Interpolated from the shell, the project's `.env` or earlier variables: unknown here;
    /// the template as Compose interpolates it (escapes resolved), for the caller that knows
    /// the project's `.env`.
    Interpolated(String),
}

/// One statement read.
struct Statement {
    /// The name's range.
    name: Range<usize>,
    /// The value and where it is written (the quotes included); `None` for a name alone.
    value: Option<(ValueText, Range<usize>)>,
    /// The statement's end (its last line's end, not the newline).
    end: usize,
    /// The last line, with no separator and no line end: a value without a name.
    unnamed_last_line: bool,
}

/// Whether the reading goes on after the refused line that ends at `end`: its quotes close on it
/// (a quote left open may be a value the writer spread over the next lines, a key's, whose lines
/// would each be refused and shown), and the next line that is not blank or a comment starts
/// with a name and `=` (or `:`), as a statement does (the lines of a key written bare do not).
fn resumes_after(text: &str, line_start: usize, end: usize) -> bool {
    let line = &text[line_start..end];
    if !line.matches('"').count().is_multiple_of(2) || !line.matches('\'').count().is_multiple_of(2) {
        return false;
    }
    statement_start(text, end).is_none_or(|start| starts_as_statement(&text[start..], false))
}

/// Whether a line starts as a statement: a name (after `export `), then `=` or `:`, or with
/// `blank`, a blank (`SECRET_KEY r9Xq…`, a name followed by its value).
fn starts_as_statement(line: &str, blank: bool) -> bool {
    let rest = line.strip_prefix("export").filter(|r| r.starts_with([' ', '\t'])).map_or(line, str::trim_start);
    let name = rest.len() - rest.trim_start_matches(|c: char| c.is_alphanumeric() || "_.-[]".contains(c)).len();
    let after = &rest[name..];
    name > 0
        && (after.trim_start_matches([' ', '\t']).starts_with(['=', ':']) || blank && after.starts_with([' ', '\t']))
}

/// Why compose-go refuses the file.
struct Refusal {
    range: Range<usize>,
    message: String,
    /// The refused text is a line that is no `NAME=value` statement, and the next line starts
    /// afresh: the reading goes on there, so one run reports what the rest of the file sets
    /// (Compose stops at the first refusal; its fix leaves the other lines as they are).
    line_refused: bool,
}

/// compose-go's blanks that are not line ends (`isSpace`).
fn is_blank(c: char) -> bool {
    matches!(c, '\t' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{85}' | '\u{a0}')
}

/// The end of the line that `at` is on (before its newline).
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

/// compose-go's `locateKeyName` and `extractVarValue` from `start`: the statement, and where
/// the next one may start.
fn statement(text: &str, start: usize) -> Result<(Statement, usize), Refusal> {
    let mut src = start;
    // `^export\s+`: Go's `\s` is `[\t\n\f\r ]`.
    if let Some(rest) = text[src..].strip_prefix("export")
        && rest.starts_with(['\t', '\n', '\u{c}', '\r', ' '])
    {
        src += "export".len();
        src += text[src..].len() - text[src..].trim_start_matches(is_blank).len();
    }
    let mut separator = None;
    for (i, c) in text[src..].char_indices() {
        if is_blank(c) {
            continue;
        }
        match c {
            '=' | ':' | '\n' => {
                separator = Some((src + i, c));
                break;
            }
            '_' | '.' | '-' | '[' | ']' => {}
            c if c.is_alphanumeric() => {}
            c => {
                // The name up to the first blank, never past it: after a blank comes what the
                // writer meant as the value (`SECRET_KEY r9Xq…/…`), which may be a secret.
                let written = &text[src..src + i];
                let quoted = match written.find(is_blank) {
                    Some(blank) => format!("`{}` and a blank", written[..blank].escape_default()),
                    None => format!("`{}{}`", written.escape_default(), c.escape_default()),
                };
                return Err(Refusal {
                    line_refused: true,
                    range: src + i..src + i + c.len_utf8(),
                    message: format!(
                        "Docker Compose refuses this file (`unexpected character {:?} in variable name`): {quoted} start no `NAME=value` line, so no container that reads the file starts",
                        c.escape_default().to_string(),
                    ),
                });
            }
        }
    }
    let Some((at, separator)) = separator else {
        // The last line, with neither `=` nor a line end: compose-go reads the whole line as
        // the value of a variable without a name (`out[""]`), not as a name to take from the
        // shell. The file is accepted; the line's value is interpolated all the same.
        let end = line_end(text, src);
        let line = &text[src..end];
        let value = line.find(" #").map_or(line, |i| &line[..i]).trim_end();
        if interpolation(value) == Interpolation::Invalid {
            return Err(invalid_template("", src..end));
        }
        let statement = Statement { name: src..src, value: None, end: src + value.len(), unnamed_last_line: true };
        return Ok((statement, end));
    };
    let key_text = text[src..at].trim_end_matches(char::is_whitespace);
    let name = src..src + key_text.len();
    if let Some(space) = key_text.find(' ') {
        // Only the text before the blank: what follows it is often the value, written with a
        // blank for the `=` (`SECRET_KEY r9Xq…`), and may be a secret.
        return Err(Refusal {
            line_refused: true,
            range: name,
            message: format!(
                "Docker Compose refuses this file (`key cannot contain a space`): `{}` is followed by a blank and more text before any `=`, so this is no `NAME=value` line and no container that reads the file starts",
                key_text[..space].escape_default()
            ),
        });
    }
    if separator == '\n' {
        return Ok((Statement { name: name.clone(), value: None, end: name.end, unnamed_last_line: false }, at + 1));
    }
    let mut value_at = at + 1;
    value_at += text[value_at..].len() - text[value_at..].trim_start_matches(is_blank).len();
    let rest = &text[value_at..];
    let Some(quote) = rest.chars().next().filter(|c| matches!(c, '\'' | '"')) else {
        // Unquoted: to the line's end, cut at ` #`, blanks trimmed.
        let end = line_end(text, value_at);
        let line = &text[value_at..end];
        let value = line.find(" #").map_or(line, |i| &line[..i]).trim_end();
        let range = value_at..value_at + value.len();
        let value = match interpolation(value) {
            Interpolation::Known(text) => ValueText::Known(text),
            Interpolation::Unknown => ValueText::Interpolated(value.to_owned()),
            Interpolation::Invalid => return Err(invalid_template(key_text, range)),
        };
        return Ok((Statement { name, value: Some((value, range)), end, unnamed_last_line: false }, end));
    };
    let mut chars = String::new();
    let mut escaped = false;
    for (i, c) in rest.char_indices().skip(1) {
        if c != quote {
            if !escaped && c == '\\' {
                escaped = true;
                continue;
            }
            if escaped {
                escaped = false;
                chars.push('\\');
            }
            chars.push(c);
            continue;
        }
        if escaped {
            escaped = false;
            chars.push(c);
            continue;
        }
        let close = value_at + i + 1;
        let value = if quote == '"' {
            let expanded = expand_escapes(&chars);
            match interpolation(&expanded) {
                Interpolation::Known(text) => ValueText::Known(text),
                Interpolation::Unknown => ValueText::Interpolated(expanded),
                Interpolation::Invalid => return Err(invalid_template(key_text, value_at..value_at + 1)),
            }
        } else {
            ValueText::Known(chars)
        };
        return Ok((
            Statement { name, value: Some((value, value_at..close)), end: close, unnamed_last_line: false },
            close,
        ));
    }
    let quote_name = if quote == '"' { "double" } else { "single" };
    Err(Refusal {
        line_refused: false,
        range: value_at..value_at + 1,
        message: format!(
            "Docker Compose refuses this file (`unterminated quoted value`): the value of `{}` opens a {quote_name} quote that nothing after it closes, so no container that reads the file starts",
            key_text.escape_default()
        ),
    })
}

/// Compose refuses a value whose `${` names no variable.
fn invalid_template(name: &str, range: Range<usize>) -> Refusal {
    Refusal { range, message: invalid_template_message((!name.is_empty()).then_some(name)), line_refused: false }
}

/// What Compose says of a `${` that names no variable, in an env file or a compose file's
/// `environment:` (compose-go e70e961 `template/template.go`: `InvalidTemplateError`, which
/// stops the project's loading). `None`: the value of an env file's unnamed last line.
pub fn invalid_template_message(name: Option<&str>) -> String {
    let of = match name {
        Some(name) => format!("the value of `{}`", name.escape_default()),
        None => "the last line, which Compose reads as a value,".to_string(),
    };
    format!(
        "Docker Compose refuses this file (`Invalid template`): {of} has a `${{` that names no variable (write `$$` for a `$`), so Compose starts no container"
    )
}

/// compose-go's `expandEscapes` on a double-quoted value: `\n`, `\t` and the other C escapes,
/// `\"`, `\\`, octal `\0NNN`; `\$` stays a literal `$` (written `$$` for interpolation).
fn expand_escapes(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(&(_, next)) = chars.peek() else {
            out.push(c);
            continue;
        };
        let simple = match next {
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            'c' => None,
            'f' => Some('\u{c}'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            'v' => Some('\u{b}'),
            '"' => Some('"'),
            '\\' => Some('\\'),
            _ => None,
        };
        if let Some(escaped) = simple {
            chars.next();
            out.push(escaped);
        } else if next == '$' {
            chars.next();
            out.push_str("$$");
        } else if next == '0' {
            // `\0` and up to three octal digits: Go's UnquoteChar of `\NNN` (exactly three
            // octal digits, at most 255); anything else stays as written.
            chars.next();
            let digits: String = value[i + 2..].chars().take_while(char::is_ascii_digit).take(3).collect();
            let code = (digits.len() == 3).then(|| u32::from_str_radix(&digits, 8).ok()).flatten();
            match code.filter(|&n| n <= 255).and_then(char::from_u32) {
                Some(ch) => {
                    out.push(ch);
                    for _ in 0..digits.len() {
                        chars.next();
                    }
                }
                None => out.push_str("\\0"),
            }
        } else {
            // `\c` and other letters: not an escape compose-go resolves.
            out.push(c);
        }
    }
    out
}

/// What Compose's interpolation makes of a value (compose-go e70e961 `template/template.go`,
/// `DefaultPattern`: `$` then `$`, a name `[_a-z][_a-z0-9]*` (any case), or `{` and a braced
/// name with an optional `:-`, `-`, `:+`, `+`, `:?`, `?` part up to `}`; a `${` that is none of
/// these is an `InvalidTemplateError`; a `$` before anything else stays a `$`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Interpolation {
    /// No variable: the text, `$$` made `$`.
    Known(String),
    /// A variable from the shell, `.env` or an earlier line: unknown.
    Unknown,
    /// A `${` Compose refuses (`Invalid template`).
    Invalid,
}

/// Interpolate as Compose does, without guessing a variable. Linear: each `$` is looked at once,
/// and a `}` is searched for at most once per `${` that is followed by one.
pub fn interpolation(value: &str) -> Interpolation {
    interpolate(value, |_| None)
}

/// The variables a value refers to, as compose-go's template reads them (see [`interpolate`]).
/// A reference whose modifier holds another `${…}` is left out (its end is not read).
pub fn references(value: &str) -> Vec<super::netbox::Reference> {
    use super::netbox::Reference;
    let name_start = |c: u8| c == b'_' || c.is_ascii_alphabetic();
    let name_char = |c: u8| c == b'_' || c.is_ascii_alphanumeric();
    let bytes = value.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'$', &bytes[i..]) {
        let at = i + offset;
        match bytes.get(at + 1) {
            Some(b'$') => i = at + 2,
            Some(&c) if name_start(c) => {
                i = at + 2;
                while bytes.get(i).is_some_and(|&c| name_char(c)) {
                    i += 1;
                }
                out.push(Reference { name: value[at + 1..i].to_owned(), written: value[at..i].to_owned() });
            }
            Some(b'{') => {
                let mut j = at + 2;
                while bytes.get(j).is_some_and(|&c| name_char(c)) {
                    j += 1;
                }
                let Some(close) = memchr::memchr(b'}', &bytes[j..]) else { break };
                let written = &value[at..j + close + 1];
                if j > at + 2 && name_start(bytes[at + 2]) && !written[2..].contains(['$', '{']) {
                    out.push(Reference { name: value[at + 2..j].to_owned(), written: written.to_owned() });
                }
                i = j + close + 1;
            }
            _ => i = at + 1,
        }
    }
    out
}

/// Interpolate as Compose does with the variables `lookup` knows (the project's `.env`): a
/// variable it does not know may come from the shell, so it leaves the value unknown, and so
/// does a default or alternative that holds another `$`.
pub fn interpolate<'v>(value: &str, lookup: impl Fn(&str) -> Option<&'v str>) -> Interpolation {
    let name_start = |c: u8| c == b'_' || c.is_ascii_alphabetic();
    let name_char = |c: u8| c == b'_' || c.is_ascii_alphanumeric();
    let bytes = value.as_bytes();
    let mut out = String::with_capacity(value.len());
    let mut unknown = false;
    let mut copied = 0;
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'$', &bytes[i..]) {
        let at = i + offset;
        out.push_str(&value[copied..at]);
        match bytes.get(at + 1) {
            Some(b'$') => {
                out.push('$');
                i = at + 2;
            }
            Some(&c) if name_start(c) => {
                i = at + 2;
                while bytes.get(i).is_some_and(|&c| name_char(c)) {
                    i += 1;
                }
                match lookup(&value[at + 1..i]) {
                    Some(known) => out.push_str(known),
                    None => unknown = true,
                }
            }
            Some(b'{') => {
                let mut j = at + 2;
                if !bytes.get(j).is_some_and(|&c| name_start(c)) {
                    return Interpolation::Invalid;
                }
                while bytes.get(j).is_some_and(|&c| name_char(c)) {
                    j += 1;
                }
                // `}`, or a modifier and anything up to a `}`.
                let valid = match bytes.get(j) {
                    Some(b'}') => true,
                    Some(b':') => matches!(bytes.get(j + 1), Some(b'-' | b'+' | b'?')),
                    Some(b'-' | b'+' | b'?') => true,
                    _ => false,
                };
                let Some(close) = memchr::memchr(b'}', &bytes[j..]).filter(|_| valid) else {
                    return Interpolation::Invalid;
                };
                // A nested `${…}` in the modifier: compose-go balances the braces
                // (`getFirstBraceClosingIndex`); the first `}` here is the inner one's, so the
                // value is not read, only known to be a template.
                let modifier = &value[j..j + close];
                let substituted = if modifier.contains(['$', '{']) {
                    None
                } else {
                    substitution(lookup(&value[at + 2..j]), modifier)
                };
                match substituted {
                    Some(text) => out.push_str(text),
                    None => unknown = true,
                }
                i = j + close + 1;
            }
            // `$` before anything else (a digit, a blank, the end) is a `$`.
            _ => {
                out.push('$');
                i = at + 1;
            }
        }
        copied = i;
    }
    if unknown {
        return Interpolation::Unknown;
    }
    out.push_str(&value[copied..]);
    Interpolation::Known(out)
}

/// What `${NAME<modifier>}` becomes with NAME's value as known (compose-go's `template.go`
/// `defaultWhenUnset`, `defaultWhenEmptyOrUnset`, `withRequired`, `withAlternative`): `None`
/// when that depends on what is not known (NAME unknown, or a part holding another `$`).
fn substitution<'v>(known: Option<&'v str>, modifier: &'v str) -> Option<&'v str> {
    let known = known?;
    let part = |p: &'v str| (!p.contains('$')).then_some(p);
    if modifier.is_empty() || modifier.starts_with('?') {
        return Some(known);
    }
    // Empty under `:?`, Compose stops with the message.
    if modifier.starts_with(":?") {
        return (!known.is_empty()).then_some(known);
    }
    match modifier.split_at(if modifier.starts_with(':') { 2 } else { 1 }) {
        (":-", default) => {
            if known.is_empty() {
                part(default)
            } else {
                Some(known)
            }
        }
        ("-", _) => Some(known),
        (":+", alternative) => {
            if known.is_empty() {
                Some("")
            } else {
                part(alternative)
            }
        }
        ("+", alternative) => part(alternative),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolation_with_the_projects_variables_is_compose_gos() {
        let env = |name: &str| match name {
            "KEY" => Some("s3cret"),
            "EMPTY" => Some(""),
            _ => None,
        };
        let known = |s: &str| Interpolation::Known(s.to_string());
        assert_eq!(interpolate("${KEY}", env), known("s3cret"));
        assert_eq!(interpolate("a-$KEY-b", env), known("a-s3cret-b"));
        assert_eq!(interpolate("${EMPTY:-fallback}", env), known("fallback"));
        assert_eq!(interpolate("${EMPTY-fallback}", env), known(""));
        assert_eq!(interpolate("${KEY:+on}${EMPTY:+on}", env), known("on"));
        assert_eq!(interpolate("${KEY:?must be set}", env), known("s3cret"));
        // Not in `.env`: the shell may set it.
        assert_eq!(interpolate("${SHELL_ONLY:-x}", env), Interpolation::Unknown);
        assert_eq!(interpolate("$SHELL_ONLY", env), Interpolation::Unknown);
        // A default that holds another variable is not followed, nested braces included
        // (compose-go balances them: `${KEY:-${B}}` is `s3cret`, never `s3cret}`).
        assert_eq!(interpolate("${EMPTY:-$KEY}", env), Interpolation::Unknown);
        assert_eq!(interpolate("${KEY:-${B}}", env), Interpolation::Unknown);
        assert_eq!(interpolate("${EMPTY:+${B}}", env), Interpolation::Unknown);
        assert_eq!(interpolate("${EMPTY:?}", env), Interpolation::Unknown);
    }

    fn vars(text: &str) -> Vec<(String, String, String)> {
        parse(text, BlockId(0))
            .settings
            .iter()
            .map(|s| (s.name.to_string(), s.value.to_string(), text[s.value.range.clone()].to_string()))
            .collect()
    }

    #[test]
    fn reads_compose_env_files() {
        let text = "# comment\nA=1\nexport B='x # y'\nC=\"two words\"\nD=plain # comment\n  E=\nPASSED_FROM_SHELL\n";
        let got = vars(text);
        let want = [
            ("A", "'1'", "1"),
            ("B", "'x # y'", "'x # y'"),
            ("C", "'two words'", "\"two words\""),
            ("D", "'plain'", "plain"),
            ("E", "''", ""),
            // A name alone: from the shell that starts Compose, set or not: unknown.
            ("PASSED_FROM_SHELL", "(not statically known)", "PASSED_FROM_SHELL"),
        ];
        assert_eq!(got, want.map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).to_vec());
        assert!(parse(text, BlockId(0)).syntax_errors.is_empty());
    }

    /// A value that is a template's slot (1Password's `op inject`, Ansible, Go templates) is
    /// replaced before Compose reads the file: unknown here, never judged as written.
    #[test]
    fn a_template_slot_is_an_unknown_value() {
        let text = "SECRET_KEY='{{ op://dev/netbox/secret_key }}'\nDB_USER={{ netbox_db_user }}\nA=x {{ y\nB=x }} y\n";
        let got = vars(text);
        assert_eq!(got[0].1, "(not statically known)", "{got:?}");
        assert_eq!(got[1].1, "(not statically known)", "{got:?}");
        // Braces that open no slot are text.
        assert_eq!(got[2].1, "'x {{ y'", "{got:?}");
        assert_eq!(got[3].1, "'x }} y'", "{got:?}");
    }

    /// The brief's case: a secret whose closing quote was lost. compose-go stops with
    /// `unterminated quoted value`, so the file is refused: a syntax error at the quote's line
    /// that names the variable, never the secret, and nothing after it is read.
    #[test]
    fn an_unterminated_quote_is_refused_at_its_line() {
        let text = "DEBUG=false\nSOCIAL_AUTH_OIDC_SECRET=\"abc\nREMOTE_AUTH_ENABLED=true\n";
        let file = parse(text, BlockId(0));
        assert_eq!(file.settings.len(), 1);
        let error = &file.syntax_errors[0];
        assert_eq!(&text[error.range.clone()], "\"");
        assert_eq!(text[..error.range.start].matches('\n').count(), 1, "on line 2");
        assert!(error.message.contains("unterminated quoted value"), "{}", error.message);
        assert!(error.message.contains("SOCIAL_AUTH_OIDC_SECRET") && !error.message.contains("abc"));
    }

    /// A quote closed on a later line takes the lines between into the value, as compose-go
    /// does; what follows the closing quote on its line is the next statement.
    #[test]
    fn a_quoted_value_runs_over_lines_to_its_closing_quote() {
        let text = "A=\"one\nB=2\" C=3\nD='x\\'y'\n";
        assert_eq!(
            vars(text),
            [
                ("A".to_string(), "'one\nB=2'".to_string(), "\"one\nB=2\"".to_string()),
                ("C".to_string(), "'3'".to_string(), "3".to_string()),
                ("D".to_string(), "'x\\'y'".to_string(), "'x\\'y'".to_string()),
            ]
        );
    }

    /// What else compose-go reads: `NAME: value`, blanks around `=`, names with dots, escapes in
    /// double quotes only, and interpolation, which makes a value unknown (`$$` is a `$`).
    #[test]
    fn reads_what_compose_go_reads() {
        let text = "A: yes\nB = 2\nc.d=3\nE=\"x\\ty\"\nF='x\\ty'\nG=${HOME}/x\nH=\"$$5\"\nI='$HOME'\n";
        let got: Vec<(String, String)> = vars(text).into_iter().map(|(n, v, _)| (n, v)).collect();
        let want = [
            ("A", "'yes'"),
            ("B", "'2'"),
            ("c.d", "'3'"),
            ("E", "'x\ty'"),
            ("F", "'x\\\\ty'"),
            ("G", "(not statically known)"),
            ("H", "'$5'"),
            ("I", "'$HOME'"),
        ];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec());
    }

    #[test]
    fn interpolation_is_compose_gos() {
        let known = |s: &str| Interpolation::Known(s.to_string());
        assert_eq!(interpolation("p$$w"), known("p$w"));
        // A `$` before no name stays a `$` (a password such as `abc$1` reaches the container).
        assert_eq!(interpolation("abc$1 $ x$"), known("abc$1 $ x$"));
        assert_eq!(interpolation("$HOME/x"), Interpolation::Unknown);
        assert_eq!(interpolation("${A:-default}"), Interpolation::Unknown);
        assert_eq!(interpolation("${A}"), Interpolation::Unknown);
        for invalid in ["${", "${}", "${1A}", "${A", "${A B}", "x${A:x}"] {
            assert_eq!(interpolation(invalid), Interpolation::Invalid, "{invalid}");
        }
    }

    #[test]
    fn lines_compose_go_refuses_are_syntax_errors_at_their_line() {
        for (text, at, says) in [
            ("A=1\nthis is not\n", "this is not", "key cannot contain a space"),
            (
                "A=1\nSECRET_KEY s3cr3tr9Xq2LmZ8pTw4Vn7Hs1Kd6Fj3Bc0Ga5Ye\n",
                "SECRET_KEY s3cr3tr9Xq2LmZ8pTw4Vn7Hs1Kd6Fj3Bc0Ga5Ye",
                "`SECRET_KEY` is followed by a blank",
            ),
            ("A=1\nSECRET_KEY s3cr3t/x=y\n", "/", "`SECRET_KEY` and a blank start no"),
            ("A=1\nB/C=s3cr3t\n", "/", "`B/` start no"),
            ("A=1\nC='open\n", "'", "single quote"),
            ("A=1\nB=s3cr3t${\n", "s3cr3t${", "Invalid template"),
            ("A=1\nB=\"s3cr3t${}\"\n", "\"", "Invalid template"),
        ] {
            let file = parse(text, BlockId(0));
            let error = &file.syntax_errors[0];
            assert_eq!(&text[error.range.clone()], at, "{text:?}");
            assert!(error.message.contains(says), "{text:?}: {}", error.message);
            assert_eq!(file.settings.len(), 1, "{text:?}");
            assert!(!error.message.contains("s3cr3t"), "a value is never quoted: {}", error.message);
        }
    }

    /// After a line that is no statement, the next line is read afresh, so one run reports what
    /// the rest of the file sets, and a second refused line too; after an open quote or `${`
    /// where the next statement starts is unknown, so nothing after it is read.
    #[test]
    fn the_lines_after_a_refused_line_are_read() {
        let text = "A=1\nthis is not\nB=2\nC D\nE=\"x\" or \"y\"\nF=3\n";
        let file = parse(text, BlockId(0));
        let names: Vec<&str> = file.settings.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "E", "F"]);
        let refused: Vec<&str> = file.syntax_errors.iter().map(|e| &text[e.range.clone()]).collect();
        assert_eq!(refused, ["this is not", "C D", "\""]);
        for open in [
            "A=1\nC='open\nB=2\n",
            "A=1\nB=\"s3cr3t${}\"\nD=2\n",
            // A value spread over lines after a refused name (the review's shape): its lines are
            // not read as statements, nor shown.
            "A=1\n\"SAML_KEY\"=\"\nMIIEv+QIBADANBg\nkqhkiG9w0B/AQEFAASC\nEND=1\"\nB=2\n",
            // A key written bare under a refused header line.
            "A=1\n-----BEGIN PRIVATE KEY-----\nMIIEv+QIBADANBg\nB=2\n",
        ] {
            let file = parse(open, BlockId(0));
            assert_eq!((file.settings.len(), file.syntax_errors.len()), (1, 1), "{open:?}");
        }
        // The second review's shape: after a refused line, a statement, then a key's line; the
        // key's line is not reported (nor shown), and the reading stops there.
        let key = "A=1\nSet the key below\nKEY=-----BEGIN PRIVATE KEY-----\nMIIEv+QIBADANBg\nB=2\n";
        let file = parse(key, BlockId(0));
        assert_eq!((file.settings.len(), file.syntax_errors.len()), (2, 1), "{key:?}");
        assert!(!file.syntax_errors[0].message.contains("MIIE"), "{:?}", file.syntax_errors);
    }

    /// The references a compose value makes, as compose-go's template reads them, and the
    /// default each takes where its variable is unset.
    #[test]
    fn references_and_their_defaults() {
        let got: Vec<(String, Option<String>, bool, String)> =
            references("a $$NOT ${A} $B ${C:-x y} ${D-} ${E:?no} ${F:-${G}} ${ } $1")
                .iter()
                .map(|r| (r.name.clone(), r.default().map(str::to_owned), r.default_when_empty(), r.without_default()))
                .collect();
        let want = [
            ("A", None, false, "${A}"),
            ("B", None, false, "$B"),
            ("C", Some("x y"), true, "${C:-…}"),
            ("D", Some(""), false, "${D-…}"),
            ("E", None, false, "${E:?no}"),
        ];
        assert_eq!(got, want.map(|(n, d, e, w)| (n.to_owned(), d.map(str::to_owned), e, w.to_owned())).to_vec());
    }

    /// compose-go accepts a last line without `=` and line end (`out[""]` = the line): no
    /// error, no variable, and a note that names the word before the first blank only.
    #[test]
    fn a_last_line_without_separator_or_line_end_is_read_as_compose_reads_it() {
        for (text, name) in [
            ("DEBUG=false\nSECRET_KEY", Some("SECRET_KEY")),
            ("DEBUG=false\nSECRET_KEY s3cr3tr9Xq", Some("SECRET_KEY")),
            ("DEBUG=false\n  LAST  ", Some("LAST")),
            ("DEBUG=false\nZm9vYmFy.Zm9v", None),
        ] {
            let (file, notes) = read(text, BlockId(0));
            assert!(file.syntax_errors.is_empty(), "{text:?}: {:?}", file.syntax_errors);
            assert_eq!(file.settings.len(), 1, "{text:?}");
            let note = &notes.unnamed_last_line[0];
            assert_eq!(text[..note.range.start].matches('\n').count(), 1, "{text:?}");
            assert_eq!(note.name.as_deref(), name, "{text:?}");
        }
        let (_, notes) = read("DEBUG=false\nSECRET_KEY\n", BlockId(0));
        assert!(notes.unnamed_last_line.is_empty(), "with a line end it is a name from the shell");
    }

    /// `format: raw`: names known, values unknown (no dotenv quoting or interpolation guessed).
    #[test]
    fn a_raw_env_file_sets_its_names_with_unknown_values() {
        let text = "A=\"quoted\nB = ${X}\nno separator\n";
        let file = parse_raw(text, BlockId(0));
        let got: Vec<(&str, String)> =
            file.settings.iter().map(|s| (&text[s.name_range.clone()], s.value.to_string())).collect();
        assert_eq!(got, [("A", "(not statically known)".to_string()), ("B", "(not statically known)".to_string())]);
    }

    #[test]
    fn a_byte_order_mark_is_skipped_as_compose_skips_it() {
        // Saved by a Windows editor: Compose reads REMOTE_AUTH_BACKEND all the same.
        let text =
            "\u{feff}REMOTE_AUTH_BACKEND=social_core.backends.open_id_connect.OpenIdConnectAuth\r\nDEBUG=false\r\n";
        let file = parse(text, BlockId(0));
        assert!(file.syntax_errors.is_empty(), "{:?}", file.syntax_errors);
        assert_eq!(&text[file.settings[0].name_range.clone()], "REMOTE_AUTH_BACKEND");
        assert_eq!(vars(text)[1], ("DEBUG".to_string(), "'false'".to_string(), "false".to_string()));
    }

    #[test]
    fn conversions_are_netbox_dockers() {
        let show = |c: Conversion, text: &str| c.apply(text, 0..0).to_string();
        assert_eq!(show(Conversion::Bool, "True"), "True");
        assert_eq!(show(Conversion::Bool, "yes"), "False");
        assert_eq!(show(Conversion::List, "a  b"), "['a', 'b']");
        assert_eq!(show(Conversion::Int, "x"), "(not statically known)");
        assert_eq!(show(Conversion::Hosts, "netbox.example.com"), "['netbox.example.com', 'localhost']");
        assert_eq!(show(Conversion::Hosts, "*"), "['*']");
        assert_eq!(mapped("REMOTE_AUTH_BACKEND"), Some(Conversion::List));
        assert_eq!(mapped("SOCIAL_AUTH_OIDC_KEY"), None);
    }

    proptest::proptest! {
        /// Any text: no panic, and every range is a slice of the text (on char boundaries), so
        /// that findings can be placed; the same text as a `check=env` block goes through the
        /// whole pipeline.
        #[test]
        fn any_text_parses_with_ranges_inside_it(text in "(\\PC|[=#'\" \n\r]|export |REMOTE_AUTH_BACKEND=){0,80}") {
            let file = parse(&text, BlockId(0));
            for setting in &file.settings {
                for range in [&setting.name_range, &setting.statement, &setting.value.range] {
                    proptest::prop_assert!(text.get(range.clone()).is_some(), "{range:?} of {text:?}");
                }
            }
            for error in &file.syntax_errors {
                proptest::prop_assert!(text.get(error.range.clone()).is_some(), "{:?} of {text:?}", error.range);
            }
            let fence = if text.contains("```") { "~~~~" } else { "```" };
            crate::rules::testing::fired_chapter(&format!("{fence}sh,check=env\n{text}\n{fence}\n"));
        }
    }
}
