//! `netbox/docker-superuser-variable-unread`: a superuser variable under a name netbox-docker
//! never reads, where the entrypoint creates the superuser from another.
//!
//! ## What it does
//! Where netbox-docker's environment sets `SKIP_SUPERUSER` to anything but `true` (its entrypoint
//! then creates the superuser), finds a variable that spells one of the superuser's three
//! otherwise: `SUPERUSER_USERNAME`, `SUPERUSER_USER` or `SUPERUSER_LOGIN` for `SUPERUSER_NAME`,
//! `SUPERUSER_PASS`, `SUPERUSER_PASSWD` or `SUPERUSER_PWD` for `SUPERUSER_PASSWORD`,
//! `SUPERUSER_MAIL` for `SUPERUSER_EMAIL`, or any of these and the three names they stand for behind
//! NetBox's name as a prefix (`NB_SUPERUSER_USERNAME`, `NETBOX_SUPERUSER_PASSWORD`: one finding
//! for the prefix, at its first variable; not another prefix, which may be another program's,
//! such as Django's `createsuperuser`, which reads `DJANGO_SUPERUSER_*`; and not where the image
//! shown is neither netbox-docker's nor built on it), when its value is not what the entrypoint
//! takes:
//! the variable it reads is set to another value, or is not set and the variable's value is not
//! the default netbox-docker releases before 5.0.0 fill in (`admin`, `admin@example.com`; 5.0.0
//! and later fill in none). "Unset" is said only of a whole project `lint` read; elsewhere the
//! variable is "not set in the files checked". Not judged: the password where a Docker secret
//! gives it (`/run/secrets/superuser_password` wins), linuxserver's image, and a `netbox` service
//! with a command of its own (the entrypoint that creates the superuser may not run).
//!
//! ## Why is this bad?
//! The superuser is created once, from the variables the entrypoint reads: the name, password or
//! address written under the other name is never used, and signing in with it fails.
//!
//! ## Example
//! `SUPERUSER_NAME: "NetBox Admin User"` with `SUPERUSER_USERNAME: "admin"`: the user is named
//! `NetBox Admin User`.
//!
//! Use instead: `SUPERUSER_NAME: "admin"`.

use std::collections::HashMap;

use crate::finding::{Finding, Rule, Severity};
use crate::model::NetboxConfig;
use crate::parse::netbox::Setting;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A superuser variable netbox-docker never reads.
pub const DOCKER_SUPERUSER_VARIABLE_UNREAD: Rule = Rule {
    id: "netbox/docker-superuser-variable-unread",
    severity: Severity::Warning,
    summary: "a superuser variable netbox-docker never reads (`SUPERUSER_USERNAME`, `SUPERUSER_PASS`, `NB_SUPERUSER_NAME`, …) where its entrypoint creates the superuser from `SUPERUSER_NAME`, `SUPERUSER_PASSWORD` or `SUPERUSER_EMAIL` with another value",
    help: "give the value to the variable netbox-docker reads (`SUPERUSER_NAME`, `SUPERUSER_PASSWORD`, `SUPERUSER_EMAIL`) and remove the other; a superuser already created keeps its name and password",
    fact: "netbox-docker docker/docker-entrypoint.sh (3.0.2 L54-81; every tag to 27bf52c reads no other SUPERUSER_ name) creates the superuser with `User.objects.create_superuser('${SUPERUSER_NAME}', '${SUPERUSER_EMAIL}', '${SUPERUSER_PASSWORD}')`, filling in `admin`, `admin@example.com` and `admin` for unset ones (L57-66), and prints 'Superuser Username: ${SUPERUSER_NAME}'; the later docker/super_user.py (netbox-docker 0cd10dd, index id 66813473691) reads SUPERUSER_NAME, SUPERUSER_EMAIL, SUPERUSER_PASSWORD and SUPERUSER_API_TOKEN with no default. Seen in netbox-docker issue #1434 (tests/realworld/tuning/t192-…: the log line 'Superuser Username: NetBox Admin User' and no user admin), and NB_SUPERUSER_* read only by a project's own script that nothing runs (t235-…)",
    applies: Applies::Always,
};

