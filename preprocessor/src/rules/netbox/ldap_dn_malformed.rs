//! `netbox/ldap-dn-malformed`: a distinguished name in the LDAP settings that is none: a part
//! without `attribute=value` (`…,DC=exmple,cxm,DC=com`), an expression written into a text
//! (`(LDAPGroupQuery("cn=…") | …)` in an environment variable), or two parts joined by a `.`
//! where a `,` belongs (`cn=NetOps.ou=Users,…`).
//!
//! ## What it does
//! Reads the group DNs of ldap_config.py (`AUTH_LDAP_REQUIRE_GROUP`, `AUTH_LDAP_DENY_GROUP`,
//! each group of `AUTH_LDAP_USER_FLAGS_BY_GROUP`) and the variables netbox-docker's LDAP file
//! takes DNs from (`AUTH_LDAP_USER_SEARCH_BASEDN`, `AUTH_LDAP_GROUP_SEARCH_BASEDN`,
//! `AUTH_LDAP_REQUIRE_GROUP_DN`, `AUTH_LDAP_IS_ADMIN_DN`, `AUTH_LDAP_IS_SUPERUSER_DN`), and
//! netbox-chart's LDAP values (`userSearchBaseDn`, `groupSearchBaseDn`, and the lists
//! `requireGroupDn`, `isAdminDn`, `isSuperUserDn`, which the chart's ldap.yaml names
//! `AUTH_LDAP_USER_SEARCH_BASEDN` … `AUTH_LDAP_IS_SUPERUSER_LIST`), and
//! reports one whose comma-separated parts (outside quotes and escapes) are not each
//! `attribute=value` with an attribute name of letters, digits and `-` (or an OID), or whose
//! value holds `.` and one of RFC 4514's attribute names with its `=` (`cn=NetOps.ou=Users`:
//! legal syntax, since `=` needs no escape in a value, but the DN of one part whose value is
//! `NetOps.ou=Users`, an entry no directory holds). The bind DN and the user DN template
//! (`AUTH_LDAP_BIND_DN`, `AUTH_LDAP_USER_DN_TEMPLATE`) are judged only for a `{name}` of a
//! variable the configuration assigns, written in a plain string (Python fills it only in an
//! f-string). Empty values,
//! template slots and values built by code are left alone, and so is the bind DN: Active
//! Directory takes a user principal name (`svc@corp.example.com`) or `DOMAIN\user` for a simple
//! bind.
//!
//! ## Why is this bad?
//! django-auth-ldap hands these strings to the directory as DNs: it binds with the bind DN,
//! searches under the base DNs, and checks a user's membership of each group DN (a group query
//! of one DN, django_auth_ldap/backend.py L590-595, 5.4.0). A string that is no DN names no
//! entry: the directory refuses it (invalidDNSyntax), so the bind or search fails, or the group
//! is never matched: nobody gets the flag, or nobody passes the required group. A `.` for a `,`
//! is no syntax error, so the directory does not refuse it: it answers that no such entry
//! exists, which django-auth-ldap takes as "not a member" (config.py L548-555, 4.6.0).
//!
//! ## Example
//! `"is_superuser": "CN=Network-Team,OU=Groups,DC=corp,DC=exmple,cxm,DC=com"`
//!
//! Use instead: `"CN=Network-Team,OU=Groups,DC=corp,DC=example,DC=com"`.

