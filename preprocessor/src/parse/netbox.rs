//! `check=netbox`: NetBox's `configuration.py`, parsed with ruff's Python parser and evaluated
//! for the literal subset configuration files use.
//!
//! The evaluator knows str, bytes, numbers, bool, None, list, tuple, dict, set, implicit string
//! concatenation, `+` of literals, names bound earlier in the block, and the environment lookups
//! `os.environ.get("X", default)`, `os.environ["X"]` and `os.getenv("X", default)`. Anything else
//! is [`ValueKind::Unknown`], and the rules never report on an unknown value.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;

use compact_str::CompactString;
use ruff_python_ast::{self as ast, Expr, Number, Operator, PySourceType, Stmt, UnaryOp};
use ruff_python_parser::parse_unchecked_source;
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::FxBuildHasher;

use super::limits::{self, TooComplex};
use crate::finding::BlockId;

/// A value with its range in the block text.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// What it is.
    pub kind: ValueKind,
    /// Where it is written.
    pub range: Range<usize>,
}

/// The evaluated form of an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueKind {
    /// `'text'` (short strings, most of a configuration's, are stored inline).
    Str(CompactString),
    /// `b'bytes'`.
    Bytes(Vec<u8>),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// `True` / `False`.
    Bool(bool),
    /// `None`.
    None,
    /// `[…]`.
    List(Vec<Value>),
    /// `(…)`.
    Tuple(Vec<Value>),
    /// `{…}` without keys.
    Set(Vec<Value>),
    /// `{key: value}`.
    Dict(Vec<(Value, Value)>),
    /// Read from the environment when NetBox starts.
    Env {
        /// The variable.
        var: CompactString,
        /// The value used when the variable is not set (`None` for `os.environ["X"]`).
        default: Option<Box<Value>>,
        /// How the variable's text becomes the value: as it is (`environ.get`), or converted by
        /// netbox-docker's `_environ_get_and_map(NAME, default, _AS_…)`.
        conversion: Conversion,
    },
    /// Not statically known.
    Unknown,
}

impl Value {
    /// The string, when the value is a known string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            ValueKind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The items of a known list, tuple or set.
    pub fn items(&self) -> Option<&[Value]> {
        match &self.kind {
            ValueKind::List(items) | ValueKind::Tuple(items) | ValueKind::Set(items) => Some(items),
            _ => None,
        }
    }

    /// Whether the value is statically known (no environment lookup, nothing unknown inside).
    pub fn is_known(&self) -> bool {
        match &self.kind {
            ValueKind::Env { .. } | ValueKind::Unknown => false,
            ValueKind::List(items) | ValueKind::Tuple(items) | ValueKind::Set(items) => {
                items.iter().all(Value::is_known)
            }
            ValueKind::Dict(items) => items.iter().all(|(k, v)| k.is_known() && v.is_known()),
            _ => true,
        }
    }

    /// The Python type name of a known value.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            ValueKind::Str(_) => "str",
            ValueKind::Bytes(_) => "bytes",
            ValueKind::Int(_) => "int",
            ValueKind::Float(_) => "float",
            ValueKind::Bool(_) => "bool",
            ValueKind::None => "None",
            ValueKind::List(_) => "list",
            ValueKind::Tuple(_) => "tuple",
            ValueKind::Set(_) => "set",
            ValueKind::Dict(_) => "dict",
            ValueKind::Env { .. } => "environment value",
            ValueKind::Unknown => "unknown",
        }
    }

    /// Whether the value is truthy, when known.
    pub fn truthy(&self) -> Option<bool> {
        match &self.kind {
            ValueKind::Str(s) => Some(!s.is_empty()),
            ValueKind::Bytes(b) => Some(!b.is_empty()),
            ValueKind::Int(i) => Some(*i != 0),
            ValueKind::Float(f) => Some(*f != 0.0),
            ValueKind::Bool(b) => Some(*b),
            ValueKind::None => Some(false),
            ValueKind::List(v) | ValueKind::Tuple(v) | ValueKind::Set(v) => Some(!v.is_empty()),
            ValueKind::Dict(v) => Some(!v.is_empty()),
            ValueKind::Env { .. } | ValueKind::Unknown => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn seq(f: &mut fmt::Formatter<'_>, open: &str, items: &[Value], close: &str) -> fmt::Result {
            f.write_str(open)?;
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{item}")?;
            }
            if open == "(" && items.len() == 1 {
                f.write_str(",")?;
            }
            f.write_str(close)
        }
        match &self.kind {
            ValueKind::Str(s) => write!(f, "'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
            ValueKind::Bytes(b) => write!(f, "b'{}'", String::from_utf8_lossy(b)),
            ValueKind::Int(i) => write!(f, "{i}"),
            ValueKind::Float(x) => write!(f, "{x:?}"),
            ValueKind::Bool(true) => f.write_str("True"),
            ValueKind::Bool(false) => f.write_str("False"),
            ValueKind::None => f.write_str("None"),
            ValueKind::List(items) => seq(f, "[", items, "]"),
            ValueKind::Tuple(items) => seq(f, "(", items, ")"),
            ValueKind::Set(items) => seq(f, "{", items, "}"),
            ValueKind::Dict(items) => {
                f.write_str("{")?;
                for (i, (k, v)) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{k}: {v}")?;
                }
                f.write_str("}")
            }
            ValueKind::Env { var, default: Some(default), .. } => {
                write!(f, "from environment {var}, default {default}")
            }
            ValueKind::Env { var, default: None, .. } => write!(f, "from environment {var}, no default"),
            ValueKind::Unknown => f.write_str("(not statically known)"),
        }
    }
}

/// How a variable's text becomes a setting's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    /// The text as it is (`environ.get`).
    Text,
    /// netbox-docker's `_AS_BOOL`: `value.lower() == 'true'`.
    Bool,
    /// netbox-docker's `_AS_INT`: `int(value)`.
    Int,
    /// netbox-docker's `_AS_LIST`: `list(filter(None, value.split(' ')))`.
    List,
    /// netbox-docker's `ALLOWED_HOSTS`: `value.split(' ')`, then `'localhost'` appended unless
    /// `'*'` or `'localhost'` is in it.
    Hosts,
    /// netbox-docker's `_read_secret(NAME, environ.get(VAR, d))`: the variable's text as it is,
    /// unless a file `/run/secrets/NAME` exists, whose first line (stripped) replaces it. Whether
    /// that file exists is not in the files checked: the model never resolves such a setting to
    /// the variable's value; a rule that reads the variable says so.
    Secret,
}

impl Conversion {
    /// The conversion a netbox-docker helper name stands for.
    pub fn from_helper(name: &str) -> Option<Conversion> {
        match name {
            "_AS_BOOL" => Some(Conversion::Bool),
            "_AS_INT" => Some(Conversion::Int),
            "_AS_LIST" => Some(Conversion::List),
            _ => None,
        }
    }

    /// The value `text` (written at `range`) becomes.
    pub fn apply(self, text: &str, range: Range<usize>) -> Value {
        let item = |s: &str| Value { kind: ValueKind::Str(s.into()), range: range.clone() };
        let kind = match self {
            Conversion::Text | Conversion::Secret => ValueKind::Str(text.into()),
            Conversion::Bool => ValueKind::Bool(text.to_lowercase() == "true"),
            // Python's int() accepts surrounding blanks and `_` between digits; anything else
            // would stop NetBox from starting: not this checker's to guess.
            Conversion::Int => text.trim().parse::<i64>().map_or(ValueKind::Unknown, ValueKind::Int),
            Conversion::List => ValueKind::List(text.split(' ').filter(|s| !s.is_empty()).map(item).collect()),
            Conversion::Hosts => {
                let mut hosts: Vec<Value> = text.split(' ').map(item).collect();
                if !hosts.iter().any(|h| matches!(h.as_str(), Some("*" | "localhost"))) {
                    hosts.push(item("localhost"));
                }
                ValueKind::List(hosts)
            }
        };
        Value { kind, range }
    }
}

/// A top-level assignment: a NetBox parameter (or a helper variable).
#[derive(Debug, Clone)]
pub struct Setting {
    /// The name assigned (stored inline: NetBox's parameter names are short).
    pub name: CompactString,
    /// The name's range in the block.
    pub name_range: Range<usize>,
    /// The whole statement's range.
    pub statement: Range<usize>,
    /// The value.
    pub value: Value,
    /// The block it is written in.
    pub block: BlockId,
}

/// An import, anywhere in the file (also inside functions).
#[derive(Debug, Clone)]
pub struct Import {
    /// `django.contrib.auth.models`.
    pub module: String,
    /// `Group` for `from … import Group`; empty for `import module`.
    pub name: String,
    /// The name the import binds: `DjangoGroup` for `from … import Group as DjangoGroup`, else
    /// the name imported (empty for `import module`).
    pub bound: String,
    /// The statement.
    pub range: Range<usize>,
    /// The block.
    pub block: BlockId,
    /// A statement of the module's body itself (not inside a function, a class, an `if` or a
    /// `try`): it runs, unconditionally, whenever the module is loaded.
    pub top_level: bool,
}

/// An assignment to an attribute (`user.is_staff = True`), or a read of one of
/// [`READ_ATTRIBUTES`] (`if user.is_staff:`), anywhere in the file.
#[derive(Debug, Clone)]
pub struct AttributeAccess {
    /// The attribute name.
    pub attribute: String,
    /// The target's range.
    pub range: Range<usize>,
    /// The block.
    pub block: BlockId,
}

/// A top-level `if …:` without `else` (a sign-on block switched on by the environment,
/// `if environ.get('SSO') == 'true':`): the settings it makes when its condition holds. Its lines
/// run only then, so a finding on one of them may rest on these values; a finding elsewhere may
/// not (the condition may not hold).
#[derive(Debug, Clone)]
pub struct Guard {
    /// The `if` statement.
    pub range: Range<usize>,
    /// The block.
    pub block: BlockId,
    /// The string literals of the condition (the environment variables it may read): a
    /// condition an environment file can settle is not assumed to hold.
    pub literals: Vec<CompactString>,
    /// Its bindings, in order, evaluated as if the condition held.
    pub settings: Vec<std::sync::Arc<Setting>>,
}

/// Guards recorded per file: the checker reads a guard's values only when the deployment has
/// one, so two are enough to know; more would cost a copy of the names each.
pub const MAX_GUARDS: usize = 2;

/// Whether a condition may hold: not a falsy constant (`if False:`), not `__name__ == '__main__'`
/// (never true in a settings module), not `TYPE_CHECKING`; and its string literals.
fn guard_condition(test: &Expr, value: &Value) -> Option<Vec<CompactString>> {
    #[derive(Default)]
    struct Names {
        never: bool,
        literals: Vec<CompactString>,
    }
    impl<'a> ast::visitor::Visitor<'a> for Names {
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Name(name) if matches!(name.id.as_str(), "__name__" | "TYPE_CHECKING") => self.never = true,
                Expr::StringLiteral(text) => self.literals.push(CompactString::from(text.value.to_str())),
                _ => {}
            }
            ast::visitor::walk_expr(self, expr);
        }
    }
    if value.truthy() == Some(false) {
        return None;
    }
    let mut names = Names::default();
    ast::visitor::Visitor::visit_expr(&mut names, test);
    (!names.never).then_some(names.literals)
}

/// `NAME: 'value'` at the top level: a value written after a colon, which Python takes for an
/// annotation; the name is never bound (the language reference, annotated assignment statements).
#[derive(Debug, Clone)]
pub struct AnnotatedName {
    /// The name.
    pub name: CompactString,
    /// The statement.
    pub statement: Range<usize>,
    /// The value written after the colon: what the name holds once the colon becomes `=`.
    pub value: Value,
    /// The block.
    pub block: BlockId,
}

/// A literal value (a string, number, `True`, `None`, a list, tuple, set or dict), not a type
/// such as `str` or `list[str]`.
fn is_literal(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::List(_)
            | Expr::Tuple(_)
            | Expr::Set(_)
            | Expr::Dict(_)
    )
}

/// A syntax error at the parser's position.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    /// Range in the block text.
    pub range: Range<usize>,
    /// The parser's message.
    pub message: String,
}

/// A Traefik router on the `netbox` service's labels that serves it under a path of its own
/// (`traefik.http.routers.netbox.rule=PathPrefix(\`/netbox\`)`), and whether a `stripprefix`
/// middleware of that router takes the path off before NetBox sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubpathRoute {
    /// The path, as the rule writes it (`/netbox`).
    pub prefix: String,
    /// A `stripprefix` middleware of the router removes it.
    pub stripped: bool,
    /// The label to change: the middleware's prefixes when stripped, else the router's rule.
    pub range: Range<usize>,
    /// The router's name (a later compose file's rule for it replaces this one).
    pub router: String,
    /// The block.
    pub block: BlockId,
}

/// What a compose file's Traefik labels say of the `netbox` service's routers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TraefikRouters {
    /// The routes that serve it under a path of its own.
    pub routes: Vec<SubpathRoute>,
    /// Every router whose rule the labels set (a later file's rule replaces an earlier one's).
    pub routers: Vec<String>,
}

/// A port of the `netbox` service that Compose publishes on an address other people reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The entry as written (`8080:8080`, `8080`).
    pub entry: String,
    /// Where it is.
    pub range: Range<usize>,
    /// Whether no host address is written (or `0.0.0.0`, `::`): every interface of the host.
    pub every_interface: bool,
    /// The block.
    pub block: BlockId,
    /// What in the same file shows a proxy serving NetBox over HTTPS (Traefik's labels with a
    /// TLS router on the `netbox` service, another service running a reverse proxy on port 443),
    /// if anything.
    pub proxy: Option<String>,
}

