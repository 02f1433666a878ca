//! `nginx/static-alias-not-static-root`: `/static/` served from NetBox's settings package, where
//! NetBox collects no static files, or from `project-static`, the sources it collects from.

use crate::finding::{Finding, Rule, Severity};
use crate::model::nginx::{FilesFrom, Location};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A static location that serves the documented install's settings package, or NetBox's
/// static sources.
pub const STATIC_ALIAS_NOT_STATIC_ROOT: Rule = Rule {
    id: "nginx/static-alias-not-static-root",
    severity: Severity::Warning,
    summary: "A `location /static/` serves `/opt/netbox/netbox/netbox/static`, the settings package of NetBox's documented install, where nothing is collected, or `…/netbox/project-static`, the sources collectstatic copies from: stylesheets and scripts are 404s (from project-static, since NetBox 3.1; before, the apps' own files only)",
    help: "serve the directory NetBox collects to: `alias /opt/netbox/netbox/static/;` for the documented checkout at /opt/netbox (NetBox's contrib/nginx.conf), `alias /opt/netbox/static/;` for the Python package (NETBOX_ROOT /opt/netbox)",
    fact: "NetBox collects static files to STATIC_ROOT, set by settings.py itself and never read from configuration.py: `BASE_DIR + '/static'` in 3.6.6 (`'/static/'` in 1.0.0; BASE_DIR the directory above the settings package), and in 4.6.8 (settings.py L606-607) and 4.7.3 (L626-627) `os.path.join(NETBOX_ROOT, 'static')`, where settings_utils.py resolve_install_paths makes NETBOX_ROOT that same directory for a checkout and `NETBOX_ROOT` (default /opt/netbox) for the package; the documented checkout is at /opt/netbox (`git clone … .`, 4.7.3 docs installation/3-netbox; contrib/nginx.conf `alias /opt/netbox/netbox/static/;`), so its settings package is /opt/netbox/netbox/netbox, which has no static/ directory in any release. Only a checkout cloned into /opt/netbox/netbox itself would collect there. project-static is never where files are collected: STATICFILES_DIRS lists it as a source (2.5.0 settings.py L228-230: project-static itself; 3.1.0 L388-392 and 4.6.8 L609-615: project-static/dist, img and js, so /static/netbox.css is collected from project-static/dist/netbox.css), and the installed apps' files (Django's admin, the REST framework's browsable API) are collected beside them, never into it; NetBox's maintainer in PR #1895: 'Run manage.py collectstatic to copy the necessary files into the static directory'. A configuration that sets STATIC_ROOT is left alone: upstream ignores it, but a patched build (nixpkgs) may read it",
    applies: Applies::Always,
};

/// The documented checkout's settings package, with the `static` NetBox never collects to.
const SETTINGS_PACKAGE_STATIC: &str = "/opt/netbox/netbox/netbox/static";

/// The directory of NetBox's static sources, in any checkout: a source of collectstatic in every
/// release, never its target.
const SOURCES: &str = "/netbox/project-static";

pub fn static_alias_not_static_root(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    // Upstream NetBox never reads STATIC_ROOT from the configuration (the fact above), but
    // nixpkgs' build reads it: where a configuration sets it, where files go is not known here.
    if d.netbox.get("STATIC_ROOT").is_some() {
        return;
    }
    for location in d.nginx.servers.iter().flat_map(|s| &s.locations) {
        let Some(files) = &location.files_from else { continue };
        let Some(directory) = served_directory(location, files) else { continue };
        let directive = if files.alias { "alias" } else { "root" };
        let message = if directory == SETTINGS_PACKAGE_STATIC {
            format!(
                "`location {}` serves NetBox's static files from {directory} (`{directive} {}`), NetBox's settings package, where nothing is collected: NetBox collects them to `<NETBOX_ROOT>/static`, /opt/netbox/netbox/static in the documented checkout at /opt/netbox (/opt/netbox/static for the Python package), so every /static/ request is a 404 and the pages load without their CSS and JavaScript",
                location.path, files.path
            )
        } else if directory.ends_with(SOURCES) {
            format!(
                "`location {}` serves NetBox's static files from {directory} (`{directive} {}`), the sources `manage.py collectstatic` copies from, not the collected files: since NetBox 3.1 its CSS and JavaScript are collected from project-static/dist, img and js to the top of `<NETBOX_ROOT>/static`, and the apps' files (Django's admin, the REST framework's browsable API) are never in project-static, so those /static/ requests are 404s",
                location.path, files.path
            )
        } else {
            continue;
        };
        out.push(Finding::in_block(&STATIC_ALIAS_NOT_STATIC_ROOT, location.block, files.range.clone(), message));
    }
}

