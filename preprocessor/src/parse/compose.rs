//! `check=compose`: a Docker Compose file (netbox-docker's `docker-compose.yml` or
//! `docker-compose.override.yml`, or Compose's other names: `compose.yaml`, …), read for what
//! it gives the `netbox` service's environment.
//!
//! netbox-docker (3.0.2, `docker-compose.yml`) gives the `netbox` service `env_file:
//! env/netbox.env`, and its `docker-compose.override.yml.example` shows `environment:` under
//! `services: netbox:` as the place for the administrator's own variables. Docker Compose merges
//! an override file's `environment:` and `env_file:` into the base file's, after it
//! (compose-go e70e961 `override/merge.go`: both `mergeToSequence`), and `environment:` wins over
//! every `env_file:` (`types/project.go` `WithServicesEnvironmentResolved`: the env files' mapping
//! `OverrideBy(service.Environment)`; Docker's documentation, "Environment variables precedence
//! in Docker Compose": `environment` above `env_file`).
//!
//! `environment:` is a list (`- KEY=value`, `- KEY`) or a map (`KEY: value`, `KEY:`); a name
//! without a value comes from the shell that starts Compose, and a value with `${VAR}` or `$VAR`
//! is interpolated by Compose (`$$` is a `$`): both unknown, never guessed. The variables become
//! settings of the same kind as an environment file's ([`super::env`]), placed at their YAML
//! line; the model applies them after the environment files.
//!
//! The variables mean what netbox-docker's `configuration.py` makes of them only in its image
//! (`docker.io/netboxcommunity/netbox`, netbox-docker's `docker-compose.yml`; also on other
//! registries, `netbox-community/netbox`; and under its earlier names, `ninech/netbox`, which
//! netbox-docker's own compose file ran until February 2019, and `digitalocean/netbox`, NetBox's
//! own image of 2016 whose Docker files became netbox-docker in April 2017), in an image built here (`build:`, netbox-docker's
//! Dockerfile-Plugins recipe), or one named without a namespace (a local build such as
//! `netbox:latest-plugins`). A service that runs another publisher's image
//! (`lscr.io/linuxserver/netbox`, an all-in-one image) has its own configuration, which reads its
//! own variables its own way (linuxserver's `ALLOWED_HOST`, comma-separated lists): its
//! `environment:` and `env_file:` are not read, so nothing is judged by netbox-docker's rules.
//!
//! A file may hold several YAML documents: compose-go reads each in order and merges it into
//! what came before (`loader/loader.go` `loadYamlFile`). A node tagged `!reset` drops what came
//! before and adds nothing, `!override` drops it and takes the node (`loader/reset.go`):
//! on the `netbox` service, its `environment:` or its `env_file:`. Across
//! files, `lint` applies them ([`ComposeFile::resets_environment`]).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use compact_str::CompactString;

use super::authentik::{Node, NodeKind, load};
use super::env::{Interpolation, interpolate, interpolation, invalid_template_message};
use super::netbox::{
    ComposeFacts, ContainerName, HealthProbe, InheritedPort, InterpolatedVariable, LinuxserverEnvironment,
    ProjectServices, Published, PythonFile, ServiceVariable, Setting, ShownService, StockConfiguration, SubpathRoute,
    SyntaxError, TraefikRouters, UNCLEAR_COMMAND, Value, ValueKind, is_template_slot, requirepass_variable,
};
use crate::finding::BlockId;
use crate::secret::is_secret_name;
use crate::version::Version;

/// The longest value interpolation makes known: a `.env` whose lines each double the one before
/// would otherwise grow without bound, and configuration values are short.
const MAX_INTERPOLATED: usize = 4096;

/// The variables Compose interpolates a project's compose files with, as far as they are known:
/// the project's `.env`, which compose-go reads from the working directory, the first compose
/// file's folder (`cli/options.go` `GetWorkingDir`, L262-283 and L410-430 at e70e961; the file
/// read by `dotenv/env.go` `GetEnvFromFile`), each with its line there. The shell's environment,
/// which Compose prefers, is not known: the checker reads the `.env` an administrator keeps.
#[derive(Debug, Clone, Default)]
pub struct ProjectEnv {
    vars: std::collections::HashMap<CompactString, Arc<Setting>, rustc_hash::FxBuildHasher>,
    /// The `.env`'s block and where its lines end (known when read from its text), to name a
    /// value's line.
    lines: Option<(BlockId, Arc<Lines>)>,
}

impl ProjectEnv {
    /// The `.env` file's variables, a later line winning (as compose-go's dotenv reads them).
    pub fn new(file: &PythonFile) -> ProjectEnv {
        ProjectEnv { vars: file.settings.iter().map(|s| (s.name.clone(), Arc::clone(s))).collect(), lines: None }
    }

    /// The `.env` line (from 1) of a setting its value came from.
    pub fn line(&self, setting: &Setting) -> Option<usize> {
        let (block, lines) = self.lines.as_ref()?;
        (setting.block == *block).then(|| lines.of(setting.statement.start))
    }

    /// Whether the `.env` sets a variable, to whatever value.
    pub fn sets(&self, name: &str) -> bool {
        self.vars.contains_key(name)
    }

    /// A variable's text, when the `.env` sets it to a known value.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.vars.get(name).and_then(|s| s.value.as_str())
    }

    /// The project's `.env` as compose-go reads it: a value that refers to variables set on
    /// earlier lines takes theirs (e70e961 `dotenv/godotenv.go` `expandVariables`: the shell
    /// first, which is not known here, then the file's earlier keys).
    pub fn read(text: &str, block: BlockId) -> ProjectEnv {
        let (file, notes) = super::env::read(text, block);
        let mut project = ProjectEnv { lines: Some((block, Arc::new(Lines::new(text)))), ..ProjectEnv::default() };
        let mut templates = notes.templates.iter().peekable();
        for (index, setting) in file.settings.iter().enumerate() {
            let mut setting = Arc::clone(setting);
            if let Some((_, template)) = templates.next_if(|(at, _)| *at == index)
                && let Interpolation::Known(text) = interpolate(template, |name| project.text(name))
                && text.len() <= MAX_INTERPOLATED
            {
                let value = Value { kind: ValueKind::Str(text.into()), range: setting.value.range.clone() };
                setting = Arc::new(Setting { value, ..Setting::clone(&setting) });
            }
            project.vars.insert(setting.name.clone(), setting);
        }
        project
    }

    /// An env file's setting whose value Compose interpolates (`ALLOWED_HOSTS=${HOSTS}`), as
    /// the project's `.env` makes it: compose-go fills an `env_file:`'s references from the
    /// project's environment first (e70e961 types/project.go L750-770,
    /// `WithServicesEnvironmentResolved`). The value is placed at the env file's line, under
    /// its own name: there the report masks a secret's value by the name, and the rules that
    /// report on the name find it. `None` where a name the `.env` does not set (the shell's, a
    /// service's) is needed, or the value is longer than 4096 bytes: still unknown.
    pub fn resolve(&self, setting: &Setting, template: &str) -> Option<Setting> {
        match interpolate(template, |name| self.text(name)) {
            Interpolation::Known(text) if !is_template_slot(&text) && text.len() <= MAX_INTERPOLATED => Some(Setting {
                value: Value { kind: ValueKind::Str(text.into()), range: setting.value.range.clone() },
                ..setting.clone()
            }),
            _ => None,
        }
    }

    /// The `.env` line of a value that is one reference alone to a known variable: `${NAME}` or
    /// `$NAME`, or `${NAME:-default}` (`${NAME:?error}`) where the `.env` gives it a value that is
    /// not empty, or `${NAME-default}` (`${NAME?error}`) where it sets it at all (compose-go's
    /// interpolation: the default is then never used). The setting is that line's, where its
    /// value is written and changed.
    fn whole_reference(&self, value: &str) -> Option<&Arc<Setting>> {
        let (name, needs_text) = match value.strip_prefix("${").and_then(|v| v.strip_suffix('}')) {
            Some(inner) => {
                let end = inner.bytes().position(|c| !(c == b'_' || c.is_ascii_alphanumeric())).unwrap_or(inner.len());
                let (name, rest) = inner.split_at(end);
                match rest.get(..2) {
                    _ if rest.is_empty() => (name, false),
                    Some(":-" | ":?") => (name, true),
                    _ if rest.starts_with(['-', '?']) => (name, false),
                    _ => return None,
                }
            }
            None => (value.strip_prefix('$')?, false),
        };
        let valid = name
            .bytes()
            .enumerate()
            .all(|(i, c)| c == b'_' || c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit()));
        self.vars.get(name).filter(|s| {
            valid && !name.is_empty() && s.value.as_str().is_some_and(|text| !needs_text || !text.is_empty())
        })
    }
}

/// One `env_file:` entry of the `netbox` service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvFile {
    /// The path as written (Compose resolves it against the project's working directory: the
    /// first compose file's directory).
    pub path: String,
    /// Whether Compose stops when it is missing (`required: false` says no; the default is yes).
    pub required: bool,
    /// `format: raw` (or another format than dotenv): the file is not read as dotenv, so its
    /// values are unknown here.
    pub raw: bool,
}

/// What one compose file gives the `netbox` service, read from a single load of its YAML.
#[derive(Debug, Clone, Default)]
pub struct ComposeFile {
    /// The effective `environment:` as settings, syntax errors and refused templates.
    pub file: PythonFile,
    /// The effective `env_file:` entries, in order.
    pub env_files: Vec<EnvFile>,
    /// A document tags the `netbox` service's `environment:` (or the service) `!reset` or
    /// `!override`: what earlier compose files gave it is dropped (compose-go e70e961
    /// `loader/reset.go` `ResetProcessor`, applied before each document's merge).
    pub resets_environment: bool,
    /// The same for `env_file:`.
    pub resets_env_files: bool,
    /// An `env_file:` entry of the `netbox` service names a path Compose interpolates: a file
    /// not read here, so the project is not read whole.
    pub env_files_unread: bool,
    /// The same for `ports:`.
    pub resets_ports: bool,
    /// Whether the `netbox` service sets `environment:` or `env_file:` at all.
    pub sets_netbox_environment: bool,
    /// The `netbox` service's `image:` as written: `Some(None)` for a `build:` (an image built
    /// here, whatever its tag), `None` when the file says nothing of it (a later document's
    /// `image:` or `build:` replacing an earlier one's).
    pub netbox_image: Option<Option<String>>,
}

/// Where a mount replaces netbox-docker's configuration: its configuration directory (and the
/// LDAP one under it), or a file in NetBox's `netbox/netbox/` (configuration.py,
/// ldap_config.py).
const CONFIGURATION_MOUNTS: &[&str] = &["/etc/netbox", "/opt/netbox/netbox/netbox"];

/// Whether a volume mounted at `target` brings a netbox-docker checkout's own configuration:
/// `./configuration:/etc/netbox/config` (netbox-docker's docker-compose.yml, 3.0.2), or one file
/// of it at the same place (`./configuration/extra.py:/etc/netbox/config/extra.py`).
fn from_checkout_configuration(volume: &Node, target: &str) -> bool {
    let source = match volume.as_str() {
        Some(short) => short.split(':').next().unwrap_or(""),
        None => volume.get("source").and_then(Node::as_str).unwrap_or(""),
    };
    let source = source.trim_start_matches("./").trim_end_matches('/');
    match target.strip_prefix("/etc/netbox/config") {
        Some("") => source == "configuration",
        Some(rest) if rest.starts_with('/') => source.strip_prefix("configuration") == Some(rest),
        _ => false,
    }
}

/// Whether `path` is `dir` or lies under it (`/etc/netbox/config` under `/etc/netbox`; a mount
/// of `/opt/netbox/netbox` covers `/opt/netbox/netbox/netbox`).
fn covers(path: &str, dir: &str) -> bool {
    let dir = dir.trim_end_matches('/');
    dir.is_empty() || path == dir || path.strip_prefix(dir).is_some_and(|rest| rest.starts_with('/'))
}

/// What is wrong with an image reference Docker refuses to parse, part by part, as
/// distribution/reference v0.6.0 reads one (reference.go's grammar, regexp.go): `name [":" tag]
/// ["@" digest]`, the name an optional registry host (`domain-component` `.`-separated, a port)
/// and `/`-separated path components of lower-case letters and digits joined by `.`, `_`, `__`
/// or dashes; the tag `[\w][\w.-]{0,127}`; the digest `algorithm:hex`, 32 hex digits at least,
/// 64 for sha256 (go-digest). Empty when it parses, or when it is interpolated (`${TAG}`) or a
/// template's slot (`{{ netbox_version }}`): its value is not known here. Linear in the
/// reference's length.
pub fn image_reference_errors(image: &str) -> Vec<ImageReferenceError> {
    let mut errors = Vec::new();
    if image.contains('$') || is_template_slot(image) {
        return errors;
    }
    let (rest, digest) = match image.split_once('@') {
        Some((rest, digest)) => (rest, Some(digest)),
        None => (image, None),
    };
    let (name, tag) = match rest.rfind(':') {
        Some(colon) if !rest[colon..].contains('/') => (&rest[..colon], Some(&rest[colon + 1..])),
        _ => (rest, None),
    };
    if !is_image_name(name) {
        errors.push(if is_image_name(&name.to_ascii_lowercase()) {
            ImageReferenceError::Uppercase
        } else {
            ImageReferenceError::Name
        });
    }
    if tag.is_some_and(|tag| !is_image_tag(tag)) {
        errors.push(ImageReferenceError::Tag);
    }
    if digest.is_some_and(|digest| !is_image_digest(digest)) {
        errors.push(ImageReferenceError::Digest);
    }
    errors
}

/// A part of an image reference Docker does not parse (see [`image_reference_errors`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageReferenceError {
    /// The repository name is not one: a space, a backslash, a separator at an end.
    Name,
    /// The repository name has upper-case letters (it would parse in lower case).
    Uppercase,
    /// The tag after the last `:`.
    Tag,
    /// The digest after `@`.
    Digest,
}

/// `[domain "/"] path`: a registry host (with a port) is tried for the first component when the
/// whole is no path.
fn is_image_name(name: &str) -> bool {
    let is_path = |path: &str| !path.is_empty() && path.split('/').all(is_path_component);
    is_path(name) || name.split_once('/').is_some_and(|(domain, path)| is_registry_host(domain) && is_path(path))
}

/// `[a-z0-9]+ (separator [a-z0-9]+)*`, a separator being `.`, `_`, `__` or dashes.
fn is_path_component(component: &str) -> bool {
    let alphanumeric = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let bytes = component.as_bytes();
    let mut i = 0;
    loop {
        let run = bytes[i..].iter().take_while(|b| alphanumeric(b)).count();
        if run == 0 {
            return false;
        }
        i += run;
        if i == bytes.len() {
            return true;
        }
        let separator = &component[i..i + bytes[i..].iter().take_while(|b| !alphanumeric(b)).count()];
        if !matches!(separator, "." | "_" | "__") && !separator.bytes().all(|b| b == b'-') {
            return false;
        }
        i += separator.len();
    }
}

/// `host [":" port]`: domain components (letters, digits, inner dashes) or `[IPv6]`.
fn is_registry_host(domain: &str) -> bool {
    let (host, port) = match domain.rfind(':') {
        Some(colon) if !domain[colon..].contains(']') => (&domain[..colon], Some(&domain[colon + 1..])),
        _ => (domain, None),
    };
    if port.is_some_and(|port| port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_hexdigit() || b == b':');
    }
    host.split('.').all(|component| {
        !component.is_empty()
            && component.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !component.starts_with('-')
            && !component.ends_with('-')
    })
}

/// `[\w][\w.-]{0,127}`.
fn is_image_tag(tag: &str) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    tag.len() <= 128 && tag.bytes().next().is_some_and(word) && tag.bytes().all(|b| word(b) || b == b'.' || b == b'-')
}