/// What a Python block holds.
#[derive(Debug, Clone, Default)]
pub struct PythonFile {
    /// Top-level assignments in order (shared with the deployments they are merged into).
    pub settings: Vec<std::sync::Arc<Setting>>,
    /// Imports.
    pub imports: Vec<Import>,
    /// Attribute assignments.
    pub attribute_writes: Vec<AttributeAccess>,
    /// Reads of the attributes in [`READ_ATTRIBUTES`].
    pub attribute_reads: Vec<AttributeAccess>,
    /// Names used as a model class anywhere in the file: `NAME.objects`, or a call of a name
    /// ending in `Group` (`Group(name=…)`).
    pub model_uses: Vec<(CompactString, BlockId)>,
    /// `hasattr(x, 'is_staff')` and `getattr(x, 'is_staff', …)` for the attributes in
    /// [`READ_ATTRIBUTES`]: code that checks before it reads.
    pub attribute_probes: Vec<AttributeAccess>,
    /// Names given a value after a colon (`NAME: 'value'`), which binds nothing.
    pub annotated_only: Vec<AnnotatedName>,
    /// Top-level `if …:` blocks without `else` (at most [`MAX_GUARDS`]), with what they set when
    /// their condition holds. `settings` keeps their bindings unknown (the condition may not
    /// hold); the checker reads a guard's own lines with these values (see [`Guard`]).
    pub guards: Vec<Guard>,
    /// Names used after a `try` that binds them swallowed a `KeyError` with `pass`.
    pub unguarded_uses: Vec<UnguardedUse>,
    /// Syntax errors.
    pub syntax_errors: Vec<SyntaxError>,
    /// Set when the block is nested too deeply to parse, or a value grew past the evaluator's
    /// budget (that value and what is built from it are unknown).
    pub too_complex: Option<Box<TooComplex>>,
    /// Set by a top-level statement that may bind any name (`exec(…)`, `globals().update(…)`,
    /// `from … import *`): a setting the file does not show may still be set.
    pub binds_unseen_names: bool,
    /// The environment variables the file looks up by a literal name anywhere in it
    /// (`environ.get('EMAIL_HOST')`, `os.environ["X"]`, `getenv('X')`, in a setting, a helper or
    /// a function): a variable of the environment file it reads is not unread.
    pub environment_lookups: Vec<CompactString>,
    /// The filters written as text into `LDAPSearch(base, scope, filter)` calls (or its
    /// `filterstr=`): django-auth-ldap fills them with `%` formatting.
    pub ldap_search_filters: Vec<LdapSearchFilter>,
    /// Indices in `settings` (ascending) of bindings that may not happen: a name first bound
    /// inside conditional or looping code (`if …: DATABASES = …`), or deleted there. The name may
    /// be absent when NetBox reads the module (its value is unknown in any case).
    pub maybe_unbound: Vec<usize>,
    /// `del NAME` at the top level, in order: the name, and how many of `settings` come before
    /// it. The name is unbound from there on (until a later assignment binds it again).
    pub deletions: Vec<(usize, CompactString)>,
    /// netbox-docker's own `configuration/configuration.py`: it defines the helpers
    /// `_environ_get_and_map` or `_read_secret` at the top level (netbox-docker 3.0.2), through
    /// which it reads almost every parameter from the environment with netbox-docker's default.
    /// Its `configuration/ldap/ldap_config.py` defines `_read_secret` too (3.0.2, line 9), and is
    /// recognised the same way.
    pub netbox_docker_own: bool,
    /// The secret key read as NixOS's NetBox module renders it, at the top level:
    /// `with open("<secretKeyFile>", "r") as file:` and `SECRET_KEY = file.readline()`
    /// (nixos/modules/services/web-apps/netbox.nix `extraConfig`; `secretKeyFile` has no default,
    /// so every configuration the module writes ends so). NixOS wrote the file.
    pub nixos_module_secret_key: bool,
    /// The names the file binds anywhere, and the ones it reads at its top level without
    /// binding them (see [`super::module_names`]); empty when the file has a syntax error.
    pub module_names: Box<super::module_names::ModuleNames>,
    /// A compose file's `netbox` service ports published beyond the machine itself, and what
    /// shows a proxy in front of it (boxed: empty in every other kind of file).
    pub published: Box<[Published]>,
    /// What a compose file shows beyond the `netbox` service's environment: its Traefik routers
    /// and the project's other services (boxed: empty in every other kind of file).
    pub compose: Box<ComposeFacts>,
    /// A compose file that mounts a file of its own over netbox-docker's LDAP loader: the LDAP
    /// variables of its environment files are not known to be read.
    pub ldap_loader_replaced: bool,
    /// A compose file whose `netbox` service runs netbox-docker's published image (not one
    /// built here), and whether it mounts a configuration of its own (see
    /// [`StockConfiguration`]).
    pub stock_configuration: Option<StockConfiguration>,
    /// netbox-chart values: the keys no release of the chart reads, or only older ones (boxed:
    /// empty in every other kind of file).
    pub chart_unread: Box<[UnreadValue]>,
    /// netbox-chart values: where each setting the chart renders from a key of its own is
    /// written (the start of its key), as opposed to an `extraConfig` entry's names. The chart
    /// renders that setting whatever the file says: removing the key only brings back the
    /// chart's default.
    pub chart_rendered: Box<[usize]>,
    /// Of them, the ones netbox-chart renders into `ldap.yaml`, the LDAP settings its
    /// `ldap_config.py` loads (their names' starts).
    pub chart_ldap: Box<[usize]>,
    /// netbox-chart values: Redis Sentinels the chart cannot split (see
    /// [`ChartSentinel`]; boxed: empty in every other kind of file).
    pub chart_sentinels: Box<[ChartSentinel]>,
    /// netbox-chart values that switch the chart's RQ worker off (`worker.enabled: false`, read
    /// by every release from 3.0.0): the values file's block and the value's range.
    pub chart_worker_off: Option<(BlockId, Range<usize>)>,
    /// netbox-chart values: the `externalDatabase` keys the chart uses only with its bundled
    /// PostgreSQL off, written where these values leave it on (see [`ChartValue`]).
    pub chart_external_database: Box<[ChartValue]>,
    /// netbox-chart values: keys written without a value (YAML null, every line under them
    /// commented out) whose chart default is a map the chart reads keys of: Helm deletes the
    /// default (see [`ChartValue`]).
    pub chart_nulls: Box<[ChartValue]>,
    /// netbox-chart values: `superuser.password` and `superuser.apiToken` where the chart's own
    /// Secret carries them to netbox-docker's entrypoint (see [`ChartSuperuserValue`]).
    pub chart_superuser: Box<[ChartSuperuserValue]>,
    /// netbox-chart values that may switch the bundled PostgreSQL off (`postgresql.enabled` set to
    /// anything but `true`: `false`, a template's slot).
    pub chart_postgresql_maybe_off: bool,
    /// netbox-chart values with the bundled Redis off where one of NetBox's two Redis connections
    /// names a server and the other keeps the chart's placeholder host (see
    /// [`ChartConnectionLeftDefault`]).
    pub chart_connection_left_default: Option<Box<ChartConnectionLeftDefault>>,
    /// netbox-chart values: the Redis connections' keys written (`tasksRedis`, `cachingDatabase`),
    /// which another values file of the same release may give.
    pub chart_connections_written: Box<[(BlockId, &'static str)]>,
}

/// netbox-chart values that switch the bundled Redis (or Valkey) off and give one Redis
/// connection a server (`host`, or `sentinels`) but not the other, which the chart then points
/// at its placeholder host.
#[derive(Debug, Clone)]
pub struct ChartConnectionLeftDefault {
    /// The sub-chart switched off (`redis`, `valkey`: its `enabled: false`).
    pub bundled_off: &'static str,
    /// The connection given a server (`tasksRedis`), and where its key is written.
    pub configured: &'static str,
    pub configured_range: Range<usize>,
    /// The connection left at the default (`cachingRedis`), and its key where it is written.
    pub left: &'static str,
    pub left_range: Option<Range<usize>>,
    /// The chart's placeholder host for it (`netbox-redis` up to 5.x, `netbox-kv` from 6.0.0).
    pub default_host: &'static str,
    /// The values file.
    pub block: BlockId,
}

/// A filter written into an `LDAPSearch(…)` call, as text.
#[derive(Debug, Clone)]
pub struct LdapSearchFilter {
    /// The setting whose search it is (`AUTH_LDAP_USER_SEARCH`, `AUTH_LDAP_GROUP_SEARCH`).
    pub search: &'static str,
    /// The filter (implicitly concatenated literals joined).
    pub text: String,
    /// Where the literal is.
    pub range: Range<usize>,
    /// The block.
    pub block: BlockId,
}

/// A key of netbox-chart's values, where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartValue {
    /// The values' path (`externalDatabase.host`).
    pub path: String,
    /// Where the key is written.
    pub range: Range<usize>,
    /// The values file it is in.
    pub block: BlockId,
}

/// A superuser value of netbox-chart's values: the chart writes it into its Secret
/// (`superuser_password`, `superuser_api_token`), mounts that at /run/secrets, and netbox-docker's
/// entrypoint creates the superuser from those files. Kept only where nothing shown or possible
/// replaces the chart's Secret or skips the superuser (`parse::chart::superuser_values` lists
/// what is checked).
#[derive(Debug, Clone)]
pub struct ChartSuperuserValue {
    /// `password` or `apiToken`.
    pub key: &'static str,
    /// The value as written.
    pub value: String,
    /// Where the value is written.
    pub range: Range<usize>,
    /// The values file it is in.
    pub block: BlockId,
}

/// An item of a `sentinels:` list of netbox-chart's values that is no `host:port` text (a
/// mapping, a number): the chart's configuration.py splits each item on `:`.
#[derive(Debug, Clone)]
pub struct ChartSentinel {
    /// The values' path of the list (`tasksRedis.sentinels`).
    pub path: String,
    /// Where the item is written.
    pub range: Range<usize>,
    /// The values file it is in.
    pub block: BlockId,
}

/// A key of the values that no release of the chart reads, or only releases before the newest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadValue {
    /// The key's dotted path (`remoteAuth.extraConfig`).
    pub path: String,
    /// The key as written.
    pub range: Range<usize>,
    /// The releases that read it, oldest first (`[first, last]` runs); empty when none does.
    pub read_by: Vec<[String; 2]>,
    /// For a key only older releases read: a key of the same file that only later releases
    /// read, and the first of them (the chart that reads one ignores the other).
    pub later_key: Option<(String, String)>,
    /// The chart release the file pins (a HelmRelease's `spec.chart.spec.version`, an Argo CD
    /// Application's `targetRevision`), when it is the one that does not read the key.
    pub pinned: Option<String>,
    /// The block.
    pub block: BlockId,
}

/// What a compose file shows beyond the `netbox` service's environment.
#[derive(Debug, Clone, Default)]
pub struct ComposeFacts {
    /// The `netbox` service's Traefik routers.
    pub traefik: TraefikRouters,
    /// The project's services (`None` in a file without `services:`).
    pub services: Option<ProjectServices>,
    /// When the `netbox` service runs linuxserver's image: its `environment:` entries, which that
    /// image writes into its configuration ([`crate::parse::env::LINUXSERVER`]), not
    /// netbox-docker's way, and whether it names `env_file:`s (not read for that image: what
    /// they set stays unknown).
    pub linuxserver: Option<LinuxserverEnvironment>,
    /// The `netbox` service's `ports:`, by their container port (see
    /// [`crate::model::NetboxConfig::container_ports`]).
    pub ports: Vec<(BlockId, u16, Range<usize>)>,
    /// This file gives the `netbox` service what may serve NetBox on another port: a command, an
    /// entrypoint, a network mode, a uwsgi.ini of its own, or keys from a merge key or `extends:`.
    /// Compose merges key by key, so it holds whatever a later file names as the image.
    pub port_overridden: bool,
    /// Keys under the top-level `networks:`, `volumes:`, `secrets:` and `configs:` written with a
    /// variable (`${TRAEFIK_NETWORK}:`), which Compose does not interpolate, with their section.
    pub key_variables: Vec<(BlockId, Range<usize>, &'static str)>,
    /// The networks the file declares under its top-level `networks:` (also a file without
    /// `services:`, an override that only declares them), and whether some may come from a
    /// merge key there (`networks: {<<: *nets}`), which is not followed.
    pub networks_declared: Vec<String>,
    pub networks_unseen: bool,
    /// What the `netbox` service's health check asks of the container itself
    /// (`curl -f http://localhost:8080/login/`): `Some(None)` where this file's check is disabled
    /// or reset (or replaced by `!override` without a test); `None` where this file says nothing
    /// of the check's test (a later file's wins, as Compose merges key by key).
    pub healthcheck_probe: Option<Option<HealthProbe>>,
    /// Fixed host ports that services get from a YAML merge key and another service of the file
    /// publishes as well (see [`InheritedPort`]).
    pub inherited_ports: Vec<InheritedPort>,
    /// Services this file takes out of a port clash, whatever another file gives them: their
    /// `ports:` reset or overridden (`!reset`, `!override`), a profile, no container
    /// (`scale: 0`, `replicas: 0`), or a network mode (lower-cased names, with the file's block).
    pub ports_settled: Vec<(BlockId, String)>,
}

/// A `ports:` entry with a fixed host port that services get through a YAML merge key
/// (`netbox-worker: {<<: *netbox}` where the anchor `&netbox` holds `ports: ["8000:8080"]`),
/// while another service of the file publishes the same host port: Docker binds a host port
/// for one container only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InheritedPort {
    /// The compose file's block.
    pub block: BlockId,
    /// The entry, where the anchor writes it.
    pub range: Range<usize>,
    /// The host side as written (`8000`, `127.0.0.1:8000`).
    pub host: String,
    /// The services that get it through a merge key, in the file's order.
    pub inheritors: Vec<String>,
    /// The service that publishes it besides them (the one that writes it, else the first).
    pub holder: String,
}

/// What a health check's `test` asks of the container (see [`ComposeFacts::healthcheck_probe`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthProbe {
    /// The compose file's block, and where the `test` is.
    pub block: BlockId,
    pub range: Range<usize>,
    /// The port it asks on the container itself (`localhost`, `127.0.0.1`, `[::1]`); `None`
    /// where it names none, or several.
    pub port: Option<u16>,
    /// Its one request asks NetBox's REST API there (`/api/` or below it, but the schema pages)
    /// without a token, and fails on an HTTP error (`curl -f`, `wget`): NetBox's answer to an
    /// anonymous client decides it.
    pub api_without_token: bool,
}

/// A linuxserver image's environment as one compose file shows it (see [`ComposeFacts::linuxserver`]).
#[derive(Debug, Clone, Default)]
pub struct LinuxserverEnvironment {
    /// The `environment:` entries, in order.
    pub variables: Vec<std::sync::Arc<Setting>>,
    /// Part of it is not read here: the service names `env_file:`s, or takes keys from a YAML
    /// merge key or `extends:` (also in its `environment:` map).
    pub incomplete: bool,
}

/// What a compose file's services show beside NetBox's web service: whether the project runs
/// NetBox's RQ worker, its database and its Redis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectServices {
    /// The block and range of the `netbox` service's name under `services:`, where a finding
    /// about the service goes (`None` in a file without it, such as an override that adds the
    /// worker).
    pub netbox_key: Option<(BlockId, Range<usize>)>,
    /// Each `command:` and `entrypoint:` the project's files set, in order, by service (lower
    /// case) and key, with whether it runs NetBox's RQ worker (`rqworker`): the last of a
    /// service's key is the one it runs (see [`ProjectServices::rq_worker`]).
    pub starts: Vec<(String, &'static str, bool)>,
    /// The services that run PostgreSQL (their image `postgres`, `postgresql` or `postgis`), by
    /// name, other names and fixed addresses, in lower case.
    pub postgres: Vec<String>,
    /// The services that run Redis or a fork of it (`redis`, `valkey`, `keydb`, `dragonfly`).
    pub redis: Vec<String>,
    /// Services may come from files not read (`include:`, a service that `extends:` another), or
    /// the `netbox` service takes keys from a YAML merge key (`<<: *common`) its environment is not
    /// read from.
    pub elsewhere: bool,
    /// Services may come from files not read or maps not followed: `include:`, or a merge key
    /// among the services (`services: {<<: *more}`).
    pub services_elsewhere: bool,
    /// The compose files' blocks (an inline `environment:` is written there, not in an env file).
    pub files: Vec<BlockId>,
    /// Each service as each compose file shows it, in the files' order.
    pub shown: Vec<ShownService>,
    /// Every name and address a service of the project may answer to on the project's network:
    /// its name under `services:` and [`crate::parse::compose`]'s other names (`container_name:`,
    /// aliases, fixed addresses, and `hostname:`, which Docker's DNS may not answer: counted, so
    /// that nothing is said where unsure), in lower case.
    pub names: Vec<String>,
    /// A name may resolve beyond the project's services: a network is declared `external:` or
    /// given a `name:` (Compose then joins an existing network of that name, where other
    /// projects' containers answer), or the `netbox` service has `links:`, `external_links:`,
    /// `extra_hosts:`, `network_mode:`, `dns:` or `dns_search:`, which add names, another network
    /// namespace or other resolvers.
    pub names_beyond: bool,
    /// The services each service's `depends_on:` names, in lower case.
    pub depends_on: Vec<String>,
    /// The networks the services Compose creates refer to (a name Compose interpolates, or a
    /// service only a profile starts, is left out).
    pub networks_used: Vec<String>,
    /// The `netbox` service has a key through which anyone may reach it: `ports:`, `networks:`,
    /// `network_mode:`, `labels:` (a proxy's routes), also through a merge key or `extends:`.
    pub netbox_reachable: bool,
}