/// The superuser variables netbox-docker reads, with the value releases before 5.0.0 fill in.
const READ: &[(&str, &str)] =
    &[("SUPERUSER_NAME", "admin"), ("SUPERUSER_PASSWORD", "admin"), ("SUPERUSER_EMAIL", "admin@example.com")];

/// The names netbox-docker never reads, each with the one it reads and the value netbox-docker
/// releases before 5.0.0 fill in when that one is unset (5.0.0 and later fill in none).
const SPELLED_OTHERWISE: &[(&str, &str, &str)] = &[
    ("SUPERUSER_USERNAME", "SUPERUSER_NAME", "admin"),
    ("SUPERUSER_USER", "SUPERUSER_NAME", "admin"),
    ("SUPERUSER_LOGIN", "SUPERUSER_NAME", "admin"),
    ("SUPERUSER_PASS", "SUPERUSER_PASSWORD", "admin"),
    ("SUPERUSER_PASSWD", "SUPERUSER_PASSWORD", "admin"),
    ("SUPERUSER_PWD", "SUPERUSER_PASSWORD", "admin"),
    ("SUPERUSER_MAIL", "SUPERUSER_EMAIL", "admin@example.com"),
];

pub fn docker_superuser_variable_unread(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    // The entrypoint compares the text with `true` exactly; absent or unknown says nothing.
    let Some(skip) = nb.environment_variable("SKIP_SUPERUSER") else { return };
    if skip.value.as_str().is_none_or(|skip| skip == "true") {
        return;
    }
    let stock = nb.stock_configuration();
    // linuxserver's image reads none of netbox-docker's superuser variables; a command of the
    // service's own may not start the entrypoint that creates the superuser.
    let own_command = nb
        .whole_project_services()
        .is_some_and(|services| services.shown.iter().any(|s| s.name.eq_ignore_ascii_case("netbox") && s.own_command));
    if stock.is_some_and(|stock| stock.linuxserver_image) || own_command {
        return;
    }
    // "Unset" only where the whole project was read: elsewhere another file may set it.
    let whole = nb.whole_project_services().is_some() && stock.is_some_and(|stock| !stock.environment_unseen);
    let not_set = if whole { "is unset" } else { "is not set in the files checked" };
    // Names of one's own behind a prefix, by prefix: one finding for each (one rename fixes all).
    // Each name once, as Compose keeps it (the last), looked up in one pass: linear in the file.
    let last = nb.environment_last();
    let mut prefixed: Vec<(&str, Vec<Unread<'_>>)> = Vec::new();
    let mut by_prefix: HashMap<&str, usize> = HashMap::new();
    // Not where the image shown is neither netbox-docker's nor built on it: an image of one's
    // own may read its own names.
    let entrypoint_known =
        stock.is_none_or(|stock| stock.published_image.is_none() || super::superuser::runs_entrypoint(stock));
    for var in nb.environment().filter(|_| entrypoint_known) {
        let Some((prefix, read, filled_in)) = read_under_prefix(&var.name) else { continue };
        if !last.get(var.name.as_str()).is_some_and(|kept| std::ptr::eq(*kept, var)) {
            continue;
        }
        let Some(lost) = value_lost(nb, var, (read, last.get(read).copied()), filled_in) else { continue };
        let unread = Unread { var, read, filled_in, lost };
        match by_prefix.get(prefix) {
            Some(&at) => prefixed[at].1.push(unread),
            None => {
                by_prefix.insert(prefix, prefixed.len());
                prefixed.push((prefix, vec![unread]));
            }
        }
    }
    for (prefix, vars) in prefixed {
        let names = and_list(vars.iter().map(|v| format!("`{}`", v.var.name.escape_debug())));
        let mut reads: Vec<&str> = Vec::new();
        for v in &vars {
            if !reads.contains(&v.read) {
                reads.push(v.read);
            }
        }
        out.push(
            Finding::in_block(
                &DOCKER_SUPERUSER_VARIABLE_UNREAD,
                vars[0].var.block,
                vars[0].var.name_range.clone(),
                format!(
                    "`SKIP_SUPERUSER` is `{}`, so netbox-docker's entrypoint creates the superuser, but it never reads {names} (the names it reads have no `{prefix}_` prefix): {}, so what is given here is never used",
                    skip.value.as_str().unwrap_or_default().escape_debug(),
                    instead_of_all(&vars, not_set),
                ),
            )
            .with_help(format!(
                "rename them to {}, the names netbox-docker reads",
                and_list(reads.iter().map(|read| format!("`{read}`")))
            )),
        );
    }
    for &(unread, read, filled_in) in SPELLED_OTHERWISE {
        let Some(&var) = last.get(unread) else { continue };
        let Some(lost) = value_lost(nb, var, (read, last.get(read).copied()), filled_in) else { continue };
        let used = instead(read, filled_in, lost, not_set);
        let what = match read {
            "SUPERUSER_NAME" => "name",
            "SUPERUSER_PASSWORD" => "password",
            _ => "e-mail address",
        };
        out.push(
            Finding::in_block(
                &DOCKER_SUPERUSER_VARIABLE_UNREAD,
                var.block,
                var.name_range.clone(),
                format!(
                    "netbox-docker's entrypoint never reads `{unread}`: it creates the superuser with the {what} in `{read}`, and {used} (`SKIP_SUPERUSER` is `{}`), so the {what} given here is never used",
                    skip.value.as_str().unwrap_or_default().escape_debug()
                ),
            )
            .with_help(format!("set `{read}` to this value and remove `{unread}`")),
        );
    }
}

/// What becomes of a value under a name the entrypoint never reads.
#[derive(Clone, Copy, PartialEq)]
enum Lost {
    /// The variable it reads is set to another value.
    OtherValue,
    /// The variable it reads is not set, and this is not the value older releases fill in.
    Unset,
}

/// What becomes of the value of `var`, a name the entrypoint never reads for `read` (`used`, the
/// variable of that name, if set): `None`
/// where nothing is lost (the same value under both names, the default an older image fills in
/// anyway, a Docker secret giving the password, a value not known here).
fn value_lost(nb: &NetboxConfig, var: &Setting, (read, used): (&str, Option<&Setting>), filled_in: &str) -> Option<Lost> {
    let value = var.value.as_str()?;
    // A Docker secret file gives the password, whatever the variables say (entrypoint L63-64).
    if read == "SUPERUSER_PASSWORD" && nb.stock_configuration().is_some_and(|stock| stock.superuser_secrets) {
        return None;
    }
    match used.map(|used| used.value.as_str()) {
        Some(Some(used)) if used != value => Some(Lost::OtherValue),
        // Not set: releases before 5.0.0 fill in a default, later ones none (super_user.py
        // passes None: no user without a name, no usable password without one); either way
        // not this value, unless it is that default (then an older image takes it anyway).
        None if value != filled_in => Some(Lost::Unset),
        _ => None,
    }
}

/// A variable under a name the entrypoint never reads: the one it reads, the value releases
/// before 5.0.0 fill in for that, and what becomes of this one's value.
struct Unread<'a> {
    var: &'a Setting,
    read: &'static str,
    filled_in: &'static str,
    lost: Lost,
}

