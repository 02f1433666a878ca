//! `netbox/ldap-backend-not-selected`: netbox-docker's environment configures LDAP, but
//! `REMOTE_AUTH_BACKEND` does not name NetBox's `LDAPBackend`, so the directory is never asked.
//!
//! ## What it does
//! Where `lint` read a whole netbox-docker project that runs netbox-docker's configuration as its
//! image ships it (its published image, no configuration mounted, no Python file shown, every
//! compose and environment file read, no merge key or `extends:` on the `netbox` service's
//! environment), and the image's tag names a release whose `ldap_config.py` reads the
//! `AUTH_LDAP_*` variables (netbox-docker 2.0.0 on, or a `-ldap` image), finds
//! `AUTH_LDAP_SERVER_URI` set while `REMOTE_AUTH_BACKEND` is unset (netbox-docker then keeps
//! `netbox.authentication.RemoteUserBackend`), empty, or names no LDAP backend (netbox-docker
//! splits it at spaces). A value not known (an interpolation) or any path that says LDAP is no
//! finding; nor is a checkout linted with `--netbox-docker`, whose mounted directory may hold
//! other files that set the backend.
//!
//! ## Why is this bad?
//! NetBox reads `ldap_config.py`, where netbox-docker turns the variables into django-auth-ldap's
//! settings, only inside its `LDAPBackend`, and Django asks a backend only when
//! `AUTHENTICATION_BACKENDS` lists it, which NetBox builds from `REMOTE_AUTH_BACKEND`. Without it
//! the login form checks local accounts only: every directory user is refused, and the LDAP
//! variables do nothing.
//!
//! ## Example
//! `AUTH_LDAP_SERVER_URI=ldaps://dc1.corp.example.net` in `env/netbox.env` with no
//! `REMOTE_AUTH_BACKEND`.
//!
//! Use instead: `REMOTE_AUTH_BACKEND=netbox.authentication.LDAPBackend` in the same environment.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// netbox-docker's environment configures LDAP, but no LDAP backend is selected.
pub const LDAP_BACKEND_NOT_SELECTED: Rule = Rule {
    id: "netbox/ldap-backend-not-selected",
    severity: Severity::Warning,
    summary: "netbox-docker's environment sets `AUTH_LDAP_SERVER_URI`, but `REMOTE_AUTH_BACKEND` is unset (netbox-docker's default `netbox.authentication.RemoteUserBackend`) or names no LDAP backend: NetBox never reads ldap_config.py, and every directory user is refused",
    help: "set `REMOTE_AUTH_BACKEND=netbox.authentication.LDAPBackend` in the same environment (or remove the `AUTH_LDAP_*` variables if LDAP is not meant)",
    fact: "NetBox 4.6.8 netbox/netbox/settings.py L173 (`REMOTE_AUTH_BACKEND` defaults to 'netbox.authentication.RemoteUserBackend') and L581-584 (`AUTHENTICATION_BACKENDS = [*REMOTE_AUTH_BACKEND, 'netbox.authentication.ObjectPermissionBackend']`); netbox/netbox/authentication/__init__.py L335-366 (only `LDAPBackend` loads ldap_config.py and copies its `AUTH_LDAP_*` names into django-auth-ldap's settings); NetBox 2.9.0 made LDAP a `REMOTE_AUTH_BACKEND` choice. netbox-docker 3.0.2 configuration/configuration.py L291 (`REMOTE_AUTH_BACKEND = _environ_get_and_map('REMOTE_AUTH_BACKEND', 'netbox.authentication.RemoteUserBackend', _AS_LIST)`, a comma-separated list) (`_AS_LIST` splits at spaces, L46; a list from 2.7.0, a single path before) and configuration/ldap/ldap_config.py (reads `AUTH_LDAP_SERVER_URI` and the other variables from the environment); 2.0.0's Dockerfile copies docker/ldap_config.docker.py into every image, 1.5.1's only into the `ldap` stage (`FROM main as ldap`). Seen in trial 6 of tests/realworld/README.md (a netbox-docker LDAP override without the backend)",
    applies: Applies::netbox_since(2, 9, 0),
};

