//! `netbox/ldap-search-filter-placeholder`: an LDAP search filter whose `%(…)s` placeholder
//! names something other than `user`, which django-auth-ldap cannot fill.
//!
//! ## What it does
//! Reads the filters written as text into the `LDAPSearch(base, scope, filter)` calls of the LDAP
//! configuration (`ldap_config.py`, netbox-docker's `configuration/ldap/`), and reports one with
//! a `%(key)s` placeholder whose key is not `user` (`%%` is a literal `%`), such as Python code
//! typed inside it (`%(os.environ.get('FILTER', 'user'))s`) or another name (`%(username)s`).
//!
//! ## Why is this bad?
//! django-auth-ldap fills a search's filter with `%` formatting when it runs it: the user search
//! with `{"user": <the username>}`, a group search with nothing. A key other than `user` raises
//! KeyError in the user search (a group search's raises TypeError), which django-auth-ldap does
//! not catch: every sign-in that reaches the LDAP backend ends in a server error.
//!
//! ## Example
//! `LDAPSearch(base, ldap.SCOPE_SUBTREE, "(sAMAccountName=%(os.environ.get('F', 'user'))s)")`
//!
//! Use instead: `"(sAMAccountName=%(user)s)"`; a filter from the environment is read outside the
//! text: `LDAPSearch(base, ldap.SCOPE_SUBTREE, os.environ.get('F', '(sAMAccountName=%(user)s)'))`.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// An LDAP search filter whose placeholder django-auth-ldap cannot fill.
pub const LDAP_SEARCH_FILTER_PLACEHOLDER: Rule = Rule {
    id: "netbox/ldap-search-filter-placeholder",
    severity: Severity::Error,
    summary: "an `LDAPSearch` filter of the LDAP configuration with a `%(…)s` placeholder other than `%(user)s`: django-auth-ldap fills the filter with `{\"user\": …}` and raises KeyError, so every LDAP sign-in fails",
    help: "write the username's placeholder as `%(user)s`; a filter taken from the environment is read outside the text (`os.environ.get('AUTH_LDAP_USER_SEARCH_FILTER', '(sAMAccountName=%(user)s)')`)",
    fact: "django-auth-ldap 5.2.0 config.py L187-200 (`LDAPSearch.execute`: `filterstr = self.filterstr % filterargs`), backend.py L537-553 (`_search_for_user_dn` runs the user search with `{\"user\": self._username}` and catches only ldap.LDAPError), config.py L177-185 and L479-480 (a group search is run with no arguments: `% ()`); the same in 1.6.1 (config.py L144-153, backend.py L549, L383-387, which logs and re-raises any other exception); Python's `%` formatting takes the text between the parentheses as the mapping key and raises KeyError for a missing one. NetBox's LDAPBackend passes ldap_config.py's AUTH_LDAP_* names to django-auth-ldap (netbox/netbox/authentication/__init__.py, 4.6.8 L348-367). Seen in tests/realworld/tuning/t216-… (a 2018 netbox-docker fork: `os.environ.get(…)` written inside the placeholder)",
    applies: Applies::Always,
};

pub fn ldap_search_filter_placeholder(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for filter in &d.netbox.ldap_search_filters {
        let Some(key) = placeholder_keys(&filter.text).find(|key| *key != "user") else { continue };
        out.push(Finding::in_block(
            &LDAP_SEARCH_FILTER_PLACEHOLDER,
            filter.block,
            filter.range.clone(),
            format!(
                "this filter's placeholder `%({})s` names no value django-auth-ldap gives: it fills the user search with `user` alone (a group search with nothing), so running it raises KeyError and every LDAP sign-in ends in a server error",
                key.escape_debug()
            ),
        ));
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

    fn ldap_config(search: &str) -> String {
        format!(
            "# t\n\n```python,check=netbox,file=ldap_config.py\nimport ldap, os\nfrom django_auth_ldap.config import LDAPSearch\nAUTH_LDAP_SERVER_URI = 'ldaps://dc01.corp.example'\nAUTH_LDAP_USER_SEARCH = {search}\n```\n"
        )
    }

    /// t216's shape: Python code typed inside the placeholder; another name; a keyword filter.
    #[test]
    fn a_placeholder_other_than_user() {
        let code = "LDAPSearch('dc=corp', ldap.SCOPE_SUBTREE, \"(sAMAccountName=%(os.environ.get('F', 'user'))s)\")";
        assert_fires_linted("netbox/ldap-search-filter-placeholder", &ldap_config(code), 4);
        let (_, message) = &linted("netbox/ldap-search-filter-placeholder", &ldap_config(code))[0];
        // The key as written, escaped for the report.
        assert!(message.contains(r"`%(os.environ.get(\'F\', \'user\'))s`"), "{message}");
        let username = "LDAPSearch('dc=corp', ldap.SCOPE_SUBTREE, filterstr='(uid=%(username)s)')";
        assert_fires_linted("netbox/ldap-search-filter-placeholder", &ldap_config(username), 4);
    }

    /// `%(user)s`, `%%`, a filter built by code, and an LDAPSearch outside the LDAP configuration
    /// (configuration.py's, which django-auth-ldap never reads: another rule's).
    #[test]
    fn quiet_on_user_and_on_what_is_not_a_placeholder() {
        for quiet in [
            "LDAPSearch('dc=corp', ldap.SCOPE_SUBTREE, '(sAMAccountName=%(user)s)')",
            "LDAPSearch('dc=corp', ldap.SCOPE_SUBTREE, '(&(cn=100%%(x))(uid=%(user)s))')",
            "LDAPSearch('dc=corp', ldap.SCOPE_SUBTREE, os.environ.get('F', '(uid=%(user)s)'))",
        ] {
            assert_quiet_linted("netbox/ldap-search-filter-placeholder", &ldap_config(quiet));
        }
        let elsewhere = ldap_config("LDAPSearch('dc=corp', ldap.SCOPE_SUBTREE, '(uid=%(name)s)')")
            .replace("file=ldap_config.py", "file=configuration.py");
        assert_quiet_linted("netbox/ldap-search-filter-placeholder", &elsewhere);
    }

    #[test]
    fn placeholder_keys_read_as_python_does() {
        let keys: Vec<&str> = super::placeholder_keys("%%(a)s %(b)s %(c(d))s %(e").collect();
        assert_eq!(keys, ["b", "c(d)"]);
    }
}
