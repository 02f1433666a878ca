//! `netbox/linuxserver-allowed-host-default`: linuxserver's NetBox image without `ALLOWED_HOST`,
//! which then writes `ALLOWED_HOSTS = ['netbox.example.com']`.
//!
//! ## What it does
//! Applies when `lint` read the whole Compose project, its `netbox` service runs linuxserver's
//! image (`lscr.io/linuxserver/netbox`) with its whole environment in the compose files (no
//! `env_file:`, merge key or `extends:` that may set more), no file is mounted over
//! `/config/configuration.py` and no `configuration.py` is shown. Reports that `ALLOWED_HOST` is
//! not set (at the image), or set empty (at its line), nor given from a file
//! (`FILE__ALLOWED_HOST`).
//!
//! ## Why is this bad?
//! On its first start the image writes `/config/configuration.py` from its environment, and an
//! unset or empty `ALLOWED_HOST` takes the default `netbox.example.com`: `ALLOWED_HOSTS =
//! ['netbox.example.com']`. Django then answers 400 Bad Request to every request for any other
//! host name, the one browsers and the proxy use included, and NetBox cannot be reached. The
//! image's documentation lists the variable among the required ones.
//!
//! ## Example
//! `ALLOWED_HOST` left commented out in the `environment:` list.
//!
//! Use instead: `ALLOWED_HOST=netbox.example.org`, the host name browsers use (or `*`).

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// linuxserver's image left to write its example host name.
pub const LINUXSERVER_ALLOWED_HOST_DEFAULT: Rule = Rule {
    id: "netbox/linuxserver-allowed-host-default",
    severity: Severity::Error,
    summary: "linuxserver's NetBox image runs without `ALLOWED_HOST`, so it writes `ALLOWED_HOSTS = ['netbox.example.com']` into its configuration: Django answers 400 Bad Request to every request for the host name NetBox is really reached by",
    help: "set `ALLOWED_HOST` in the service's environment to the host name browsers use (or `*` behind a proxy that checks it); where the image already wrote /config/configuration.py, fix ALLOWED_HOSTS there",
    fact: "linuxserver/docker-netbox c710945 root/etc/s6-overlay/s6-rc.d/init-netbox-config/run L9 (`NETBOX_CONF[ALLOWED_HOST]=${ALLOWED_HOST:-netbox.example.com}`), L34-41 (written into /config/configuration.py only when that file does not exist), root/defaults/configuration.py L11 (`ALLOWED_HOSTS = ['{{ALLOWED_HOST}}']`); readme-vars.yml L24 (ALLOWED_HOST among the required parameters: 'The hostname you will use to access the app'). Django's HttpRequest.get_host raises DisallowedHost for a host ALLOWED_HOSTS does not match, answered 400 Bad Request. Seen in tests/realworld/tuning/t174-… (the variable commented out) and t175-…",
    applies: Applies::Always,
};

pub fn linuxserver_allowed_host_default(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    if !nb.renders_linuxserver_configuration() || !nb.linuxserver_environment_complete() {
        return;
    }
    // Set (and not empty, which bash's `:-` takes for unset), or set by Compose's interpolation
    // from a value not known here.
    if nb.linuxserver_variable("ALLOWED_HOST").is_some_and(|var| var.value.as_str() != Some(""))
        || nb.linuxserver_variable_from_file("ALLOWED_HOST")
    {
        return;
    }
    let Some(services) = nb.whole_project_services() else { return };
    // Set empty: said at its line (corpus case t184); left out: at the image.
    let (place, sets) = match nb.linuxserver_variable("ALLOWED_HOST") {
        Some(empty) => ((empty.block, empty.value.range.clone()), "sets `ALLOWED_HOST` empty, which its `${ALLOWED_HOST:-…}` takes for none"),
        None => {
            let Some(image) = services.netbox_image_place() else { return };
            (image, "sets no `ALLOWED_HOST`")
        }
    };
    out.push(Finding::in_block(
        &LINUXSERVER_ALLOWED_HOST_DEFAULT,
        place.0,
        place.1,
        format!(
            "this is linuxserver's image, and its environment {sets}: on its first start the image writes its default into /config/configuration.py, `ALLOWED_HOSTS = ['{}']`, and Django answers 400 Bad Request to every request for any other host name, the one NetBox is reached by included",
            crate::parse::env::linuxserver_default("ALLOWED_HOST").unwrap_or_default()
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};

    fn compose(environment: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: lscr.io/linuxserver/netbox:latest\n    environment:\n      - TZ=Etc/UTC\n{environment}```\n"
        )
    }

    /// The variable commented out (corpus case t174): the finding is on the image, line 3; set
    /// empty (t184): on its own line, 6.
    #[test]
    fn no_host_name_given() {
        assert_fires_linted("netbox/linuxserver-allowed-host-default", &compose("      # - ALLOWED_HOST=netbox.lab.example\n"), 3);
        assert_fires_linted("netbox/linuxserver-allowed-host-default", &compose("      - ALLOWED_HOST=\n"), 6);
    }

    /// A host name, `*`, one Compose interpolates; an env file that may set it; netbox-docker's
    /// image, whose configuration reads ALLOWED_HOSTS with the default `*`.
    #[test]
    fn a_host_name_or_what_may_give_one() {
        let rule = "netbox/linuxserver-allowed-host-default";
        assert_quiet_linted("netbox/linuxserver-allowed-host-default", &compose("      - ALLOWED_HOST=netbox.lab.example\n"));
        assert_quiet_linted(rule, &compose("      - ALLOWED_HOST=*\n"));
        assert_quiet_linted(rule, &compose("      - ALLOWED_HOST=${NETBOX_HOST}\n"));
        assert_quiet_linted(rule, &compose("").replace("    environment:\n", "    env_file: netbox.env\n    environment:\n"));
        assert_quiet_linted(rule, &compose("").replace("lscr.io/linuxserver/netbox:latest", "netboxcommunity/netbox:v4.6-5.0.2"));
        // From a file (linuxserver's `FILE__` prefix), or from a merge key or `extends:`.
        assert_quiet_linted(rule, &compose("      - FILE__ALLOWED_HOST=/run/secrets/host\n"));
        let merged = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nx-common: &common\n  environment:\n    - ALLOWED_HOST=netbox.lan\nservices:\n  netbox:\n    <<: *common\n    image: lscr.io/linuxserver/netbox:latest\n```\n";
        assert_quiet_linted(rule, merged);
        let extended = compose("").replace("    environment:\n", "    extends:\n      file: common.yml\n      service: netbox\n    environment:\n");
        assert_quiet_linted(rule, &extended);
        let env_merged = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nx-env: &env\n  ALLOWED_HOST: netbox.lan\nservices:\n  netbox:\n    image: lscr.io/linuxserver/netbox:latest\n    environment:\n      <<: *env\n      TZ: Etc/UTC\n```\n";
        assert_quiet_linted(rule, env_merged);
    }
}
