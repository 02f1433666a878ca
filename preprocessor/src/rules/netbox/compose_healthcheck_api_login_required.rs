//! `netbox/compose-healthcheck-api-login-required`: a health check that asks NetBox's REST API
//! without a token, where NetBox refuses anonymous API requests.
//!
//! ## What it does
//! Applies when `lint` read the whole Compose project. Reports the `netbox` service's
//! `healthcheck:` test when its one request asks `/api/` or a path below it (not the schema
//! pages, open to anyone) on the container itself, on the port the image serves (or an explicit
//! port where the image's is not known), fails on an HTTP error (`curl -f`, `wget`, Python's
//! `urllib`) and carries no token (`Authorization`, `Bearer`, a header or config file), for
//! NetBox 4.0 or later, where `LOGIN_REQUIRED` is on: set true, netbox-docker's default where
//! its own configuration is shown (true from 3.0.0), or NetBox's default (true from 4.0.2) where
//! a `configuration.py` shown whole leaves it out, or netbox-docker's image run as shipped in a
//! project shown whole that never sets the variable, where the image's tag names netbox-docker
//! 3.0.0 or later, or a NetBox line from 4.1 (those releases default it to true; 2.9.1 and
//! before to false). Not judged where `LOGIN_REQUIRED` is not known otherwise.
//!
//! ## Why is this bad?
//! NetBox's API permission class refuses an unauthenticated request when `LOGIN_REQUIRED` is on,
//! and from NetBox 4.0 (Django REST framework 3.15) that check comes before the exemption the
//! API root had, so `GET /api/` answers 403. `curl -f` fails, the container stays unhealthy, and
//! a service that waits for it with `condition: service_healthy` (netbox-docker's worker and
//! housekeeping) never starts: no background jobs, and `docker compose up` ends with "dependency
//! failed to start". netbox-docker's own compose file asked `/api/` until 2.9.0.
//!
//! ## Example
//! `test: curl -f http://localhost:8080/api/ || exit 1` with NetBox 4.5.
//!
//! Use instead: `test: curl -f http://localhost:8080/login/ || exit 1` (netbox-docker 2.9.1's
//! fix).

use crate::finding::{Finding, Rule, Severity};
use crate::model::netbox::Presence;
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// A health check on NetBox's API without a token, where NetBox requires a login.
pub const COMPOSE_HEALTHCHECK_API_LOGIN_REQUIRED: Rule = Rule {
    id: "netbox/compose-healthcheck-api-login-required",
    severity: Severity::Warning,
    summary: "the `netbox` service's health check asks NetBox's REST API (`/api/`) without a token while `LOGIN_REQUIRED` is on: NetBox 4.0 and later answer 403, the container is reported unhealthy, and a service that waits for it to be healthy (as netbox-docker's worker and housekeeping do) never starts",
    help: "ask the login page instead: `curl -f http://localhost:8080/login/ || exit 1`",
    fact: "NetBox netbox/api/authentication.py (v4.5.0 L125-144): TokenPermissions, a DjangoObjectPermissions, sets authenticated_users_only = settings.LOGIN_REQUIRED, and it is REST_FRAMEWORK's DEFAULT_PERMISSION_CLASSES; netbox/api/views.py APIRootView has only `_ignore_model_permissions = True`. Django REST framework rest_framework/permissions.py DjangoModelPermissions.has_permission: 3.14.0 (NetBox 3.7.8's pin) L222-230 returns True for `_ignore_model_permissions` before it checks authentication; 3.15.1 (NetBox v4.0.0's pin) L230-238 and 3.16.1 (v4.5.0's) L233-241 return False for an unauthenticated user first. NetBox settings.py: LOGIN_REQUIRED defaults to False up to v4.0.1 and to True from v4.0.2 (L108). netbox-docker issue #1222 'Netbox 4.0.0 container unhealthy with LOGIN_REQUIRED set to true', pull request #1223 ('/api/ returns 403 when LOGIN_REQUIRED is true'), commit b6492b2 in 2.9.1: its docker-compose.yml's test went from `curl -f http://localhost:8080/api/` (2.4.0 to 2.9.0) to `/login/`. Seen in tests/realworld/tuning/t209-… (a NetBox 4.5 lab keeping the /api/ check)",
    applies: Applies::Always,
};

/// NetBox 4.0.0 pins Django REST framework 3.15.1, which checks authentication first.
const ANONYMOUS_API_REFUSED: Version = Version::new(4, 0, 0);
/// NetBox 4.0.2 made `LOGIN_REQUIRED` true by default.
const LOGIN_REQUIRED_BY_DEFAULT: Version = Version::new(4, 0, 2);

