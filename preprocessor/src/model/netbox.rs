//! The NetBox side of the deployment: `configuration.py` and other Python files.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use compact_str::CompactString;

use rustc_hash::FxBuildHasher;

use crate::extract::Kind;
use crate::parse::env::{Conversion, mapped};
use crate::parse::netbox::{
    AnnotatedName, AttributeAccess, Guard, Import, PythonFile, Setting, UnguardedUse, Value, ValueKind,
};

/// What a NetBox file contributes to the deployment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The whole `configuration.py`: a parameter it does not set is unset (NetBox's default).
    Whole,
    /// A fragment of the configuration that NetBox runs with its settings (a netbox-docker
    /// add-on such as `extra.py`, a `configuration.py` marked `partial`): its settings count,
    /// and a parameter it does not set is unknown.
    Partial,
    /// A block marked `partial` (or a file `lint` takes for settings) whose name is none NetBox
    /// loads as configuration: settings as a fragment's, but when it runs is not known (it may
    /// be a pipeline module with constants).
    Fragment,
    /// `ldap_config.py` (and netbox-docker's `configuration/ldap/` files): settings as a
    /// fragment's, but NetBox loads it only when its LDAP backend is first instantiated, long
    /// after Django's settings were built (NetBox 4.6.8 netbox/authentication/__init__.py
    /// `LDAPBackend.__new__` calls settings_utils.py `load_ldap_config`, lines 186-200;
    /// netbox-docker 3.0.2 docker/ldap_config.docker.py reads /etc/netbox/config/ldap/ there).
    Ldap,
    /// netbox-docker's environment file: its variables, applied as netbox-docker applies them.
    Environment,
    /// Other Python (a custom pipeline module): its code, not its names, matters.
    Code,
}

/// The role of a block's file. netbox-docker (3.0.2, `docker/configuration.docker.py`) loads
/// `configuration.py` and then every other `*.py` file of its configuration directory, sorted by
/// name, and a name set by a later file wins: `extra.py`, `plugins.py`, `logging.py` and any
/// file under `configuration/` are settings; its LDAP add-on is `ldap_config.py`, with the other
/// files of `configuration/ldap/` (see [`Role::Ldap`]). `local_settings.py` is code: NetBox's
/// settings.py ends with `from .local_settings import *` (4.6.8 L1043-1048, "UNSUPPORTED"), so
/// its names are Django settings that take effect as written, not configuration parameters.
pub fn role(kind: Kind, file: &str, partial: bool) -> Role {
    let base = file.rsplit('/').next().unwrap_or(file);
    let in_docker_directory =
        (file.starts_with("configuration/") || file.contains("/configuration/")) && base.ends_with(".py");
    let in_docker_ldap_directory = file.starts_with("configuration/ldap/") || file.contains("/configuration/ldap/");
    match kind {
        Kind::Env | Kind::Compose => Role::Environment,
        // The values a file writes; the chart's defaults for the rest depend on its release.
        Kind::Chart => Role::Partial,
        _ if base == "local_settings.py" => Role::Code,
        _ if is_configuration_file(file) && !partial => Role::Whole,
        _ if base == "ldap_config.py" || (in_docker_ldap_directory && base.ends_with(".py")) => Role::Ldap,
        _ if in_docker_directory
            || is_configuration_file(file)
            || matches!(base, "extra.py" | "plugins.py" | "logging.py") =>
        {
            Role::Partial
        }
        _ if partial => Role::Fragment,
        _ => Role::Code,
    }
}

