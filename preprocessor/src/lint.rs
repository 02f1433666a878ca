//! `lint`: the rules on an administrator's own files, no book needed.
//!
//! Each file is one block whose text is the whole file, so every finding lands at the file's own
//! line and column. A file's kind is named (`--kind nginx=PATH`) or recognised from its name and
//! content ([`recognise`]). A NetBox Python file is the whole `configuration.py` only when it sets
//! what NetBox requires of one (`ALLOWED_HOSTS`, `SECRET_KEY`, `REDIS`, and `DATABASE` or
//! `DATABASES`: NetBox 4.6.8 `netbox/netbox/settings.py` refuses to start without them); any
//! other settings file is a fragment, whose absent settings are unknown, and a file that sets no
//! upper-case name is code (a custom pipeline module).
//!
//! A netbox-docker checkout is read as netbox-docker 3.0.2 reads it
//! (`docker/configuration.docker.py`): `configuration/configuration.py` first, then every other
//! `*.py` file directly in `configuration/` (not starting with `__`) sorted by name, a later file
//! winning. The environment is what Docker Compose gives the `netbox` service, with the compose
//! files Compose finds in the checkout (compose-go e70e961 `cli/options.go`: the first of
//! `compose.yaml`, `compose.yml`, `docker-compose.yml`, `docker-compose.yaml`, then the first of
//! `compose.override.yml`, `compose.override.yaml`, `docker-compose.override.yml`,
//! `docker-compose.override.yaml`): the `env_file:` entries of all of them, merged as compose-go
//! merges them, then their `environment:`, which wins ([`crate::parse::compose`]). Without a
//! compose file, or when it does not load, netbox-docker's `env/netbox.env`. Every compose file
//! is a block of its own, so that what Compose refuses in it (YAML, a `${` template) is
//! reported. Compose files named on their own are read the same way, as one project after the
//! checkout's. The project's `.env` (beside the first compose file) is read too, named or not:
//! Compose interpolates the compose files with it (`${NETBOX_SECRET_KEY}`), so a value that
//! comes from it is checked at its line there; its variables are NetBox's own only when an
//! `env_file:` names it. A variable it does not set may come from the shell: unknown. Unnamed,
//! it is read only when it is a regular file (not a symbolic link) of UTF-8 text; otherwise its
//! variables are unknown too, and the run goes on. An nginx file a compose file mounts into its
//! nginx service is read as nginx, and a Python file it mounts into NetBox's package is a module
//! ([`crate::parse::compose::mounts`]).
//!
//! Files are untrusted input: regular files only (a FIFO or device is refused), at most
//! [`MAX_FILE_BYTES`], UTF-8 text without NUL bytes; every refusal names the file. Nothing is
//! executed.

use std::collections::{HashMap, HashSet};
use std::io::Read as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use compact_str::CompactString;

use crate::check::{Checked, check_files};
use crate::config::Settings;
use crate::extract::{Block, Kind, TextMap};
use crate::finding::BlockId;
use crate::source::{SourceFile, Sources};
use crate::version::Version;

/// The largest file `lint` reads.
pub const MAX_FILE_BYTES: u64 = 8 << 20;

/// One file to lint.
#[derive(Debug, Clone)]
pub struct Input {
    /// Where it is (as the reports name it).
    pub path: PathBuf,
    /// Its kind, when named on the command line.
    pub kind: Option<Kind>,
}

/// A file read and recognised, before it becomes a block.
#[derive(Debug)]
struct Read {
    path: PathBuf,
    text: String,
    kind: Kind,
    /// A file of netbox-docker's configuration directory: settings, whatever it looks like.
    docker_configuration: bool,
    /// A compose file whose `environment:` a later one replaces (`!reset`, `!override`).
    environment_replaced: bool,
    /// A compose file whose `ports:` a later one replaces.
    ports_replaced: bool,
    /// An env file Compose reads with `format: raw`.
    raw_env_file: bool,
    /// The project's `.env` that no `env_file:` names: Compose's interpolation only.
    project_env_only: bool,
}

impl Read {
    fn new(path: PathBuf, text: String, kind: Kind) -> Read {
        Read {
            path,
            text,
            kind,
            docker_configuration: false,
            environment_replaced: false,
            ports_replaced: false,
            raw_env_file: false,
            project_env_only: false,
        }
    }
}

/// Compose's file names, in compose-go's order of preference (compose-go e70e961
/// `cli/options.go` `DefaultFileNames`, `DefaultOverrideFileNames`): the first that exists of
/// each list is read.
const COMPOSE_FILES: [&str; 4] = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];
const COMPOSE_OVERRIDE_FILES: [&str; 4] =
    ["compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml"];

