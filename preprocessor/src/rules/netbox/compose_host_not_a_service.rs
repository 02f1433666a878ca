//! `netbox/compose-host-not-a-service`: NetBox's database or Redis host is a name no service of
//! its Compose project answers to.
//!
//! ## What it does
//! In a whole Compose project, takes the hosts NetBox connects to from its image's environment:
//! netbox-docker's `DB_HOST`, `REDIS_HOST` and `REDIS_CACHE_HOST` as set; linuxserver's `DB_HOST`
//! and `REDIS_HOST`, or the `postgres` and `redis` its image writes when they are not set. A bare
//! name (no dot, not `localhost`) that is no service's name, `hostname:`, `container_name:` or
//! network alias does not resolve on the project's network.
//!
//! A container's own name counts (`project-postgres-1`, a Swarm stack's `stack_postgres`), as do
//! `hostname:` values (counted although Docker's DNS may not answer them). Quiet where a name may
//! resolve beyond the project: a network declared `external:` or given a `name:` (other projects'
//! containers), `links:`, `external_links:`, `extra_hosts:`, `network_mode:`, `dns:` or
//! `dns_search:` on the `netbox` service; where services come from files not read (`include:`,
//! `extends:`, merge keys, or a `depends_on:` or `networks:` naming a service or network none of the files defines,
//! which Compose refuses as it is: an excerpt, or a file not read; or a `netbox` service alone
//! with no port, network or proxy route, which no one could reach: an excerpt of a thread); where Redis is reached
//! through Sentinels (`REDIS_SENTINELS`, its host is then not used); and where a Python file of
//! one's own sets `DATABASE` or `REDIS` (the variables are then not what NetBox reads). Docker's
//! DNS also asks the host's resolvers, with the host's search domains: a name a LAN's DNS knows
//! resolves too, hence a warning.
//!
//! ## Why is this bad?
//! Unless a DNS server beyond the project knows the name, NetBox cannot reach its database or
//! Redis: migrations, every page and the background worker fail with a name-resolution error.
//!
//! ## Example
//! `REDIS_HOST=redis` in a project whose services are `netbox`, `netbox-worker` and `postgres`.
//!
//! Use instead: add the service (netbox-docker's `redis` and `redis-cache`), or name the host the
//! database or Redis really runs on.

use crate::finding::{BlockId, Finding, Rule, Severity};
use crate::parse::netbox::Setting;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};
use std::collections::HashSet;
use std::ops::Range;

/// Where a finding goes: a block and a range in it.
type Place = (BlockId, Range<usize>);

/// NetBox's database or Redis host is a name no service of its Compose project answers to.
pub const COMPOSE_HOST_NOT_A_SERVICE: Rule = Rule {
    id: "netbox/compose-host-not-a-service",
    severity: Severity::Warning,
    summary: "In a whole Compose project, the host NetBox's image connects to for its database or Redis (`DB_HOST`, `REDIS_HOST`, `REDIS_CACHE_HOST`, or linuxserver's defaults `postgres` and `redis`) is a bare name no service answers to: unless a DNS server beyond the project knows it, NetBox cannot connect",
    help: "add the service that runs PostgreSQL or Redis under that name (netbox-docker's docker-compose.yml has `postgres`, `redis` and `redis-cache`), or set the variable to the host it really runs on",
    fact: "Docker Compose's networking: each service joins the project's network and is reachable there by its service name, its network aliases and its container's name (Compose v2 names containers `<project>-<service>-<n>`); Docker's embedded DNS forwards other names to the host's resolvers (with the host's search domains, or `dns:`/`dns_search:`); a network given a `name:` is joined when it exists (docker/compose pkg/compose/create.go resolveOrCreateNetwork). netbox-docker 3.0.2 configuration/configuration.py L72 (DATABASE HOST from DB_HOST), L87 and L99 (REDIS tasks and caching HOST from REDIS_HOST and REDIS_CACHE_HOST); netbox-docker 3.0.2 configuration.py L89 and L101: REDIS_SENTINELS and REDIS_CACHE_SENTINELS, which NetBox uses instead of HOST (settings.py, 4.7). linuxserver/docker-netbox c710945 init-netbox-config/run L15 (`${DB_HOST:-postgres}`) and L17 (`${REDIS_HOST:-redis}`), written into /config/configuration.py on a first start (L34-41). NetBox requires both the database and Redis (netbox/netbox/settings.py, 4.6.8: REDIS is a required parameter). Seen in tests/realworld/tuning/t131-… (no Redis service) and t174-… (linuxserver's defaults, no database or Redis service)",
    applies: Applies::Always,
};