/// `algorithm ":" hex`: algorithm components `[A-Za-z][A-Za-z0-9]*` joined by `[-_+.]`, 32 hex
/// digits at least; for sha256 and sha512, which go-digest registers, exactly 64 or 128
/// lower-case ones (go-digest 137fd2b algorithm.go L35-36, L163, L289-306).
fn is_image_digest(digest: &str) -> bool {
    let Some((algorithm, hex)) = digest.split_once(':') else { return false };
    let algorithm_ok = algorithm.split(['-', '_', '+', '.']).all(|component| {
        component.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && component.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    let registered = match algorithm {
        "sha256" => Some(64),
        "sha512" => Some(128),
        _ => None,
    };
    algorithm_ok
        && hex.len() >= 32
        && hex.bytes().all(|b| b.is_ascii_hexdigit())
        && registered.is_none_or(|length| {
            hex.len() == length && hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

/// An image reference's repository (lower case) and tag: the tag follows the last `:` after the
/// last `/` (a registry's port comes before a `/`); a digest (`@sha256:…`) is dropped.
pub fn image_repository_and_tag(image: &str) -> (String, Option<&str>) {
    let name = image.split('@').next().unwrap_or(image);
    // The last `:` outside a `${…}` (whose `:-` is Compose's default, not the tag's colon).
    let mut depth = 0usize;
    let mut colon = None;
    let bytes = name.as_bytes();
    for (at, byte) in bytes.iter().enumerate() {
        match byte {
            b'$' if bytes.get(at + 1) == Some(&b'{') => depth += 1,
            b'}' if depth > 0 => depth -= 1,
            b':' if depth == 0 => colon = Some(at),
            b'/' if depth == 0 => colon = None,
            _ => {}
        }
    }
    match colon {
        Some(colon) => (name[..colon].to_ascii_lowercase(), Some(&name[colon + 1..])),
        None => (name.to_ascii_lowercase(), None),
    }
}

/// Whether a repository is netbox-docker's, on any registry: also under its earlier names,
/// `ninech/netbox` (netbox-docker's docker-compose.yml at 0.3.1 runs `ninech/netbox:${VERSION-latest}`;
/// 6182133 'Update references to netboxcommunity', 2019-02-06) and `digitalocean/netbox` (NetBox's
/// own docker-compose.yml of 2016, af8734563, whose docker/ files, the same entrypoint creating
/// the superuser from SUPERUSER_* and configuration.docker.py reading SECRET_KEY and DB_*, moved
/// to netbox-docker in 864fa17b7, 'Closes #1008', 2017-04-19).
fn is_netbox_docker_repository(repository: &str) -> bool {
    ["netboxcommunity/netbox", "netbox-community/netbox", "ninech/netbox", "digitalocean/netbox"]
        .iter()
        .any(|name| on_any_registry(repository, name))
}

/// Whether a repository is `name` on Docker Hub or on any other registry (`ghcr.io/name`), by
/// whole path components.
fn on_any_registry(repository: &str, name: &str) -> bool {
    repository == name || repository.strip_suffix(name).is_some_and(|registry| registry.ends_with('/'))
}

/// Whether an image's repository is linuxserver's NetBox (`lscr.io/linuxserver/netbox`,
/// `linuxserver/netbox`), by whole path components.
fn is_linuxserver_repository(repository: &str) -> bool {
    on_any_registry(repository, "linuxserver/netbox")
}

/// Whether an image is netbox-docker's as published (any registry; not a local or interpolated
/// name, which may be built with a configuration of its own).
pub fn published_netbox_docker_image(image: &str) -> bool {
    let (repository, _) = image_repository_and_tag(image);
    !repository.contains('$') && is_netbox_docker_repository(&repository)
}

/// Whether an image's configuration takes `SECRET_KEY` from the variable whenever it is set,
/// before any /run/secrets/secret_key file: netbox-docker before 0.26.0, whose configuration.py
/// read `os.environ.get('SECRET_KEY', read_secret('secret_key'))` (from bd9298e, 2017-12-13, to
/// 0.25.0's configuration/configuration.py L50; 6bada66, first released in 0.26.0, reads the
/// file first), known by a NetBox line before 2.9 in the tag (`v2.8.9`, `v2.8`, and the LDAP
/// variants `v2.8.9-ldap`, `v2.8-ldap` that 0.25.0's build.sh L216 and L237 also published; 0.x
/// tags name no netbox-docker release, a suffix came in 1.4.1, and 0.25.0 and 0.26.0 both built
/// 2.9); and every image under netbox-docker's earlier names: `ninech/netbox`, last pushed at
/// 0.7.0, and `digitalocean/netbox`, NetBox's own of 2016-2017, whose configuration.docker.py
/// read the variable alone (af8734563 L27, `SECRET_KEY = os.environ.get('SECRET_KEY', '')`).
/// `latest`, `latest-ldap` or a tag not read is not known to.
pub fn image_reads_secret_key_variable_first(image: &str, project: Option<&ProjectEnv>) -> bool {
    let (repository, tag) = image_repository_and_tag(image);
    if ["ninech/netbox", "digitalocean/netbox"].iter().any(|name| on_any_registry(&repository, name)) {
        return true;
    }
    if !is_netbox_docker_repository(&repository) {
        return false;
    }
    let line = match built(image, project) {
        Some(Built::Named { netbox: Some(line), docker: None }) => line,
        // `v2.8.9-ldap`: the release the tag names before the variant's name.
        Some(Built::LdapVariant) => {
            let tag = tag.and_then(|tag| interpolated_tag(tag, project));
            let Some(line) = tag.and_then(|tag| tag_release(image, &tag)?.parse::<Version>().ok()) else {
                return false;
            };
            line
        }
        _ => return false,
    };
    line < Version::new(2, 9, 0)
}

/// Whether an image is linuxserver's NetBox as published (any registry; not an interpolated name).
pub fn published_linuxserver_image(image: &str) -> bool {
    let (repository, _) = image_repository_and_tag(image);
    !repository.contains('$') && is_linuxserver_repository(&repository)
}

/// The NetBox release a published image's tag names, as written (`4.4`, `4.1.3`), or `None`
/// for `latest` and the like. netbox-docker tags `v4.4-3.4.1` (NetBox 4.4, netbox-docker
/// 3.4.1), `v4.4.2-3.4.1`, `v4.4` and `v4.4.2`. linuxserver pushes `<release>-ls<build>`,
/// `version-<release>` and the release's `major.minor.patch`, each also behind an architecture
/// prefix, where the release is NetBox's GitHub tag (`v4.1.3`; linuxserver/docker-netbox
/// c710945 Jenkinsfile L23-24 EXT_REPO netbox-community/netbox, L176-178 SEMVER, L219-221
/// META_TAG and EXT_RELEASE_TAG, L953-956 the tags pushed).
pub fn tag_release<'t>(image: &str, tag: &'t str) -> Option<&'t str> {
    let release = if published_netbox_docker_image(image) {
        // NetBox's part, then netbox-docker's.
        let release = tag.strip_prefix('v')?;
        release.split_once('-').map_or(release, |(netbox, _)| netbox)
    } else if published_linuxserver_image(image) {
        let tag = ["amd64-", "arm64v8-", "arm32v7-"].iter().find_map(|arch| tag.strip_prefix(arch)).unwrap_or(tag);
        let tag = tag.strip_prefix("version-").unwrap_or(tag);
        let tag = tag.strip_prefix('v').unwrap_or(tag);
        tag.split_once("-ls").or_else(|| tag.split_once("-pkg-")).map_or(tag, |(release, _)| release)
    } else {
        return None;
    };
    release.starts_with(|c: char| c.is_ascii_digit()).then_some(release)
}

/// The newest NetBox release of an image name netbox-docker no longer publishes to, for its
/// `latest` (`latest-ldap`, or no tag; a tag Compose interpolates as Compose reads it):
/// `ninech/netbox` was last pushed before netbox-docker moved to `netboxcommunity/netbox`
/// (6182133, 2019-02-06, at netbox-docker 0.7.0 with NetBox 2.5), and `digitalocean/netbox` was
/// built from NetBox's own Dockerfile until it moved out (864fa17b7, 2017-04-19, before
/// v2.0-beta3), so NetBox 1.x.
pub fn frozen_latest_release(image: &str, project: Option<&ProjectEnv>) -> Option<&'static str> {
    let (repository, tag) = image_repository_and_tag(image);
    let release = if on_any_registry(&repository, "ninech/netbox") {
        "2.5"
    } else if on_any_registry(&repository, "digitalocean/netbox") {
        "1.9"
    } else {
        return None;
    };
    match tag {
        None => Some(release),
        Some(tag) => {
            let tag = interpolated_tag(tag, project)?;
            (tag == "latest" || tag.starts_with("latest-")).then_some(release)
        }
    }
}

/// An image tag with its one `${VAR-default}` (or `${VAR:-default}`, `${VAR}`) resolved from the
/// project's `.env`, else the default (not from the shell, which may set it: the note on stderr
/// says which tag was read, and `--target` chooses another).
pub fn interpolated_tag(tag: &str, project_env: Option<&ProjectEnv>) -> Option<String> {
    let Some(inner) = tag.strip_prefix("${").and_then(|t| t.strip_suffix('}')) else {
        return (!tag.contains('$')).then(|| tag.to_owned());
    };
    let (name, default) = match inner.split_once(":-").or_else(|| inner.split_once('-')) {
        Some((name, default)) => (name, Some(default)),
        None => (inner, None),
    };
    // Set in the `.env` to a value not known here (`VERSION=${OTHER:-…}`): the tag is not known.
    if project_env.is_some_and(|env| env.sets(name) && env.text(name).is_none()) {
        return None;
    }
    let from_env = project_env.and_then(|env| env.text(name)).map(str::to_owned);
    from_env.filter(|v| !v.is_empty() || !inner.contains(":-")).or_else(|| default.map(str::to_owned))
}

/// Whether netbox-docker's image, by its tag, ships a configuration that maps no
/// `SOCIAL_AUTH_*` variable: netbox-docker 3.0.2 or before, named by the tag's suffix
/// (`v4.1-3.0.2`), or without one a NetBox line up to 4.1 (3.0.2 built 4.1). Read up to 27bf52c
/// (3.0.2), no netbox-docker configuration.py maps one; Okta's and Google's variables came with
/// netbox-docker pull request #1475 (opened 2025-07-03, merged), generic OpenID Connect's with
/// #1626 (opened 2026-02-19, merged; 4.0.2's and 5.0.1's configuration.py read `SOCIAL_AUTH_OIDC_OIDC_ENDPOINT`, `_KEY`,
/// `_SECRET`). A later or unnamed release (`latest`, `v4.6-5.0.2`) is not known to map none.
pub fn image_maps_no_sso_variables(image: &str, project: Option<&ProjectEnv>) -> bool {
    built_before(image, project, Version::new(3, 0, 3), Version::new(4, 2, 0))
}

/// Whether netbox-docker's image, by its tag, fills in the password `admin` for the superuser
/// its entrypoint creates when `SUPERUSER_PASSWORD` is unset: netbox-docker before 5.0.0, named
/// by the tag's suffix (`v4.4-3.4.2`), or without one a NetBox line before 4.6, which 5.0.0 and
/// later do not build. 1.0.0 to 3.0.2's docker/docker-entrypoint.sh (3.0.2 L65-66) and the later
/// docker/super_user.py (the release creating NetBox 4.5's v2 tokens) default it to `admin`;
/// pull request #1674 removed the default, released in 5.0.0 (pull request #1675, "Version
/// 5.0.0": "We removed the insecure and widely known default secrets"; "only compatible with
/// NetBox v4.6.x and above").
pub fn image_fills_in_superuser_password(image: &str, project: Option<&ProjectEnv>) -> bool {
    built_before(image, project, Version::new(5, 0, 0), Version::new(4, 6, 0))
}

/// Whether netbox-docker's image, by its tag, runs a configuration that turns `LOGIN_REQUIRED` on
/// where the environment leaves the variable unset: netbox-docker 3.0.0 and later
/// (configuration/configuration.py L226, `_environ_get_and_map('LOGIN_REQUIRED', 'True',
/// _AS_BOOL)`, commit 8c691f1; 2.9.1's default was 'False'), named by the tag's suffix, or
/// without one a NetBox line from 4.1, which 3.0.0 was the first to build (2.9.1's compose file
/// runs `v4.0-2.9.1`, 3.0.0's `v4.1-3.0.0`); `latest` and `snapshot` are current releases.
pub fn image_requires_login_by_default(image: &str, project: Option<&ProjectEnv>) -> bool {
    // A digest pins a build the tag no longer names (`latest@sha256:…` may be a 2.9.x build).
    if image.contains('@') {
        return false;
    }
    match built(image, project) {
        Some(Built::Current) => true,
        Some(Built::Named { docker: Some(built_by), .. }) => built_by >= Version::new(3, 0, 0),
        Some(Built::Named { netbox: Some(line), docker: None }) => line >= Version::new(4, 1, 0),
        _ => false,
    }
}

/// What a netbox-docker image's tag says of its build: a NetBox line or release (`v4.4`,
/// `v4.4.2`) and, after a `-`, the netbox-docker release that built it (`v4.4-3.4.2`), or
/// netbox-docker's release alone (`latest-3.4.2`, `snapshot-3.4.2`); `latest` and `snapshot`
/// are the current releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Built {
    /// `latest`, `snapshot`, or no tag at all: the newest netbox-docker.
    Current,
    /// An `ldap` variant (`v3.1-ldap`, `v3.1.0-ldap-1.5.1`, `latest-ldap`): netbox-docker's
    /// build.sh added the target's name to the tag for every target but `main` (1.6.1 L242-246
    /// and L265-270), and from 2.0.0 it builds `main` only, with the LDAP loader inside (2.0.0
    /// build.sh L225): a build of netbox-docker before 2.0.0.
    LdapVariant,
    /// The releases the tag names, where it names them.
    Named { netbox: Option<Version>, docker: Option<Version> },
}

/// What an image's tag, interpolated with the project's `.env` (else its default), says of its
/// build; `None` where the tag is not known (a digest alone, `${TAG}` unset) or not of
/// netbox-docker's forms.
fn built(image: &str, project: Option<&ProjectEnv>) -> Option<Built> {
    let version = |text: &str| text.parse::<Version>().ok();
    let (_, written) = image_repository_and_tag(image);
    let tag = written.and_then(|tag| interpolated_tag(tag, project));
    let ldap = |tag: &str| tag.split('-').any(|part| part == "ldap");
    // netbox-docker's earlier names: their `latest` is the last image pushed there.
    if let Some(netbox) = frozen_latest_release(image, project) {
        return Some(if tag.as_deref().is_some_and(ldap) {
            Built::LdapVariant
        } else {
            Built::Named { netbox: version(netbox), docker: None }
        });
    }
    let tag = match written {
        // A digest names a build, which the tag would have said.
        None if image.contains('@') => return None,
        None => return Some(Built::Current),
        Some(_) => tag?,
    };
    if ldap(&tag) {
        return Some(Built::LdapVariant);
    }
    let docker = |text: &str| if text.contains('.') { version(text) } else { None };
    if tag == "latest" || tag == "snapshot" {
        return Some(Built::Current);
    }
    if let Some(built_by) = tag.strip_prefix("latest-").or_else(|| tag.strip_prefix("snapshot-")) {
        return Some(Built::Named { netbox: None, docker: docker(built_by) });
    }
    let release = tag.strip_prefix('v')?;
    match release.split_once('-') {
        // A suffix that names no release (`v4.4-3`) leaves the build unknown.
        Some((netbox, built_by)) => {
            docker(built_by).map(|docker| Built::Named { netbox: version(netbox), docker: Some(docker) })
        }
        None => Some(Built::Named { netbox: version(release), docker: None }),
    }
}

/// Whether netbox-docker's image, by its tag, was built by a netbox-docker release before
/// `docker` (the tag's suffix, `v4.1-3.0.2`, `latest-3.0.2`) or, without one, is of a NetBox
/// line before `netbox` (which those releases were the last to build). `latest` names none
/// before.
fn built_before(image: &str, project: Option<&ProjectEnv>, docker: Version, netbox: Version) -> bool {
    match built(image, project) {
        Some(Built::LdapVariant) => docker >= Version::new(2, 0, 0),
        Some(Built::Named { docker: Some(built_by), .. }) => built_by < docker,
        Some(Built::Named { netbox: Some(line), docker: None }) => line < netbox,
        _ => false,
    }
}

/// Whether netbox-docker's image, by its tag, ships the `ldap_config.py` that reads the
/// `AUTH_LDAP_*` variables: every image from netbox-docker 2.0.0 (its Dockerfile copies
/// docker/ldap_config.docker.py into the main stage; up to 1.6.1 only the `-ldap` images had it,
/// 1.5.1 Dockerfile `FROM main as ldap`), named by the tag's suffix (`v4.4-3.4.2`,
/// `latest-3.4.2`), an `ldap` variant, or without a suffix a NetBox line from 3.3 (first pinned
/// by 2.2.0; 3.2 was built by 1.6.1 and by 2.0.0 alike); `latest` and `snapshot` are current
/// releases. A tag that names an older release, or none that is known, is not.
pub fn image_reads_ldap_variables(image: &str, project: Option<&ProjectEnv>) -> bool {
    match built(image, project) {
        Some(Built::Current | Built::LdapVariant) => true,
        Some(Built::Named { docker: Some(built_by), .. }) => built_by >= Version::new(2, 0, 0),
        Some(Built::Named { netbox: Some(line), docker: None }) => line >= Version::new(3, 3, 0),
        _ => false,
    }
}

/// Whether netbox-docker's image, by its tag, serves NetBox with NGINX Unit on port 8080 (and
/// its status on 8081 from 2.5.0): every release from 1.0.0 to 3.0.2 (docker/nginx-unit.json,
/// `*:8080` to 2.3.0, `0.0.0.0:8080` and `[::]:8080` from 2.4.0, read at each of the 31 tags),
/// named by the tag's suffix (`v3.7-2.8.0`), or without one a NetBox line from 2.11 to 4.0,
/// which no other release built (0.27.0, the last gunicorn release, built 2.10, as 1.0.0 did;
/// 3.0.2 built 4.1). Before 1.0.0 gunicorn served on 8001; the releases after 3.0.2 were not
/// read here (4.0.0 moved to Granian): not known, so not judged.
pub fn image_served_by_nginx_unit(image: &str, project: Option<&ProjectEnv>) -> bool {
    match built(image, project) {
        Some(Built::Named { docker: Some(built_by), .. }) => {
            (Version::new(1, 0, 0)..=Version::new(3, 0, 2)).contains(&built_by)
        }
        Some(Built::Named { netbox: Some(line), docker: None }) => {
            (Version::new(2, 11, 0)..Version::new(4, 1, 0)).contains(&line)
        }
        _ => false,
    }
}

/// Whether netbox-docker's image, by its tag, is known to ship no loader for the `AUTH_LDAP_*`
/// variables: a main image of a netbox-docker release before 2.0.0 (`v3.1-1.6.1`; up to 1.6.1 only
/// the `-ldap` images had ldap_config.py, 1.5.1 Dockerfile `FROM main as ldap`), or without a
/// suffix a NetBox line before 3.2, which only those releases built. An image built here, a digest
/// or a tag not read may have it.
pub fn image_lacks_ldap_loader(image: &str, project: Option<&ProjectEnv>) -> bool {
    match built(image, project) {
        Some(Built::Named { docker: Some(built_by), .. }) => built_by < Version::new(2, 0, 0),
        Some(Built::Named { netbox: Some(line), docker: None }) => line < Version::new(3, 2, 0),
        _ => false,
    }
}

/// A `ports:` entry's container port: the short form's last `:` part (`[HOST_IP:][HOST_PORT:]
/// CONTAINER_PORT[/PROTO]`), or the long form's `target`. A range or an interpolated entry is left
/// out.
fn container_port(port: &Node) -> Option<(u16, Range<usize>)> {
    let text = match &port.kind {
        NodeKind::Int(n) => n.to_string(),
        NodeKind::Str(short) => short.rsplit(':').next()?.split('/').next()?.trim().to_owned(),
        _ => match &port.get("target")?.kind {
            NodeKind::Int(n) => n.to_string(),
            NodeKind::Str(target) => target.trim().to_owned(),
            _ => return None,
        },
    };
    Some((text.parse().ok()?, port.range.clone()))
}

/// Whether a file mounted at `target` may make the image serve NetBox on another port: its web
/// server's configuration (linuxserver's uwsgi.ini, netbox-docker's Unit configuration and
/// /etc/unit) or the scripts that start it (netbox-docker's launch-netbox.sh, which reads
/// `UNIT_CONFIG` and loads the configuration into Unit, and docker-entrypoint.sh, which runs it).
fn serves_elsewhere(target: &str) -> bool {
    ["/uwsgi.ini", "/nginx-unit.json", "/launch-netbox.sh", "/docker-entrypoint.sh"]
        .iter()
        .any(|file| target.ends_with(file))
        || target.trim_end_matches('/') == "/etc/unit"
}

/// What a service's `healthcheck:` asks of the container itself (see
/// [`crate::parse::netbox::ComposeFacts::healthcheck_probe`]): `None` without a `test` (a check
/// that sets only its timing keeps an earlier file's test), `Some(None)` for a check reset,
/// replaced (`!override`) without a test or disabled (`disable: true`); else the probe, whose
/// port is `None` where the test asks no port on `localhost`, `127.0.0.1` or `[::1]`, or
/// several. Keys from a merge key (`<<: *check`) count, as go-yaml resolves them.
fn health_probe(check: &Node, block: BlockId) -> Option<Option<HealthProbe>> {
    let (tag, check) = untag(check);
    if tag == Tag::Reset || service_key(check, "disable").is_some_and(|d| matches!(d.kind, NodeKind::Bool(true))) {
        return Some(None);
    }
    // `!override` replaces the whole check: without a `test`, none is left (the image's
    // Dockerfile has no HEALTHCHECK, netbox-docker 1.0.0 to 3.0.2).
    let Some(test) = service_key(check, "test") else { return (tag == Tag::Override).then_some(None) };
    let text = match &test.kind {
        NodeKind::Str(command) => command.clone(),
        NodeKind::Seq(words) => words.iter().filter_map(Node::as_str).collect::<Vec<_>>().join(" "),
        _ => return Some(None),
    };
    let text = text.as_str();
    // Each URL on the container itself: its port, and whether its path is the REST API's.
    let local = ["://localhost", "://127.0.0.1", "://[::1]"].into_iter().flat_map(|host| {
        text.match_indices(host).map(move |(at, _)| {
            let rest = &text[at + host.len()..];
            let port_text =
                rest.strip_prefix(':').map(|r| &r[..r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len())]);
            let path = &rest[port_text.map_or(0, |p| p.len() + 1)..];
            // `/api/` and the paths below it, but the schema pages, open to anyone
            // (drf-spectacular's SERVE_PERMISSIONS); `/api` alone is redirected to `/api/`
            // (Django's APPEND_SLASH), which `curl -f` takes for a success.
            let api = path.strip_prefix("/api/").is_some_and(|below| !below.starts_with("schema"));
            (port_text.and_then(|p| p.parse::<u16>().ok()), api)
        })
    });
    let mut ports = local.clone().filter_map(|(port, _)| port);
    let first = ports.next();
    let port = first.filter(|&port| ports.all(|other| other == port));
    let api_without_token = local.clone().count() == 1 && local.clone().all(|(_, api)| api) && fails_on_refusal(text);
    Some(Some(HealthProbe { block, range: test.range.clone(), port, api_without_token }))
}