/// Lint files, and a netbox-docker checkout if given (its files first, as netbox-docker loads
/// them). Fails when a file cannot be read or its kind cannot be told.
pub fn lint(files: &[Input], netbox_docker: Option<&Path>, settings: &Settings) -> Result<Checked> {
    let mut docker = DockerFiles::default();
    if let Some(dir) = netbox_docker {
        docker = netbox_docker_files(dir)?;
    }
    let mut named = Vec::new();
    for input in files {
        let text = read_text(&input.path)?;
        let kind = match input.kind {
            Some(kind) => kind,
            None => recognise(&input.path, &text).with_context(|| {
                let yaml = input
                    .path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
                // YAML of another tool (another chart's values, a Helm release, Kubernetes
                // manifests) is none of the kinds: naming one would check nothing in it.
                let what = if yaml {
                    " it is YAML with neither a top-level `services:` (a Compose file), `entries:` (an Authentik blueprint) nor a key of netbox-chart's values (`remoteAuth:`, `allowedHosts:`, `superuser:` …), and other YAML (Kubernetes manifests, other charts' values and releases) is not read;"
                } else {
                    ""
                };
                format!(
                    "cannot tell what {} is:{what} name its kind with --kind KIND={} if it is one of the kinds (netbox, nginx, authentik, env, compose, chart)",
                    input.path.display(),
                    input.path.display()
                )
            })?,
        };
        named.push(Read::new(input.path.clone(), text, kind));
    }
    // The compose files, the checkout's first, then those named: one project, read as Compose
    // reads it (their `netbox` service's environment files, then their `environment:`).
    let (named_composes, others): (Vec<Read>, Vec<Read>) = named.into_iter().partition(|r| r.kind == Kind::Compose);
    let mut composes = docker.composes;
    composes.extend(named_composes);
    let docker_composes = composes.len();
    let (env_files, all_load, all_present) = compose_env_files(&mut composes)?;
    // What the compose files mount, read once, each source beside its compose file.
    let (mut modules, mut configuration_directories, mut nginx_sources) = (HashSet::new(), HashSet::new(), Vec::new());
    for compose in &composes {
        let directory = compose.path.parent().unwrap_or(Path::new("."));
        let found = crate::parse::compose::mounts(&compose.text);
        modules.extend(found.modules.iter().map(|source| canonical(&directory.join(source))));
        configuration_directories
            .extend(found.configuration_directories.iter().map(|source| canonical(&directory.join(source))));
        nginx_sources.extend(found.nginx.iter().map(|source| directory.join(source)));
    }
    // Python files mounted into NetBox's package: modules, not configuration, unless their
    // folder is the configuration directory a compose file mounts too (netbox-docker runs every
    // `*.py` there while the settings are built) or the checkout's.
    let modules: HashSet<PathBuf> = modules
        .into_iter()
        .filter(|module| module.parent().is_none_or(|folder| !configuration_directories.contains(folder)))
        .collect();
    let service_env_files = backing_service_env_files(&composes);
    // The whole project: its files load, its env files are all here, and every compose file
    // Compose finds beside the first (one of each of its name lists) is read.
    let project_complete = all_load && all_present && whole_project(&composes);
    let compose_files_beside = compose_files_beside(&composes);
    let docker_env = docker.env.filter(|_| docker_composes == 0 || !all_load);
    // What Compose reads wins its place: a file named on the command line that Compose reads
    // too is read there, once.
    let from_compose: HashSet<PathBuf> = env_files.iter().map(|r| canonical(&r.path)).collect();
    // The project's `.env`, which Compose interpolates the compose files with: named or not,
    // it is read, before them; an `env_file:` that names it also makes it NetBox's environment.
    // Unnamed, it is read only as a regular file of its own (not a symbolic link, which may
    // point anywhere) that reads as text; otherwise its variables stay unknown, as the shell's.
    let shown_project_env = composes.first().map(|first| first.path.parent().unwrap_or(Path::new(".")).join(".env"));
    let project_env = shown_project_env.as_ref().filter(|path| path.is_file()).map(|path| canonical(path));
    // No `.env` at all: Compose interpolates from the shell alone, and the `.env` sets nothing.
    let project_env_absent = shown_project_env
        .as_ref()
        .is_some_and(|path| std::fs::symlink_metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound));
    let mut others = others;
    let mut unnamed_project_env = None;
    if let (Some(path), Some(shown)) = (&project_env, &shown_project_env)
        && !from_compose.contains(path)
    {
        match others.iter_mut().find(|r| canonical(&r.path) == *path) {
            Some(named) => named.project_env_only = true,
            None => {
                let plain_file = std::fs::symlink_metadata(shown).is_ok_and(|m| m.file_type().is_file());
                if let Some(text) = plain_file.then(|| read_text(shown).ok()).flatten() {
                    unnamed_project_env =
                        Some(Read { project_env_only: true, ..Read::new(shown.clone(), text, Kind::Env) });
                }
            }
        }
    }
    let project_env = project_env.filter(|path| {
        from_compose.contains(path)
            || others.iter().any(|r| canonical(&r.path) == *path)
            || unnamed_project_env.is_some()
    });
    // The nginx files the project mounts into its nginx service (a netbox-docker checkout's
    // `nginx.conf` beside its override): read as nginx, unless named already. One that cannot
    // be read as text is left out: the project's own files say nothing of it.
    let named: HashSet<PathBuf> = others.iter().map(|r| canonical(&r.path)).collect();
    let mut mounted_nginx = Vec::new();
    for path in nginx_sources {
        let plain_file = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        if !plain_file || named.contains(&canonical(&path)) {
            continue;
        }
        if let Ok(text) = read_text(&path) {
            mounted_nginx.push(Read::new(path, text, Kind::Nginx));
        }
    }
    let mut read = docker.configuration;
    read.extend(others.into_iter().filter(|r| !from_compose.contains(&canonical(&r.path))));
    read.extend(mounted_nginx);
    read.extend(docker_env);
    read.extend(env_files);
    read.extend(unnamed_project_env);
    read.extend(composes);
    // A file named twice (`./env/netbox.env` and `env/netbox.env`, or a file of the checkout
    // named again) is read once, where it comes first.
    let mut seen = HashSet::new();
    read.retain(|r| seen.insert(canonical(&r.path)));
    if read.is_empty() {
        bail!("nothing to lint: name files, or a netbox-docker checkout with --netbox-docker DIR");
    }
    let mut sources = Sources::default();
    let mut blocks = Vec::with_capacity(read.len());
    // The project's `.env`, known before any block: Compose interpolates the compose files and
    // the `env_file:`s with it (an env file may come before it).
    let project_env_block = read
        .iter()
        .position(|file| {
            file.kind == Kind::Env && project_env.as_ref().is_some_and(|path| canonical(&file.path) == *path)
        })
        .map(|i| (BlockId(i), std::sync::Arc::<str>::from(read[i].text.as_str())));
    for file in read {
        let id = BlockId(blocks.len());
        // An env file Compose reads for the `netbox` service: its `${NAME}` are filled in too.
        let interpolated = file.kind == Kind::Compose
            || (file.kind == Kind::Env && !file.project_env_only && from_compose.contains(&canonical(&file.path)));
        let (logical, partial) = logical_file(&file, &modules);
        let display = shown_path(&file.path).to_string_lossy().into_owned();
        let len = file.text.len();
        let source = sources.add(SourceFile::new(display, file.text.clone()));
        blocks.push(Block {
            id,
            chapter: 0,
            chapter_source: source,
            kind: file.kind,
            file: logical,
            expect: Vec::new(),
            variant: false,
            partial,
            excerpt: false,
            environment_replaced: file.environment_replaced,
            ports_replaced: file.ports_replaced,
            project_complete: file.kind == Kind::Compose && project_complete,
            compose_files_beside: file.kind == Kind::Compose && compose_files_beside,
            configuration_read_whole: file.kind == Kind::Compose && netbox_docker.is_some(),
            raw_env_file: file.raw_env_file,
            project_env_only: file.project_env_only,
            project_env: project_env_block
                .clone()
                .or_else(|| project_env_absent.then(|| (id, std::sync::Arc::<str>::from(""))))
                .filter(|_| interpolated),
            service_env_files: if file.kind == Kind::Compose { service_env_files.clone() } else { Vec::new() },
            text: file.text,
            map: TextMap::whole(source, len),
            fence: 0..0,
            fence_line: 1,
            info: 0..0,
            clean_info: CompactString::default(),
            prefix: CompactString::default(),
            closed: true,
            allows: Vec::new(),
        });
    }
    // netbox-docker's own defaults (a parameter its configuration.py reads from a variable no
    // environment file sets) are the model's knowledge: the rules' run leaves them alone, in
    // `check` as here.
    check_files(blocks, sources, settings)
}

