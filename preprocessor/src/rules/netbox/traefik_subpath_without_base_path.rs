//! `netbox/traefik-subpath-without-base-path`: Traefik serves the `netbox` service under a path
//! of its own (`PathPrefix(`/netbox`)`) that NetBox's `BASE_PATH` does not match, or strips that
//! path before NetBox sees it.
//!
//! ## What it does
//! Reads the `netbox` service's Traefik labels in a compose file: a router whose rule is one
//! `PathPrefix` other than `/`, and whether one of its middlewares strips that prefix
//! (`stripprefix.prefixes`). Where `BASE_PATH` is known (set, left out of a whole
//! configuration, or netbox-docker's configuration as shipped, which has none), reports a
//! route under a path while `BASE_PATH` is empty, and a stripped route while `BASE_PATH` is
//! that path.
//!
//! ## Why is this bad?
//! NetBox answers only under `/<BASE_PATH>` and builds every link, redirect, its login page and
//! its static files from it (`nginx/subpath-without-base-path` for nginx). With the prefix
//! stripped and no `BASE_PATH`, the first page links to `/static/…` and redirects to
//! `/login/`, outside the route; without the strip, NetBox receives `/netbox/…` and answers 404;
//! with `BASE_PATH` set and the prefix stripped, NetBox receives `/` and answers 404.
//!
//! ## Example
//! `traefik.http.routers.netbox.rule=PathPrefix(`/netbox`)` with
//! `traefik.http.middlewares.netbox-strip.stripprefix.prefixes=/netbox`, no `BASE_PATH`.
//!
//! Use instead: `BASE_PATH = 'netbox/'` in the configuration, and no `stripprefix` middleware.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// Traefik serves NetBox under a path its `BASE_PATH` does not match.
pub const TRAEFIK_SUBPATH_WITHOUT_BASE_PATH: Rule = Rule {
    id: "netbox/traefik-subpath-without-base-path",
    severity: Severity::Warning,
    summary: "Traefik's labels serve NetBox under a path (`PathPrefix(`/netbox`)`) that its `BASE_PATH` does not match, or strip that path (`stripprefix`) while `BASE_PATH` is it: NetBox's links, redirects, login page and static files leave the route, or every page is 404",
    help: "set `BASE_PATH` to the route's path (`BASE_PATH = 'netbox/'`; with netbox-docker, in a configuration file of your own) and let Traefik pass the path unchanged (no `stripprefix` middleware)",
    fact: "NetBox 4.6.8 netbox/netbox/urls.py L90-92 (every URL under `path(settings.BASE_PATH, …)`), settings.py L91, L590, L608, L619 (BASE_PATH, LOGIN_URL, STATIC_URL, MEDIA_URL); Traefik's StripPrefix middleware removes the prefixes from the request path before forwarding (Traefik documentation, middlewares/http/stripprefix); netbox-docker has no BASE_PATH in its configuration since 2.6.0 (155e90c). Seen in tests/realworld/tuning/t161-… (a design note's labels: PathPrefix(`/netbox`) with a stripprefix middleware, no configuration of its own)",
    applies: Applies::Always,
};

pub fn traefik_subpath_without_base_path(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let routes = d.netbox.subpath_routes();
    if routes.is_empty() {
        return;
    }
    let Some((base, empty)) = d.netbox.known_base_path() else { return };
    for route in routes {
        let path = format!("{}/", route.prefix.trim_end_matches('/'));
        let shown = path.escape_debug();
        let message = match (base.is_empty(), route.stripped) {
            (true, true) => format!(
                "Traefik serves NetBox under {shown} and strips that path, but NetBox's `BASE_PATH` is {empty}: NetBox answers and links at the root (its login page /login/, its static files /static/), outside this route"
            ),
            (true, false) => format!(
                "Traefik serves NetBox under {shown} and passes that path on, but NetBox's `BASE_PATH` is {empty}: NetBox answers only at the root, so every page under {shown} is 404"
            ),
            (false, true) if path.trim_matches('/') == base.trim_matches('/') => format!(
                "Traefik strips {shown} before NetBox sees it, but NetBox answers only under it (`BASE_PATH` '{}'): every page is 404",
                base.escape_debug()
            ),
            _ => continue,
        };
        out.push(Finding::in_block(&TRAEFIK_SUBPATH_WITHOUT_BASE_PATH, route.block, route.range.clone(), message));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_quiet_in_chapter, fired_chapter_lines};

    /// netbox-docker's image behind Traefik under /netbox, its labels as given, and a
    /// configuration block when one is given.
    fn chapter(labels: &str, configuration: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.0\n    labels:\n      - \"traefik.enable=true\"\n      - \"traefik.http.routers.netbox.rule=PathPrefix(`/netbox`)\"\n{labels}```\n{configuration}"
        )
    }

    const STRIP: &str = "      - \"traefik.http.middlewares.netbox-strip.stripprefix.prefixes=/netbox\"\n      - \"traefik.http.routers.netbox.middlewares=netbox-strip\"\n";

    /// The design note's labels (corpus case t161): the stripprefix label, line 7 from the fence.
    #[test]
    fn a_stripped_path_before_a_netbox_at_the_root() {
        crate::rules::testing::assert_fires_linted("netbox/traefik-subpath-without-base-path", &chapter(STRIP, ""), 7);
        // A book may show part of the project (a configuration mounted elsewhere): not assumed.
        assert_quiet_in_chapter("netbox/traefik-subpath-without-base-path", &chapter(STRIP, ""));
        // Passed on unchanged with BASE_PATH set to it: right.
        let based = "\n```python,check=netbox,file=configuration/extra.py\nBASE_PATH = 'netbox/'\n```\n";
        assert_quiet_in_chapter("netbox/traefik-subpath-without-base-path", &chapter("", based));
    }

    #[test]
    fn a_stripped_path_netbox_answers_under() {
        let based = "\n```python,check=netbox,file=configuration/extra.py\nBASE_PATH = 'netbox/'\n```\n";
        assert_eq!(fired_chapter_lines("netbox/traefik-subpath-without-base-path", &chapter(STRIP, based)).len(), 1);
        // A configuration mounted, BASE_PATH not shown: unknown.
        let mounted = chapter(&format!("{STRIP}    volumes:\n      - ./configuration:/etc/netbox/config:z,ro\n"), "");
        assert_quiet_in_chapter("netbox/traefik-subpath-without-base-path", &mounted);
        // A router on a host alone is at the root.
        let host = chapter("", "").replace("PathPrefix(`/netbox`)", "Host(`netbox.example.org`)");
        assert_quiet_in_chapter("netbox/traefik-subpath-without-base-path", &host);
    }
}