/// Whether a health check's one request fails on an HTTP error and nothing else decides: `curl`
/// with `-f` (`--fail`, `--fail-with-body`, or in a group of short flags: `-fsS`), `wget`, or
/// Python's `urllib`; and no token or header from elsewhere (`Authorization`, `Bearer`,
/// `--oauth2-bearer`, `-H @file`, `-K`), no status read apart (`%{http_code}`, `grep`).
fn fails_on_refusal(test: &str) -> bool {
    let lower = test.to_ascii_lowercase();
    let other_decides = ["authorization", "bearer", "token", "oauth2", "-h @", "-k ", "--config", "http_code", "grep"]
        .iter()
        .any(|word| lower.contains(word));
    let words: Vec<&str> = test.split_whitespace().collect();
    let curl_fails = words.iter().any(|w| w.ends_with("curl"))
        && words.iter().any(|w| {
            matches!(*w, "--fail" | "--fail-with-body")
                || (w.starts_with('-')
                    && !w.starts_with("--")
                    && w[1..].chars().all(|c| c.is_ascii_alphabetic())
                    && w.contains('f'))
        });
    let fails = curl_fails || lower.contains("wget") || lower.contains("urllib");
    fails && !other_decides
}

/// Reverse proxies by the repository part of their image (`traefik:v3`, `nginx:alpine`,
/// `jc21/nginx-proxy-manager`, `caddy`, `haproxy`, `lscr.io/linuxserver/swag`,
/// `ghcr.io/goauthentik/proxy`, `quay.io/oauth2-proxy/oauth2-proxy`).
const PROXY_IMAGES: &[&str] = &[
    "traefik",
    "nginx",
    "nginx-unprivileged",
    "nginx-proxy-manager",
    "caddy",
    "haproxy",
    "swag",
    "proxy",
    "oauth2-proxy",
    "envoy",
];

/// The proxy a service's image names, by the last part of its repository.
fn proxy_image(image: &str) -> Option<&'static str> {
    let name = image.split('@').next().unwrap_or(image);
    let repository = match name.rfind(':') {
        Some(colon) if !name[colon..].contains('/') => &name[..colon],
        _ => name,
    };
    let last = repository.rsplit('/').next().unwrap_or(repository).to_ascii_lowercase();
    PROXY_IMAGES.iter().find(|p| **p == last).copied()
}

/// Whether a host address is the machine itself (Compose's `127.0.0.1:8080:8080`).
fn loopback_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host == "localhost" || host == "::1" || host.starts_with("127.")
}

/// The ports of a service's `ports:` that Compose publishes beyond the machine itself: the short
/// form `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTO]` (a container port alone is published on
/// an ephemeral port of every interface) and the long form's `host_ip` (Compose's
/// documentation, "ports"; the default address is every interface). Compose interpolates an
/// entry first: with the project's `.env` where it gives every name (`${NETBOX_HOST_IP}:8000:8080`),
/// else the entry's address is not known here (the shell may set it), unless the variable is the
/// host port alone with a port as its default (`${NETBOX_PORT:-8000}:8080`, corpus case t211): the
/// variable is taken for what its default says, a port, so no address is written (a shell that
/// set it to `127.0.0.1:8000` would bind the machine only; nothing shown says so).
/// The proxy beside them is filled in once the whole file is read.
fn published_ports(ports: &Node, project: Option<&ProjectEnv>, block: BlockId) -> Vec<Published> {
    let mut out = Vec::new();
    for port in ports.items() {
        let (entry, host) = if let Some(short) = port.as_str().map(str::to_owned).or_else(|| match &port.kind {
            NodeKind::Int(n) => Some(n.to_string()),
            _ => None,
        }) {
            let (entry, known) = if short.contains('$') {
                match interpolate(&short, |name| project.and_then(|p| p.text(name))) {
                    Interpolation::Known(text) if !is_template_slot(&text) => (text.clone(), text),
                    // `${NETBOX_PORT:-8000}:8080`: the variable stands for the host port (its
                    // default is one).
                    _ => match host_port_variable_default(&short) {
                        Some(known) => (short, known),
                        None => continue,
                    },
                }
            } else {
                (short.clone(), short)
            };
            (entry, short_port_parts(&known).0.map(str::to_owned))
        } else if port.get("target").is_some() {
            // Without `published`, an ephemeral port, as the short form's container port alone.
            let host = port.get("host_ip").and_then(Node::as_str).map(str::to_owned);
            if host.as_deref().is_some_and(|h| h.contains('$')) {
                continue;
            }
            ("(long form)".to_owned(), host)
        } else {
            continue;
        };
        if host.as_deref().is_some_and(loopback_host) {
            continue;
        }
        let every_interface = host.as_deref().is_none_or(every_interface);
        out.push(Published { entry, range: port.range.clone(), every_interface, block, proxy: None });
    }
    out
}

/// A host address that stands for every interface of the host: none, `0.0.0.0` or `::`.
fn every_interface(address: &str) -> bool {
    matches!(address.trim_matches(['[', ']']), "" | "0.0.0.0" | "::")
}

/// A short-form `ports:` entry, `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTO]`: the host
/// address and host port when written, and the container port with its protocol. An IPv6 host
/// is bracketed: the address is what comes before the last two `:`-separated parts.
fn short_port_parts(entry: &str) -> (Option<&str>, Option<&str>, &str) {
    let mut parts = entry.rsplitn(3, ':');
    let container = parts.next().unwrap_or_default();
    let host_port = parts.next();
    (parts.next(), host_port, container)
}

/// The fixed host side of a `ports:` entry, as the engine binds it: the address (`None` for
/// every interface), the port and the protocol; `None` for an ephemeral port, a range, or a
/// value Compose interpolates.
fn fixed_host_port(port: &Node) -> Option<(Option<String>, u16, String)> {
    if let Some(short) = port.as_str() {
        if short.contains('$') {
            return None;
        }
        let (address, host_port, container) = short_port_parts(short);
        let protocol = container.split_once('/').map_or("tcp", |(_, protocol)| protocol);
        let port = host_port?.parse().ok().filter(|p| *p > 0)?;
        let address = address.filter(|address| !every_interface(address)).map(str::to_owned);
        return Some((address, port, protocol.to_ascii_lowercase()));
    }
    let published = port.get("published")?;
    let host_port = match &published.kind {
        NodeKind::Int(n) => u16::try_from(*n).ok()?,
        _ => published.as_str()?.parse().ok()?,
    };
    let address = port.get("host_ip").and_then(Node::as_str).filter(|a| !every_interface(a)).map(str::to_owned);
    if address.as_deref().is_some_and(|a| a.contains('$')) || host_port == 0 {
        return None;
    }
    let protocol = port.get("protocol").and_then(Node::as_str).unwrap_or("tcp").to_ascii_lowercase();
    Some((address, host_port, protocol))
}

/// The services of one `services:` map that publish no port whatever another file gives them
/// (see [`crate::parse::netbox::ComposeFacts::ports_settled`]).
fn services_ports_settled(services: &Node) -> Vec<String> {
    let NodeKind::Map(entries) = &services.kind else { return Vec::new() };
    entries
        .iter()
        .filter(|(_, service)| {
            let service = untag(service).1;
            service.get("ports").is_some_and(|ports| !matches!(untag(ports).0, Tag::Merge))
                || ["profiles", "network_mode"].iter().any(|key| service_key(service, key).is_some())
                || scaled_to_zero(service) == Some(true)
        })
        .filter_map(|(name, _)| name.as_str().map(str::to_ascii_lowercase))
        .collect()
}

/// How many entries of one host port are compared (see [`ports_inherited`]).
const PORT_CLASH_GROUP: usize = 64;

/// A service's `ports:` entry with a fixed host port (see [`ports_inherited`]).
struct HostBinding<'a> {
    service: &'a str,
    /// Written on the service itself, not got through a merge key.
    written: bool,
    range: Range<usize>,
    /// The host side as written.
    host: String,
    /// `None` for every interface.
    address: Option<String>,
    port: u16,
    protocol: String,
}

/// Fixed host ports services of one `services:` map get through a YAML merge key while another
/// of its services publishes the same (see [`InheritedPort`]). A service a profile leaves out,
/// one scaled to no container, or one given a network mode (host networking ignores `ports:`, a
/// service in another's namespace cannot publish; other modes are left out too, to be safe) is
/// not counted.
fn ports_inherited(services: &Node, block: BlockId) -> Vec<InheritedPort> {
    let NodeKind::Map(entries) = &services.kind else { return Vec::new() };
    let mut bound: Vec<HostBinding<'_>> = Vec::new();
    for (name, service) in entries {
        let Some(name) = name.as_str().filter(|name| *name != "<<") else { continue };
        let service = untag(service).1;
        if ["profiles", "network_mode"].iter().any(|key| service_key(service, key).is_some())
            || scaled_to_zero(service) == Some(true)
        {
            continue;
        }
        let Some(ports) = service_key(service, "ports") else { continue };
        let written = service.get("ports").is_some();
        for entry in untag(ports).1.items() {
            if let Some((address, port, protocol)) = fixed_host_port(entry) {
                let host = match &address {
                    Some(address) => format!("{address}:{port}"),
                    None => port.to_string(),
                };
                bound.push(HostBinding {
                    service: name,
                    written,
                    range: entry.range.clone(),
                    host,
                    address,
                    port,
                    protocol,
                });
            }
        }
    }
    // Grouped by host port and protocol: only entries of one group can clash. A group is looked
    // at up to [`PORT_CLASH_GROUP`] entries, so a file of thousands costs no more than that each.
    let mut groups: HashMap<(u16, &str), Vec<usize>> = HashMap::new();
    for (i, binding) in bound.iter().enumerate() {
        let group = groups.entry((binding.port, binding.protocol.as_str())).or_default();
        if group.len() < PORT_CLASH_GROUP {
            group.push(i);
        }
    }
    let mut out: Vec<InheritedPort> = Vec::new();
    let mut at_entry: HashMap<usize, usize> = HashMap::new();
    for (i, binding) in bound.iter().enumerate() {
        let Some(group) = groups.get(&(binding.port, binding.protocol.as_str())) else { continue };
        if binding.written || !group.contains(&i) {
            continue;
        }
        let clashes = |&&j: &&usize| {
            let other = &bound[j];
            other.service != binding.service
                && (binding.address.is_none() || other.address.is_none() || other.address == binding.address)
        };
        let Some(&holder) = group
            .iter()
            .filter(|&&j| bound[j].written)
            .find(clashes)
            .or_else(|| group.iter().filter(|&&j| j < i).find(clashes))
        else {
            continue;
        };
        match at_entry.get(&binding.range.start) {
            Some(&seen) => {
                let inheritors = &mut out[seen].inheritors;
                if !inheritors.iter().any(|s| s == binding.service) {
                    inheritors.push(binding.service.to_owned());
                }
            }
            None => {
                at_entry.insert(binding.range.start, out.len());
                out.push(InheritedPort {
                    block,
                    range: binding.range.clone(),
                    host: binding.host.clone(),
                    inheritors: vec![binding.service.to_owned()],
                    holder: bound[holder].service.to_owned(),
                });
            }
        }
    }
    out
}

/// An `image:` as Compose interpolates it with the project's `.env`
/// (`${NETBOX_DB_IMAGE:-postgres:17-alpine}`, the `.env`'s value, or the default where the
/// `.env` sets the name empty); `None` where a name the `.env` does not set is used (the shell
/// may set it).
fn interpolated_image(image: &str, project: Option<&ProjectEnv>) -> Option<String> {
    match interpolate(image, |name| project.and_then(|p| p.text(name))) {
        Interpolation::Known(text) if !is_template_slot(&text) => Some(text),
        _ => None,
    }
}

/// A service's `image:` as it runs: interpolated where that is known, else as written (also
/// through a YAML merge key).
fn image_as_run(service: &Node, project: Option<&ProjectEnv>) -> Option<String> {
    let image = service_key(service, "image").and_then(Node::as_str)?;
    Some(interpolated_image(image, project).unwrap_or_else(|| image.to_owned()))
}

/// Whether this file scales the service to no container (`scale: 0` or `deploy: {replicas: 0}`:
/// one that only builds an image, say), to some (another count), or says nothing (`None`; a
/// later file's count wins).
fn scaled_to_zero(service: &Node) -> Option<bool> {
    let count = service_key(service, "scale")
        .or_else(|| service_key(service, "deploy").and_then(|deploy| deploy.get("replicas")))?;
    Some(matches!(count.kind, NodeKind::Int(0)) || count.as_str() == Some("0"))
}

