//! `nginx/subpath-without-base-path`: NetBox proxied under a path (`location /netbox/`) that its
//! `BASE_PATH` does not match.
//!
//! ## What it does
//! Finds a prefix location whose first path segment names NetBox (`/netbox/`, `/netbox-prod/`)
//! and proxies it, where the NetBox configuration shown says what `BASE_PATH` is (set, or left
//! out of a whole `configuration.py`), and the two do not fit: `BASE_PATH` is empty, or what
//! NetBox receives for the location (its path, or the URI `proxy_pass` puts in its place) is
//! not under `/<BASE_PATH>`. A
//! `location /` on the same server that proxies to the same place serves NetBox at the root as
//! well: no finding. Without the configuration, `BASE_PATH` is unknown: no finding, unless a
//! compose file runs netbox-docker's published image with its configuration as shipped (none
//! mounted, no Python file shown, no `BASE_PATH` variable): that configuration has no
//! `BASE_PATH` since netbox-docker 2.6.0 (commit 155e90c) and read it from the environment,
//! default empty, before.
//!
//! ## Why is this bad?
//! NetBox answers only under `/<BASE_PATH>` and builds every link, redirect, the login page and
//! its static files from it. With no `BASE_PATH` behind `location /netbox/`, the first page
//! redirects to `/login/` and loads `/static/…`, outside the location; with the prefix stripped
//! (`proxy_pass http://127.0.0.1:8001/;`) while `BASE_PATH = 'netbox/'`, NetBox answers 404 to
//! everything.
//!
//! ## Example
//! `location /netbox/ { proxy_pass http://127.0.0.1:8001/; }` and no `BASE_PATH`.
//!
//! Use instead: `BASE_PATH = 'netbox/'` in configuration.py, and `proxy_pass
//! http://127.0.0.1:8001;` (no URI part: the path reaches NetBox unchanged).

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// NetBox proxied under a path its `BASE_PATH` does not match.
pub const SUBPATH_WITHOUT_BASE_PATH: Rule = Rule {
    id: "nginx/subpath-without-base-path",
    severity: Severity::Error,
    summary: "NetBox is proxied under a path (`location /netbox/`) that its `BASE_PATH` does not match, or with `proxy_pass` stripping that path: NetBox's links, redirects, login page and static files leave the location, or every page is 404",
    help: "set `BASE_PATH` to the location's path (`BASE_PATH = 'netbox/'`) and pass the path through unchanged: `proxy_pass http://127.0.0.1:8001;`, with no URI part",
    fact: "NetBox 4.6.8 netbox/netbox/urls.py L90-92 serves every URL under `path(settings.BASE_PATH, …)`; settings.py L91 (`BASE_PATH = trailing_slash(getattr(configuration, 'BASE_PATH', ''))`), L590 (`LOGIN_URL = f'/{BASE_PATH}login/'`), L608 (`STATIC_URL = f'/{BASE_PATH}static/'`) and L619 (MEDIA_URL) build the paths it sends from it; nginx's proxy_pass documentation: with a URI, the part of the request path that matches the location is replaced by that URI, without one the path is passed unchanged. The shape of a Raspberry Pi stack (NetBox under /netbox/ beside Zabbix and Grafana, no BASE_PATH; tests/realworld/tuning/t152-…: netbox-docker's image with no configuration mounted); netbox-docker 2.6.0 removed BASE_PATH from configuration/configuration.py (155e90c, 'Setting the BASE_PATH is a more involved process than just setting this variable'), which read `environ.get('BASE_PATH', '')` up to 2.5.x and reads no BASE_PATH in 3.0.2",
    applies: Applies::Always,
};

/// The URI part of a `proxy_pass` target (`/` in `http://127.0.0.1:8001/`), `None` without one;
/// a target with a variable is not read (`Err`).
fn uri_part(target: &str) -> Result<Option<&str>, ()> {
    if target.contains('$') {
        return Err(());
    }
    let rest = target.split_once("://").map_or(target, |(_, rest)| rest);
    Ok(rest.find('/').map(|slash| &rest[slash..]))
}

