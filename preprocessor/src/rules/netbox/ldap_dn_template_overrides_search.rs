//! `netbox/ldap-dn-template-overrides-search`: `AUTH_LDAP_USER_DN_TEMPLATE` set beside
//! `AUTH_LDAP_USER_SEARCH`, whose search django-auth-ldap then never runs.

use super::shared::at_statement;
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::{Setting, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A user DN template beside a user search: the template wins and the search never runs.
pub const LDAP_DN_TEMPLATE_OVERRIDES_SEARCH: Rule = Rule {
    id: "netbox/ldap-dn-template-overrides-search",
    severity: Severity::Warning,
    summary: "`ldap_config.py` sets `AUTH_LDAP_USER_DN_TEMPLATE` (not `None`) beside `AUTH_LDAP_USER_SEARCH`: django-auth-ldap binds with the DN the template builds and never runs the search, so a user whose DN is not of the template's form cannot sign in",
    help: "keep one of the two: with a search (Active Directory, users in several OUs, sAMAccountName), set AUTH_LDAP_USER_DN_TEMPLATE = None or remove it; with a template, remove the search",
    fact: "django-auth-ldap's backend.py (5.4.0; the same in 2.0.0 and 4.1.0): `_load_user_dn()` builds the DN from the template whenever `_using_simple_bind_mode()`, which is `self.settings.USER_DN_TEMPLATE is not None`, and runs `_search_for_user_dn()` (AUTH_LDAP_USER_SEARCH) only otherwise (5.4.0 lines 515-530); the user is then bound with that DN (`_authenticate_user_dn`, lines 484-503, 'user DN/password rejected by LDAP server' on failure). The search runs after a template bind only to refresh the DN, when both AUTH_LDAP_BIND_AS_AUTHENTICATING_USER and AUTH_LDAP_REFRESH_DN_ON_BIND are true (lines 498-503). NetBox's LDAPBackend hands every AUTH_LDAP_* name of ldap_config.py to django-auth-ldap's settings (NetBox 4.6.8 netbox/authentication/__init__.py lines 348-367); NetBox's docs/installation/6-ldap.md (git tag v4.6.8-rc2, lines 79 and 155): with Active Directory, AUTH_LDAP_USER_DN_TEMPLATE should be None. netbox-docker 3.0.2 configuration/ldap/ldap_config.py always builds `AUTH_LDAP_USER_SEARCH = LDAPSearch(AUTH_LDAP_USER_SEARCH_BASEDN, …)` with `AUTH_LDAP_USER_SEARCH_BASEDN = environ.get('AUTH_LDAP_USER_SEARCH_BASEDN', '')` beside `AUTH_LDAP_USER_DN_TEMPLATE = environ.get('AUTH_LDAP_USER_DN_TEMPLATE', None)`: while the environment gives that base DN no value, the search is netbox-docker's scaffolding, not reported",
    applies: Applies::Always,
};

const TEMPLATE: &str = "AUTH_LDAP_USER_DN_TEMPLATE";
const SEARCH: &str = "AUTH_LDAP_USER_SEARCH";
const REFRESH: &str = "AUTH_LDAP_REFRESH_DN_ON_BIND";
/// The base DN netbox-docker's own `ldap_config.py` builds its search from.
const SEARCH_BASE: &str = "AUTH_LDAP_USER_SEARCH_BASEDN";

/// netbox-docker's own `ldap_config.py` (3.0.2, recognised by its `_read_secret` helper) always
/// builds `AUTH_LDAP_USER_SEARCH = LDAPSearch(AUTH_LDAP_USER_SEARCH_BASEDN, ldap.SCOPE_SUBTREE,
/// AUTH_LDAP_USER_SEARCH_FILTER)`, with `AUTH_LDAP_USER_SEARCH_BASEDN =
/// environ.get('AUTH_LDAP_USER_SEARCH_BASEDN', '')`, beside `AUTH_LDAP_USER_DN_TEMPLATE =
/// environ.get('AUTH_LDAP_USER_DN_TEMPLATE', None)`: a search the administrator never configured
/// unless the environment gives it a base DN. While the base DN is still that file's environment
/// lookup (the variable not set, or no environment shown) or set empty, the search is
/// scaffolding, not a choice to undo; a base DN the environment sets is a search configured
/// beside the template.
fn is_netbox_docker_scaffolding(d: &Input<'_>, search: &Setting) -> bool {
    if !d.netbox.is_netbox_docker_own(search) {
        return false;
    }
    let Some(base) = d.netbox.get(SEARCH_BASE) else { return false };
    match &base.value.kind {
        ValueKind::Env { .. } => base.block == search.block,
        ValueKind::Str(text) => text.is_empty(),
        _ => false,
    }
}

pub fn ldap_dn_template_overrides_search(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    // Only what django-auth-ldap reads: NetBox never hands it configuration.py's AUTH_LDAP_*.
    let Some(template) = d.netbox.get(TEMPLATE).filter(|s| d.netbox.is_ldap_setting(s)) else { return };
    // Only a known string: a value from the environment may be netbox-docker's default None.
    let Some(text) = template.value.as_str() else { return };
    // A search certainly made, and not None (an `LDAPSearch(…)` call is a value this checker
    // does not evaluate; one from the environment is no search).
    let Some(search) = d.netbox.surely_set(SEARCH).filter(|s| d.netbox.is_ldap_setting(s)) else { return };
    if matches!(search.value.kind, ValueKind::None | ValueKind::Env { .. }) {
        return;
    }
    if is_netbox_docker_scaffolding(d, search) {
        return;
    }
    // Set to anything that may be true, the search refreshes the DN after the bind: on purpose.
    if d.netbox.get(REFRESH).is_some_and(|s| s.value.truthy() != Some(false)) {
        return;
    }
    let built = if text.is_empty() {
        "an empty template is not None either: django-auth-ldap binds with an empty DN".to_string()
    } else {
        format!("django-auth-ldap binds with the DN this template builds (`{}`)", text.escape_debug())
    };
    let mut finding = at_statement(
        &LDAP_DN_TEMPLATE_OVERRIDES_SEARCH,
        template,
        format!(
            "{built} and never runs `{SEARCH}`: a user whose DN is not of this form (a directory searched by another attribute, such as Active Directory's sAMAccountName, or users in other OUs) is rejected with 'user DN/password rejected'"
        ),
    );
    if search.block == template.block {
        finding = finding.with_related(search.statement.clone(), "this search is never run");
    }
    out.push(finding);
}

#[cfg(test)]
mod tests {
    use crate::config::Settings;
    use crate::rules::netbox::testing::{assert_cases_in, fired_chapter_lines};
    use crate::rules::testing::diagnostics;

    const RULE: &str = "netbox/ldap-dn-template-overrides-search";

    const SEARCH: &str = "import ldap\nfrom django_auth_ldap.config import LDAPSearch\nAUTH_LDAP_SERVER_URI = 'ldaps://dc01.example.com'\nAUTH_LDAP_USER_SEARCH = LDAPSearch('ou=Staff,dc=example,dc=com', ldap.SCOPE_SUBTREE, '(sAMAccountName=%(user)s)')\n";

    /// A chapter with one block of `file`.
    fn chapter(file: &str, python: &str) -> String {
        format!("# t\n\n```python,check=netbox,file={file}\n{python}```\n")
    }

    /// (rule, target NetBox, an ldap_config.py that makes it fire on the given line, a close one
    /// that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // A search and a template (corpus case t72): the template wins. NetBox's LDAP guide for
        // Active Directory: the template None.
        (
            RULE,
            "4.7",
            "import ldap\nfrom django_auth_ldap.config import LDAPSearch\nAUTH_LDAP_SERVER_URI = 'ldaps://dc01.example.com'\nAUTH_LDAP_USER_SEARCH = LDAPSearch('ou=Staff,dc=example,dc=com', ldap.SCOPE_SUBTREE, '(sAMAccountName=%(user)s)')\nAUTH_LDAP_USER_DN_TEMPLATE = 'uid=%(user)s,ou=staff,dc=example,dc=com'\n",
            5,
            "import ldap\nfrom django_auth_ldap.config import LDAPSearch\nAUTH_LDAP_SERVER_URI = 'ldaps://dc01.example.com'\nAUTH_LDAP_USER_SEARCH = LDAPSearch('ou=Staff,dc=example,dc=com', ldap.SCOPE_SUBTREE, '(sAMAccountName=%(user)s)')\nAUTH_LDAP_USER_DN_TEMPLATE = None\n",
        ),
        // An empty template is not None either; a template alone is the other way to find users.
        (
            RULE,
            "4.7",
            "AUTH_LDAP_USER_DN_TEMPLATE = ''\nAUTH_LDAP_USER_SEARCH = object()\n",
            1,
            "AUTH_LDAP_SERVER_URI = 'ldap://ldap.example.com'\nAUTH_LDAP_USER_DN_TEMPLATE = 'uid=%(user)s,ou=people,dc=example,dc=com'\n",
        ),
        // The search refreshes the DN after a template bind, as django-auth-ldap means it to.
        (
            RULE,
            "4.7",
            "AUTH_LDAP_USER_DN_TEMPLATE = 'uid=%(user)s,ou=people,dc=example,dc=com'\nAUTH_LDAP_USER_SEARCH = object()\nAUTH_LDAP_REFRESH_DN_ON_BIND = False\n",
            1,
            "AUTH_LDAP_USER_DN_TEMPLATE = 'uid=%(user)s,ou=people,dc=example,dc=com'\nAUTH_LDAP_USER_SEARCH = object()\nAUTH_LDAP_BIND_AS_AUTHENTICATING_USER = True\nAUTH_LDAP_REFRESH_DN_ON_BIND = True\n",
        ),
        // netbox-docker's ldap_config.py: the template from the environment, None by default.
        (
            RULE,
            "4.7",
            "AUTH_LDAP_USER_SEARCH = object()\nAUTH_LDAP_USER_DN_TEMPLATE = 'uid=%(user)s,dc=example,dc=com'\n",
            2,
            "import os\nAUTH_LDAP_USER_DN_TEMPLATE = os.environ.get('AUTH_LDAP_USER_DN_TEMPLATE', None)\nAUTH_LDAP_USER_SEARCH = object()\n",
        ),
        // A search only perhaps made.
        (
            RULE,
            "4.7",
            "import os\nAUTH_LDAP_USER_DN_TEMPLATE = 'uid=%(user)s,dc=example,dc=com'\nAUTH_LDAP_USER_SEARCH = object()\n",
            2,
            "import os\nAUTH_LDAP_USER_DN_TEMPLATE = 'uid=%(user)s,dc=example,dc=com'\nif os.path.exists('/etc/ad'):\n    AUTH_LDAP_USER_SEARCH = object()\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases_in(&super::LDAP_DN_TEMPLATE_OVERRIDES_SEARCH, "ldap_config.py", CASES);
    }

    #[test]
    fn only_ldap_config_py_reaches_django_auth_ldap() {
        let both = format!("{SEARCH}AUTH_LDAP_USER_DN_TEMPLATE = 'uid=%(user)s,dc=example,dc=com'\n");
        // netbox-docker's LDAP directory holds ldap_config.py and its add-ons.
        assert_eq!(fired_chapter_lines(RULE, &chapter("configuration/ldap/ldap_config.py", &both)), vec![5]);
        // In configuration.py (or a pipeline module) NetBox never hands them to django-auth-ldap.
        assert_eq!(fired_chapter_lines(RULE, &chapter("configuration.py", &both)), Vec::<usize>::new());
        assert_eq!(fired_chapter_lines(RULE, &chapter("extra.py", &both)), Vec::<usize>::new());
    }

    #[test]
    fn a_template_in_netbox_dockers_environment_file_fires_at_its_variable() {
        // netbox-docker 3.0.2 configuration/ldap/ldap_config.py reads the template from the
        // environment (default None) beside its LDAPSearch; the environment file sets it.
        let chapter = format!(
            "# t\n\n```python,check=netbox,file=configuration/ldap/ldap_config.py\n{SEARCH}from os import environ\nAUTH_LDAP_USER_DN_TEMPLATE = environ.get('AUTH_LDAP_USER_DN_TEMPLATE', None)\n```\n\n```sh,check=env\nAUTH_LDAP_SERVER_URI=ldaps://dc01.example.com\nAUTH_LDAP_USER_DN_TEMPLATE=uid=%(user)s,dc=example,dc=com\n```\n"
        );
        // The environment file's second line is the chapter's line 14.
        assert_eq!(fired_chapter_lines(RULE, &chapter), vec![14 - 3]);
        let unset = chapter.replace("AUTH_LDAP_USER_DN_TEMPLATE=uid=%(user)s,dc=example,dc=com\n", "");
        assert_eq!(fired_chapter_lines(RULE, &unset), Vec::<usize>::new());
    }

    /// netbox-docker 3.0.2's own configuration/ldap/ldap_config.py, as far as the rule reads it:
    /// the `_read_secret` helper, the template from the environment (None by default), and the
    /// search it always builds from an environment base DN ('' by default).
    const DOCKER_LDAP: &str = "from os import environ\nimport ldap\nfrom django_auth_ldap.config import LDAPSearch\n\ndef _read_secret(secret_name, default=None):\n    return default\n\nAUTH_LDAP_SERVER_URI = environ.get('AUTH_LDAP_SERVER_URI', '')\nAUTH_LDAP_USER_DN_TEMPLATE = environ.get('AUTH_LDAP_USER_DN_TEMPLATE', None)\nAUTH_LDAP_USER_SEARCH_BASEDN = environ.get('AUTH_LDAP_USER_SEARCH_BASEDN', '')\nAUTH_LDAP_USER_SEARCH_ATTR = environ.get('AUTH_LDAP_USER_SEARCH_ATTR', 'sAMAccountName')\nAUTH_LDAP_USER_SEARCH_FILTER: str = environ.get(\n    'AUTH_LDAP_USER_SEARCH_FILTER', f'({AUTH_LDAP_USER_SEARCH_ATTR}=%(user)s)'\n)\nAUTH_LDAP_USER_SEARCH = LDAPSearch(\n    AUTH_LDAP_USER_SEARCH_BASEDN, ldap.SCOPE_SUBTREE, AUTH_LDAP_USER_SEARCH_FILTER\n)\n";

    /// A chapter with netbox-docker's ldap_config.py and an environment file (`env` lines).
    fn docker_chapter(env: &str) -> String {
        format!(
            "# t\n\n```python,check=netbox,file=configuration/ldap/ldap_config.py\n{DOCKER_LDAP}```\n\n```sh,check=env\n{env}```\n"
        )
    }

    #[test]
    fn netbox_dockers_own_search_scaffolding_is_not_a_search_the_administrator_made() {
        // The reviewer's setup: only the template set; netbox-docker's search has an empty base
        // DN nobody configured, and is not the administrator's to remove.
        let template = "AUTH_LDAP_USER_DN_TEMPLATE=uid=%(user)s,ou=people,dc=example,dc=org\n";
        assert_eq!(fired_chapter_lines(RULE, &docker_chapter(template)), Vec::<usize>::new());
        // Set empty, the base DN is no search either.
        let empty = format!("{template}AUTH_LDAP_USER_SEARCH_BASEDN=\n");
        assert_eq!(fired_chapter_lines(RULE, &docker_chapter(&empty)), Vec::<usize>::new());
        // A base DN in the environment is a search configured beside the template: the
        // template still wins (its line is the environment block's first, chapter line 24).
        let both = format!("{template}AUTH_LDAP_USER_SEARCH_BASEDN=ou=staff,dc=example,dc=org\n");
        let chapter = docker_chapter(&both);
        assert_eq!(chapter.lines().nth(23), Some(template.trim_end()));
        assert_eq!(fired_chapter_lines(RULE, &chapter), vec![24 - 3]);
    }

    #[test]
    fn the_message_quotes_the_template_and_names_the_search() {
        let python = format!("{SEARCH}AUTH_LDAP_USER_DN_TEMPLATE = 'uid=%(user)s,ou=staff,dc=example,dc=com'\n");
        let found = diagnostics(&chapter("ldap_config.py", &python), &Settings::default());
        let finding = found.iter().find(|d| d.rule == RULE).expect("it fires");
        assert!(
            finding.message.contains("(`uid=%(user)s,ou=staff,dc=example,dc=com`) and never runs `AUTH_LDAP_USER_SEARCH`"),
            "{}",
            finding.message
        );
        // The search, in the same file, is the finding's second place.
        assert_eq!(finding.related.len(), 1, "{:?}", finding.related);
    }
}