/// `${NAME:-8000}:8080` (or `${NAME-8000}`, after a literal address: `0.0.0.0:${NAME:-8000}:8080`)
/// with the name not known here: the entry with the default in, where the interpolation is the
/// whole host port and its default a port (1 to 65535). Other forms (`:?`, `:+`) say nothing of it.
fn host_port_variable_default(short: &str) -> Option<String> {
    // A bracketed IPv6 address (`[::]:…`) holds `:` of its own.
    let (bracketed, rest) = match short.strip_prefix('[').and_then(|r| r.split_once("]:")) {
        Some((address, rest)) => (Some(address), rest),
        None => (None, short),
    };
    let parts: Vec<&str> = split_outside_braces(rest, ':').collect();
    let (address, host_port, container_port) = match (bracketed, &parts[..]) {
        (Some(address), [host_port, container_port]) if !address.contains('$') => {
            (Some(format!("[{address}]")), *host_port, *container_port)
        }
        (None, [host_port, container_port]) => (None, *host_port, *container_port),
        (None, [address, host_port, container_port]) if !address.contains('$') => {
            (Some((*address).to_owned()), *host_port, *container_port)
        }
        _ => return None,
    };
    let inner = host_port.strip_prefix("${")?.strip_suffix('}')?;
    let name_end = inner.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(inner.len());
    let rest = &inner[name_end..];
    let default = rest.strip_prefix(":-").or_else(|| rest.strip_prefix('-')).filter(|_| name_end > 0)?;
    let port = |text: &str| text.len() <= 5 && text.parse::<u32>().is_ok_and(|p| (1..=65535).contains(&p));
    let container = container_port.split('/').next().unwrap_or_default();
    (port(default) && port(container)).then(|| match address {
        Some(address) => format!("{address}:{default}:{container_port}"),
        None => format!("{default}:{container_port}"),
    })
}

/// Whether an `image:` is netbox-docker's or may be built from it: netbox-docker's repository on
/// any registry, a name with `$` (interpolated: unknown, read as netbox-docker's as before), or a
/// local name without a namespace (`netbox:latest-plugins`, `netbox-with-plugins:latest`).
fn netbox_docker_image(image: &str) -> bool {
    let (repository, _) = image_repository_and_tag(image);
    repository.contains('$') || !repository.contains('/') || is_netbox_docker_repository(&repository)
}

/// How a document replaces what came before: compose-go's `!reset` (drop it, add nothing) and
/// `!override` (drop it, take this node).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Merge,
    Reset,
    Override,
}

/// A node's compose-go tag and the node under it.
fn untag(node: &Node) -> (Tag, &Node) {
    match &node.kind {
        NodeKind::Tagged(tag, inner) if tag == "!reset" => (Tag::Reset, inner),
        NodeKind::Tagged(tag, inner) if tag == "!override" => (Tag::Override, inner),
        _ => (Tag::Merge, node),
    }
}

/// The `netbox` service's `image:` as written, when the file says what it runs (see
/// [`ComposeFile::netbox_image`]).
pub fn netbox_image(text: &str) -> Option<Option<String>> {
    read(text, BlockId(0)).netbox_image
}

/// Whether a compose file shows a `netbox` service (NetBox's release matters to it).
pub fn shows_netbox(text: &str) -> bool {
    read(text, BlockId(0)).file.compose.services.is_some_and(|services| services.netbox_key.is_some())
}

/// The services of a compose file without a `netbox` service that run NetBox's published image
/// (netbox-docker's or linuxserver's) with the image's own command (not the RQ worker or
/// housekeeping), by name as written: NetBox's configuration is read from
/// the service named `netbox` only (netbox-docker's name), so theirs is not checked.
pub fn unread_netbox_services(text: &str) -> Vec<String> {
    let Some(services) = read(text, BlockId(0)).file.compose.services else { return Vec::new() };
    if services.netbox_key.is_some() {
        return Vec::new();
    }
    let mut names: Vec<String> = Vec::new();
    for service in &services.shown {
        let runs_netbox = service
            .image
            .as_ref()
            .is_some_and(|(image, _)| published_netbox_docker_image(image) || published_linuxserver_image(image));
        // The RQ worker and housekeeping run the same image with a command of their own; they
        // are not where NetBox is served.
        if runs_netbox && !service.own_command && !names.contains(&service.name) {
            names.push(service.name.clone());
        }
    }
    names
}

/// Read a compose file once: every YAML document in order, as compose-go merges them (each
/// document is loaded, its `!reset`/`!override` paths dropped from what came before, then
/// merged: `loader/loader.go` `loadYamlFile`), for the `netbox` service's `environment:` and
/// `env_file:`.
pub fn read(text: &str, block: BlockId) -> ComposeFile {
    read_with(text, block, None)
}

/// [`read`], interpolating with the project's `.env` when it is known.
pub fn read_with(text: &str, block: BlockId, project: Option<&ProjectEnv>) -> ComposeFile {
    read_in_project((text, "the compose file"), block, project, &[])
}

/// [`read_with`], with the `env_file:` files of the project's other services that `lint` read
/// (by the path as written, with their text): what PostgreSQL's services are given there.
pub fn read_in_project(
    (text, file_name): (&str, &str),
    block: BlockId,
    project: Option<&ProjectEnv>,
    service_env_files: &[(String, Arc<str>)],
) -> ComposeFile {
    let loaded = load(text);
    let env_files = env_file_index(service_env_files, block, project);
    let lines = Lines::new(text);
    let mut out = ComposeFile {
        file: PythonFile {
            syntax_errors: loaded.syntax_errors,
            too_complex: loaded.too_complex.map(Box::new),
            ..PythonFile::default()
        },
        ..ComposeFile::default()
    };
    let mut invalid = Vec::new();
    let mut foreign_image = false;
    let mut ldap_loader_replaced = false;
    // The published image, and whether a configuration is mounted (`None`: no image seen yet).
    let mut published_image: Option<bool> = None;
    let mut plugins_recipe_build = false;
    let mut sso_variables_unmapped = false;
    let mut superuser_password_filled_in = false;
    let mut login_required_by_default = false;
    let mut ldap_loader: Option<bool> = None;
    let mut linuxserver_image = false;
    let mut secret_key_variable_first = false;
    let mut nginx_unit_image = false;
    let mut configuration_file_mounted = false;
    // A build (not netbox-docker's plugin recipe) or an image of another name, and a mount where
    // netbox-docker's image reads its configuration.
    let mut other_build_or_image = false;
    let mut netbox_docker_configuration_mounted = false;
    let mut environment_unseen = false;
    let mut port_overridden = false;
    let mut configuration_mounted = false;
    // Of those mounts, one whose source is not the checkout's `./configuration` (or the same
    // file in it): a directory `lint --netbox-docker` did not read.
    let mut configuration_from_elsewhere = false;
    let mut configs_given = false;
    let (mut network_mode, mut host_network, mut secrets, mut netbox_seen) = (false, false, false, false);
    let mut superuser_secrets = false;
    let mut secret_key_secret = false;
    let mut subpath_routes: Vec<SubpathRoute> = Vec::new();
    let mut traefik_routers: Vec<String> = Vec::new();
    let mut published: Vec<Published> = Vec::new();
    let mut container_ports: Vec<(u16, Range<usize>)> = Vec::new();
    let mut healthcheck_probe: Option<Option<HealthProbe>> = None;
    let mut inherited_ports = Vec::new();
    let mut ports_settled = Vec::new();
    let mut proxy: Option<String> = None;
    let mut project_services = ProjectServices {
        netbox_key: None,
        starts: Vec::new(),
        postgres: Vec::new(),
        redis: Vec::new(),
        elsewhere: false,
        services_elsewhere: false,
        files: vec![block],
        shown: Vec::new(),
        names: Vec::new(),
        names_beyond: false,
        depends_on: Vec::new(),
        networks_used: Vec::new(),
        netbox_reachable: false,
    };
    let mut services_seen = false;
    let mut key_variables = Vec::new();
    let (mut networks_declared, mut networks_unseen) = (Vec::new(), false);
    // Compose interpolates values only: a top-level resource's key keeps its `${…}` as written
    // (compose-go interpolation.go `recursiveInterpolate`, `out[key] = …`). A template that
    // another tool renders first (envsubst, Terraform's `templatefile`) fills its keys before
    // Compose reads it. (Decided once: the text is scanned once, not once per document.)
    let key_sections: &[&'static str] =
        if rendered_first(file_name, text) { &[] } else { &["networks", "volumes", "secrets", "configs"] };
    for document in &loaded.documents {
        for &section in key_sections {
            if let Some(NodeKind::Map(entries)) = document.get(section).map(|node| &untag(node).1.kind) {
                for (key, _) in entries {
                    if key.as_str().is_some_and(holds_variable) {
                        key_variables.push((block, key.range.clone(), section));
                    }
                }
            }
        }
        // `include:` brings in services of other files, which are not read.
        project_services.elsewhere |= document.get("include").is_some();
        project_services.services_elsewhere |= document.get("include").is_some();
        project_services.names_beyond |=
            document.get("networks").is_some_and(|networks| match &untag(networks).1.kind {
                NodeKind::Map(entries) => entries.iter().any(|(_, network)| {
                    network.get("external").is_some_and(|external| !matches!(external.kind, NodeKind::Bool(false)))
                        || network.get("name").is_some()
                }),
                _ => false,
            });
        // The networks the file declares, which its services may refer to.
        if let Some(NodeKind::Map(entries)) = document.get("networks").map(|node| &untag(node).1.kind) {
            for (key, _) in entries {
                match key.as_str() {
                    Some("<<") | None => networks_unseen = true,
                    Some(name) => networks_declared.push(name.to_owned()),
                }
            }
        }
        let (services_tag, services) = match document.get("services") {
            Some(services) => untag(services),
            None => continue,
        };
        services_seen = true;
        // `services: !reset` or `!override` drops the services earlier documents gave.
        if services_tag != Tag::Merge {
            project_services.starts.clear();
            project_services.postgres.clear();
            project_services.redis.clear();
            project_services.shown.clear();
            project_services.names.clear();
        }
        scan_services((text, file_name), services, block, project, &env_files, &lines, &mut project_services);
        inherited_ports.extend(ports_inherited(services, block));
        ports_settled.extend(services_ports_settled(services).into_iter().map(|name| (block, name)));
        // A service in the `netbox` service's network namespace (`network_mode: service:netbox`,
        // or `container:` with a name that may be its container's) listens on its ports: a port
        // published there may be its.
        if let NodeKind::Map(entries) = &services.kind {
            port_overridden |= entries.iter().any(|(name, service)| {
                name.as_str() != Some("netbox")
                    && service_key(service, "network_mode").and_then(Node::as_str).is_some_and(|mode| {
                        let mode = mode.trim();
                        mode == "service:netbox"
                            || mode
                                .strip_prefix("container:")
                                .is_some_and(|name| name.to_ascii_lowercase().contains("netbox"))
                    })
            });
        }
        let (service_tag, netbox) = match services.get("netbox") {
            Some(netbox) => untag(netbox),
            None if services_tag == Tag::Merge => continue,
            None => (services_tag, services),
        };
        netbox_seen = true;
        if project_services.netbox_key.is_none()
            && let NodeKind::Map(entries) = &services.kind
        {
            project_services.netbox_key = entries
                .iter()
                .find(|(name, _)| name.as_str() == Some("netbox"))
                .map(|(name, _)| (block, name.range.clone()));
        }
        let service_tag = if services_tag == Tag::Merge { service_tag } else { services_tag };
        // A later document's `build:` or `image:` replaces an earlier one's, as compose-go merges.
        if let Some(build) = service_key(netbox, "build") {
            foreign_image = false;
            published_image = Some(false);
            // netbox-docker's plugin recipe, as its wiki and many guides write it.
            plugins_recipe_build = build
                .get("dockerfile")
                .and_then(Node::as_str)
                .is_some_and(|dockerfile| dockerfile.trim().eq_ignore_ascii_case("Dockerfile-Plugins"));
            // Any other build may start FROM netbox-docker's image: known by where it reads its
            // configuration (below).
            other_build_or_image = !plugins_recipe_build;
            sso_variables_unmapped = false;
            superuser_password_filled_in = false;
            login_required_by_default = false;
            ldap_loader = None;
            linuxserver_image = false;
            secret_key_variable_first = false;
            nginx_unit_image = false;
            out.netbox_image = Some(None);
        } else if let Some(image) = service_key(netbox, "image").and_then(Node::as_str) {
            foreign_image = !netbox_docker_image(image);
            published_image = Some(published_netbox_docker_image(image));
            plugins_recipe_build = false;
            // A name of one's own (`medialab-netbox:v4.2.9`), not interpolated: known by where it
            // reads its configuration (below).
            other_build_or_image = !image.contains('$')
                && !published_netbox_docker_image(image)
                && !is_linuxserver_repository(&image_repository_and_tag(image).0);
            sso_variables_unmapped = image_maps_no_sso_variables(image, project);
            superuser_password_filled_in = image_fills_in_superuser_password(image, project);
            login_required_by_default = image_requires_login_by_default(image, project);
            ldap_loader = if published_netbox_docker_image(image) && image_lacks_ldap_loader(image, project) {
                Some(false)
            } else {
                image_reads_ldap_variables(image, project).then_some(true)
            };
            linuxserver_image = is_linuxserver_repository(&image_repository_and_tag(image).0);
            secret_key_variable_first = image_reads_secret_key_variable_first(image, project);
            nginx_unit_image = published_netbox_docker_image(image) && image_served_by_nginx_unit(image, project);
            out.netbox_image = Some(Some(image.to_owned()));
        }
        // `configs:` may put a configuration file anywhere: taken as mounted (apart from the
        // volumes, which a later `!override` of `volumes:` replaces without them).
        configs_given |= netbox.get("configs").is_some();
        configuration_file_mounted |= netbox.get("configs").is_some_and(|configs| {
            configs.items().iter().any(|config| {
                config
                    .get("target")
                    .and_then(Node::as_str)
                    .is_some_and(|target| target.trim() == "/config/configuration.py")
            })
        });
        // Keys of the service or of its environment map from a merge key or `extends:`: the
        // environment read here may not be all of it.
        environment_unseen |= !merge_keys_resolved(netbox)
            || service_key(netbox, "extends").is_some()
            || service_key(netbox, "environment").is_some_and(|environment| untag(environment).1.get("<<").is_some());
        // Another command or web server configuration may serve NetBox elsewhere, and in another
        // network namespace Compose publishes no port: what the image says of its port no longer
        // holds, whatever a later file names as the image (Compose merges key by key). Keys from
        // a merge key or `extends:` are not all followed: taken as such.
        port_overridden |= ["command", "entrypoint", "network_mode", "extends", "<<"]
            .iter()
            .any(|key| netbox.get(key).is_some())
            || service_key(netbox, "volumes")
                .is_some_and(|volumes| untag(volumes).1.items().iter().filter_map(volume_target).any(serves_elsewhere))
            || service_key(netbox, "configs").is_some_and(|configs| {
                untag(configs).1.items().iter().any(|config| {
                    config.get("target").and_then(Node::as_str).is_some_and(|target| serves_elsewhere(target.trim()))
                })
            });
        network_mode |= netbox.get("network_mode").is_some();
        project_services.netbox_reachable |= ["ports", "networks", "network_mode", "labels", "extends"]
            .iter()
            .any(|key| service_key(netbox, key).is_some());
        project_services.names_beyond |=
            ["links", "external_links", "extra_hosts", "network_mode", "dns", "dns_search"]
                .iter()
                .any(|key| netbox.get(key).is_some());
        host_network |= netbox.get("network_mode").and_then(Node::as_str).is_some_and(|mode| mode.trim() == "host");
        secrets |= service_key(netbox, "secrets").is_some();
        // `- superuser_password`, or `{source: …, target: …}` naming it; a config mounted there
        // is a file the entrypoint reads as well (`-f /run/secrets/superuser_password`).
        superuser_secrets |= service_key(netbox, "configs").is_some_and(|list| {
            untag(list).1.items().iter().any(|config| {
                config.get("target").and_then(Node::as_str).is_some_and(|target| {
                    let target = target.trim().trim_end_matches('/');
                    target == "/run/secrets" || target.starts_with("/run/secrets/superuser")
                })
            })
        });
        superuser_secrets |= service_key(netbox, "secrets").is_some_and(|list| {
            untag(list).1.items().iter().any(|secret| {
                let names_superuser = |node: Option<&Node>| {
                    node.and_then(Node::as_str).is_some_and(|n| n.to_ascii_lowercase().contains("superuser"))
                };
                names_superuser(Some(secret))
                    || names_superuser(secret.get("source"))
                    || names_superuser(secret.get("target"))
            })
        });
        // `- secret_key`, or `{source: …, target: secret_key}`: netbox-docker reads
        // /run/secrets/secret_key (the target, which defaults to the source) before the variable.
        secret_key_secret |= service_key(netbox, "secrets").is_some_and(|list| {
            untag(list).1.items().iter().any(|secret| {
                let file = secret.get("target").or_else(|| secret.get("source")).or(Some(secret));
                file.and_then(Node::as_str).is_some_and(|n| n.trim_start_matches("/run/secrets/") == "secret_key")
            })
        });
        if service_tag != Tag::Merge {
            out.file.settings.clear();
            out.env_files.clear();
            published.clear();
            container_ports.clear();
            healthcheck_probe = Some(None);
            ldap_loader_replaced = false;
            out.resets_environment = true;
            out.resets_env_files = true;
            out.resets_ports = true;
            if service_tag == Tag::Reset {
                continue;
            }
        }
        if let Some(ports) = netbox.get("ports") {
            let (tag, ports) = untag(ports);
            if tag != Tag::Merge {
                published.clear();
                container_ports.clear();
                out.resets_ports = true;
            }
            if tag != Tag::Reset {
                published.extend(published_ports(ports, project, block));
                container_ports.extend(ports.items().iter().filter_map(container_port));
            }
        }
        if let Some(probe) = service_key(netbox, "healthcheck").and_then(|check| health_probe(check, block)) {
            healthcheck_probe = Some(probe);
        }
        if netbox.get("labels").is_some() {
            (subpath_routes, traefik_routers) = traefik_subpath_routes(netbox);
        }
        if proxy.is_none() {
            proxy = traefik_labels(netbox).or_else(|| match &services.kind {
                NodeKind::Map(entries) => entries.iter().find_map(|(name, service)| {
                    let service = untag(service).1;
                    let kind = proxy_image(service.get("image").and_then(Node::as_str)?)?;
                    // A proxy that answers only plain HTTP adds nothing a client going around
                    // it lacks (corpus case h196): it counts when it publishes HTTPS's port.
                    service.get("ports").is_some_and(|ports| ports.items().iter().any(publishes_https)).then_some(())?;
                    Some(format!("the `{}` service, running {kind} on port 443", name.as_str()?.escape_debug()))
                }),
                _ => None,
            });
        }
        if let Some(volumes) = service_key(netbox, "volumes") {
            let (tag, volumes) = untag(volumes);
            if tag != Tag::Merge {
                ldap_loader_replaced = false;
            }
            ldap_loader_replaced |= volumes.items().iter().filter_map(volume_target).any(|t| LDAP_LOADERS.contains(&t));
            if tag != Tag::Merge {
                configuration_mounted = false;
                configuration_from_elsewhere = false;
                netbox_docker_configuration_mounted = false;
            }
            netbox_docker_configuration_mounted |=
                volumes.items().iter().filter_map(volume_target).any(|target| covers(target, "/etc/netbox/config"));
            configuration_from_elsewhere |= volumes.items().iter().any(|volume| {
                // Where netbox-docker's loader and NetBox read configuration (not the reports'
                // or scripts' directories beside it under /etc/netbox).
                volume_target(volume).is_some_and(|target| {
                    ["/etc/netbox/config", "/opt/netbox/netbox/netbox"]
                        .iter()
                        .any(|m| covers(target, m) || covers(m, target))
                        && !from_checkout_configuration(volume, target)
                })
            });
            configuration_mounted |= volumes
                .items()
                .iter()
                .filter_map(volume_target)
                .any(|target| CONFIGURATION_MOUNTS.iter().any(|m| covers(target, m) || covers(m, target)));
            secrets |=
                volumes.items().iter().filter_map(volume_target).any(|target| target.starts_with("/run/secrets"));
            secret_key_secret |= volumes.items().iter().filter_map(volume_target).any(|target| {
                let target = target.trim_end_matches('/');
                target == "/run/secrets" || target == "/run/secrets/secret_key"
            });
            superuser_secrets |= volumes.items().iter().filter_map(volume_target).any(|target| {
                let target = target.trim_end_matches('/');
                target == "/run/secrets" || target.starts_with("/run/secrets/superuser")
            });
            configuration_file_mounted |=
                volumes.items().iter().filter_map(volume_target).any(|target| target == "/config/configuration.py");
        }
        if let Some(environment) = service_key(netbox, "environment") {
            out.sets_netbox_environment = true;
            let (tag, environment) = untag(environment);
            if tag != Tag::Merge {
                out.file.settings.clear();
                out.resets_environment = true;
            }
            if tag != Tag::Reset {
                environment_settings(text, environment, block, project, &mut out.file.settings, &mut invalid);
            }
        }
        if let Some(env_file) = service_key(netbox, "env_file") {
            out.sets_netbox_environment = true;
            let (tag, env_file) = untag(env_file);
            if tag != Tag::Merge {
                out.env_files.clear();
                out.resets_env_files = true;
            }
            if tag != Tag::Reset {
                let (entries, all_known) = env_file_entries(env_file);
                out.env_files_unread |= !all_known;
                out.env_files.extend(entries);
            }
        }
    }
    out.file.syntax_errors.extend(invalid);
    // A file of one's own mounted over netbox-docker's LDAP loader or its LDAP file: what reads
    // the LDAP variables is not shown, so their values are unknown (never guessed).
    out.file.ldap_loader_replaced = ldap_loader_replaced;
    out.file.stock_configuration = netbox_seen.then_some(StockConfiguration {
        published_image,
        plugins_recipe_build,
        own_build_or_image: other_build_or_image,
        configuration_at_netbox_docker_path: netbox_docker_configuration_mounted,
        sso_variables_unmapped,
        superuser_password_filled_in,
        login_required_by_default,
        ldap_loader,
        environment_unseen,
        linuxserver_image,
        nginx_unit_image,
        configuration_file_mounted,
        mounted: configuration_mounted || configs_given,
        configuration_from_elsewhere: configuration_from_elsewhere || configs_given,
        network_mode,
        host_network,
        secrets,
        superuser_secrets,
        secret_key_secret,
        secret_key_variable_first,
        project_complete: false,
        configuration_read_whole: false,
        services_omitted: false,
        compose_files_beside: false,
    });
    if ldap_loader_replaced {
        for setting in &mut out.file.settings {
            if is_ldap_variable(&setting.name) {
                Arc::make_mut(setting).value = Value { kind: ValueKind::Unknown, ..setting.value.clone() };
            }
        }
    }
    let services = services_seen.then_some(project_services);
    for port in &mut published {
        port.proxy.clone_from(&proxy);
    }
    out.file.published = published.into();
    for route in &mut subpath_routes {
        route.block = block;
    }
    // Kept whatever this file's image: an override that names none changes the environment of
    // the image an earlier file names (the model reads it only for linuxserver's).
    let linuxserver = netbox_seen.then(|| LinuxserverEnvironment {
        variables: out.file.settings.clone(),
        incomplete: environment_unseen || !out.env_files.is_empty(),
    });
    out.file.compose = Box::new(ComposeFacts {
        traefik: TraefikRouters { routes: subpath_routes, routers: traefik_routers },
        services,
        linuxserver,
        ports: container_ports.into_iter().map(|(port, range)| (block, port, range)).collect(),
        port_overridden,
        key_variables,
        networks_declared,
        networks_unseen,
        healthcheck_probe,
        inherited_ports,
        ports_settled,
    });
    // Another publisher's image (not netbox-docker's, not built here) reads its environment its
    // own way: not read as netbox-docker's (see the module's doc; linuxserver's is kept apart).
    if foreign_image {
        out.file.settings.clear();
        out.env_files.clear();
    }
    out
}

/// Whether a compose file is a template another tool renders before Compose reads it: named as
/// one (`docker-compose.yml.tpl`, `.tmpl`, `.template`, `.j2`, `.envsubst`), or holding a
/// Terraform template directive (`%{ for … }`), as the corpus trial of round fifteen found in
/// published repositories (an envsubst `deploy.sh`, a Terraform `templatefile()`).
fn rendered_first(file_name: &str, text: &str) -> bool {
    let name = file_name.to_ascii_lowercase();
    [".tpl", ".tmpl", ".template", ".j2", ".jinja", ".jinja2", ".envsubst"].iter().any(|suffix| name.ends_with(suffix))
        || text.contains("%{")
}

/// Whether a text refers to a variable as Compose's interpolation reads one: `$NAME` or `${…}`,
/// not `$$` (a literal `$`).
fn holds_variable(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'$' {
            match bytes.get(at + 1) {
                Some(b'$') => at += 1,
                Some(b'{') => return true,
                Some(c) if c.is_ascii_alphabetic() || *c == b'_' => return true,
                _ => {}
            }
        }
        at += 1;
    }
    false
}