pub fn subpath_without_base_path(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    // BASE_PATH, and why it is empty when it is.
    let Some((base, empty)) = d.netbox.known_base_path() else { return };
    let served = format!("/{base}");
    for server in &d.nginx.servers {
        let root_target = server
            .locations
            .iter()
            .find(|l| l.path == "/" && matches!(l.modifier.as_str(), "" | "^~"))
            .and_then(|l| l.proxy_pass.as_ref().map(|(t, _)| crate::model::flow::proxy_host(t)));
        for location in &server.locations {
            let Some((target, _)) = &location.proxy_pass else { continue };
            let prefix = location.path.trim_matches('/');
            let first = prefix.split('/').next().unwrap_or_default().to_ascii_lowercase();
            if !matches!(location.modifier.as_str(), "" | "^~") || !first.starts_with("netbox") {
                continue;
            }
            // NetBox served at the root too, through `location /` to the same place.
            if root_target.as_deref() == Some(crate::model::flow::proxy_host(target).as_str()) && base.is_empty() {
                continue;
            }
            let Ok(uri) = uri_part(target) else { continue };
            let location_path = format!("/{prefix}/");
            // What NetBox receives for the location's own path.
            let received = uri.map_or(location_path.clone(), |u| format!("/{}/", u.trim_matches('/')).replace("//", "/"));
            // Right when what NetBox receives lies under the path it answers: never for a
            // NetBox at the root behind a path of its own (its links leave the location).
            // Every path below comes from the files: escaped for the message.
            let (shown_location, shown_received) = (location_path.escape_debug(), received.escape_debug());
            let message = if base.is_empty() {
                format!(
                    "`location {}` proxies NetBox under {shown_location}, but NetBox's `BASE_PATH` is {empty}: NetBox answers and links at the root (its login page /login/, its static files /static/), outside this location",
                    location.path.escape_debug()
                )
            } else if !received.starts_with(&served) {
                format!(
                    "NetBox receives {shown_received} for {shown_location} (`proxy_pass {}`), but it answers only under {} (`BASE_PATH` '{}'): every page is 404",
                    target.escape_debug(),
                    served.escape_debug(),
                    base.escape_debug()
                )
            } else {
                continue;
            };
            out.push(Finding::in_block(&SUBPATH_WITHOUT_BASE_PATH, location.block, location.head.clone(), message));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet};

    /// A site that serves NetBox under /netbox/ only, with `proxy_pass` as given.
    fn subpath(proxy_pass: &str) -> String {
        format!(
            "server {{\n    listen [::]:443 ssl ipv6only=off;\n    server_name netbox.internaldomain.com;\n    client_max_body_size 25m;\n    location /netbox/ {{\n        proxy_pass {proxy_pass};\n        proxy_set_header X-Forwarded-Host $http_host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }}\n}}\n"
        )
    }

    /// A Raspberry Pi stack's /netbox/ beside other applications, no BASE_PATH (corpus).
    #[test]
    fn a_subpath_netbox_does_not_know() {
        for proxy_pass in ["http://127.0.0.1:8001/", "http://127.0.0.1:8001"] {
            assert_fires("nginx/subpath-without-base-path", (NETBOX, &subpath(proxy_pass), BLUEPRINT), "location /netbox/ {");
        }
        // BASE_PATH set to the location, the path passed through unchanged (or rewritten to it).
        let based = format!("{NETBOX}BASE_PATH = 'netbox/'\n");
        for proxy_pass in ["http://127.0.0.1:8001", "http://127.0.0.1:8001/netbox/"] {
            assert_quiet("nginx/subpath-without-base-path", (&based, &subpath(proxy_pass), BLUEPRINT));
        }
    }

    /// BASE_PATH matches, but `proxy_pass` with a URI strips the path NetBox answers under.
    #[test]
    fn a_stripped_prefix_netbox_answers_404_to() {
        let based = format!("{NETBOX}BASE_PATH = '/netbox'\n");
        assert_fires("nginx/subpath-without-base-path", (&based, &subpath("http://127.0.0.1:8001/"), BLUEPRINT), "location /netbox/ {");
        // A location deeper under BASE_PATH, passed through, is NetBox's own path.
        let api = subpath("http://127.0.0.1:8001").replace("location /netbox/", "location /netbox/api/");
        assert_quiet("nginx/subpath-without-base-path", (&based, &api, BLUEPRINT));
    }

    /// The message says what NetBox receives and where it answers.
    #[test]
    fn the_message_names_both_paths() {
        let based = format!("{NETBOX}BASE_PATH = 'netbox/'\n");
        let got = crate::rules::testing::messages(&based, &subpath("http://127.0.0.1:8001/"), BLUEPRINT);
        assert!(
            got.iter().any(|(rule, m)| *rule == "nginx/subpath-without-base-path" && m.contains("NetBox receives / for /netbox/ (`proxy_pass http://127.0.0.1:8001/`), but it answers only under /netbox/")),
            "{got:#?}"
        );
    }

    /// netbox-docker's image with its configuration as shipped (no configuration mounted, no
    /// Python shown): no BASE_PATH (corpus case t152). A mounted configuration, a built image, a
    /// BASE_PATH variable (read before netbox-docker 2.6.0) or a Python file shown may say
    /// otherwise: unknown.
    #[test]
    fn netbox_dockers_configuration_as_shipped_has_no_base_path() {
        // As `lint` reads a whole project (a book may show part of one).
        let fired = |chapter: &str| crate::rules::testing::fired_linted_lines("nginx/subpath-without-base-path", chapter).len();
        let chapter = |service: &str, extra: &str| {
            format!(
                "# t\n\n```yaml,check=compose\nservices:\n  netbox:\n{service}    environment:\n      ALLOWED_HOSTS: '*'\n```\n\n```nginx,check=nginx\n{}```\n{extra}",
                subpath("http://localhost:8000/")
            )
        };
        let image = "    image: netboxcommunity/netbox:latest\n";
        assert_eq!(fired(&chapter(image, "")), 1);
        for (service, extra) in [
            (format!("{image}    volumes:\n      - ./configuration:/etc/netbox/config:z,ro\n"), ""),
            ("    build: .\n".to_string(), ""),
            ("    image: netbox:latest-plugins\n".to_string(), ""),
            (format!("{image}    env_file: netbox.env\n"), "\n```sh,check=env,file=netbox.env\nBASE_PATH=netbox/\n```\n"),
            (image.to_string(), "\n```python,check=netbox,file=extra.py\nLOGIN_REQUIRED = True\n```\n"),
        ] {
            let chapter = chapter(&service, extra);
            assert_eq!(fired(&chapter), 0, "{chapter}");
        }
    }

    /// A location for another application, or NetBox served at the root as well.
    #[test]
    fn other_paths_and_netbox_at_the_root_are_left_alone() {
        let grafana = subpath("http://127.0.0.1:3000/").replace("location /netbox/", "location /grafana/");
        assert_quiet("nginx/subpath-without-base-path", (NETBOX, &grafana, BLUEPRINT));
        let both = subpath("http://127.0.0.1:8001/").replace(
            "    location /netbox/ {",
            "    location / {\n        proxy_pass http://127.0.0.1:8001;\n        proxy_set_header X-Forwarded-Host $http_host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }\n    location /netbox/ {",
        );
        assert_quiet("nginx/subpath-without-base-path", (NETBOX, &both, BLUEPRINT));
    }
}