/// A service as one compose file shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownService {
    /// Its name under `services:`, as written.
    pub name: String,
    /// Where that name is.
    pub key: (BlockId, Range<usize>),
    /// The file gives it what it runs (`image:`, `build:`, `provider:`, also through a YAML
    /// merge key), or may take it from where it is not read (`extends:`, a `!reset` or
    /// `!override` tag), or Compose leaves it out unless asked (`profiles:`).
    pub runs_something: bool,
    /// Its value is a scalar or a list, not a mapping: a service key written at the services'
    /// level (`restart: always` one indentation too far out), which Compose refuses with
    /// `services.restart must be a mapping`.
    pub not_a_mapping: bool,
    /// Its `image:` as written in this file (also through a YAML merge key), and where the value
    /// is.
    pub image: Option<(String, Range<usize>)>,
    /// That image as Compose interpolates it with the project's `.env`: `None` where it uses a
    /// name the `.env` does not set (the shell may).
    pub image_interpolated: Option<String>,
    /// Compose may not create it: it runs only with its profile (`profiles:`), or a `!reset` or
    /// `!override` tag replaces it (`!reset {}` removes it).
    pub may_not_run: bool,
    /// This file scales it to no container (`scale: 0`, `deploy: {replicas: 0}`: it is still
    /// in the project, its `container_name:` counts, but nothing of it runs), to some containers,
    /// or says nothing (`None`).
    pub scaled_to_zero: Option<bool>,
    /// Its `command:` or `entrypoint:` in this file runs NetBox's RQ worker (`rqworker`).
    pub runs_worker: bool,
    /// This file gives it a `command:` or `entrypoint:` of its own: with NetBox's image, not the
    /// web server the image starts (netbox-docker's worker and housekeeping services).
    pub own_command: bool,
    /// This file gives it an environment (`environment:`, `env_file:`), or may (`extends:`, a
    /// YAML merge key, a `!reset` or `!override` tag).
    pub environment_given: bool,
    /// This file gives it secrets of `type: env` (podman-compose passes them as environment
    /// variables; Docker's secrets are files, read only where a variable names them).
    pub secrets_given: bool,
    /// The variables its `command:`, `entrypoint:`, `healthcheck:` test and `environment:`
    /// values take from Compose's interpolation (the shell, the project's `.env`), not from an
    /// `env_file:`.
    pub interpolated: Vec<InterpolatedVariable>,
    /// What this file sets of those keys (`command`, `entrypoint`, `healthcheck` (its test),
    /// and `environment.NAME` for each variable, `environment.*` for an environment it resets):
    /// a later file that sets one replaces it.
    pub keys_set: Vec<String>,
    /// The paths of its `env_file:` entries in this file, as written, in order (`lint` reads
    /// those of PostgreSQL's and Redis's services: see [`Self::environment`]).
    pub env_files: Vec<String>,
    /// Its environment as this file's `env_file:` files and `environment:` give it (the latter
    /// winning), each variable with where it is written; `None` where more may come from
    /// elsewhere (an env file not read, a merge key, `extends:`).
    pub environment: Option<Vec<(String, ServiceVariable)>>,
    /// Its `command:` as text (a list's items joined with spaces) and where it is written.
    pub command: Option<(String, String)>,
    /// Its other names on the project's network (`hostname:`, `container_name:`, aliases,
    /// fixed addresses), in lower case.
    pub addresses: Vec<String>,
    /// Its `container_name:` as written (its own, or one a YAML merge key gives it), and where a
    /// finding about it goes: at the value, or at the merge key it comes through.
    pub container_name: Option<ContainerName>,
    /// Where a volume is mounted at `/var/lib/postgresql/data`, the postgres image's data
    /// directory before 18 (its `volumes:` entry, also through a merge key).
    pub postgres_data_mount: Option<Range<usize>>,
    /// Files are put under `/docker-entrypoint-initdb.d` (a volume, or a config's or a secret's
    /// `target:`): the postgres image runs these scripts after creating the database (roles and
    /// passwords of their own).
    pub initdb_scripts: bool,
    /// It runs an image built here (`build:`) or an `entrypoint:` of its own: what starts is
    /// not the published image's entrypoint.
    pub own_start: bool,
}

/// A service's `container_name:` (see [`ShownService::container_name`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerName {
    /// The name as written.
    pub name: String,
    /// Where it is: the value, or the merge key it comes through.
    pub at: Range<usize>,
    /// It comes through a YAML merge key (`<<: *netbox`), not from the service's own key.
    pub inherited: bool,
}

impl ShownService {
    /// A variable of its environment as this file gives it (the last setting wins).
    pub fn variable(&self, name: &str) -> ServiceVariable {
        match &self.environment {
            None => ServiceVariable::Unknown,
            Some(variables) => {
                variables.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.clone()).unwrap_or_default()
            }
        }
    }

    /// The password the postgres image gives its superuser when it initialises an empty data
    /// directory (`POSTGRES_PASSWORD`). `POSTGRES_PASSWORD_FILE` (the image's `file_env`,
    /// docker-entrypoint.sh L9-27 at docker-library/postgres 6edb0a8) or
    /// `POSTGRES_HOST_AUTH_METHOD` (`trust` lets any password in, L261-280): unknown.
    pub fn postgres_password(&self) -> ServiceVariable {
        if ["POSTGRES_PASSWORD_FILE", "POSTGRES_HOST_AUTH_METHOD", "POSTGRESQL_PASSWORD"]
            .iter()
            .any(|name| self.variable(name) != ServiceVariable::Unset)
        {
            return ServiceVariable::Unknown;
        }
        self.variable("POSTGRES_PASSWORD")
    }

    /// The superuser the postgres image creates with that password: `POSTGRES_USER`, by default
    /// `postgres` (docker-entrypoint.sh L237 at docker-library/postgres 6edb0a8); `None` when
    /// not known (from a file, the shell).
    pub fn postgres_user(&self) -> Option<String> {
        if self.variable("POSTGRES_USER_FILE") != ServiceVariable::Unset {
            return None;
        }
        match self.variable("POSTGRES_USER") {
            ServiceVariable::Unset => Some("postgres".to_owned()),
            ServiceVariable::Set { value, .. } => Some(value),
            ServiceVariable::Unknown => None,
        }
    }

    /// Whether the service answers to `host` on the project's network: its name or one of its
    /// other names.
    pub fn answers_to(&self, host: &str) -> bool {
        self.name.eq_ignore_ascii_case(host) || self.addresses.iter().any(|a| a.eq_ignore_ascii_case(host))
    }

    /// The password a Redis (or Valkey) server run by its `command:` requires:
    /// `--requirepass VALUE`, where VALUE is written in the command or is `$$NAME` (`$${NAME}`),
    /// the container's variable the shell of netbox-docker's `sh -c` expands (its
    /// docker-compose.yml, 3.0.2). `Unset` without `--requirepass` in the command (a
    /// configuration file may still set one: the caller does not judge that); another shape
    /// (`${NAME}` from Compose's interpolation, quoting the shell would change): unknown.
    pub fn redis_password(&self) -> ServiceVariable {
        let Some((command, at)) = &self.command else { return ServiceVariable::Unset };
        let Some(value) = requirepass_argument(command) else { return ServiceVariable::Unset };
        // Not one plain reading: the option twice (the server keeps the last), ACL users
        // (`requirepass` is only the `default` user's), an item the command's words do not
        // show whole (a list item with a blank), an `entrypoint:` of its own.
        let words: Vec<&str> = command.split_whitespace().collect();
        // A configuration file (`redis-server /etc/redis.conf --requirepass …`, the server's
        // first argument) may name an `aclfile`, with which the server ignores `requirepass`
        // (redis.conf of Redis 7: "not compatible with aclfile option").
        let config_file = words.windows(2).any(|pair| {
            pair[0].trim_start_matches(['"', '\'']).ends_with("-server")
                && (pair[1] == "-" || !pair[1].starts_with('-'))
        });
        if words.iter().filter(|word| **word == "--requirepass").count() != 1
            || words.iter().any(|word| matches!(*word, "--user" | "--aclfile") || word.contains(UNCLEAR_COMMAND))
            || config_file
        {
            return ServiceVariable::Unknown;
        }
        if let Some(name) = requirepass_variable(command) {
            // `$$NAME` reaches the server as `$NAME`: only a shell (`sh -c`) expands it.
            let shell = words.windows(2).any(|pair| pair[0].ends_with("sh") && pair[1] == "-c");
            return if shell { self.variable(&name) } else { ServiceVariable::Unknown };
        }
        let plain = |c: char| c.is_ascii_alphanumeric() || "_.+/=@:%,~-".contains(c);
        match value {
            Some(value) if !value.is_empty() && value.chars().all(plain) => {
                ServiceVariable::Set { value: value.to_owned(), at: at.clone(), place: None }
            }
            _ => ServiceVariable::Unknown,
        }
    }
}

/// Written into a service's command text where its words do not show it whole (see
/// [`ShownService::redis_password`]).
pub const UNCLEAR_COMMAND: char = '\u{1f}';

/// The word after `--requirepass` in a server's command (`Some(None)` when nothing follows);
/// `None` without `--requirepass`.
fn requirepass_argument(command: &str) -> Option<Option<&str>> {
    let mut words = command.split_whitespace();
    words.any(|word| word == "--requirepass").then(|| words.next())
}

/// The container variable a server's `--requirepass` takes: `$$NAME` or `$${NAME}` (quoted
/// or not), which Compose leaves to the container's shell as `$NAME`.
pub fn requirepass_variable(command: &str) -> Option<String> {
    let value = requirepass_argument(command)??.trim_matches('"');
    let name = value.strip_prefix("$$")?;
    let name = name.strip_prefix('{').and_then(|n| n.strip_suffix('}')).unwrap_or(name);
    (!name.is_empty() && name.bytes().all(|b| b == b'_' || b.is_ascii_alphanumeric())).then(|| name.to_owned())
}

/// A variable of a service's environment as Compose gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ServiceVariable {
    /// Nothing shown sets it.
    #[default]
    Unset,
    /// It may be set, to a value not known here: from the shell, an env file not read, a merge
    /// key or `extends:` not followed, a `_FILE` variant (a secret's file), or a setting that
    /// makes it moot (`POSTGRES_HOST_AUTH_METHOD`).
    Unknown,
    /// Set to a literal value, written at `at` (`env/postgres.env line 2`, `line 14`).
    Set {
        /// The value.
        value: String,
        /// Where it is written, for a message: an env file's path and line, or the compose
        /// file's line.
        at: String,
        /// Where the value is, where a block shows it (an `environment:` entry, or the project's
        /// `.env` line it is interpolated from); `None` for an env file's line.
        place: Option<(BlockId, Range<usize>)>,
    },
}

/// A variable a compose file's value takes from Compose's interpolation (`${NAME}`,
/// `${NAME:-default}`, `$NAME`; not `$$NAME`, which Compose leaves to the container as
/// `$NAME`), with the reference as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The variable's name.
    pub name: String,
    /// The reference as written (`${NAME:-default}`).
    pub written: String,
}

impl Reference {
    /// What follows the name in braces (`:-default`, `-default`, `:?error`); empty for `${NAME}`
    /// and `$NAME`.
    fn modifier(&self) -> &str {
        self.written.strip_prefix("${").and_then(|w| w.strip_suffix('}')).map_or("", |inner| &inner[self.name.len()..])
    }

    /// The default Compose takes where the variable is unset (`${NAME-default}`), or also where
    /// it is empty (`${NAME:-default}`); compose-go's template.
    pub fn default(&self) -> Option<&str> {
        let modifier = self.modifier();
        modifier.strip_prefix(':').unwrap_or(modifier).strip_prefix('-')
    }

    /// Whether the default also replaces an empty value (`:-`).
    pub fn default_when_empty(&self) -> bool {
        self.modifier().starts_with(":-")
    }

    /// The reference with its default hidden (`${NAME:-…}`), for a message: a default may be a
    /// password.
    pub fn without_default(&self) -> String {
        match self.default() {
            Some(_) => format!("${{{}{}…}}", self.name, if self.default_when_empty() { ":-" } else { "-" }),
            None => self.written.clone(),
        }
    }
}

/// A variable a service's value takes from Compose's interpolation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterpolatedVariable {
    /// The reference as written (`${REDIS_PASSWORD:-changeme}`).
    pub reference: Reference,
    /// Where the value that holds it is.
    pub range: Range<usize>,
    /// The key the value is under (see [`ShownService::keys_set`]).
    pub key: String,
    /// Whether the project's `.env` sets the variable (`None`: the `.env` is not known; an
    /// absent `.env` sets nothing).
    pub set_by_project_env: Option<bool>,
}

impl ProjectServices {
    /// Where the `netbox` service's image is named, in the last file that names one: where a
    /// finding about what the image does with its defaults goes.
    pub fn netbox_image_place(&self) -> Option<(BlockId, Range<usize>)> {
        self.shown
            .iter()
            .rev()
            .filter(|service| service.name == "netbox")
            .find_map(|service| service.image.as_ref().map(|(_, range)| (service.key.0, range.clone())))
    }

    /// Whether a service runs NetBox's RQ worker: the last `command:` or `entrypoint:` the
    /// project's files give it names `rqworker` (netbox-docker's `netbox-worker`, 3.0.2
    /// docker-compose.yml).
    pub fn rq_worker(&self) -> bool {
        // From the last: the first seen of a service's key is the one in force (linear).
        let mut seen = std::collections::HashSet::new();
        self.starts.iter().rev().any(|(service, key, runs)| seen.insert((service.as_str(), *key)) && *runs)
    }

    /// A later compose file of the same project: a service either shows is in the project; the
    /// finding stays at the first file's `netbox` service.
    pub fn merge(&mut self, later: &ProjectServices) {
        if self.netbox_key.is_none() {
            self.netbox_key = later.netbox_key.clone();
        }
        self.starts.extend_from_slice(&later.starts);
        self.postgres.extend_from_slice(&later.postgres);
        self.redis.extend_from_slice(&later.redis);
        self.elsewhere |= later.elsewhere;
        self.services_elsewhere |= later.services_elsewhere;
        self.files.extend_from_slice(&later.files);
        self.shown.extend_from_slice(&later.shown);
        self.names.extend_from_slice(&later.names);
        self.names_beyond |= later.names_beyond;
        self.depends_on.extend_from_slice(&later.depends_on);
        self.netbox_reachable |= later.netbox_reachable;
        self.networks_used.extend_from_slice(&later.networks_used);
    }

    /// Whether the files show a `netbox` service no one can reach and nothing else: no port
    /// published, no network, proxy route or other service. A project like that serves no one,
    /// so the files are an excerpt of one (corpus cases h357 and h414: a service's environment
    /// lines from a thread), not the whole project.
    pub fn netbox_alone_unreachable(&self) -> bool {
        !self.netbox_reachable
            && self.netbox_key.is_some()
            && self.shown.iter().all(|s| s.name.eq_ignore_ascii_case("netbox"))
    }

    /// Whether a service's `depends_on:` names a service none of the files defines: Compose
    /// refuses such a project (compose-go loader/validate.go `checkConsistency`: "service … depends
    /// on undefined service …: invalid compose project"), so the files are an excerpt, or another
    /// file read with `-f` defines it.
    pub fn depends_on_undefined(&self) -> bool {
        let defined: std::collections::HashSet<String> =
            self.shown.iter().map(|s| s.name.to_ascii_lowercase()).collect();
        self.depends_on.iter().any(|name| !defined.contains(name))
    }