/// The NetBox side: `configuration.py` and any other Python file the book shows (for example a
/// custom pipeline module).
#[derive(Debug, Clone, Default)]
pub struct NetboxConfig {
    /// On a variant, the main deployment's settings: shared by every variant, never copied.
    base: Option<Arc<SettingTable>>,
    /// The settings this deployment's own blocks write (all of them on the main deployment).
    own: Arc<SettingTable>,
    /// Imports in every NetBox Python file.
    pub imports: Vec<Import>,
    /// Names used as a model class (see [`PythonFile::model_uses`]), by block.
    pub model_uses: Vec<(CompactString, crate::finding::BlockId)>,
    /// The imports at the top level of the files NetBox runs while Django builds its settings
    /// (`configuration.py` and netbox-docker's add-ons: [`Role::Whole`] and [`Role::Partial`]
    /// files, not `ldap_config.py`, other fragments or code; see [`Import::top_level`]).
    pub startup_imports: Vec<Import>,
    /// Attribute writes in every NetBox Python file.
    pub attribute_writes: Vec<AttributeAccess>,
    /// Reads of the attributes rules look at, in every NetBox Python file.
    pub attribute_reads: Vec<AttributeAccess>,
    /// `hasattr`/`getattr` probes of those attributes, in every NetBox Python file.
    pub attribute_probes: Vec<AttributeAccess>,
    /// `NAME: 'value'` in the settings files: names that look set and are not.
    pub annotated_only: Vec<AnnotatedName>,
    /// netbox-chart values' keys that no release of the chart reads, or only older ones.
    pub chart_unread: Vec<crate::parse::netbox::UnreadValue>,
    /// The filters written into `LDAPSearch(…)` calls of the LDAP configuration's files.
    pub ldap_search_filters: Vec<crate::parse::netbox::LdapSearchFilter>,
    /// netbox-chart values' Redis Sentinels that are no `host:port` text.
    pub chart_sentinels: Vec<crate::parse::netbox::ChartSentinel>,
    /// netbox-chart values that switch the chart's RQ worker off, by block and the value's range.
    pub chart_worker_off: Vec<(crate::finding::BlockId, std::ops::Range<usize>)>,
    /// netbox-chart values' `externalDatabase` keys the chart ignores while its bundled
    /// PostgreSQL is on, and whether any values file may switch it off.
    pub chart_external_database: Vec<crate::parse::netbox::ChartValue>,
    pub chart_postgresql_maybe_off: bool,
    /// netbox-chart values' superuser password and API token, where the chart's own Secret
    /// carries them to netbox-docker's entrypoint.
    pub chart_superuser: Vec<crate::parse::netbox::ChartSuperuserValue>,
    /// netbox-chart values' keys written as null whose chart default is a map the chart reads.
    pub chart_nulls: Vec<crate::parse::netbox::ChartValue>,
    /// netbox-chart values leaving one Redis connection on the chart's placeholder host, and the
    /// connections' keys each values file writes (by block).
    pub chart_connection_left_default: Vec<crate::parse::netbox::ChartConnectionLeftDefault>,
    pub chart_connections_written: Vec<(crate::finding::BlockId, &'static str)>,
    /// Where the settings netbox-chart renders from its own keys are written (see
    /// [`PythonFile::chart_rendered`]).
    chart_rendered: HashSet<(crate::finding::BlockId, usize), FxBuildHasher>,
    /// The settings netbox-chart renders into its `ldap.yaml`, by block and the name's start
    /// ([`PythonFile::chart_ldap`]): LDAP settings, as ldap_config.py's are.
    chart_ldap: HashSet<(crate::finding::BlockId, usize), FxBuildHasher>,
    /// The settings files' top-level guards (see [`Guard`]).
    pub guards: Vec<Guard>,
    /// Names used after a `try` swallowed the `KeyError` that would have bound them.
    pub unguarded_uses: Vec<UnguardedUse>,
    /// Top-level reads of names their file binds nowhere, in the files Python runs as modules
    /// of their own (see [`runs_as_own_module`]); [`NetboxConfig::undefined_names`] leaves out
    /// the names another block of the same file binds.
    free_reads: Vec<FreeName>,
    /// Each (file, name) some block of that file binds.
    bound_in_file: HashSet<(CompactString, CompactString), FxBuildHasher>,
    /// Each (file, name) some block of that file reads (a helper variable's uses).
    read_in_file: HashSet<(CompactString, CompactString), FxBuildHasher>,
    /// Whether a main Python file may set names no statement shows (see
    /// [`crate::parse::module_names::ModuleNames::opaque`]).
    some_file_opaque: bool,
    /// Whether a settings file shows the lines NixOS's NetBox module renders for the secret key
    /// (see [`crate::parse::netbox::PythonFile::nixos_module_secret_key`]).
    nixos_module_secret_key: bool,
    /// The environment variables some Python file shown looks up by name (see
    /// [`crate::parse::netbox::PythonFile::environment_lookups`]).
    environment_lookups: HashSet<CompactString, FxBuildHasher>,
    /// Whether each settings file (`configuration.py`, a netbox-docker add-on) is shown whole
    /// in every block of it: Python runs it as a module of its own and no block is an excerpt.
    whole_settings_files: HashMap<CompactString, bool, FxBuildHasher>,
    /// Of those, the fragments taken for settings because they bind upper-case names only (see
    /// [`NetboxConfig::in_settings_only_fragment`]).
    settings_only_fragments: HashSet<CompactString, FxBuildHasher>,
    /// The ports compose files publish for the `netbox` service beyond the machine itself.
    published: Vec<crate::parse::netbox::Published>,
    /// Traefik routes that serve NetBox under a path of its own.
    subpath_routes: Vec<crate::parse::netbox::SubpathRoute>,
    /// Every Traefik router whose rule a compose file sets (a later rule replaces a route).
    traefik_routers: Vec<String>,
    /// Whether a compose file mounts a file of its own over netbox-docker's LDAP loader: then
    /// no environment variable is known to reach django-auth-ldap.
    ldap_loader_replaced: bool,
    /// The file of each main block whose names are recorded.
    block_files: HashMap<crate::finding::BlockId, CompactString, FxBuildHasher>,
    /// Whether the whole `configuration.py` is here: a parameter nothing sets is unset. Without
    /// it (no NetBox file, only fragments, or a star import), absent parameters are unknown.
    complete: bool,
    /// The variables of a netbox-docker environment file, in order.
    environment: Arc<Vec<Arc<Setting>>>,
    /// The assignments a Python file writes that read a variable the environment then gave a
    /// value (`DEBUG = os.environ.get('DEBUG')`), as written: the effective setting is the
    /// variable's value, at its line ([`Self::as_written`]).
    resolved_from_environment: Arc<Vec<Arc<Setting>>>,
    /// Whether the deployment shows the environment netbox-docker's container gets (an
    /// environment file, or a compose file's), even an empty one: without it, whether a variable
    /// is set is unknown.
    environment_shown: bool,
    /// Whether any NetBox Python file is shown (settings or code), not only an environment.
    python_shown: bool,
    /// What the compose files show of the `netbox` service when it runs netbox-docker's
    /// published image (merged over the files).
    stock: Option<crate::parse::netbox::StockConfiguration>,
    /// What the compose files show of the project's services (merged over the files).
    services: Option<crate::parse::netbox::ProjectServices>,
    /// When the `netbox` service runs linuxserver's image: its compose `environment:` entries
    /// over the files, in order, and whether it also names `env_file:`s (see
    /// [`NetboxConfig::linuxserver_variable`]).
    linuxserver: crate::parse::netbox::LinuxserverEnvironment,
    /// The container ports of the `netbox` service's `ports:`, over the compose files.
    container_ports: Vec<(crate::finding::BlockId, u16, std::ops::Range<usize>)>,
    /// What the `netbox` service's health check asks of the container, as the last compose file
    /// that says so writes it (see [`crate::parse::netbox::ComposeFacts::healthcheck_probe`]):
    /// `Some(None)` where a file reset it, kept apart from `None` (no file said anything) so that
    /// the configurations of parts read in parallel combine in their order.
    healthcheck_probe: Option<Option<crate::parse::netbox::HealthProbe>>,
    /// The compose files' resource keys written with a variable (see
    /// [`crate::parse::netbox::ComposeFacts::key_variables`]).
    compose_key_variables: Vec<(crate::finding::BlockId, std::ops::Range<usize>, &'static str)>,
    /// Host ports services get through a merge key while another publishes them too (see
    /// [`crate::parse::netbox::ComposeFacts::inherited_ports`]).
    compose_inherited_ports: Vec<crate::parse::netbox::InheritedPort>,
    /// Services a compose file takes out of a port clash (see
    /// [`crate::parse::netbox::ComposeFacts::ports_settled`]), with the file's block.
    compose_ports_settled: Vec<(crate::finding::BlockId, String)>,
    /// A compose file gives the `netbox` service what may serve NetBox on another port (see
    /// [`crate::parse::netbox::ComposeFacts::port_overridden`]).
    port_overridden: bool,
    /// The networks every compose file declares, and whether some are not known (see
    /// [`crate::parse::netbox::ComposeFacts::networks_declared`]).
    networks_declared: Vec<String>,
    networks_unseen: bool,
    /// The blocks that are netbox-docker's own `configuration.py` or `ldap_config.py` (see
    /// [`NetboxConfig::netbox_docker_defaults`]).
    netbox_docker_own: Vec<crate::finding::BlockId>,
    /// The blocks of `ldap_config.py` ([`Role::Ldap`]): the only file whose `AUTH_LDAP_*` names
    /// NetBox hands to django-auth-ldap (see [`NetboxConfig::is_ldap_setting`]).
    ldap_blocks: Vec<crate::finding::BlockId>,
    /// Bindings that may not happen (made in conditional code, see
    /// [`PythonFile::maybe_unbound`]), by block and the start of the name's range.
    maybe_unbound: Arc<HashSet<(crate::finding::BlockId, usize), FxBuildHasher>>,
}

/// A read, at a module's top level, of a name its file binds nowhere.
#[derive(Debug, Clone)]
pub struct FreeName {
    /// The file (`extra.py`).
    pub file: CompactString,
    /// The name.
    pub name: CompactString,
    /// Its first read.
    pub range: std::ops::Range<usize>,
    /// The block.
    pub block: crate::finding::BlockId,
    /// The file's role.
    pub role: Role,
    /// The function whose body reads it, or `None` for a read at the file's top level.
    pub function: Option<CompactString>,
}

/// Whether Python runs the file as a module of its own, so that a name it reads must be bound
/// in it: the whole `configuration.py` (NetBox imports it, settings.py `load_configuration`),
/// netbox-docker's add-ons (each loaded by `importlib` on its own, docker/configuration.docker.py
/// `_import`), `ldap_config.py` and other code. Not an excerpt (a book block marked `partial`),
/// a block marked `partial` of `configuration.py` or a fragment: the rest of their file is not
/// shown.
pub fn runs_as_own_module(file: &str, role: Role, excerpt: bool) -> bool {
    if excerpt {
        return false;
    }
    match role {
        Role::Whole | Role::Ldap | Role::Code => true,
        Role::Partial => !is_configuration_file(file),
        Role::Fragment | Role::Environment => false,
    }
}

/// Whether a setting is known to be set, known to be unset, or unknown.
#[derive(Debug, Clone, Copy)]
pub enum Presence<'a> {
    /// Set (its value may still be unknown).
    Set(&'a Setting),
    /// The whole configuration is here and does not set it: NetBox uses its default.
    Unset,
    /// Not shown: it may be set where this checker cannot see (another file, the environment).
    Unknown,
}

/// Effective assignments by name, in the order the names were first assigned.
#[derive(Debug, Clone, Default)]
struct SettingTable {
    settings: Vec<Arc<Setting>>,
    // Names inline (no allocation per entry: a variant builds a table of its own).
    index: HashMap<CompactString, usize, FxBuildHasher>,
    /// Names a `del` unbound after their last assignment here: absent, also from the table
    /// this one is laid over.
    deleted: HashSet<CompactString, FxBuildHasher>,
}

/// What a table says of a name.
enum Lookup<'a> {
    Bound(&'a Arc<Setting>),
    Deleted,
    Absent,
}

impl SettingTable {
    fn lookup(&self, name: &str) -> Lookup<'_> {
        if self.deleted.contains(name) {
            return Lookup::Deleted;
        }
        match self.index.get(name).and_then(|&i| self.settings.get(i)) {
            Some(setting) => Lookup::Bound(setting),
            None => Lookup::Absent,
        }
    }

    /// The name's binding, unless a `del` undid it.
    fn get(&self, name: &str) -> Option<&Arc<Setting>> {
        match self.lookup(name) {
            Lookup::Bound(setting) => Some(setting),
            Lookup::Deleted | Lookup::Absent => None,
        }
    }

    /// The bindings no `del` undid, in the order the names were first assigned.
    fn live(&self) -> impl Iterator<Item = &Arc<Setting>> {
        self.settings.iter().filter(|s| self.deleted.is_empty() || !self.deleted.contains(s.name.as_str()))
    }

    fn delete(&mut self, name: &str) {
        self.deleted.insert(CompactString::from(name));
    }

    fn set(&mut self, setting: &Arc<Setting>) {
        if !self.deleted.is_empty() {
            self.deleted.remove(setting.name.as_str());
        }
        match self.index.get(setting.name.as_str()) {
            Some(&i) => self.settings[i] = Arc::clone(setting),
            None => {
                self.index.insert(setting.name.clone(), self.settings.len());
                self.settings.push(Arc::clone(setting));
            }
        }
    }
}

/// social-core's generic OpenID Connect backend (backend name `oidc`).
pub const OIDC_BACKEND: &str = "social_core.backends.open_id_connect.OpenIdConnectAuth";
/// The endpoint setting the OpenID Connect backend reads first, and social-core's fallback name.
pub const ENDPOINT: &str = "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT";
/// See [`ENDPOINT`].
pub const ENDPOINT_FALLBACK: &str = "SOCIAL_AUTH_OIDC_ENDPOINT";

impl NetboxConfig {
    /// The backends in `REMOTE_AUTH_BACKEND`, when statically known.
    pub fn backends(&self) -> Option<Vec<String>> {
        let value = &self.get("REMOTE_AUTH_BACKEND")?.value;
        match &value.kind {
            ValueKind::Str(s) => Some(vec![s.to_string()]),
            ValueKind::List(items) | ValueKind::Tuple(items) => {
                items.iter().map(|i| i.as_str().map(str::to_string)).collect()
            }
            _ => None,
        }
    }

