//! `netbox/base-path-directory`: `BASE_PATH` set to a directory on the server
//! (`'opt/netbox/netbox/static'`), not the URL path NetBox is served under.
//!
//! ## What it does
//! Finds a `BASE_PATH` of two or more segments whose first segment is one of the top-level
//! directories a NetBox installation lives under (`opt`, `srv`, `var`, `usr`, `home`, `etc`),
//! with or without the leading `/`.
//!
//! ## Why is this bad?
//! `BASE_PATH` is the URL prefix: NetBox serves every page under `/<BASE_PATH>`, and builds its
//! login page, static files and media from it. Given a directory, NetBox answers only under
//! `/opt/netbox/netbox/static/…`, a path no proxy sends, and its static files move to
//! `/opt/netbox/netbox/static/static/`.
//!
//! ## Example
//! `BASE_PATH = 'opt/netbox/netbox/static'`
//!
//! Use instead: the path users reach NetBox under (`BASE_PATH = 'netbox/'`), or `''` at the
//! root; where static files live on disk is `STATIC_ROOT`, which NetBox sets itself.

use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `BASE_PATH` set to a directory on the server.
pub const BASE_PATH_DIRECTORY: Rule = Rule {
    id: "netbox/base-path-directory",
    severity: Severity::Warning,
    summary: "`BASE_PATH` names a directory on the server (`opt/netbox/netbox/static`), not the URL path NetBox is served under: every page, the login page and the static files move under that path",
    help: "set `BASE_PATH` to the path users reach NetBox under (`'netbox/'` for https://host/netbox/), or leave it `''` at the root; NetBox finds its static files on disk without it",
    fact: "NetBox 4.6.8 netbox/netbox/settings.py L91 (`BASE_PATH = trailing_slash(getattr(configuration, 'BASE_PATH', ''))`), L590 (`LOGIN_URL = f'/{BASE_PATH}login/'`), L607-608 (STATIC_ROOT is NetBox's own `static` directory; `STATIC_URL = f'/{BASE_PATH}static/'`) and netbox/netbox/urls.py L90-92 (every URL under `path(settings.BASE_PATH, …)`); NetBox's documentation of BASE_PATH: 'The base URL path to use when accessing NetBox'. Seen in an issue thread's configuration (tests/realworld/tuning/t156-…: `BASE_PATH = 'opt/netbox/netbox/static'`)",
    applies: Applies::Always,
};

/// Top-level directories of a server's file system where NetBox is installed or kept.
const DIRECTORIES: &[&str] = &["opt", "srv", "var", "usr", "home", "etc"];

pub fn base_path_directory(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(setting) = d.netbox.get("BASE_PATH") else { return };
    let Some(value) = setting.value.as_str() else { return };
    let segments: Vec<&str> = value.trim_matches('/').split('/').filter(|s| !s.is_empty()).collect();
    let [first, _, ..] = segments.as_slice() else { return };
    if !DIRECTORIES.contains(first) {
        return;
    }
    // An nginx site shown serving NetBox under exactly that path (`location /srv/netbox/`) means
    // it: the path is the URL's (the review of 22d0e6d).
    let path = segments.join("/");
    if d.nginx.servers.iter().flat_map(|s| &s.locations).any(|l| l.path.trim_matches('/') == path) {
        return;
    }
    out.push(at_value(
        &BASE_PATH_DIRECTORY,
        setting,
        &setting.value,
        format!(
            "`BASE_PATH` is the URL path NetBox is served under, and '{}' reads as a directory on the server: NetBox would answer only under /{}/ and serve its static files from /{}/static/",
            value.escape_debug(),
            path.escape_debug(),
            path.escape_debug()
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        ("netbox/base-path-directory", "4.7", "BASE_PATH = 'opt/netbox/netbox/static'\n", 1, "BASE_PATH = 'netbox/'\n"),
        ("netbox/base-path-directory", "4.7", "X = 1\nBASE_PATH = '/srv/netbox'\n", 2, "BASE_PATH = 'opt/'\n"),
        ("netbox/base-path-directory", "4.7", "BASE_PATH = 'var/www/netbox/'\n", 1, "BASE_PATH = 'tools/netbox/'\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::BASE_PATH_DIRECTORY, CASES);
    }

    /// A site shown serving NetBox under that very path means it as a URL path.
    #[test]
    fn a_site_that_serves_the_path() {
        use crate::rules::testing::{BLUEPRINT, NGINX, assert_quiet};
        let site = NGINX.replace("location / {", "location /srv/netbox/ {");
        assert_quiet("netbox/base-path-directory", ("BASE_PATH = 'srv/netbox/'\n", &site, BLUEPRINT));
    }
}