/// The directory a static location (a prefix location whose path ends in `static` or `static/`)
/// serves for its own path, without a trailing slash: an `alias` replaces the location's path,
/// a `root` has the whole request path appended (nginx docs, `alias`, `root`). `None` for
/// another location, a regular expression, or a path nginx fills from variables.
fn served_directory(location: &Location, files: &FilesFrom) -> Option<String> {
    let prefix = matches!(location.modifier.as_str(), "" | "^~");
    let path = location.path.strip_suffix('/').unwrap_or(&location.path);
    if !prefix || !(path == "/static" || path.ends_with("/static")) || files.path.contains('$') {
        return None;
    }
    let directory = if files.alias {
        files.path.trim_end_matches('/').to_string()
    } else {
        format!("{}{path}", files.path.trim_end_matches('/'))
    };
    Some(directory)
}

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet, messages};

    const RULE: &str = "nginx/static-alias-not-static-root";

    fn site(location: &str) -> String {
        nginx("    location / {", &format!("{location}\n    location / {{"))
    }

    #[test]
    fn the_settings_package_by_alias_or_root_with_or_without_slashes() {
        for location in [
            "    location /static/ {\n        alias /opt/netbox/netbox/netbox/static/;\n    }",
            "    location /static/ {\n        alias /opt/netbox/netbox/netbox/static;\n    }",
            "    location /static {\n        alias /opt/netbox/netbox/netbox/static;\n    }",
            "    location ^~ /static/ {\n        alias \"/opt/netbox/netbox/netbox/static/\";\n    }",
            // `root` appends the request path: /static/x.css is <root>/static/x.css.
            "    location /static/ {\n        root /opt/netbox/netbox/netbox;\n    }",
            "    location /static/ {\n        root /opt/netbox/netbox/netbox/;\n    }",
        ] {
            let at = if location.contains("alias") { "alias" } else { "root" };
            assert_fires("nginx/static-alias-not-static-root", (NETBOX, &site(location), BLUEPRINT), at);
        }
    }

    #[test]
    fn the_static_sources_of_any_checkout() {
        for location in [
            "    location /static/ {\n        alias /opt/netbox/netbox/project-static/;\n    }",
            "    location /static/ {\n        alias /srv/netbox-3.7/netbox/project-static;\n    }",
        ] {
            assert_fires("nginx/static-alias-not-static-root", (NETBOX, &site(location), BLUEPRINT), "alias");
        }
        // A directory that only ends in the same words, and the sources' own subdirectory
        // under another location.
        for location in [
            "    location /static/ {\n        alias /srv/my-project-static/;\n    }",
            "    location /static/dist/ {\n        alias /opt/netbox/netbox/project-static/dist/;\n    }",
        ] {
            assert_quiet("nginx/static-alias-not-static-root", (NETBOX, &site(location), BLUEPRINT));
        }
    }

    #[test]
    fn the_directories_netbox_collects_to_are_right() {
        for location in [
            // contrib/nginx.conf, the checkout at /opt/netbox.
            "    location /static/ {\n        alias /opt/netbox/netbox/static/;\n    }",
            // The Python package, NETBOX_ROOT /opt/netbox.
            "    location /static/ {\n        alias /opt/netbox/static/;\n    }",
            "    location /static/ {\n        root /opt/netbox/netbox;\n    }",
            // `root` with the settings package's own path appended is another directory.
            "    location /static/ {\n        root /opt/netbox/netbox/netbox/static;\n    }",
            // A location that is not a static one, a regular expression, a variable.
            "    location /assets/ {\n        alias /opt/netbox/netbox/netbox/static/;\n    }",
            "    location ~ ^/static/ {\n        root /opt/netbox/netbox/netbox;\n    }",
            "    location /static/ {\n        alias $netbox_home/netbox/netbox/static/;\n    }",
        ] {
            assert_quiet("nginx/static-alias-not-static-root", (NETBOX, &site(location), BLUEPRINT));
        }
    }

    #[test]
    fn a_configuration_that_sets_static_root_is_left_alone() {
        // nixpkgs' NetBox reads STATIC_ROOT: the alias may be what it names.
        let wrong = site("    location /static/ {\n        alias /opt/netbox/netbox/netbox/static/;\n    }");
        let netbox = format!("{NETBOX}STATIC_ROOT = '/opt/netbox/netbox/netbox/static'\n");
        assert_quiet("nginx/static-alias-not-static-root", (&netbox, &wrong, BLUEPRINT));
    }

    #[test]
    fn the_message_names_the_location_and_the_directory_netbox_uses() {
        let wrong = site("    location /static/ {\n        root /opt/netbox/netbox/netbox;\n    }");
        let found: Vec<String> =
            messages(NETBOX, &wrong, BLUEPRINT).into_iter().filter(|(r, _)| *r == RULE).map(|(_, m)| m).collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].starts_with("`location /static/` serves NetBox's static files from /opt/netbox/netbox/netbox/static (`root /opt/netbox/netbox/netbox`)"), "{}", found[0]);
        assert!(found[0].contains("/opt/netbox/netbox/static in the documented checkout"), "{}", found[0]);
    }
}
