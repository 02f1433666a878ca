//! `netbox/docker-superuser-known-credentials`: netbox-docker creates its superuser with a
//! password or API token everyone knows.
//!
//! ## What it does
//! Where netbox-docker's environment sets `SKIP_SUPERUSER` to anything but `true` (its
//! entrypoint then creates the superuser on the first start), finds:
//! - `SUPERUSER_PASSWORD=admin`, the password netbox-docker's README and its example
//!   environment printed for years;
//! - `SUPERUSER_API_TOKEN=0123456789abcdef0123456789abcdef01234567`, the token netbox-docker's own
//!   entrypoint calls "widely known" (NetBox before 4.5, whose tokens are that key alone).
//!
//! - a password an example prints for its reader to replace (`CHANGE_ME`, `changeme`,
//!   `password`).
//!
//! Where `SKIP_SUPERUSER` is absent from what is shown, the netbox-docker example environment (or
//! an override not shown) may set it: nothing is said, unless `lint` read the whole Compose
//! project of netbox-docker's image (no other file may set it; the entrypoint then creates the
//! superuser) and a password above is written there. Where the service gets the superuser's
//! Docker secrets (`superuser_password`, `superuser_api_token`, or all of `/run/secrets` mounted),
//! their files win over the variables: nothing is said. A password or token of one's own is quiet.
//! netbox-docker's image is its published one, a build of its plugin recipe, or another build or
//! image with a configuration mounted at /etc/netbox/config (built `FROM` it); for the last two
//! the defaults are filled in where the NetBox targeted is older than 4.6.
//! A password left unset is judged only where `lint` read the whole Compose project (no other
//! file may set it; where no file sets `SKIP_SUPERUSER`, only beside a superuser variable the
//! project sets, or at the image where the service's environment configures the database (two of
//! `DB_NAME`, `DB_USER`, `DB_PASSWORD`: its own, not an excerpt) and the project was read whole
//! with no compose file beside it; an excerpt that leaves out only other services, with no other
//! compose file beside it, shows the `netbox` service whole) and the image's tag names a
//! netbox-docker release before 5.0.0 (`v4.4-3.4.2`, or a NetBox line before 4.6 such as
//! `v4.4`): those fill in `admin`; 5.0.0 and later fill in
//! none, and `latest` names no release. A token left unset is judged the same way, on a NetBox
//! before 4.5: those releases fill in the widely known one; also where no file of the whole
//! project sets `SKIP_SUPERUSER` but it sets a superuser variable (the finding goes there).
//!
//! In netbox-chart's values, `superuser.password: admin` or a placeholder, and
//! `superuser.apiToken` set to that token (NetBox before 4.5), where the chart's own Secret
//! carries them to the entrypoint (no Secret of one's own for the release, no `SKIP_SUPERUSER`
//! in `extraEnvs`, no other values file or Argo CD parameter, netbox-docker's image): the
//! chart's values had both as defaults from 0.1.0 to 4.1.1.
//!
//! ## Why is this bad?
//! Anyone who reaches NetBox signs in as its superuser, or calls its API as one, with a value
//! published in netbox-docker's repository.
//!
//! ## Example
//! `SKIP_SUPERUSER=false` with `SUPERUSER_PASSWORD=admin`.
//!
//! Use instead: `SUPERUSER_PASSWORD` and `SUPERUSER_API_TOKEN` of your own (or
//! `/run/secrets/superuser_password`), or `SKIP_SUPERUSER=true` once the superuser exists.

