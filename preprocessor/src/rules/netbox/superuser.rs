//! What netbox/docker-superuser-known-credentials reads beside netbox-docker's environment: the
//! token netbox-docker's entrypoint calls widely known, an example's placeholder password, and
//! netbox-chart's superuser values (the rule's cases on the chart are here too).

use crate::finding::BlockId;
use crate::model::NetboxConfig;
use crate::parse::netbox::StockConfiguration;
use crate::version::{Targets, Version};
use std::ops::Range;

/// The token netbox-docker's entrypoint filled in and then warned about.
pub(super) const WIDELY_KNOWN_TOKEN: &str = "0123456789abcdef0123456789abcdef01234567";

/// NetBox 4.5 replaced the token that is its key alone (v1) with v2 tokens.
pub(super) const V2_TOKENS: Version = Version::new(4, 5, 0);

/// A password an example prints for its reader to replace: `changeme` and its spellings
/// (`CHANGE_ME`, `change-me`, `CHANGE_ME_STRONG`), `password`, `your_password`.
pub(super) fn is_placeholder(password: &str) -> bool {
    let letters: String =
        password.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
    letters.starts_with("changeme") || matches!(letters.as_str(), "password" | "yourpassword" | "superuserpassword")
}

/// Who the entrypoint creates, for a message: it defaults only an unset name
/// (`${SUPERUSER_NAME+x}`); an empty one makes Django refuse to create the user, so no account
/// gets the defaults (`None`).
pub(super) fn superuser(nb: &NetboxConfig) -> Option<String> {
    match nb.environment_variable("SUPERUSER_NAME").map(|name| name.value.as_str()) {
        None => Some("the superuser `admin`".to_string()),
        Some(Some("")) => None,
        Some(Some(name)) if !name.contains('$') => Some(format!("the superuser `{}`", name.escape_debug())),
        Some(_) => Some("its superuser".to_string()),
    }
}

/// Whether the `netbox` service runs netbox-docker's entrypoint, which creates the superuser:
/// its published image, a build of its plugin recipe (`Dockerfile-Plugins`, FROM that image), or
/// another build or image that reads its configuration where netbox-docker's does (corpus cases
/// t235, t236: built FROM it).
pub(super) fn runs_entrypoint(stock: StockConfiguration) -> bool {
    (stock.published_image == Some(true) || stock.plugins_recipe_build || stock.built_on_netbox_docker())
        && !stock.linuxserver_image
}

/// netbox-docker 5.0.0 builds NetBox 4.6 and later only, and is the first release to fill in no
/// superuser password or token (pull request #1675).
const FIRST_NETBOX_OF_DOCKER_5: Version = Version::new(4, 6, 0);

/// Whether the image fills in netbox-docker's superuser defaults (`admin`, the widely known
/// token) where the variables are unset, and what says so, for a message: netbox-docker's
/// published image by its tag; an image built on it by the NetBox targeted, which only a
/// netbox-docker release before 5.0.0 builds when it is older than 4.6.
pub(super) fn defaults_filled_in(stock: StockConfiguration, targets: &Targets) -> Option<String> {
    // The tag says so of netbox-docker's own image only; another image's tag is its builder's.
    if stock.superuser_password_filled_in && stock.published_image == Some(true) {
        Some("this image, from a netbox-docker release before 5.0.0 by its tag,".to_string())
    } else if (stock.plugins_recipe_build || stock.built_on_netbox_docker())
        && targets.netbox < FIRST_NETBOX_OF_DOCKER_5
    {
        let built = if stock.plugins_recipe_build {
            "a build of netbox-docker's plugin recipe"
        } else {
            "taken to be built on netbox-docker's (its configuration is mounted at /etc/netbox/config)"
        };
        Some(format!(
            "this image, {built}, for NetBox {}, the release targeted (only netbox-docker releases before 5.0.0 build NetBox before 4.6),",
            targets.netbox
        ))
    } else {
        None
    }
}

/// `SKIP_SUPERUSER`'s value as written, for a message.
pub(super) fn skip_text(skip: &crate::parse::netbox::Setting) -> String {
    skip.value.as_str().unwrap_or_default().escape_debug().to_string()
}