    /// Whether a service refers to a service or a network (other than the `default` Compose
    /// makes) none of the files declares (`declared`: every compose file's networks; `None` where
    /// some are not known): Compose refuses the project as it is (compose-go
    /// loader/validate.go `checkConsistency`: "refers to undefined network"), so the files are an
    /// excerpt or miss one given with `-f` (corpus case t201: a network its override declares).
    /// An undeclared named volume, which Compose refuses too, is not taken so: app catalogs'
    /// templates leave the volumes for the platform to declare (t202, a panel's template whose
    /// project is otherwise whole).
    pub fn refers_to_undefined(&self, declared: Option<&[String]>) -> bool {
        self.depends_on_undefined()
            || declared.is_some_and(|declared| {
                self.networks_used.iter().any(|name| name != "default" && !declared.contains(name))
            })
    }
}

/// What a compose file shows of the `netbox` service and the configuration it runs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StockConfiguration {
    /// Whether it runs netbox-docker's published image (`netboxcommunity/netbox`), not a
    /// `build:` (which may bake a configuration in) or another image; `None`: the file does not
    /// say (an override that sets the service's network only).
    pub published_image: Option<bool>,
    /// The `build:` is netbox-docker's plugin recipe (`dockerfile: Dockerfile-Plugins`, `FROM`
    /// its published image with plugins installed): the image keeps netbox-docker's entrypoint,
    /// which creates the superuser, whatever else the build changes.
    pub plugins_recipe_build: bool,
    /// A build (not netbox-docker's plugin recipe), or an image of another name than
    /// netbox-docker's or linuxserver's, not interpolated (`medialab-netbox:v4.2.9`): see
    /// [`StockConfiguration::built_on_netbox_docker`].
    pub own_build_or_image: bool,
    /// A volume is mounted at or under `/etc/netbox/config`, where only netbox-docker's image
    /// reads its configuration (held across compose files, as the other mounts are).
    pub configuration_at_netbox_docker_path: bool,
    /// That image, by its tag, ships a configuration that maps no `SOCIAL_AUTH_*` variable (see
    /// [`crate::parse::compose::image_maps_no_sso_variables`]).
    pub sso_variables_unmapped: bool,
    /// That image, by its tag, gives the superuser its entrypoint creates the password `admin`
    /// when `SUPERUSER_PASSWORD` is unset, and the widely known API token when
    /// `SUPERUSER_API_TOKEN` is (the same releases: entrypoint L63-71 at 3.0.2) (see
    /// [`crate::parse::compose::image_fills_in_superuser_password`]).
    pub superuser_password_filled_in: bool,
    /// That image, by its tag, ships a configuration whose `LOGIN_REQUIRED` is true where the
    /// environment leaves the variable unset (see
    /// [`crate::parse::compose::image_requires_login_by_default`]).
    pub login_required_by_default: bool,
    /// Whether that image, by its tag, ships netbox-docker's `ldap_config.py`, which reads the
    /// `AUTH_LDAP_*` variables: known to (see [`crate::parse::compose::image_reads_ldap_variables`]),
    /// known not to, a netbox-docker release without the loader (see
    /// [`crate::parse::compose::image_lacks_ldap_loader`]), or not known (`None`: an image built
    /// here, a digest, an unread tag).
    pub ldap_loader: Option<bool>,
    /// Keys of the `netbox` service or of its `environment:` come from a YAML merge key or
    /// `extends:`, which are not followed: a variable none of its files shows may be set there.
    pub environment_unseen: bool,
    /// A volume or config is mounted where netbox-docker's image reads its configuration
    /// (`./configuration:/etc/netbox/config`, netbox-docker 3.0.2 docker-compose.yml) or over
    /// NetBox's own directory of it (`/opt/netbox/netbox/netbox/…`).
    pub mounted: bool,
    /// Of those, one whose source is not a netbox-docker checkout's `./configuration` (or the
    /// same file in it), or a config: what `lint --netbox-docker` reads is not all that runs.
    pub configuration_from_elsewhere: bool,
    /// The service runs in another network namespace (`network_mode:`, such as `host`): there,
    /// `localhost` may be the database's host.
    pub network_mode: bool,
    /// That namespace is the host's (`network_mode: host`).
    pub host_network: bool,
    /// The service gets Docker secrets (`secrets:`, or a mount under `/run/secrets`), which
    /// netbox-docker reads before the environment (`_read_secret`).
    pub secrets: bool,
    /// Of them, one may be the superuser's (`superuser_password`, `superuser_api_token`, a
    /// secret whose name or target says `superuser`, or the whole `/run/secrets` mounted), which
    /// netbox-docker's entrypoint reads before `SUPERUSER_PASSWORD` and `SUPERUSER_API_TOKEN`.
    pub superuser_secrets: bool,
    /// The service gets a Docker secret `secret_key` (or /run/secrets mounted whole), which
    /// netbox-docker's configuration.py reads before `SECRET_KEY` from 0.26.0 (3.0.2 L115).
    pub secret_key_secret: bool,
    /// Its image's configuration takes `SECRET_KEY` from the variable whenever it is set, before
    /// any /run/secrets/secret_key file (netbox-docker before 0.26.0 and its earlier image names;
    /// see [`crate::parse::compose::image_reads_secret_key_variable_first`]).
    pub secret_key_variable_first: bool,
    /// It runs linuxserver's image (`lscr.io/linuxserver/netbox`), which writes
    /// `/config/configuration.py` from its environment variables on a first start (see
    /// [`crate::parse::env::LINUXSERVER`]), not netbox-docker's.
    pub linuxserver_image: bool,
    /// It runs netbox-docker's image of a release whose NGINX Unit serves NetBox on port 8080
    /// (see [`crate::parse::compose::image_served_by_nginx_unit`]).
    pub nginx_unit_image: bool,
    /// A file is mounted at `/config/configuration.py`, where linuxserver's image would write
    /// the one it renders (it writes none where one exists).
    pub configuration_file_mounted: bool,
    /// The Compose project was read whole (`lint`: see [`crate::extract::Block::project_complete`]):
    /// a variable none of its files sets is not set, a mount none shows is not there. A book, or
    /// one file of a project named alone, may show part of it only.
    pub project_complete: bool,
    /// Every file of the project was read, but a `depends_on:` names a service none of them
    /// defines (so `project_complete` is false): other services were left out of an excerpt,
    /// while the `netbox` service and the files it names are shown as written.
    pub services_omitted: bool,
    /// `lint` found other compose files beside these, not read (see
    /// [`crate::extract::Block::compose_files_beside`]).
    pub compose_files_beside: bool,
    /// A netbox-docker checkout's configuration directory was read whole (`lint
    /// --netbox-docker`: see [`crate::extract::Block::configuration_read_whole`]).
    pub configuration_read_whole: bool,
}

impl StockConfiguration {
    /// The image is built on netbox-docker's and keeps its entrypoint: a build or an image of
    /// one's own whose configuration is mounted where only netbox-docker's image reads it (3.0.2:
    /// the Dockerfile puts docker/configuration.docker.py in NetBox's place, which loads every
    /// file of /etc/netbox/config), in whichever compose file of the project each is written.
    pub fn built_on_netbox_docker(&self) -> bool {
        self.own_build_or_image && self.configuration_at_netbox_docker_path
    }

    /// Two compose files of one project, merged (`other` the later): the later image wins; what
    /// either shows of mounts, network and secrets holds; the environment is complete only when
    /// both say so.
    pub fn merge(self, other: StockConfiguration) -> StockConfiguration {
        // What the image says: the later file's, where it names an image.
        let image = |ours: bool, theirs: bool| if other.published_image.is_some() { theirs } else { ours };
        StockConfiguration {
            published_image: other.published_image.or(self.published_image),
            plugins_recipe_build: image(self.plugins_recipe_build, other.plugins_recipe_build),
            own_build_or_image: image(self.own_build_or_image, other.own_build_or_image),
            configuration_at_netbox_docker_path: self.configuration_at_netbox_docker_path
                || other.configuration_at_netbox_docker_path,
            sso_variables_unmapped: image(self.sso_variables_unmapped, other.sso_variables_unmapped),
            superuser_password_filled_in: image(self.superuser_password_filled_in, other.superuser_password_filled_in),
            login_required_by_default: image(self.login_required_by_default, other.login_required_by_default),
            ldap_loader: if other.published_image.is_some() { other.ldap_loader } else { self.ldap_loader },
            linuxserver_image: image(self.linuxserver_image, other.linuxserver_image),
            secret_key_variable_first: image(self.secret_key_variable_first, other.secret_key_variable_first),
            nginx_unit_image: image(self.nginx_unit_image, other.nginx_unit_image),
            environment_unseen: self.environment_unseen || other.environment_unseen,
            configuration_file_mounted: self.configuration_file_mounted || other.configuration_file_mounted,
            mounted: self.mounted || other.mounted,
            configuration_from_elsewhere: self.configuration_from_elsewhere || other.configuration_from_elsewhere,
            network_mode: self.network_mode || other.network_mode,
            host_network: self.host_network || other.host_network,
            secrets: self.secrets || other.secrets,
            superuser_secrets: self.superuser_secrets || other.superuser_secrets,
            secret_key_secret: self.secret_key_secret || other.secret_key_secret,
            project_complete: self.project_complete && other.project_complete,
            services_omitted: self.services_omitted || other.services_omitted,
            compose_files_beside: self.compose_files_beside || other.compose_files_beside,
            configuration_read_whole: self.configuration_read_whole && other.configuration_read_whole,
        }
    }
}

/// `try: groups = response['groups']` / `except KeyError: pass` (or any handler that carries on
/// without binding it), then `groups` used: when the claim
/// is missing the name was never bound, and the step raises `UnboundLocalError`.
#[derive(Debug, Clone)]
pub struct UnguardedUse {
    /// The variable.
    pub name: String,
    /// Its first use after the `try`.
    pub range: Range<usize>,
    /// The block.
    pub block: BlockId,
}

/// The names a Python text looks up in the environment with a literal: `environ` or `getenv`,
/// then `.get(`, `_get_and_map(` (netbox-docker's helper), `[` or `(`, blanks and line breaks,
/// and a quoted name. Each match looks at a
/// bounded stretch after it, so the scan is linear in the text.
fn environment_lookups(text: &str) -> Vec<CompactString> {
    let mut names = Vec::new();
    for word in ["environ", "getenv"] {
        for (at, _) in text.match_indices(word) {
            let rest = &text[at + word.len()..];
            // `environ.get(`, netbox-docker's `_environ_get_and_map(`, `environ[`, `getenv(`.
            let rest = rest.strip_prefix(".get").or_else(|| rest.strip_prefix("_get_and_map")).unwrap_or(rest);
            let Some(rest) = rest.trim_start().strip_prefix(['(', '[']) else { continue };
            let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\\');
            let Some(quote) = rest.chars().next().filter(|c| matches!(c, '\'' | '"')) else { continue };
            let name: String =
                rest[1..].chars().take(128).take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if !name.is_empty() && rest[1 + name.len()..].starts_with(quote) {
                names.push(CompactString::from(name));
            }
        }
    }
    names
}

/// Parse and evaluate one block.
pub fn parse(text: &str, block: BlockId) -> PythonFile {
    if limits::python_depth(text).is_none() {
        let first_line = text.find('\n').unwrap_or(text.len());
        return PythonFile {
            too_complex: Some(Box::new(TooComplex { range: 0..first_line, message: limits::too_deep_python() })),
            ..PythonFile::default()
        };
    }
    let statements = mask_jinja_lines(text);
    let masked = mask_go_template_slots(statements.as_ref());
    let text = masked.as_ref();
    let parsed = parse_unchecked_source(text, PySourceType::Python);
    let body = &parsed.syntax().body;
    // Most statements bind one name: size the tables once instead of growing them.
    let mut file = PythonFile {
        settings: Vec::with_capacity(body.len()),
        environment_lookups: environment_lookups(text),
        ..PythonFile::default()
    };
    for error in parsed.errors() {
        let range = to_range(error.location);
        // Point at something visible: an error at the end of the text points at its last char.
        let range = if range.is_empty() && range.start >= text.trim_end().len() && !text.trim_end().is_empty() {
            let end = text.trim_end().len();
            let start = text[..end].char_indices().last().map_or(0, |(i, _)| i);
            start..end
        } else {
            range
        };
        file.syntax_errors.push(SyntaxError { range, message: error.error.to_string() });
    }
    if let Some(first) = file.syntax_errors.first_mut() {
        report_unclosed_bracket_as_python_does(first, parsed.tokens(), text);
    }
    let broken = Broken::new(&file.syntax_errors);
    let mut evaluator = Evaluator {
        block,
        env: HashMap::with_capacity_and_hasher(body.len(), FxBuildHasher),
        os: vec![],
        environ: vec![],
        getenv: vec![],
        bound_since_star: vec![],
        surely_bound: HashSet::default(),
        sizes: Vec::with_capacity(body.len()),
        work: std::cell::Cell::new(0),
        statement: 0..0,
        too_large: std::cell::Cell::new(None),
        file: &mut file,
    };
    evaluator.file.netbox_docker_own = body.iter().any(|stmt| {
        matches!(stmt, Stmt::FunctionDef(f) if matches!(f.name.as_str(), "_environ_get_and_map" | "_read_secret"))
    });
    for stmt in body {
        let range = to_range(stmt.range());
        // A statement the parser had to repair may hold invented values: skip it.
        if broken.touches(&range) {
            evaluator.scan(stmt);
            continue;
        }
        evaluator.file.nixos_module_secret_key |= is_nixos_module_secret_key(stmt);
        record_ldap_searches(stmt, block, &mut evaluator.file.ldap_search_filters);
        evaluator.statement = range;
        if let Stmt::If(guard) = stmt
            && guard.elif_else_clauses.is_empty()
            && evaluator.file.guards.len() < MAX_GUARDS
        {
            evaluator.record_guard(stmt, guard);
        }
        evaluator.top_level(stmt);
    }
    if let Some((range, message)) = evaluator.too_large.take() {
        file.too_complex = Some(Box::new(TooComplex { range, message }));
    }
    // A repaired parse may read names the author never wrote.
    if file.syntax_errors.is_empty() {
        file.module_names = Box::new(super::module_names::read(body));
    }
    file
}

/// CPython's report where a bracket opened on an earlier line is never closed: it tokenizes the
/// rest of the file after a syntax error, and when brackets are still open at its end and the
/// error lies on a later line than the innermost of them, it reports "'{' was never closed" at
/// that bracket instead (Parser/pegen_errors.c, `_PyPegen_tokenize_full_source_to_check_for_errors`,
/// Python 3.10+; Python 3.11.7 so reports a PLUGINS_CONFIG whose `{` is never closed at the `{`,
/// not at the next setting). A closing bracket that does not match stops the scan: CPython
/// reports that mismatch itself. CPython says "never closed" in more cases (when its parser has
/// read to the end of the file, also for an error on the bracket's own line); those keep the
/// parser's position, which is on the same line.
fn report_unclosed_bracket_as_python_does(
    error: &mut SyntaxError,
    tokens: &[ruff_python_ast::token::Token],
    text: &str,
) {
    use ruff_python_ast::token::TokenKind;
    let mut open: Vec<(usize, char)> = Vec::new();
    for token in tokens {
        let start = token.start().to_usize();
        let opening = match token.kind() {
            TokenKind::Lpar => '(',
            TokenKind::Lsqb => '[',
            TokenKind::Lbrace => '{',
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                let expected = match token.kind() {
                    TokenKind::Rpar => '(',
                    TokenKind::Rsqb => '[',
                    _ => '{',
                };
                if open.pop().is_none_or(|(_, o)| o != expected) {
                    return;
                }
                continue;
            }
            _ => continue,
        };
        open.push((start, opening));
    }
    let Some(&(at, bracket)) = open.last() else { return };
    let line = |offset: usize| text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count();
    if line(error.range.start) > line(at) {
        error.range = at..at + 1;
        error.message = format!("'{bracket}' was never closed");
    }
}

/// The syntax errors' ranges, sorted by start, with the furthest end reached so far: whether a
/// statement touches one is a binary search, not a scan (a block of non-Python has about as
/// many errors as statements).
struct Broken {
    starts: Vec<usize>,
    furthest_end: Vec<usize>,
}

