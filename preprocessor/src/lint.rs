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
//! winning; the environment is what Docker Compose gives the `netbox` service: the `env_file:`
//! files of `docker-compose.yml` (`env/netbox.env`) and `docker-compose.override.yml` in order,
//! then their `environment:`, which wins ([`crate::parse::compose`]); without a
//! `docker-compose.yml`, `env/netbox.env`. A compose file named on its own is read the same way.
//!
//! Files are untrusted input: regular files only (a FIFO or device is refused), at most
//! [`MAX_FILE_BYTES`], UTF-8 text without NUL bytes; every refusal names the file. Nothing is
//! executed.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use compact_str::CompactString;

use crate::check::{Checked, check_files};
use crate::config::Settings;
use crate::extract::{Block, Kind, TextMap};
use crate::finding::BlockId;
use crate::source::{SourceFile, Sources};

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
}

/// Lint files, and a netbox-docker checkout if given (its files first, as netbox-docker loads
/// them). Fails when a file cannot be read or its kind cannot be told.
pub fn lint(files: &[Input], netbox_docker: Option<&Path>, settings: &Settings) -> Result<Checked> {
    let mut read = Vec::new();
    if let Some(dir) = netbox_docker {
        read.extend(netbox_docker_files(dir)?);
    }
    for input in files {
        let text = read_text(&input.path)?;
        let kind = match input.kind {
            Some(kind) => kind,
            None => recognise(&input.path, &text).with_context(|| {
                format!(
                    "cannot tell what {} is: name its kind with --kind KIND={} (kinds: netbox, nginx, authentik, env, compose)",
                    input.path.display(),
                    input.path.display()
                )
            })?,
        };
        read.push(Read { path: input.path.clone(), text, kind, docker_configuration: false });
    }
    // Compose files named on their own are read as Compose reads them: their `netbox` service's
    // environment files first, then their `environment:`, which wins.
    let (composes, others): (Vec<Read>, Vec<Read>) = read.into_iter().partition(|r| r.kind == Kind::Compose);
    let mut read = others;
    read.extend(compose_env_files(&composes)?);
    read.extend(composes);
    if read.is_empty() {
        bail!("nothing to lint: name files, or a netbox-docker checkout with --netbox-docker DIR");
    }
    let mut sources = Sources::default();
    let mut blocks = Vec::with_capacity(read.len());
    for file in read {
        let id = BlockId(blocks.len());
        let (logical, partial) = logical_file(&file);
        let display = file.path.to_string_lossy().into_owned();
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

/// The logical file a NetBox file stands for, and whether it is a fragment (see the module
/// documentation); other kinds keep their own name.
fn logical_file(file: &Read) -> (CompactString, bool) {
    let base = file.path.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    if file.kind != Kind::Netbox {
        return (base.into(), false);
    }
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
        (false, false) => (base.clone().into(), base == "configuration.py"),
    }
}

/// An upper-case name, as settings are written (`SOCIAL_AUTH_OIDC_KEY`); not `_PRIVATE`.
fn is_setting_name(name: &str) -> bool {
    !name.starts_with('_')
        && name.chars().any(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// netbox-docker's configuration files in its loading order, and its environment file.
fn netbox_docker_files(dir: &Path) -> Result<Vec<Read>> {
    let configuration = dir.join("configuration");
    if !configuration.is_dir() {
        bail!("{} is not a netbox-docker checkout: it has no configuration/ directory", dir.display());
    }
    let mut names = Vec::new();
    let entries =
        std::fs::read_dir(&configuration).with_context(|| format!("cannot list {}", configuration.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot list {}", configuration.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // netbox-docker's `f.is_file()` follows symbolic links, as metadata does.
        let is_file = std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file());
        if is_file && name.ends_with(".py") && !name.starts_with("__") && name != "configuration.py" {
            names.push(name);
        }
    }
    // Python sorts by code point, as Rust sorts strings.
    names.sort();
    let main = configuration.join("configuration.py");
    let mut files = Vec::new();
    let paths = main.is_file().then_some(main).into_iter().chain(names.iter().map(|n| configuration.join(n)));
    for path in paths {
        let text = read_text(&path)?;
        files.push(Read { path, text, kind: Kind::Netbox, docker_configuration: true });
    }
    // The environment: as Docker Compose gives it to the `netbox` service, from
    // docker-compose.yml (`env_file: env/netbox.env` in netbox-docker 3.0.2) and
    // docker-compose.override.yml, which Compose reads after it when no file is named.
    let mut composes = Vec::new();
    for name in ["docker-compose.yml", "docker-compose.override.yml"] {
        let path = dir.join(name);
        if path.is_file() {
            let text = read_text(&path)?;
            composes.push(Read { path, text, kind: Kind::Compose, docker_configuration: false });
        }
    }
    if !composes.iter().any(|c| c.path.ends_with("docker-compose.yml")) {
        // A checkout without its compose file: netbox-docker's own names env/netbox.env.
        let env = dir.join("env").join("netbox.env");
        if env.is_file() {
            let text = read_text(&env)?;
            files.push(Read { path: env, text, kind: Kind::Env, docker_configuration: false });
        }
    }
    files.extend(compose_env_files(&composes)?);
    // A compose file is a block of its own only where it gives NetBox variables.
    files.extend(composes.into_iter().filter(|c| crate::parse::compose::sets_netbox_environment(&c.text)));
    Ok(files)
}

/// The environment files the `netbox` service of these compose files reads, in Compose's order
/// (each file's `env_file:` list, the files in order; a path listed again is read where it
/// comes last), relative to each compose file's directory. A missing file stops the run as it
/// stops Compose (`env file … not found`), unless it is marked `required: false`.
fn compose_env_files(composes: &[Read]) -> Result<Vec<Read>> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for compose in composes {
        let dir = compose.path.parent().unwrap_or(Path::new("."));
        for entry in crate::parse::compose::env_files(&compose.text) {
            let path = dir.join(&entry.path);
            if !path.exists() {
                if entry.required {
                    bail!(
                        "{} names env_file {}, which does not exist: Docker Compose stops there (`env file {} not found`); create it, or mark it `required: false`",
                        compose.path.display(),
                        entry.path,
                        path.display()
                    );
                }
                continue;
            }
            paths.push(path);
        }
    }
    // Where each path comes last (a set, not a scan per entry: linear in the entries).
    let mut last = std::collections::HashMap::new();
    for (i, path) in paths.iter().enumerate() {
        last.insert(path.clone(), i);
    }
    paths
        .into_iter()
        .enumerate()
        .filter(|(i, path)| last.get(path) == Some(i))
        .map(|(_, path)| path)
        .map(|path| {
            let text = read_text(&path)?;
            Ok(Read { path, text, kind: Kind::Env, docker_configuration: false })
        })
        .collect()
}

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

/// The kind a file is, from its name where that decides (`.py`, `.yaml`/`.yml`, `.env`), else
/// from its content: an Authentik blueprint (`entries:` with `model:`), an nginx site
/// (`server {`, `location`, `proxy_pass`), netbox-docker's environment file (only `NAME=value`
/// lines), or Python that assigns NetBox's settings.
pub fn recognise(path: &Path, text: &str) -> Option<Kind> {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_string());
    match extension.as_deref() {
        Some("py") => return Some(Kind::Netbox),
        // A blueprint has `entries:` (Authentik's blueprint schema), a compose file a top-level
        // `services:`; other YAML is no kind this checker reads, and is not passed off as one.
        Some("yaml" | "yml") => {
            if text.contains("entries:") {
                return Some(Kind::Authentik);
            }
            return text.lines().any(|l| l.trim_end() == "services:").then_some(Kind::Compose);
        }
        Some("env") => return Some(Kind::Env),
        _ => {}
    }
    let lines = || text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
    if text.contains("entries:") && text.contains("model:") {
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let logical = |path: &str, text: &str| {
            logical_file(&Read {
                path: path.into(),
                text: text.into(),
                kind: Kind::Netbox,
                docker_configuration: false,
            })
        };
        let required = "ALLOWED_HOSTS = []\nSECRET_KEY = 'k'\nREDIS = {}\nDATABASES = {}\n";
        assert_eq!(logical("/etc/netbox/my.py", required), ("configuration.py".into(), false));
        assert_eq!(logical("configuration.py", "SOCIAL_AUTH_OIDC_KEY = 'x'\n"), ("configuration.py".into(), true));
        assert_eq!(logical("extra.py", "SOCIAL_AUTH_OIDC_KEY = 'x'\n"), ("extra.py".into(), true));
        assert_eq!(logical("custom_pipeline.py", "def f(user):\n    pass\n"), ("custom_pipeline.py".into(), false));
    }
}