    /// Whether the whole configuration is shown and signs users in only through NetBox's own
    /// backends (`netbox.authentication.…`: header authentication, LDAP; the default
    /// RemoteUserBackend when REMOTE_AUTH_BACKEND is absent, NetBox 4.6.8 settings.py L173), none
    /// of which sends the browser to an identity provider and back (python-social-auth's do). A
    /// partial file, a value from the environment or another backend: `false`.
    pub fn only_own_backends(&self) -> bool {
        if !self.is_complete() {
            return false;
        }
        match self.get("REMOTE_AUTH_BACKEND") {
            None => true,
            Some(_) => self.backends().is_some_and(|b| b.iter().all(|b| b.starts_with("netbox.authentication."))),
        }
    }

    /// `ALLOWED_HOSTS` and its entries, when it is a list (or tuple) of known strings.
    pub fn allowed_hosts(&self) -> Option<(&Setting, Vec<String>)> {
        let setting = self.get("ALLOWED_HOSTS")?;
        let hosts =
            setting.value.items()?.iter().map(|v| v.as_str().map(str::to_string)).collect::<Option<Vec<_>>>()?;
        Some((setting, hosts))
    }

    /// The OpenID Connect endpoint social-core uses (its backend name first, then the fallback).
    pub fn oidc_endpoint(&self) -> Option<&Setting> {
        self.get(ENDPOINT).or_else(|| self.get(ENDPOINT_FALLBACK))
    }

    /// The names of the environment files' variables.
    pub fn environment_names(&self) -> impl Iterator<Item = &str> {
        self.environment.iter().map(|var| var.name.as_str())
    }

    /// Whether a setting's value comes from a netbox-docker environment file's variable (as
    /// netbox-docker maps it), not from a Python file.
    pub fn is_from_environment(&self, setting: &Setting) -> bool {
        self.environment.iter().any(|var| var.block == setting.block && var.statement == setting.statement)
    }

    /// A parameter's assignment as a Python file writes it: where the environment gave the
    /// variable it reads a value ([`Self::get`] then has that value, at the variable's line),
    /// the file's own line (`os.environ.get('DEBUG', 'true')`); else the effective one.
    pub fn as_written(&self, name: &str) -> Option<&Setting> {
        let effective = self.get(name)?;
        if !self.is_from_environment(effective) {
            return Some(effective);
        }
        Some(self.resolved_from_environment.iter().rev().find(|s| s.name == name).map_or(effective, |s| &**s))
    }

    /// The effective assignment of a parameter (the last one).
    pub fn get(&self, name: &str) -> Option<&Setting> {
        match self.own.lookup(name) {
            Lookup::Bound(setting) => Some(&**setting),
            Lookup::Deleted => None,
            Lookup::Absent => self.base.as_ref().and_then(|base| base.get(name)).map(|s| &**s),
        }
    }

    /// The effective assignment of a parameter when it is certainly made: `None` also when it
    /// comes from conditional or looping code (`if …: DATABASES = …`), which may not run.
    pub fn surely_set(&self, name: &str) -> Option<&Setting> {
        self.get(name).filter(|s| !self.maybe_unbound.contains(&(s.block, s.name_range.start)))
    }

    /// Whether a parameter is set, unset, or unknown: an absent parameter is unset only when the
    /// whole `configuration.py` is here.
    pub fn presence(&self, name: &str) -> Presence<'_> {
        match self.get(name) {
            Some(setting) => Presence::Set(setting),
            None if self.complete => Presence::Unset,
            None => Presence::Unknown,
        }
    }

    /// The last value a netbox-docker environment file gives a variable, as text (also a variable
    /// netbox-docker reads only behind a secret file, such as `SECRET_KEY`).
    pub fn environment_variable(&self, name: &str) -> Option<&Setting> {
        self.environment.iter().rev().find(|var| var.name == name).map(|var| &**var)
    }

    /// Each environment variable's last value, the one the container gets, by name: one pass,
    /// for rules that look at every variable (looking each up with [`Self::environment_variable`]
    /// would make them quadratic in the file).
    pub fn environment_last(&self) -> HashMap<&str, &Setting> {
        self.environment.iter().map(|var| (var.name.as_str(), &**var)).collect()
    }

    /// The settings that are netbox-docker's defaults, not the administrator's choice: read
    /// from the environment by netbox-docker's own `configuration.py` (with the default it
    /// ships), where the deployment's environment file or compose `environment:` does not set
    /// the variable (once one does, the setting is that variable's, placed at its line). Rules do
    /// not warn about them: there is nothing for the administrator to change (errors stay:
    /// they say that something does not work, whoever wrote the line). Without an environment
    /// (the file linted on its own) there are none: whether the administrator set a variable is
    /// unknown, so a line is not taken for netbox-docker's default, and a finding that holds
    /// whatever the value is (a parameter NetBox no longer reads) stands.
    pub fn netbox_docker_defaults(&self) -> impl Iterator<Item = &Setting> {
        self.settings().filter(|s| {
            self.environment_shown
                && matches!(s.value.kind, ValueKind::Env { .. })
                && self.netbox_docker_own.contains(&s.block)
        })
    }

    /// A boolean setting's value as NetBox gets it, and whether it is netbox-docker's default: its
    /// own lines (`environ.get('LOGIN_REQUIRED', 'False').lower() == 'true'`) take the default
    /// where the environment shown leaves the variable unset; `None` where it is not known.
    pub fn boolean(&self, setting: &Setting) -> Option<(bool, bool)> {
        match &setting.value.kind {
            ValueKind::Env { var, default, conversion: crate::parse::netbox::Conversion::Bool }
                if self.environment_shown && self.environment_variable(var).is_none() =>
            {
                Some((default.as_ref()?.as_str()?.eq_ignore_ascii_case("true"), true))
            }
            _ => Some((setting.value.truthy()?, false)),
        }
    }

    /// Whether netbox-docker's own `configuration.py` is shown (a checkout linted with
    /// `--netbox-docker`): its configuration directory is then what the deployment shows.
    pub fn shows_netbox_docker_configuration(&self) -> bool {
        !self.netbox_docker_own.is_empty()
    }