use super::placeholders::{names_bound, unformatted_placeholder};
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::{Setting, Value, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A distinguished name that is none.
pub const LDAP_DN_MALFORMED: Rule = Rule {
    id: "netbox/ldap-dn-malformed",
    severity: Severity::Warning,
    summary: "a distinguished name of the LDAP settings (search base, required, denied or flag group) that is none: a part without `attribute=value`, a Python expression written into a text, or two parts joined by a `.` where a `,` belongs: the directory refuses it or finds no such entry, so the bind or search fails or the group never matches",
    help: "write the DN as comma-separated `attribute=value` parts (`CN=Network-Team,OU=Groups,DC=example,DC=com`); several groups need ldap_config.py's `LDAPGroupQuery`, which an environment variable cannot hold",
    fact: "RFC 4514 §2-3 (a DN is RDNs separated by `,`, each `attributeType=value`, the type a keyword of letters, digits and `-` or a dotted OID); django-auth-ldap 5.4.0 backend.py L590-595 (`LDAPGroupQuery(required_group_dn)` for a string) and config.py L538-546 (membership by `compare_s(group_dn, …)`); NetBox hands ldap_config.py's AUTH_LDAP_* names to it (netbox/netbox/authentication/__init__.py L362-366, 4.6.8); netbox-docker 3.0.2 configuration/ldap/ldap_config.py L38, L62, L75, L87, L94-96 (the variables each DN comes from). RFC 4514 §3 (the attribute names a string DN uses: CN, L, ST, O, OU, C, STREET, DC, UID) and §2.4 (`=` needs no escape in a value, so `cn=NetOps.ou=Users` is one part); django-auth-ldap 4.6.0 config.py L456-460, L548-555 (a group DN the directory answers NO_SUCH_OBJECT for is \"not a member\"). Seen in tests/realworld/tuning/t157-… (a flag group with `cxm` for a part), t158-… (a group query in AUTH_LDAP_REQUIRE_GROUP_DN, the issue's invalidDNSyntax), t181-… (JumpCloud group DNs `cn=….ou=Users,…`) and t188-… (`\"CN={binduser},…\"` without the `f`: Python Language Reference §2.4.3, only an f-string fills `{…}`)",
    applies: Applies::Always,
};

/// The settings of ldap_config.py that hold DNs (a dict's values for the flags), and the names
/// netbox-chart's ldap.yaml gives its DN values (8.3.61 templates/configmap.yaml L192-205:
/// search bases, and the lists its ldap_config.py turns into group queries).
const SETTINGS: &[&str] = &[
    "AUTH_LDAP_REQUIRE_GROUP",
    "AUTH_LDAP_DENY_GROUP",
    "AUTH_LDAP_USER_FLAGS_BY_GROUP",
    "AUTH_LDAP_USER_SEARCH_BASEDN",
    "AUTH_LDAP_GROUP_SEARCH_BASEDN",
    "AUTH_LDAP_REQUIRE_GROUP_LIST",
    "AUTH_LDAP_IS_ADMIN_LIST",
    "AUTH_LDAP_IS_SUPERUSER_LIST",
];

/// The settings of ldap_config.py that hold a DN, or a DN template, judged only for a
/// placeholder written for an f-string (see [`super::placeholders::unformatted_placeholder`]): the
/// bind DN may be what Active Directory takes instead of a DN, and the template holds
/// django-auth-ldap's `%(user)s`.
const PLACEHOLDER_ONLY: &[&str] = &["AUTH_LDAP_BIND_DN", "AUTH_LDAP_USER_DN_TEMPLATE"];

/// Whether a setting of ldap_config.py holds DNs this rule judges (and
/// `netbox/string-not-formatted` leaves to it).
pub(super) fn holds_dns(name: &str) -> bool {
    SETTINGS.contains(&name) || PLACEHOLDER_ONLY.contains(&name)
}

/// netbox-docker's variables that hold DNs.
const VARIABLES: &[&str] = &[
    "AUTH_LDAP_USER_SEARCH_BASEDN",
    "AUTH_LDAP_GROUP_SEARCH_BASEDN",
    "AUTH_LDAP_REQUIRE_GROUP_DN",
    "AUTH_LDAP_IS_ADMIN_DN",
    "AUTH_LDAP_IS_SUPERUSER_DN",
];

pub fn ldap_dn_malformed(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let bound = names_bound(&d.netbox);
    for setting in d.netbox.own_settings() {
        if !holds_dns(&setting.name) || !d.netbox.is_ldap_setting(setting) || d.netbox.is_from_environment(setting) {
            continue;
        }
        let placeholder_only = PLACEHOLDER_ONLY.contains(&setting.name.as_str());
        let mut values = Vec::new();
        dns(&setting.value, &mut values);
        for value in values {
            let text = value.as_str().unwrap_or_default();
            match unformatted_placeholder(text, |n| bound.contains(n)) {
                Some(placeholder) => out.push(Finding::in_block(
                    &LDAP_DN_MALFORMED,
                    setting.block,
                    value.range.clone(),
                    format!(
                        "`{}` holds `{}` for a variable of the configuration, but it is a plain string, not an f-string: Python keeps the braces, so `{}` names no entry of the directory (a bind or search with it fails; a group never matches)",
                        text.escape_debug(),
                        placeholder.escape_debug(),
                        setting.name.escape_debug()
                    ),
                )),
                None if !placeholder_only => report(setting, value, out),
                None => {}
            }
        }
    }
    if d.netbox.netbox_docker_reads_ldap_variables() {
        let kept = d.netbox.environment_last();
        for var in d.netbox.environment().filter(|var| VARIABLES.contains(&var.name.as_str())) {
            // The last value a variable gets is the one read.
            if kept.get(var.name.as_str()).is_some_and(|last| std::ptr::eq(*last, var)) {
                report(var, &var.value, out);
            }
        }
    }
}

/// The text values a DN setting holds: itself, a dict's values, a list's items.
fn dns<'a>(value: &'a Value, out: &mut Vec<&'a Value>) {
    match &value.kind {
        ValueKind::Str(_) => out.push(value),
        ValueKind::Dict(pairs) => pairs.iter().for_each(|(_, v)| dns(v, out)),
        ValueKind::List(items) | ValueKind::Tuple(items) => items.iter().for_each(|i| dns(i, out)),
        _ => {}
    }
}