impl Broken {
    fn new(errors: &[SyntaxError]) -> Self {
        let mut ranges: Vec<(usize, usize)> = errors.iter().map(|e| (e.range.start, e.range.end)).collect();
        ranges.sort_unstable();
        let starts = ranges.iter().map(|r| r.0).collect();
        let furthest_end = ranges
            .iter()
            .scan(0, |furthest, r| {
                *furthest = r.1.max(*furthest);
                Some(*furthest)
            })
            .collect();
        Broken { starts, furthest_end }
    }

    /// Whether an error range `b` has `b.start <= range.end && range.start <= b.end`.
    fn touches(&self, range: &Range<usize>) -> bool {
        let before = self.starts.partition_point(|&start| start <= range.end);
        before > 0 && self.furthest_end.get(before - 1).is_some_and(|&end| range.start <= end)
    }
}

fn to_range(range: TextRange) -> Range<usize> {
    range.start().to_usize()..range.end().to_usize()
}

struct Evaluator<'t, 'a> {
    block: BlockId,
    /// Names bound so far (borrowed from the tree): their setting's index in `file.settings`
    /// (values are cloned only when a later expression reads them).
    env: HashMap<&'t str, usize, FxBuildHasher>,
    /// Names bound to the `os` module, to `os.environ`, and to `os.getenv`.
    os: Vec<String>,
    environ: Vec<String>,
    getenv: Vec<String>,
    /// Names bound since the last top-level `from … import *` (each at most once per binding):
    /// the next star import may rebind them, so their values become unknown then.
    bound_since_star: Vec<&'t str>,
    /// Names certainly bound at this point of the module (by a top-level assignment or import
    /// that no `del` undid): a conditional rebinding of one leaves it bound.
    surely_bound: HashSet<&'t str>,
    /// The size of each setting's value (see [`measure`]), by index in `file.settings`.
    sizes: Vec<usize>,
    /// Value nodes (and bytes) copied so far by reading names: at most [`limits::MAX_BLOCK_WORK`].
    work: std::cell::Cell<usize>,
    /// The statement being evaluated.
    statement: Range<usize>,
    /// The first statement whose value went past a limit, and why.
    too_large: std::cell::Cell<Option<(Range<usize>, String)>>,
    file: &'a mut PythonFile,
}

impl<'t> Evaluator<'t, '_> {
    fn top_level(&mut self, stmt: &'t Stmt) {
        match stmt {
            Stmt::Assign(assign) => {
                let value = self.eval(&assign.value);
                let range = to_range(assign.range);
                if let [others @ .., last] = assign.targets.as_slice() {
                    for target in others {
                        self.bind(target, value.clone(), range.clone());
                    }
                    self.bind(last, value, range);
                }
            }
            Stmt::AnnAssign(assign) => {
                if let Some(value) = &assign.value {
                    let value = self.eval(value);
                    self.bind(&assign.target, value, to_range(assign.range));
                } else if let Expr::Name(name) = assign.target.as_ref()
                    && is_literal(&assign.annotation)
                {
                    // `NAME: 'value'`, a colon for `=`: an annotation, which binds nothing.
                    let value = self.eval(&assign.annotation);
                    self.file.annotated_only.push(AnnotatedName {
                        name: CompactString::from(name.id.as_str()),
                        statement: to_range(assign.range),
                        value,
                        block: self.block,
                    });
                }
            }
            Stmt::AugAssign(assign) => {
                if let Expr::Name(name) = assign.target.as_ref() {
                    let right = self.eval(&assign.value);
                    let range = to_range(assign.range);
                    let left = self.lookup(name.id.as_str());
                    let value = match (left, assign.op) {
                        (Some(left), Operator::Add) => add(&left, &right, range.clone()),
                        _ => Value { kind: ValueKind::Unknown, range: range.clone() },
                    };
                    self.bind(&assign.target, value, range);
                }
            }
            Stmt::Import(import) => {
                record_imports(stmt, self.block, true, &mut self.file.imports);
                for alias in &import.names {
                    if alias.name.id.as_str() == "os" {
                        self.os.push(alias.asname.as_ref().map_or("os", |a| a.id.as_str()).to_string());
                    }
                }
            }
            Stmt::ImportFrom(import) => {
                record_imports(stmt, self.block, true, &mut self.file.imports);
                let module = import.module.as_ref().map_or("", |m| m.id.as_str());
                for alias in &import.names {
                    let name = alias.name.id.as_str();
                    let bound = alias.asname.as_ref().map_or(name, |a| a.id.as_str()).to_string();
                    match (module, name) {
                        ("os", "environ") => self.environ.push(bound),
                        ("os", "getenv") => self.getenv.push(bound),
                        _ => {}
                    }
                }
                if import.names.iter().any(|alias| alias.name.id.as_str() == "*") && module != "os" {
                    self.star_import();
                    self.file.binds_unseen_names = true;
                } else if module != "os" {
                    // `from local_settings import SECRET_KEY` after `SECRET_KEY = …`: the name now
                    // holds the module's value. (A name first bound by an import stays unseen, so
                    // that a pipeline module importing a constant is not taken for settings.)
                    for alias in &import.names {
                        let bound = alias.asname.as_ref().unwrap_or(&alias.name).id.as_str();
                        if self.env.contains_key(bound) {
                            self.bind_unknown(bound, to_range(alias.range));
                            self.surely_bound.insert(bound);
                        }
                    }
                }
            }
            Stmt::Expr(expr) if binds_any_name(&expr.value) => {
                self.scan(stmt);
                self.star_import();
                self.file.binds_unseen_names = true;
            }
            Stmt::Delete(delete) => {
                for target in &delete.targets {
                    if let Expr::Name(name) = target {
                        self.unbind(name.id.as_str());
                    }
                }
            }
            other => {
                // Conditional or looping code: names it binds have unknown values.
                self.scan(other);
                self.unknown_bindings(other);
            }
        }
        // `REDIS['caching'] = {…}`, `REDIS.update(…)`, `del X['k']`, also inside conditional
        // code: the value the name holds is no longer the one evaluated.
        let mut mutated = Vec::new();
        collect_mutated_names(stmt, &mut mutated);
        for name in mutated {
            self.forget_value(name);
        }
    }

    /// `del NAME` at the top level: the name is no longer bound (NetBox's `hasattr` is false).
    fn unbind(&mut self, name: &'t str) {
        self.env.remove(name);
        self.surely_bound.remove(name);
        self.file.deletions.push((self.file.settings.len(), CompactString::from(name)));
    }

    /// A bound name whose value was changed in place: it stays bound, at its own line, with a
    /// value this checker no longer knows. Linear: one copy of the setting per mutating statement.
    fn forget_value(&mut self, name: &str) {
        let Some((&key, &index)) = self.env.get_key_value(name) else { return };
        let Some(setting) = self.file.settings.get(index) else { return };
        if setting.value.kind == ValueKind::Unknown {
            return;
        }
        let mut unknown = Setting::clone(setting);
        unknown.value = Value { kind: ValueKind::Unknown, range: unknown.value.range.clone() };
        self.push_copy(key, index, unknown);
    }

    /// Push `setting`, a copy of the binding at `index` with another value, as the name's binding.
    fn push_copy(&mut self, name: &'t str, index: usize, setting: Setting) {
        if self.file.maybe_unbound.binary_search(&index).is_ok() {
            self.file.maybe_unbound.push(self.file.settings.len());
        }
        self.sizes.push(1);
        self.env.insert(name, self.file.settings.len());
        self.file.settings.push(std::sync::Arc::new(setting));
    }

    fn bind(&mut self, target: &'t Expr, value: Value, statement: Range<usize>) {
        match target {
            Expr::Name(name) => {
                let (size, depth) = measure(&value);
                let value = if size > limits::MAX_VALUE_SIZE || depth > limits::MAX_VALUE_DEPTH {
                    self.exceeded(format!(
                        "this Python block is too large to check: the value of `{}` would hold more than {} items and characters, or nest more than {} levels (as when `A = A + A` doubles it); it and what is built from it are treated as unknown",
                        name.id,
                        limits::MAX_VALUE_SIZE,
                        limits::MAX_VALUE_DEPTH
                    ));
                    Value { kind: ValueKind::Unknown, range: value.range }
                } else {
                    value
                };
                self.sizes.push(size.min(limits::MAX_VALUE_SIZE));
                let setting = Setting {
                    name: CompactString::from(name.id.as_str()),
                    name_range: to_range(name.range),
                    statement,
                    value,
                    block: self.block,
                };
                self.env.insert(name.id.as_str(), self.file.settings.len());
                self.surely_bound.insert(name.id.as_str());
                self.bound_since_star.push(name.id.as_str());
                self.file.settings.push(std::sync::Arc::new(setting));
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let items = value.items().filter(|items| items.len() == elts.len()).map(<[Value]>::to_vec);
                for (i, elt) in elts.iter().enumerate() {
                    let item = items
                        .as_ref()
                        .and_then(|items| items.get(i).cloned())
                        .unwrap_or(Value { kind: ValueKind::Unknown, range: to_range(elt.range()) });
                    self.bind(elt, item, statement.clone());
                }
            }
            Expr::Attribute(attribute) => self.file.attribute_writes.push(AttributeAccess {
                attribute: attribute.attr.id.to_string(),
                range: to_range(attribute.range),
                block: self.block,
            }),
            _ => {}
        }
    }

    /// `from module import *` binds every public name of a module this checker does not read
    /// (Django's `from .local_settings import *` idiom): each name bound before it may be
    /// rebound, so its value is unknown from here on. The name stays set, at its own line (a
    /// setting NetBox ignores is still written there). Each binding is revisited once: linear.
    fn star_import(&mut self) {
        for name in std::mem::take(&mut self.bound_since_star) {
            let Some(&index) = self.env.get(name) else { continue };
            let Some(setting) = self.file.settings.get(index) else { continue };
            if setting.value.kind == ValueKind::Unknown {
                continue;
            }
            let mut unknown = Setting::clone(setting);
            unknown.value = Value { kind: ValueKind::Unknown, range: unknown.value.range.clone() };
            self.push_copy(name, index, unknown);
        }
    }

    /// Evaluate a top-level guard's body as if its condition held, keep what it binds in a
    /// [`Guard`], and put everything else back as it was: the statement is then evaluated as any
    /// conditional code (its bindings unknown). Each guard's body is evaluated once more: linear.
    fn record_guard(&mut self, stmt: &'t Stmt, guard: &'t ast::StmtIf) {
        let condition = self.eval(&guard.test);
        let Some(literals) = guard_condition(&guard.test, &condition) else { return };
        // A `del` in the body would have to be laid over too: such a guard is only conditional code.
        let mut deleted = Vec::new();
        collect_deleted_names(stmt, &mut deleted);
        if !deleted.is_empty() {
            return;
        }
        // The body is evaluated into a scratch file that holds the settings bound so far (names
        // are looked up by index in them): whatever else it records is dropped with it.
        let first = self.file.settings.len();
        let bound_so_far = std::mem::take(&mut self.file.settings);
        let file = std::mem::replace(self.file, PythonFile { settings: bound_so_far, ..PythonFile::default() });
        let env = self.env.clone();
        let surely_bound = self.surely_bound.clone();
        let (os, environ, getenv) = (self.os.len(), self.environ.len(), self.getenv.len());
        let bound_since_star = self.bound_since_star.len();
        for inner in &guard.body {
            self.top_level(inner);
        }
        let mut scratch = std::mem::replace(self.file, file);
        let settings = scratch.settings.split_off(first);
        self.file.settings = scratch.settings;
        self.sizes.truncate(first);
        self.env = env;
        self.surely_bound = surely_bound;
        self.os.truncate(os);
        self.environ.truncate(environ);
        self.getenv.truncate(getenv);
        self.bound_since_star.truncate(bound_since_star);
        self.file.guards.push(Guard { range: to_range(stmt.range()), block: self.block, literals, settings });
    }

    /// Names bound inside compound statements get unknown values; one that was not certainly
    /// bound before may stay unbound (the branch may not run), and so may one deleted there.
    fn unknown_bindings(&mut self, stmt: &'t Stmt) {
        let mut names = Vec::new();
        collect_bound_names(stmt, &mut names);
        let mut deleted = Vec::new();
        collect_deleted_names(stmt, &mut deleted);
        for (name, _) in &deleted {
            self.surely_bound.remove(name);
        }
        for (name, range) in names.into_iter().chain(deleted) {
            if !self.surely_bound.contains(name) {
                self.file.maybe_unbound.push(self.file.settings.len());
            }
            self.bind_unknown(name, range);
        }
    }

    /// Bind `name` to a value this checker does not know, written at `range`.
    fn bind_unknown(&mut self, name: &'t str, range: Range<usize>) {
        let value = Value { kind: ValueKind::Unknown, range: range.clone() };
        self.sizes.push(1);
        self.env.insert(name, self.file.settings.len());
        self.bound_since_star.push(name);
        self.file.settings.push(std::sync::Arc::new(Setting {
            name: CompactString::from(name),
            name_range: range.clone(),
            statement: range,
            value,
            block: self.block,
        }));
    }

    /// Record imports and attribute writes anywhere inside a statement.
    fn scan(&mut self, stmt: &Stmt) {
        let mut visitor = Scan { file: &mut *self.file, block: self.block };
        ast::visitor::Visitor::visit_stmt(&mut visitor, stmt);
    }

    fn eval(&self, expr: &Expr) -> Value {
        let range = to_range(expr.range());
        let unknown = || Value { kind: ValueKind::Unknown, range: range.clone() };
        let kind = match expr {
            Expr::StringLiteral(s) if is_template_slot(s.value.to_str()) => ValueKind::Unknown,
            Expr::StringLiteral(s) => ValueKind::Str(CompactString::from(s.value.to_str())),
            Expr::BytesLiteral(b) => ValueKind::Bytes(b.value.bytes().collect()),
            Expr::NumberLiteral(n) => match &n.value {
                Number::Int(i) => match i.as_i64() {
                    Some(i) => ValueKind::Int(i),
                    None => return unknown(),
                },
                Number::Float(x) => ValueKind::Float(*x),
                Number::Complex { .. } => return unknown(),
            },
            Expr::BooleanLiteral(b) => ValueKind::Bool(b.value),
            Expr::NoneLiteral(_) => ValueKind::None,
            Expr::List(list) => ValueKind::List(self.eval_items(&list.elts)),
            Expr::Tuple(tuple) => ValueKind::Tuple(self.eval_items(&tuple.elts)),
            Expr::Set(set) => ValueKind::Set(self.eval_items(&set.elts)),
            Expr::Dict(dict) => {
                let mut items = Vec::new();
                for item in dict.iter() {
                    match &item.key {
                        Some(key) => items.push((self.eval(key), self.eval(&item.value))),
                        None => return unknown(),
                    }
                }
                ValueKind::Dict(items)
            }
            Expr::FString(fstring) => {
                // Braces in an f-string's text were written doubled (`f'{{host}}'`): what the
                // file meant is not a plain string's text, so the value is not taken as known.
                let mut text = String::new();
                for part in fstring.value.iter() {
                    match part {
                        ast::FStringPart::Literal(literal) => text.push_str(&literal.value),
                        ast::FStringPart::FString(f) => {
                            for element in f.elements.iter() {
                                match element {
                                    ast::InterpolatedStringElement::Literal(l) => text.push_str(&l.value),
                                    ast::InterpolatedStringElement::Interpolation(_) => return unknown(),
                                }
                            }
                        }
                    }
                }
                if fstring.value.iter().any(|part| matches!(part, ast::FStringPart::FString(_)))
                    && text.contains(['{', '}'])
                {
                    return unknown();
                }
                ValueKind::Str(text.into())
            }
            Expr::BinOp(binop) if binop.op == Operator::Add => {
                return add(&self.eval(&binop.left), &self.eval(&binop.right), range);
            }
            Expr::UnaryOp(unary) if unary.op == UnaryOp::USub => match self.eval(&unary.operand).kind {
                ValueKind::Int(i) => ValueKind::Int(-i),
                ValueKind::Float(x) => ValueKind::Float(-x),
                _ => return unknown(),
            },
            Expr::Name(name) => match self.lookup(name.id.as_str()) {
                Some(value) => value.kind,
                None => return unknown(),
            },
            Expr::Call(call) => match self.env_call(call) {
                Some(kind) => kind,
                None => return unknown(),
            },
            // `environ.get('X', 'False').lower() == 'true'`: netbox-docker's LDAP file reads its
            // switches so (configuration/ldap/ldap_config.py, 3.0.2), as `_AS_BOOL` does.
            Expr::Compare(compare) => match (compare.ops.as_ref(), compare.comparators.as_ref(), compare.left.as_ref())
            {
                ([ast::CmpOp::Eq], [Expr::StringLiteral(t)], Expr::Call(lower))
                    if t.value.to_str() == "true"
                        && lower.arguments.is_empty()
                        && matches!(lower.func.as_ref(), Expr::Attribute(a) if a.attr.id.as_str() == "lower") =>
                {
                    let Expr::Attribute(attribute) = lower.func.as_ref() else { return unknown() };
                    match self.eval(&attribute.value).kind {
                        ValueKind::Env { var, default, conversion: Conversion::Text } => {
                            ValueKind::Env { var, default, conversion: Conversion::Bool }
                        }
                        _ => return unknown(),
                    }
                }
                _ => return unknown(),
            },
            Expr::Subscript(subscript) if self.is_environ(&subscript.value) => match self.eval(&subscript.slice).kind {
                ValueKind::Str(var) => ValueKind::Env { var, default: None, conversion: Conversion::Text },
                _ => return unknown(),
            },
            _ => return unknown(),
        };
        Value { kind, range }
    }

    /// A name's value, copied; once the block has copied [`limits::MAX_BLOCK_WORK`] nodes, unknown.
    fn lookup(&self, name: &str) -> Option<Value> {
        let &i = self.env.get(name)?;
        let setting = self.file.settings.get(i)?;
        let work = self.work.get() + self.sizes.get(i).copied().unwrap_or(1);
        if work > limits::MAX_BLOCK_WORK {
            self.exceeded(format!(
                "this Python block is too large to check: evaluating it copies more than {} items and characters between names; from `{name}` here on, such values are treated as unknown",
                limits::MAX_BLOCK_WORK
            ));
            return Some(Value { kind: ValueKind::Unknown, range: setting.value.range.clone() });
        }
        self.work.set(work);
        Some(setting.value.clone())
    }

    /// Record the first limit the block went past, at the statement being evaluated.
    fn exceeded(&self, message: String) {
        let first = self.too_large.take();
        self.too_large.set(first.or(Some((self.statement.clone(), message))));
    }

    fn eval_items(&self, items: &[Expr]) -> Vec<Value> {
        items
            .iter()
            .map(|item| match item {
                Expr::Starred(_) => Value { kind: ValueKind::Unknown, range: to_range(item.range()) },
                _ => self.eval(item),
            })
            .collect()
    }

    /// `os.environ.get("X", d)`, `environ.get("X", d)`, `os.getenv("X", d)`, `getenv("X", d)`,
    /// and netbox-docker's helper `_environ_get_and_map("X", d, _AS_…)` (netbox-docker 3.0.2,
    /// `configuration/configuration.py`). Its other helper, `_read_secret(name, d)`, reads a file
    /// under /run/secrets first and returns `d` when there is none: with `d` a lookup of a
    /// variable (`_read_secret('secret_key', environ.get('SECRET_KEY', ''))`, netbox-docker
    /// 3.0.2 line 115) it is that lookup with [`Conversion::Secret`]; otherwise unknown.
    fn env_call(&self, call: &ast::ExprCall) -> Option<ValueKind> {
        if matches!(call.func.as_ref(), Expr::Name(name) if name.id.as_str() == "_read_secret") {
            let fallback = call.arguments.args.get(1)?;
            return match self.eval(fallback).kind {
                ValueKind::Env { var, default, conversion: Conversion::Text } => {
                    Some(ValueKind::Env { var, default, conversion: Conversion::Secret })
                }
                _ => None,
            };
        }
        let mapped = matches!(call.func.as_ref(), Expr::Name(name) if name.id.as_str() == "_environ_get_and_map");
        let conversion = if mapped {
            // The third argument names the conversion: `_AS_BOOL`, `_AS_INT`, `_AS_LIST`, or none.
            match call.arguments.args.get(2) {
                None => Conversion::Text,
                Some(Expr::Name(name)) => Conversion::from_helper(name.id.as_str())?,
                Some(_) => return None,
            }
        } else {
            Conversion::Text
        };
        let is_lookup = mapped
            || match call.func.as_ref() {
                Expr::Attribute(attr) if attr.attr.id.as_str() == "get" => self.is_environ(&attr.value),
                Expr::Attribute(attr) if attr.attr.id.as_str() == "getenv" => self.is_os(&attr.value),
                Expr::Name(name) => self.getenv.iter().any(|g| g == name.id.as_str()),
                _ => false,
            };
        if !is_lookup {
            return None;
        }
        let args = &call.arguments;
        let var = match args.args.first().map(|a| self.eval(a).kind) {
            Some(ValueKind::Str(var)) => var,
            _ => return None,
        };
        let default = args
            .args
            .get(1)
            .or_else(|| {
                args.keywords
                    .iter()
                    .find(|k| k.arg.as_ref().is_some_and(|a| a.id.as_str() == "default"))
                    .map(|k| &k.value)
            })
            .map(|d| Box::new(self.eval(d)))
            // `environ.get("X")` without a default gives None when X is unset.
            .or_else(|| Some(Box::new(Value { kind: ValueKind::None, range: to_range(call.range()) })));
        Some(ValueKind::Env { var, default, conversion })
    }

    fn is_os(&self, expr: &Expr) -> bool {
        matches!(expr, Expr::Name(name) if self.os.iter().any(|o| o == name.id.as_str()))
    }

    fn is_environ(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Name(name) => self.environ.iter().any(|e| e == name.id.as_str()),
            Expr::Attribute(attr) => attr.attr.id.as_str() == "environ" && self.is_os(&attr.value),
            _ => false,
        }
    }
}

