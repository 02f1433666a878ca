//! `netbox/ldap-search-filter-placeholder`: an LDAP search filter or user DN template whose
//! `%(…)s` placeholder django-auth-ldap cannot fill.
//!
//! ## What it does
//! Reads the filters written as text into the `LDAPSearch(base, scope, filter)` calls of the LDAP
//! configuration's `AUTH_LDAP_USER_SEARCH` and `AUTH_LDAP_GROUP_SEARCH` (also inside an
//! `LDAPSearchUnion`; `ldap_config.py`, netbox-docker's `configuration/ldap/`), and its
//! `AUTH_LDAP_USER_DN_TEMPLATE`, and reports a `%(key)s` placeholder (`%%` is a literal `%`):
//! - in the user search or the DN template, one whose key is not `user`, such as Python code
//!   typed inside it (`%(os.environ.get('FILTER', 'user'))s`) or another name (`%(username)s`);
//!   the user search is not judged beside a DN template, which replaces it;
//! - in the group search, any.
//!
//! ## Why is this bad?
//! django-auth-ldap fills these with `%` formatting when it uses them: the user search and the
//! DN template with `{"user": <the username>}`, a group search with nothing (`% ()`). A key other
//! than `user` raises KeyError, a named placeholder in a group search TypeError ("format
//! requires a mapping"); django-auth-ldap catches neither: every sign-in that reaches the LDAP
//! backend (for a group search, every one that looks up the user's groups: required or denied
//! groups, flags by group, mirrored groups) ends in a server error.
//!
//! ## Example
//! `LDAPSearch(base, ldap.SCOPE_SUBTREE, "(sAMAccountName=%(os.environ.get('F', 'user'))s)")`
//!
//! Use instead: `"(sAMAccountName=%(user)s)"`; a filter from the environment is read outside the
//! text: `LDAPSearch(base, ldap.SCOPE_SUBTREE, os.environ.get('F', '(sAMAccountName=%(user)s)'))`.

use crate::finding::{BlockId, Finding, Rule, Severity};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// An LDAP search filter or DN template whose placeholder django-auth-ldap cannot fill.
pub const LDAP_SEARCH_FILTER_PLACEHOLDER: Rule = Rule {
    id: "netbox/ldap-search-filter-placeholder",
    severity: Severity::Error,
    summary: "an LDAP user search filter or user DN template with a `%(…)s` placeholder other than `%(user)s`, or a group search filter with any: django-auth-ldap fills the first with `{\"user\": …}` (KeyError) and the group search with nothing (TypeError), so LDAP sign-ins fail",
    help: "write the username's placeholder as `%(user)s`, and none in a group search's filter; a filter taken from the environment is read outside the text (`os.environ.get('AUTH_LDAP_USER_SEARCH_FILTER', '(sAMAccountName=%(user)s)')`)",
    fact: "django-auth-ldap 5.2.0 config.py L187-200 (`LDAPSearch.execute`: `filterstr = self.filterstr % filterargs`), backend.py L537-553 (`_search_for_user_dn` runs the user search with `{\"user\": self._username}` and catches only ldap.LDAPError), L532-535 (`_construct_simple_user_dn`: `template % {\"user\": username}`), L515-530 (with a DN template the user search is not run), config.py L177-185 and L479-480 (a group search is run with no arguments: `% ()`, in every release 1.2.17 to 5.4.0); the same in 1.6.1 (config.py L144-153, backend.py L549, L383-387, which logs and re-raises any other exception); Python's `%` formatting takes the text between the parentheses as the mapping key, raising KeyError for a missing one and TypeError ('format requires a mapping') for a named placeholder given a tuple. NetBox's LDAPBackend passes ldap_config.py's AUTH_LDAP_* names to django-auth-ldap (netbox/netbox/authentication/__init__.py, 4.6.8 L348-367). Seen in tests/realworld/tuning/t216-… (a 2018 netbox-docker fork: `os.environ.get(…)` written inside the placeholder)",
    applies: Applies::Always,
};

/// The user DN template, which replaces the user search when set.
const DN_TEMPLATE: &str = "AUTH_LDAP_USER_DN_TEMPLATE";