    /// Whether NetBox runs netbox-docker's own configuration as its image ships it: the whole
    /// Compose project is read (`lint`), a compose file runs netbox-docker's published image,
    /// none mounts a configuration of its own (or a directory above it)
    /// (netbox-docker's docker-compose.yml mounts `./configuration:/etc/netbox/config`, 3.0.2),
    /// and no Python file is shown. Every parameter is then what that configuration.py makes of
    /// the environment, or its default.
    pub fn runs_stock_netbox_docker_configuration(&self) -> bool {
        self.stock.is_some_and(|stock| stock.project_complete && stock.published_image == Some(true) && !stock.mounted)
            && !self.python_shown
    }

    /// Whether the configuration NetBox runs is all shown: netbox-docker's image runs its own as
    /// shipped ([`Self::runs_stock_netbox_docker_configuration`]), or the whole Compose project
    /// and its checkout's configuration directory were read (`lint --netbox-docker`) and nothing
    /// else is mounted where NetBox reads its configuration.
    pub fn configuration_known(&self) -> bool {
        self.runs_stock_netbox_docker_configuration()
            || self.stock.is_some_and(|stock| {
                stock.project_complete && stock.configuration_read_whole && !stock.configuration_from_elsewhere
            })
    }

    /// Whether NetBox's configuration is the one linuxserver's image writes from its
    /// environment variables ([`crate::parse::env::LINUXSERVER`]): the whole project is read, its
    /// `netbox` service runs that image, no file is mounted over `/config/configuration.py`, and
    /// no Python file is shown (a `configuration.py` shown is what runs: the image writes none
    /// where one exists).
    pub fn renders_linuxserver_configuration(&self) -> bool {
        self.stock
            .is_some_and(|stock| stock.project_complete && stock.linuxserver_image && !stock.configuration_file_mounted)
            && !self.python_shown
    }

    /// Whether a NetBox Python file (a configuration, an add-on, a module) or chart values are
    /// shown, not only environment files and compose files.
    pub fn shows_python(&self) -> bool {
        self.python_shown
    }

    /// A variable linuxserver's image writes into the configuration it renders, as the compose
    /// files' `environment:` set it last (`None`: not set there; see
    /// [`NetboxConfig::renders_linuxserver_configuration`]).
    pub fn linuxserver_variable(&self, name: &str) -> Option<&Setting> {
        self.linuxserver.variables.iter().rev().find(|var| var.name == name).map(|var| &**var)
    }

    /// Whether a variable of linuxserver's image is given through a file (`FILE__NAME`, which the
    /// image's init reads into `NAME`; its README, 'Setting variables from files'): its value is
    /// not known here.
    pub fn linuxserver_variable_from_file(&self, name: &str) -> bool {
        self.linuxserver_variable(&format!("FILE__{name}")).is_some()
    }

    /// Whether linuxserver's image gets its whole environment from the compose files'
    /// `environment:` as read here (no `env_file:`, merge key or `extends:`, which may set what
    /// they leave out).
    pub fn linuxserver_environment_complete(&self) -> bool {
        !self.linuxserver.incomplete
    }

    /// Host ports services get through a YAML merge key while another service publishes them
    /// too (see [`crate::parse::netbox::InheritedPort`]).
    /// Not where another compose file of the project takes the holder out of the clash; an
    /// inheritor another file takes out is left out of its entry.
    pub fn compose_inherited_ports(&self) -> Vec<crate::parse::netbox::InheritedPort> {
        let mut settled: HashMap<&str, Vec<crate::finding::BlockId>, FxBuildHasher> = HashMap::default();
        for (block, name) in &self.compose_ports_settled {
            settled.entry(name.as_str()).or_default().push(*block);
        }
        let settled_elsewhere = |block: crate::finding::BlockId, service: &str| {
            settled
                .get(service.to_ascii_lowercase().as_str())
                .is_some_and(|blocks| blocks.iter().any(|other| *other != block))
        };
        self.compose_inherited_ports
            .iter()
            .filter(|port| !settled_elsewhere(port.block, &port.holder))
            .filter_map(|port| {
                let mut port = port.clone();
                port.inheritors.retain(|service| !settled_elsewhere(port.block, service));
                (!port.inheritors.is_empty()).then_some(port)
            })
            .collect()
    }

    /// The keys of the compose files' `networks:`, `volumes:`, `secrets:` and `configs:` written
    /// with a variable, with their section.
    pub fn compose_key_variables(
        &self,
    ) -> impl Iterator<Item = &(crate::finding::BlockId, std::ops::Range<usize>, &'static str)> {
        self.compose_key_variables.iter()
    }

    /// The container ports the compose files map for the `netbox` service (`8000:8080` maps
    /// 8080), each with where its entry is, when the whole project is read.
    pub fn container_ports(&self) -> impl Iterator<Item = &(crate::finding::BlockId, u16, std::ops::Range<usize>)> {
        self.container_ports.iter().filter(|_| self.stock.is_some_and(|stock| stock.project_complete))
    }

    /// What the `netbox` service's health check asks of the container itself, when the whole
    /// project is read.
    pub fn healthcheck_probe(&self) -> Option<&crate::parse::netbox::HealthProbe> {
        self.healthcheck_probe.as_ref()?.as_ref().filter(|_| self.stock.is_some_and(|stock| stock.project_complete))
    }

    /// The port the `netbox` service's image serves NetBox on in its container, and what says so,
    /// where the image does (linuxserver's whatever its release,
    /// [`crate::parse::env::LINUXSERVER_PORT`]; netbox-docker's NGINX Unit on 8080 in the releases
    /// [`crate::parse::compose::image_served_by_nginx_unit`] names, unless `UNIT_CONFIG` points
    /// its launch script at another configuration) and no compose file gives the service what may
    /// serve it elsewhere.
    pub fn image_port(&self) -> Option<ImagePort> {
        let stock = self.stock.filter(|_| !self.port_overridden)?;
        if stock.linuxserver_image {
            return Some(ImagePort {
                port: crate::parse::env::LINUXSERVER_PORT,
                also: None,
                server: "linuxserver's image",
            });
        }
        // launch-netbox.sh: `UNIT_CONFIG="${UNIT_CONFIG-/etc/unit/nginx-unit.json}"` (1.0.0-3.0.2);
        // an environment with keys not read (a merge key, `extends:`) may set it.
        let unit_config_default = !stock.environment_unseen && self.environment_variable("UNIT_CONFIG").is_none();
        (stock.nginx_unit_image && unit_config_default).then_some(ImagePort {
            port: NGINX_UNIT_PORT,
            also: Some(NGINX_UNIT_STATUS_PORT),
            server: "netbox-docker's image of this release (NGINX Unit)",
        })
    }

    /// What the compose files show of the `netbox` service and the configuration it runs with
    /// (merged over the files).
    pub fn stock_configuration(&self) -> Option<crate::parse::netbox::StockConfiguration> {
        self.stock
    }

    /// What the compose files show of the project's services, when one runs a `netbox` service
    /// and the whole project is read (`lint`): a service none of its files shows is not there.
    pub fn whole_project_services(&self) -> Option<&crate::parse::netbox::ProjectServices> {
        self.services.as_ref().filter(|_| self.stock.is_some_and(|stock| stock.project_complete))
    }

    /// The same where every file was read but an excerpt left other services out
    /// ([`crate::parse::netbox::StockConfiguration::services_omitted`]): the `netbox` service
    /// itself is shown as written.
    pub fn services_read(&self) -> Option<&crate::parse::netbox::ProjectServices> {
        self.services
            .as_ref()
            .filter(|_| self.stock.is_some_and(|stock| stock.project_complete || stock.services_omitted))
    }

    /// Whether Django 4.0's CSRF check trusts a browser's origin through `CSRF_TRUSTED_ORIGINS`:
    /// an entry equal to it (compared as written: `https://NetBox.example.com` is not
    /// `https://netbox.example.com`), or a wildcard entry of its scheme whose domain covers its
    /// host (`https://*.example.com`; Django's `is_same_domain`). `None` when the entries are not
    /// known (read from the environment, computed); `Some(false)` when the setting is not set.
    pub fn csrf_trusts(&self, origin: &str) -> Option<bool> {
        let Some(setting) = self.get("CSRF_TRUSTED_ORIGINS") else { return Some(false) };
        let entries = setting.value.items()?.iter().map(|item| item.as_str()).collect::<Option<Vec<_>>>()?;
        let (scheme, host) = origin.split_once("://")?;
        Some(entries.iter().any(|entry| {
            *entry == origin
                || entry.split_once("://").is_some_and(|(entry_scheme, pattern)| {
                    pattern.strip_prefix('*').is_some_and(|domain| {
                        entry_scheme == scheme
                            && domain.starts_with('.')
                            && (host.ends_with(domain) || host == &domain[1..])
                    })
                })
        }))
    }