use super::superuser::{
    CHART_HELP, V2_TOKENS, WIDELY_KNOWN_TOKEN, chart_superuser_known, defaults_filled_in, is_placeholder, own_environment, runs_entrypoint,
    skip_text, superuser,
};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// netbox-docker creates its superuser with a password or API token everyone knows.
pub const DOCKER_SUPERUSER_KNOWN_CREDENTIALS: Rule = Rule {
    id: "netbox/docker-superuser-known-credentials",
    severity: Severity::Warning,
    summary: "netbox-docker creates its superuser (`SKIP_SUPERUSER` is not `true`) with the password `admin`, an example's placeholder (`CHANGE_ME`), or the API token netbox-docker calls widely known",
    help: "set `SUPERUSER_PASSWORD` and `SUPERUSER_API_TOKEN` of your own (or the secret files `/run/secrets/superuser_password` and `superuser_api_token`), then `SKIP_SUPERUSER=true`; change the password of a superuser already created",
    fact: "netbox-docker docker/docker-entrypoint.sh (1.0.0 to 3.0.2; 3.0.2 L54-78): unless SKIP_SUPERUSER is `true`, creates SUPERUSER_NAME (default `admin`) with SUPERUSER_PASSWORD (default `admin`, unless /run/secrets/superuser_password exists) and a Token whose key is SUPERUSER_API_TOKEN (default `0123456789abcdef0123456789abcdef01234567`); L84-92: the same entrypoint warns that this token 'is widely known; please remove it' (L89); L63-72: the secret files /run/secrets/superuser_password and superuser_api_token win over the variables. Its env/netbox.env set SKIP_SUPERUSER=false and SUPERUSER_PASSWORD=admin up to 2.4.0. docker/super_user.py of a later release (the one creating NetBox 4.5's v2 tokens, index id 27362249454) keeps both defaults; pull request #1674 (merged 2026-05-05) removed them, released in netbox-docker 5.0.0 (pull request #1675, 'Version 5.0.0': 'We removed the insecure and widely known default secrets'; 'only compatible with NetBox v4.6.x and above'). NetBox 4.5's v2 tokens are a generated key and a secret, so a known token value alone no longer authenticates. netbox-chart (0.1.0 to 8.3.61) writes superuser.password and superuser.apiToken into the superuser's Secret (templates/secret.yaml to 5.0.0-beta.18, `default (randAlphaNum 16)` and `default uuidv4`; superuser-secrets.yaml from beta.19; secret.yaml's common.secrets.passwords.manage in 5.0.78 and 8.3.61), mounts it at /run/secrets/superuser_password and superuser_api_token (templates/deployment.yaml) and sets no SKIP_SUPERUSER; its values.yaml gave `password: admin` and that token from 0.1.0 to 4.1.1 and to 5.0.0-beta5, empty from beta6 (git show of each tag); the top-level existingSecret replaces that Secret up to 5.0.0-beta.18, superuser.existingSecret from beta.19 (`if not .Values.superuser.existingSecret`). A `build:` of netbox-docker's plugin recipe (`dockerfile: Dockerfile-Plugins`, `FROM netboxcommunity/netbox` with plugins installed, as its wiki and the guides that copy it write it) keeps that entrypoint (tests/realworld/tuning/t208-…), and so does another build or image of one's own that reads its configuration at /etc/netbox/config, where only netbox-docker's image does (its Dockerfile puts docker/configuration.docker.py in NetBox's place, which loads every file of /etc/netbox/config; t235-…, t236-…): it fills in the defaults where the NetBox targeted is older than 4.6, which only netbox-docker before 5.0.0 builds. Seen in tests/realworld/tuning/t152-…, t172-… and t194-… (no SKIP_SUPERUSER, the token unset), and a copy of the chart's 4.x values in t227-…; an unset password for an image before 5.0.0 in trial 5, and a placeholder password in a project that sets no SKIP_SUPERUSER in trial 7, of tests/realworld/README.md; no superuser variable beside a database the environment configures in t228-…",
    applies: Applies::Always,
};