pub fn compose_healthcheck_api_login_required(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(probe) = nb.healthcheck_probe().filter(|probe| probe.api_without_token) else { return };
    if targets.netbox < ANONYMOUS_API_REFUSED {
        return;
    }
    // On a port the image does not serve, nothing answers at all (compose-port-not-listening's
    // finding); where the image's port is not known, only an explicit port is taken.
    match (nb.image_port(), probe.port) {
        (Some(image), Some(port)) if image.listens_on(port) => {}
        (None, Some(_)) => {}
        _ => return,
    }
    let Some((true, why)) = login_required(nb, targets) else { return };
    out.push(Finding::in_block(
        &COMPOSE_HEALTHCHECK_API_LOGIN_REQUIRED,
        probe.block,
        probe.range.clone(),
        format!(
            "this health check asks NetBox's REST API without a token, and {why}: NetBox 4.0 and later answer an anonymous API request 403, so the check fails and the container is reported unhealthy, and a service that waits for it with `condition: service_healthy` (as netbox-docker's worker and housekeeping do) never starts"
        ),
    ));
}

/// Whether `LOGIN_REQUIRED` is on, and what says so: a value set (netbox-docker's own line where
/// the environment shown leaves its variable unset: its default, `True` from netbox-docker 3.0.0),
/// or NetBox's default where a whole `configuration.py` leaves it out (true from 4.0.2).
fn login_required(nb: &crate::model::netbox::NetboxConfig, targets: &Targets) -> Option<(bool, &'static str)> {
    match nb.presence("LOGIN_REQUIRED") {
        Presence::Set(setting) => match nb.boolean(setting)? {
            (on, true) => Some((on, "netbox-docker's configuration turns `LOGIN_REQUIRED` on by default")),
            (on, false) => Some((on, "`LOGIN_REQUIRED` is true")),
        },
        Presence::Unset => Some((
            targets.netbox >= LOGIN_REQUIRED_BY_DEFAULT,
            "`LOGIN_REQUIRED` is left to NetBox's default, true from 4.0.2",
        )),
        // netbox-docker's image run as shipped (no configuration of one's own), the whole project
        // shown and no file setting the variable: the image's own default, by its tag (corpus
        // case t222: `v4.1`, which only netbox-docker 3.0.0 and later built).
        Presence::Unknown => {
            let stock = nb.stock_configuration()?;
            (nb.runs_stock_netbox_docker_configuration()
                && stock.login_required_by_default
                && !stock.environment_unseen
                && nb.environment_variable("LOGIN_REQUIRED").is_none())
            .then_some((true, "netbox-docker's image of this tag (netbox-docker 3.0.0 and later) turns `LOGIN_REQUIRED` on where no file sets it"))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};

    const RULE: &str = "netbox/compose-healthcheck-api-login-required";

    /// A whole project: netbox-docker's image with `test` as its health check (line 6), and the
    /// environment `env`.
    fn project(tag: &str, test: &str, env: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:{tag}\n    healthcheck:\n      test: {test}\n    environment:\n      LOGIN_REQUIRED: \"{env}\"\n```\n"
        )
    }

    /// t209's shape: netbox-docker's pre-2.9.1 check on a NetBox 4 image.
    #[test]
    fn the_api_asked_without_a_token() {
        let api = "curl -f http://localhost:8080/api/ || exit 1";
        assert_fires_linted("netbox/compose-healthcheck-api-login-required", &project("v4.5-4.0.0", api, "true"), 5);
        assert_fires_linted(RULE, &project("v4.0-2.9.0", "[\"CMD\", \"curl\", \"-fsS\", \"http://127.0.0.1:8080/api/status/\"]", "True"), 5);
        assert_fires_linted(RULE, &project("v4.5-4.0.0", "wget -q --spider http://localhost:8080/api/ || exit 1", "true"), 5);
    }

    /// netbox-docker's image run as shipped, in a project that never sets the variable: the
    /// image's default by its tag (corpus case t222, `v4.1`).
    #[test]
    fn the_images_own_default() {
        let shipped = |tag: &str, environment: &str| {
            format!(
                "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:{tag}\n    healthcheck:\n      test: curl -f http://localhost:8080/api/ || exit 1\n    environment:\n      DB_HOST: postgres\n{environment}```\n"
            )
        };
        assert_fires_linted(RULE, &shipped("v4.1", ""), 5);
        // A digest pins a build the tag no longer names.
        assert_quiet_linted(RULE, &shipped("latest@sha256:0000000000000000000000000000000000000000000000000000000000000000", ""));
        assert_fires_linted(RULE, &shipped("v4.0-3.0.0", ""), 5);
        // 2.9.1 and before default it to false; a file that sets it decides, the environment
        // file too.
        assert_quiet_linted(RULE, &shipped("v4.0-2.9.1", ""));
        assert_quiet_linted(RULE, &shipped("v4.0", ""));
        assert_quiet_linted(RULE, &shipped("v4.1", "      LOGIN_REQUIRED: \"false\"\n"));
        let env_file = |env: &str| {
            format!("{}\n```sh,check=env,file=env/netbox.env\nDB_HOST=postgres\n{env}```\n", shipped("v4.1", "    env_file: env/netbox.env\n"))
        };
        assert_quiet_linted(RULE, &env_file("LOGIN_REQUIRED=false\n"));
        assert_fires_linted(RULE, &env_file(""), 5);
    }

    /// netbox-docker's own configuration shown (`lint --netbox-docker`): its default, `True`
    /// from 3.0.0, where the environment leaves the variable unset.
    #[test]
    fn netbox_dockers_own_default() {
        let checkout = |env: &str| {
            format!(
                "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: docker.io/netboxcommunity/netbox:v4.0-2.9.0\n    env_file: env/netbox.env\n    healthcheck:\n      test: curl -f http://localhost:8080/api/ || exit 1\n    volumes:\n      - ./configuration:/etc/netbox/config:z,ro\n```\n\n```sh,check=env,file=env/netbox.env\nDB_HOST=postgres\n{env}```\n\n```python,check=netbox,file=configuration/configuration.py\nfrom os import environ\n\ndef _environ_get_and_map(variable_name, default=None, map_fn=None):\n    return map_fn(environ.get(variable_name, default))\n\ndef _AS_BOOL(value): return value.lower() == 'true'\n\nLOGIN_REQUIRED = _environ_get_and_map('LOGIN_REQUIRED', 'True', _AS_BOOL)\n```\n"
            )
        };
        let found = crate::rules::testing::linted(RULE, &checkout(""));
        assert!(found.len() == 1 && found[0].1.contains("netbox-docker's configuration turns `LOGIN_REQUIRED` on by default"), "{found:?}");
        assert!(crate::rules::testing::linted(RULE, &checkout("LOGIN_REQUIRED=false\n")).is_empty());
    }

    #[test]
    fn quiet_on_the_login_page_with_a_token_before_4_or_without_login() {
        let api = "curl -f http://localhost:8080/api/ || exit 1";
        assert_quiet_linted("netbox/compose-healthcheck-api-login-required", &project("v4.5-4.0.0", "curl -f http://localhost:8080/login/ || exit 1", "true"));
        assert_quiet_linted(RULE, &project("v4.5-4.0.0", api, "false"));
        // NetBox 3.7 (Django REST framework 3.14) lets the API root through.
        let mut settings = crate::config::Settings::default();
        settings.targets.netbox = "3.7".parse().unwrap();
        assert!(crate::rules::testing::linted_for(RULE, &project("v3.7-2.8.0", api, "true"), &settings).is_empty());
        assert_quiet_linted(RULE, &project("v4.5-4.0.0", "curl -f -H 'Authorization: Token abc' http://localhost:8080/api/status/", "true"));
        assert_quiet_linted(RULE, &project("v4.5-4.0.0", "curl -f http://localhost:8080/apidocs/", "true"));
        // What does not fail on a 403, or is not refused: curl without `-f`, `/api` redirected
        // to `/api/`, the schema pages, a token from elsewhere, a fallback, a status read apart.
        for test in [
            "curl -s -o /dev/null http://localhost:8080/api/ || exit 1",
            "curl -f http://localhost:8080/api || exit 1",
            "curl -f http://localhost:8080/api/schema/ || exit 1",
            "curl -f --oauth2-bearer $${NETBOX_TOKEN} http://localhost:8080/api/status/",
            "curl -f http://localhost:8080/login/ || curl -f http://localhost:8080/api/",
            "curl -s -w '%{http_code}' http://localhost:8080/api/ | grep -q 403",
        ] {
            assert_quiet_linted(RULE, &project("v4.5-4.0.0", test, "true"));
        }
        // A port the image does not serve: nothing answers (compose-port-not-listening's).
        assert_quiet_linted(RULE, &project("v4.0-2.9.0", "curl -f http://localhost:9090/api/", "true"));
        assert_fires_linted(RULE, &project("v4.0-2.9.0", "curl -f http://localhost:8080/api/", "true"), 5);
    }
}