pub fn ldap_search_filter_placeholder(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let template = nb.get(DN_TEMPLATE).filter(|t| nb.is_ldap_setting(t));
    // A template not known to be `None` (a text, or a value read elsewhere) may replace the search.
    let template_set = template.is_some_and(|t| !matches!(t.value.kind, ValueKind::None));
    for filter in &nb.ldap_search_filters {
        let user_search = filter.search == "AUTH_LDAP_USER_SEARCH";
        if user_search && template_set {
            continue;
        }
        let Some(key) = placeholder_keys(&filter.text).find(|key| !user_search || *key != "user") else { continue };
        let message = if user_search {
            format!(
                "this filter's placeholder {} names no value django-auth-ldap gives: it fills the user search with `user` alone, so running it raises KeyError and every LDAP sign-in ends in a server error",
                shown(key)
            )
        } else {
            format!(
                "this group search's filter holds the placeholder {}, but django-auth-ldap runs a group search with nothing to fill it (`% ()`): it raises TypeError whenever the user's groups are looked up (required or denied groups, flags by group, mirrored groups), and those sign-ins end in a server error",
                shown(key)
            )
        };
        report(filter.block, filter.range.clone(), message, out);
    }
    if let Some(template) = template
        && let Some(text) = template.value.as_str()
        && let Some(key) = placeholder_keys(text).find(|key| *key != "user")
    {
        let message = format!(
            "this DN template's placeholder {} names no value django-auth-ldap gives: it fills the template with `user` alone, so building the DN raises KeyError and every LDAP sign-in ends in a server error",
            shown(key)
        );
        report(template.block, template.value.range.clone(), message, out);
    }
}

fn report(block: BlockId, range: std::ops::Range<usize>, message: String, out: &mut Vec<Finding>) {
    out.push(Finding::in_block(&LDAP_SEARCH_FILTER_PLACEHOLDER, block, range, message));
}

/// A key as the message shows it: in a code span, escaped; a long one, or one holding a
/// backtick, is not repeated.
fn shown(key: &str) -> String {
    if key.len() > 80 || key.contains('`') {
        "`%(…)s`".to_owned()
    } else {
        format!("`%({})s`", key.escape_debug())
    }
}

