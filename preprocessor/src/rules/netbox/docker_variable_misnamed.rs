//! `netbox/docker-variable-misnamed`: a netbox-docker environment variable under a name no
//! release of netbox-docker reads, where it reads the setting from a name close to it.
//!
//! ## What it does
//! In netbox-docker's environment (its `env/netbox.env`, a Compose `env_file:` or `environment:`
//! of its image, or an environment file checked alone), finds a variable that no netbox-docker
//! release reads, neither its configuration nor its scripts (`data/netbox-docker-variables.json`),
//! and no Python file shown reads either, when it is one of:
//! - Django's own name for a setting netbox-docker takes from another variable (`EMAIL_HOST`
//!   for `EMAIL_SERVER`, `EMAIL_HOST_USER` for `EMAIL_USERNAME`, `DEFAULT_FROM_EMAIL` for
//!   `EMAIL_FROM`), NetBox's own (`API_TOKEN_PEPPERS`, which netbox-docker builds from
//!   `API_TOKEN_PEPPER_1`), or a shorter spelling of its switch (`EMAIL_TLS` for `EMAIL_USE_TLS`);
//! - a variable netbox-docker's configuration reads, with a `NETBOX_` prefix
//!   (`NETBOX_CENSUS_REPORTING_ENABLED`);
//! - one slip (a letter added, lost, changed or swapped) from such a variable, in a name of eight
//!   to 48 letters (`CSRF_TRUSTED_ORIGIN`, `TIMEZONE`), not in its number (`API_TOKEN_PEPPER_0`).
//!
//! Not judged: where the variable it was meant for is set too, or is a password netbox-docker
//! reads from a Docker secret first; a name a Python file shown looks up (`environ.get('X')`,
//! anywhere in it) or Compose interpolates into a service (`--requirepass ${REDIS_PASS}`);
//! linuxserver's image and another image than netbox-docker's, and linuxserver's own names
//! (`ALLOWED_HOST`: a mix-up of images); a prefixed name where a configuration file not shown
//! may read it; an environment file checked alone whose name does not say `netbox` (PostgreSQL's
//! or Redis's); a Python file that may bind names unseen; `SUPERUSER_*` and `SOCIAL_AUTH_*`
//! names, which `docker-superuser-variable-unread` and `env-social-auth-unread` judge.
//!
//! ## Why is this bad?
//! netbox-docker's `configuration.py` builds NetBox's settings from the variables it names, each
//! with a default: the value under the other name never reaches NetBox, which keeps the default
//! (mail goes to `localhost`, census reporting stays on) without a word.
//!
//! ## Example
//! `EMAIL_HOST=smtp.example.net` in `env/netbox.env`.
//!
//! Use instead: `EMAIL_SERVER=smtp.example.net`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::Setting;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A variable netbox-docker never reads, near one it does.
pub const DOCKER_VARIABLE_MISNAMED: Rule = Rule {
    id: "netbox/docker-variable-misnamed",
    severity: Severity::Warning,
    summary: "a variable of netbox-docker's environment that no netbox-docker release reads, under Django's or NetBox's name for a setting netbox-docker takes from another variable (`EMAIL_HOST` for `EMAIL_SERVER`, `API_TOKEN_PEPPERS` for `API_TOKEN_PEPPER_1`) or another spelling (`EMAIL_TLS`), with a `NETBOX_` prefix, or one slip from a variable it reads: the value never reaches NetBox, which keeps its default",
    help: "rename the variable to the one netbox-docker reads",
    fact: "netbox-docker's configuration/configuration.py builds NetBox's settings from named variables with defaults (3.0.2 L171-182: EMAIL from EMAIL_SERVER, default 'localhost', EMAIL_PORT, EMAIL_USERNAME, EMAIL_PASSWORD, EMAIL_USE_SSL, EMAIL_USE_TLS, EMAIL_SSL_CERTFILE, EMAIL_SSL_KEYFILE, EMAIL_TIMEOUT, EMAIL_FROM; `if 'CENSUS_REPORTING_ENABLED' in environ`), and NetBox takes EMAIL as a dict of SERVER, PORT, USERNAME, PASSWORD, USE_SSL, USE_TLS, TIMEOUT, FROM_EMAIL (netbox/netbox/settings.py, NetBox 4.6.8), never Django's EMAIL_HOST or EMAIL_HOST_USER from the environment; netbox-docker's newest configuration.py (index id 63285808499, the inventory's `later`) reads API_TOKEN_PEPPER_1 and no API_TOKEN_PEPPERS, building NetBox's API_TOKEN_PEPPERS from it alone (`API_TOKEN_PEPPERS = {}`, then `_read_secret('api_token_pepper_1', environ.get('API_TOKEN_PEPPER_1', ''))`, the same lines as L133-135 of a fork of netbox-docker 5.0.1 read here), and no release reads a variable API_TOKEN_PEPPERS. The names each tag 0.3.1 to 3.0.2 reads (configuration and scripts) and those the newest configuration.py reads (index id 63285808499; its scripts are not read) are data/netbox-docker-variables.json (tools/inventories/netbox_docker_variables.py). Seen in tests/realworld/tuning/t206-… (EMAIL_HOST and EMAIL_TLS), t125-… (REMOTE_AUTH_ENABLE) and t229-… (API_TOKEN_PEPPERS)",
    applies: Applies::Always,
};