    /// Whether a block is a compose file's (its variables are an inline `environment:`).
    pub fn is_compose_block(&self, block: crate::finding::BlockId) -> bool {
        self.services.as_ref().is_some_and(|services| services.files.contains(&block))
    }

    /// Whether a compose file runs the `netbox` service in the host's network namespace
    /// (`network_mode: host`).
    pub fn runs_in_the_hosts_network(&self) -> bool {
        self.stock.is_some_and(|stock| stock.host_network)
    }

    /// When NetBox runs netbox-docker's configuration as shipped (see
    /// [`NetboxConfig::runs_stock_netbox_docker_configuration`]) and the service's environment
    /// is all shown: what the compose files say of the service.
    pub fn stock_configuration_with_environment(&self) -> Option<crate::parse::netbox::StockConfiguration> {
        self.stock.filter(|_| self.environment_shown && self.runs_stock_netbox_docker_configuration())
    }

    /// The variables of netbox-docker's environment files, in the order Compose reads them
    /// (a later one wins).
    pub fn environment(&self) -> impl Iterator<Item = &Setting> {
        self.environment.iter().map(|s| &**s)
    }

    /// Whether django-auth-ldap gets this setting: one of `ldap_config.py`, from which NetBox's
    /// LDAPBackend copies every `AUTH_LDAP_*` name into django-auth-ldap's settings (NetBox 4.6.8
    /// netbox/authentication/__init__.py lines 348-367; configuration.py's are never copied into
    /// Django's settings, facts §1.1); or an environment file's variable that a Python file reads
    /// (no `AUTH_LDAP_*` variable becomes a setting otherwise) when `ldap_config.py` is shown, as
    /// netbox-docker's reads them (3.0.2 configuration/ldap/ldap_config.py), unless a compose
    /// file mounts a file of its own over that loader (what reads the variables is not shown).
    pub fn is_ldap_setting(&self, setting: &Setting) -> bool {
        self.ldap_blocks.contains(&setting.block)
            || self.chart_ldap.contains(&(setting.block, setting.name_range.start))
            || (!self.ldap_blocks.is_empty() && !self.ldap_loader_replaced && self.is_from_environment(setting))
    }

    /// Whether netbox-docker's `AUTH_LDAP_*` variables reach django-auth-ldap though no
    /// `ldap_config.py` is shown: netbox-docker's own loader reads them where no compose file mounts
    /// a file over it and the image is not known to lack it (by its tag: an image built here, a
    /// digest or an unread tag may have it).
    pub fn ldap_variables_read_unshown(&self) -> bool {
        self.ldap_blocks.is_empty()
            && !self.ldap_loader_replaced
            && self.stock.is_none_or(|stock| stock.ldap_loader != Some(false))
    }

    /// Whether an `ldap_config.py` is shown (its settings are the LDAP configuration).
    pub fn shows_ldap_configuration(&self) -> bool {
        !self.ldap_blocks.is_empty()
    }

    /// Whether netbox-docker's own LDAP file reads the `AUTH_LDAP_*` variables of its
    /// environment: no compose file mounts a file over its loader, and no `ldap_config.py` of
    /// another hand is shown (netbox-docker 3.0.2 configuration/ldap/ldap_config.py).
    pub fn netbox_docker_reads_ldap_variables(&self) -> bool {
        !self.ldap_loader_replaced && self.ldap_blocks.iter().all(|block| self.netbox_docker_own.contains(block))
    }

    /// Whether NixOS's NetBox module wrote the configuration: it renders the secret key its own
    /// way, or a value names a path in the Nix store (its `GIT_PATH`, a package's file). nixpkgs
    /// builds NetBox with patches of its own (`STATIC_ROOT` read from configuration.py).
    pub fn rendered_by_nixos(&self) -> bool {
        fn names_nix_store(value: &Value) -> bool {
            match &value.kind {
                ValueKind::Str(text) => text.starts_with("/nix/store/"),
                ValueKind::List(items) | ValueKind::Tuple(items) | ValueKind::Set(items) => {
                    items.iter().any(names_nix_store)
                }
                ValueKind::Dict(entries) => {
                    entries.iter().any(|(key, value)| names_nix_store(key) || names_nix_store(value))
                }
                _ => false,
            }
        }
        self.nixos_module_secret_key || self.settings().any(|setting| names_nix_store(&setting.value))
    }

    /// Whether a setting is written in one of netbox-docker's own files: its `configuration.py`
    /// or its `configuration/ldap/ldap_config.py`, both of which define the helper `_read_secret`
    /// at the top level (netbox-docker 3.0.2; see [`PythonFile::netbox_docker_own`]).
    pub fn is_netbox_docker_own(&self, setting: &Setting) -> bool {
        self.netbox_docker_own.contains(&setting.block)
    }

    /// Whether netbox-chart renders this setting from a key of its values: the chart writes it
    /// whatever the file says, so "remove the line" brings back the chart's default, not
    /// NetBox's (`loginRequired` removed is `LOGIN_REQUIRED: false`).
    pub fn is_chart_rendered(&self, setting: &Setting) -> bool {
        self.chart_rendered.contains(&(setting.block, setting.name_range.start))
    }

    /// Whether a netbox-docker environment (an environment file, a compose `environment:`) is
    /// shown: a variable it does not set takes netbox-docker's default (see
    /// [`NetboxConfig::netbox_docker_defaults`]).
    pub fn shows_environment(&self) -> bool {
        self.environment_shown
    }

    /// The ports compose files publish for the `netbox` service beyond the machine itself.
    pub fn published_ports(&self) -> &[crate::parse::netbox::Published] {
        &self.published
    }

    /// The compose files' Traefik routes that serve NetBox under a path of its own.
    pub fn subpath_routes(&self) -> &[crate::parse::netbox::SubpathRoute] {
        &self.subpath_routes
    }

    /// `BASE_PATH` as NetBox normalizes it, and why it is empty when it is, when it is known:
    /// set to text, left out of a whole configuration, or netbox-docker's configuration as
    /// shipped, which has none since netbox-docker 2.6.0 (155e90c) and read the variable,
    /// default empty, before (unknown when the environment sets it).
    pub fn known_base_path(&self) -> Option<(String, &'static str)> {
        match self.presence("BASE_PATH") {
            Presence::Set(setting) => match &setting.value.kind {
                ValueKind::Str(value) => Some((normalize_base_path(value), "empty")),
                _ => None,
            },
            Presence::Unset => Some((String::new(), "empty (not set)")),
            Presence::Unknown
                if self.runs_stock_netbox_docker_configuration()
                    && self.environment_variable("BASE_PATH").is_none() =>
            {
                Some((
                    String::new(),
                    "empty (netbox-docker's own configuration, which no file here replaces, sets none)",
                ))
            }
            Presence::Unknown => None,
        }
    }

    /// Whether the whole `configuration.py` is here (see [`NetboxConfig::presence`]).
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// Every effective assignment, in the order the names were first assigned.
    pub fn settings(&self) -> impl Iterator<Item = &Setting> {
        self.effective().map(|s| &**s)
    }

    fn effective(&self) -> impl Iterator<Item = &Arc<Setting>> {
        let inherited = self.base.iter().flat_map(|b| b.live()).filter_map(|s| match self.own.lookup(&s.name) {
            Lookup::Bound(own) => Some(own),
            Lookup::Deleted => None,
            Lookup::Absent => Some(s),
        });
        let added = self.own.live().filter(|s| self.base.as_ref().is_none_or(|b| b.get(&s.name).is_none()));
        inherited.chain(added)
    }

    /// The assignments this deployment's own blocks write: all of them on the main deployment,
    /// only the variant block's on a variant. Rules about one setting on its own check these, so
    /// a variant does not check again the main settings it shares.
    pub fn own_settings(&self) -> impl Iterator<Item = &Setting> {
        self.own.live().map(|s| &**s)
    }