/// The mapping keys of a `%`-format string's placeholders, as Python reads them: `%%` is a
/// literal `%`, and a key runs to the parenthesis that closes the one after `%` (nested ones
/// counted).
fn placeholder_keys(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            if bytes[at] != b'%' {
                at += 1;
                continue;
            }
            match bytes.get(at + 1) {
                Some(b'%') => at += 2,
                Some(b'(') => {
                    let start = at + 2;
                    let mut depth = 1;
                    let mut end = start;
                    while end < bytes.len() && depth > 0 {
                        match bytes[end] {
                            b'(' => depth += 1,
                            b')' => depth -= 1,
                            _ => {}
                        }
                        end += 1;
                    }
                    at = end;
                    if depth == 0 {
                        return Some(&text[start..end - 1]);
                    }
                }
                _ => at += 1,
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, linted};

    fn ldap_config(lines: &str) -> String {
        format!(
            "# t\n\n```python,check=netbox,file=ldap_config.py\nimport ldap, os\nfrom django_auth_ldap.config import LDAPSearch, LDAPSearchUnion\nAUTH_LDAP_SERVER_URI = 'ldaps://dc01.corp.example'\n{lines}```\n"
        )
    }

    fn user_search(search: &str) -> String {
        ldap_config(&format!("AUTH_LDAP_USER_SEARCH = {search}\n"))
    }

    /// t216's shape: Python code typed inside the placeholder; another name; a keyword filter;
    /// a search of a union.
    #[test]
    fn a_user_search_placeholder_other_than_user() {
        let code = "LDAPSearch('dc=corp', ldap.SCOPE_SUBTREE, \"(sAMAccountName=%(os.environ.get('F', 'user'))s)\")";
        assert_fires_linted("netbox/ldap-search-filter-placeholder", &user_search(code), 4);
        let (_, message) = &linted("netbox/ldap-search-filter-placeholder", &user_search(code))[0];
        // The key as written, escaped for the report.
        assert!(message.contains(r"`%(os.environ.get(\'F\', \'user\'))s`"), "{message}");
        let username = "LDAPSearch('dc=corp', ldap.SCOPE_SUBTREE, filterstr='(uid=%(username)s)')";
        assert_fires_linted("netbox/ldap-search-filter-placeholder", &user_search(username), 4);
        let union = "LDAPSearchUnion(\n    LDAPSearch('ou=a,dc=corp', ldap.SCOPE_SUBTREE, '(uid=%(user)s)'),\n    LDAPSearch('ou=b,dc=corp', ldap.SCOPE_SUBTREE, '(uid=%(login)s)'),\n)";
        assert_fires_linted("netbox/ldap-search-filter-placeholder", &user_search(union), 6);
        // A key too long, or one with a backtick, is not repeated.
        let long = format!("LDAPSearch('dc=corp', ldap.SCOPE_SUBTREE, '(uid=%({})s)')", "k".repeat(200));
        let (_, message) = &linted("netbox/ldap-search-filter-placeholder", &user_search(&long))[0];
        assert!(message.contains("`%(…)s`") && !message.contains("kkk"), "{message}");
    }

    /// A group search is run with nothing to fill it: any named placeholder fails.
    #[test]
    fn a_group_search_placeholder() {
        let group = ldap_config("AUTH_LDAP_GROUP_SEARCH = LDAPSearch('ou=g,dc=corp', ldap.SCOPE_SUBTREE, '(&(objectClass=posixGroup)(memberUid=%(user)s))')\n");
        assert_fires_linted("netbox/ldap-search-filter-placeholder", &group, 4);
        let (_, message) = &linted("netbox/ldap-search-filter-placeholder", &group)[0];
        assert!(message.contains("TypeError"), "{message}");
        let plain = ldap_config("AUTH_LDAP_GROUP_SEARCH = LDAPSearch('ou=g,dc=corp', ldap.SCOPE_SUBTREE, '(objectClass=group)')\n");
        assert_quiet_linted("netbox/ldap-search-filter-placeholder", &plain);
    }

    /// The DN template is filled as the user search is; beside one that is set, the user search
    /// is not run.
    #[test]
    fn the_dn_template() {
        let template = ldap_config("AUTH_LDAP_USER_DN_TEMPLATE = 'uid=%(username)s,ou=people,dc=corp'\n");
        assert_fires_linted("netbox/ldap-search-filter-placeholder", &template, 4);
        let both = ldap_config("AUTH_LDAP_USER_DN_TEMPLATE = 'uid=%(user)s,ou=people,dc=corp'\nAUTH_LDAP_USER_SEARCH = LDAPSearch('dc=corp', ldap.SCOPE_SUBTREE, '(uid=%(username)s)')\n");
        assert_quiet_linted("netbox/ldap-search-filter-placeholder", &both);
        let none = both.replace("'uid=%(user)s,ou=people,dc=corp'", "None");
        assert_fires_linted("netbox/ldap-search-filter-placeholder", &none, 5);
    }

    /// `%(user)s`, `%%`, a filter built by code, an LDAPSearch that is no search setting's (in a
    /// helper, or of another name), one outside the LDAP configuration (configuration.py's,
    /// which django-auth-ldap never reads), and a statement the parser had to repair.
    #[test]
    fn quiet_on_user_and_on_what_is_not_run() {
        for quiet in [
            "LDAPSearch('dc=corp', ldap.SCOPE_SUBTREE, '(sAMAccountName=%(user)s)')",
            "LDAPSearch('dc=corp', ldap.SCOPE_SUBTREE, '(&(cn=100%%(x))(uid=%(user)s))')",
            "LDAPSearch('dc=corp', ldap.SCOPE_SUBTREE, os.environ.get('F', '(uid=%(user)s)'))",
        ] {
            assert_quiet_linted("netbox/ldap-search-filter-placeholder", &user_search(quiet));
        }
        let helper = ldap_config("def groups(u):\n    s = LDAPSearch('ou=g', ldap.SCOPE_SUBTREE, '(member=%(dn)s)')\n    return s.execute(u.connection, {'dn': u.dn})\nOTHER = LDAPSearch('dc', ldap.SCOPE_SUBTREE, '(cn=%(g)s)')\n");
        assert_quiet_linted("netbox/ldap-search-filter-placeholder", &helper);
        let elsewhere =
            user_search("LDAPSearch('dc=corp', ldap.SCOPE_SUBTREE, '(uid=%(name)s)')").replace("file=ldap_config.py", "file=configuration.py");
        assert_quiet_linted("netbox/ldap-search-filter-placeholder", &elsewhere);
        let repaired = user_search("LDAPSearch('dc=corp', ldap.SCOPE_SUBTREE '(uid=%(name)s)', '(x=%(y)s)')");
        assert_quiet_linted("netbox/ldap-search-filter-placeholder", &repaired);
    }

    #[test]
    fn placeholder_keys_read_as_python_does() {
        let keys: Vec<&str> = super::placeholder_keys("%%(a)s %(b)s %(c(d))s %(e").collect();
        assert_eq!(keys, ["b", "c(d)"]);
    }
}