/// Whether the environment shown is the `netbox` service's own and all of it: it configures the
/// database with netbox-docker's variables (two of `DB_NAME`, `DB_USER`, `DB_PASSWORD`; a
/// `DB_HOST` alone may be a thread's excerpt), and the project was read whole, with no compose
/// file beside it and no service it refers to left undefined (another `-f` file may set
/// `SKIP_SUPERUSER`).
pub(super) fn own_environment(nb: &NetboxConfig) -> bool {
    let whole = nb.stock_configuration().is_some_and(|stock| stock.project_complete && !stock.compose_files_beside);
    whole
        && ["DB_NAME", "DB_USER", "DB_PASSWORD"].iter().filter(|name| nb.environment_variable(name).is_some()).count()
            >= 2
}

/// The fix of a known superuser value in netbox-chart's values.
pub(super) const CHART_HELP: &str = "set `superuser.password` and `superuser.apiToken` of your own, or leave them empty for the chart's random ones (or name a Secret of your own in `superuser.existingSecret`); change the password of a superuser already created";

/// A known superuser value of netbox-chart's values, as the rule reports it.
pub(super) struct KnownChartValue {
    pub block: BlockId,
    pub range: Range<usize>,
    pub message: String,
}

/// netbox-chart's values: the chart writes `superuser.password` and `superuser.apiToken` into
/// the Secret netbox-docker's entrypoint creates the superuser from, and sets no
/// `SKIP_SUPERUSER` (corpus case t227, a copy of a chart's values that kept the defaults of
/// 0.1.0 to 4.1.1 and 5.0.0-beta5; from beta6 they are empty, and the chart makes random ones).
pub(super) fn chart_superuser_known(nb: &NetboxConfig, targets: &Targets) -> Vec<KnownChartValue> {
    let mut known = Vec::new();
    for value in &nb.chart_superuser {
        let message = match value.key {
            "password" if value.value == "admin" => {
                "netbox-chart puts this password into the superuser's Secret, and netbox-docker's entrypoint creates the superuser with it: `admin`, the default of the chart's values from 0.1.0 to 4.1.1, so anyone who reaches NetBox can sign in as its superuser".to_string()
            }
            "password" if is_placeholder(&value.value) => {
                "netbox-chart puts this password, an example's placeholder left in, into the superuser's Secret, and netbox-docker's entrypoint creates the superuser with it: anyone who has read the example can sign in as NetBox's superuser".to_string()
            }
            "apiToken" if value.value == WIDELY_KNOWN_TOKEN && targets.netbox < V2_TOKENS => {
                "netbox-chart puts this key into the superuser's Secret, and netbox-docker's entrypoint creates the superuser's API token with it: the default of the chart's values from 0.1.0 to 4.1.1, which netbox-docker's entrypoint warns is widely known, so anyone who reaches NetBox's API can call it as the superuser".to_string()
            }
            _ => continue,
        };
        known.push(KnownChartValue { block: value.block, range: value.range.clone(), message });
    }
    known
}

#[cfg(test)]
mod tests {
    use crate::config::Settings;
    use crate::rules::testing::{diagnostics, linted_for};