pub fn compose_host_not_a_service(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some(services) = nb.whole_project_services() else { return };
    // A `netbox` service alone that no one can reach (no port, network, proxy route or other
    // service) is an excerpt whose other services were left out (h357, h414).
    if services.elsewhere || services.services_elsewhere || services.names_beyond || services.netbox_alone_unreachable() {
        return;
    }
    let names: HashSet<&str> = services.names.iter().map(String::as_str).collect();
    // Each service once, as written (for the message) and in lower case (for containers' names).
    let mut service_names: Vec<&str> = Vec::new();
    let mut seen = HashSet::new();
    for service in &services.shown {
        if seen.insert(service.name.as_str()) {
            service_names.push(&service.name);
        }
    }
    let lower: Vec<String> = service_names.iter().map(|name| name.to_ascii_lowercase()).collect();
    let answered = |host: &str| {
        let host = host.to_ascii_lowercase();
        names.contains(host.as_str()) || lower.iter().any(|service| is_container_of(&host, service))
    };
    // Where a host written as the image's default is reported: the `netbox` service's image.
    let image = services.netbox_image_place();
    let mut missing: Vec<Missing> = Vec::new();
    let mut judge = |what: &'static str, host: Option<&str>, place: Option<Place>, defaulted: Option<Defaulted>| {
        let (Some(host), Some(place)) = (host.map(str::trim), place) else { return };
        if is_service_name(host) && !answered(host) {
            missing.push(Missing { what, host: host.to_owned(), place, defaulted });
        }
    };
    let at = |setting: &Setting| Some((setting.block, setting.value.range.clone()));
    if nb.renders_linuxserver_configuration() {
        for (variable, what) in [("DB_HOST", "database"), ("REDIS_HOST", "Redis")] {
            let complete = nb.linuxserver_environment_complete() && !nb.linuxserver_variable_from_file(variable);
            let default = crate::parse::env::linuxserver_default(variable);
            match nb.linuxserver_variable(variable) {
                // Empty: the image's `${DB_HOST:-postgres}` takes it for unset (corpus case t184).
                Some(setting) if complete && setting.value.as_str() == Some("") => {
                    judge(what, default, at(setting), Some(Defaulted { variable, empty: true }));
                }
                Some(setting) => judge(what, setting.value.as_str(), at(setting), None),
                None if complete => judge(what, default, image.clone(), Some(Defaulted { variable, empty: false })),
                None => {}
            }
        }
    } else {
        // A configuration of one's own that sets the connection itself does not read these.
        let own = |name: &str| nb.get(name).is_some_and(|setting| !nb.is_netbox_docker_own(setting) && !nb.is_from_environment(setting));
        if !own("DATABASE") && !own("DATABASES") {
            let db = nb.environment_variable("DB_HOST");
            judge("database", db.and_then(|s| s.value.as_str()), db.and_then(at), None);
        }
        if !own("REDIS") {
            // With Sentinels, NetBox asks them for the master: the host is not used.
            for (variable, sentinels) in [("REDIS_HOST", "REDIS_SENTINELS"), ("REDIS_CACHE_HOST", "REDIS_CACHE_SENTINELS")] {
                if nb.environment_variable(sentinels).is_some_and(|s| s.value.as_str() != Some("")) {
                    continue;
                }
                let redis = nb.environment_variable(variable);
                judge("Redis", redis.and_then(|s| s.value.as_str()), redis.and_then(at), None);
            }
        }
    }
    let services_said = service_names.iter().map(|name| format!("`{}`", name.escape_debug())).collect::<Vec<_>>().join(", ");
    // One finding per thing NetBox connects to (Redis's two hosts at the first missing one), and
    // one per place (linuxserver's two defaults both at the image).
    let mut reported: Vec<(Place, Vec<String>, Vec<Defaulted>)> = Vec::new();
    for what in ["database", "Redis"] {
        let group: Vec<&Missing> = missing.iter().filter(|m| m.what == what).collect();
        let Some(first) = group.first() else { continue };
        let mut hosts: Vec<&str> = Vec::new();
        for m in &group {
            if !hosts.contains(&m.host.as_str()) {
                hosts.push(&m.host);
            }
        }
        let written = hosts.iter().map(|host| format!("`{}`", host.escape_debug())).collect::<Vec<_>>().join(" and ");
        let said = format!("its {what} host{} {written}", if hosts.len() > 1 { "s" } else { "" });
        let defaulted = group.iter().filter_map(|m| m.defaulted);
        match reported.iter_mut().find(|(at, ..)| *at == first.place) {
            Some((_, saids, variables)) => {
                saids.push(said);
                variables.extend(defaulted);
            }
            None => reported.push((first.place.clone(), vec![said], defaulted.collect())),
        }
    }
    for ((block, range), saids, defaulted) in reported {
        let default = if defaulted.is_empty() {
            String::new()
        } else {
            let unset = defaulted
                .iter()
                .map(|d| if d.empty { format!("`{}` empty", d.variable) } else { format!("no `{}`", d.variable) })
                .collect::<Vec<_>>()
                .join(" and ");
            let empty = if defaulted.iter().any(|d| d.empty) { " (its `${NAME:-default}` takes an empty value for none)" } else { "" };
            format!("this is linuxserver's image, and its environment sets {unset}: on a first start the image writes its defaults into /config/configuration.py{empty}, and ")
        };
        out.push(Finding::in_block(
            &COMPOSE_HOST_NOT_A_SERVICE,
            block,
            range,
            format!(
                "{default}NetBox connects to {}, which no service of this Compose project answers to (its services: {services_said}): unless a DNS server beyond the project knows the name, NetBox cannot connect",
                saids.join(" and ")
            ),
        ));
    }
}