/// A path made absolute and free of `.`, `..` and symbolic links, to tell one file named two
/// ways; the path as given when that fails (it was read, so it exists: rare).
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// A path as findings name it: `netbox-docker/../env/netbox.env` (an override's `env_file:`
/// joined to its directory) as `env/netbox.env`, the name the administrator gives the same file,
/// unless a symbolic link makes the shorter path another file.
fn shown_path(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut short = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir if matches!(short.components().next_back(), Some(Component::Normal(_))) => {
                short.pop();
            }
            other => short.push(other),
        }
    }
    if short.as_os_str().is_empty() {
        short.push(".");
    }
    if short != path && canonical(&short) != canonical(path) {
        return path.to_path_buf();
    }
    short
}

/// The logical file a NetBox file stands for, and whether it is a fragment (see the module
/// documentation); other kinds keep their own name. A file of netbox-docker's configuration
/// directory is named with it, `configuration/NAME` (and `configuration/ldap/NAME` for a file of
/// its LDAP directory named on the command line), so that the model gives it netbox-docker's
/// role ([`crate::model::netbox::role`]: an add-on NetBox runs with its settings, an LDAP file),
/// not the role its base name alone gives. The name is the model's only: findings name the real
/// file's path.
fn logical_file(file: &Read, modules: &HashSet<PathBuf>) -> (CompactString, bool) {
    let base = file.path.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    if file.kind != Kind::Netbox {
        return (base.into(), false);
    }
    // Mounted into NetBox's package by a compose file shown: a module, whatever directory it
    // sits in here (corpus case t189's configuration/custom_pipeline.py).
    if !file.docker_configuration && modules.contains(&canonical(&file.path)) {
        return (base.into(), false);
    }
    let base = docker_directory(file).map_or(base.clone(), |directory| format!("{directory}/{base}"));
    let parsed = crate::parse::netbox::parse(&file.text, BlockId(0));
    let sets = |name: &str| parsed.settings.iter().any(|s| s.name == name);
    let whole = ["ALLOWED_HOSTS", "SECRET_KEY", "REDIS"].iter().all(|name| sets(name))
        && (sets("DATABASE") || sets("DATABASES"));
    let settings = file.docker_configuration || parsed.settings.iter().any(|s| is_setting_name(&s.name));
    match (whole, settings) {
        (true, _) => ("configuration.py".into(), false),
        (false, true) => (base.into(), true),
        // Code: its names are not settings. A file called configuration.py that is neither
        // is a fragment, so that the name alone does not make it the whole configuration.
        (false, false) => (base.clone().into(), crate::model::netbox::is_configuration_file(&base)),
    }
}

/// The Python files of a netbox-docker configuration directory in the order its loader imports
/// them (docker/configuration.docker.py `read_configurations`, 27bf52c): the main file, then
/// every other `*.py` not starting with `__`, sorted by name; a later one wins.
fn docker_loading_order(directory: &Path, main: &str) -> Result<Vec<PathBuf>> {
    let mut names = Vec::new();
    let entries = std::fs::read_dir(directory).with_context(|| format!("cannot list {}", directory.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot list {}", directory.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // netbox-docker's `f.is_file()` follows symbolic links, as metadata does.
        let is_file = std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file());
        if is_file && name.ends_with(".py") && !name.starts_with("__") && name != main {
            names.push(name);
        }
    }
    // Python sorts by code point, as Rust sorts strings.
    names.sort();
    let main = directory.join(main);
    Ok(main.is_file().then_some(main).into_iter().chain(names.iter().map(|n| directory.join(n))).collect())
}

/// netbox-docker's configuration directory a file is in, as the model names it: `configuration`
/// for a file of a `--netbox-docker` checkout's `configuration/` (or a file named whose parent
/// directory is `configuration`), `configuration/ldap` for one in its `ldap/` subdirectory.
fn docker_directory(file: &Read) -> Option<&'static str> {
    let in_ldap = file.path.parent().and_then(Path::file_name).is_some_and(|p| p == "ldap");
    if file.docker_configuration {
        return Some(if in_ldap { "configuration/ldap" } else { "configuration" });
    }
    let mut parents = file.path.parent()?.components().rev().map(|c| c.as_os_str());
    match (parents.next(), parents.next()) {
        (Some(parent), Some(grand)) if parent == "ldap" && grand == "configuration" => Some("configuration/ldap"),
        (Some(parent), _) if parent == "configuration" => Some("configuration"),
        _ => None,
    }
}