fn report(setting: &Setting, value: &Value, out: &mut Vec<Finding>) {
    let Some(text) = value.as_str() else { return };
    let Some(flaw) = flaw(text) else { return };
    let (text, name) = (text.escape_debug(), setting.name.escape_debug());
    let message = match flaw {
        Flaw::NotAttributeValue(part) => format!(
            "`{text}` is no distinguished name: its part `{}` is not `attribute=value`, so the directory refuses it and `{name}` names no entry (a bind or search with it fails; a group never matches)",
            part.trim().escape_debug(),
        ),
        Flaw::DotForComma { part, joined } => format!(
            "`{text}` names no entry: its part `{}` joins `{}` to the part before it with a `.` where a `,` belongs, so the directory reads one part whose value holds `{}` and answers that no such entry exists (a bind or search with `{name}` fails; a group never matches)",
            part.trim().escape_debug(),
            joined.escape_debug(),
            joined.escape_debug(),
        ),
    };
    out.push(Finding::in_block(&LDAP_DN_MALFORMED, setting.block, value.range.clone(), message));
}

/// What is wrong with a DN.
enum Flaw<'a> {
    /// A part that is not `attribute=value`.
    NotAttributeValue(&'a str),
    /// A part whose value holds `.` and an attribute name with its `=` (`cn=NetOps.ou=Users`):
    /// `joined` is the `ou=` that follows the `.`.
    DotForComma { part: &'a str, joined: &'a str },
}

/// RFC 4514 §3's attribute names, the ones a string DN writes by name.
const NAMES: &[&str] = &["CN", "L", "ST", "O", "OU", "C", "STREET", "DC", "UID"];

