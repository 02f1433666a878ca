//! `mdbook-configcheck lint FILE… [--netbox-docker DIR] [--kind KIND=PATH] [--target PRODUCT=VERSION]
//! [--format …] [--deny-warnings] [--verbose]`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use mdbook_configcheck::config::Settings;
use mdbook_configcheck::diagnostic::run_fails;
use mdbook_configcheck::extract::Kind;
use mdbook_configcheck::lint::{self, Input};
use mdbook_configcheck::report::{self, Format};
use mdbook_configcheck::version::unknown_target;

/// What `lint` was asked.
#[derive(Debug)]
pub struct Options {
    /// Files whose kind is recognised.
    pub files: Vec<PathBuf>,
    /// `KIND=PATH`: files of a named kind.
    pub kinds: Vec<String>,
    /// A netbox-docker checkout.
    pub netbox_docker: Option<PathBuf>,
    /// `PRODUCT=VERSION`: the versions the files are for.
    pub targets: Vec<String>,
    /// Output format.
    pub format: Format,
    /// Warnings fail too.
    pub deny_warnings: bool,
    /// List infos too.
    pub verbose: bool,
}

/// Lint; exit 0 clean, 1 failing findings, 2 could not run (as `check`).
pub fn execute(options: &Options) -> ExitCode {
    match run(options) {
        Ok(true) => ExitCode::from(1),
        Ok(false) => ExitCode::SUCCESS,
        Err(error) => {
            super::print_error(&error);
            ExitCode::from(2)
        }
    }
}