    /// A variant's starting point: this configuration's settings, shared (one reference count,
    /// not a copy per variant), without the imports and attribute writes (see
    /// `Deployment::base_for_variant`).
    pub(super) fn base_for_variant(&self) -> NetboxConfig {
        let base = match &self.base {
            None => Arc::clone(&self.own),
            Some(_) => {
                let mut table = SettingTable::default();
                self.effective().for_each(|s| table.set(s));
                Arc::new(table)
            }
        };
        NetboxConfig {
            base: Some(base),
            complete: self.complete,
            environment: Arc::clone(&self.environment),
            resolved_from_environment: Arc::clone(&self.resolved_from_environment),
            environment_shown: self.environment_shown,
            python_shown: self.python_shown,
            stock: self.stock,
            services: self.services.clone(),
            linuxserver: self.linuxserver.clone(),
            container_ports: self.container_ports.clone(),
            healthcheck_probe: self.healthcheck_probe.clone(),
            compose_key_variables: self.compose_key_variables.clone(),
            compose_inherited_ports: self.compose_inherited_ports.clone(),
            compose_ports_settled: self.compose_ports_settled.clone(),
            port_overridden: self.port_overridden,
            networks_declared: self.networks_declared.clone(),
            networks_unseen: self.networks_unseen,
            netbox_docker_own: self.netbox_docker_own.clone(),
            ldap_blocks: self.ldap_blocks.clone(),
            maybe_unbound: Arc::clone(&self.maybe_unbound),
            some_file_opaque: self.some_file_opaque,
            nixos_module_secret_key: self.nixos_module_secret_key,
            environment_lookups: self.environment_lookups.clone(),
            published: self.published.clone(),
            subpath_routes: self.subpath_routes.clone(),
            traefik_routers: self.traefik_routers.clone(),
            ldap_loader_replaced: self.ldap_loader_replaced,
            ..NetboxConfig::default()
        }
    }

    /// Lay a file over this configuration: its assignments win, its code facts are added. It
    /// takes the file: a contribution merges each main file as soon as it is parsed, so only the
    /// assignments that win outlive it.
    pub(super) fn absorb(&mut self, file: PythonFile, role: Role) {
        self.python_shown |= role != Role::Environment;
        self.environment_lookups.extend(file.environment_lookups.iter().cloned());
        // django-auth-ldap reads only the LDAP configuration's searches.
        if role == Role::Ldap {
            self.ldap_search_filters.extend(file.ldap_search_filters.iter().cloned());
        }
        if let Some(stock) = file.stock_configuration {
            self.stock = Some(self.stock.map_or(stock, |seen| seen.merge(stock)));
        }
        if let Some(services) = &file.compose.services {
            merge_services(&mut self.services, services);
        }
        if let Some(linuxserver) = &file.compose.linuxserver {
            self.linuxserver.variables.extend(linuxserver.variables.iter().cloned());
            self.linuxserver.incomplete |= linuxserver.incomplete;
        }
        self.container_ports.extend(file.compose.ports.iter().cloned());
        if file.compose.healthcheck_probe.is_some() {
            self.healthcheck_probe = file.compose.healthcheck_probe.clone();
        }
        self.compose_key_variables.extend(file.compose.key_variables.iter().cloned());
        self.compose_inherited_ports.extend(file.compose.inherited_ports.iter().cloned());
        self.compose_ports_settled.extend(file.compose.ports_settled.iter().cloned());
        self.port_overridden |= file.compose.port_overridden;
        self.networks_declared.extend(file.compose.networks_declared.iter().cloned());
        self.networks_unseen |= file.compose.networks_unseen;
        self.chart_unread.extend(file.chart_unread.iter().cloned());
        self.chart_sentinels.extend(file.chart_sentinels.iter().cloned());
        self.chart_worker_off.extend(file.chart_worker_off.iter().cloned());
        self.chart_external_database.extend(file.chart_external_database.iter().cloned());
        self.chart_superuser.extend(file.chart_superuser.iter().cloned());
        self.chart_nulls.extend(file.chart_nulls.iter().cloned());
        self.chart_postgresql_maybe_off |= file.chart_postgresql_maybe_off;
        self.chart_connection_left_default.extend(file.chart_connection_left_default.as_deref().cloned());
        self.chart_connections_written.extend(file.chart_connections_written.iter().copied());
        if let Some(first) = file.settings.first() {
            self.chart_rendered.extend(file.chart_rendered.iter().map(|&at| (first.block, at)));
            self.chart_ldap.extend(file.chart_ldap.iter().map(|&at| (first.block, at)));
        }
        match role {
            Role::Whole | Role::Partial | Role::Fragment | Role::Ldap => {
                if role == Role::Ldap
                    && let Some(first) = file.settings.first()
                {
                    self.ldap_blocks.push(first.block);
                }
                if matches!(role, Role::Whole | Role::Partial) {
                    self.startup_imports.extend(file.imports.iter().filter(|i| i.top_level).cloned());
                }
                self.nixos_module_secret_key |=
                    matches!(role, Role::Whole | Role::Partial) && file.nixos_module_secret_key;
                if file.netbox_docker_own
                    && let Some(first) = file.settings.first()
                {
                    self.netbox_docker_own.push(first.block);
                }
                if !file.maybe_unbound.is_empty() {
                    let maybe = Arc::make_mut(&mut self.maybe_unbound);
                    for setting in file.maybe_unbound.iter().filter_map(|&i| file.settings.get(i)) {
                        maybe.insert((setting.block, setting.name_range.start));
                    }
                }
                // Unique while a contribution or a fresh variant is built: no copy.
                let own = Arc::make_mut(&mut self.own);
                // Assignments and `del`s in the order the file makes them.
                let mut deletions = file.deletions.iter().peekable();
                for (i, setting) in file.settings.iter().enumerate() {
                    while let Some((_, name)) = deletions.next_if(|(at, _)| *at <= i) {
                        own.delete(name);
                    }
                    own.set(setting);
                }
                deletions.for_each(|(_, name)| own.delete(name));
                self.annotated_only.extend(file.annotated_only.iter().cloned());
                self.guards.extend(file.guards.iter().cloned());
                // `from … import *`, `exec(…)` or `globals().update(…)` bring in names this
                // checker cannot see.
                if role == Role::Whole && !file.binds_unseen_names {
                    self.complete = true;
                }
            }
            Role::Environment => {
                self.environment_shown = true;
                self.published.extend(file.published.iter().cloned());
                // A later compose file's rule for a router replaces the earlier one's.
                let replaced: HashSet<&str> = file.compose.traefik.routers.iter().map(String::as_str).collect();
                self.subpath_routes.retain(|route| !replaced.contains(route.router.as_str()));
                self.subpath_routes.extend(file.compose.traefik.routes.iter().cloned());
                self.traefik_routers.extend(file.compose.traefik.routers.iter().cloned());
                self.ldap_loader_replaced |= file.ldap_loader_replaced;
                Arc::make_mut(&mut self.environment).extend(file.settings.iter().cloned());
            }
            Role::Code => {}
        }
        self.imports.extend(file.imports);
        self.model_uses.extend(file.model_uses);
        self.attribute_writes.extend(file.attribute_writes);
        self.attribute_reads.extend(file.attribute_reads);
        self.attribute_probes.extend(file.attribute_probes);
        self.unguarded_uses.extend(file.unguarded_uses);
    }