    /// An image built on netbox-docker's (t235: `build: .` from a merge key; t236: an image of
    /// one's own name), known by its configuration mounted at /etc/netbox/config: it keeps the
    /// entrypoint, which fills in `admin` where the NetBox targeted is older than 4.6 (only
    /// netbox-docker before 5.0.0 builds those). Said at `SKIP_SUPERUSER` (line 9), or at the
    /// superuser's name where the project sets no `SKIP_SUPERUSER`.
    #[test]
    fn an_image_built_on_netbox_docker_keeps_its_entrypoint() {
        const RULE: &str = "netbox/docker-superuser-known-credentials";
        let project = |base: &str, environment: &str| {
            format!(
                "# t\n\n```yaml,check=compose,file=docker-compose.yml\nx-base: &base\n{base}  volumes:\n    - ./configuration:/etc/netbox/config:ro\nservices:\n  netbox:\n    <<: *base\n    environment:\n{environment}```\n"
            )
        };
        let fired = |text: &str, netbox: &str| {
            let mut settings = Settings::default();
            settings.targets.netbox = netbox.parse().unwrap();
            linted_for(RULE, text, &settings)
        };
        let skip = "      SKIP_SUPERUSER: \"false\"\n";
        for base in ["  build: .\n", "  image: medialab-netbox:v4.2.9\n"] {
            let found = fired(&project(base, skip), "4.2.9");
            assert_eq!(found.iter().map(|(line, _)| *line).collect::<Vec<_>>(), [9], "{found:?}");
            assert!(found[0].1.contains("taken to be built on netbox-docker's (its configuration is mounted at /etc/netbox/config), for NetBox 4.2.9, the release targeted"), "{found:?}");
            // NetBox 4.6 and later: netbox-docker 5.0.0 and later, which fill in nothing.
            assert!(fired(&project(base, skip), "4.6.0").is_empty());
        }
        let named = fired(&project("  image: medialab-netbox:v4.2.9\n", "      SUPERUSER_NAME: admin\n"), "4.2.9");
        assert_eq!(named.iter().map(|(line, _)| *line).collect::<Vec<_>>(), [9], "{named:?}");
        // Without the mount, another image may run anything; an interpolated name may be any image.
        let unmounted = project("  build: .\n", skip)
            .replace("    - ./configuration:/etc/netbox/config:ro\n", "    - ./media:/opt/netbox/netbox/media\n");
        assert!(fired(&unmounted, "4.2.9").is_empty());
        assert!(fired(&project("  image: ${NETBOX_IMAGE}\n", skip), "4.2.9").is_empty());
        // A merge key that resolves to no map may hold anything (read as such, with no syntax
        // error), and so may an `environment:` the merged map gives with a merge key inside.
        let unresolved = format!(
            "x-s: &s foo\n{}",
            project("  build: .\n", skip).split_once("file=docker-compose.yml\n").unwrap().1
        )
        .replace("    <<: *base\n", "    <<: [*base, *s]\n");
        let unresolved = format!("# t\n\n```yaml,check=compose,file=docker-compose.yml\n{unresolved}");
        assert!(fired(&unresolved, "4.2.9").is_empty());
        let inner = project(
            "  build: .\n  environment:\n    <<: *env\n    SKIP_SUPERUSER: \"false\"\n",
            "      DB_NAME: netbox\n",
        )
        .replace("    environment:\n      DB_NAME: netbox\n", "")
        .replace("x-base: &base\n", "x-env: &env\n  SUPERUSER_PASSWORD: Kq8-our-own-Wm3\nx-base: &base\n");
        assert!(fired(&inner, "4.2.9").is_empty(), "{inner}");
        // The build in an override, the mount in the main file (netbox-docker's own layout).
        let main = "```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.2-3.2.0\n    volumes:\n      - ./configuration:/etc/netbox/config:z,ro\n    environment:\n      SKIP_SUPERUSER: \"false\"\n```\n";
        let over = "```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  netbox:\n    image: netbox:latest-plugins\n    build:\n      context: .\n      dockerfile: Dockerfile\n```\n";
        assert_eq!(fired(&format!("# t\n\n{main}\n{over}"), "4.2.9").len(), 1);
    }

    /// netbox-chart's values (t227: a copy of the chart's 4.x defaults): the password `admin`,
    /// and the widely known token where NetBox's tokens are their key (before 4.5). Quiet where
    /// a Secret of one's own replaces the chart's, or `extraEnvs` names `SKIP_SUPERUSER`.
    #[test]
    fn fires_on_a_charts_superuser_values() {
        let chart = |values: &str| format!("# t\n\n```yaml,check=chart,file=values.yaml\n{values}```\n");
        let defaults =
            "superuser:\n  name: admin\n  password: admin\n  apiToken: 0123456789abcdef0123456789abcdef01234567\n";
        let fired = |values: &str, netbox: &str| {
            let mut settings = Settings::default();
            settings.targets.netbox = netbox.parse().unwrap();
            diagnostics(&chart(values), &settings)
                .into_iter()
                .filter(|d| d.rule == "netbox/docker-superuser-known-credentials")
                .map(|d| (d.start.line - 3, d.message))
                .collect::<Vec<_>>()
        };
        let old = fired(defaults, "3.4.4");
        assert_eq!(old.iter().map(|(line, _)| *line).collect::<Vec<_>>(), [3, 4], "{old:?}");
        assert!(
            old[0].1.contains(
                "creates the superuser with it: `admin`, the default of the chart's values from 0.1.0 to 4.1.1"
            ),
            "{old:?}"
        );
        assert!(old[1].1.contains("creates the superuser's API token with it"), "{old:?}");
        // NetBox 4.5's tokens are no longer their key alone: the password only.
        assert_eq!(fired(defaults, "4.5.0").iter().map(|(line, _)| *line).collect::<Vec<_>>(), [3]);
        // A password of one's own, or the chart's random one.
        assert!(fired("superuser:\n  password: s3cr3t-of-our-own\n  apiToken: \"\"\n", "3.4.4").is_empty());
        for replaced in [
            format!("{defaults}  existingSecret: netbox-admin\n"),
            format!("existingSecret: netbox-secrets\n{defaults}"),
            format!("{defaults}extraEnvs:\n  - name: SKIP_SUPERUSER\n    value: \"true\"\n"),
            format!("{defaults}extraEnvVarsCM: netbox-env\n"),
            format!("{defaults}image:\n  repository: registry.example/own/netbox\n"),
        ] {
            assert!(fired(&replaced, "3.4.4").is_empty(), "{replaced}");
        }
        // netbox-docker's image under another registry's name is the chart's.
        assert_eq!(
            fired(&format!("{defaults}image:\n  repository: ghcr.io/netbox-community/netbox\n"), "3.4.4").len(),
            2
        );
        // A null or empty `superuser.existingSecret` is no Secret (`if not`); `SKIP_SUPERUSER`
        // other than `true` creates the superuser.
        for kept in [
            format!("{defaults}  existingSecret: ~\n"),
            format!("{defaults}extraEnvs:\n  - name: SKIP_SUPERUSER\n    value: \"false\"\n"),
        ] {
            assert_eq!(fired(&kept, "3.4.4").len(), 2, "{kept}");
        }
    }