fn run(options: &Options) -> Result<bool> {
    let mut inputs: Vec<Input> = options.files.iter().map(|path| Input { path: path.clone(), kind: None }).collect();
    for named in &options.kinds {
        let (kind, path) = named.split_once('=').ok_or_else(|| anyhow!("--kind {named}: write KIND=PATH"))?;
        let kind = Kind::from_name(kind).ok_or_else(|| {
            anyhow!("--kind {named}: `{kind}` is not a kind (kinds: netbox, nginx, authentik, env, compose, chart)")
        })?;
        // A file also given by name alone: the kind named for it decides, in its place (the
        // order of compose and values files is the order Compose and Helm apply them in), and it
        // is read once. The error for a file whose kind cannot be told says to add `--kind
        // KIND=PATH`, and the command is rerun with both.
        let key = same_file_key(Path::new(path));
        let mut given = false;
        for input in inputs.iter_mut().filter(|input| input.kind.is_none() && same_file_key(&input.path) == key) {
            input.kind = Some(kind);
            given = true;
        }
        if !given {
            inputs.push(Input { path: PathBuf::from(path), kind: Some(kind) });
        }
    }
    let mut settings = Settings::default();
    for target in &options.targets {
        let (product, version) =
            target.split_once('=').ok_or_else(|| anyhow!("--target {target}: write PRODUCT=VERSION"))?;
        let parsed = version.parse().map_err(|e: String| anyhow!("--target {target}: {e}"))?;
        let slot = match product {
            "netbox" => &mut settings.targets.netbox,
            "authentik" => &mut settings.targets.authentik,
            "nginx" => &mut settings.targets.nginx,
            _ => bail!("--target {target}: `{product}` is not a product (netbox, authentik, nginx)"),
        };
        *slot = parsed;
    }
    // Without `--target netbox=`, a configuration inside a NetBox checkout is judged for the
    // release that checkout is, not the newest: a file written for 2.8 is right on 2.8; and a
    // compose file's netbox-docker or linuxserver image for the release its tag names.
    let named =
        |product: &str| options.targets.iter().any(|target| target.split_once('=').is_some_and(|(p, _)| p == product));
    let named_netbox = named("netbox");
    let mut netbox_read = false;
    if !named_netbox
        && let Some(release) = inputs
            .iter()
            .filter(|input| input.path.extension().is_some_and(|e| e == "py"))
            .find_map(|input| lint::checkout_release(&input.path))
            .or_else(|| lint::image_release(&inputs, options.netbox_docker.as_deref()))
    {
        settings.targets.netbox = release.version;
        netbox_read = true;
        super::print_err(&format!(
            "note: NetBox {}, read from {}: the files are judged for that release (--target netbox=VERSION chooses another)\n",
            mdbook_configcheck::report::escape::plain(&release.written),
            mdbook_configcheck::report::escape::plain(&release.source.display().to_string())
        ));
    }
    for (product, version) in [
        (mdbook_configcheck::version::Product::NetBox, settings.targets.netbox),
        (mdbook_configcheck::version::Product::Authentik, settings.targets.authentik),
    ] {
        if let Some(warning) = unknown_target(product, version) {
            super::print_err(&format!("warning: {}\n", mdbook_configcheck::report::escape::plain(&warning)));
        }
    }
    let checked = lint::lint(&inputs, options.netbox_docker.as_deref(), &settings)?;
    // A release nobody named or wrote is the default target: the administrator is told, since a
    // finding about what a release added or removed holds only from (or up to) that release.
    let kinds = || checked.blocks.iter().map(|block| block.kind);
    // A compose file without a `netbox` service (Authentik's own) says nothing of NetBox, nor do
    // the env files it names (Authentik's `.env`); an env file linted without one is NetBox's.
    let compose = || checked.blocks.iter().filter(|block| block.kind == Kind::Compose);
    let netbox_compose = compose().any(|block| mdbook_configcheck::parse::compose::shows_netbox(&block.text));
    let of_netbox = netbox_compose
        || checked.blocks.iter().any(|block| match block.kind {
            Kind::Netbox | Kind::Nginx | Kind::Chart => true,
            Kind::Env => compose().next().is_none(),
            Kind::Authentik | Kind::Compose => false,
        });
    let assumed = [
        ("netbox", "NetBox", settings.targets.netbox, !named_netbox && !netbox_read && of_netbox),
        (
            "authentik",
            "Authentik",
            settings.targets.authentik,
            !named("authentik") && kinds().any(|k| k == Kind::Authentik),
        ),
    ];
    for (flag, product, version, _) in assumed.into_iter().filter(|(.., assumed)| *assumed) {
        super::print_err(&format!(
            "note: no {product} release named: the files are judged for {product} {version}, the default (the newest release the checks were verified against); a finding about what a release added or removed may not hold for yours (--target {flag}=VERSION names it)\n"
        ));
    }
    // A service that runs NetBox's image under another name (`netbox-app`), in a project whose
    // files name no `netbox` service, is not read as NetBox's: said, so that no finding is taken
    // for a clean bill. A project is a directory's compose files (Compose's, as `lint` finds them).
    let directory = |block: &mdbook_configcheck::extract::Block| {
        let path = std::path::Path::new(&*checked.sources.get(block.chapter_source).path);
        let parent = path.parent().filter(|parent| !parent.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
        std::fs::canonicalize(parent).unwrap_or_else(|_| parent.to_path_buf())
    };
    let named_netbox: std::collections::HashSet<_> = compose()
        .filter(|block| mdbook_configcheck::parse::compose::shows_netbox(&block.text))
        .map(directory)
        .collect();
    for block in compose().filter(|block| !named_netbox.contains(&directory(block))) {
        let names = mdbook_configcheck::parse::compose::unread_netbox_services(&block.text);
        if names.is_empty() {
            continue;
        }
        let (services, run, their, fix) = if names.len() == 1 {
            ("the service", "runs", "its environment, ports and connections are", "name the service `netbox`")
        } else {
            (
                "the services",
                "run",
                "their environments, ports and connections are",
                "name NetBox's web service `netbox`",
            )
        };
        let names = names.iter().map(|name| format!("`{}`", name.escape_debug())).collect::<Vec<_>>().join(", ");
        super::print_err(&format!(
            "note: {}: {services} {} {run} NetBox's image, but NetBox's configuration is read only from a service named `netbox` (netbox-docker's name), so {their} not checked ({fix}, or lint its env file alone)\n",
            mdbook_configcheck::report::escape::plain(&checked.sources.get(block.chapter_source).path),
            mdbook_configcheck::report::escape::plain(&names),
        ));
    }
    // A file named as a blueprint that holds no entries (another tool's YAML, forced with
    // `--kind authentik=`): nothing in it was checked, which a clean report must not hide.
    for block in checked.blocks.iter().filter(|block| block.kind == Kind::Authentik) {
        let blueprint = mdbook_configcheck::parse::authentik::parse(&block.text);
        if blueprint.entries.is_empty() && blueprint.syntax_errors.is_empty() {
            super::print_err(&format!(
                "note: {}: read as an Authentik blueprint, but it has no `entries:`, so nothing in it was checked\n",
                mdbook_configcheck::report::escape::plain(&checked.sources.get(block.chapter_source).path),
            ));
        }
    }
    let color = options.format == Format::Human && super::color_for(std::io::stdout().is_terminal());
    super::print_out(&report::render(options.format, &checked, color, options.verbose))
        .context("cannot write to stdout")?;
    Ok(run_fails(&checked.diagnostics, options.deny_warnings))
}

/// A path as it names a file: canonical where it exists (`./values.yaml` and `values.yaml` are
/// one file), else as written.
fn same_file_key(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}