pub fn docker_superuser_known_credentials(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    // netbox-chart's values (`superuser.password`, `superuser.apiToken`): read in `superuser`.
    for known in chart_superuser_known(nb, targets) {
        let finding = Finding::in_block(&DOCKER_SUPERUSER_KNOWN_CREDENTIALS, known.block, known.range, known.message);
        out.push(finding.with_help(CHART_HELP));
    }
    let skip = nb.environment_variable("SKIP_SUPERUSER");
    // The entrypoint compares the text with `true` exactly; a value not known here says nothing.
    if skip.is_some_and(|skip| skip.value.as_str().is_none_or(|skip| skip == "true")) {
        return;
    }
    // Not set at all: the entrypoint creates the superuser too, but only a whole project shows
    // that no file sets it (trial 7: a project whose env file names the password outright).
    // A `command:` or `entrypoint:` of the service's own replaces the entrypoint that creates
    // it. An excerpt leaving out only other services shows `netbox` as written (t193).
    let entrypoint_runs = nb
        .services_read()
        .is_some_and(|services| !services.shown.iter().any(|s| s.name.eq_ignore_ascii_case("netbox") && s.own_command));
    let shown_whole = |stock: crate::parse::netbox::StockConfiguration| {
        (stock.project_complete || stock.services_omitted) && !stock.environment_unseen
    };
    let services_omitted = nb.stock_configuration().is_some_and(|stock| stock.services_omitted);
    let whole_project =
        entrypoint_runs && nb.stock_configuration().is_some_and(|stock| shown_whole(stock) && runs_entrypoint(stock));
    if skip.is_none() && !whole_project {
        return;
    }
    let skip_said = match skip {
        Some(skip) => format!("`SKIP_SUPERUSER` is `{}`", skip_text(skip)),
        None if services_omitted => "the `netbox` service shown sets no `SKIP_SUPERUSER`".to_string(),
        None => "no file of this project sets `SKIP_SUPERUSER`".to_string(),
    };
    // Secret files win over the variables (entrypoint L63-72; super_user.py's `_read_secret`).
    if nb.stock_configuration().is_some_and(|stock| stock.superuser_secrets) {
        return;
    }
    if let Some(token) = nb.environment_variable("SUPERUSER_API_TOKEN")
        && targets.netbox < V2_TOKENS
        && token.value.as_str() == Some(WIDELY_KNOWN_TOKEN)
    {
        out.push(Finding::in_block(
            &DOCKER_SUPERUSER_KNOWN_CREDENTIALS,
            token.block,
            token.value.range.clone(),
            format!("netbox-docker creates the superuser's API token with this key, the one its own entrypoint warns is widely known ({skip_said}): anyone who reaches NetBox's API can call it as the superuser"),
        ));
    }
    // Unset in the whole project, for an image that fills in netbox-docker's defaults (a
    // release before 5.0.0); not where keys of the service's environment come from a merge key
    // or `extends:`, which may set them. Where no file of the whole project sets
    // `SKIP_SUPERUSER`, only beside a superuser variable the project sets (a draft that judged
    // any project without it found thread excerpts and another image's build:
    // tests/realworld/README.md, round eleven). The token matters before NetBox 4.5, whose tokens
    // are their key alone.
    let filled_in_by =
        nb.stock_configuration().filter(|stock| shown_whole(*stock)).and_then(|stock| defaults_filled_in(stock, targets));
    let token_unset = nb.environment_variable("SUPERUSER_API_TOKEN").is_none() && targets.netbox < V2_TOKENS;
    let reported_before = out.len();
    match nb.environment_variable("SUPERUSER_PASSWORD") {
        Some(password) if password.value.as_str() == Some("admin") => out.push(Finding::in_block(
            &DOCKER_SUPERUSER_KNOWN_CREDENTIALS,
            password.block,
            password.value.range.clone(),
            format!("netbox-docker creates the superuser with the password `admin` ({skip_said}): anyone who reaches NetBox can sign in as its superuser"),
        )),
        // An example's placeholder left in (trial 7: `CHANGE_ME_STRONG`, printed in the
        // project's public `.env.example`).
        Some(password) if password.value.as_str().is_some_and(is_placeholder) => out.push(Finding::in_block(
            &DOCKER_SUPERUSER_KNOWN_CREDENTIALS,
            password.block,
            password.value.range.clone(),
            // The value itself is not printed: the report masks secrets.
            format!("netbox-docker creates the superuser with this password, an example's placeholder left in ({skip_said}): anyone who has read the example can sign in as NetBox's superuser"),
        )),
        _ => {}
    }
    // Left unset: where `SKIP_SUPERUSER` is shown, at it; where no file of the whole project sets
    // it, at a superuser variable the project sets (corpus case t194), else at the image where
    // the service's environment configures the database (t228: its own, not an excerpt of the
    // sign-on's variables; none: not judged), and not beside a finding on the password there
    // (one finding for one superuser).
    let Some(filled_in_by) = filled_in_by else { return };
    let anchor = match skip {
        Some(skip) => Some((skip.block, skip.value.range.clone())),
        None if whole_project && out.len() == reported_before => ["SUPERUSER_PASSWORD", "SUPERUSER_NAME", "SUPERUSER_EMAIL"]
            .iter()
            .find_map(|name| nb.environment_variable(name))
            .map(|var| (var.block, var.name_range.clone()))
            .or_else(|| own_environment(nb).then(|| nb.services_read()?.netbox_image_place()).flatten()),
        None => None,
    };
    let (Some((block, range)), Some(who)) = (anchor, superuser(nb)) else { return };
    let (unset, gives, reach) = match (nb.environment_variable("SUPERUSER_PASSWORD").is_none(), token_unset) {
        (true, true) => (
            "`SUPERUSER_PASSWORD` or `SUPERUSER_API_TOKEN`",
            "the password `admin` and an API token whose key is the one its entrypoint calls widely known",
            "sign in as its superuser or call its API as one",
        ),
        (true, false) => ("`SUPERUSER_PASSWORD`", "the password `admin`", "sign in as its superuser"),
        (false, true) => (
            "`SUPERUSER_API_TOKEN`",
            "an API token whose key is the one its entrypoint calls widely known",
            "call its API as the superuser",
        ),
        (false, false) => return,
    };
    let unset_where = match (services_omitted, skip) {
        (false, _) => "no file of this project sets",
        (true, None) => "it sets no",
        (true, Some(_)) => "the `netbox` service shown sets no",
    };
    out.push(Finding::in_block(
        &DOCKER_SUPERUSER_KNOWN_CREDENTIALS,
        block,
        range,
        format!(
            "netbox-docker creates {who} ({skip_said}), and {unset_where} {unset}: {filled_in_by} then gives it {gives}, so anyone who reaches NetBox can {reach}"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::config::Settings;
    use crate::rules::netbox::testing::{assert_fires_in_chapter, assert_quiet_in_chapter};
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, diagnostics, linted};

    const RULE: &str = "netbox/docker-superuser-known-credentials";

    /// An environment file (lines 4 on) and a compose file that runs netbox-docker's image with it
    /// and more (its `environment:` on line 12 when the file has one line).
    fn chapter(env: &str, service: &str) -> String {
        format!(
            "# t\n\n```sh,check=env,file=netbox.env\n{env}```\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:latest\n    env_file: netbox.env\n{service}```\n"
        )
    }

    /// The chapter lines the rule fires on, for a target NetBox (as `lint` takes it from the
    /// image's tag).
    fn fired(chapter: &str, netbox: &str) -> Vec<usize> {
        let mut settings = Settings::default();
        settings.targets.netbox = netbox.parse().unwrap();
        diagnostics(chapter, &settings).into_iter().filter(|d| d.rule == RULE).map(|d| d.start.line).collect()
    }

    /// t152's and t172's shapes: `admin` set, the known token set; each on its own line.
    #[test]
    fn the_known_password_and_token_where_the_superuser_is_created() {
        assert_eq!(fired(&chapter("SKIP_SUPERUSER=false\nSUPERUSER_PASSWORD=admin\n", ""), "4.7"), [5]);
        // (The harness's own form, on NetBox's newest release: the block's second line.)
        assert_fires_in_chapter("netbox/docker-superuser-known-credentials", &chapter("SKIP_SUPERUSER=false\nSUPERUSER_PASSWORD=admin\n", ""), 2);
        assert_eq!(
            fired(&chapter("X=1\n", "    environment:\n      SKIP_SUPERUSER: \"false\"\n      SUPERUSER_PASSWORD: admin\n"), "4.7"),
            [14]
        );
        assert_eq!(
            fired(&chapter("SKIP_SUPERUSER=false\nSUPERUSER_PASSWORD=Kq8-our-own-Wm3\nSUPERUSER_API_TOKEN=0123456789abcdef0123456789abcdef01234567\n", ""), "4.0"),
            [6]
        );
    }

    /// Trial 7's shape: a whole project (every file `lint` reads) that sets no `SKIP_SUPERUSER`:
    /// the entrypoint creates the superuser, with the password written there.
    #[test]
    fn a_whole_project_without_skip_superuser_creates_the_superuser() {
        let project = |env: &str| {
            format!("# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.0\n    environment:\n{env}```\n")
        };
        assert_fires_linted(RULE, &project("      SUPERUSER_NAME: admin\n      SUPERUSER_PASSWORD: CHANGE_ME_STRONG\n"), 6);
        assert_fires_linted(RULE, &project("      SUPERUSER_PASSWORD: admin\n"), 5);
        let (_, message) = &linted(RULE, &project("      SUPERUSER_PASSWORD: changeme\n"))[0];
        assert!(message.contains("this password, an example's placeholder") && !message.contains("changeme") && message.contains("no file of this project sets `SKIP_SUPERUSER`"), "{message}");
        // The password unset beside the superuser's name: this image fills in `admin`.
        let (_, message) = &linted(RULE, &project("      SUPERUSER_NAME: nbadmin\n"))[0];
        assert!(message.contains("no file of this project sets `SUPERUSER_PASSWORD`: ") && message.contains("the password `admin`"), "{message}");
        // One's own password (the token does not matter on the default NetBox, 4.7); skipped; no
        // superuser variable at all (a thread's excerpt as often as a project); another
        // publisher's image.
        assert_quiet_linted(RULE, &project("      SUPERUSER_PASSWORD: Kq8-our-own-Wm3\n"));
        assert_quiet_linted(RULE, &project("      SKIP_SUPERUSER: \"true\"\n      SUPERUSER_PASSWORD: admin\n"));
        assert_quiet_linted(RULE, &project("      DB_HOST: postgres\n"));
        let linuxserver = project("      SUPERUSER_PASSWORD: admin\n").replace("netboxcommunity/netbox:v4.4-3.4.0", "lscr.io/linuxserver/netbox:4.4.1");
        assert_quiet_linted(RULE, &linuxserver);
        // A command of its own: the entrypoint that creates the superuser may not run.
        assert_quiet_linted(RULE, &project("      SUPERUSER_PASSWORD: admin\n").replace("    environment:\n", "    command: [/opt/netbox/launch.sh]\n    environment:\n"));
        // t208's shape: netbox-docker's plugin recipe (`Dockerfile-Plugins`, FROM its image)
        // keeps the entrypoint; another build may not.
        let recipe = |dockerfile: &str| {
            project("      SUPERUSER_PASSWORD: admin\n").replace(
                "    image: netboxcommunity/netbox:v4.4-3.4.0\n",
                &format!("    image: netbox:latest-plugins\n    build:\n      context: .\n      dockerfile: {dockerfile}\n"),
            )
        };
        assert_fires_linted(RULE, &recipe("Dockerfile-Plugins"), 8);
        assert_quiet_linted(RULE, &recipe("Dockerfile"));
    }

    #[test]
    fn quiet_where_the_superuser_is_skipped_or_its_credentials_are_unknown_or_own() {
        // Skipped, or SKIP_SUPERUSER not shown (the example environment sets it to true).
        assert_eq!(fired(&chapter("SKIP_SUPERUSER=true\nSUPERUSER_PASSWORD=admin\n", ""), "4.4"), [0; 0]);
        assert_quiet_in_chapter("netbox/docker-superuser-known-credentials", &chapter("SKIP_SUPERUSER=true\nSUPERUSER_PASSWORD=admin\n", ""));
        assert_eq!(fired(&chapter("SUPERUSER_NAME=admin\nSUPERUSER_PASSWORD=admin\n", ""), "4.4"), [0; 0]);
        // One's own password; the known password and token beside Docker secrets, whose files
        // win; no password (another file of the environment may set it, and later releases fill
        // in none).
        assert_eq!(fired(&chapter("SKIP_SUPERUSER=false\nSUPERUSER_PASSWORD=Kq8-our-own-Wm3\n", ""), "4.4"), [0; 0]);
        let known = "SKIP_SUPERUSER=false\nSUPERUSER_PASSWORD=admin\nSUPERUSER_API_TOKEN=0123456789abcdef0123456789abcdef01234567\n";
        assert_eq!(fired(&chapter(known, "    secrets:\n      - superuser_password\n      - superuser_api_token\n"), "4.4"), [0; 0]);
        // Another secret (the database's) replaces neither.
        assert_eq!(fired(&chapter(known, "    secrets:\n      - db_password\n"), "4.4"), [5, 6]);
        assert_eq!(fired(&chapter("SKIP_SUPERUSER=false\n", ""), "4.4"), [0; 0]);
        // The known token on NetBox 4.5 and later is only half of a v2 token.
        let token = "SKIP_SUPERUSER=false\nSUPERUSER_PASSWORD=Kq8-our-own-Wm3\nSUPERUSER_API_TOKEN=0123456789abcdef0123456789abcdef01234567\n";
        assert_eq!(fired(&chapter(token, ""), "4.5"), [0; 0]);
        // Another publisher's image reads its environment its own way.
        let linuxserver = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: lscr.io/linuxserver/netbox:4.1\n    environment:\n      SKIP_SUPERUSER: \"false\"\n      SUPERUSER_PASSWORD: admin\n```\n";
        assert_eq!(fired(linuxserver, "4.1"), [0; 0]);
    }

    /// A whole project (`lint`) whose image, by its tag, fills in `admin` for an unset
    /// `SUPERUSER_PASSWORD` (trial 5's shape): said at `SKIP_SUPERUSER`, line 5, with the name
    /// the superuser gets.
    #[test]
    fn an_unset_password_where_the_image_fills_in_admin() {
        let project = |image: &str, environment: &str| {
            format!("# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: {image}\n    environment:\n{environment}```\n")
        };
        let skip = "      SKIP_SUPERUSER: \"false\"\n";
        for image in ["netboxcommunity/netbox:v4.4-3.4.2", "netboxcommunity/netbox:v4.1", "netboxcommunity/netbox:${VERSION-v4.5-4.0.1}"] {
            assert_fires_linted(RULE, &project(image, skip), 5);
        }
        let named = linted(RULE, &project("netboxcommunity/netbox:v4.4-3.4.2", &format!("{skip}      SUPERUSER_NAME: ops\n")));
        assert!(named[0].1.contains("the superuser `ops`") && named[0].1.contains("password `admin`"), "{named:?}");
        // 5.0.0 and later fill in none; `latest` and a line of 4.6 or later name no release
        // before it; a password set (even empty), the superuser skipped, or its secret files.
        for image in ["netboxcommunity/netbox:v4.6-5.0.2", "netboxcommunity/netbox:latest", "netboxcommunity/netbox:v4.6"] {
            assert_quiet_linted(RULE, &project(image, skip));
        }
        let image = "netboxcommunity/netbox:v4.4-3.4.2";
        assert_quiet_linted(RULE, &project(image, &format!("{skip}      SUPERUSER_PASSWORD: \"\"\n")));
        assert_quiet_linted(RULE, &project(image, "      SKIP_SUPERUSER: \"true\"\n"));
        assert_quiet_linted(RULE, &project(image, skip).replace("    environment:", "    secrets:\n      - superuser_password\n    environment:"));
        // Keys from a merge key or `extends:` may set the password; an empty name creates no
        // superuser; a name from the shell is not quoted.
        let anchored = format!("x-env: &env\n  SUPERUSER_PASSWORD: s3cret-pass\n{}", project(image, skip).split_once("file=docker-compose.yml\n").unwrap().1);
        let anchored = format!("# t\n\n```yaml,check=compose,file=docker-compose.yml\n{}", anchored.replace("    environment:\n", "    environment:\n      <<: *env\n"));
        assert_quiet_linted(RULE, &anchored);
        assert_quiet_linted(RULE, &project(image, skip).replace("    environment:", "    extends:\n      file: common.yml\n      service: base\n    environment:"));
        assert_quiet_linted(RULE, &project(image, &format!("{skip}      SUPERUSER_NAME: \"\"\n")));
        let shell = linted(RULE, &project(image, &format!("{skip}      SUPERUSER_NAME: ${{ADMIN_USER:-netadmin}}\n")));
        assert!(shell.len() == 1 && shell[0].1.contains("creates its superuser"), "{shell:?}");
        // In a book, another block may set it.
        assert_quiet_in_chapter(RULE, &project(image, skip));
    }

    /// The token left unset too, on a NetBox before 4.5 (whose tokens are their key alone): the
    /// image gives the superuser the widely known one (entrypoint L68-71, 3.0.2); said with the
    /// password, or alone where the password is one's own. NetBox 4.5's v2 tokens: nothing.
    #[test]
    fn an_unset_token_where_the_image_fills_in_the_known_one() {
        let project = |environment: &str| {
            format!("# t

```yaml,check=compose,file=docker-compose.yml
services:
  netbox:
    image: netboxcommunity/netbox:v4.1-3.0.2
    environment:
      SKIP_SUPERUSER: \"false\"
{environment}```
")
        };
        let mut settings = Settings::default();
        settings.targets.netbox = "4.1".parse().unwrap();
        let both = crate::rules::testing::linted_for(RULE, &project(""), &settings);
        assert!(both.len() == 1 && both[0].1.contains("password `admin` and an API token"), "{both:?}");
        let own = project("      SUPERUSER_PASSWORD: Kq8-our-own-Wm3\n");
        let token = crate::rules::testing::linted_for(RULE, &own, &settings);
        assert_eq!(token.iter().map(|(line, _)| *line).collect::<Vec<_>>(), [5], "{token:?}");
        assert!(token[0].1.contains("no file of this project sets `SUPERUSER_API_TOKEN`"), "{token:?}");
        let set = project("      SUPERUSER_PASSWORD: Kq8-our-own-Wm3\n      SUPERUSER_API_TOKEN: 7f3a9c2e5b8d1f4a6c9e2b5d8f1a4c7e9b2d5f8a\n");
        assert!(crate::rules::testing::linted_for(RULE, &set, &settings).is_empty());
        settings.targets.netbox = "4.5".parse().unwrap();
        assert!(crate::rules::testing::linted_for(RULE, &own, &settings).is_empty());
        // The default target (4.7): v2 tokens.
        assert_quiet_linted("netbox/docker-superuser-known-credentials", &own);
        assert_fires_linted("netbox/docker-superuser-known-credentials", &project(""), 5);
    }

    /// t194's shape: a whole project that sets no `SKIP_SUPERUSER`, a password of its own and no
    /// token: the finding is at the superuser's variable the project sets; not where it sets none.
    #[test]
    fn an_unset_token_where_no_file_sets_skip_superuser() {
        let project = |environment: &str, more: &str| {
            format!("# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v3.7\n{more}    environment:\n      DB_HOST: postgres\n{environment}```\n")
        };
        let mut settings = Settings::default();
        settings.targets.netbox = "3.7".parse().unwrap();
        let own = project("      SUPERUSER_NAME: nbadmin\n      SUPERUSER_PASSWORD: Kq8-our-own-Wm3\n", "");
        let found = crate::rules::testing::linted_for(RULE, &own, &settings);
        assert_eq!(found.iter().map(|(line, _)| *line).collect::<Vec<_>>(), [7], "{found:?}");
        assert!(found[0].1.contains("the superuser `nbadmin` (no file of this project sets `SKIP_SUPERUSER`), and no file of this project sets `SUPERUSER_API_TOKEN`"), "{found:?}");
        // The password left unset too: netbox-docker before 5.0.0 gives it `admin`, also on a
        // NetBox whose tokens are v2.
        let name_only = project("      SUPERUSER_NAME: nbadmin\n", "");
        let found = crate::rules::testing::linted_for(RULE, &name_only, &settings);
        assert!(found.len() == 1 && found[0].1.contains("the password `admin` and an API token"), "{found:?}");
        settings.targets.netbox = "4.5".parse().unwrap();
        let found = crate::rules::testing::linted_for(RULE, &name_only.replace("v3.7", "v4.5-3.4.2"), &settings);
        assert!(found.len() == 1 && found[0].1.contains("no file of this project sets `SUPERUSER_PASSWORD`: "), "{found:?}");
        settings.targets.netbox = "3.7".parse().unwrap();
        assert!(crate::rules::testing::linted_for(RULE, &project("", ""), &settings).is_empty());
        // The password `admin` there: one finding, on the password.
        let admin = project("      SUPERUSER_PASSWORD: admin\n", "");
        assert_eq!(crate::rules::testing::linted_for(RULE, &admin, &settings).len(), 1);
        // t193's shape: an excerpt leaving out the services it depends on shows `netbox` as
        // written; not where the service takes keys from another file (`extends:`).
        let excerpt = project("      SUPERUSER_PASSWORD: Kq8-our-own-Wm3\n", "    depends_on:\n      - postgres\n");
        let found = crate::rules::testing::linted_for(RULE, &excerpt, &settings);
        assert!(found.len() == 1 && found[0].1.contains("shown sets no `SKIP_SUPERUSER`), and it sets no `SUPERUSER_API_TOKEN`"), "{found:?}");
        let unread = excerpt.replace("    environment:\n", "    extends:\n      file: base.yml\n      service: netbox\n    environment:\n");
        assert!(crate::rules::testing::linted_for(RULE, &unread, &settings).is_empty());
        // netbox-docker 5.0.0 and later fill in no token.
        assert!(crate::rules::testing::linted_for(RULE, &own.replace("v3.7", "v4.6-5.0.1"), &settings).is_empty());
        // The default target (4.7): v2 tokens, a known value alone no longer authenticates.
        assert_quiet_linted("netbox/docker-superuser-known-credentials", &own);
    }
}