pub fn ldap_backend_not_selected(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(uri) = nb.environment_variable("AUTH_LDAP_SERVER_URI") else { return };
    if uri.value.as_str().is_none_or(|uri| uri.trim().is_empty()) {
        return;
    }
    // netbox-docker's configuration as its image ships it (no configuration of one's own
    // mounted, no Python file shown), an image whose ldap_config.py reads the variables, and
    // the whole environment, read as that configuration reads it.
    let stock = nb.stock_configuration_with_environment().is_some_and(|stock| stock.ldap_loader == Some(true) && !stock.environment_unseen);
    if !stock || !nb.netbox_docker_reads_ldap_variables() || nb.some_file_may_set_unseen_names() {
        return;
    }
    // netbox-docker splits the variable at spaces (`_AS_LIST`); unset, it keeps its default.
    let said = match nb.environment_variable("REMOTE_AUTH_BACKEND") {
        None => "no file of this project sets `REMOTE_AUTH_BACKEND`, so netbox-docker keeps `netbox.authentication.RemoteUserBackend`".to_string(),
        Some(variable) => {
            let Some(text) = variable.value.as_str().filter(|text| !text.contains('$')) else { return };
            let backends: Vec<&str> = text.split_whitespace().collect();
            // Any path that says LDAP (even one NetBox cannot use as such) is another matter.
            if backends.iter().any(|backend| backend.to_ascii_lowercase().contains("ldap")) {
                return;
            }
            if backends.is_empty() {
                "`REMOTE_AUTH_BACKEND` is empty".to_string()
            } else {
                let listed = backends.iter().map(|b| format!("`{}`", b.escape_debug())).collect::<Vec<_>>().join(", ");
                format!("`REMOTE_AUTH_BACKEND` is {listed}")
            }
        }
    };
    out.push(Finding::in_block(
        &LDAP_BACKEND_NOT_SELECTED,
        uri.block,
        uri.name_range.clone(),
        format!(
            "this environment configures LDAP (`AUTH_LDAP_SERVER_URI`), but {said}: NetBox reads ldap_config.py, where netbox-docker turns these variables into django-auth-ldap's settings, only in its `LDAPBackend`, so the login form checks local accounts only and every directory user is refused"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, linted};

    const RULE: &str = "netbox/ldap-backend-not-selected";

    /// A whole netbox-docker project: the compose file (lines 1-4 from the first fence) and its
    /// env file (from line 8).
    fn project(env: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n    env_file: netbox.env\n```\n\n```sh,check=env,file=netbox.env\n{env}```\n"
        )
    }

    /// Trial 6's shape: the LDAP variables without the backend; and a backend list without LDAP.
    #[test]
    fn ldap_configured_without_its_backend() {
        let env = "AUTH_LDAP_SERVER_URI=ldaps://dc1.corp.example.net\nAUTH_LDAP_BIND_DN=CN=svc,DC=corp,DC=example,DC=net\n";
        let found = linted(RULE, &project(env));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains("no file of this project sets `REMOTE_AUTH_BACKEND`"), "{found:?}");
        let social = format!("{env}REMOTE_AUTH_BACKEND=social_core.backends.open_id_connect.OpenIdConnectAuth\n");
        let found = linted(RULE, &project(&social));
        assert!(found.len() == 1 && found[0].1.contains("is `social_core.backends.open_id_connect.OpenIdConnectAuth`"), "{found:?}");
        // Split at spaces, as netbox-docker does; empty; a `-ldap` image before 2.0.0, `latest`.
        let two = format!("{env}REMOTE_AUTH_BACKEND=netbox.authentication.RemoteUserBackend  social_core.backends.open_id_connect.OpenIdConnectAuth\n");
        let found = linted(RULE, &project(&two));
        assert!(found.len() == 1 && found[0].1.contains("is `netbox.authentication.RemoteUserBackend`, `social_core"), "{found:?}");
        let found = linted(RULE, &project(&format!("{env}REMOTE_AUTH_BACKEND=\n")));
        assert!(found.len() == 1 && found[0].1.contains("`REMOTE_AUTH_BACKEND` is empty"), "{found:?}");
        for tag in ["v3.1-ldap", "latest", "v3.3", "latest-2.0.0"] {
            assert_eq!(linted(RULE, &project(env).replace("v4.4-3.4.2", tag)).len(), 1, "{tag}");
        }
        // At the URI's name: the env block's first line, line 8 from the first fence.
        assert_fires_linted("netbox/ldap-backend-not-selected", &project(env), 8);
    }

    /// The LDAP backend in the list, an empty URI, a value from the shell, a merge key on the
    /// environment, or a configuration of one's own mounted: nothing to say.
    #[test]
    fn quiet_where_ldap_is_selected_or_unknown() {
        let env = "AUTH_LDAP_SERVER_URI=ldaps://dc1.corp.example.net\n";
        assert_quiet_linted(RULE, &project(&format!("{env}REMOTE_AUTH_BACKEND=netbox.authentication.LDAPBackend\n")));
        assert_quiet_linted(
            RULE,
            &project(&format!("{env}REMOTE_AUTH_BACKEND=netbox.authentication.RemoteUserBackend netbox.authentication.LDAPBackend\n")),
        );
        // Images before netbox-docker 2.0.0 have no ldap_config.py unless `-ldap`; a checkout
        // linted with its configuration directory mounted is not judged here.
        assert_quiet_linted(RULE, &project(env).replace("v4.4-3.4.2", "v3.1-1.5.1"));
        assert_quiet_linted(RULE, &project(env).replace("v4.4-3.4.2", "v3.2"));
        assert_quiet_linted("netbox/ldap-backend-not-selected", &project("AUTH_LDAP_SERVER_URI=\n"));
        assert_quiet_linted(RULE, &project(&format!("{env}REMOTE_AUTH_BACKEND=${{BACKEND}}\n")));
        let mounted = project(env).replace("    env_file: netbox.env\n", "    env_file: netbox.env\n    volumes:\n      - ./configuration:/etc/netbox/config:ro\n");
        assert_quiet_linted(RULE, &mounted);
        let merged = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nx-env: &env\n  REMOTE_AUTH_BACKEND: netbox.authentication.LDAPBackend\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n    environment:\n      <<: *env\n      AUTH_LDAP_SERVER_URI: ldaps://dc1.corp.example.net\n```\n";
        assert_quiet_linted(RULE, merged);
        // A book's blocks may show part of a project.
        crate::rules::netbox::testing::assert_quiet_in_chapter(RULE, &project(env));
    }
}