/// An upper-case name, as settings are written (`SOCIAL_AUTH_OIDC_KEY`); not `_PRIVATE`.
fn is_setting_name(name: &str) -> bool {
    !name.starts_with('_')
        && name.chars().any(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// What a netbox-docker checkout gives: its configuration files in loading order, its compose
/// files, and `env/netbox.env` when no compose file loads.
#[derive(Debug, Default)]
struct DockerFiles {
    configuration: Vec<Read>,
    composes: Vec<Read>,
    /// `env/netbox.env`, read when no compose file names it because none loads.
    env: Option<Read>,
}

/// netbox-docker's configuration files in its loading order, its compose files, and its
/// environment file when Compose's reading cannot name it.
fn netbox_docker_files(dir: &Path) -> Result<DockerFiles> {
    let configuration = dir.join("configuration");
    if !configuration.is_dir() {
        bail!("{} is not a netbox-docker checkout: it has no configuration/ directory", dir.display());
    }
    let mut files = DockerFiles::default();
    // The configuration directory, then its LDAP directory, which netbox-docker's LDAP loader
    // reads the same way (docker/ldap_config.docker.py: `read_configurations` of
    // /etc/netbox/config/ldap/ with `ldap_config` first; 27bf52c).
    for (directory, main) in
        [(configuration.clone(), "configuration.py"), (configuration.join("ldap"), "ldap_config.py")]
    {
        if !directory.is_dir() {
            continue;
        }
        for path in docker_loading_order(&directory, main)? {
            let text = read_text(&path)?;
            files.configuration.push(Read { docker_configuration: true, ..Read::new(path, text, Kind::Netbox) });
        }
    }
    // The compose files Compose finds here when none is named (an override only beside a base).
    if let [main, over @ ..] = project_compose_files(dir).as_slice() {
        for path in std::iter::once(main).chain(over) {
            let text = read_text(path)?;
            files.composes.push(Read::new(path.clone(), text, Kind::Compose));
        }
    }
    // Without a compose file, or with one Compose cannot load (its error is reported), the
    // environment file netbox-docker's own compose file names is still the one to check.
    let env = dir.join("env").join("netbox.env");
    if env.is_file() {
        let text = read_text(&env)?;
        files.env = Some(Read::new(env, text, Kind::Env));
    }
    Ok(files)
}

/// Whether the compose files read are the whole project Compose finds where the first one is:
/// the first existing name of each of Compose's two lists ([`COMPOSE_FILES`],
/// [`COMPOSE_OVERRIDE_FILES`]) in that directory is among them (an override named alone leaves
/// its base file out, even one not there to read; a base file named alone, the override beside
/// it), and the project's `.env` does not name other files (`COMPOSE_FILE`).
fn whole_project(composes: &[Read]) -> bool {
    let Some(first) = composes.first() else { return false };
    // An override read first is read without its base file, which Compose reads before it.
    if first.path.file_name().and_then(|n| n.to_str()).is_some_and(|n| COMPOSE_OVERRIDE_FILES.contains(&n)) {
        return false;
    }
    let dir = first
        .path
        .parent()
        .map(|d| if d.as_os_str().is_empty() { Path::new(".") } else { d })
        .unwrap_or(Path::new("."));
    // The project's `.env` may name other files for Compose to read (`COMPOSE_FILE=a.yml:b.yml`,
    // Docker's documented environment variable): which, is not followed here. It is read as
    // Compose reads it (compose-go's dotenv: blanks, `export`, `KEY: value`, a byte order mark),
    // and only as a regular file of its own within the size limit, as for interpolation; one
    // that cannot be read so may name files all the same.
    let env = dir.join(".env");
    if let Ok(meta) = std::fs::symlink_metadata(&env) {
        let names_files = !meta.is_file()
            || read_text(&env).map_or(true, |text| {
                crate::parse::env::parse(&text, crate::finding::BlockId(0))
                    .settings
                    .iter()
                    .any(|var| var.name == "COMPOSE_FILE")
            });
        if names_files {
            return false;
        }
    }
    let read: HashSet<PathBuf> = composes.iter().map(|c| canonical(&c.path)).collect();
    [&COMPOSE_FILES[..], &COMPOSE_OVERRIDE_FILES[..]]
        .iter()
        .filter_map(|names| first_file(dir, names))
        .all(|found| read.contains(&canonical(&found)))
}

/// Whether the directory of the first compose file holds another compose file not read: a YAML
/// file whose name says `compose` (`docker-compose.prod.yml`, `compose.db.yaml`) and that has
/// a top-level `services:`, which Compose reads only when named with `-f`, so a project may be
/// meant with it.
fn compose_files_beside(composes: &[Read]) -> bool {
    let Some(first) = composes.first() else { return false };
    let dir = first.path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let read: HashSet<PathBuf> = composes.iter().map(|c| canonical(&c.path)).collect();
    let Ok(entries) = std::fs::read_dir(dir) else { return false };
    entries.filter_map(Result::ok).map(|entry| entry.path()).any(|path| {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_ascii_lowercase();
        name.contains("compose")
            && (name.ends_with(".yml") || name.ends_with(".yaml"))
            && path.is_file()
            && !read.contains(&canonical(&path))
            && read_text(&path).is_ok_and(|text| has_top_level_key(&text, "services"))
    })
}

/// The first of `names` that is a file in `dir`.
fn first_file(dir: &Path, names: &[&str]) -> Option<PathBuf> {
    names.iter().map(|n| dir.join(n)).find(|p| p.is_file())
}

/// The compose files Compose reads in `dir` when none is named: the first of [`COMPOSE_FILES`],
/// then the first of [`COMPOSE_OVERRIDE_FILES`] (only beside a base file).
fn project_compose_files(dir: &Path) -> Vec<PathBuf> {
    let Some(main) = first_file(dir, &COMPOSE_FILES) else { return Vec::new() };
    std::iter::once(main).chain(first_file(dir, &COMPOSE_OVERRIDE_FILES)).collect()
}

/// The environment files the `netbox` service of these compose files (one project, in order)
/// reads, in Compose's order, and which compose files' `environment:` a later one replaces
/// (marked on them). compose-go e70e961: each file's entries are merged after the earlier
/// files' (`override/merge.go`, `mergeToSequence`), unless it tags `env_file:` `!reset` or
/// `!override` (`loader/reset.go`); a path written again keeps the first position and takes
/// the later entry (`override/uncity.go` `enforceUnicity`, `envFileIndexer`); paths resolve
/// against the project's working directory, the first compose file's directory
/// (`cli/options.go` `GetWorkingDir`, `loader/loader.go` `ResolveRelativePaths`). One file
/// written two ways is read twice by Compose: read here once, where it comes last, which wins.
/// A missing file stops the run as it stops Compose (`env file … not found`), unless it is
/// marked `required: false`. Also whether every compose file loads (no YAML error, no `${`
/// Compose refuses).
fn compose_env_files(composes: &mut [Read]) -> Result<(Vec<Read>, bool, bool)> {
    let Some(first) = composes.first() else { return Ok((Vec::new(), true, true)) };
    let working_dir = first.path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let read: Vec<crate::parse::compose::ComposeFile> =
        composes.iter().map(|c| crate::parse::compose::read(&c.text, BlockId(0))).collect();
    let all_load = read.iter().all(|file| file.file.syntax_errors.is_empty());
    // An env file whose path Compose interpolates is not read: the project is not whole.
    let all_named = read.iter().all(|file| !file.env_files_unread);
    // (the compose file that names it, the entry), unique by the path as written.
    let mut entries: Vec<(usize, crate::parse::compose::EnvFile)> = Vec::new();
    let mut position: HashMap<String, usize> = HashMap::new();
    for (i, file) in read.iter().enumerate() {
        if file.resets_env_files {
            entries.clear();
            position.clear();
        }
        for entry in &file.env_files {
            match position.get(&entry.path) {
                Some(&at) => entries[at] = (i, entry.clone()),
                None => {
                    position.insert(entry.path.clone(), entries.len());
                    entries.push((i, entry.clone()));
                }
            }
        }
    }
    // A later file that replaces `environment:` makes the earlier files' variables unset, and
    // one that replaces `ports:` their published ports.
    let (mut replaced_later, mut ports_replaced_later) = (false, false);
    for (compose, file) in composes.iter_mut().zip(&read).rev() {
        compose.environment_replaced = replaced_later;
        compose.ports_replaced = ports_replaced_later;
        replaced_later |= file.resets_environment;
        ports_replaced_later |= file.resets_ports;
    }
    let mut paths: Vec<(PathBuf, bool)> = Vec::new();
    // An optional env file not on this machine (`required: false`) may be on the server.
    let mut all_present = true;
    for (i, entry) in entries {
        let path = working_dir.join(&entry.path);
        if !path.exists() {
            all_present = false;
            if entry.required {
                bail!(
                    "{} names env_file {}, which does not exist: Docker Compose stops there (`env file {} not found`); create it, or mark it `required: false`",
                    composes[i].path.display(),
                    entry.path,
                    path.display()
                );
            }
            continue;
        }
        // `env_file: /dev/null` (an `!override` to drop the env files a base file names, or a
        // placeholder an example keeps): Compose opens it as any file and reads nothing
        // (compose-go e70e961 types/project.go L821-851 `loadEnvFile`, `loadMappingFile`), and
        // so is it here, without opening a device.
        if canonical(&path) == Path::new(DEV_NULL) {
            continue;
        }
        paths.push((path, entry.raw));
    }
    // Where each file comes last (a map, not a scan per entry: linear in the entries).
    let mut last = HashMap::new();
    for (i, (path, _)) in paths.iter().enumerate() {
        last.insert(canonical(path), i);
    }
    let files = paths
        .into_iter()
        .enumerate()
        .filter(|(i, (path, _))| last.get(&canonical(path)) == Some(i))
        .map(|(_, (path, raw))| {
            let text = read_text(&path)?;
            Ok(Read { raw_env_file: raw, ..Read::new(path, text, Kind::Env) })
        })
        .collect::<Result<Vec<Read>>>()?;
    Ok((files, all_load, all_present && all_named))
}

/// The `env_file:` files of the project's PostgreSQL and Redis services (by the path as
/// written, with their text), which say the passwords those services require. Paths resolve as
/// [`compose_env_files`] resolves them; a file missing or refused is left out (its variables
/// are then unknown: Compose itself would stop on a required one).
fn backing_service_env_files(composes: &[Read]) -> Vec<(String, std::sync::Arc<str>)> {
    let Some(first) = composes.first() else { return Vec::new() };
    let working_dir = first.path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut files: Vec<(String, std::sync::Arc<str>)> = Vec::new();
    // Each path as written once (a set, not a scan per entry: linear in the entries), each file
    // read once however it is spelt (`env/a.env`, `./env//a.env`), and no more than
    // [`MAX_FILE_BYTES`] read in all: a compose file may name one large file many ways.
    let mut tried: HashSet<String> = HashSet::new();
    let mut texts: HashMap<PathBuf, std::sync::Arc<str>> = HashMap::new();
    let mut read_in_all: u64 = 0;
    // The project's `.env`, as Compose interpolates the files with it: a PostgreSQL or Redis
    // whose image it names (`${PG_IMAGE:-postgres:17}`) is one (a regular file only, as below).
    let dotenv = working_dir.join(".env");
    let project = std::fs::symlink_metadata(&dotenv)
        .is_ok_and(|m| m.file_type().is_file())
        .then(|| read_text(&dotenv).ok())
        .flatten()
        .map(|text| crate::parse::compose::ProjectEnv::read(&text, BlockId(0)));
    for compose in composes {
        let read = crate::parse::compose::read_with(&compose.text, BlockId(0), project.as_ref());
        let Some(services) = &read.file.compose.services else { continue };
        let backing = |name: &str| {
            let name = name.to_ascii_lowercase();
            services.postgres.contains(&name) || services.redis.contains(&name)
        };
        for service in services.shown.iter().filter(|service| backing(&service.name)) {
            for written in &service.env_files {
                if !tried.insert(written.clone()) {
                    continue;
                }
                let path = working_dir.join(written);
                let real = canonical(&path);
                if real == Path::new(DEV_NULL) {
                    files.push((written.clone(), std::sync::Arc::from("")));
                    continue;
                }
                if let Some(text) = texts.get(&real) {
                    files.push((written.clone(), std::sync::Arc::clone(text)));
                    continue;
                }
                let size = std::fs::metadata(&path).map_or(0, |m| m.len());
                if read_in_all.saturating_add(size) > MAX_FILE_BYTES {
                    continue;
                }
                if let Ok(text) = read_text(&path) {
                    read_in_all += text.len() as u64;
                    let text: std::sync::Arc<str> = text.into();
                    texts.insert(real, std::sync::Arc::clone(&text));
                    files.push((written.clone(), text));
                }
            }
        }
    }
    files
}

/// The empty device, which Compose reads as an empty env file.
const DEV_NULL: &str = "/dev/null";

/// A file's text: a regular file (symbolic links followed, as `sites-enabled/` holds them), at
/// most [`MAX_FILE_BYTES`], UTF-8 without NUL bytes.
fn read_text(path: &Path) -> Result<String> {
    let shown = path.display();
    let metadata = std::fs::metadata(path).with_context(|| format!("cannot read {shown}"))?;
    if metadata.is_dir() {
        bail!(
            "cannot read {shown}: a directory; name the files in it (a netbox-docker checkout: --netbox-docker {shown})"
        );
    }
    if !metadata.is_file() {
        bail!("cannot read {shown}: not a regular file (a FIFO, socket or device), so it is not read");
    }
    if metadata.len() > MAX_FILE_BYTES {
        bail!(
            "cannot read {shown}: {} bytes, more than the {MAX_FILE_BYTES} a configuration file may have",
            metadata.len()
        );
    }
    // The kernel's files look regular but may block on read (`/proc/kmsg`) or never end: a
    // compose file may name any path as an env file. (`/dev/shm` holds ordinary files.)
    if let Ok(real) = std::fs::canonicalize(path)
        && ["/proc", "/sys"].iter().any(|kernel| real.starts_with(kernel))
    {
        bail!("cannot read {shown}: a file of the kernel's ({}), not a configuration file", real.display());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .with_context(|| format!("cannot read {shown}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        bail!("cannot read {shown}: it grew past {MAX_FILE_BYTES} bytes while being read");
    }
    if let Some(at) = memchr::memchr(0, &bytes) {
        bail!("cannot read {shown}: a binary file (a NUL byte at offset {at}), not a configuration file");
    }
    String::from_utf8(bytes).map_err(|error| {
        anyhow::anyhow!(
            "cannot read {shown}: not UTF-8 text (invalid byte at offset {})",
            error.utf8_error().valid_up_to()
        )
    })
}

/// NetBox's release, as the checkout a configuration file sits in says it: the file as
/// NetBox installs it, `netbox/netbox/configuration.py`, beside NetBox's own `settings.py`.
/// Up to 4.0 that file sets `VERSION = '4.0.11'` itself; from 4.1 it loads the release from
/// `netbox/release.yaml`, one directory up (`version: "4.6.8"`; `utilities/release.py`,
/// `_find_release_base_path`, 4.6.8). Only a regular file (not a symbolic link) of UTF-8 text
/// is read, as for the project's `.env`; anything else says nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckoutRelease {
    /// The release, as the rules compare it (a `-dev` or `-beta` suffix dropped).
    pub version: Version,
    /// As the file writes it.
    pub written: String,
    /// The file it was read from.
    pub source: PathBuf,
}

/// [`CheckoutRelease`] for a file of the checkout's `netbox/netbox/` directory, if it has one.
pub fn checkout_release(file: &Path) -> Option<CheckoutRelease> {
    // The real directories: `configuration.py` named from inside `netbox/netbox/` has `..` as
    // its checkout's (a relative path's parent is empty).
    let directory = std::fs::canonicalize(file).ok()?.parent()?.to_path_buf();
    let settings = directory.join("settings.py");
    // NetBox's own settings.py beside it: the directory is a checkout's `netbox/netbox/`.
    let settings_text = plain_text(&settings).filter(|text| text.contains("configuration"))?;
    let from_settings = settings_text.lines().find_map(|line| {
        let value = line.strip_prefix("VERSION")?.trim_start().strip_prefix('=')?.trim();
        let quote = value.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
        value[1..].split_once(quote).map(|(written, _)| written.to_string())
    });
    let (written, source) = match from_settings {
        Some(written) => (written, settings),
        // From 4.1 settings.py loads the release from release.yaml, one directory up.
        None if settings_text.contains("load_release_data") => {
            let release = directory.parent()?.join("release.yaml");
            let written = plain_text(&release)?.lines().find_map(|line| {
                let value = line.strip_prefix("version:")?.trim();
                Some(value.trim_matches(|c| c == '"' || c == '\'').to_string())
            })?;
            (written, release)
        }
        None => return None,
    };
    let version = release_version(&written)?;
    Some(CheckoutRelease { version, written, source })
}

/// NetBox's release as the compose files' image tag names it: netbox-docker's published image
/// (`netboxcommunity/netbox`) tagged `v4.4-3.4.1` (NetBox 4.4, netbox-docker 3.4.1), `v4.4.2-3.4.1`,
/// `v4.4` or `v4.4.2` (under its earlier names, `latest` is their newest release:
/// [`crate::parse::compose::frozen_latest_release`]), or linuxserver's (`lscr.io/linuxserver/netbox:v4.1.3-ls241`, `4.1.3`;
/// [`crate::parse::compose::tag_release`]); a tag Compose interpolates (`${VERSION-v4.4-3.4.1}`)
/// is read from the project's `.env` when it sets the variable, else its default. `latest`, `snapshot` and the
/// like name no release. The compose files are the netbox-docker checkout's (Compose's names in
/// `dir`), then those named, the later `image:` winning; a netbox-chart values file's
/// `image.tag` wins over them (the chart runs netbox-docker's image).
pub fn image_release(files: &[Input], netbox_docker: Option<&Path>) -> Option<CheckoutRelease> {
    let mut composes: Vec<PathBuf> = netbox_docker.map(project_compose_files).unwrap_or_default();
    composes.extend(
        files
            .iter()
            .filter(|input| {
                input.kind == Some(Kind::Compose)
                    || input.path.extension().is_some_and(|e| e == "yml" || e == "yaml") && input.kind.is_none()
            })
            .map(|input| input.path.clone()),
    );
    // The project's `.env`, read as Compose reads it (a later line winning).
    let project_env = composes
        .first()
        .and_then(|first| plain_text(&first.parent().unwrap_or(Path::new(".")).join(".env")))
        .map(|text| crate::parse::compose::ProjectEnv::read(&text, BlockId(0)));
    // The later file's word wins; a `build:` (netbox-docker's plugin pattern, `FROM` any tag)
    // leaves the release unknown.
    let mut found: Option<(Option<String>, PathBuf)> = None;
    for path in composes {
        let Some(text) = plain_text(&path) else { continue };
        if let Some(image) = crate::parse::compose::netbox_image(&text) {
            found = Some((image, path));
        }
    }
    // netbox-chart's values: their `image.tag` (netbox-docker's image).
    for input in files {
        let Some(text) = plain_text(&input.path) else { continue };
        let chart = match input.kind {
            Some(kind) => kind == Kind::Chart,
            None => recognise(&input.path, &text) == Some(Kind::Chart),
        };
        if let Some(image) = crate::parse::chart::image(&text).filter(|_| chart) {
            found = Some((Some(image), input.path.clone()));
        }
    }
    let (image, source) = found?;
    let image = image?;
    if let Some(netbox) = crate::parse::compose::frozen_latest_release(&image, project_env.as_ref()) {
        let version = release_version(netbox)?;
        return Some(CheckoutRelease { version, written: format!("{netbox} (the newest `{image}`)"), source });
    }
    // The repository may not be interpolated (`${REGISTRY}/netbox`); the tag may.
    let (_, tag) = crate::parse::compose::image_repository_and_tag(&image);
    let tag = crate::parse::compose::interpolated_tag(tag?, project_env.as_ref())?;
    let netbox = crate::parse::compose::tag_release(&image, &tag)?;
    let version = release_version(netbox)?;
    Some(CheckoutRelease { version, written: format!("{netbox} (image tag {tag})"), source })
}

/// A release as NetBox writes it (`2.8.2-dev`, `4.7.0-beta1`, `4.6.8`): a release candidate
/// stays one; another suffix is dropped (a development or beta build of that release).
fn release_version(written: &str) -> Option<Version> {
    written.parse().ok().or_else(|| written.split_once('-').and_then(|(release, _)| release.parse().ok()))
}

/// A small file's text, if it is a regular file (not a symbolic link, which may point anywhere)
/// of UTF-8 text.
fn plain_text(path: &Path) -> Option<String> {
    let metadata = std::fs::symlink_metadata(path).ok()?;
    if !metadata.file_type().is_file() || metadata.len() > MAX_RELEASE_FILE_BYTES {
        return None;
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path).ok()?.take(MAX_RELEASE_FILE_BYTES).read_to_end(&mut bytes).ok()?;
    String::from_utf8(bytes).ok()
}

/// The largest `settings.py` or `release.yaml` read for the release (NetBox 4.6.8's settings.py
/// is 39 kB).
const MAX_RELEASE_FILE_BYTES: u64 = 1 << 20;

/// The kind a file is, from its name where that decides (`.py`, `.yaml`/`.yml`, `.env`), else
/// from its content: an Authentik blueprint (`entries:` with `model:`), an nginx site
/// (`server {`, `location`, `proxy_pass`), netbox-docker's environment file (only `NAME=value`
/// lines), or Python that assigns NetBox's settings.
pub fn recognise(path: &Path, text: &str) -> Option<Kind> {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_string());
    match extension.as_deref() {
        Some("py") => return Some(Kind::Netbox),
        // A compose file has a top-level `services:`, a blueprint a top-level `entries:`
        // (Authentik's blueprint schema); other YAML is no kind this checker reads, and is not
        // passed off as one.
        Some("yaml" | "yml") => {
            if has_top_level_key(text, "services") {
                return Some(Kind::Compose);
            }
            if has_top_level_key(text, "entries") {
                return Some(Kind::Authentik);
            }
            return crate::parse::chart::is_chart_values(text).then_some(Kind::Chart);
        }
        Some("env") => return Some(Kind::Env),
        _ => {}
    }
    let lines = || text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
    if has_top_level_key(text, "entries") && text.contains("model:") {
        return Some(Kind::Authentik);
    }
    let nginx = lines().any(|l| {
        l.starts_with("server {")
            || l.starts_with("server{")
            || l.starts_with("location ")
            || l.starts_with("proxy_pass ")
            || l.starts_with("upstream ")
    });
    if nginx {
        return Some(Kind::Nginx);
    }
    let env_line = |l: &str| {
        let l = l.strip_prefix("export ").unwrap_or(l);
        l.split_once('=')
            .is_some_and(|(name, _)| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
    };
    if lines().next().is_some() && lines().all(env_line) {
        return Some(Kind::Env);
    }
    let python = lines().any(|l| {
        l.starts_with("import ")
            || l.starts_with("from ")
            || l.split_once(" = ").is_some_and(|(name, _)| is_setting_name(name.trim()))
    });
    python.then_some(Kind::Netbox)
}

/// Whether a YAML text has this key at column 0 (`key:` then a blank, a comment, a tag or the
/// line's end), not in a comment or a nested mapping.
fn has_top_level_key(text: &str, key: &str) -> bool {
    text.lines().any(|line| {
        line.strip_prefix(key)
            .and_then(|rest| rest.strip_prefix(':'))
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\r']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compose file whose comment or nested key says `entries:` is no blueprint: a top-level
    /// `services:` decides first, and `entries:` counts only at column 0.
    #[test]
    fn services_decides_before_entries_and_only_at_column_0() {
        let kind = |name: &str, text: &str| recognise(Path::new(name), text);
        let commented = "# entries: see below\nservices:\n  netbox:\n    image: x\n";
        assert_eq!(kind("docker-compose.yml", commented), Some(Kind::Compose));
        let nested = "services:\n  netbox:\n    labels:\n      entries: 3\n";
        assert_eq!(kind("compose.yaml", nested), Some(Kind::Compose));
        assert_eq!(kind("values.yaml", "netbox:\n  entries: []\n"), None);
        assert_eq!(kind("values.yaml", "# entries:\nnetbox: {}\n"), None);
        assert_eq!(kind("bp.yaml", "version: 1\nentries:\n  - model: a.b\n"), Some(Kind::Authentik));
        assert_eq!(kind("bp", "# entries: model: here\nlocation / {\n}\n"), Some(Kind::Nginx));
    }

    #[test]
    fn yaml_that_is_no_blueprint_is_not_taken_for_one() {
        let compose = "services:\n  netbox:\n    environment:\n      REMOTE_AUTH_BACKEND: x\n";
        assert_eq!(recognise(Path::new("docker-compose.override.yml"), compose), Some(Kind::Compose));
        assert_eq!(recognise(Path::new("values.yaml"), "netbox:\n  replicas: 1\n"), None);
        assert_eq!(
            recognise(Path::new("netbox.yaml"), "version: 1\nentries:\n  - model: a.b\n"),
            Some(Kind::Authentik)
        );
    }

    #[test]
    fn kinds_are_recognised_from_name_and_content() {
        let kind = |name: &str, text: &str| recognise(Path::new(name), text).map(Kind::name);
        assert_eq!(kind("netbox", "server {\n    listen 443 ssl;\n}\n"), Some("nginx"));
        assert_eq!(kind("default", "# comment\nlocation / {\n}\n"), Some("nginx"));
        assert_eq!(kind("bp", "version: 1\nentries:\n  - model: authentik_core.application\n"), Some("authentik"));
        assert_eq!(kind("netbox.env", "REMOTE_AUTH_ENABLED=true\n"), Some("env"));
        assert_eq!(kind("settings", "# x\nREMOTE_AUTH_ENABLED=true\nexport B=2\n"), Some("env"));
        assert_eq!(kind("settings", "from os import environ\nA=1\n"), Some("netbox"));
        assert_eq!(kind("extra", "SOCIAL_AUTH_OIDC_KEY = 'x'\n"), Some("netbox"));
        assert_eq!(kind("x.py", "anything"), Some("netbox"));
        assert_eq!(kind("notes.txt", "hello world\n"), None);
        assert_eq!(kind("empty", ""), None);
    }

    #[test]
    fn a_netbox_file_is_whole_only_with_what_netbox_requires() {
        let logical =
            |path: &str, text: &str| logical_file(&Read::new(path.into(), text.into(), Kind::Netbox), &HashSet::new());
        let required = "ALLOWED_HOSTS = []\nSECRET_KEY = 'k'\nREDIS = {}\nDATABASES = {}\n";
        assert_eq!(logical("/etc/netbox/my.py", required), ("configuration.py".into(), false));
        assert_eq!(logical("configuration.py", "SOCIAL_AUTH_OIDC_KEY = 'x'\n"), ("configuration.py".into(), true));
        assert_eq!(logical("extra.py", "SOCIAL_AUTH_OIDC_KEY = 'x'\n"), ("extra.py".into(), true));
        assert_eq!(logical("custom_pipeline.py", "def f(user):\n    pass\n"), ("custom_pipeline.py".into(), false));
    }

    /// A file of netbox-docker's configuration directory keeps the directory in its logical name,
    /// which gives it netbox-docker's role: an add-on NetBox runs with its settings, an LDAP file.
    #[test]
    fn netbox_docker_files_are_named_with_their_directory() {
        use crate::model::netbox::{Role, role};
        let pipeline = "from django.contrib.auth.models import Group\nSOCIAL_AUTH_PIPELINE = ()\n";
        let docker = Read {
            docker_configuration: true,
            ..Read::new("/srv/nd/configuration/zz_pipeline.py".into(), pipeline.into(), Kind::Netbox)
        };
        let (name, partial) = logical_file(&docker, &HashSet::new());
        assert_eq!((name.as_str(), partial), ("configuration/zz_pipeline.py", true));
        assert_eq!(role(Kind::Netbox, &name, partial), Role::Partial);
        // Named on the command line, a file shows its directory by its path.
        let named =
            |path: &str| logical_file(&Read::new(path.into(), pipeline.into(), Kind::Netbox), &HashSet::new()).0;
        assert_eq!(named("configuration/zz_pipeline.py"), "configuration/zz_pipeline.py");
        assert_eq!(named("nd/configuration/ldap/extra.py"), "configuration/ldap/extra.py");
        assert_eq!(role(Kind::Netbox, "configuration/ldap/extra.py", true), Role::Ldap);
        // Elsewhere, the base name: a pipeline module loaded later is a fragment.
        assert_eq!(named("/etc/netbox/zz_pipeline.py"), "zz_pipeline.py");
        assert_eq!(role(Kind::Netbox, "zz_pipeline.py", true), Role::Fragment);
        // NetBox's settings.py imports local_settings.py's names as Django settings: code, not
        // configuration parameters (its SESSION_ENGINE takes effect).
        assert_eq!(role(Kind::Netbox, "local_settings.py", true), Role::Code);
        assert_eq!(role(Kind::Netbox, "local_settings.py", false), Role::Code);
    }
}