/// Names netbox-docker never reads, each with the one it reads for that setting, and whether it
/// is Django's own setting name (django/conf/global_settings.py), else another spelling.
const SPELLED_OTHERWISE: &[(&str, &str, Slip)] = &[
    ("EMAIL_HOST", "EMAIL_SERVER", Slip::Django),
    ("EMAIL_HOST_USER", "EMAIL_USERNAME", Slip::Django),
    ("EMAIL_HOST_PASSWORD", "EMAIL_PASSWORD", Slip::Django),
    ("DEFAULT_FROM_EMAIL", "EMAIL_FROM", Slip::Django),
    // NetBox's setting (a dict of peppers), which netbox-docker builds from the numbered slot.
    ("API_TOKEN_PEPPERS", "API_TOKEN_PEPPER_1", Slip::NetBox),
    ("EMAIL_USER", "EMAIL_USERNAME", Slip::Spelling),
    ("EMAIL_FROM_EMAIL", "EMAIL_FROM", Slip::Spelling),
    ("EMAIL_TLS", "EMAIL_USE_TLS", Slip::Spelling),
    ("EMAIL_STARTTLS", "EMAIL_USE_TLS", Slip::Spelling),
    ("EMAIL_SSL", "EMAIL_USE_SSL", Slip::Spelling),
    ("DB_USERNAME", "DB_USER", Slip::Spelling),
    ("DB_DATABASE", "DB_NAME", Slip::Spelling),
    ("DB_PASS", "DB_PASSWORD", Slip::Spelling),
    ("REDIS_PASS", "REDIS_PASSWORD", Slip::Spelling),
    ("REDIS_CACHE_PASS", "REDIS_CACHE_PASSWORD", Slip::Spelling),
];
/// Names left to the rules that judge them with more knowledge.
const JUDGED_ELSEWHERE: &[&str] = &["SUPERUSER_", "SOCIAL_AUTH_"];

#[derive(serde::Deserialize, Default)]
struct Inventory {
    /// The releases, oldest first (`later`: the newest configuration.py, after the clone's tags).
    releases: Vec<String>,
    /// Each name with the releases whose configuration reads it (`[first, last]` runs).
    configuration: HashMap<String, Vec<[String; 2]>>,
    /// Each name the scripts (entrypoint, launch, housekeeping) expand.
    scripts: HashMap<String, Vec<[String; 2]>>,
}

impl Inventory {
    /// Whether the newest releases' configuration still reads the name: only such a name is
    /// suggested (`BASE_PATH`, read up to 2.5.3, is not).
    fn read_now(&self, name: &str) -> bool {
        let newest = &self.releases[self.releases.len().saturating_sub(2)..];
        self.configuration.get(name).and_then(|runs| runs.last()).is_some_and(|[_, last]| newest.contains(last))
    }
}

/// `data/netbox-docker-variables.json`, parsed on first use.
static READ: LazyLock<Inventory> =
    LazyLock::new(|| serde_json::from_str(include_str!("../../../data/netbox-docker-variables.json")).unwrap_or_default());

