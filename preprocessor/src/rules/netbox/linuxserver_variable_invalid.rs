//! `netbox/linuxserver-variable-invalid`: a variable linuxserver's NetBox image writes into its
//! `configuration.py` whose value does not survive the writing, or is no Python where it goes.
//!
//! ## What it does
//! Applies when `lint` read the whole Compose project, its `netbox` service runs linuxserver's
//! image (`lscr.io/linuxserver/netbox`), no file is mounted over `/config/configuration.py` and
//! no `configuration.py` is shown. For each variable the image writes (`ALLOWED_HOST`, `DB_*`,
//! `REDIS_*`, `REMOTE_AUTH_*`, `CSRF_TRUSTED_ORIGINS`, `SECRET_KEY`) set in the service's
//! `environment:`, reports at the value:
//! - a blank, a `|`, a `&` or a backslash, which the image's start-up script mangles;
//! - a `'` where the value goes inside a Python string;
//! - no Python where the value goes as code (`true` for `True`, a list without brackets), or
//!   origins without quotes in `CSRF_TRUSTED_ORIGINS`;
//! - several host names in `ALLOWED_HOST`, which becomes a one-entry list;
//! - a whole dict in `REMOTE_AUTH_DEFAULT_PERMISSIONS`: the script's `${…:-{}}` appends a `}` to
//!   any value it is given, so only a value one brace short is Python once written.
//!
//! ## Why is this bad?
//! On its first start (no `/config/configuration.py` yet) the image copies its template and
//! replaces each `{{NAME}}` with `sed -i 's|{{'$KEY'}}|'${NETBOX_CONF[$KEY]}'|g'`. The value is
//! unquoted in the shell, and it is sed's replacement text:
//! - the shell splits it at blanks, and sed refuses the cut expression (`unmatched '|'`);
//! - a `|` ends sed's replacement (`bad option in substitution expression`);
//! - sed puts the matched `{{NAME}}` where a `&` is, and reads a backslash as an escape.
//!
//! A value sed refused leaves `{{NAME}}` in the file. As a Python string, NetBox gets that text
//! (a password that fails, `ALLOWED_HOSTS = ['{{ALLOWED_HOST}}']`, which answers 400 Bad Request to
//! every request). As code, Python cannot evaluate it, and NetBox does not start. A value that is
//! no Python where it goes as code stops NetBox at start-up too (`REMOTE_AUTH_ENABLED = true`:
//! NameError). Changing the variable afterwards changes nothing: the image writes the file only
//! once.
//!
//! ## Example
//! `REMOTE_AUTH_ENABLED=true`, `CSRF_TRUSTED_ORIGINS=https://netbox.example.com`.
//!
//! Use instead: `REMOTE_AUTH_ENABLED=True`,
//! `CSRF_TRUSTED_ORIGINS='https://netbox.example.com'`, a password without blanks, `|`, `&` or
//! `\`. Or edit `/config/configuration.py` itself.

use crate::finding::{BlockId, Finding, Rule, Severity};
use crate::parse::env::{LINUXSERVER, Slot};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A value linuxserver's image writes wrong, or that stops NetBox.
pub const LINUXSERVER_VARIABLE_INVALID: Rule = Rule {
    id: "netbox/linuxserver-variable-invalid",
    severity: Severity::Error,
    summary: "a variable linuxserver's NetBox image writes into configuration.py holds a blank, `|`, `&` or `\\` (its start-up script's sed mangles or refuses it), a `'` inside a Python string, or no Python where it goes as code (`true`, unquoted origins): NetBox gets another value, or does not start",
    help: "write Python where the value goes as code (`True`, `['staff']`, `'https://netbox.example.com'`), and values without blanks, `|`, `&`, `\\` or `'`; or edit /config/configuration.py itself (the image writes it only on its first start)",
    fact: "linuxserver/docker-netbox c710945 root/etc/s6-overlay/s6-rc.d/init-netbox-config/run L8-32 (each variable, `${NAME:-default}`; L28's `${REMOTE_AUTH_DEFAULT_PERMISSIONS:-{}}` ends at the first `}`, so bash appends a `}` to any value given, as `X=a; echo ${X:-{}}` prints `a}`), L34-41 (only when /config/configuration.py does not exist: copy the template, then `sed -i 's|{{'$KEY'}}|'${NETBOX_CONF[$KEY]}'|g'` per variable, the value unquoted), root/defaults/configuration.py L11-64, L94, L110-112, L249-254 (which slots are inside quotes: `'{{DB_PASSWORD}}'`; which are code: `REMOTE_AUTH_ENABLED = {{REMOTE_AUTH_ENABLED}}`, `'DATABASE': {{REDIS_DB_TASK}}`, `CSRF_TRUSTED_ORIGINS = [ {{CSRF_TRUSTED_ORIGINS}} ]`); the same script since the first release (ab323f8, root/etc/cont-init.d/50-config). The image's sed is Alpine's busybox (linuxserver/docker-baseimage-alpine 3d5a8b0 installs no GNU sed; package_versions.txt busybox 1.37.0); that line run here with bash and busybox 1.35 sed: a blank gives \"unmatched '|'\" and `|` \"bad option in substitution expression\", both leaving `{{NAME}}`; `&` becomes the matched `{{NAME}}`; `\\n` a line break. README (readme-vars.yml L39, L43): CSRF_TRUSTED_ORIGINS \"comma-separated, single quoted\"; REMOTE_AUTH_AUTO_CREATE_USER \"If true\". Django: ALLOWED_HOSTS entries are compared whole (validate_host). Seen in linuxserver/docker-netbox issues #36 and #39 (that stray `}` in the rendered file stopping NetBox) and tests/realworld/tuning/t171-…",
    applies: Applies::Always,
};

