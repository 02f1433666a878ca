//! `netbox/docker-superuser-skipped`: netbox-docker's superuser variables set where
//! `SKIP_SUPERUSER` is `true`.
//!
//! ## What it does
//! Finds `SUPERUSER_NAME`, `SUPERUSER_EMAIL`, `SUPERUSER_PASSWORD` or `SUPERUSER_API_TOKEN` in
//! netbox-docker's environment while `SKIP_SUPERUSER` is `true` there (often still the value of
//! netbox-docker's example env/netbox.env, under an override that adds the superuser's variables
//! but not `SKIP_SUPERUSER: "false"`).
//!
//! ## Why is this bad?
//! netbox-docker's entrypoint skips the superuser and never reads these variables: on a first
//! start no account is created from them, and unless another sign-in creates users (LDAP, a header,
//! single sign-on), a fresh NetBox has none to sign in with. Once the superuser exists they are
//! only left over.
//!
//! ## Example
//! `SKIP_SUPERUSER=true` in env/netbox.env and `SUPERUSER_NAME: root` in the override.
//!
//! Use instead: `SKIP_SUPERUSER: "false"` beside them for the first start, then remove them.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// netbox-docker's superuser variables where `SKIP_SUPERUSER` is `true`.
pub const DOCKER_SUPERUSER_SKIPPED: Rule = Rule {
    id: "netbox/docker-superuser-skipped",
    severity: Severity::Info,
    summary: "netbox-docker's `SUPERUSER_*` variables are set while `SKIP_SUPERUSER` is `true`: its entrypoint never reads them, so no superuser is created from them",
    help: "set `SKIP_SUPERUSER` to `false` beside them for the first start (netbox-docker's docker-compose.override.yml.example names it with them), then remove them all",
    fact: "netbox-docker docker/docker-entrypoint.sh (3.0.2 L54-55): `if [ \"$SKIP_SUPERUSER\" == \"true\" ]` prints 'Skip creating the superuser' and reads none of SUPERUSER_NAME, SUPERUSER_EMAIL, SUPERUSER_PASSWORD, SUPERUSER_API_TOKEN; its env/netbox.env sets SKIP_SUPERUSER=true from 2.5.0 on; Compose's `environment:` replaces only the variables it names, so the env file's SKIP_SUPERUSER stays. Seen in tests/realworld/tuning/t177-… (an override adding the superuser under the example's SKIP_SUPERUSER=true)",
    applies: Applies::Always,
};

/// The variables the entrypoint reads only when it creates the superuser.
const SUPERUSER_VARIABLES: [&str; 4] = ["SUPERUSER_NAME", "SUPERUSER_EMAIL", "SUPERUSER_PASSWORD", "SUPERUSER_API_TOKEN"];

pub fn docker_superuser_skipped(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(skip) = nb.environment_variable("SKIP_SUPERUSER") else { return };
    if skip.value.as_str() != Some("true") {
        return;
    }
    // The first of them as Compose reads the environment: where an administrator added them.
    let kept = nb.environment_last();
    let Some(first) = nb.environment().find(|var| {
        SUPERUSER_VARIABLES.contains(&var.name.as_str())
            && kept.get(var.name.as_str()).is_some_and(|last| last.value.as_str().is_none_or(|v| !v.is_empty()))
    }) else {
        return;
    };
    let named: Vec<String> = SUPERUSER_VARIABLES
        .iter()
        .filter(|name| nb.environment_variable(name).is_some())
        .map(|name| format!("`{name}`"))
        .collect();
    let them = if named.len() == 1 { "it" } else { "them" };
    let named = named.join(", ");
    out.push(Finding::in_block(
        &DOCKER_SUPERUSER_SKIPPED,
        first.block,
        first.value.range.clone(),
        format!("`SKIP_SUPERUSER` is `true`, so netbox-docker's entrypoint skips the superuser and never reads {named}: on a first start no superuser is created from {them}, and unless another sign-in creates users, a fresh NetBox has none to sign in with"),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_fires_in_chapter, assert_quiet_in_chapter};

    /// An environment file (its lines are the block's) under a compose override.
    fn chapter(env: &str, override_environment: &str) -> String {
        format!(
            "# t\n\n```sh,check=env,file=netbox.env\n{env}```\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.1-3.0.2\n    env_file: netbox.env\n    environment:\n{override_environment}```\n"
        )
    }

    /// t177's shape: the example's SKIP_SUPERUSER=true under an override that adds the
    /// superuser's variables (the finding is at the first, in the file read first).
    #[test]
    fn superuser_variables_the_entrypoint_skips() {
        assert_fires_in_chapter(
            "netbox/docker-superuser-skipped",
            &chapter("DB_HOST=postgres\nSKIP_SUPERUSER=true\nSUPERUSER_NAME=root\n", "      X: \"1\"\n"),
            3,
        );
    }

    #[test]
    fn quiet_where_the_superuser_is_created_or_nothing_is_set() {
        // The override says false: it wins over the env file.
        assert_quiet_in_chapter(
            "netbox/docker-superuser-skipped",
            &chapter("SKIP_SUPERUSER=true\nSUPERUSER_NAME=root\n", "      SKIP_SUPERUSER: \"false\"\n"),
        );
        // The example's own shape: skipped, and no superuser variable (or an empty one).
        assert_quiet_in_chapter("netbox/docker-superuser-skipped", &chapter("SKIP_SUPERUSER=true\nSUPERUSER_API_TOKEN=\n", "      X: \"1\"\n"));
    }
}