/// (nodes plus bytes of text, depth) of a value. Values are built within the limits, so the
/// recursion is bounded by [`limits::MAX_VALUE_DEPTH`] plus the depth of one expression.
fn measure(value: &Value) -> (usize, usize) {
    let all = |items: &mut dyn Iterator<Item = &Value>| {
        items.map(measure).fold((1usize, 1usize), |(size, depth), (s, d)| (size.saturating_add(s), depth.max(d + 1)))
    };
    match &value.kind {
        ValueKind::Str(s) => (1 + s.len(), 1),
        ValueKind::Bytes(b) => (1 + b.len(), 1),
        ValueKind::List(items) | ValueKind::Tuple(items) | ValueKind::Set(items) => all(&mut items.iter()),
        ValueKind::Dict(items) => all(&mut items.iter().flat_map(|(k, v)| [k, v])),
        ValueKind::Env { var, default, .. } => {
            let (size, depth) = default.as_deref().map_or((0, 0), measure);
            (1 + var.len() + size, 1 + depth)
        }
        _ => (1, 1),
    }
}

fn add(left: &Value, right: &Value, range: Range<usize>) -> Value {
    let kind = match (&left.kind, &right.kind) {
        (ValueKind::Str(a), ValueKind::Str(b)) => ValueKind::Str(compact_str::format_compact!("{a}{b}")),
        (ValueKind::Bytes(a), ValueKind::Bytes(b)) => ValueKind::Bytes([a.as_slice(), b.as_slice()].concat()),
        (ValueKind::Int(a), ValueKind::Int(b)) => a.checked_add(*b).map_or(ValueKind::Unknown, ValueKind::Int),
        (ValueKind::List(a), ValueKind::List(b)) => ValueKind::List([a.as_slice(), b.as_slice()].concat()),
        (ValueKind::Tuple(a), ValueKind::Tuple(b)) => ValueKind::Tuple([a.as_slice(), b.as_slice()].concat()),
        _ => ValueKind::Unknown,
    };
    Value { kind, range }
}

fn collect_bound_names<'t>(stmt: &'t Stmt, names: &mut Vec<(&'t str, Range<usize>)>) {
    fn targets<'t>(expr: &'t Expr, names: &mut Vec<(&'t str, Range<usize>)>) {
        match expr {
            Expr::Name(name) => names.push((name.id.as_str(), to_range(name.range))),
            Expr::Tuple(t) => t.elts.iter().for_each(|e| targets(e, names)),
            Expr::List(l) => l.elts.iter().for_each(|e| targets(e, names)),
            _ => {}
        }
    }
    let body = |stmts: &'t [Stmt], names: &mut Vec<(&'t str, Range<usize>)>| {
        for s in stmts {
            collect_bound_names(s, names);
        }
    };
    match stmt {
        Stmt::Assign(a) => a.targets.iter().for_each(|t| targets(t, names)),
        Stmt::AnnAssign(a) => targets(&a.target, names),
        Stmt::AugAssign(a) => targets(&a.target, names),
        Stmt::If(s) => {
            body(&s.body, names);
            for clause in &s.elif_else_clauses {
                body(&clause.body, names);
            }
        }
        Stmt::For(s) => {
            targets(&s.target, names);
            body(&s.body, names);
            body(&s.orelse, names);
        }
        Stmt::While(s) => {
            body(&s.body, names);
            body(&s.orelse, names);
        }
        Stmt::With(s) => body(&s.body, names),
        Stmt::Try(s) => {
            body(&s.body, names);
            for handler in &s.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = handler;
                body(&h.body, names);
            }
            body(&s.orelse, names);
            body(&s.finalbody, names);
        }
        _ => {}
    }
}

/// The statements a compound statement runs at module level (not a function's or class's body).
fn nested_bodies(stmt: &Stmt) -> Vec<&[Stmt]> {
    match stmt {
        Stmt::If(s) => std::iter::once(s.body.as_slice())
            .chain(s.elif_else_clauses.iter().map(|clause| clause.body.as_slice()))
            .collect(),
        Stmt::For(s) => vec![&s.body, &s.orelse],
        Stmt::While(s) => vec![&s.body, &s.orelse],
        Stmt::With(s) => vec![&s.body],
        Stmt::Try(s) => std::iter::once(s.body.as_slice())
            .chain(s.handlers.iter().map(|ast::ExceptHandler::ExceptHandler(h)| h.body.as_slice()))
            .chain([s.orelse.as_slice(), s.finalbody.as_slice()])
            .collect(),
        _ => Vec::new(),
    }
}

/// Names `del NAME` unbinds inside a compound statement (at module level).
fn collect_deleted_names<'t>(stmt: &'t Stmt, names: &mut Vec<(&'t str, Range<usize>)>) {
    if let Stmt::Delete(delete) = stmt {
        for target in &delete.targets {
            if let Expr::Name(name) = target {
                names.push((name.id.as_str(), to_range(name.range)));
            }
        }
    }
    for body in nested_bodies(stmt) {
        body.iter().for_each(|s| collect_deleted_names(s, names));
    }
}

/// The name an item or attribute chain starts from: `REDIS` of `REDIS['tasks']['HOST']`.
fn root_name(expr: &Expr) -> Option<&str> {
    match expr {
        Expr::Name(name) => Some(name.id.as_str()),
        Expr::Subscript(subscript) => root_name(&subscript.value),
        Expr::Attribute(attribute) => root_name(&attribute.value),
        _ => None,
    }
}

/// Names whose value a module-level statement changes in place: an item or attribute written
/// or deleted (`REDIS['caching'] = …`, `X['k'] += …`, `del X['k']`), or a method called for its
/// effect (`REDIS.update(…)`, `ALLOWED_HOSTS.append(…)`), also inside conditional code.
fn collect_mutated_names<'t>(stmt: &'t Stmt, names: &mut Vec<&'t str>) {
    let mut target = |expr: &'t Expr| {
        if matches!(expr, Expr::Subscript(_) | Expr::Attribute(_))
            && let Some(name) = root_name(expr)
        {
            names.push(name);
        }
    };
    match stmt {
        Stmt::Assign(assign) => assign.targets.iter().for_each(&mut target),
        Stmt::AugAssign(assign) => target(&assign.target),
        Stmt::AnnAssign(assign) => target(&assign.target),
        Stmt::Delete(delete) => delete.targets.iter().for_each(&mut target),
        Stmt::Expr(expr) => {
            if let Expr::Call(call) = expr.value.as_ref()
                && let Expr::Attribute(method) = call.func.as_ref()
                && let Some(name) = root_name(&method.value)
            {
                names.push(name);
            }
        }
        _ => {}
    }
    for body in nested_bodies(stmt) {
        body.iter().for_each(|s| collect_mutated_names(s, names));
    }
}

struct Scan<'a> {
    file: &'a mut PythonFile,
    block: BlockId,
}

/// Record the modules and names an `import` or `from … import` statement brings in.
fn record_imports(stmt: &Stmt, block: BlockId, top_level: bool, out: &mut Vec<Import>) {
    let range = to_range(stmt.range());
    match stmt {
        Stmt::Import(import) => out.extend(import.names.iter().map(|alias| Import {
            module: alias.name.id.to_string(),
            name: String::new(),
            bound: String::new(),
            range: range.clone(),
            block,
            top_level,
        })),
        Stmt::ImportFrom(import) => {
            let module = import.module.as_ref().map_or("", |m| m.id.as_str());
            out.extend(import.names.iter().map(|alias| Import {
                module: module.to_string(),
                name: alias.name.id.to_string(),
                bound: alias.asname.as_ref().unwrap_or(&alias.name).id.to_string(),
                range: range.clone(),
                block,
                top_level,
            }));
        }
        _ => {}
    }
}

/// Whether every handler of a `try` catches `KeyError` and carries on (no `return`, `raise`,
/// `continue` or `break` at its end), and the names the handlers bind: a name they all swallow
/// is one none of them binds.
fn key_error_handlers(handlers: &[ast::ExceptHandler]) -> Option<HashSet<&str>> {
    let mut bound = Vec::new();
    for handler in handlers {
        let ast::ExceptHandler::ExceptHandler(h) = handler;
        let catches = match h.type_.as_deref() {
            Some(Expr::Name(n)) => n.id.as_str() == "KeyError",
            Some(Expr::Tuple(tuple)) => {
                tuple.elts.iter().any(|e| matches!(e, Expr::Name(n) if n.id.as_str() == "KeyError"))
            }
            _ => false,
        };
        let exits =
            matches!(h.body.last(), Some(Stmt::Return(_) | Stmt::Raise(_) | Stmt::Continue(_) | Stmt::Break(_)));
        if !catches || exits {
            return None;
        }
        for inner in &h.body {
            collect_bound_names(inner, &mut bound);
        }
    }
    (!handlers.is_empty()).then(|| bound.into_iter().map(|(name, _)| name).collect())
}