/// The first flaw of a DN, if any (`None` for a DN, an empty value, or a template's slot).
fn flaw(text: &str) -> Option<Flaw<'_>> {
    let text = text.trim();
    if text.is_empty() || ["{{", "${", "%(", "{%"].iter().any(|slot| text.contains(slot)) {
        return None;
    }
    let mut start = 0;
    let mut escaped = false;
    let mut quoted = false;
    let mut parts = Vec::new();
    for (at, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            // A quoted value (RFC 2253 §4: `CN="NetBox, Users"`) holds its commas.
            '"' => quoted = !quoted,
            ',' | '+' if !quoted => {
                parts.push(&text[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    let mut joined_by_dot = None;
    for part in parts {
        let Some((attribute, value)) = part.split_once('=') else { return Some(Flaw::NotAttributeValue(part)) };
        let attribute = attribute.trim();
        let keyword = attribute.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && attribute.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        let oid = !attribute.is_empty() && attribute.split('.').all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if !(keyword || oid) {
            return Some(Flaw::NotAttributeValue(part));
        }
        if joined_by_dot.is_none() && !value.starts_with('"') {
            joined_by_dot = dot_joined_name(value).map(|joined| Flaw::DotForComma { part, joined });
        }
    }
    joined_by_dot
}

/// In a part's value, `.` then one of RFC 4514's attribute names and `=` (`NetOps.ou=Users`
/// gives `ou=`), the name's case as written. Each `.` looks at most at the next seven bytes (the
/// longest name, `STREET`, and its `=`), so the scan is linear in the value.
fn dot_joined_name(value: &str) -> Option<&str> {
    value.match_indices('.').find_map(|(dot, _)| {
        let after = &value[dot + 1..];
        let name_end = after.bytes().take(7).position(|b| !b.is_ascii_alphanumeric())?;
        let name = &after[..name_end];
        (after.as_bytes()[name_end] == b'=' && NAMES.iter().any(|known| known.eq_ignore_ascii_case(name))).then(|| &after[..=name_end])
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases_in, finding_in};

    const LDAP: &str = "import ldap\nAUTH_LDAP_SERVER_URI = 'ldaps://ldap.example.com'\n";

    #[test]
    fn cases() {
        let flags = |dn: &str| format!("{LDAP}AUTH_LDAP_USER_FLAGS_BY_GROUP = {{\n    'is_superuser': '{dn}',\n}}\n");
        let required = |dn: &str| format!("{LDAP}AUTH_LDAP_REQUIRE_GROUP = '{dn}'\n");
        assert_cases_in(
            &super::LDAP_DN_MALFORMED,
            "ldap_config.py",
            &[
                // A stray part (corpus case t157).
                ("netbox/ldap-dn-malformed", "4.7", &flags("CN=Network-Team,OU=Groups,DC=corp,DC=exmple,cxm,DC=com"), 4, &flags("CN=Network-Team,OU=Groups,DC=corp,DC=example,DC=com")),
                // Escaped commas, spaces after commas, an OID and a multi-valued part are DNs.
                ("netbox/ldap-dn-malformed", "4.7", &required("(LDAPGroupQuery(\"cn=a,dc=x\"))"), 3, &required("CN=Smith\\\\, J.,OU=Staff + L=Oslo, 2.5.4.3=x,DC=example,DC=com")),
                // A template's slot is unknown.
                ("netbox/ldap-dn-malformed", "4.7", &required("cn=,,dc=x"), 3, &required("{{ ldap_group_dn }}")),
                // A `.` for a `,` before an attribute name (corpus case t181); a dot in a value
                // that no attribute name and `=` follow is a name's (`J. Smith`, a domain).
                ("netbox/ldap-dn-malformed", "4.7", &required("cn=NetOps.ou=Users,o=1234,dc=jumpcloud,dc=com"), 3, &required("cn=J. Smith,ou=netbox.example.com,ou=x=y,dc=com")),
                ("netbox/ldap-dn-malformed", "4.7", &flags("CN=Admins.OU=Groups,DC=corp,DC=com"), 4, &flags("CN=\"a.ou=b\",DC=corp,DC=com")),
            ],
        );
    }

    #[test]
    fn the_message_quotes_the_part() {
        let (message, _) = finding_in(
            "netbox/ldap-dn-malformed",
            "ldap_config.py",
            &format!("{LDAP}AUTH_LDAP_REQUIRE_GROUP = 'netbox,ou=groups,dc=example,dc=org'\n"),
            "4.7",
        );
        assert!(message.starts_with("`netbox,ou=groups,dc=example,dc=org` is no distinguished name: its part `netbox`"), "{message}");
    }

    #[test]
    fn the_message_names_the_dot_and_the_joined_attribute() {
        let (message, _) = finding_in(
            "netbox/ldap-dn-malformed",
            "ldap_config.py",
            &format!("{LDAP}AUTH_LDAP_REQUIRE_GROUP = 'cn=NetOps.ou=Users,dc=jumpcloud,dc=com'\n"),
            "4.7",
        );
        assert!(message.contains("its part `cn=NetOps.ou=Users` joins `ou=` to the part before it with a `.` where a `,` belongs"), "{message}");
    }

    /// Names with dots (a person's, a domain, a user id) are values, not a `.` for a `,`; a long
    /// run of dots is read once (each dot looks a few bytes ahead).
    #[test]
    fn dotted_values_are_values() {
        for dn in ["cn=John.Doe,ou=People,dc=example,dc=com", "ou=example.com,dc=example,dc=com", "uid=first.last,ou=People,dc=x", "cn=a.cnx=b,dc=x"] {
            assert!(super::flaw(dn).is_none(), "{dn}");
        }
        let long = format!("cn={},dc=x", ".".repeat(200_000));
        assert!(super::flaw(&long).is_none());
    }

    /// A bind DN may be what Active Directory takes instead of a DN; a quoted value holds its
    /// commas (the review of 22d0e6d).
    #[test]
    fn bind_names_and_quoted_values() {
        use crate::rules::netbox::testing::assert_quiet_in_chapter;
        for body in [
            "AUTH_LDAP_BIND_DN = 'netbox-svc@corp.example.com'\n",
            "AUTH_LDAP_BIND_DN = 'CORP\\\\netbox-svc'\n",
            "AUTH_LDAP_REQUIRE_GROUP = 'CN=\"NetBox, Users\",OU=Groups,DC=corp,DC=example,DC=com'\n",
        ] {
            assert_quiet_in_chapter("netbox/ldap-dn-malformed", &format!("# t\n\n```python,check=netbox,file=ldap_config.py\n{LDAP}{body}```\n"));
        }
    }

    /// A DN written for an f-string in a plain string (corpus case t188): the bind DN and the
    /// DN template too, which are otherwise not judged; with the `f`, or braces naming nothing
    /// the configuration assigns, no finding.
    #[test]
    fn placeholders_without_the_f() {
        use crate::rules::netbox::testing::{assert_quiet_in_chapter, fired_chapter_lines};
        let file = |body: &str| format!("# t\n\n```python,check=netbox,file=ldap_config.py\n{LDAP}import os\nuser = os.environ['U']\ngroup = os.environ['G']\n{body}```\n");
        let plain = "AUTH_LDAP_BIND_DN = 'CN={user},DC=corp,DC=com'\nAUTH_LDAP_USER_DN_TEMPLATE = 'uid=%(user)s,cn={group},dc=corp'\nAUTH_LDAP_REQUIRE_GROUP = 'cn={group},dc=corp'\n";
        assert_eq!(fired_chapter_lines("netbox/ldap-dn-malformed", &file(plain)), vec![6, 7, 8]);
        assert_quiet_in_chapter("netbox/ldap-dn-malformed", &file(&plain.replace(" = '", " = f'")));
        assert_quiet_in_chapter("netbox/ldap-dn-malformed", &file(&plain.replace("{user}", "{someone}").replace("{group}", "{team}")));
        // The same texts are not `netbox/string-not-formatted`'s.
        assert!(fired_chapter_lines("netbox/string-not-formatted", &file(plain)).is_empty());
    }

    /// netbox-chart's LDAP values, with the LDAP backend: the search bases and the group lists
    /// its ldap.yaml renders.
    #[test]
    fn netbox_charts_ldap_values() {
        use crate::rules::testing::{assert_quiet_linted, fired_linted_lines};
        let values = |backend: &str| format!("# t\n\n```yaml,check=chart,file=values.yaml\nremoteAuth:\n  backends: [{backend}]\n  ldap:\n    userSearchBaseDn: OU=Users,DC=corp,DC=exmple,cxm\n    requireGroupDn:\n      - CN=NetBox.OU=Groups,DC=corp,DC=com\n      - CN=Admins,OU=Groups,DC=corp,DC=com\n```\n");
        assert_eq!(fired_linted_lines("netbox/ldap-dn-malformed", &values("netbox.authentication.LDAPBackend")), vec![4, 6]);
        assert_quiet_linted("netbox/ldap-dn-malformed", &values("netbox.authentication.RemoteUserBackend"));
        // The chart's own names are read by its ldap_config.py: not unknown settings.
        assert_quiet_linted("netbox/ldap-setting-unknown", &values("netbox.authentication.LDAPBackend"));
    }

    /// netbox-docker's variables (corpus case t158), unless a file of one's own reads them.
    #[test]
    fn netbox_dockers_variables() {
        use crate::rules::netbox::testing::{assert_quiet_in_chapter, fired_chapter_lines};
        let env = "```sh,check=env,file=env/netbox.env\nAUTH_LDAP_REQUIRE_GROUP_DN=(LDAPGroupQuery(\"cn=a,dc=x\") | LDAPGroupQuery(\"cn=b,dc=x\"))\nAUTH_LDAP_BIND_DN=cn=netbox,dc=x\n```\n";
        assert_eq!(fired_chapter_lines("netbox/ldap-dn-malformed", &format!("# t\n\n{env}")), vec![1]);
        assert_quiet_in_chapter(
            "netbox/ldap-dn-malformed",
            &format!("# t\n\n{env}\n```python,check=netbox,file=ldap_config.py\nimport ldap\nAUTH_LDAP_SERVER_URI = 'ldaps://x'\n```\n"),
        );
    }
}