pub fn linuxserver_variable_invalid(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    if !nb.renders_linuxserver_configuration() {
        return;
    }
    for &(name, slot, _) in LINUXSERVER {
        let Some(var) = nb.linuxserver_variable(name) else { continue };
        let Some(text) = var.value.as_str() else { continue };
        // bash's `${NAME:-default}`: an empty value takes the default. A documentation stand-in
        // (`<REDIS_PORT>`) is no value anyone deploys.
        if text.is_empty() || (text.starts_with('<') && text.ends_with('>')) {
            continue;
        }
        if let Some((message, help)) = problem(name, slot, text) {
            out.push(
                Finding::in_block(&LINUXSERVER_VARIABLE_INVALID, var.block, var.value.range.clone(), message)
                    .with_help(help),
            );
        }
    }
}

/// The start of every message: when the image writes the value, and how.
const FIRST_WRITE: &str = "linuxserver's image writes this variable into /config/configuration.py on its first start (where that file does not exist yet) with sed, the value unquoted in the shell";

/// What goes wrong with `text` as the value of `name`, written into `slot`, and the fix.
fn problem(name: &str, slot: Slot, text: &str) -> Option<(String, String)> {
    // `${REMOTE_AUTH_DEFAULT_PERMISSIONS:-{}}` ends at the first `}`: bash appends the second one
    // to any value it is given (init-netbox-config L28; linuxserver/docker-netbox issues #36, #39).
    let written = if name == "REMOTE_AUTH_DEFAULT_PERMISSIONS" { format!("{text}}}") } else { text.to_owned() };
    let placeholder_effect = match (slot, name) {
        (Slot::Quoted, "SECRET_KEY") => "so NetBox gets the 14-character text `{{SECRET_KEY}}` as its key, which NetBox 3.5 and later refuse at start-up (under 50 characters)".to_owned(),
        (Slot::Quoted, _) => format!("so NetBox gets the text `{{{{{name}}}}}` for it"),
        (Slot::Code | Slot::ListItems, _) => "which Python cannot evaluate: NetBox does not start".to_owned(),
    };
    let elsewhere = "or set it in /config/configuration.py itself (where the image already wrote that file, fix it there: the variable no longer matters)";
    if written.contains(char::is_whitespace) {
        return Some((
            format!(
                "{FIRST_WRITE}: the shell splits it at the blank, sed refuses the cut expression (\"unmatched '|'\"), and the file keeps `{{{{{name}}}}}` in its place, {placeholder_effect}"
            ),
            format!("write the value without blanks (`['staff','ops']`), {elsewhere}"),
        ));
    }
    if written.contains('|') {
        return Some((
            format!(
                "{FIRST_WRITE}: the `|` ends sed's replacement, sed refuses the rest (\"bad option in substitution expression\"), and the file keeps `{{{{{name}}}}}` in its place, {placeholder_effect}"
            ),
            format!("write the value without `|`, {elsewhere}"),
        ));
    }
    // A key with the matched `{{SECRET_KEY}}` put in for its `&` is still a key of that length.
    if written.contains('\\') || (name != "SECRET_KEY" && written.contains('&')) {
        return Some((
            format!(
                "{FIRST_WRITE}: sed puts the matched `{{{{{name}}}}}` where a `&` is and reads a backslash as an escape (one at the end makes it refuse the expression), so NetBox does not get the value written here"
            ),
            format!("write the value without `&` or `\\`, {elsewhere}"),
        ));
    }
    match slot {
        Slot::Quoted => quoted_problem(name, text),
        Slot::Code => not_python(text, &written, &format!("X = {written}\n")).map(|why| {
            let help = match (name, text.trim()) {
                ("REMOTE_AUTH_DEFAULT_PERMISSIONS", _) => format!("leave it unset (the image then writes `{{}}`): the script adds a `}}` to any value; {elsewhere}"),
                (_, "true" | "yes" | "on") => "write `True` (in a YAML map, quoted: `\"True\"`; an unquoted True is a YAML boolean, which Compose passes as `true`)".to_owned(),
                (_, "false" | "no" | "off") => "write `False` (in a YAML map, quoted: `\"False\"`)".to_owned(),
                _ => "write a Python value without blanks: `True`, `False`, a number, `['group']`".to_owned(),
            };
            let appended = if written == text { "" } else { " (the script appends a `}` to this variable's value: `${REMOTE_AUTH_DEFAULT_PERMISSIONS:-{}}` ends at the first `}`)" };
            (
                format!("linuxserver's image writes this value as Python code in configuration.py (`{name} = …`){appended}: {why}, and NetBox stops at start-up"),
                help,
            )
        }),
        Slot::ListItems => not_python(text, &written, &format!("X = [\n    {written}\n]\n")).map(|why| {
            (
                format!(
                    "linuxserver's image writes this value between the brackets of a Python list in configuration.py (`CSRF_TRUSTED_ORIGINS = [ … ]`): {why}, and NetBox stops at start-up"
                ),
                "quote each origin and separate them with commas: `'https://netbox.example.com','https://netbox.example.org'`".to_owned(),
            )
        }),
    }
}