    /// Record what a main block's file binds, and the free names it reads when it runs as a
    /// module of its own.
    pub(super) fn note_module_names(
        &mut self,
        file: &str,
        block: crate::finding::BlockId,
        role: Role,
        excerpt: bool,
        names: crate::parse::module_names::ModuleNames,
    ) {
        let file = CompactString::from(file);
        // A fragment that binds upper-case names only (no function, class or import) is no
        // pipeline module with constants but settings (a chart's extraConfig file written as
        // Python, an add-on of one's own; corpus case t237's `LOGLEVEL`).
        let settings_only = role == Role::Fragment
            && !excerpt
            && !names.opaque
            && !names.bound.is_empty()
            && names.bound.iter().all(|name| !name.bytes().any(|b| b.is_ascii_lowercase()));
        let whole = settings_only
            || (runs_as_own_module(&file, role, excerpt) && matches!(role, Role::Whole | Role::Partial | Role::Ldap));
        *self.whole_settings_files.entry(file.clone()).or_insert(true) &= whole;
        if settings_only {
            self.settings_only_fragments.insert(file.clone());
        }
        // A function's body is judged in any file shown whole, whatever it is loaded as: the
        // names it reads are looked up in its own file's globals when it runs.
        let judged = |read: &&crate::parse::module_names::FreeRead| {
            if read.function.is_some() {
                !excerpt && role != Role::Environment
            } else {
                runs_as_own_module(&file, role, excerpt)
            }
        };
        {
            self.free_reads.extend(names.free_reads.iter().filter(judged).map(|read| FreeName {
                file: file.clone(),
                name: read.name.clone(),
                range: read.range.clone(),
                block,
                role,
                function: read.function.clone(),
            }));
        }
        self.note_names(file, block, names);
    }

    /// Record what a block's file binds and reads, without judging its free reads: a variant
    /// block is laid over the main file, whose other lines it does not show.
    pub(super) fn note_names(
        &mut self,
        file: CompactString,
        block: crate::finding::BlockId,
        names: crate::parse::module_names::ModuleNames,
    ) {
        self.some_file_opaque |= names.opaque;
        self.bound_in_file.extend(names.bound.into_iter().map(|name| (file.clone(), name)));
        self.read_in_file.extend(names.read.into_iter().map(|name| (file.clone(), name)));
        self.block_files.insert(block, file);
    }

    /// Whether the file a setting is written in reads its name somewhere (a helper variable,
    /// used to build another value).
    pub fn is_read_in_its_file(&self, setting: &Setting) -> bool {
        self.block_files
            .get(&setting.block)
            .is_some_and(|file| self.read_in_file.contains(&(file.clone(), setting.name.clone())))
    }

    /// Whether an `ldap_config.py` of the deployment reads a name at its top level: netbox-docker's
    /// reads `AUTH_LDAP_USER_SEARCH_BASEDN` from the environment and builds `AUTH_LDAP_USER_SEARCH`
    /// from it (3.0.2 configuration/ldap/ldap_config.py L62-82), so the environment's variable of
    /// that name has an effect though django-auth-ldap reads no such setting.
    pub fn is_read_in_ldap_file(&self, name: &str) -> bool {
        let name = CompactString::from(name);
        self.ldap_blocks
            .iter()
            .filter_map(|block| self.block_files.get(block))
            .any(|file| self.read_in_file.contains(&(file.clone(), name.clone())))
    }

    /// Whether nothing reads a setting's name: its file is a settings file (or `ldap_config.py`) shown whole (see
    /// `whole_settings_files`), no statement of it reads the name, and no file may read or
    /// set names unseen (a star import, `globals()`). NetBox reads only its parameters from
    /// configuration.py (facts §1.1), so such a name is read by nobody.
    pub fn is_unread(&self, setting: &Setting) -> bool {
        !self.some_file_opaque
            && !self.is_read_in_its_file(setting)
            && self
                .block_files
                .get(&setting.block)
                .is_some_and(|file| self.whole_settings_files.get(file) == Some(&true))
    }

    /// Whether a setting is written in a fragment `lint` took for settings because it binds
    /// upper-case names only (no function, class or import): read as NetBox's configuration, but
    /// a backend of one's own may read its other names from there.
    pub fn in_settings_only_fragment(&self, setting: &Setting) -> bool {
        self.block_files.get(&setting.block).is_some_and(|file| self.settings_only_fragments.contains(file))
    }

    /// Whether a compose file puts the variable into a service's command, entrypoint, health
    /// check or environment by interpolation (`${REDIS_PASS}`).
    pub fn interpolates_variable(&self, name: &str) -> bool {
        self.services.as_ref().is_some_and(|services| {
            services.shown.iter().any(|s| s.interpolated.iter().any(|v| v.reference.name == name))
        })
    }

    /// Whether some Python file shown looks up the environment variable by its name
    /// (`environ.get('NAME')`), wherever in the file.
    pub fn looks_up_variable(&self, name: &str) -> bool {
        self.environment_lookups.contains(name)
    }

    /// Whether some Python file of the deployment may set names no statement of it shows (a
    /// star import, `globals()`, a loop over `os.environ.items()`).
    pub fn some_file_may_set_unseen_names(&self) -> bool {
        self.some_file_opaque
    }

    /// The file a main block is of (as the model names it), when its names were recorded.
    pub fn file_of(&self, block: crate::finding::BlockId) -> Option<&str> {
        self.block_files.get(&block).map(CompactString::as_str)
    }

    /// The names a file reads at its top level that no block of that file binds.
    pub fn undefined_names(&self) -> impl Iterator<Item = &FreeName> {
        self.free_reads.iter().filter(|read| !self.bound_in_file.contains(&(read.file.clone(), read.name.clone())))
    }

    /// Configurations merged in order: what [`NetboxConfig::absorb`] made of consecutive runs of
    /// files, combined into the whole book's.
    pub(super) fn combined(parts: impl IntoIterator<Item = NetboxConfig>) -> NetboxConfig {
        let mut config = NetboxConfig::default();
        let mut own = SettingTable::default();
        let mut environment = Vec::new();
        let mut maybe_unbound = HashSet::default();
        for part in parts {
            part.effective().for_each(|setting| own.set(setting));
            // A part's `del` of a name an earlier part set.
            part.own.deleted.iter().for_each(|name| own.delete(name));
            maybe_unbound.extend(part.maybe_unbound.iter().copied());
            config.imports.extend(part.imports);
            config.model_uses.extend(part.model_uses);
            config.startup_imports.extend(part.startup_imports);
            config.attribute_writes.extend(part.attribute_writes);
            config.attribute_reads.extend(part.attribute_reads);
            config.attribute_probes.extend(part.attribute_probes);
            config.annotated_only.extend(part.annotated_only);
            config.chart_unread.extend(part.chart_unread);
            config.chart_sentinels.extend(part.chart_sentinels);
            config.ldap_search_filters.extend(part.ldap_search_filters);
            config.chart_worker_off.extend(part.chart_worker_off);
            config.chart_external_database.extend(part.chart_external_database);
            config.chart_superuser.extend(part.chart_superuser);
            config.chart_nulls.extend(part.chart_nulls);
            config.chart_postgresql_maybe_off |= part.chart_postgresql_maybe_off;
            config.chart_connection_left_default.extend(part.chart_connection_left_default);
            config.chart_connections_written.extend(part.chart_connections_written);
            config.chart_rendered.extend(part.chart_rendered);
            config.chart_ldap.extend(part.chart_ldap);
            config.guards.extend(part.guards);
            config.unguarded_uses.extend(part.unguarded_uses);
            config.free_reads.extend(part.free_reads);
            config.bound_in_file.extend(part.bound_in_file);
            config.read_in_file.extend(part.read_in_file);
            config.some_file_opaque |= part.some_file_opaque;
            config.nixos_module_secret_key |= part.nixos_module_secret_key;
            config.environment_lookups.extend(part.environment_lookups);
            for (file, whole) in part.whole_settings_files {
                *config.whole_settings_files.entry(file).or_insert(true) &= whole;
            }
            config.settings_only_fragments.extend(part.settings_only_fragments);
            config.block_files.extend(part.block_files);
            config.published.extend(part.published);
            let replaced: HashSet<&str> = part.traefik_routers.iter().map(String::as_str).collect();
            config.subpath_routes.retain(|route| !replaced.contains(route.router.as_str()));
            config.subpath_routes.extend(part.subpath_routes);
            config.traefik_routers.extend(part.traefik_routers);
            config.ldap_loader_replaced |= part.ldap_loader_replaced;
            config.complete |= part.complete;
            config.environment_shown |= part.environment_shown;
            config.python_shown |= part.python_shown;
            if let Some(stock) = part.stock {
                config.stock = Some(config.stock.map_or(stock, |seen| seen.merge(stock)));
            }
            if let Some(services) = &part.services {
                merge_services(&mut config.services, services);
            }
            config.linuxserver.variables.extend(part.linuxserver.variables);
            config.linuxserver.incomplete |= part.linuxserver.incomplete;
            config.container_ports.extend(part.container_ports);
            if part.healthcheck_probe.is_some() {
                config.healthcheck_probe = part.healthcheck_probe;
            }
            config.compose_key_variables.extend(part.compose_key_variables);
            config.compose_inherited_ports.extend(part.compose_inherited_ports);
            config.compose_ports_settled.extend(part.compose_ports_settled);
            config.port_overridden |= part.port_overridden;
            config.networks_declared.extend(part.networks_declared);
            config.networks_unseen |= part.networks_unseen;
            config.netbox_docker_own.extend(part.netbox_docker_own);
            config.ldap_blocks.extend(part.ldap_blocks);
            environment.extend(part.environment.iter().cloned());
        }
        config.own = Arc::new(own);
        config.environment = Arc::new(environment);
        config.maybe_unbound = Arc::new(maybe_unbound);
        config.settle_project();
        config.apply_environment();
        config
    }