/// The images of PostgreSQL and of Redis and its forks, by the last part of their repository
/// (`postgres`, `bitnami/postgresql`, `postgis/postgis`; `redis`, `valkey/valkey`,
/// `redis/redis-stack-server`): exact names, so an exporter or a web console
/// (`postgres-exporter`, `redis-commander`) is none.
const POSTGRES_IMAGES: &[&str] = &["postgres", "postgresql", "postgis"];
const REDIS_IMAGES: &[&str] = &["redis", "valkey", "keydb", "dragonfly", "redis-stack", "redis-stack-server"];

/// A service's key, or the one a YAML merge key (`<<: *worker`, a map or a list of maps) gives it
/// when the service does not set it, through merge keys inside merged maps too, as go-yaml
/// resolves them (an earlier map of a list wins). At most [`MERGED_MAPS`] maps are looked at, so
/// a file of aliases upon aliases costs no more than that.
fn service_key<'a>(service: &'a Node, key: &str) -> Option<&'a Node> {
    merged_lookup(service, key).ok().flatten()
}

/// [`service_key`], telling "not there" (`Ok(None)`) from "not followed to the end" (`Err`: past
/// [`MERGED_MAPS`] maps, where it may still be).
fn merged_lookup<'a>(service: &'a Node, key: &str) -> Result<Option<&'a Node>, ()> {
    let mut pending = vec![service];
    let mut looked_at = 0;
    while let Some(map) = pending.pop() {
        looked_at += 1;
        if looked_at > MERGED_MAPS {
            return Err(());
        }
        if let Some(found) = map.get(key) {
            return Ok(Some(found));
        }
        match map.get("<<").map(|merged| &merged.kind) {
            Some(NodeKind::Seq(maps)) => pending.extend(maps.iter().rev()),
            Some(_) => pending.extend(map.get("<<")),
            None => {}
        }
    }
    Ok(None)
}

/// Whether every merge key of a service (`<<: *netbox`, a list of them, and those inside the
/// maps merged) names a map the loader resolved, within [`MERGED_MAPS`] maps: then
/// [`service_key`] sees every key the service gets. An alias it could not resolve is read as
/// null and may hold anything.
fn merge_keys_resolved(service: &Node) -> bool {
    let mut pending = vec![service];
    let mut looked_at = 0;
    while let Some(map) = pending.pop() {
        looked_at += 1;
        if looked_at > MERGED_MAPS || !matches!(map.kind, NodeKind::Map(_)) {
            return false;
        }
        match map.get("<<").map(|merged| (merged, &merged.kind)) {
            Some((_, NodeKind::Seq(maps))) => pending.extend(maps.iter()),
            Some((merged, _)) => pending.push(merged),
            None => {}
        }
    }
    true
}

/// A service's `container_name:` as written, at its value, or at the merge key (`<<: *netbox`)
/// that gives it one (netbox-docker's worker copies the `netbox` service so).
fn container_name(service: &Node) -> Option<ContainerName> {
    let name = service_key(service, "container_name")?.as_str()?.to_owned();
    match service.get("container_name") {
        Some(own) => Some(ContainerName { name, at: own.range.clone(), inherited: false }),
        None => Some(ContainerName { name, at: service.get("<<")?.range.clone(), inherited: true }),
    }
}

/// How many maps [`service_key`] follows through merge keys for one key.
const MERGED_MAPS: usize = 64;

/// The other names and addresses other containers reach a service by: its `hostname:` and
/// `container_name:`, and each network's `aliases:` and fixed `ipv4_address:` /
/// `ipv6_address:` (in lower case).
fn addresses(service: &Node) -> Vec<String> {
    // Also from a YAML merge key (`<<: *db`).
    let mut out: Vec<String> = ["hostname", "container_name"]
        .iter()
        .filter_map(|key| service_key(service, key)?.as_str())
        .map(str::to_ascii_lowercase)
        .collect();
    if let Some(NodeKind::Map(networks)) = service_key(service, "networks").map(|n| &n.kind) {
        for (_, network) in networks {
            out.extend(
                network
                    .get("aliases")
                    .map(Node::items)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(Node::as_str)
                    .map(str::to_ascii_lowercase),
            );
            out.extend(
                ["ipv4_address", "ipv6_address"]
                    .iter()
                    .filter_map(|key| network.get(key)?.as_str())
                    .map(str::to_ascii_lowercase),
            );
        }
    }
    out
}

/// Note what a document's services run: NetBox's RQ worker (`rqworker` in a `command:` or
/// `entrypoint:`, as a string or a list), PostgreSQL, Redis (by their image, [`POSTGRES_IMAGES`],
/// [`REDIS_IMAGES`]); a service that `extends:` another takes what it does not show from it.
fn scan_services(
    (text, file_name): (&str, &str),
    services: &Node,
    block: BlockId,
    project: Option<&ProjectEnv>,
    env_files: &EnvFileIndex<'_>,
    lines: &Lines,
    facts: &mut ProjectServices,
) {
    let NodeKind::Map(entries) = &services.kind else { return };
    for (name, service) in entries {
        // `services: {<<: *more}` merges services from elsewhere in the file: not followed.
        if name.as_str() == Some("<<") {
            facts.elsewhere = true;
            facts.services_elsewhere = true;
            continue;
        }
        let (tag, service) = untag(service);
        let runs_worker = |key: &str| {
            service_key(service, key).is_some_and(|node| {
                let node = untag(node).1;
                node.as_str().is_some_and(|s| s.contains("rqworker"))
                    || node.items().iter().any(|item| item.as_str().is_some_and(|s| s.contains("rqworker")))
            })
        };
        // What this file sets of the service's start, each key apart: a later file's `command:`
        // replaces an earlier one's (compose-go merges key by key), so a worker whose command an
        // override turns into the web server's runs no worker any more.
        let worker = runs_worker("command") || runs_worker("entrypoint");
        for key in ["command", "entrypoint"] {
            if service_key(service, key).is_some() {
                let service_name = name.as_str().unwrap_or_default().to_ascii_lowercase();
                facts.starts.push((service_name, key, runs_worker(key)));
            }
        }
        // The services it waits for: a list of names, or a map of names to conditions
        // (`required: false` excuses only a service its profile leaves out, not one undefined:
        // compose-go loader/validate.go `checkConsistency`, index id 4475639986).
        if let Some(depends_on) = service_key(service, "depends_on").map(|node| untag(node).1) {
            match &depends_on.kind {
                NodeKind::Seq(items) => {
                    facts.depends_on.extend(items.iter().filter_map(Node::as_str).map(str::to_ascii_lowercase));
                }
                NodeKind::Map(names) => {
                    facts
                        .depends_on
                        .extend(names.iter().filter_map(|(name, _)| name.as_str()).map(str::to_ascii_lowercase));
                }
                _ => {}
            }
        }
        // The networks it refers to, each of which the project must declare (compose-go
        // `checkConsistency`, as for `depends_on:` above), unless only a profile starts it
        // (Compose checks the services it creates); a name Compose interpolates is not known.
        if let Some(networks) = service_key(service, "networks").map(|node| untag(node).1)
            && service_key(service, "profiles").is_none()
        {
            let names: Vec<&str> = match &networks.kind {
                NodeKind::Seq(items) => items.iter().filter_map(Node::as_str).collect(),
                NodeKind::Map(names) => names.iter().filter_map(|(name, _)| name.as_str()).collect(),
                _ => Vec::new(),
            };
            facts.networks_used.extend(names.into_iter().filter(|name| !name.contains('$')).map(str::to_owned));
        }
        if let Some(written) = name.as_str() {
            let (interpolated, keys_set) = interpolated_variables(service, project);
            // PostgreSQL's and Redis's services: what their environment sets of the passwords
            // they require is read.
            let is_backing = image_as_run(service, project).is_some_and(|image| {
                let (repository, _) = image_repository_and_tag(&image);
                let name = repository.rsplit('/').next().unwrap_or(&repository);
                POSTGRES_IMAGES.contains(&name) || REDIS_IMAGES.contains(&name)
            });
            let command = service_command(service, lines, file_name);
            // A merge key whose alias the loader could not resolve (read as null) may hold anything.
            let merge_key_unread = service.get("<<").is_some_and(|merged| match &merged.kind {
                NodeKind::Map(_) => false,
                NodeKind::Seq(maps) => !maps.iter().all(|map| matches!(map.kind, NodeKind::Map(_))),
                _ => true,
            });
            facts.shown.push(ShownService {
                name: written.to_owned(),
                key: (block, name.range.clone()),
                runs_something: tag != Tag::Merge
                    || merge_key_unread
                    || ["image", "build", "provider", "extends", "profiles"]
                        .iter()
                        .any(|key| !matches!(merged_lookup(service, key), Ok(None))),
                not_a_mapping: tag == Tag::Merge
                    && matches!(
                        service.kind,
                        NodeKind::Str(_) | NodeKind::Bool(_) | NodeKind::Int(_) | NodeKind::Float(_) | NodeKind::Seq(_)
                    ),
                image: service_key(service, "image")
                    .and_then(|image| Some((image.as_str()?.to_owned(), image.range.clone()))),
                image_interpolated: service_key(service, "image")
                    .and_then(Node::as_str)
                    .and_then(|image| interpolated_image(image, project)),
                may_not_run: tag != Tag::Merge || service_key(service, "profiles").is_some(),
                scaled_to_zero: scaled_to_zero(service),
                runs_worker: worker,
                own_command: ["command", "entrypoint"].iter().any(|key| service_key(service, key).is_some()),
                environment_given: tag != Tag::Merge
                    || ["environment", "env_file", "extends", "<<"].iter().any(|key| service.get(key).is_some()),
                secrets_given: service.get("secrets").is_some_and(|secrets| {
                    secrets.items().iter().any(|secret| secret.get("type").and_then(Node::as_str) == Some("env"))
                }),
                interpolated,
                keys_set,
                env_files: service_key(service, "env_file")
                    .map(|env_file| env_file_entries(untag(env_file).1).0.into_iter().map(|entry| entry.path).collect())
                    .unwrap_or_default(),
                environment: is_backing
                    .then(|| {
                        let requirepass = command.as_ref().and_then(|(written, _)| requirepass_variable(written));
                        let names: Vec<&str> =
                            POSTGRES_VARIABLES.iter().copied().chain(requirepass.as_deref()).collect();
                        service_environment((text, file_name), lines, service, block, project, env_files, &names)
                    })
                    .flatten(),
                command,
                addresses: addresses(service),
                container_name: container_name(service),
                postgres_data_mount: service_key(service, "volumes").and_then(|volumes| {
                    untag(volumes)
                        .1
                        .items()
                        .iter()
                        .find(|volume| volume_target(volume) == Some("/var/lib/postgresql/data"))
                        .map(|volume| volume.range.clone())
                }),
                initdb_scripts: ["volumes", "configs", "secrets"].iter().any(|key| {
                    service_key(service, key).is_some_and(|mounts| {
                        untag(mounts)
                            .1
                            .items()
                            .iter()
                            .filter_map(|mount| {
                                if *key == "volumes" { volume_target(mount) } else { mount.get("target")?.as_str() }
                            })
                            .any(|target| target.trim_end_matches('/').starts_with("/docker-entrypoint-initdb.d"))
                    })
                }),
                own_start: ["build", "entrypoint"].iter().any(|key| service_key(service, key).is_some()),
            });
        }
        let service_name = name.as_str().unwrap_or_default().to_ascii_lowercase();
        let other_names = addresses(service);
        facts.names.push(service_name.clone());
        facts.names.extend(other_names.iter().cloned());
        // NetBox's own service taking keys from a YAML merge key: its environment (DB_HOST) is
        // not followed there.
        facts.elsewhere |=
            service_key(service, "extends").is_some() || (service_name == "netbox" && !merge_keys_resolved(service));
        if let Some(image) = image_as_run(service, project) {
            let (repository, _) = image_repository_and_tag(&image);
            let name = repository.rsplit('/').next().unwrap_or(&repository);
            let list = if POSTGRES_IMAGES.contains(&name) {
                Some(&mut facts.postgres)
            } else if REDIS_IMAGES.contains(&name) {
                Some(&mut facts.redis)
            } else {
                None
            };
            if let Some(list) = list {
                list.push(service_name.clone());
                list.extend(other_names);
            }
        }
    }
}