/// A value written between single quotes: a `'` in it ends the string (Python then reads what
/// follows, a SyntaxError or another value), and ALLOWED_HOST's one entry is compared whole.
fn quoted_problem(name: &str, text: &str) -> Option<(String, String)> {
    let source = if name == "ALLOWED_HOST" { format!("X = ['{text}']\n") } else { format!("X = '{text}'\n") };
    let parsed = crate::parse::netbox::parse(&source, BlockId(0));
    if !parsed.syntax_errors.is_empty() {
        return Some((
            format!("linuxserver's image writes this value between single quotes in configuration.py (`'{{{{{name}}}}}'`): its `'` ends the Python string, and NetBox stops at start-up with a SyntaxError"),
            "write the value without `'` (the image adds the quotes)".to_owned(),
        ));
    }
    let value = &parsed.settings.first()?.value;
    if name == "ALLOWED_HOST" {
        // `a.example.com','b.example.com` makes two entries on purpose; one entry with a comma is
        // one host name nobody sends.
        let entries = value.items()?;
        return (entries.len() == 1 && entries[0].as_str().is_some_and(|host| host.contains(','))).then(|| {
            (
                "linuxserver's image writes this value as the one entry of ALLOWED_HOSTS (`ALLOWED_HOSTS = ['{{ALLOWED_HOST}}']`): Django compares the browser's host with the whole text, commas included, and answers 400 Bad Request to every request".to_owned(),
                "give one host name (or `*`), and list more in /config/configuration.py's ALLOWED_HOSTS".to_owned(),
            )
        });
    }
    (value.as_str() != Some(text)).then(|| {
        (
            format!("linuxserver's image writes this value between single quotes in configuration.py (`'{{{{{name}}}}}'`): its `'` ends the Python string early, so NetBox gets another value than the one written here"),
            "write the value without `'` (the image adds the quotes)".to_owned(),
        )
    })
}

