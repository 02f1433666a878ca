//! `netbox/remote-auth-not-enabled`: header authentication set up with a header of one's own
//! while `REMOTE_AUTH_ENABLED` is set nowhere, so NetBox never reads the header.
//!
//! ## What it does
//! Finds `REMOTE_AUTH_HEADER` written in `configuration.py` with a header other than NetBox's default
//! (`HTTP_REMOTE_USER`) where `REMOTE_AUTH_BACKEND` names NetBox's `RemoteUserBackend` and no
//! file shown (nor an environment netbox-docker maps) sets `REMOTE_AUTH_ENABLED`. Not where
//! `REMOTE_AUTH_ENABLED` is set, to anything (`False` beside the example's header is
//! NetBox's own `configuration_example.py`), nor where a file may bind names no statement shows,
//! nor in an add-on such as netbox-docker's `extra.py`, whose `configuration.py` (not shown)
//! sets `REMOTE_AUTH_ENABLED` from the environment.
//!
//! ## Why is this bad?
//! NetBox's `RemoteUserMiddleware` returns at once unless `REMOTE_AUTH_ENABLED` is true, and the
//! setting defaults to `False`: the header the proxy sends is never read, and users meet NetBox's
//! login form instead of being signed in.
//!
//! ## Example
//! `REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'` and
//! `REMOTE_AUTH_HEADER = 'HTTP_X_REMOTE_USER'`, and nothing else.
//!
//! Use instead: add `REMOTE_AUTH_ENABLED = True`.

use super::shared::at_statement;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// Header authentication set up while `REMOTE_AUTH_ENABLED` is set nowhere.
pub const REMOTE_AUTH_NOT_ENABLED: Rule = Rule {
    id: "netbox/remote-auth-not-enabled",
    severity: Severity::Warning,
    summary: "`REMOTE_AUTH_HEADER` names a header of its own for NetBox's `RemoteUserBackend`, but no file sets `REMOTE_AUTH_ENABLED`, which defaults to `False`: NetBox never reads the header",
    help: "add `REMOTE_AUTH_ENABLED = True` beside the other `REMOTE_AUTH_*` settings",
    fact: "NetBox 4.6.8 netbox/netbox/settings.py L176 (`REMOTE_AUTH_ENABLED = getattr(configuration, 'REMOTE_AUTH_ENABLED', False)`), L180 (REMOTE_AUTH_HEADER default 'HTTP_REMOTE_USER'); netbox/netbox/middleware.py L153-157 (RemoteUserMiddleware: `if not settings.REMOTE_AUTH_ENABLED: return self.get_response(request)`); facts §1.2. Seen in tests/realworld/tuning/t196-… (an Ansible role's README block with the backend and a header only)",
    applies: Applies::Always,
};

const BACKEND: &str = "netbox.authentication.RemoteUserBackend";

pub fn remote_auth_not_enabled(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    if nb.get("REMOTE_AUTH_ENABLED").is_some() || nb.some_file_may_set_unseen_names() {
        return;
    }
    let Some(header) = nb.get("REMOTE_AUTH_HEADER") else { return };
    // Written in NetBox's configuration.py, not netbox-docker's mapping of a variable, nor an
    // add-on (`extra.py`) beside a configuration.py not shown, which may set it (netbox-docker's
    // reads REMOTE_AUTH_ENABLED from the environment).
    let in_configuration = nb.file_of(header.block).is_some_and(crate::model::is_configuration_file);
    if !in_configuration || nb.is_from_environment(header) || nb.is_netbox_docker_own(header) {
        return;
    }
    let Some(name) = header.value.as_str() else { return };
    if name == "HTTP_REMOTE_USER" || !nb.backends().is_some_and(|b| b.iter().any(|b| b == BACKEND)) {
        return;
    }
    out.push(at_statement(
        &REMOTE_AUTH_NOT_ENABLED,
        header,
        format!(
            "no file here sets `REMOTE_AUTH_ENABLED`, which defaults to `False`: NetBox's RemoteUserMiddleware then returns before it reads `{}`, so the proxy's header signs no one in and users get the login form",
            name.escape_debug()
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // t196's shape: the backend and a header of one's own, nothing else.
        (
            "netbox/remote-auth-not-enabled",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_HEADER = 'HTTP_X_REMOTE_USER'\n",
            2,
            "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_HEADER = 'HTTP_X_REMOTE_USER'\n",
        ),
        // NetBox's configuration_example.py: the default header, header authentication off.
        (
            "netbox/remote-auth-not-enabled",
            "4.7",
            "REMOTE_AUTH_BACKEND = ['netbox.authentication.RemoteUserBackend']\nREMOTE_AUTH_HEADER = 'HTTP_X_FORWARDED_USER'\n",
            2,
            "REMOTE_AUTH_ENABLED = False\nREMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_HEADER = 'HTTP_REMOTE_USER'\n",
        ),
        // A header left beside a social-auth backend is another rule's (remote-auth-header-unused).
        (
            "netbox/remote-auth-not-enabled",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_HEADER = 'HTTP_X_AUTH_USER'\n",
            2,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nREMOTE_AUTH_HEADER = 'HTTP_X_AUTH_USER'\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::REMOTE_AUTH_NOT_ENABLED, CASES);
    }

    /// netbox-docker's `extra.py` alone: its configuration.py, not shown, sets the setting from
    /// the environment (the false-finding hunt's shape).
    #[test]
    fn quiet_in_an_add_on() {
        let extra = "# t\n\n```python,check=netbox,file=configuration/extra.py\nREMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'\nREMOTE_AUTH_HEADER = 'HTTP_X_REMOTE_USER'\n```\n";
        crate::rules::netbox::testing::assert_quiet_in_chapter("netbox/remote-auth-not-enabled", extra);
    }
}
