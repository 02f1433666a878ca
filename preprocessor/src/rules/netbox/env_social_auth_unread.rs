//! `netbox/env-social-auth-unread`: `SOCIAL_AUTH_*` variables in netbox-docker's environment
//! that no configuration file reads: netbox-docker's configuration (the checkout's shown, or the
//! image's as shipped up to netbox-docker 3.0.2) maps none of them into NetBox's settings, so the
//! sign-on runs with no client ID, secret or endpoint. Later releases map Okta's, Google's and
//! OpenID Connect's: a later image as shipped is judged on the variables no release maps, and an
//! environment file checked alone where its client ID is such a variable, with an add-on not
//! checked named as what may still read it.

use crate::finding::{Finding, Rule, Severity};
use crate::parse::env::mapped;
use crate::parse::netbox::{Setting, Value, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `SOCIAL_AUTH_*` variables netbox-docker's environment sets and nothing reads.
pub const ENV_SOCIAL_AUTH_UNREAD: Rule = Rule {
    id: "netbox/env-social-auth-unread",
    severity: Severity::Warning,
    summary: "`SOCIAL_AUTH_*` variables in netbox-docker's environment that no configuration file reads (netbox-docker's own, shown or as its image up to 3.0.2 ships it, maps none of them into NetBox's settings; a later image maps Okta's, Google's and OpenID Connect's only; an environment file checked alone, whose client ID no release maps), so python-social-auth runs with no client ID, secret or endpoint",
    help: "read each variable in an add-on file of the configuration directory, `configuration/extra.py`: `from os import environ` and `SOCIAL_AUTH_OIDC_KEY = environ.get('SOCIAL_AUTH_OIDC_KEY')` (one line per variable), or set the values there directly",
    fact: "netbox-docker's configuration/configuration.py (the configuration its image ships, used when no configuration directory of one's own is mounted over /etc/netbox/config) reads REMOTE_AUTH_* and about 80 other variables from the environment and no SOCIAL_AUTH_* one (3.0.2; no commit of netbox-docker's 1,381 up to 27bf52c ever added one to configuration/ or docker/; Okta's and Google's came with pull request #1475 (opened 2025-07-03, merged), generic OpenID Connect's with #1626 (opened 2026-02-19, merged), as 4.0.2's and 5.0.1's configuration.py show, so an image is judged only when its tag names netbox-docker 3.0.2 or before, or NetBox 4.1 or before); social-core reads its settings from Django's (social_core/strategy.py `get_setting`, utils.py `setting_name`), so an unread KEY is None: netbox-docker issue #1248 (`TypeError: unsupported operand type(s) for +: 'NoneType' and 'str'` from the OpenID Connect endpoint) and the Keycloak issue of tests/realworld/tuning/t61-… (`client_id=None` in the redirect); the newest configuration.py (index id 63285808499) maps SOCIAL_AUTH_OKTA_OPENIDCONNECT_KEY, _SECRET, _API_URL, SOCIAL_AUTH_GOOGLE_OAUTH2_KEY, _SECRET and SOCIAL_AUTH_OIDC_OIDC_ENDPOINT, _KEY, _SECRET, _SCOPE, _JWT_ALGORITHMS and no other SOCIAL_AUTH_ name, so an environment file alone whose client ID is another backend's (Keycloak's in t61, Azure AD tenant's in tests/realworld/heldout/h229-…) reaches NetBox through no release's own configuration",
    applies: Applies::Always,
};

pub fn env_social_auth_unread(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    // Without netbox-docker's own configuration.py, the configuration directory is not known to
    // be shown: an add-on that reads the variables may be mounted beside it.
    // A file that copies variables by a loop (`for k, v in os.environ.items(): setattr(…)`) or
    // binds names unseen may read any of them.
    // Nor is it when netbox-docker's image runs its configuration as shipped: no file of one's
    // own is mounted, so nothing reads them.
    // netbox-docker's later configuration.py reads some of them (Okta, Google, OpenID Connect):
    // an image whose tag names a release known to map none is judged on all; another (a later
    // or unnamed release) on those no release maps.
    let stock_runs = nb.runs_stock_netbox_docker_configuration();
    let shipped = stock_runs && nb.stock_configuration().is_some_and(|stock| stock.sso_variables_unmapped);
    let later_release = stock_runs && !shipped;
    // An environment file checked with no configuration file and no compose file that runs
    // NetBox (corpus cases t61 and h229, each an issue's env file): netbox-docker's configuration,
    // of whichever release, is what reads it. Only the variables no release maps are judged, and
    // the message says that an add-on not checked may read them.
    let alone = !nb.shows_python() && nb.stock_configuration().is_none();
    if !(nb.shows_netbox_docker_configuration() || stock_runs || alone) || nb.some_file_may_set_unseen_names() {
        return;
    }
    // A file that sets the setting of the same name (from the variable or not), or reads the
    // variable into another: the model then holds a setting placed at the variable's line (the
    // value the file set), or, for a lookup it did not resolve (a default's), the lookup itself.
    // Both collected once: each variable is then looked up, not searched for.
    let mut placed = std::collections::HashSet::new();
    let mut looked_up = std::collections::HashSet::new();
    for setting in nb.settings() {
        placed.insert((setting.block, setting.statement.start));
        variables_read(&setting.value, &mut looked_up);
    }
    let read_by_python = |var: &Setting| {
        nb.get(&var.name).is_some()
            || placed.contains(&(var.block, var.statement.start))
            || looked_up.contains(var.name.as_str())
            || nb.looks_up_variable(&var.name)
    };
    let unread: Vec<_> = nb
        .environment()
        .filter(|var| var.name.starts_with("SOCIAL_AUTH_") && mapped(&var.name).is_none())
        .filter(|var| !(alone || later_release) || !MAPPED_LATER.contains(&var.name.as_str()))
        .filter(|var| !read_by_python(var))
        .collect();
    // One finding per file, on the client ID (what the provider rejects first), else the first.
    // The environment lists each file's variables together, in order.
    let is_client_id = |name: &str| name.ends_with("_KEY") && !name.ends_with("PUBLIC_KEY") && !name.ends_with("PRIVATE_KEY");
    for in_block in unread.chunk_by(|a, b| a.block == b.block) {
        // Alone, only a client ID no release maps says that the sign-on cannot work as the file
        // stands: where a release maps the client ID, the add-on that reads the rest may be
        // the project's own (corpus case t42, Google's scope and options beside a mapped key).
        if alone && !in_block.iter().any(|var| is_client_id(&var.name)) {
            continue;
        }
        let Some(anchor) = in_block.iter().find(|var| is_client_id(&var.name)).or(in_block.first()) else { continue };
        let block = anchor.block;
        let name = anchor.name.escape_debug();
        let and_others = match in_block.len() - 1 {
            0 => " reaches".to_string(),
            1 => " and 1 other `SOCIAL_AUTH_` variable here reach".to_string(),
            n => format!(" and {n} other `SOCIAL_AUTH_` variables here reach"),
        };
        let mut finding = Finding::in_block(
            &ENV_SOCIAL_AUTH_UNREAD,
            block,
            anchor.name_range.clone(),
            format!(
                "netbox-docker's configuration maps no such `SOCIAL_AUTH_*` variable into NetBox's settings{}: `{name}`{and_others} NetBox only through a configuration file that reads them, and {}; without one, python-social-auth sees `None`",
                if alone || later_release { " in any release" } else { "" },
                if alone {
                    "no configuration file is among the files checked (an add-on of the configuration directory not checked may read them)"
                } else {
                    "no file of the configuration directory shown here does"
                }
            ),
        );
        for other in in_block.iter().filter(|var| !std::ptr::eq(**var, *anchor)) {
            finding = finding.with_related(other.name_range.clone(), "not read either");
        }
        finding = finding.with_help(format!(
            "read it in an add-on file of the configuration directory, `configuration/extra.py`: `from os import environ` and `{name} = environ.get('{name}')` (and the same for each other `SOCIAL_AUTH_` variable), or set the values there directly"
        ));
        out.push(finding);
    }
}

/// The `SOCIAL_AUTH_*` variables a netbox-docker release after 3.0.2 maps (Okta's and Google's
/// from pull request #1475, OpenID Connect's from #1626; configuration/configuration.py, index
/// id 63285808499): an environment file checked alone may be read by such a release.
const MAPPED_LATER: &[&str] = &[
    "SOCIAL_AUTH_OKTA_OPENIDCONNECT_KEY",
    "SOCIAL_AUTH_OKTA_OPENIDCONNECT_SECRET",
    "SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL",
    "SOCIAL_AUTH_GOOGLE_OAUTH2_KEY",
    "SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET",
    "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT",
    "SOCIAL_AUTH_OIDC_KEY",
    "SOCIAL_AUTH_OIDC_SECRET",
    "SOCIAL_AUTH_OIDC_SCOPE",
    "SOCIAL_AUTH_OIDC_JWT_ALGORITHMS",
];

/// The environment variables a value looks up, defaults included.
fn variables_read<'a>(value: &'a Value, out: &mut std::collections::HashSet<&'a str>) {
    match &value.kind {
        ValueKind::Env { var, default, .. } => {
            out.insert(var.as_str());
            if let Some(default) = default {
                variables_read(default, out);
            }
        }
        ValueKind::List(items)
        | ValueKind::Tuple(items)
        | ValueKind::Set(items) => {
            items.iter().for_each(|i| variables_read(i, out));
        }
        ValueKind::Dict(pairs) => pairs.iter().for_each(|(k, v)| {
            variables_read(k, out);
            variables_read(v, out);
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_fires_in_chapter, assert_quiet_in_chapter, fired_chapter_lines};

    const ENV: &str = "REMOTE_AUTH_BACKEND=social_core.backends.keycloak.KeycloakOAuth2\nSOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY=MIIBIjANBgkq\nSOCIAL_AUTH_KEYCLOAK_KEY=netbox\nSOCIAL_AUTH_KEYCLOAK_SECRET=s3cret\n";

    /// netbox-docker's own configuration.py, as `lint --netbox-docker` reads it (its helper).
    const DOCKER: &str = "\n```python,check=netbox,file=configuration/configuration.py\ndef _read_secret(secret_name, default=None):\n    return default\n\nSECRET_KEY = _read_secret('secret_key', '')\n```\n";

    fn chapter(extra: &str) -> String {
        format!("# t\n\n```sh,check=env,file=env/netbox.env\n{ENV}```\n{DOCKER}{extra}")
    }

    #[test]
    fn variables_nothing_reads_are_reported_once_on_the_client_id() {
        // netbox-docker issue #1248 and the Keycloak issue of corpus case t61.
        assert_fires_in_chapter("netbox/env-social-auth-unread", &chapter(""), 3);
        assert_eq!(fired_chapter_lines("netbox/env-social-auth-unread", &chapter("")).len(), 1);
    }

    /// An environment file alone (t61, h229): where the client ID is a variable no netbox-docker
    /// release maps, it is reported, and the message says an add-on not checked may read it.
    /// OpenID Connect's and Google's keys, which a later release maps, are not; nor is anything
    /// beside a Python file or a compose file that mounts a configuration directory.
    #[test]
    fn the_environment_file_alone_is_judged_on_what_no_release_maps() {
        let alone = |env: &str| format!("# t\n\n```sh,check=env,file=env/netbox.env\n{env}```\n");
        assert_fires_in_chapter("netbox/env-social-auth-unread", &alone(ENV), 3);
        let found = crate::rules::testing::diagnostics(&alone(ENV), &crate::config::Settings::default());
        let message = &found.iter().find(|d| d.rule == "netbox/env-social-auth-unread").unwrap().message;
        assert!(message.contains("in any release") && message.contains("not checked may read them"), "{message}");
        let oidc = "REMOTE_AUTH_BACKEND=social_core.backends.open_id_connect.OpenIdConnectAuth\nSOCIAL_AUTH_OIDC_KEY=netbox\nSOCIAL_AUTH_OIDC_SECRET=s3cret\n";
        assert_quiet_in_chapter("netbox/env-social-auth-unread", &alone(oidc));
        // Google's key, which a later release maps, with options no release maps (t42).
        let google = "SOCIAL_AUTH_GOOGLE_OAUTH2_KEY=4711.apps.example\nSOCIAL_AUTH_GOOGLE_OAUTH2_SCOPE=openid email\n";
        assert_quiet_in_chapter("netbox/env-social-auth-unread", &alone(google));
        let beside = format!("{}\n```python,check=netbox,file=configuration/extra.py\nX = 1\n```\n", alone(ENV));
        assert_quiet_in_chapter("netbox/env-social-auth-unread", &beside);
        let mounted = format!(
            "{}\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.1-3.0.2\n    env_file: env/netbox.env\n    volumes:\n      - ./configuration:/etc/netbox/config:z,ro\n```\n",
            alone(ENV)
        );
        assert_quiet_in_chapter("netbox/env-social-auth-unread", &mounted);
    }

    /// netbox-docker's image run with its configuration as shipped (no configuration mounted,
    /// no Python shown), of a release that maps none of the variables: nothing reads them. A
    /// mounted configuration directory may; a later image's configuration maps some (Okta's,
    /// Google's, OpenID Connect's: pull requests #1475 and #1626), and what it maps is not read
    /// here.
    #[test]
    fn the_configuration_as_shipped_reads_none() {
        let compose = |image: &str, volumes: &str| {
            format!("# t\n\n```sh,check=env,file=env/netbox.env\n{ENV}```\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:{image}\n    env_file: env/netbox.env\n{volumes}```\n")
        };
        use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};
        assert_fires_linted("netbox/env-social-auth-unread", &compose("v4.1-3.0.2", ""), 3);
        // A later release maps Okta's, Google's and OpenID Connect's variables, not Keycloak's.
        assert_fires_linted("netbox/env-social-auth-unread", &compose("v4.6-5.0.2", ""), 3);
        assert_fires_linted("netbox/env-social-auth-unread", &compose("latest", ""), 3);
        let oidc = compose("latest", "").replace(ENV, "SOCIAL_AUTH_OIDC_KEY=netbox\nSOCIAL_AUTH_OIDC_SECRET=s3cret\n");
        assert_quiet_linted("netbox/env-social-auth-unread", &oidc);
        assert_quiet_linted(
            "netbox/env-social-auth-unread",
            &compose("v4.1-3.0.2", "    volumes:\n      - ./configuration:/etc/netbox/config:z,ro\n"),
        );
        // A book may show part of the project: not assumed there.
        assert_quiet_in_chapter("netbox/env-social-auth-unread", &compose("v4.1-3.0.2", ""));
    }

    #[test]
    fn an_add_on_that_reads_them_quiets_it() {
        let reads = "\n```python,check=netbox,file=configuration/extra.py\nfrom os import environ\nSOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = environ.get('SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY')\nSOCIAL_AUTH_KEYCLOAK_KEY = environ.get('SOCIAL_AUTH_KEYCLOAK_KEY')\nSOCIAL_AUTH_KEYCLOAK_SECRET = environ['SOCIAL_AUTH_KEYCLOAK_SECRET']\n```\n";
        assert_quiet_in_chapter("netbox/env-social-auth-unread", &chapter(reads));
        // Reading only some of them leaves the others reported.
        let some = "\n```python,check=netbox,file=configuration/extra.py\nfrom os import environ\nSOCIAL_AUTH_KEYCLOAK_KEY = environ.get('SOCIAL_AUTH_KEYCLOAK_KEY')\n```\n";
        assert_eq!(fired_chapter_lines("netbox/env-social-auth-unread", &chapter(some)).len(), 1);
        // A variable read into a setting of another name, or as another lookup's default.
        for reads in [
            "SOCIAL_AUTH_KEYCLOAK_KEY_ID = environ.get('SOCIAL_AUTH_KEYCLOAK_KEY')",
            "CLIENT = environ.get('KEYCLOAK_CLIENT', environ.get('SOCIAL_AUTH_KEYCLOAK_KEY'))",
        ] {
            let renamed = format!("\n```python,check=netbox,file=configuration/extra.py\nfrom os import environ\nSOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = environ.get('SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY')\nSOCIAL_AUTH_KEYCLOAK_SECRET = environ.get('SOCIAL_AUTH_KEYCLOAK_SECRET')\n{reads}\n```\n");
            assert_quiet_in_chapter("netbox/env-social-auth-unread", &chapter(&renamed));
        }
        // A loop that copies every SOCIAL_AUTH_ variable.
        let looped = "\n```python,check=netbox,file=configuration/extra.py\nimport os, sys\nfor k, v in os.environ.items():\n    if k.startswith('SOCIAL_AUTH_'):\n        setattr(sys.modules[__name__], k, v)\n```\n";
        assert_quiet_in_chapter("netbox/env-social-auth-unread", &chapter(looped));
    }
}