/// The variables of the project's other services' env files, each file parsed once however
/// many ways it is named: by the path as written, each variable's last setting (its literal
/// value, `None` when not known) with its line.
type EnvFileIndex<'a> = HashMap<&'a str, Arc<EnvFileVariables>>;

/// One env file's variables: each one's last literal value (`None` when not known) and line.
type EnvFileVariables = HashMap<CompactString, (Option<String>, usize)>;

/// Reads each of `lint`'s env files of other services once (see [`EnvFileIndex`]).
fn env_file_index<'a>(
    service_env_files: &'a [(String, Arc<str>)],
    block: BlockId,
    project: Option<&ProjectEnv>,
) -> EnvFileIndex<'a> {
    let mut parsed: HashMap<*const u8, Arc<EnvFileVariables>> = HashMap::new();
    service_env_files
        .iter()
        .map(|(path, text)| {
            let variables = parsed.entry(text.as_ptr()).or_insert_with(|| {
                let (mut file, notes) = super::env::read(text, block);
                // Each variable at its env file's line, also where the `.env` gives its value.
                let line_ends = Lines::new(text);
                let lines: Vec<usize> = file.settings.iter().map(|s| line_ends.of(s.statement.start)).collect();
                resolve_templates(&mut file, &notes.templates, project);
                Arc::new(
                    file.settings
                        .iter()
                        .zip(lines)
                        .map(|(setting, line)| (setting.name.clone(), (literal(setting).map(str::to_owned), line)))
                        .collect(),
                )
            });
            (path.as_str(), Arc::clone(variables))
        })
        .collect()
}

/// A setting's value when it is literal text.
fn literal(setting: &Setting) -> Option<&str> {
    setting.value.as_str().filter(|value| !value.contains('$'))
}

/// An env file's values that Compose interpolates, made known where the project's `.env`
/// gives what they need (see [`ProjectEnv::resolve`]).
pub fn resolve_templates(file: &mut PythonFile, templates: &[(usize, String)], project: Option<&ProjectEnv>) {
    let Some(project) = project else { return };
    for (index, template) in templates {
        if let Some(setting) = file.settings.get(*index)
            && let Some(resolved) = project.resolve(setting, template)
        {
            file.settings[*index] = Arc::new(resolved);
        }
    }
}

/// A setting of a service's environment: its literal value, else unknown.
fn service_variable(
    value: Option<&str>,
    at: impl FnOnce() -> String,
    place: Option<(BlockId, Range<usize>)>,
) -> ServiceVariable {
    match value {
        Some(value) => ServiceVariable::Set { value: value.to_owned(), at: at(), place },
        None => ServiceVariable::Unknown,
    }
}

/// The variables the checks read (`names`) of a service's environment as this file gives it:
/// its `env_file:` files in order, then its `environment:`, which wins (compose-go e70e961
/// types/project.go L748-776), each with where it is written. `None` where more may come from
/// elsewhere: an env file not read (or not dotenv), a merge key or `extends:`.
fn service_environment(
    (text, name): (&str, &str),
    lines: &Lines,
    service: &Node,
    block: BlockId,
    project: Option<&ProjectEnv>,
    env_files: &EnvFileIndex<'_>,
    names: &[&str],
) -> Option<Vec<(String, ServiceVariable)>> {
    // Keys from `extends:`, a merge key inside `environment:` or one the loader could not
    // resolve are not followed; those of resolved merge keys are.
    if service_key(service, "extends").is_some()
        || !merge_keys_resolved(service)
        || service_key(service, "environment").is_some_and(|environment| untag(environment).1.get("<<").is_some())
    {
        return None;
    }
    let mut variables: Vec<(String, ServiceVariable)> = Vec::new();
    let entries = match service_key(service, "env_file") {
        Some(env_file) => match env_file_entries(untag(env_file).1) {
            (entries, true) => entries,
            (_, false) => return None,
        },
        None => Vec::new(),
    };
    // A path written again keeps its first place (compose-go `enforceUnicity`): read once, there.
    let mut seen = std::collections::HashSet::new();
    for entry in entries.iter().filter(|entry| seen.insert(entry.path.as_str())) {
        let file = env_files.get(entry.path.as_str()).filter(|_| !entry.raw)?;
        for name in names {
            if let Some((value, line)) = file.get(*name) {
                variables.push((
                    (*name).to_owned(),
                    service_variable(value.as_deref(), || format!("{} line {line}", entry.path), None),
                ));
            }
        }
    }
    if let Some(environment) = service_key(service, "environment") {
        let (mut settings, mut invalid) = (Vec::new(), Vec::new());
        environment_settings(text, untag(environment).1, block, project, &mut settings, &mut invalid);
        for setting in settings.iter().filter(|setting| names.contains(&setting.name.as_str())) {
            // A value from the project's `.env` is placed there, at its line.
            let at = || match project.and_then(|project| project.line(setting)).filter(|_| setting.block != block) {
                Some(line) => format!(".env line {line}"),
                None => format!("{name} line {}", lines.of(setting.statement.start)),
            };
            let place = Some((setting.block, setting.value.range.clone()));
            variables.push((setting.name.to_string(), service_variable(literal(setting), at, place)));
        }
    }
    Some(variables)
}

/// The postgres image's variables that say its superuser's password, and where it keeps its data (docker-library/postgres
/// 6edb0a8 17/alpine3.22/docker-entrypoint.sh L92, L9-27 `file_env`, L261-280).
const POSTGRES_VARIABLES: [&str; 7] = [
    "POSTGRES_PASSWORD",
    "POSTGRES_PASSWORD_FILE",
    "POSTGRES_HOST_AUTH_METHOD",
    "POSTGRES_USER",
    "POSTGRES_USER_FILE",
    // Bitnami's image's own name for it (a review's report, not read in Bitnami's source here):
    // where set, the password is taken as not known.
    "POSTGRESQL_PASSWORD",
    // Where the server keeps its data (18/trixie/Dockerfile L191: `/var/lib/postgresql/18/docker`).
    "PGDATA",
];

/// A service's `command:` as text (a list's items joined with spaces) and where it is
/// written, for what it passes its server (`--requirepass`).
fn service_command(service: &Node, lines: &Lines, file_name: &str) -> Option<(String, String)> {
    let command = untag(service.get("command")?).1;
    let mut written = match &command.kind {
        NodeKind::Seq(items) => {
            let items = items.iter().map(Node::as_str).collect::<Option<Vec<_>>>()?;
            // A list item with a blank that is not a shell's script (`sh -c "…"`) is one
            // argument its words would split.
            let unclear =
                items.iter().any(|item| item.contains(char::is_whitespace) && !item.contains("--requirepass"));
            let mut text = items.join(" ");
            if unclear {
                text.push(' ');
                text.push(UNCLEAR_COMMAND);
            }
            text
        }
        _ => command.as_str()?.to_owned(),
    };
    // Its own entrypoint runs the command another way.
    if service.get("entrypoint").is_some() {
        written.push(' ');
        written.push(UNCLEAR_COMMAND);
    }
    Some((written, format!("{file_name} line {}", lines.of(command.range.start))))
}

/// Where a text's lines end, to name a byte offset's line (from 1) in logarithmic time.
#[derive(Debug, Default)]
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i).collect())
    }

    fn of(&self, offset: usize) -> usize {
        self.0.partition_point(|&newline| newline < offset) + 1
    }
}

/// The variables a service's `command:`, `entrypoint:`, `healthcheck:` test and `environment:`
/// values take from Compose's interpolation, which reads the shell and the project's `.env`
/// (compose-go e70e961 cli/options.go L299-307 `WithDotEnv`; loader/loader.go L381-386, the
/// template's `LookupValue`), never a service's `env_file:`, which only sets the container's
/// variables once the file is loaded (types/project.go L748-776).
fn interpolated_variables(service: &Node, project: Option<&ProjectEnv>) -> (Vec<InterpolatedVariable>, Vec<String>) {
    let mut values: Vec<(String, &Node)> = Vec::new();
    let mut keys_set = Vec::new();
    for key in ["command", "entrypoint"] {
        if let Some(node) = service_key(service, key) {
            let node = untag(node).1;
            keys_set.push(key.to_owned());
            values.push((key.to_owned(), node));
            values.extend(node.items().iter().map(|item| (key.to_owned(), item)));
        }
    }
    // compose-go merges `healthcheck:` key by key: a later file replaces the test only with its
    // own `test:` (or the whole section with `!reset`/`!override`).
    if let Some(healthcheck) = service_key(service, "healthcheck") {
        let (tag, healthcheck) = untag(healthcheck);
        let test = healthcheck.get("test");
        if test.is_some() || tag != Tag::Merge {
            keys_set.push("healthcheck".to_owned());
        }
        if let Some(test) = test {
            values.push(("healthcheck".to_owned(), test));
            values.extend(test.items().iter().map(|item| ("healthcheck".to_owned(), item)));
        }
    }
    if let Some(environment) = service_key(service, "environment") {
        let (tag, environment) = untag(environment);
        // `!reset` or `!override` drops every variable earlier files gave.
        if tag != Tag::Merge {
            keys_set.push("environment.*".to_owned());
        }
        for item in environment.items() {
            let name = item.as_str().map(|entry| entry.split('=').next().unwrap_or_default().trim().to_owned());
            let key = format!("environment.{}", name.unwrap_or_default());
            keys_set.push(key.clone());
            values.push((key, item));
        }
        if let NodeKind::Map(entries) = &environment.kind {
            for (name, value) in entries {
                let key = format!("environment.{}", name.as_str().unwrap_or_default());
                keys_set.push(key.clone());
                values.push((key, value));
            }
        }
    }
    let mut out = Vec::new();
    for (key, node) in values {
        let Some(text) = node.as_str() else { continue };
        for reference in crate::parse::env::references(text) {
            // `${NAME:-default}` takes the default also where the `.env` sets NAME empty.
            let set_by_project_env = project.map(|env| {
                env.sets(&reference.name) && !(reference.default_when_empty() && env.text(&reference.name) == Some(""))
            });
            out.push(InterpolatedVariable {
                reference,
                range: node.range.clone(),
                key: key.clone(),
                set_by_project_env,
            });
        }
    }
    (out, keys_set)
}

/// "Traefik's labels on the `netbox` service" when its `labels:` give it a router that
/// terminates TLS (`traefik.http.routers.<name>.tls=true`, `.tls.certresolver=…`, `.tls.…`), as
/// a list or a map: a router in plain HTTP only adds nothing a client going around it lacks.
fn traefik_labels(netbox: &Node) -> Option<String> {
    let labels = netbox.get("labels")?;
    let tls_router = |key: &str, value: &str| {
        let key = key.trim().to_ascii_lowercase();
        let Some(router) = key.strip_prefix("traefik.http.routers.") else { return false };
        // TLS on the router, or a router on the entrypoint Traefik's own examples give TLS
        // (`websecure`), where TLS may be set for the whole entrypoint.
        match router.split_once(".tls") {
            Some((_, "")) => value.trim().eq_ignore_ascii_case("true"),
            Some((_, rest)) => rest.starts_with('.'),
            None => {
                router.ends_with(".entrypoints") && value.split(',').any(|e| e.trim().eq_ignore_ascii_case("websecure"))
            }
        }
    };
    let any = match &labels.kind {
        NodeKind::Seq(items) => items
            .iter()
            .filter_map(Node::as_str)
            .any(|label| label.split_once('=').is_some_and(|(key, value)| tls_router(key, value))),
        NodeKind::Map(pairs) => pairs.iter().any(|(key, value)| {
            let value = match &value.kind {
                NodeKind::Bool(b) => b.to_string(),
                _ => value.as_str().unwrap_or_default().to_owned(),
            };
            key.as_str().is_some_and(|k| tls_router(k, &value))
        }),
        _ => false,
    };
    any.then(|| "Traefik's labels on the `netbox` service, with TLS".to_owned())
}

/// The routers of the `netbox` service's Traefik labels whose rule is one `PathPrefix` (beside
/// a `Host` or not) whose first segment names NetBox (`/netbox`, `/netbox-prod`), with whether
/// one of the router's middlewares strips that path (`stripprefix.prefixes`); and the name of
/// every router whose rule the labels set (a later file's rule replaces an earlier one's, as
/// Compose merges labels key by key). A router with a middleware its labels do not define
/// (`@file`, another container's) is left out: whether that strips the path is not known. The
/// labels are indexed once: linear in their number.
fn traefik_subpath_routes(netbox: &Node) -> (Vec<SubpathRoute>, Vec<String>) {
    let Some(labels) = netbox.get("labels") else { return (Vec::new(), Vec::new()) };
    // key → (value, where the label is), as a list or a map; a later label of a key wins.
    let mut by_key: HashMap<String, (String, Range<usize>)> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut add = |key: &str, value: &str, range: Range<usize>| {
        let key = key.trim().to_ascii_lowercase();
        if by_key.insert(key.clone(), (value.trim().to_owned(), range)).is_none() {
            order.push(key);
        }
    };
    match &labels.kind {
        NodeKind::Seq(items) => {
            for item in items {
                if let Some((key, value)) = item.as_str().and_then(|label| label.split_once('=')) {
                    add(key, value, item.range.clone());
                }
            }
        }
        NodeKind::Map(entries) => {
            for (key, value) in entries {
                if let (Some(key), Some(text)) = (key.as_str(), value.as_str()) {
                    add(key, text, value.range.clone());
                }
            }
        }
        _ => return (Vec::new(), Vec::new()),
    }
    // The middlewares the labels define (`traefik.http.middlewares.NAME.…`), once.
    let defined: std::collections::HashSet<&str> =
        by_key.keys().filter_map(|k| k.strip_prefix("traefik.http.middlewares.")?.split('.').next()).collect();
    let mut routes = Vec::new();
    let mut routers = Vec::new();
    for key in &order {
        let Some(router) = key.strip_prefix("traefik.http.routers.").and_then(|r| r.strip_suffix(".rule")) else {
            continue;
        };
        routers.push(router.to_owned());
        let (value, range) = &by_key[key];
        let Some(prefix) = only_path_prefix(value) else { continue };
        let first = prefix.trim_start_matches('/').split('/').next().unwrap_or_default().to_ascii_lowercase();
        if !first.starts_with("netbox") {
            continue;
        }
        let middlewares: Vec<String> = by_key
            .get(&format!("traefik.http.routers.{router}.middlewares"))
            .map(|(v, _)| v.split(',').map(|m| m.trim().to_ascii_lowercase()).filter(|m| !m.is_empty()).collect())
            .unwrap_or_default();
        if !middlewares.iter().all(|m| !m.contains('@') && defined.contains(m.as_str())) {
            continue;
        }
        let strip = middlewares.iter().find_map(|m| {
            by_key
                .get(&format!("traefik.http.middlewares.{m}.stripprefix.prefixes"))
                .filter(|(v, _)| v.split(',').any(|p| p.trim().trim_end_matches('/') == prefix.trim_end_matches('/')))
        });
        routes.push(SubpathRoute {
            prefix,
            stripped: strip.is_some(),
            range: strip.map_or(range.clone(), |(_, r)| r.clone()),
            router: router.to_owned(),
            block: BlockId(0),
        });
    }
    (routes, routers)
}

/// The path of a router rule that is one `PathPrefix` (with or without a `Host` beside it by
/// `&&`), other than `/`; a negated one (`!PathPrefix(…)`) or an `||` is no such rule.
fn only_path_prefix(rule: &str) -> Option<String> {
    let at = rule.find("PathPrefix(")?;
    if rule[at + 1..].contains("PathPrefix(") || rule.contains("||") || rule.contains('!') {
        return None;
    }
    let inner = rule[at + "PathPrefix(".len()..].split(')').next()?;
    let path = inner.trim().trim_matches(|c| c == '`' || c == '"' || c == '\'').trim();
    (path.starts_with('/') && !path.trim_matches('/').is_empty() && !path.contains(['{', ',', '`', '"']))
        .then(|| path.to_owned())
}