/// Why `source` (the value `written`, the variable's `text` as the script passes it, in place)
/// is no Python Python can evaluate: a syntax error, or a bare name Python does not know (`true`).
fn not_python(text: &str, written: &str, source: &str) -> Option<String> {
    let parsed = crate::parse::netbox::parse(source, BlockId(0));
    if !parsed.syntax_errors.is_empty() {
        return Some(format!("`{}` there is not Python (a SyntaxError)", written.escape_debug()));
    }
    let word = text.trim().trim_matches(',');
    let bare_name = word.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    (bare_name && !matches!(word, "True" | "False" | "None")).then(|| {
        format!("`{}` is no Python value but a name nothing defines (a NameError)", word.escape_debug())
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, linted};

    fn compose(environment: &str) -> String {
        format!(
            "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: lscr.io/linuxserver/netbox:4.4.1\n    volumes:\n      - ./config:/config\n    environment:\n{environment}```\n"
        )
    }

    /// Each value the start-up script or Python refuses, on line 7 (the first variable): the
    /// permissions as a whole dict too, to which the script adds a `}`.
    #[test]
    fn values_the_image_writes_wrong() {
        let rule = "netbox/linuxserver-variable-invalid";
        for environment in [
            "      - REMOTE_AUTH_ENABLED=true\n",
            "      REMOTE_AUTH_DEFAULT_GROUPS: staff\n",
            "      - CSRF_TRUSTED_ORIGINS=https://netbox.example.com\n",
            "      DB_PASSWORD: \"pa ss\"\n",
            "      - DB_PASSWORD=pa|ss\n",
            "      - DB_PASSWORD=p&ss\n",
            "      - DB_PASSWORD=it's\n",
            "      - ALLOWED_HOST=netbox.example.com,netbox\n",
            "      - \"REMOTE_AUTH_DEFAULT_PERMISSIONS={'dcim.view_site':{}}\"\n",
            "      - REMOTE_AUTH_DEFAULT_PERMISSIONS={}\n",
            "      - SECRET_KEY=0123456789abcdef0123456789abcdef0123456789abcdef\\\n",
            "      - \"REMOTE_AUTH_DEFAULT_GROUPS=['staff', 'ops']\"\n",
        ] {
            assert_fires_linted("netbox/linuxserver-variable-invalid", &compose(environment), 7);
            assert_eq!(linted(rule, &compose(environment)).len(), 1, "{environment}");
        }
        let found = linted(rule, &compose("      - REMOTE_AUTH_AUTO_CREATE_USER=true\n"));
        assert!(found[0].1.contains("`true` is no Python value"), "{found:?}");
    }

    /// Python where code goes (the permissions one brace short: the script adds it), plain
    /// values, empty ones (the default), a key with `&`, two hosts quoted into ALLOWED_HOST, a
    /// documentation stand-in; the same values for netbox-docker's image, or beside a
    /// configuration.py of one's own.
    #[test]
    fn values_the_image_writes_as_they_are() {
        assert_quiet_linted(
            "netbox/linuxserver-variable-invalid",
            &compose(
                "      - REMOTE_AUTH_ENABLED=True\n      - REMOTE_AUTH_DEFAULT_GROUPS=['staff']\n      - \"REMOTE_AUTH_DEFAULT_PERMISSIONS={'dcim.view_site':{}\"\n      - CSRF_TRUSTED_ORIGINS='https://netbox.example.com','https://netbox.example.org'\n      - REDIS_DB_TASK=2\n      - DB_PASSWORD=S3cr3t-p4ss\n      - ALLOWED_HOST=*\n      - REMOTE_AUTH_BACKEND=\n      - SECRET_KEY=abc&def\n      - ALLOWED_HOST=a.example.com','b.example.com\n      - REDIS_PORT=<REDIS_PORT>\n",
            ),
        );
        let rule = "netbox/linuxserver-variable-invalid";
        let netbox_docker = compose("      - REMOTE_AUTH_ENABLED=true\n").replace("lscr.io/linuxserver/netbox:4.4.1", "netboxcommunity/netbox:v4.4-3.4.1");
        assert_quiet_linted(rule, &netbox_docker);
        let own = format!(
            "{}\n```python,check=netbox,file=configuration.py\nREMOTE_AUTH_ENABLED = True\n```\n",
            compose("      - REMOTE_AUTH_ENABLED=true\n")
        );
        assert_quiet_linted(rule, &own);
        // An override that names no image sets the variable right for the base file's image.
        let overridden = format!(
            "{}\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  netbox:\n    environment:\n      - REMOTE_AUTH_ENABLED=True\n```\n",
            compose("      - REMOTE_AUTH_ENABLED=true\n")
        );
        assert_quiet_linted(rule, &overridden);
        // Another publisher's image whose path ends the same way; a configuration file put in place
        // by `configs:`.
        assert_quiet_linted(rule, &compose("      - REMOTE_AUTH_ENABLED=true\n").replace("lscr.io/linuxserver/netbox", "example.org/notlinuxserver/netbox"));
        let configs = compose("      - REMOTE_AUTH_ENABLED=true\n")
            .replace("    volumes:\n", "    configs:\n      - source: netbox\n        target: /config/configuration.py\n    volumes:\n");
        assert_quiet_linted(rule, &configs);
        let mounted = compose("      - REMOTE_AUTH_ENABLED=true\n")
            .replace("      - ./config:/config\n", "      - ./config:/config\n      - ./configuration.py:/config/configuration.py:ro\n");
        assert_quiet_linted(rule, &mounted);
    }
}