/// Uses of names a swallowing `try` may have left unbound, in one function. Every read in the
/// body is listed once (in source order), so each name's first read after its `try` is a binary
/// search: linear in the body however many `try`s and names it has. A name the function binds
/// before the `try` (a parameter, or `roles = []` above it: the fix the rule's help gives) is
/// bound whatever the `try` does.
fn unguarded_uses(function: &ast::StmtFunctionDef, block: BlockId, out: &mut Vec<UnguardedUse>) {
    let body = &function.body;
    if !body.iter().any(|stmt| matches!(stmt, Stmt::Try(_))) {
        return;
    }
    let mut loads = Loads::default();
    for stmt in body {
        ast::visitor::Visitor::visit_stmt(&mut loads, stmt);
    }
    for reads in loads.reads.values_mut() {
        reads.sort_unstable_by_key(|r| r.start);
    }
    let mut bound_before: HashSet<&str> = function.parameters.iter().map(|p| p.name().as_str()).collect();
    let mut earlier = Vec::new();
    for stmt in body {
        // What this statement binds counts for the `try`s after it, not for itself.
        earlier.clear();
        collect_bound_names(stmt, &mut earlier);
        let newly_bound = earlier.iter().map(|(name, _)| *name).collect::<Vec<_>>();
        let Stmt::Try(try_stmt) = stmt else {
            bound_before.extend(newly_bound);
            continue;
        };
        if !try_stmt.orelse.is_empty() || !try_stmt.finalbody.is_empty() {
            bound_before.extend(newly_bound);
            continue;
        }
        // A `try` that swallows KeyError leaves what it binds unbound; any other binds it.
        let Some(handler_bound) = key_error_handlers(&try_stmt.handlers) else {
            bound_before.extend(newly_bound);
            continue;
        };
        let mut bound = Vec::new();
        for inner in &try_stmt.body {
            collect_bound_names(inner, &mut bound);
        }
        let after = to_range(try_stmt.range).end;
        for (name, _) in bound {
            if handler_bound.contains(name) || bound_before.contains(name) {
                continue;
            }
            let Some(reads) = loads.reads.get(name) else { continue };
            if let Some(range) = reads.get(reads.partition_point(|r| r.start < after)) {
                out.push(UnguardedUse { name: name.to_string(), range: range.clone(), block });
            }
        }
    }
}

/// The settings whose `LDAPSearch` django-auth-ldap runs.
const LDAP_SEARCHES: [&str; 2] = ["AUTH_LDAP_USER_SEARCH", "AUTH_LDAP_GROUP_SEARCH"];

/// `with open("…", "r") as file:` whose body is `SECRET_KEY = file.readline()` and nothing else:
/// the lines NixOS's NetBox module writes for its `secretKeyFile` (see
/// [`PythonFile::nixos_module_secret_key`]).
fn is_nixos_module_secret_key(stmt: &Stmt) -> bool {
    let Stmt::With(with) = stmt else { return false };
    let [item] = with.items.as_slice() else { return false };
    let [Stmt::Assign(assign)] = with.body.as_slice() else { return false };
    let opens_a_path = matches!(&item.context_expr, Expr::Call(call)
        if matches!(call.func.as_ref(), Expr::Name(f) if f.id.as_str() == "open")
            && call.arguments.keywords.is_empty()
            && matches!(call.arguments.args.as_ref(), [Expr::StringLiteral(_), Expr::StringLiteral(mode)] if mode.value.to_str() == "r"));
    let as_file = matches!(item.optional_vars.as_deref(), Some(Expr::Name(n)) if n.id.as_str() == "file");
    let reads_the_key = matches!(assign.targets.as_slice(), [Expr::Name(n)] if n.id.as_str() == "SECRET_KEY")
        && matches!(assign.value.as_ref(), Expr::Call(call)
            if call.arguments.is_empty()
                && matches!(call.func.as_ref(), Expr::Attribute(a)
                    if a.attr.id.as_str() == "readline" && matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "file")));
    opens_a_path && as_file && reads_the_key
}

/// The filters of a top-level `AUTH_LDAP_USER_SEARCH = …` or `AUTH_LDAP_GROUP_SEARCH = …`
/// (an `LDAPSearch`, or several in an `LDAPSearchUnion`): only these searches are run.
fn record_ldap_searches(stmt: &Stmt, block: BlockId, out: &mut Vec<LdapSearchFilter>) {
    let (targets, value): (Vec<&Expr>, &Expr) = match stmt {
        Stmt::Assign(assign) => (assign.targets.iter().collect(), &assign.value),
        Stmt::AnnAssign(assign) => match &assign.value {
            Some(value) => (vec![assign.target.as_ref()], value),
            None => return,
        },
        _ => return,
    };
    for target in targets {
        let Expr::Name(name) = target else { continue };
        let Some(search) = LDAP_SEARCHES.iter().find(|s| **s == name.id.as_str()) else { continue };
        let mut searches = LdapSearches { search, out: &mut *out, block };
        ast::visitor::Visitor::visit_expr(&mut searches, value);
    }
}

/// The filters written as text into `LDAPSearch(base, scope, filter)` calls (or `filterstr=`)
/// of one search setting's value.
struct LdapSearches<'o> {
    search: &'static str,
    out: &'o mut Vec<LdapSearchFilter>,
    block: BlockId,
}

impl<'a> ast::visitor::Visitor<'a> for LdapSearches<'_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Call(call) = expr
            && match call.func.as_ref() {
                Expr::Name(f) => f.id.as_str() == "LDAPSearch",
                Expr::Attribute(f) => f.attr.id.as_str() == "LDAPSearch",
                _ => false,
            }
            && let Some(Expr::StringLiteral(filter)) = call.arguments.args.get(2).or_else(|| {
                let keyword = call
                    .arguments
                    .keywords
                    .iter()
                    .find(|k| k.arg.as_ref().is_some_and(|a| a.id.as_str() == "filterstr"));
                keyword.map(|k| &k.value)
            })
        {
            self.out.push(LdapSearchFilter {
                search: self.search,
                text: filter.value.to_str().to_owned(),
                range: to_range(filter.range),
                block: self.block,
            });
        }
        ast::visitor::walk_expr(self, expr);
    }
}

/// Every read of a name, by name, in source order.
#[derive(Default)]
struct Loads<'a> {
    reads: HashMap<&'a str, Vec<Range<usize>>, FxBuildHasher>,
}

impl<'a> ast::visitor::Visitor<'a> for Loads<'a> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Name(name) = expr
            && name.ctx == ast::ExprContext::Load
        {
            self.reads.entry(name.id.as_str()).or_default().push(to_range(name.range));
        }
        ast::visitor::walk_expr(self, expr);
    }
}

impl<'a> ast::visitor::Visitor<'a> for Scan<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::FunctionDef(function) = stmt {
            unguarded_uses(function, self.block, &mut self.file.unguarded_uses);
        }
        match stmt {
            Stmt::Import(_) | Stmt::ImportFrom(_) => record_imports(stmt, self.block, false, &mut self.file.imports),
            Stmt::Assign(assign) => {
                for target in &assign.targets {
                    if let Expr::Attribute(attribute) = target {
                        self.file.attribute_writes.push(AttributeAccess {
                            attribute: attribute.attr.id.to_string(),
                            range: to_range(attribute.range),
                            block: self.block,
                        });
                    }
                }
            }
            _ => {}
        }
        ast::visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        // `Group.objects…` and `Group(…)`: a model class used to read or make rows (not only
        // named, as in `except Group.DoesNotExist:`).
        let used_as_model = match expr {
            Expr::Attribute(attribute) if attribute.attr.id.as_str() == "objects" => match attribute.value.as_ref() {
                Expr::Name(name) => Some(name.id.as_str()),
                _ => None,
            },
            Expr::Call(call) => match call.func.as_ref() {
                Expr::Name(name) if name.id.as_str().ends_with("Group") => Some(name.id.as_str()),
                _ => None,
            },
            _ => None,
        };
        if let Some(name) = used_as_model {
            self.file.model_uses.push((CompactString::from(name), self.block));
        }
        if let Expr::Attribute(attribute) = expr
            && attribute.ctx == ast::ExprContext::Load
            && READ_ATTRIBUTES.contains(&attribute.attr.id.as_str())
        {
            self.file.attribute_reads.push(AttributeAccess {
                attribute: attribute.attr.id.to_string(),
                range: to_range(attribute.range),
                block: self.block,
            });
        }
        if let Expr::Call(call) = expr
            && matches!(call.func.as_ref(), Expr::Name(f) if matches!(f.id.as_str(), "hasattr" | "getattr"))
            && let Some(Expr::StringLiteral(name)) = call.arguments.args.get(1)
            && READ_ATTRIBUTES.contains(&name.value.to_str())
        {
            self.file.attribute_probes.push(AttributeAccess {
                attribute: name.value.to_str().to_string(),
                range: to_range(call.range()),
                block: self.block,
            });
        }
        ast::visitor::walk_expr(self, expr);
    }
}

/// The attributes whose reads rules look at (every read would grow with the file for nothing):
/// `is_staff`, which NetBox 4.5 removed from its user model.
pub const READ_ATTRIBUTES: &[&str] = &["is_staff"];

/// `exec(…)`, `globals().update(…)`, `vars().update(…)`, `locals().update(…)`: a top-level call
/// that can bind any name of the module (a settings file loaded from a secrets path).
fn binds_any_name(expr: &Expr) -> bool {
    let Expr::Call(call) = expr else { return false };
    match call.func.as_ref() {
        Expr::Name(name) => name.id.as_str() == "exec",
        Expr::Attribute(attribute) if attribute.attr.id.as_str() == "update" => matches!(
            attribute.value.as_ref(),
            Expr::Call(inner) if matches!(inner.func.as_ref(), Expr::Name(n) if matches!(n.id.as_str(), "globals" | "vars" | "locals"))
        ),
        _ => false,
    }
}

/// A Go template's slot outside a string (`{{ .Values.ldap.server_uri | quote }}`, `{{- $x -}}`:
/// a Helm chart's `configuration.py` or `ldap_config.py`) is not Python, and its `.field` reads
/// as attribute access: each becomes underscores of the same length, a name the evaluator does
/// not know (an unknown value) and nothing reports, so a template is read as what it renders to,
/// with every offset kept. Jinja's `{{ name }}` is left alone: it parses (a set in a set) and is
/// read as a slot where it stands. Linear: one pass over the lines.
fn mask_go_template_slots(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("{{") {
        return std::borrow::Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    // One pass: the quote a string was opened with (strings end at their line, as in the
    // settings files this reads), and whether the rest of the line is a comment.
    let mut quote: Option<u8> = None;
    let mut comment = false;
    let line_end_from = |from: usize| text[from..].find('\n').map_or(text.len(), |n| from + n);
    let mut line_end = line_end_from(0);
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\n' => {
                quote = None;
                comment = false;
                line_end = line_end_from(at + 1);
            }
            // An escape skips the byte it escapes, but never a line end: that ends the line (and
            // the string) here too, so the next line's end is the one a slot there is read to.
            b'\\' if quote.is_some() && bytes.get(at + 1) != Some(&b'\n') => at += 1,
            q @ (b'\'' | b'"') if !comment => match quote {
                Some(open) if open == q => quote = None,
                None => quote = Some(q),
                Some(_) => {}
            },
            b'#' if quote.is_none() => comment = true,
            b'{' if quote.is_none() && !comment && bytes.get(at + 1) == Some(&b'{') => {
                if let Some(close) = text[at + 2..line_end].find("}}") {
                    let end = at + 2 + close + 2;
                    let inner = text[at + 2..at + 2 + close].trim_start_matches('-').trim_start();
                    // `.Values.x`, `$x`, or a function over them (`eq .Values.x "None" | …`):
                    // a field after a blank or a bracket is Go's, never Python's.
                    if inner.starts_with('.') || inner.starts_with('$') || inner.contains(" .") || inner.contains("(.")
                    {
                        out.push_str(&text[copied..at]);
                        out.extend(std::iter::repeat_n('_', end - at));
                        copied = end;
                    }
                    // A slot's own quotes are not the line's.
                    at = end;
                    continue;
                }
            }
            _ => {}
        }
        at += 1;
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    std::borrow::Cow::Owned(out)
}

/// A line without its line end and surrounding blanks.
fn trimmed_line(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r']).trim()
}