/// Whether a `ports:` entry publishes HTTPS's port: the container's 443 (`8443:443/tcp`, the
/// long form's `target: 443`) or the host's (`443:8443`, an unprivileged proxy image).
fn publishes_https(port: &Node) -> bool {
    let text = |node: &Node| {
        node.as_str().map(str::to_owned).or_else(|| match node.kind {
            NodeKind::Int(n) => Some(n.to_string()),
            _ => None,
        })
    };
    let is_443 = |p: &str| p.split('/').next() == Some("443");
    if port.get("target").is_some() {
        return ["target", "published"].iter().any(|key| port.get(key).and_then(text).is_some_and(|p| is_443(&p)));
    }
    let Some(short) = text(port) else { return false };
    // HOST_IP:HOST_PORT:CONTAINER_PORT, HOST_PORT:CONTAINER_PORT or CONTAINER_PORT.
    let mut parts = short.rsplitn(3, ':');
    let container = parts.next().unwrap_or_default();
    is_443(container) || parts.next().is_some_and(is_443)
}

/// The files of netbox-docker's image that decide what its LDAP variables mean: the loader
/// NetBox imports (netbox-docker's Dockerfile copies docker/ldap_config.docker.py there, L86 at
/// 27bf52c) and the file of the configuration directory that loader runs, which reads the
/// `AUTH_LDAP_*` and `LDAP_*` variables (configuration/ldap/ldap_config.py). A file mounted
/// over either replaces that reading.
const LDAP_LOADERS: &[&str] = &["/opt/netbox/netbox/netbox/ldap_config.py", "/etc/netbox/config/ldap/ldap_config.py"];

/// The variables netbox-docker's LDAP file reads.
fn is_ldap_variable(name: &str) -> bool {
    name.starts_with("AUTH_LDAP_") || name.starts_with("LDAP_")
}

/// Where a service's volume is mounted in the container: `SOURCE:TARGET[:MODE]`, a bare
/// `TARGET` (an anonymous volume), or the long form's `target:`.
fn volume_target(volume: &Node) -> Option<&str> {
    if let Some(short) = volume.as_str() {
        // `SOURCE:TARGET[:MODE]`, where a source Compose interpolates may hold colons of its
        // own (`${PGDATA_DIR:-./pgdata}`): split outside `${…}` only.
        let mut parts = split_outside_braces(short, ':');
        let first = parts.next()?;
        let target = parts.next().unwrap_or(first);
        return Some(target.trim_end_matches('/'));
    }
    volume.get("target").and_then(Node::as_str).map(|t| t.trim_end_matches('/'))
}

/// The parts of `text` between `separator`s that are not inside a `${…}`.
fn split_outside_braces(text: &str, separator: char) -> impl Iterator<Item = &str> {
    let mut depth = 0usize;
    let mut start = 0;
    let mut parts = Vec::new();
    let mut previous = '\0';
    for (at, c) in text.char_indices() {
        match c {
            '{' if previous == '$' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            c if c == separator && depth == 0 => {
                parts.push(&text[start..at]);
                start = at + c.len_utf8();
            }
            _ => {}
        }
        previous = c;
    }
    parts.push(&text[start..]);
    parts.into_iter()
}

/// What a compose file mounts that `lint` reads beside it: sources as written (short syntax
/// `SOURCE:TARGET[:MODE]`, or `source:` and `target:`), one pass over every service's volumes.
#[derive(Debug, Default)]
pub struct Mounts {
    /// Python files mounted into NetBox's own package (`./custom_pipeline.py:
    /// /opt/netbox/netbox/netbox/custom_pipeline.py`, as Authentik's NetBox guide places its
    /// pipeline module): modules Python imports when they are named (a pipeline step), not files
    /// of the configuration directory that netbox-docker runs while the settings are built.
    pub modules: Vec<String>,
    /// Folders mounted as netbox-docker's configuration directory (`./configuration:
    /// /etc/netbox/config:z,ro`, netbox-docker 3.0.2 docker-compose.yml L16), whose every `*.py`
    /// netbox-docker runs while the settings are built.
    pub configuration_directories: Vec<String>,
    /// nginx configuration files of an nginx service (its image `nginx`, or `nginx-…` as
    /// `nginxinc/nginx-unprivileged`): relative sources only, of single files mounted at a
    /// `.conf` under `/etc/nginx/` (`./nginx.conf:/etc/nginx/conf.d/default.conf:ro`).
    pub nginx: Vec<String>,
}

/// [`Mounts`] of a compose file.
pub fn mounts(text: &str) -> Mounts {
    let mut found = Mounts::default();
    for document in &load(text).documents {
        let Some(NodeKind::Map(services)) = document.get("services").map(|s| &s.kind) else { continue };
        for (_, service) in services {
            let nginx = service_key(service, "image").and_then(Node::as_str).is_some_and(|image| {
                let (repository, _) = image_repository_and_tag(image);
                repository.rsplit('/').next().is_some_and(|name| name == "nginx" || name.starts_with("nginx-"))
            });
            for volume in service_key(service, "volumes").map(Node::items).unwrap_or_default() {
                let (source, target) = match volume.as_str() {
                    Some(short) => {
                        let mut parts = short.split(':');
                        (parts.next(), parts.next())
                    }
                    None => (volume.get("source").and_then(Node::as_str), volume.get("target").and_then(Node::as_str)),
                };
                let (Some(source), Some(target)) = (source, target) else { continue };
                let base = target.rsplit('/').next().unwrap_or(target);
                if source.ends_with(".py")
                    && target.starts_with("/opt/netbox/netbox/")
                    && base.ends_with(".py")
                    && !matches!(base, "configuration.py" | "ldap_config.py" | "settings.py")
                {
                    found.modules.push(source.to_string());
                } else if target.trim_end_matches('/') == "/etc/netbox/config" {
                    found.configuration_directories.push(source.to_string());
                } else if nginx
                    && (source.starts_with("./") || source.starts_with("../"))
                    && target.starts_with("/etc/nginx/")
                    && target.ends_with(".conf")
                {
                    found.nginx.push(source.to_string());
                }
            }
        }
    }
    found
}

/// Parse a compose file: the `netbox` service's `environment:` as settings.
pub fn parse(text: &str, block: BlockId) -> PythonFile {
    read(text, block).file
}

/// [`parse`], interpolating with the project's `.env` when it is known.
pub fn parse_with(text: &str, block: BlockId, project: Option<&ProjectEnv>) -> PythonFile {
    read_with(text, block, project).file
}

/// [`parse_with`], with the `env_file:` files of the project's other services that `lint` read
/// (see [`read_in_project`]).
pub fn parse_in_project(
    (text, file_name): (&str, &str),
    block: BlockId,
    project: Option<&ProjectEnv>,
    service_env_files: &[(String, Arc<str>)],
) -> PythonFile {
    read_in_project((text, file_name), block, project, service_env_files).file
}

/// The settings of an `environment:` node, list or map; a `${` Compose refuses is an error.
fn environment_settings(
    text: &str,
    environment: &Node,
    block: BlockId,
    project: Option<&ProjectEnv>,
    settings: &mut Vec<Arc<Setting>>,
    invalid: &mut Vec<SyntaxError>,
) {
    let mut add =
        |name: &str, name_range: Range<usize>, raw: Option<&str>, range: Range<usize>, statement: Range<usize>| {
            // `SECRET_KEY=${NETBOX_SECRET_KEY}`: the value is the `.env` line's, and so is its
            // place, unless a secret takes it from a name that is not a secret's
            // (`DB_PASSWORD: ${DBPW}`): the terminal masks a value by its line's name, so the
            // `.env` line would show it whole; it stays here, masked by this name.
            let whole = raw.zip(project).and_then(|(raw, project)| project.whole_reference(raw));
            if let Some(var) = whole.filter(|var| !is_secret_name(name) || is_secret_name(&var.name)) {
                let setting = Setting { name: CompactString::from(name), ..Setting::clone(var) };
                settings.push(Arc::new(setting));
                return;
            }
            let Some(value) = interpolated(raw, range, project) else {
                invalid.push(SyntaxError { range: statement.clone(), message: invalid_template_message(Some(name)) });
                return;
            };
            settings.push(Arc::new(Setting { name: CompactString::from(name), name_range, statement, value, block }));
        };
    match &environment.kind {
        NodeKind::Seq(items) => {
            for item in items {
                let Some(entry) = item.as_str() else { continue };
                // The text as written, when the scalar is plain or quoted with no escape in it:
                // then the name and the value have ranges of their own (inside the quotes).
                let written = text.get(item.range.clone());
                let quoted = written.and_then(|w| {
                    let inner = w
                        .strip_prefix('"')
                        .and_then(|w| w.strip_suffix('"'))
                        .or_else(|| w.strip_prefix('\'').and_then(|w| w.strip_suffix('\'')))?;
                    (inner == entry).then_some(1)
                });
                let inset = if written == Some(entry) { Some(0) } else { quoted };
                let (name, value) = match entry.split_once('=') {
                    Some((name, value)) => (name, Some(value)),
                    None => (entry, None),
                };
                let name_range = match inset {
                    Some(inset) => item.range.start + inset..item.range.start + inset + name.len(),
                    None => item.range.clone(),
                };
                let value_range = match (inset, value) {
                    (Some(inset), Some(value)) => item.range.end - inset - value.len()..item.range.end - inset,
                    _ => item.range.clone(),
                };
                add(name, name_range, value, value_range, item.range.clone());
            }
        }
        NodeKind::Map(entries) => {
            for (key, value) in entries {
                let Some(name) = key.as_str() else { continue };
                let text = match &value.kind {
                    NodeKind::Str(s) => Some(s.clone()),
                    NodeKind::Bool(b) => Some(b.to_string()),
                    NodeKind::Int(i) => Some(i.to_string()),
                    // From the shell (`KEY:`); a float or a collection Compose would render its own way.
                    _ => None,
                };
                let statement = key.range.start..value.range.end.max(key.range.end);
                let range = if value.range.is_empty() { key.range.clone() } else { value.range.clone() };
                add(name, key.range.clone(), text.as_deref(), range, statement);
            }
        }
        _ => {}
    }
}

/// The entries of an `env_file:` node (a string, or a list of strings and `{path, required,
/// format}` maps), and whether every entry is known: a path Compose would interpolate, or an
/// entry of another shape, names a file not known here and is left out.
fn env_file_entries(env_file: &Node) -> (Vec<EnvFile>, bool) {
    let written: Vec<&Node> = match &env_file.kind {
        NodeKind::Seq(items) => items.iter().collect(),
        _ => vec![env_file],
    };
    let count = written.len();
    let entries: Vec<EnvFile> = written
        .into_iter()
        .filter_map(|entry| {
            let (path, required, raw) = match &entry.kind {
                NodeKind::Str(path) => (path.clone(), true, false),
                NodeKind::Map(_) => (
                    entry.get("path")?.as_str()?.to_string(),
                    !matches!(entry.get("required").map(|r| &r.kind), Some(NodeKind::Bool(false))),
                    entry.get("format").and_then(Node::as_str).is_some_and(|f| !f.is_empty() && f != ".env"),
                ),
                _ => return None,
            };
            match interpolation(&path) {
                Interpolation::Known(path) => Some(EnvFile { path, required, raw }),
                Interpolation::Unknown | Interpolation::Invalid => None,
            }
        })
        .collect();
    let all_known = entries.len() == count;
    (entries, all_known)
}