pub fn docker_variable_misnamed(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    // Another image reads other names (linuxserver's writes its configuration from its own).
    let stock = nb.stock_configuration();
    if stock.is_some_and(|stock| stock.linuxserver_image || stock.published_image == Some(false))
        || nb.some_file_may_set_unseen_names()
    {
        return;
    }
    let set: HashSet<&str> = nb.environment_names().collect();
    for var in nb.environment() {
        let name = var.name.as_str();
        // Read by netbox-docker, left to another rule, looked up by a Python file shown, set
        // as a setting of that name, or a value Compose puts into a service's command or
        // environment (`--requirepass ${REDIS_PASS}`): not unread.
        if READ.configuration.contains_key(name)
            || READ.scripts.contains_key(name)
            || JUDGED_ELSEWHERE.iter().any(|prefix| name.starts_with(prefix))
            || nb.looks_up_variable(name)
            || nb.get(name).is_some_and(|setting| !nb.is_from_environment(setting))
            || nb.interpolates_variable(name)
        {
            continue;
        }
        // An environment file checked alone, with no compose file to say whose it is: only
        // NetBox's own (`env/netbox.env`), not PostgreSQL's or Redis's beside it.
        if stock.is_none() && nb.file_of(var.block).is_some_and(|file| !file.rsplit('/').next().unwrap_or(file).contains("netbox")) {
            continue;
        }
        // linuxserver's image reads some of these names (`ALLOWED_HOST`): a mix-up of images,
        // not a slip of the pen.
        if crate::parse::env::LINUXSERVER.iter().any(|(linuxserver, ..)| *linuxserver == name) {
            continue;
        }
        let Some((meant, how)) = meant_for(name) else { continue };
        // A prefixed name is what a configuration file of one's own often reads (t71's
        // `NETBOX_BASE_PATH`): judged only where the configuration that runs is all known. A
        // password netbox-docker reads from a Docker secret first is not lost.
        let from_secret = meant.ends_with("PASSWORD") && stock.is_some_and(|stock| stock.secrets);
        if set.contains(meant) || from_secret || (matches!(how, Slip::Prefix) && !nb.configuration_known()) {
            continue;
        }
        out.push(finding(var, meant, how, nb.configuration_known()));
    }
}

/// How the name came apart from the one netbox-docker reads.
#[derive(Clone, Copy)]
enum Slip {
    Django,
    NetBox,
    Spelling,
    Prefix,
    Typo,
}

/// The variable netbox-docker reads that `name` was meant to be.
fn meant_for(name: &str) -> Option<(&'static str, Slip)> {
    if let Some(&(_, meant, how)) = SPELLED_OTHERWISE.iter().find(|(other, ..)| *other == name) {
        return Some((meant, how));
    }
    if let Some(meant) = name.strip_prefix("NETBOX_").and_then(static_name) {
        return Some((meant, Slip::Prefix));
    }
    // A slip is judged in names of eight letters or more, and not in long ones (no variable
    // netbox-docker reads has 40 letters): the comparison stays cheap.
    if !(8..=48).contains(&name.len()) {
        return None;
    }
    // Names that differ in their number only are numbered slots (`API_TOKEN_PEPPER_0` or `_10`
    // beside netbox-docker's `_1`), which an add-on reads on purpose.
    let unnumbered = |n: &str| n.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let slot = |read: &str| unnumbered(read) == unnumbered(name) && read[..unnumbered(read)] == name[..unnumbered(name)];
    let mut near = CURRENT.iter().filter(|read| {
        read.len().abs_diff(name.len()) <= 1 && !slot(read) && crate::spelling::distance(name, read) == 1
    });
    match (near.next(), near.next()) {
        (Some(meant), None) => Some((meant, Slip::Typo)),
        _ => None,
    }
}

/// The names the newest releases' configuration reads, listed once.
static CURRENT: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| READ.configuration.keys().filter(|name| READ.read_now(name)).map(String::as_str).collect());

/// The inventory's own copy of a name the newest releases read (it lives as long as the program).
fn static_name(name: &str) -> Option<&'static str> {
    READ.configuration.get_key_value(name).filter(|(k, _)| READ.read_now(k)).map(|(k, _)| k.as_str())
}

