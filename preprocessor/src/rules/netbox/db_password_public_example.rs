//! `netbox/db-password-public-example`: netbox-docker's published example database password,
//! where the database is reached beyond the project's own network.
//!
//! ## What it does
//! Finds netbox-docker's `DB_PASSWORD` still set to the value its example env/netbox.env
//! publishes (`J5brHrAXFLQSif0K`, the same from netbox-docker 1.0.0 to 3.0.2), when the database
//! is not a container on the project's network: `DB_HOST` is a domain name (a managed database
//! server), or the service runs in the host's network (`network_mode: host`, where the database
//! container's port is the host's). An address may be a container's on the project's network.
//! Beside `DB_HOST=postgres`, the example's own layout, the password guards a port only the
//! project's containers reach: nothing is said.
//!
//! ## Why is this bad?
//! Anyone can read the password in netbox-docker's repository; a database that answers beyond
//! the project's containers then lets anyone who reaches it in as NetBox's user.
//!
//! ## Example
//! `DB_HOST=netbox.postgres.database.azure.com` with `DB_PASSWORD=J5brHrAXFLQSif0K`.
//!
//! Use instead: a password of your own, in `env/netbox.env` and the database's.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// netbox-docker's example database password, where the database is reached beyond the project.
pub const DB_PASSWORD_PUBLIC_EXAMPLE: Rule = Rule {
    id: "netbox/db-password-public-example",
    severity: Severity::Warning,
    summary: "netbox-docker's published example database password (`J5brHrAXFLQSif0K`) where the database is reached beyond the project's own network (`DB_HOST` a domain name, or `network_mode: host`): anyone can read it in netbox-docker's repository",
    help: "set a password of your own for the database (`DB_PASSWORD`, and the database's own: `POSTGRES_PASSWORD`, or the server's user)",
    fact: "netbox-docker env/netbox.env L4 `DB_PASSWORD=J5brHrAXFLQSif0K` and env/postgres.env `POSTGRES_PASSWORD=J5brHrAXFLQSif0K` (tags 1.0.0 to 3.0.2), read into DATABASE['PASSWORD'] by configuration/configuration.py L70 (3.0.2); its docker-compose.yml puts the database in a container on the project's network, reached as `postgres`; Docker's network_mode `host` puts a container in the host's network namespace. Seen in tests/realworld/tuning/t131-… (a managed PostgreSQL server) and t133-… (network_mode: host)",
    applies: Applies::Always,
};

/// The password netbox-docker's example env files publish.
const EXAMPLE_PASSWORD: &str = "J5brHrAXFLQSif0K";

pub fn db_password_public_example(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(password) = nb.environment_variable("DB_PASSWORD") else { return };
    if password.value.as_str() != Some(EXAMPLE_PASSWORD) {
        return;
    }
    let host = nb.environment_variable("DB_HOST").and_then(|h| h.value.as_str()).unwrap_or("localhost");
    // A domain name (its last label has a letter): an address may be a container's on the
    // project's network (a static `ipv4_address`).
    let domain = host.contains('.') && host.rsplit('.').next().is_some_and(|tld| tld.chars().any(|c| c.is_ascii_alphabetic()));
    let beyond = if nb.runs_in_the_hosts_network() {
        "the service runs in the host's network (`network_mode: host`), where the database container's port is the host's".to_string()
    } else if domain {
        format!("the database is `{}`, a server reached by a domain name beyond the project's own network", host.escape_debug())
    } else {
        return;
    };
    out.push(Finding::in_block(
        &DB_PASSWORD_PUBLIC_EXAMPLE,
        password.block,
        password.value.range.clone(),
        format!("`DB_PASSWORD` is the example password netbox-docker publishes in its env/netbox.env, and {beyond}: anyone who reaches it can sign in to the database as NetBox"),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_fires_in_chapter, assert_quiet_in_chapter};

    fn chapter(env: &str, service: &str) -> String {
        format!(
            "# t\n\n```sh,check=env,file=netbox.env\n{env}```\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.1\n    env_file: netbox.env\n{service}```\n"
        )
    }

    /// A managed database server (t131), the host's network (t133); the example's own layout
    /// (a `postgres` container) or a password of one's own: quiet.
    #[test]
    fn the_example_password_beyond_the_project() {
        assert_fires_in_chapter("netbox/db-password-public-example", &chapter("DB_HOST=nb.postgres.database.azure.com\nDB_PASSWORD=J5brHrAXFLQSif0K\n", ""), 2);
        assert_fires_in_chapter("netbox/db-password-public-example", &chapter("DB_HOST=localhost\nDB_PASSWORD=J5brHrAXFLQSif0K\n", "    network_mode: host\n"), 2);
        assert_quiet_in_chapter("netbox/db-password-public-example", &chapter("DB_HOST=postgres\nDB_PASSWORD=J5brHrAXFLQSif0K\n", ""));
        assert_quiet_in_chapter("netbox/db-password-public-example", &chapter("DB_HOST=db.example.org\nDB_PASSWORD=Kv7pQ2wR9sLx4\n", ""));
        // An address (a static one on the project's network), another container's namespace.
        assert_quiet_in_chapter("netbox/db-password-public-example", &chapter("DB_HOST=172.20.0.5\nDB_PASSWORD=J5brHrAXFLQSif0K\n", ""));
        assert_quiet_in_chapter("netbox/db-password-public-example", &chapter("DB_HOST=localhost\nDB_PASSWORD=J5brHrAXFLQSif0K\n", "    network_mode: service:tailscale\n"));
    }
}