    /// Which Secret replaces the chart's depends on the release: the top-level `existingSecret`
    /// up to 5.0.0-beta.18, `superuser.existingSecret` from beta.19 (superuser-secrets.yaml); an
    /// Argo CD parameter under `superuser` wins over the values.
    #[test]
    fn the_secret_that_replaces_the_charts_is_the_pinned_releases() {
        let application = |release: &str, values: &str, parameters: &str| {
            let values: String = values.lines().map(|line| format!("        {line}\n")).collect();
            format!(
                "# t\n\n```yaml,check=chart,file=netbox.yaml\napiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    chart: netbox\n    targetRevision: {release}\n    helm:\n{parameters}      valuesObject:\n{values}```\n"
            )
        };
        let fired = |chapter: String| {
            diagnostics(&chapter, &Settings::default())
                .into_iter()
                .filter(|d| d.rule == "netbox/docker-superuser-known-credentials")
                .count()
        };
        let top = "existingSecret: netbox-config\nsuperuser:\n  password: admin\n";
        let own = "superuser:\n  password: admin\n  existingSecret: netbox-admin\n";
        assert_eq!(fired(application("8.3.61", top, "")), 1);
        assert_eq!(fired(application("4.1.1", top, "")), 0);
        assert_eq!(fired(application("4.1.1", own, "")), 1);
        assert_eq!(fired(application("8.3.61", own, "")), 0);
        let parameter = "      parameters:\n        - name: superuser.password\n          value: S3cure-of-our-own\n";
        assert_eq!(fired(application("4.1.1", "superuser:\n  password: admin\n", parameter)), 0);
    }

    /// t228's shape: the `netbox` service's own environment configures the database and names
    /// no superuser: the image's entrypoint fills in `admin` (and, before NetBox 4.5, the known
    /// token); at the image. Cases of netbox/docker-superuser-known-credentials.
    #[test]
    fn a_whole_environment_that_names_no_superuser() {
        use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, linted};
        const RULE: &str = "netbox/docker-superuser-known-credentials";
        let project = |env: &str| {
            format!(
                "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.0\n    environment:\n{env}```\n"
            )
        };
        let database = "      DB_NAME: netbox\n      DB_USER: netbox\n      DB_PASSWORD: lab4pass21\n";
        assert_fires_linted(RULE, &project(database), 3);
        let (_, message) = &linted(RULE, &project(database))[0];
        assert!(
            message.contains("no file of this project sets `SUPERUSER_PASSWORD`: ")
                && message.contains("the password `admin`"),
            "{message}"
        );
        assert_quiet_linted(RULE, &project("      DB_NAME: netbox\n      DB_HOST: postgres\n"));
        assert_fires_linted(RULE, &project("      DB_NAME: netbox\n      DB_PASSWORD: lab4pass21\n"), 3);
        // An excerpt (a service it depends on left out: another `-f` file may set
        // `SKIP_SUPERUSER`), or a password file given as a config.
        let excerpt = project(database).replace("    environment:\n", "    depends_on: [postgres]\n    environment:\n");
        assert_quiet_linted(RULE, &excerpt);
        let config = project(database).replace(
            "    environment:\n",
            "    configs:\n      - source: supw\n        target: /run/secrets/superuser_password\n    environment:\n",
        );
        assert_quiet_linted(RULE, &config);
    }
}