fn finding(var: &Setting, meant: &str, how: Slip, configuration_known: bool) -> Finding {
    let name = var.name.escape_debug();
    let why = match how {
        Slip::Django => format!("`{name}` is Django's own setting name; netbox-docker reads `{meant}`"),
        Slip::NetBox => format!("`{name}` is NetBox's own setting name, which netbox-docker builds from `{meant}`"),
        Slip::Spelling => format!("it reads `{meant}`"),
        Slip::Prefix => format!("it reads `{meant}`, without the `NETBOX_` prefix"),
        Slip::Typo => format!("it reads `{meant}`, one letter apart"),
    };
    Finding::in_block(
        &DOCKER_VARIABLE_MISNAMED,
        var.block,
        var.name_range.clone(),
        format!(
            "no netbox-docker release reads `{name}` ({why}): this value never reaches NetBox, which keeps netbox-docker's default for `{meant}`{}",
            if configuration_known { "" } else { ", unless a configuration file not checked here reads it" }
        ),
    )
    .with_help(format!("rename `{name}` to `{meant}`"))
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_fires_in_chapter, assert_quiet_in_chapter, fired_chapter_lines};
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted};

    const RULE: &str = "netbox/docker-variable-misnamed";

    /// An environment file checked alone (a finding's line is the block's).
    fn env(variables: &str) -> String {
        format!("# t\n\n```sh,check=env,file=env/netbox.env\n{variables}```\n")
    }

    /// A name of any length costs a bounded comparison (linear in the environment).
    #[test]
    fn long_names_are_not_compared() {
        assert!(super::meant_for(&"A".repeat(200_000)).is_none());
        assert_eq!(super::meant_for("TIMEZONE").map(|(meant, _)| meant), Some("TIME_ZONE"));
    }

    /// t206's shape: Django's mail names; t169's: a prefixed name; a slip.
    #[test]
    fn fires_on_names_netbox_docker_never_reads() {
        let mail = env("EMAIL_HOST=smtp.example.net\nEMAIL_PORT=587\nEMAIL_TLS=true\n");
        assert_eq!(fired_chapter_lines(RULE, &mail), [1, 3]);
        let found = crate::rules::testing::diagnostics(&mail, &crate::config::Settings::default());
        let message = &found.iter().find(|d| d.rule == RULE).unwrap().message;
        assert!(message.contains("no netbox-docker release reads `EMAIL_HOST` (`EMAIL_HOST` is Django's own setting name; netbox-docker reads `EMAIL_SERVER`)"), "{message}");
        // A prefixed name, where the configuration that runs is netbox-docker's image's as
        // shipped (a whole project, nothing mounted); an add-on of one's own may read it elsewhere.
        let project = |variable: &str| {
            format!("# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n    environment:\n      {variable}\n```\n")
        };
        assert_fires_linted(RULE, &project("NETBOX_CENSUS_REPORTING_ENABLED: \"false\""), 5);
        assert_quiet_in_chapter(RULE, &env("NETBOX_CENSUS_REPORTING_ENABLED=false\n"));
        // One no current release reads is not suggested (`BASE_PATH`, up to 2.5.3).
        assert_quiet_linted(RULE, &project("NETBOX_BASE_PATH: /netbox/"));
        assert_fires_in_chapter(RULE, &env("DB_HOST=postgres\nCSRF_TRUSTED_ORIGIN=https://netbox.example.net\n"), 2);
        assert_fires_in_chapter("netbox/docker-variable-misnamed", &env("TIMEZONE=Europe/Berlin\n"), 1);
        // t229's shape: NetBox's own name for the peppers, not the slot netbox-docker reads.
        let peppers = env("DB_HOST=postgres\nAPI_TOKEN_PEPPERS=RwcG9g+WH@G:Hw1}s2<2<BgClDlU9q_[==aE@Z6wbyBHg%EA[R\n");
        assert_fires_in_chapter(RULE, &peppers, 2);
        let found = crate::rules::testing::diagnostics(&peppers, &crate::config::Settings::default());
        let message = &found.iter().find(|d| d.rule == RULE).unwrap().message;
        assert!(message.contains("`API_TOKEN_PEPPERS` is NetBox's own setting name, which netbox-docker builds from `API_TOKEN_PEPPER_1`"), "{message}");
        assert_quiet_in_chapter(RULE, &env("API_TOKEN_PEPPERS=a\nAPI_TOKEN_PEPPER_1=a\n"));
        // In a Compose file's environment of netbox-docker's image.
        let compose = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n    environment:\n      EMAIL_HOST: smtp.example.net\n```\n";
        assert_fires_in_chapter(RULE, compose, 5);
    }

    #[test]
    fn quiet_where_the_name_is_read_or_meant_for_something_else() {
        // Names netbox-docker reads, and names near none.
        assert_quiet_in_chapter(RULE, &env("EMAIL_SERVER=smtp\nEMAIL_USE_TLS=true\nDB_HOST=postgres\nTZ=UTC\nNETBOX_URL=https://n\nPOSTGRES_PASSWORD=x\n"));
        // Both names set: the one read holds the value.
        assert_quiet_in_chapter("netbox/docker-variable-misnamed", &env("EMAIL_HOST=smtp\nEMAIL_SERVER=smtp\n"));
        // Left to the superuser and the social-auth rules; linuxserver's names; numbered slots.
        assert_quiet_in_chapter(RULE, &env("SUPERUSER_PASS=x\nSOCIAL_AUTH_OIDC_KEYS=y\n"));
        assert_quiet_in_chapter(RULE, &env("ALLOWED_HOST=*\nAPI_TOKEN_PEPPER_0=p\nLOG_LEVEL=DEBUG\n"));
        // A Python file shown reads it.
        let read = format!(
            "{}\n```python,check=netbox,file=configuration/extra.py\nfrom os import environ\nEMAIL = {{'SERVER': environ.get('EMAIL_HOST')}}\n```\n",
            env("EMAIL_HOST=smtp\n")
        );
        assert_quiet_in_chapter(RULE, &read);
        // A Python file shown reads it into a setting of another name, or in a function.
        for python in [
            "from os import environ\nTIME_ZONE = environ.get('TIMEZONE', 'UTC')\n",
            "import os\n\ndef mail():\n    return os.getenv(\n        \"EMAIL_HOST\"\n    )\n",
        ] {
            let chapter = format!(
                "{}\n```python,check=netbox,file=configuration/extra.py\n{python}```\n",
                env("TIMEZONE=Europe/Berlin\nEMAIL_HOST=smtp\n")
            );
            let lines = fired_chapter_lines(RULE, &chapter);
            assert!(lines.len() == 1, "{lines:?}\n{chapter}");
        }
        // Compose puts it into another service (`--requirepass ${REDIS_PASS}`), or a Docker
        // secret gives the password netbox-docker reads first.
        let compose = |netbox: &str| {
            format!("# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n{netbox}    environment:\n      REDIS_PASS: s3cret\n  redis:\n    image: valkey/valkey:8.1-alpine\n    command: valkey-server --requirepass ${{REDIS_PASS}}\n```\n")
        };
        assert_quiet_in_chapter(RULE, &compose(""));
        let secret = compose("").replace("${REDIS_PASS}", "x").replace("    environment:\n", "    secrets: [redis_password]\n    environment:\n");
        assert_quiet_in_chapter(RULE, &secret);
        assert_fires_in_chapter(RULE, &compose("").replace("${REDIS_PASS}", "x"), 5);
        // Another service's environment file checked alone; a numbered slot.
        let postgres = "# t\n\n```sh,check=env,file=env/postgres.env\nDB_PASS=x\nDB_DATABASE=netbox\n```\n";
        assert_quiet_in_chapter(RULE, postgres);
        assert_quiet_in_chapter(RULE, &env("API_TOKEN_PEPPER_10=p\n"));
        // linuxserver's image reads its own names.
        let linuxserver = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: lscr.io/linuxserver/netbox:4.4.1\n    environment:\n      EMAIL_HOST: smtp.example.net\n```\n";
        assert_quiet_in_chapter(RULE, linuxserver);
    }
}