/// What happens instead, for a message.
fn instead(read: &str, filled_in: &str, lost: Lost, not_set: &str) -> String {
    if lost == Lost::OtherValue {
        return format!("`{read}` is set to another value");
    }
    let later = match read {
        "SUPERUSER_NAME" => "; 5.0.0 and later fill in nothing, and the superuser is not created",
        "SUPERUSER_PASSWORD" => "; 5.0.0 and later fill in nothing, and the superuser gets no usable password",
        _ => "; 5.0.0 and later fill in nothing",
    };
    format!("`{read}` {not_set} (netbox-docker before 5.0.0 fills in `{filled_in}`{later})")
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: impl Iterator<Item = String>) -> String {
    let mut items: Vec<String> = items.collect();
    let last = items.pop().unwrap_or_default();
    if items.is_empty() { last } else { format!("{} and {last}", items.join(", ")) }
}

/// Names of one's own behind one prefix, what each stands for and what becomes of it, said at
/// once, each variable read named once: `SUPERUSER_NAME` and `SUPERUSER_PASSWORD` are unset, …;
/// `SUPERUSER_EMAIL` is set to another value.
fn instead_of_all(vars: &[Unread<'_>], not_set: &str) -> String {
    let listed = |lost: Lost| -> Vec<(&str, &str)> {
        let mut reads: Vec<(&str, &str)> = Vec::new();
        for v in vars.iter().filter(|v| v.lost == lost) {
            if !reads.iter().any(|(read, _)| *read == v.read) {
                reads.push((v.read, v.filled_in));
            }
        }
        reads
    };
    let mut said = Vec::new();
    let unset = listed(Lost::Unset);
    if !unset.is_empty() {
        let (verb, which) = if unset.len() > 1 {
            (not_set.replacen("is", "are", 1), " respectively")
        } else {
            (not_set.to_string(), "")
        };
        said.push(format!(
            "{} {verb}, which netbox-docker before 5.0.0 fills in with {}{which} and 5.0.0 and later leave empty",
            and_list(unset.iter().map(|(read, _)| format!("`{read}`"))),
            and_list(unset.iter().map(|(_, filled)| format!("`{filled}`"))),
        ));
    }
    let other = listed(Lost::OtherValue);
    if !other.is_empty() {
        let verb = if other.len() > 1 { "are set to other values" } else { "is set to another value" };
        said.push(format!("{} {verb}", and_list(other.iter().map(|(read, _)| format!("`{read}`")))));
    }
    said.join("; ")
}

/// NetBox's own name and its short form as prefixes (`NB_SUPERUSER_USERNAME`, corpus case t235).
/// Any other prefix may be another program's, and an env file `lint` reads may be that
/// program's: Django's own `createsuperuser --noinput` reads `DJANGO_SUPERUSER_PASSWORD` and
/// `DJANGO_SUPERUSER_<FIELD>` (django/contrib/auth/management/commands/createsuperuser.py
/// L199-222, the Django of NetBox 4.6.8's virtual environment), so those are read by
/// `manage.py createsuperuser --noinput` run in a NetBox container (netbox-docker's entrypoint
/// never runs it).
const NETBOX_PREFIXES: &[&str] = &["NB", "NETBOX"];

/// A superuser variable behind NetBox's name as a prefix of one's own (see [`NETBOX_PREFIXES`]):
/// the prefix, the variable the entrypoint reads and the value releases before 5.0.0 fill in for
/// it.
fn read_under_prefix(name: &str) -> Option<(&str, &'static str, &'static str)> {
    let at = name.find("_SUPERUSER_")?;
    let (prefix, rest) = (&name[..at], &name[at + 1..]);
    if !NETBOX_PREFIXES.contains(&prefix) {
        return None;
    }
    READ.iter()
        .find(|(read, _)| *read == rest)
        .map(|&(read, filled_in)| (read, filled_in))
        .or_else(|| SPELLED_OTHERWISE.iter().find(|(unread, _, _)| *unread == rest).map(|&(_, read, filled_in)| (read, filled_in)))
        .map(|(read, filled_in)| (prefix, read, filled_in))
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_fires_in_chapter, assert_quiet_in_chapter};

    /// An override whose `environment:` entries are the block's lines 4 on.
    fn chapter(environment: &str) -> String {
        format!("# t\n\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  netbox:\n    environment:\n{environment}```\n")
    }

    /// t192's shape: the name under SUPERUSER_USERNAME, the display name in SUPERUSER_NAME.
    #[test]
    fn a_name_or_password_under_a_name_the_entrypoint_never_reads() {
        let issue = chapter(
            "      SKIP_SUPERUSER: \"false\"\n      SUPERUSER_NAME: \"NetBox Admin User\"\n      SUPERUSER_USERNAME: \"admin\"\n",
        );
        assert_fires_in_chapter("netbox/docker-superuser-variable-unread", &issue, 6);
        // The password under SUPERUSER_PASS, SUPERUSER_PASSWORD unset: the entrypoint's default.
        let pass = chapter("      SKIP_SUPERUSER: \"false\"\n      SUPERUSER_PASS: \"Vq7-pUw3\"\n");
        assert_fires_in_chapter("netbox/docker-superuser-variable-unread", &pass, 5);
        // Unset, the variable it reads is filled in by releases before 5.0.0 only.
        let found = crate::rules::testing::diagnostics(&pass, &crate::config::Settings::default());
        let message = &found.iter().find(|d| d.rule == "netbox/docker-superuser-variable-unread").unwrap().message;
        assert!(message.contains("`SUPERUSER_PASSWORD` is not set in the files checked (netbox-docker before 5.0.0 fills in `admin`; 5.0.0 and later fill in nothing, and the superuser gets no usable password)"), "{message}");
        // A whole project `lint` read: the variable is unset.
        let project = pass.replace("docker-compose.override.yml", "docker-compose.yml").replace(
            "  netbox:\n",
            "  netbox:\n    image: netboxcommunity/netbox:v4.4-3.4.2\n",
        );
        let linted = crate::rules::testing::linted("netbox/docker-superuser-variable-unread", &project);
        assert!(linted.len() == 1 && linted[0].1.contains("`SUPERUSER_PASSWORD` is unset ("), "{linted:?}");
        // The e-mail address under SUPERUSER_MAIL beside another SUPERUSER_EMAIL.
        let mail = chapter("      SKIP_SUPERUSER: \"false\"\n      SUPERUSER_EMAIL: a@example.net\n      SUPERUSER_MAIL: b@example.net\n");
        assert_fires_in_chapter("netbox/docker-superuser-variable-unread", &mail, 6);
    }

    /// t235's shape: the superuser's variables behind a prefix of one's own (`NB_`), read by a
    /// script nothing runs: one finding, at the first, for the one rename.
    #[test]
    fn names_behind_a_prefix_of_ones_own() {
        let prefixed = chapter("      SKIP_SUPERUSER: \"false\"\n      NB_SUPERUSER_USERNAME: netops\n      NB_SUPERUSER_PASSWORD: Vl4nd-Ops\n      NB_SUPERUSER_EMAIL: netops@example.net\n");
        let found = crate::rules::testing::diagnostics(&prefixed, &crate::config::Settings::default());
        let found: Vec<_> = found.iter().filter(|d| d.rule == "netbox/docker-superuser-variable-unread").collect();
        assert_eq!(found.iter().map(|d| d.start.line).collect::<Vec<_>>(), [8], "{found:?}");
        assert!(
            found[0].message.contains("`NB_SUPERUSER_USERNAME`, `NB_SUPERUSER_PASSWORD` and `NB_SUPERUSER_EMAIL`")
                && found[0].message.contains("no `NB_` prefix")
                && found[0].message.contains("`SUPERUSER_NAME`, `SUPERUSER_PASSWORD` and `SUPERUSER_EMAIL` are not set in the files checked, which netbox-docker before 5.0.0 fills in with `admin`, `admin` and `admin@example.com` respectively")
                && found[0].help.contains("rename them to `SUPERUSER_NAME`, `SUPERUSER_PASSWORD` and `SUPERUSER_EMAIL`"),
            "{} / {}",
            found[0].message,
            found[0].help
        );
        // Two spellings of one variable name it once.
        let twice = chapter("      SKIP_SUPERUSER: \"false\"\n      NB_SUPERUSER_USER: netops\n      NB_SUPERUSER_LOGIN: netops\n");
        let found = crate::rules::testing::diagnostics(&twice, &crate::config::Settings::default());
        let message = &found.iter().find(|d| d.rule == "netbox/docker-superuser-variable-unread").unwrap().message;
        assert!(message.contains("`NB_SUPERUSER_USER` and `NB_SUPERUSER_LOGIN`") && message.contains(": `SUPERUSER_NAME` is not set"), "{message}");
        // Other prefixes, which may be other programs' (Django's createsuperuser reads
        // DJANGO_SUPERUSER_*), and an image of one's own, which may read its own names.
        for other in ["DJANGO", "PATRONI", "NAUTOBOT"] {
            let theirs = chapter(&format!("      SKIP_SUPERUSER: \"false\"\n      {other}_SUPERUSER_USERNAME: netops\n"));
            assert_quiet_in_chapter("netbox/docker-superuser-variable-unread", &theirs);
        }
        let own_image = prefixed.replace("  netbox:\n", "  netbox:\n    image: registry.example.net/ops/netbox-own:4.4\n");
        assert_quiet_in_chapter("netbox/docker-superuser-variable-unread", &own_image);
        // What the entrypoint reads set to the same values: nothing is lost.
        let same = chapter("      SKIP_SUPERUSER: \"false\"\n      SUPERUSER_NAME: netops\n      NB_SUPERUSER_USERNAME: netops\n");
        assert_quiet_in_chapter("netbox/docker-superuser-variable-unread", &same);
        // Another value: said so.
        let other = chapter("      SKIP_SUPERUSER: \"false\"\n      SUPERUSER_NAME: ops\n      NB_SUPERUSER_USERNAME: netops\n");
        let found = crate::rules::testing::diagnostics(&other, &crate::config::Settings::default());
        assert!(found.iter().any(|d| d.rule == "netbox/docker-superuser-variable-unread" && d.message.contains("`SUPERUSER_NAME` is set to another value")), "{found:?}");
    }

    #[test]
    fn quiet_where_nothing_is_lost() {
        // The superuser is skipped, or SKIP_SUPERUSER is not shown.
        assert_quiet_in_chapter("netbox/docker-superuser-variable-unread", &chapter("      SKIP_SUPERUSER: \"true\"\n      SUPERUSER_USERNAME: \"bob\"\n"));
        assert_quiet_in_chapter("netbox/docker-superuser-variable-unread", &chapter("      SUPERUSER_USERNAME: \"bob\"\n"));
        // The same value under both names, or the default an older image fills in anyway.
        assert_quiet_in_chapter(
            "netbox/docker-superuser-variable-unread",
            &chapter("      SKIP_SUPERUSER: \"false\"\n      SUPERUSER_NAME: bob\n      SUPERUSER_USERNAME: bob\n"),
        );
        assert_quiet_in_chapter("netbox/docker-superuser-variable-unread", &chapter("      SKIP_SUPERUSER: \"false\"\n      SUPERUSER_USERNAME: admin\n"));
        // A Docker secret gives the password; linuxserver's image reads none of these.
        let secret = chapter("      SKIP_SUPERUSER: \"false\"\n      SUPERUSER_PASS: pw\n")
            .replace("    environment:\n", "    secrets:\n      - superuser_password\n    environment:\n");
        assert_quiet_in_chapter("netbox/docker-superuser-variable-unread", &secret);
        let linuxserver = chapter("      SKIP_SUPERUSER: \"false\"\n      SUPERUSER_USERNAME: bob\n")
            .replace("  netbox:\n", "  netbox:\n    image: lscr.io/linuxserver/netbox:4.4.1\n");
        assert_quiet_in_chapter("netbox/docker-superuser-variable-unread", &linuxserver);
        // A name netbox-docker reads.
        assert_quiet_in_chapter("netbox/docker-superuser-variable-unread", &chapter("      SKIP_SUPERUSER: \"false\"\n      SUPERUSER_NAME: bob\n"));
    }
}