/// A value as Compose gives it: `None` (from the shell) is unknown, and so is a variable the
/// project's `.env` does not set; `None` back for a `${` Compose refuses.
fn interpolated(value: Option<&str>, range: Range<usize>, project: Option<&ProjectEnv>) -> Option<Value> {
    let lookup = |name: &str| project.and_then(|p| p.text(name));
    let kind = match value.map(|v| interpolate(v, lookup)) {
        // A template's slot (an Ansible-rendered compose file's `{{ netbox_secret_key }}`): unknown.
        Some(Interpolation::Known(text)) if is_template_slot(&text) => ValueKind::Unknown,
        Some(Interpolation::Known(text)) => ValueKind::Str(text.into()),
        Some(Interpolation::Invalid) => return None,
        Some(Interpolation::Unknown) | None => ValueKind::Unknown,
    };
    Some(Value { kind, range })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(text: &str) -> Vec<(String, String, String)> {
        parse(text, BlockId(0))
            .settings
            .iter()
            .map(|s| (s.name.to_string(), s.value.to_string(), text[s.value.range.clone()].to_string()))
            .collect()
    }

    #[test]
    fn reads_the_netbox_services_environment_in_both_forms() {
        let list = "services:\n  netbox:\n    environment:\n      - REMOTE_AUTH_BACKEND=social_core.backends.open_id_connect.OpenIdConnectAuth\n      - \"DEBUG=false\"\n      - FROM_SHELL\n      - SECRET=${OIDC_SECRET}\n  postgres:\n    environment:\n      - OTHER=1\n";
        let got = vars(list);
        assert_eq!(got[0].0, "REMOTE_AUTH_BACKEND");
        assert_eq!(got[0].2, "social_core.backends.open_id_connect.OpenIdConnectAuth");
        assert_eq!((got[1].0.as_str(), got[1].1.as_str(), got[1].2.as_str()), ("DEBUG", "'false'", "false"));
        assert_eq!(got[2].1, "(not statically known)");
        assert_eq!(got[3].1, "(not statically known)");
        assert_eq!(got.len(), 4, "another service's environment is not NetBox's: {got:?}");

        let map = "services:\n  netbox:\n    environment:\n      REMOTE_AUTH_ENABLED: true\n      LOGIN_TIMEOUT: 3600\n      BANNER_TOP: \"$$ratio\"\n      FROM_SHELL:\n";
        let got = vars(map);
        let want = [
            ("REMOTE_AUTH_ENABLED", "'true'", "true"),
            ("LOGIN_TIMEOUT", "'3600'", "3600"),
            ("BANNER_TOP", "'$ratio'", "\"$$ratio\""),
            ("FROM_SHELL", "(not statically known)", "FROM_SHELL"),
        ];
        assert_eq!(got, want.map(|(a, b, c)| (a.into(), b.into(), c.into())).to_vec());
    }

    /// A compose file rendered by Ansible or another template engine: a slot's value is the
    /// engine's, not the text written.
    #[test]
    fn a_template_slot_is_an_unknown_value() {
        let map = "services:\n  netbox:\n    environment:\n      SECRET_KEY: \"{{ netbox_secret_key }}\"\n      DEBUG: \"{not a slot}\"\n";
        let got = vars(map);
        assert_eq!(got[0].1, "(not statically known)", "{got:?}");
        assert_eq!(got[1].1, "'{not a slot}'", "{got:?}");
    }

    #[test]
    fn a_published_images_tag_names_netboxs_release() {
        let release = |image: &str| {
            let (_, tag) = image_repository_and_tag(image);
            tag.and_then(|tag| tag_release(image, tag)).map(str::to_owned)
        };
        for (image, want) in [
            ("netboxcommunity/netbox:v4.4-3.4.1", Some("4.4")),
            ("ghcr.io/netbox-community/netbox:v4.4.2", Some("4.4.2")),
            ("netboxcommunity/netbox:latest", None),
            ("netboxcommunity/netbox:4.4", None),
            ("lscr.io/linuxserver/netbox:v4.1.3-ls241", Some("4.1.3")),
            ("lscr.io/linuxserver/netbox:version-v4.1.3", Some("4.1.3")),
            ("linuxserver/netbox:amd64-v4.1.3-ls241", Some("4.1.3")),
            ("linuxserver/netbox:4.1.3", Some("4.1.3")),
            ("linuxserver/netbox:v4.7.0-beta1-pkg-abc-dev-123", Some("4.7.0-beta1")),
            ("lscr.io/linuxserver/netbox:latest", None),
            ("lscr.io/linuxserver/netbox:develop", None),
            ("example.org/linuxserver-fork/netbox:4.1.3", None),
        ] {
            assert_eq!(release(image).as_deref(), want, "{image}");
        }
    }

    #[test]
    fn another_publishers_image_has_its_own_environment() {
        // An image with its own configuration: its comma-separated ALLOWED_HOSTS is not
        // netbox-docker's space-separated list, so none of it is read.
        let foreign = "services:\n  netbox:\n    image: example.org/someone/all-in-one-netbox:latest\n    env_file: env/netbox.env\n    environment:\n      ALLOWED_HOSTS: 'localhost,netbox.example.com'\n";
        let read = read(foreign, BlockId(0));
        assert!(read.file.settings.is_empty() && read.env_files.is_empty(), "{read:?}");
        // netbox-docker's image (any registry, interpolated tag), a local build, or an image
        // built here: read as before.
        for image in [
            "docker.io/netboxcommunity/netbox:${VERSION-v4.4-3.4.1}",
            "ghcr.io/netbox-community/netbox:v4.6",
            "netbox:latest-plugins",
            "registry.local:5000/netboxcommunity/netbox",
        ] {
            let text = foreign.replace("example.org/someone/all-in-one-netbox:latest", image);
            assert_eq!(vars(&text).len(), 1, "{image}");
        }
        let built = foreign.replace("    env_file:", "    build:\n      context: .\n    env_file:");
        assert_eq!(vars(&built).len(), 1);
    }

    fn env_files(text: &str) -> Vec<EnvFile> {
        read(text, BlockId(0)).env_files
    }

    #[test]
    fn reads_env_file_entries_in_every_form() {
        let text = "services:\n  netbox:\n    env_file:\n      - env/netbox.env\n      - path: env/extra.env\n        required: false\n      - ${ENV_DIR}/x.env\n      - path: env/raw.env\n        format: raw\n";
        assert_eq!(
            env_files(text),
            [
                EnvFile { path: "env/netbox.env".into(), required: true, raw: false },
                EnvFile { path: "env/extra.env".into(), required: false, raw: false },
                EnvFile { path: "env/raw.env".into(), required: true, raw: true },
            ]
        );
        assert_eq!(env_files("services:\n  netbox:\n    env_file: env/netbox.env\n").len(), 1);
        assert!(read("services:\n  netbox:\n    env_file: env/netbox.env\n", BlockId(0)).sets_netbox_environment);
        assert!(!read("services:\n  netbox:\n    ports:\n      - 8000:8080\n", BlockId(0)).sets_netbox_environment);
    }

    /// A config put where NetBox reads its configuration stays mounted when a later
    /// `volumes: !override` drops the volumes before it (configs are not volumes).
    #[test]
    fn a_config_stays_mounted_when_the_volumes_are_overridden() {
        let text = "services:\n  netbox:\n    image: netboxcommunity/netbox:v4.1\n    configs:\n      - source: extra\n        target: /etc/netbox/config/extra.py\n    volumes:\n      - ./reports:/etc/netbox/reports\n---\nservices:\n  netbox:\n    volumes: !override\n      - ./media:/opt/netbox/netbox/media\n";
        let stock = read(text, BlockId(0)).file.stock_configuration.unwrap();
        assert!(stock.mounted && stock.configuration_from_elsewhere, "{stock:?}");
        let plain = read(
            "services:\n  netbox:\n    image: netboxcommunity/netbox:v4.1\n    volumes:\n      - ./configuration:/etc/netbox/config:z,ro\n      - ./reports:/etc/netbox/reports\n",
            BlockId(0),
        );
        let stock = plain.file.stock_configuration.unwrap();
        assert!(stock.mounted && !stock.configuration_from_elsewhere, "{stock:?}");
    }

    /// compose-go reads every document of a file in order, and `!reset` / `!override` drop
    /// what came before (loader.go `loadYamlFile`, reset.go `ResetProcessor`).
    #[test]
    fn every_document_is_read_and_reset_and_override_tags_replace_what_came_before() {
        let names =
            |text: &str| -> Vec<String> { vars(text).into_iter().map(|(n, v, _)| format!("{n}={v}")).collect() };
        let two = "services:\n  netbox:\n    environment:\n      A: '1'\n---\nservices:\n  netbox:\n    environment:\n      B: '2'\n";
        assert_eq!(names(two), ["A='1'", "B='2'"]);
        let overridden = "services:\n  netbox:\n    environment:\n      A: '1'\n---\nservices:\n  netbox:\n    environment: !override\n      B: '2'\n";
        assert_eq!(names(overridden), ["B='2'"]);
        assert!(read(overridden, BlockId(0)).resets_environment);
        let reset =
            "services:\n  netbox:\n    environment: !reset {}\n    env_file: !override\n      - env/other.env\n";
        let file = read(reset, BlockId(0));
        assert!(file.file.settings.is_empty() && file.resets_environment && file.resets_env_files);
        assert_eq!(file.env_files.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(), ["env/other.env"]);
        assert!(file.file.syntax_errors.is_empty(), "{:?}", file.file.syntax_errors);
        let plain = read("services:\n  netbox:\n    environment:\n      - A=1\n", BlockId(0));
        assert!(!plain.resets_environment && !plain.resets_env_files);
    }

    proptest::proptest! {
        /// Any text: no panic, and every range is a slice of the text, so findings can be
        /// placed; the same text as a `check=compose` block goes through the whole pipeline.
        #[test]
        fn any_text_parses_with_ranges_inside_it(
            text in r#"(services:\n  netbox:\n    (environment|env_file):\n|      - |      [A-Z_]{1,4}: |[A-Z]=|\$\{X\}|\PC|[\n "'#:\[\]{}-]){0,60}"#
        ) {
            let file = parse(&text, BlockId(0));
            for setting in &file.settings {
                for range in [&setting.name_range, &setting.statement, &setting.value.range] {
                    proptest::prop_assert!(text.get(range.clone()).is_some(), "{range:?} of {text:?}");
                }
            }
            let fence = if text.contains("```") { "~~~~" } else { "```" };
            crate::rules::testing::fired_chapter(&format!("{fence}yaml,check=compose\n{text}\n{fence}\n"));
        }
    }

    #[test]
    fn a_template_compose_refuses_is_a_syntax_error_at_its_entry() {
        let list = "services:\n  netbox:\n    environment:\n      - A=x$${ok}\n      - B=p${\n";
        let file = parse(list, BlockId(0));
        let at: Vec<&str> = file.syntax_errors.iter().map(|e| &list[e.range.clone()]).collect();
        assert_eq!(at, ["B=p${"]);
        assert_eq!(file.settings[0].value.as_str(), Some("x${ok}"));
        let map = "services:\n  netbox:\n    environment:\n      C: \"${}\"\n";
        let file = parse(map, BlockId(0));
        let at: Vec<&str> = file.syntax_errors.iter().map(|e| &map[e.range.clone()]).collect();
        assert_eq!(at, ["C: \"${}\""]);
    }

    #[test]
    fn a_yaml_error_is_a_syntax_error() {
        let file = parse("services:\n  netbox:\n    environment: [unclosed\n", BlockId(0));
        assert_eq!(file.syntax_errors.len(), 1);
    }

    /// Traefik's labels, as a list or a map: a `PathPrefix` naming NetBox, stripped or not; a
    /// negated prefix, NetBox's own `/api`, a middleware defined elsewhere: no route. Every
    /// router with a rule is named (a later file's rule replaces an earlier one's).
    #[test]
    fn traefik_routes_under_a_path() {
        let routes = |labels: &str| {
            let text = format!("services:\n  netbox:\n    image: netboxcommunity/netbox:v4.4\n    labels:\n{labels}");
            let file = read(&text, BlockId(0)).file;
            let routes: Vec<(String, bool, String)> = file
                .compose
                .traefik
                .routes
                .iter()
                .map(|r| (r.prefix.clone(), r.stripped, text[r.range.clone()].to_owned()))
                .collect();
            (routes, file.compose.traefik.routers.clone())
        };
        let list = "      - traefik.http.routers.nb.rule=Host(`a`) && PathPrefix(`/netbox`)\n      - traefik.http.routers.nb.middlewares=strip\n      - traefik.http.middlewares.strip.stripprefix.prefixes=/netbox\n";
        let (found, routers) = routes(list);
        assert_eq!(
            found,
            [("/netbox".to_owned(), true, "traefik.http.middlewares.strip.stripprefix.prefixes=/netbox".to_owned())]
        );
        assert_eq!(routers, ["nb"]);
        let map = "      traefik.http.routers.nb.rule: PathPrefix(`/netbox-prod`)\n      traefik.http.routers.nb.middlewares: auth\n      traefik.http.middlewares.auth.basicauth.users: x\n";
        assert_eq!(routes(map).0, [("/netbox-prod".to_owned(), false, "PathPrefix(`/netbox-prod`)".to_owned())]);
        for other in [
            "      - traefik.http.routers.ui.rule=Host(`a`) && !PathPrefix(`/netbox`)\n",
            "      - traefik.http.routers.api.rule=Host(`a`) && PathPrefix(`/api`)\n",
            "      - traefik.http.routers.nb.rule=PathPrefix(`/netbox`)\n      - traefik.http.routers.nb.middlewares=strip@file\n",
        ] {
            let (found, routers) = routes(other);
            assert!(found.is_empty(), "{other}: {found:?}");
            assert_eq!(routers.len(), 1);
        }
    }

    /// netbox-docker's earlier image names (t232: NetBox's own compose file of 2016), and the
    /// release their `latest` stands for.
    #[test]
    fn earlier_names_of_netbox_dockers_image() {
        for image in ["ninech/netbox:v2.4.6", "digitalocean/netbox", "docker.io/ninech/netbox:latest"] {
            assert!(published_netbox_docker_image(image), "{image}");
        }
        assert!(!published_netbox_docker_image("example/ninech/netbox-custom"));
        assert_eq!(tag_release("ninech/netbox:v2.4.6", "v2.4.6"), Some("2.4.6"));
        assert_eq!(frozen_latest_release("digitalocean/netbox", None), Some("1.9"));
        assert_eq!(frozen_latest_release("ninech/netbox:latest", None), Some("2.5"));
        // netbox-docker 0.3.1's own line, and its LDAP variant.
        assert_eq!(frozen_latest_release("ninech/netbox:${VERSION-latest}", None), Some("2.5"));
        assert_eq!(frozen_latest_release("ninech/netbox:latest-ldap", None), Some("2.5"));
        assert_eq!(frozen_latest_release("ninech/netbox:v2.4.6", None), None);
        assert_eq!(frozen_latest_release("netboxcommunity/netbox:latest", None), None);
        assert!(matches!(built("ninech/netbox:${VERSION-latest}", None), Some(Built::Named { docker: None, .. })));
        assert!(matches!(built("digitalocean/netbox", None), Some(Built::Named { docker: None, .. })));
        assert!(matches!(built("ninech/netbox:latest-ldap", None), Some(Built::LdapVariant)));
    }

    /// Which images take `SECRET_KEY` from the variable before /run/secrets/secret_key, by tags
    /// netbox-docker published: before 0.26.0 (NetBox lines to 2.8, their LDAP variants) and its
    /// earlier names, on any registry; not 2.9, which 0.25.0 and 0.26.0 both built, a later
    /// release (1.4.1 and later name themselves in the tag), `latest`, or another image.
    #[test]
    fn images_that_read_the_secret_key_variable_first() {
        for image in [
            "digitalocean/netbox",
            "docker.io/digitalocean/netbox:latest",
            "ninech/netbox:v2.4.6",
            "ninech/netbox:latest-ldap",
            "netboxcommunity/netbox:v2.8.9",
            "netboxcommunity/netbox:v2.8",
            "docker.io/netboxcommunity/netbox:v2.8.9-ldap",
            "netboxcommunity/netbox:v2.8-ldap",
            "netboxcommunity/netbox:${VERSION-v2.7.12}",
        ] {
            assert!(image_reads_secret_key_variable_first(image, None), "{image}");
        }
        for image in [
            "netboxcommunity/netbox:v2.9",
            "netboxcommunity/netbox:v2.9-ldap",
            "netboxcommunity/netbox:v4.2-3.2.0",
            "netboxcommunity/netbox:v3.1.0-ldap-1.5.1",
            "netboxcommunity/netbox:latest",
            "netboxcommunity/netbox:latest-ldap",
            "netboxcommunity/netbox",
            "netboxcommunity/netbox:${VERSION}",
            "example/netbox:v2.8.9",
            "digitalocean/netbox-custom",
        ] {
            assert!(!image_reads_secret_key_variable_first(image, None), "{image}");
        }
    }

    /// What a file says of the image (a `build:` is an image built here), and two files merged:
    /// the later image wins, mounts and networks add up, the project is whole only if both say so.
    #[test]
    fn the_image_and_the_merge_of_two_files() {
        assert_eq!(
            netbox_image("services:\n  netbox:\n    image: netboxcommunity/netbox:v4.4\n"),
            Some(Some("netboxcommunity/netbox:v4.4".into()))
        );
        assert_eq!(netbox_image("services:\n  netbox:\n    image: netbox:plugins\n    build: .\n"), Some(None));
        assert_eq!(netbox_image("services:\n  postgres:\n    image: postgres:17\n"), None);
        assert!(published_netbox_docker_image("docker.io/netboxcommunity/netbox:${VERSION-v4.4-3.4.1}"));
        assert!(published_netbox_docker_image("docker.io/netboxcommunity/netbox:${VERSION:-v4.4-3.4.1}"));
        assert_eq!(
            image_repository_and_tag("registry.example.net:5000/netboxcommunity/netbox:${TAG:-v4.4}@sha256:ab"),
            ("registry.example.net:5000/netboxcommunity/netbox".to_string(), Some("${TAG:-v4.4}"))
        );
        assert!(
            !published_netbox_docker_image("netbox:latest-plugins")
                && !published_netbox_docker_image("${REGISTRY}/netbox:v4")
        );
        let base = StockConfiguration {
            published_image: Some(true),
            plugins_recipe_build: false,
            own_build_or_image: false,
            configuration_at_netbox_docker_path: false,
            sso_variables_unmapped: true,
            superuser_password_filled_in: true,
            login_required_by_default: true,
            ldap_loader: Some(true),
            environment_unseen: false,
            linuxserver_image: false,
            nginx_unit_image: false,
            configuration_file_mounted: false,
            mounted: false,
            configuration_from_elsewhere: false,
            network_mode: false,
            host_network: false,
            secrets: false,
            superuser_secrets: false,
            secret_key_secret: false,
            secret_key_variable_first: false,
            project_complete: true,
            configuration_read_whole: false,
            services_omitted: false,
            compose_files_beside: false,
        };
        let over = StockConfiguration {
            published_image: None,
            plugins_recipe_build: false,
            own_build_or_image: false,
            configuration_at_netbox_docker_path: false,
            sso_variables_unmapped: false,
            superuser_password_filled_in: false,
            login_required_by_default: false,
            ldap_loader: None,
            environment_unseen: true,
            linuxserver_image: false,
            nginx_unit_image: false,
            configuration_file_mounted: false,
            mounted: true,
            configuration_from_elsewhere: false,
            network_mode: true,
            host_network: true,
            secrets: false,
            superuser_secrets: false,
            secret_key_secret: false,
            secret_key_variable_first: false,
            project_complete: false,
            configuration_read_whole: false,
            services_omitted: false,
            compose_files_beside: false,
        };
        let merged = base.merge(over);
        assert_eq!(merged.published_image, Some(true));
        assert!(merged.mounted && merged.host_network && merged.environment_unseen && !merged.project_complete);
        // The image's word on SOCIAL_AUTH_* variables stays the base file's (the override names none).
        assert!(merged.sso_variables_unmapped && merged.superuser_password_filled_in);
    }

    /// Which images ship a configuration known to map no `SOCIAL_AUTH_*` variable: netbox-docker
    /// 3.0.2 or before, or NetBox 4.1 or before without netbox-docker's part; an interpolated tag
    /// as the project's `.env` or its default names it.
    #[test]
    fn an_images_tag_says_whether_it_maps_sso_variables() {
        let maps_none = |image: &str| image_maps_no_sso_variables(image, None);
        assert!(maps_none("netboxcommunity/netbox:v4.1-3.0.2") && maps_none("netboxcommunity/netbox:v3.1"));
        assert!(maps_none("docker.io/netboxcommunity/netbox:${VERSION-v4.1-3.0.2}"));
        assert!(!maps_none("netboxcommunity/netbox:v4.6-5.0.2") && !maps_none("netboxcommunity/netbox:v4.2"));
        assert!(!maps_none("netboxcommunity/netbox:latest") && !maps_none("netboxcommunity/netbox"));
        assert!(maps_none("docker.io/netboxcommunity/netbox:${VERSION:-v4.1-3.0.2}"));
        assert!(!maps_none("netboxcommunity/netbox:v4.4-3"));
        let env = crate::parse::env::read("VERSION=v4.5-4.0.2\n", BlockId(0)).0;
        let project = ProjectEnv::new(&env);
        assert!(!image_maps_no_sso_variables("netboxcommunity/netbox:${VERSION-v4.1-3.0.2}", Some(&project)));
    }

    /// The same tag forms for the superuser's default password (netbox-docker before 5.0.0, or a
    /// NetBox line before 4.6) and for the LDAP loader (netbox-docker 2.0.0 on, an `ldap` variant,
    /// or a NetBox line from 3.3; `latest` is current): `latest-A.B.C` names netbox-docker's
    /// release, an `ldap` variant (as build.sh wrote them: `v3.1-ldap`, `v3.1.0-ldap-1.5.1`,
    /// `latest-ldap`) a release before 2.0.0, and a suffix without a minor names none.
    #[test]
    fn an_images_tag_says_what_its_entrypoint_and_ldap_loader_do() {
        let admin = |tag: &str| image_fills_in_superuser_password(&format!("netboxcommunity/netbox:{tag}"), None);
        for tag in ["v4.4-3.4.2", "v4.4.2-3.4.1", "v4.5", "latest-3.4.2", "latest-ldap", "v3.1-ldap-1.5.1"] {
            assert!(admin(tag), "{tag}");
        }
        for tag in ["v4.6-5.0.2", "v4.6", "latest", "snapshot", "latest-5.0.1", "v4.4-3"] {
            assert!(!admin(tag), "{tag}");
        }
        assert!(!image_fills_in_superuser_password("netboxcommunity/netbox", None));
        assert!(image_maps_no_sso_variables("netboxcommunity/netbox:snapshot-ldap", None));
        let ldap = |tag: &str| image_reads_ldap_variables(&format!("netboxcommunity/netbox:{tag}"), None);
        for tag in [
            "v3.3",
            "v4.4-3.4.2",
            "latest",
            "snapshot",
            "latest-2.0.0",
            "v3.1-ldap",
            "v3.1.0-ldap-1.5.1",
            "latest-ldap-1.6.1",
        ] {
            assert!(ldap(tag), "{tag}");
        }
        for tag in ["v3.2", "v3.1-1.5.1", "latest-1.6.1", "v4.4-3", "${TAG}"] {
            assert!(!ldap(tag), "{tag}");
        }
        assert!(image_reads_ldap_variables("netboxcommunity/netbox", None));
        // A digest alone names a build the checker cannot read.
        assert!(!image_reads_ldap_variables("netboxcommunity/netbox@sha256:0123abcd", None));
    }
}