/// A host NetBox connects to that no service answers to.
struct Missing {
    /// What NetBox connects to there: "database" or "Redis".
    what: &'static str,
    host: String,
    place: Place,
    /// The image's variable whose default the host is, when it is one.
    defaulted: Option<Defaulted>,
}

/// A linuxserver variable whose default the image writes: unset, or set empty.
#[derive(Clone, Copy)]
struct Defaulted {
    variable: &'static str,
    empty: bool,
}

/// Whether a host is a container's name of a service: Compose v2's `<project>-<service>-<n>`,
/// v1's `<project>_<service>_<n>`, a Swarm stack's `<stack>_<service>` (each in lower case).
fn is_container_of(host: &str, service: &str) -> bool {
    let numbered = |sep: char| {
        host.rsplit_once(sep).is_some_and(|(rest, n)| {
            !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && rest.strip_suffix(service).is_some_and(|p| p.ends_with(sep))
        })
    };
    numbered('-') || numbered('_') || host.strip_suffix(service).is_some_and(|p| p.len() > 1 && p.ends_with('_'))
}

/// A bare name Compose's DNS would answer for a service: no dot (a domain or an address), no
/// port or variable, not the container itself.
fn is_service_name(host: &str) -> bool {
    !host.is_empty()
        && !host.eq_ignore_ascii_case("localhost")
        && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !host.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, linted};

    const RULE: &str = "netbox/compose-host-not-a-service";

    fn netbox_docker(env: &str, more: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n    environment:\n{env}  postgres:\n    image: postgres:17-alpine\n{more}```\n"
        )
    }

    fn lines(chapter: &str) -> Vec<usize> {
        linted(RULE, chapter).into_iter().map(|(line, _)| line).collect()
    }

    /// t131's shape: Redis's hosts name no service (one finding, at REDIS_HOST); the database's
    /// does.
    #[test]
    fn a_host_no_service_answers_to() {
        let chapter = netbox_docker("      DB_HOST: postgres\n      REDIS_HOST: redis\n      REDIS_CACHE_HOST: redis-cache\n", "");
        assert_eq!(lines(&chapter), [6]);
        assert_fires_linted("netbox/compose-host-not-a-service", &chapter, 6);
        assert!(linted(RULE, &chapter)[0].1.contains("`redis` and `redis-cache`"), "{:?}", linted(RULE, &chapter));
        // One host named twice is said once.
        let twice = netbox_docker("      REDIS_HOST: redis\n      REDIS_CACHE_HOST: redis\n", "");
        assert!(linted(RULE, &twice)[0].1.contains("Redis host `redis`,"), "{:?}", linted(RULE, &twice));
        assert_eq!(lines(&netbox_docker("      DB_HOST: db\n", "")), [5]);
    }

    /// t174's shape: linuxserver's image with no DB_HOST or REDIS_HOST writes `postgres` and
    /// `redis`; neither is a service: one finding, at the image.
    #[test]
    fn linuxservers_defaults_no_service_answers_to() {
        let chapter = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: lscr.io/linuxserver/netbox:latest\n    environment:\n      - ALLOWED_HOST=netbox.example.org\n  traefik:\n    image: traefik:v3.5\n```\n";
        let got = linted(RULE, chapter);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, 3);
        assert!(got[0].1.contains("database host `postgres` and its Redis host `redis`"), "{got:?}");
        assert!(got[0].1.contains("sets no `DB_HOST` and no `REDIS_HOST`"), "{got:?}");
        // DB_HOST set (to a name no service answers to), REDIS_HOST left to the image: each said.
        let db_set = chapter.replace("      - ALLOWED_HOST=netbox.example.org\n", "      - ALLOWED_HOST=netbox.example.org\n      - DB_HOST=db\n");
        let got = linted(RULE, &db_set);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().any(|(_, m)| m.contains("sets no `REDIS_HOST`") && !m.contains("DB_HOST")), "{got:?}");
        // Set empty (corpus case t184): the image's `:-` writes its default, said at each line.
        let empty = chapter.replace("      - ALLOWED_HOST=netbox.example.org\n", "      - ALLOWED_HOST=netbox.example.org\n      - DB_HOST=\n      - REDIS_HOST=\n");
        let got = linted(RULE, &empty);
        assert_eq!(got.iter().map(|(line, _)| *line).collect::<Vec<_>>(), [6, 7], "{got:?}");
        assert!(got[0].1.contains("sets `DB_HOST` empty") && got[0].1.contains("takes an empty value for none"), "{got:?}");
        // With both services, quiet.
        let both = chapter.replace("  traefik:\n    image: traefik:v3.5\n", "  postgres:\n    image: postgres:17\n  redis:\n    image: redis:7\n");
        assert_quiet_linted("netbox/compose-host-not-a-service", &both);
    }

    #[test]
    fn quiet_where_the_name_is_a_services_or_may_resolve_beyond_the_project() {
        let env = "      DB_HOST: database\n      REDIS_HOST: cache\n";
        // A service's name, container name, hostname or alias.
        let named = "  redis:\n    image: redis:7\n    container_name: cache\n";
        assert_eq!(lines(&netbox_docker(env, named).replace("  postgres:\n", "  database:\n")), [0; 0]);
        let aliased = "  redis:\n    image: redis:7\n    hostname: cache\n    networks:\n      default:\n        aliases: [database]\n";
        assert_eq!(lines(&netbox_docker(env, aliased)), [0; 0]);
        // Names from a YAML merge key count too.
        let merged = "  redis:\n    <<: *cache\n  db:\n    <<: *db\n".to_string();
        let anchors = netbox_docker(env, &merged).replace("services:\n", "x-cache: &cache\n  image: redis:7\n  container_name: cache\nx-db: &db\n  image: postgres:17\n  networks:\n    default:\n      aliases: [database]\nservices:\n");
        assert_eq!(lines(&anchors), [0; 0]);
        // A domain, an address, a variable not known here, localhost.
        assert_eq!(lines(&netbox_docker("      DB_HOST: db.example.org\n      REDIS_HOST: 10.0.0.5\n", "")), [0; 0]);
        assert_eq!(lines(&netbox_docker("      DB_HOST: ${DB_SERVER}\n      REDIS_HOST: localhost\n", "")), [0; 0]);
        // An external network, links, extra hosts, another namespace; services from elsewhere.
        assert_eq!(lines(&netbox_docker(env, "networks:\n  shared:\n    external: true\n")), [0; 0]);
        assert_eq!(lines(&netbox_docker(env, "networks:\n  shared:\n    external: false\n")), [5, 6]);
        assert_eq!(lines(&netbox_docker(&format!("{env}    extra_hosts:\n      - \"cache:10.0.0.7\"\n"), "")), [0; 0]);
        assert_eq!(lines(&netbox_docker(&format!("{env}    network_mode: host\n"), "")), [0; 0]);
        assert_eq!(lines(&netbox_docker(&format!("{env}    dns_search: corp.example.com\n"), "")), [0; 0]);
        assert_eq!(lines(&netbox_docker(env, "networks:\n  default:\n    name: infra\n")), [0; 0]);
        // A container's name; Redis through Sentinels.
        assert_eq!(lines(&netbox_docker("      DB_HOST: netbox-docker-postgres-1\n      REDIS_HOST: netbox_postgres\n", "")), [0; 0]);
        assert_eq!(lines(&netbox_docker("      REDIS_HOST: redis\n      REDIS_SENTINELS: sentinel:26379\n", "  sentinel:\n    image: redis:7\n")), [0; 0]);
        assert_eq!(lines(&netbox_docker(env, "").replace("services:\n", "include:\n  - db.yml\nservices:\n")), [0; 0]);
    }

    /// t193's shape: `depends_on:` names services the file does not define, which Compose refuses
    /// as it is: an excerpt, or a project with another file. A dependency the project defines
    /// changes nothing.
    #[test]
    fn an_excerpt_whose_dependencies_are_undefined_is_not_the_project() {
        let env = "      DB_HOST: database\n      REDIS_HOST: cache\n";
        let waits = |names: &str| netbox_docker(&format!("{env}    depends_on:\n{names}"), "");
        assert_quiet_linted("netbox/compose-host-not-a-service", &waits("      - database\n      - cache\n"));
        assert_quiet_linted("netbox/compose-host-not-a-service", &waits("      cache:\n        condition: service_started\n"));
        assert_fires_linted("netbox/compose-host-not-a-service", &waits("      - postgres\n"), 5);
        // A dependency another compose file of the project defines is defined.
        let override_defines = format!(
            "{}\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  database:\n    image: postgres:17\n```\n",
            waits("      - database\n")
        );
        assert_fires_linted("netbox/compose-host-not-a-service", &override_defines, 6);
    }

    /// t199's and t200's shape: linuxserver's `netbox` service alone, with no port, network or
    /// proxy route: an excerpt whose other services were left out. Published, it is a project.
    #[test]
    fn a_service_alone_that_no_one_reaches_is_an_excerpt() {
        let alone = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: lscr.io/linuxserver/netbox:latest\n    environment:\n      - DB_HOST=db\n```\n";
        assert_quiet_linted("netbox/compose-host-not-a-service", alone);
        let published = alone.replace("    environment:\n", "    ports:\n      - 8000:8000\n    environment:\n");
        assert_eq!(linted(RULE, &published).len(), 2, "{:?}", linted(RULE, &published));
    }
}
