//! `netbox/ldap-dn-malformed`: a distinguished name in the LDAP settings that is none: a part
//! without `attribute=value` (`…,DC=exmple,cxm,DC=com`), or an expression written into a text
//! (`(LDAPGroupQuery("cn=…") | …)` in an environment variable).
//!
//! ## What it does
//! Reads the group DNs of ldap_config.py (`AUTH_LDAP_REQUIRE_GROUP`, `AUTH_LDAP_DENY_GROUP`,
//! each group of `AUTH_LDAP_USER_FLAGS_BY_GROUP`) and the variables netbox-docker's LDAP file
//! takes DNs from (`AUTH_LDAP_USER_SEARCH_BASEDN`, `AUTH_LDAP_GROUP_SEARCH_BASEDN`,
//! `AUTH_LDAP_REQUIRE_GROUP_DN`, `AUTH_LDAP_IS_ADMIN_DN`, `AUTH_LDAP_IS_SUPERUSER_DN`), and
//! reports one whose comma-separated parts (outside quotes and escapes) are not each
//! `attribute=value` with an attribute name of letters, digits and `-` (or an OID). Empty values,
//! template slots and values built by code are left alone, and so is the bind DN: Active
//! Directory takes a user principal name (`svc@corp.example.com`) or `DOMAIN\user` for a simple
//! bind.
//!
//! ## Why is this bad?
//! django-auth-ldap hands these strings to the directory as DNs: it binds with the bind DN,
//! searches under the base DNs, and checks a user's membership of each group DN (a group query
//! of one DN, django_auth_ldap/backend.py L590-595, 5.4.0). A string that is no DN names no
//! entry: the directory refuses it (invalidDNSyntax), so the bind or search fails, or the group
//! is never matched: nobody gets the flag, or nobody passes the required group.
//!
//! ## Example
//! `"is_superuser": "CN=Network-Team,OU=Groups,DC=corp,DC=exmple,cxm,DC=com"`
//!
//! Use instead: `"CN=Network-Team,OU=Groups,DC=corp,DC=example,DC=com"`.

use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::{Setting, Value, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A distinguished name that is none.
pub const LDAP_DN_MALFORMED: Rule = Rule {
    id: "netbox/ldap-dn-malformed",
    severity: Severity::Warning,
    summary: "a distinguished name of the LDAP settings (search base, required, denied or flag group) that is none: a part without `attribute=value`, or a Python expression written into a text: the directory refuses it, so the bind or search fails or the group never matches",
    help: "write the DN as comma-separated `attribute=value` parts (`CN=Network-Team,OU=Groups,DC=example,DC=com`); several groups need ldap_config.py's `LDAPGroupQuery`, which an environment variable cannot hold",
    fact: "RFC 4514 §2-3 (a DN is RDNs separated by `,`, each `attributeType=value`, the type a keyword of letters, digits and `-` or a dotted OID); django-auth-ldap 5.4.0 backend.py L590-595 (`LDAPGroupQuery(required_group_dn)` for a string) and config.py L538-546 (membership by `compare_s(group_dn, …)`); NetBox hands ldap_config.py's AUTH_LDAP_* names to it (netbox/netbox/authentication/__init__.py L362-366, 4.6.8); netbox-docker 3.0.2 configuration/ldap/ldap_config.py L38, L62, L75, L87, L94-96 (the variables each DN comes from). Seen in tests/realworld/tuning/t157-… (a flag group with `cxm` for a part) and t158-… (a group query in AUTH_LDAP_REQUIRE_GROUP_DN, the issue's invalidDNSyntax)",
    applies: Applies::Always,
};

/// The settings of ldap_config.py that hold DNs (a dict's values for the flags).
const SETTINGS: &[&str] = &["AUTH_LDAP_REQUIRE_GROUP", "AUTH_LDAP_DENY_GROUP", "AUTH_LDAP_USER_FLAGS_BY_GROUP"];

/// netbox-docker's variables that hold DNs.
const VARIABLES: &[&str] = &[
    "AUTH_LDAP_USER_SEARCH_BASEDN",
    "AUTH_LDAP_GROUP_SEARCH_BASEDN",
    "AUTH_LDAP_REQUIRE_GROUP_DN",
    "AUTH_LDAP_IS_ADMIN_DN",
    "AUTH_LDAP_IS_SUPERUSER_DN",
];

pub fn ldap_dn_malformed(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for setting in d.netbox.own_settings() {
        if !SETTINGS.contains(&setting.name.as_str()) || !d.netbox.is_ldap_setting(setting) || d.netbox.is_from_environment(setting) {
            continue;
        }
        let mut values = Vec::new();
        dns(&setting.value, &mut values);
        for value in values {
            report(setting, value, out);
        }
    }
    if d.netbox.netbox_docker_reads_ldap_variables() {
        for var in d.netbox.environment().filter(|var| VARIABLES.contains(&var.name.as_str())) {
            // The last value a variable gets is the one read.
            if d.netbox.environment_variable(&var.name).is_some_and(|last| std::ptr::eq(last, var)) {
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
    let Some(part) = bad_part(text) else { return };
    out.push(Finding::in_block(
        &LDAP_DN_MALFORMED,
        setting.block,
        value.range.clone(),
        format!(
            "`{}` is no distinguished name: its part `{}` is not `attribute=value`, so the directory refuses it and `{}` names no entry (a bind or search with it fails; a group never matches)",
            text.escape_debug(),
            part.trim().escape_debug(),
            setting.name.escape_debug()
        ),
    ));
}

/// The first part of a DN that is not `attribute=value`, if any (`None` for a DN, an empty
/// value, or a template's slot).
fn bad_part(text: &str) -> Option<&str> {
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
    parts.into_iter().find(|part| {
        let Some((attribute, _)) = part.split_once('=') else { return true };
        let attribute = attribute.trim();
        let keyword = attribute.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && attribute.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        let oid = !attribute.is_empty() && attribute.split('.').all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        !(keyword || oid)
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