/// A Jinja template's statement and comment lines (`{% if ldap %}`, `{# managed by Ansible #}`, an
/// Ansible role's `configuration.py.j2`) are not Python and render to nothing: each becomes
/// blanks of the same length (in bytes), so the file is read as what both branches of its
/// conditions render to (a later assignment wins), with every offset kept. A line counts when,
/// trimmed, it opens with `{%` or `{#` and closes with `%}` or `#}`; a comment opened on a line of
/// its own counts with the lines up to the first that closes with `#}`, when there is one. A
/// Python line opening a dict with a comment (`{# settings`) closes with neither, and is left as
/// it is. Linear: one pass back for where each comment may close, one pass forward.
fn mask_jinja_lines(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("{%") && !text.contains("{#") {
        return std::borrow::Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // For each line, the first line at or after it that closes a comment.
    let mut closes_at = vec![None; lines.len() + 1];
    for (index, line) in lines.iter().enumerate().rev() {
        closes_at[index] = if trimmed_line(line).ends_with("#}") { Some(index) } else { closes_at[index + 1] };
    }
    let mut out = String::with_capacity(text.len());
    let mut masked = false;
    let mut blank_until: Option<usize> = None;
    for (index, line) in lines.iter().enumerate() {
        let t = trimmed_line(line);
        let opens = t.starts_with("{%") || t.starts_with("{#");
        let whole_line = opens && (t.ends_with("%}") || t.ends_with("#}"));
        if blank_until.is_none() && t.starts_with("{#") && !whole_line {
            blank_until = closes_at[index + 1];
        }
        let blank = whole_line || blank_until.is_some();
        if blank_until == Some(index) || blank_until.is_some_and(|end| end < index) {
            blank_until = None;
        }
        if blank {
            masked = true;
            let body = line.trim_end_matches(['\n', '\r']);
            out.extend(std::iter::repeat_n(' ', body.len()));
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
    }
    if masked { std::borrow::Cow::Owned(out) } else { std::borrow::Cow::Borrowed(text) }
}

/// Whether a string holds a template's slot (Jinja/Ansible `{{ fqdn }}`, `{% if … %}`, Go
/// templates `{{ .client_id }}`, 1Password's `op inject` `{{ op://vault/item/field }}`): the
/// file is a template, and the value the deployed file holds is not known here. Used for Python
/// strings and for the values of environment and compose files alike. Linear: one search for
/// the opening, one for the closing after it.
pub(crate) fn is_template_slot(text: &str) -> bool {
    [("{{", "}}"), ("{%", "%}")]
        .iter()
        .any(|(open, close)| text.find(open).is_some_and(|start| text[start + open.len()..].contains(close)))
}

#[cfg(test)]
mod tests {
    /// Every form of a literal lookup counts, anywhere in the text; a name built at run time
    /// or another word does not.
    #[test]
    fn environment_lookups_are_found_in_any_form() {
        let text = "import os\nfrom os import environ\nA = environ.get('EMAIL_HOST')\ndef f():\n    return os.getenv(\n        \"TZ_NAME\")\nB = os.environ['DB_PASS']\nC = _environ_get_and_map('LOGIN_REQUIRED', 'True', _AS_BOOL)\nD = environ.get(f'X_{1}')\nenvironment = 1\n";
        let found: Vec<String> = super::environment_lookups(text).into_iter().map(|n| n.to_string()).collect();
        assert_eq!(found, ["EMAIL_HOST", "DB_PASS", "LOGIN_REQUIRED", "TZ_NAME"]);
    }

    use super::*;

    #[test]
    fn a_go_template_slot_outside_a_string_reads_as_an_unknown_value() {
        // A Helm chart's ldap_config.py template (corpus case t109).
        let text = "from django_auth_ldap.config import LDAPSearch, {{ .Values.ldap.group_type }}\nAUTH_LDAP_SERVER_URI = {{ .Values.ldap.server_uri | quote}}\nFLAGS = {\n    \"is_staff\": {{ .Values.ldap.flags.is_staff | quote}},\n}\nKEY = '{{ .Values.key }}'\nT = {{ eq .Values.t \"None\" | ternary \"None\" (.Values.t | quote) }}\nDN = \"cn=netbox's bind,\" + {{ .Values.base | quote }}  # {{ .Values.x }}\n";
        let file = parse(text, BlockId(0));
        assert!(file.syntax_errors.is_empty(), "{:?}", file.syntax_errors);
        assert!(file.attribute_reads.is_empty(), "{:?}", file.attribute_reads);
        let uri = file.settings.iter().find(|s| s.name == "AUTH_LDAP_SERVER_URI").unwrap();
        assert_eq!(uri.value.kind, ValueKind::Unknown);
        // Offsets are kept: the setting after the slots is where the text has it.
        let key = file.settings.iter().find(|s| s.name == "KEY").unwrap();
        assert_eq!(&text[key.name_range.clone()], "KEY");
        assert!(!key.value.is_known());
        assert!(file.module_names.free_reads.is_empty(), "{:?}", file.module_names.free_reads);
    }

    #[test]
    fn a_backslash_ending_a_line_in_a_string_does_not_hide_the_line_end_from_slot_masking() {
        // Found by the fuzzer: the escape skipped the line end, so a slot on the next line was
        // read up to the previous line's end (a slice ending before it began: a panic).
        let text = "A = '\\\n' {{ .Values.x }}\nB = {{ .Values.y }}\n";
        let file = parse(text, BlockId(0));
        let b = file.settings.iter().find(|s| s.name == "B").unwrap();
        assert_eq!(b.value.kind, ValueKind::Unknown);
        assert_eq!(&text[b.name_range.clone()], "B");
    }

    #[test]
    fn a_template_slot_is_an_unknown_value() {
        // A configuration.py rendered by Ansible or a secrets template, linted as the template.
        let got = settings(
            "ALLOWED_HOSTS = ['{{ netbox_fqdn }}']\nSOCIAL_AUTH_OIDC_KEY = \"{{ .client_id }}\"\nA = '{% if x %}y{% endif %}'\nB = 'a {{ b'\nC = '}} {{'\n",
        );
        let want = [
            ("ALLOWED_HOSTS", "[(not statically known)]"),
            ("SOCIAL_AUTH_OIDC_KEY", "(not statically known)"),
            ("A", "(not statically known)"),
            ("B", "'a {{ b'"),
            ("C", "'}} {{'"),
        ];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec());
    }

    /// An Ansible role's `configuration.py.j2`: its statement and comment lines render to nothing
    /// (no syntax error, nothing read from them), both branches of a condition are read, and the
    /// lines after them are where the text has them.
    #[test]
    fn a_jinja_templates_statement_and_comment_lines_are_blank() {
        let text = "{# managed by Ansible #}\nALLOWED_HOSTS = ['{{ netbox_fqdn }}']\n{% if netbox_ldap %}\nREMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'\n  {%- else %}\nREMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\n{% endif %}\n{#\n  several lines\n#}\nTIME_ZONE = 'UTC'\n";
        let file = parse(text, BlockId(0));
        assert!(file.syntax_errors.is_empty(), "{:?}", file.syntax_errors);
        let backend = file.settings.iter().rfind(|s| s.name == "REMOTE_AUTH_BACKEND").unwrap();
        assert_eq!(backend.value.to_string(), "'netbox.authentication.RemoteUserBackend'");
        let zone = file.settings.iter().find(|s| s.name == "TIME_ZONE").unwrap();
        assert_eq!(&text[zone.name_range.clone()], "TIME_ZONE");
        // A Python line that only looks like one is still Python: a dict opened on a line of its
        // own, with a comment after the brace; a `{#` in a string.
        assert!(parse("X = (\n{'a': 1})\n", BlockId(0)).syntax_errors.is_empty());
        let commented = "PLUGINS_CONFIG = {\n    'netbox_bgp':\n    {# settings\n        'x': 1,\n    },\n}\n";
        assert!(parse(commented, BlockId(0)).syntax_errors.is_empty());
        let banner = "BANNER_LOGIN = '''\n{# not closed here\n'''\nTIME_ZONE = 'UTC'\n";
        assert!(parse(banner, BlockId(0)).syntax_errors.is_empty());
        assert!(!parse("{% if x %} A = 1\n", BlockId(0)).syntax_errors.is_empty());
        // A comment and a statement on one line; a comment never closed is not taken for one
        // (Jinja refuses it too), so the rest of the file is still read.
        let both = parse("{# managed #}{% if x %}\nTIME_ZONE = 'UTC'\n{% endif %}\n", BlockId(0));
        assert!(both.syntax_errors.is_empty() && both.settings.iter().any(|s| s.name == "TIME_ZONE"));
        assert!(!parse("{# never closed\nTIME_ZONE = 'UTC'\n", BlockId(0)).syntax_errors.is_empty());
    }

    fn settings(text: &str) -> Vec<(String, String)> {
        parse(text, BlockId(0)).settings.iter().map(|s| (s.name.to_string(), s.value.to_string())).collect()
    }

    #[test]
    fn evaluates_the_literal_subset() {
        let got = settings(
            "import os\nfrom os import environ\nA = 'x' 'y'\nB = ['a', b'b', 1, -2.5, True, None, ('t',), {'s'}]\nC = {'k': 'v'}\nD = A + 'z'\nE = os.environ.get('SECRET', 'dflt')\nF = environ['HOST']\nG = os.getenv('X')\nH = f'https://{A}'\nI = [1] + [2]\n",
        );
        let want = [
            ("A", "'xy'"),
            ("B", "['a', b'b', 1, -2.5, True, None, ('t',), {'s'}]"),
            ("C", "{'k': 'v'}"),
            ("D", "'xyz'"),
            ("E", "from environment SECRET, default 'dflt'"),
            ("F", "from environment HOST, no default"),
            ("G", "from environment X, default None"),
            ("H", "(not statically known)"),
            ("I", "[1, 2]"),
        ];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec());
    }

    #[test]
    fn conditional_assignments_are_unknown_and_imports_are_found_everywhere() {
        let file = parse(
            "if DEBUG:\n    X = 1\ndef f(user):\n    from django.contrib.auth.models import Group\n    user.is_staff = True\n",
            BlockId(0),
        );
        assert_eq!(file.settings[0].name, "X");
        assert_eq!(file.settings[0].value.kind, ValueKind::Unknown);
        assert_eq!(file.imports[0].module, "django.contrib.auth.models");
        assert_eq!(file.imports[0].name, "Group");
        assert_eq!(file.attribute_writes[0].attribute, "is_staff");
        assert!(!file.imports[0].top_level, "inside a function: runs only when it is called");
    }

    /// Only a statement of the module's body runs, unconditionally, when the module is loaded;
    /// one inside `if`, `try` or a guard (whose body is evaluated twice) is not top-level, and
    /// is recorded once.
    #[test]
    fn top_level_imports_are_the_module_bodys_own() {
        let file = parse(
            "import os\nfrom users.models import Group\nif os.environ.get('SSO'):\n    import dcim.models\ntry:\n    import ipam.models\nexcept ImportError:\n    pass\n",
            BlockId(0),
        );
        let imports: Vec<(&str, bool)> = file.imports.iter().map(|i| (i.module.as_str(), i.top_level)).collect();
        assert_eq!(imports, vec![("os", true), ("users.models", true), ("dcim.models", false), ("ipam.models", false)]);
    }

    /// `if …:` without `else` (a sign-on block switched on by the environment, corpus cases t40
    /// and t54): its bindings stay unknown in the file's settings, and the guard keeps them with
    /// their values as if the condition held; what the body did to the evaluator is undone.
    #[test]
    fn a_guard_keeps_its_values_beside_the_unknown_bindings() {
        let file = parse(
            "from os import environ\nA = 'a'\nif environ.get('SSO') == 'true':\n    import json\n    B = 'b'\n    A = A + 'c'\n    for x in []:\n        C = 1\nD = A\n",
            BlockId(0),
        );
        let value = |settings: &[std::sync::Arc<Setting>], name: &str| {
            settings.iter().rev().find(|s| s.name == name).map(|s| s.value.kind.clone())
        };
        assert_eq!(value(&file.settings, "B"), Some(ValueKind::Unknown));
        assert_eq!(value(&file.settings, "D"), Some(ValueKind::Unknown), "A after the guard is 'a' or 'ac'");
        let [guard] = file.guards.as_slice() else { panic!("{:?}", file.guards) };
        assert_eq!(value(&guard.settings, "B"), Some(ValueKind::Str("b".into())));
        assert_eq!(value(&guard.settings, "A"), Some(ValueKind::Str("ac".into())));
        assert_eq!(value(&guard.settings, "C"), Some(ValueKind::Unknown), "a loop in the guard is conditional");
        assert_eq!(guard.literals, ["SSO", "true"]);
        assert_eq!(file.imports.iter().filter(|i| i.module == "json").count(), 1, "recorded once");
        assert!(file.maybe_unbound.windows(2).all(|w| w[0] < w[1]), "{:?}", file.maybe_unbound);
    }

    /// A condition that never holds in a settings module makes no guard; nor does an `if` with
    /// `else` or a `del` in it, nor one past the first two.
    #[test]
    fn conditions_that_never_hold_make_no_guard() {
        for text in [
            "if False:\n    A = 1\n",
            "if 0:\n    A = 1\n",
            "if __name__ == '__main__':\n    A = 1\n",
            "if TYPE_CHECKING:\n    A = 1\n",
            "if X:\n    A = 1\nelse:\n    A = 2\n",
            "A = 1\nif X:\n    del A\n",
        ] {
            assert!(parse(text, BlockId(0)).guards.is_empty(), "{text}");
        }
        let many = parse("if X:\n    A = 1\nif Y:\n    B = 1\nif Z:\n    C = 1\n", BlockId(0));
        assert_eq!(many.guards.len(), MAX_GUARDS);
    }

    #[test]
    fn a_star_import_makes_the_values_bound_before_it_unknown() {
        // `from .local_settings import *` may rebind anything above it; what comes after is known.
        let got = settings(
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nfrom .local_settings import *\nREMOTE_AUTH_HEADER = 'HTTP_X_USER'\nfrom os import *\n",
        );
        let last = |name: &str| got.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.clone());
        assert_eq!(last("REMOTE_AUTH_BACKEND").as_deref(), Some("(not statically known)"));
        assert_eq!(last("REMOTE_AUTH_HEADER").as_deref(), Some("'HTTP_X_USER'"));
    }

    #[test]
    fn a_named_import_or_exec_rebinds_what_came_before() {
        // `from local_settings import X` gives X the module's value; `exec(open(…).read())` and
        // `globals().update(…)` may bind any name, also ones the file never shows.
        let file = parse(
            "A = 'a'\nB = 'b'\nfrom local_settings import A\nfrom os import environ\nC = 'c'\nexec(open('/run/secrets/s.py').read())\nD = 'd'\n",
            BlockId(0),
        );
        let last = |name: &str| file.settings.iter().rev().find(|s| s.name == name).map(|s| s.value.to_string());
        assert_eq!(last("A").as_deref(), Some("(not statically known)"));
        assert_eq!(last("B").as_deref(), Some("(not statically known)"), "exec may rebind B");
        assert_eq!(last("C").as_deref(), Some("(not statically known)"));
        assert_eq!(last("D").as_deref(), Some("'d'"));
        assert!(file.binds_unseen_names);
        let update = parse("E = 1\nglobals().update(load())\n", BlockId(0));
        assert!(update.binds_unseen_names);
        assert!(!parse("E = 1\nprint(globals())\n", BlockId(0)).binds_unseen_names);
    }

    #[test]
    fn a_value_changed_in_place_is_unknown_at_its_own_line() {
        // `REDIS['caching'] = …` and `REDIS.update(…)` change the dictionary the literal built.
        let text = "REDIS = {'tasks': {}}\nREDIS['caching'] = {}\nA = [1]\nif True:\n    A.append(2)\nB = {'k': 1}\nC = B.get('k')\n";
        let file = parse(text, BlockId(0));
        let last = |name: &str| file.settings.iter().rev().find(|s| s.name == name).unwrap().clone();
        let redis = last("REDIS");
        assert_eq!(redis.value.kind, ValueKind::Unknown);
        assert_eq!(&text[redis.name_range.clone()], "REDIS");
        assert_eq!(redis.name_range.start, 0, "placed at the assignment, not at the item write");
        assert_eq!(last("A").value.kind, ValueKind::Unknown);
        // A method called for its value, not its effect, leaves the name known.
        assert_eq!(last("B").value.to_string(), "{'k': 1}");
    }

    #[test]
    fn del_unbinds_and_conditional_bindings_may_not_happen() {
        let file = parse("A = 1\ndel A\nB = 2\nif X:\n    C = 3\n    B = 4\n", BlockId(0));
        assert_eq!(file.deletions, vec![(1, CompactString::from("A"))]);
        // C may stay unbound; B was bound before the `if`, so it is bound either way.
        let maybe: Vec<&str> = file.maybe_unbound.iter().map(|&i| file.settings[i].name.as_str()).collect();
        assert_eq!(maybe, ["C"]);
    }

    #[test]
    fn netbox_dockers_read_secret_is_its_environment_variable_behind_a_secret_file() {
        let got = settings(
            "from os import environ\nSECRET_KEY = _read_secret('secret_key', environ.get('SECRET_KEY', ''))\nX = _read_secret('x', 'literal')\n",
        );
        assert_eq!(got[0], ("SECRET_KEY".to_string(), "from environment SECRET_KEY, default ''".to_string()));
        assert_eq!(got[1], ("X".to_string(), "(not statically known)".to_string()));
        let file = parse("from os import environ\nS = _read_secret('s', environ.get('S'))\n", BlockId(0));
        assert!(matches!(file.settings[0].value.kind, ValueKind::Env { conversion: Conversion::Secret, .. }));
    }

    #[test]
    fn an_unclosed_bracket_is_reported_where_python_reports_it() {
        // Python 3.11.7: "'{' was never closed" at line 2, where ruff's parser stops at line 7.
        let text =
            "PLUGINS = ['netbox_x']\nPLUGINS_CONFIG = {\n    'netbox_x': {\n        'a': 1,\n    },\n\nDEBUG = False\n";
        let file = parse(text, BlockId(0));
        let first = &file.syntax_errors[0];
        assert_eq!((&text[first.range.clone()], first.message.as_str()), ("{", "'{' was never closed"));
        assert_eq!(text[..first.range.start].matches('\n').count(), 1, "on line 2");
        // The innermost bracket still open at the end: the inner `[` here.
        let inner = "X = {\n    'a': [1,\n\nY = 2\n";
        let first = &parse(inner, BlockId(0)).syntax_errors[0];
        assert_eq!((&inner[first.range.clone()], first.message.as_str()), ("[", "'[' was never closed"));
        // A closing bracket that does not match keeps the parser's report (Python reports the
        // mismatch: "closing parenthesis '}' does not match opening parenthesis '['").
        let mismatch = "X = {'a': [1}\nY = 2\n";
        let first = &parse(mismatch, BlockId(0)).syntax_errors[0];
        assert!(!first.message.contains("never closed"), "{}", first.message);
    }

    #[test]
    fn syntax_errors_keep_the_other_statements() {
        let text = "A = 1\nB = 'unterminated\nC = [1, 2]\n";
        let file = parse(text, BlockId(0));
        assert!(!file.syntax_errors.is_empty());
        let first = &file.syntax_errors[0];
        assert_eq!(&text[..first.range.start].matches('\n').count(), &1, "error on line 2: {first:?}");
        let names: Vec<_> = file.settings.iter().map(|s| s.name.as_str()).collect();
        assert!(names.contains(&"A") && names.contains(&"C"), "{names:?}");
        assert!(!names.contains(&"B"));
    }
}