    /// Lay a variant's file over this configuration (the parsed file stays with the model).
    pub(super) fn lay_over(&mut self, file: &PythonFile, role: Role) {
        self.absorb(file.clone(), role);
        self.settle_project();
        self.apply_environment();
    }

    /// A `depends_on:` naming a service, or a `networks:` entry naming a network, none of the
    /// compose files defines: Compose refuses the files as they are, so they are an excerpt or
    /// miss a file given with `-f`, and every rule that judges the whole project stays quiet
    /// (corpus cases t193, t201).
    fn settle_project(&mut self) {
        let declared = (!self.networks_unseen).then_some(self.networks_declared.as_slice());
        if self.services.as_ref().is_some_and(|services| services.refers_to_undefined(declared))
            && let Some(stock) = &mut self.stock
        {
            // Laid over again for a variant: what the first settling found stays. Compose files
            // beside these, not read, may define the services and give `netbox` more.
            stock.services_omitted |= stock.project_complete && !stock.compose_files_beside;
            stock.project_complete = false;
        }
    }

    /// The environment file's variables, as netbox-docker applies them: a setting read from a
    /// variable the file sets (`environ.get('X')`, `_environ_get_and_map('X', …, _AS_BOOL)`) gets
    /// that value, converted as it is read; and, when netbox-docker's own `configuration.py` is
    /// not shown, the variables it maps ([`crate::parse::env::MAPPED`]) become their settings
    /// unless a file sets them. Each value is placed at the variable's line.
    fn apply_environment(&mut self) {
        if self.environment.is_empty() {
            return;
        }
        let mut vars: HashMap<&str, &Arc<Setting>, FxBuildHasher> = HashMap::default();
        for var in self.environment.iter() {
            vars.insert(var.name.as_str(), var);
        }
        let resolved = |name: &str, var: &Setting, conversion: Conversion| {
            // A variable from the shell or interpolated: set, with a value nobody guesses.
            let value = match var.value.as_str() {
                Some(text) => conversion.apply(text, var.value.range.clone()),
                None => Value { kind: ValueKind::Unknown, range: var.value.range.clone() },
            };
            Arc::new(Setting {
                name: CompactString::from(name),
                name_range: var.name_range.clone(),
                statement: var.statement.clone(),
                value,
                block: var.block,
            })
        };
        let mut updates = Vec::new();
        let mut replaced = Vec::new();
        for setting in self.effective() {
            // A secret file may replace the variable (`_read_secret`): the value stays unknown.
            if let ValueKind::Env { var, conversion, .. } = &setting.value.kind
                && *conversion != Conversion::Secret
                && let Some(value) = vars.get(var.as_str())
            {
                updates.push(resolved(&setting.name, value, *conversion));
                replaced.push(Arc::clone(setting));
            }
        }
        if !replaced.is_empty() {
            Arc::make_mut(&mut self.resolved_from_environment).extend(replaced);
        }
        if !self.complete {
            for var in self.environment.iter() {
                if let Some(conversion) = mapped(&var.name)
                    && self.get(&var.name).is_none()
                    && vars.get(var.name.as_str()).is_some_and(|last| Arc::ptr_eq(last, var))
                {
                    updates.push(resolved(&var.name, var, conversion));
                }
            }
        }
        let own = Arc::make_mut(&mut self.own);
        for setting in &updates {
            own.set(setting);
        }
    }
}

/// Whether a logical file is NetBox's configuration module (other Python files only contribute
/// their code, not parameters).
pub fn is_configuration_file(file: &str) -> bool {
    file == "configuration.py" || file.ends_with("/configuration.py")
}

/// `BASE_PATH` as NetBox 4.7.3 normalizes it (`utilities.string.trailing_slash`).
pub fn normalize_base_path(value: &str) -> String {
    let stripped = value.trim_matches('/');
    if stripped.is_empty() { String::new() } else { format!("{stripped}/") }
}

/// Lay a later compose file's services over what came before (the first file's `netbox` service
/// keeps the place).
fn merge_services(
    seen: &mut Option<crate::parse::netbox::ProjectServices>,
    later: &crate::parse::netbox::ProjectServices,
) {
    match seen {
        Some(seen) => seen.merge(later),
        None => *seen = Some(later.clone()),
    }
}

/// netbox-docker's NGINX Unit listeners, 1.0.0 to 3.0.2 (docker/nginx-unit.json): NetBox on 8080,
/// Unit's status on 8081 from 2.5.0 (something answers there, if not NetBox: not reported).
const NGINX_UNIT_PORT: u16 = 8080;
const NGINX_UNIT_STATUS_PORT: u16 = 8081;

/// Where the `netbox` service's image serves NetBox ([`NetboxConfig::image_port`]).
#[derive(Debug, Clone, Copy)]
pub struct ImagePort {
    /// The container port NetBox answers on.
    pub port: u16,
    /// Another port something of the image listens on.
    pub also: Option<u16>,
    /// What serves it, for messages: "linuxserver's image".
    pub server: &'static str,
}

impl ImagePort {
    /// Whether something of the image listens on the container port.
    pub fn listens_on(&self, port: u16) -> bool {
        port == self.port || self.also == Some(port)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::BlockId;

    /// netbox-docker's own `configuration.py` (it defines `_environ_get_and_map`), with a line
    /// for a parameter NetBox 4.5 removed.
    const DOCKER: &str = "from os import environ\n\ndef _environ_get_and_map(name, default=None, map_fn=None):\n    value = environ.get(name, default)\n    return map_fn(value) if map_fn and value is not None else value\n\nALLOWED_HOSTS = environ.get('ALLOWED_HOSTS', '*').split(' ')\nREMOTE_AUTH_HEADER = environ.get('REMOTE_AUTH_HEADER', 'HTTP_REMOTE_USER')\nREMOTE_AUTH_STAFF_GROUPS = environ.get('REMOTE_AUTH_STAFF_GROUPS', '')\n";

    fn defaults(environment: Option<&str>) -> Vec<String> {
        let mut config = NetboxConfig::default();
        config.absorb(crate::parse::netbox::parse(DOCKER, BlockId(0)), Role::Whole);
        if let Some(text) = environment {
            config.absorb(crate::parse::env::parse(text, BlockId(1)), Role::Environment);
        }
        let config = NetboxConfig::combined([config]);
        config.netbox_docker_defaults().map(|s| s.name.to_string()).collect()
    }

    /// With the environment shown, a variable it leaves alone keeps netbox-docker's default,
    /// and one it sets is the administrator's. Without one (the file linted on its own) no line
    /// is netbox-docker's default: whether the administrator set the variable is unknown (corpus
    /// case t80, whose removed REMOTE_AUTH_STAFF_* lines lint then reported nothing on). An empty
    /// environment file is still an environment: nothing in it is set.
    #[test]
    fn a_line_is_netbox_dockers_default_only_where_the_environment_is_shown() {
        let header = || "REMOTE_AUTH_HEADER".to_string();
        let staff = || "REMOTE_AUTH_STAFF_GROUPS".to_string();
        assert_eq!(defaults(Some("REMOTE_AUTH_HEADER=HTTP_X_USER\n")), vec![staff()]);
        assert_eq!(defaults(Some("")), vec![header(), staff()]);
        assert_eq!(defaults(None), Vec::<String>::new());
    }
}
