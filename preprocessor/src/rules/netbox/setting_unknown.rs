//! `netbox/setting-unknown`: A misspelt parameter.

use super::parameters::{DJANGO_BY_NAME, NETBOX, SOCIAL_NAMES};
use super::shared::{imported_from_configuration, is_literal, is_upper_case, pipeline_of_library_steps, what_has_no_effect};
use super::social_names::{SOCIAL, social_pins, social_reads};
use crate::extract::closest_of;
use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::Setting;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A misspelt parameter, or a `SOCIAL_AUTH_*` name python-social-auth never reads.
///
/// Sources: `data/netbox-settings.json` (every name NetBox's settings.py has read, 1.0.0 … 4.7.3)
/// and `data/social-core-settings.json` (every `SOCIAL_AUTH_*` name social-core 4.0.2 … 7.0.0 and
/// social-auth-app-django 6.1.0 read, built as `BaseStrategy.setting` builds them:
/// `SOCIAL_AUTH_<BACKEND>_<SETTING>` or `SOCIAL_AUTH_<SETTING>`), from `tools/inventories/`.
/// A name fires only with a suggestion: the nearest name by edit distance among the parameters
/// the target reads, or, for a `SOCIAL_AUTH_*` name, among the names the social-core release the
/// target NetBox pins reads for the backends the file configures (known by their settings' names,
/// or by the class `REMOTE_AUTH_BACKEND` names: the `classes` table of that file, each backend
/// class's `name`, inherited where it sets none); when the backend part itself
/// is wrong (`SOCIAL_AUTH_OPENID_CONNECT_LEEWAY`), the one such name ending in the same word
/// (`SOCIAL_AUTH_OIDC_JWT_LEEWAY`, the setting social-core 4.7.0+ reads in `OpenIdConnectAuth`).
/// Without a suggestion, a name fires when nobody can read it: a literal value in a settings file
/// shown whole, which no line of that file uses (a helper would build another value) and no star
/// import could reach; NetBox's settings.py reads only its parameters from configuration.py
/// (corpus cases h165's `LOG_LEVEL`, h184's `CSRF_ALLOWED_ORIGINS`, seen after the rule was
/// first written). A file `lint` reads under a name NetBox gives no role counts as such a
/// settings file when it binds upper-case names only (no function, class or import: t237's
/// chart extraConfig written as Python), and only where every backend is a library's (a backend
/// of one's own may read its names: t63).
pub const SETTING_UNKNOWN: Rule = Rule {
    id: "netbox/setting-unknown",
    severity: Severity::Warning,
    summary: "an upper-case name that no NetBox release and no python-social-auth release reads, near a name they do (`ALLOWED_HOST`, `SOCIAL_AUTH_OIDC_SCOPES`, `SOCIAL_AUTH_OPENID_CONNECT_LEEWAY`), under NetBox's own `REMOTE_AUTH_` prefix (`REMOTE_AUTH_STAFF_SUPERUSERS`), or set to a literal that no line of its file, shown whole, uses (`LOG_LEVEL = 'WARNING'`)",
    help: "correct the name; as written, NetBox never reads it",
    fact: "facts §1.1 (NetBox reads a fixed list of names, and copies SOCIAL_AUTH_*), §2.1 (social-core's setting lookup); inventories of NetBox's settings.py and social-core's code (data/, tools/inventories/); NetBox's settings.py of every release 1.0.0 to 4.7.3 reads 17 `REMOTE_AUTH_` names (data/netbox-settings.json), and nothing else in NetBox reads that prefix from configuration.py, whose names reach the code only through settings.py (facts §1.1)",
    applies: Applies::Always,
};

pub fn setting_unknown(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let mut social: Option<(Vec<&str>, Vec<String>)> = None;
    // The names any file imports, once (a lookup per setting keeps the rule linear).
    let mut imported_names: Option<std::collections::HashSet<&str>> = None;
    for setting in d.netbox.own_settings() {
        let name = setting.name.as_str();
        if name.len() < 6
            || name.starts_with('_')
            || !is_upper_case(name)
            || NETBOX.get(name).is_some()
            || DJANGO_BY_NAME.contains_key(name)
        {
            continue;
        }
        if name.starts_with(PREFIX) {
            if social_reads(name) {
                continue;
            }
            let (in_use, candidates) = social.get_or_insert_with(|| social_candidates(d, targets));
            // the word-for-word guess only when the backend part is not one the file uses: under
            // a right prefix, an unknown name may be a setting of the file's own pipeline step
            let wrong_backend = SOCIAL.backend_prefix(name).is_none_or(|b| !in_use.contains(&b));
            // the distance between what follows `SOCIAL_AUTH_`: the shared prefix would let a
            // long name be five letters off
            let rest = name.get(PREFIX.len()..).unwrap_or_default();
            let near = closest_of(rest, candidates.iter().filter_map(|c| c.get(PREFIX.len()..)))
                .and_then(|rest| candidates.iter().find(|c| c.get(PREFIX.len()..) == Some(rest)))
                .map(String::as_str)
                .or_else(|| same_last_word(name, candidates).filter(|_| wrong_backend));
            if let Some(near) = near {
                out.push(found(
                    setting,
                    format!("neither social-core nor social-auth-app-django reads `{name}`, so unless a pipeline step of your own reads it, this line has no effect; did you mean `{near}`?"),
                    near,
                ));
            } else if let Some(finding) = another_backends_setting(setting, targets) {
                out.push(finding);
            } else if pipeline_of_library_steps(&d.netbox)
                && backends_of_libraries(d)
                && !d.netbox.some_file_may_set_unseen_names()
            {
                // Near no name, but the pipeline runs the libraries' steps only: no step of the
                // deployment's own is there to read it (NetBox Enterprise's
                // SOCIAL_AUTH_PIPELINE_CONFIG beside social-core's steps, corpus case t163).
                out.push(far_from_all(
                    setting,
                    format!(
                        "neither social-core nor social-auth-app-django reads `{}`, and the pipeline runs their steps and NetBox's only, none of which reads it either, so this line has no effect",
                        name.escape_debug()
                    ),
                    "remove the line, or add the pipeline step that reads it (a step of your own, listed in SOCIAL_AUTH_PIPELINE)",
                ));
            }
            continue;
        }
        let candidates = || NETBOX.read_at(targets.netbox).chain(SOCIAL_NAMES.iter().copied());
        if let Some(near) = closest_of(name, candidates()).or_else(|| same_words(name, candidates())) {
            out.push(found(
                setting,
                format!("NetBox has no parameter `{name}`, so this line has no effect; did you mean `{near}`?"),
                near,
            ));
        } else if name.starts_with(REMOTE_AUTH) {
            // NetBox's own prefix: every name under it that NetBox reads is in the inventory of
            // all its releases, so one that none read is no NetBox parameter, however far from
            // the others (an invented `REMOTE_AUTH_STAFF_SUPERUSERS`).
            out.push(far_from_all(
                setting,
                format!(
                    "no NetBox release reads `{name}`, though every remote-authentication parameter NetBox has starts with `REMOTE_AUTH_`, so unless code of your own reads it, this line has no effect"
                ),
                "remove the line, or use one of the `REMOTE_AUTH_*` parameters NetBox documents",
            ));
        } else if !name.starts_with("AUTH_LDAP_")
            // ldap_config.py's names are `netbox/ldap-setting-unknown`'s.
            && !d.netbox.is_ldap_setting(setting)
            && is_literal(&setting.value)
            && d.netbox.is_unread(setting)
            && !imported_from_configuration(&d.netbox, Some(name))
            // Nor imported by name from the module that sets it (constants of one's own).
            && !imported_names.get_or_insert_with(|| d.netbox.imports.iter().map(|import| import.name.as_str()).collect()).contains(name)
            // A file of settings alone, under a name NetBox gives no role: its other names may
            // be a backend's of one's own (t63's TACACS backend), unless every backend is a
            // library's (t237's `LOGLEVEL` beside OpenID Connect).
            && (!d.netbox.in_settings_only_fragment(setting) || (backends_of_libraries(d) && !fragment_imported(d, setting)))
        {
            // Far from every parameter, and no line of its file uses it: nobody reads it
            // (`LOG_LEVEL = 'WARNING'`, `CSRF_ALLOWED_ORIGINS = [...]`). A value computed by
            // code (`BASE_DIR = Path(__file__)…`, `os.environ.get(…)`) is a helper's, left alone.
            let what = what_has_no_effect(&d.netbox, setting);
            out.push(far_from_all(
                setting,
                format!(
                    "no NetBox release reads `{}`, Django takes no such setting from NetBox, and no line of this file uses it, so {what} has no effect",
                    name.escape_debug()
                ),
                "remove the line, or set the parameter NetBox documents for what it was meant to do",
            ));
        }
    }
}

const PREFIX: &str = "SOCIAL_AUTH_";
/// NetBox's own prefix for its remote-authentication parameters.
const REMOTE_AUTH: &str = "REMOTE_AUTH_";


/// A name no parameter is near: said so, with what to do instead of a rename.
fn far_from_all(setting: &Setting, message: String, help: &str) -> Finding {
    Finding::in_block(&SETTING_UNKNOWN, setting.block, setting.name_range.clone(), message).with_help(help.to_owned())
}

fn found(setting: &Setting, message: String, near: &str) -> Finding {
    Finding::in_block(&SETTING_UNKNOWN, setting.block, setting.name_range.clone(), message)
        .with_help(format!("rename it to `{near}`"))
}

/// Whether a file of the deployment imports the settings-only fragment `setting` is in as a
/// module (`from netbox import sso_constants`, `import sso_constants`), or NetBox's
/// configuration module, into which netbox-docker and netbox-chart merge such a file (`from
/// netbox import configuration`, then `configuration.NAME`): its names may be read there.
fn fragment_imported(d: &Input<'_>, setting: &Setting) -> bool {
    let Some(file) = d.netbox.file_of(setting.block) else { return true };
    let base = file.rsplit('/').next().unwrap_or(file);
    let stem = base.strip_suffix(".py").unwrap_or(base);
    imported_from_configuration(&d.netbox, None)
        || d.netbox.imports.iter().any(|import| {
            let last = import.module.rsplit('.').next().unwrap_or(&import.module);
            [stem, "configuration"].iter().any(|module| last == *module || import.name == *module)
        })
}

/// Whether every backend the configuration names is social-core's (a class of its inventory),
/// NetBox's own or Django's: a backend class of the deployment's own reads its settings through
/// `self.setting()` (the review of 22d0e6d). Unknown when `REMOTE_AUTH_BACKEND` is not known.
fn backends_of_libraries(d: &Input<'_>) -> bool {
    d.netbox.backends().is_some_and(|backends| {
        backends.iter().all(|path| {
            SOCIAL.backend_of_class(path).is_some()
                || path.starts_with("netbox.authentication.")
                || path.starts_with("django.contrib.auth.")
        })
    })
}

/// The backends this configuration uses (the backend of every `SOCIAL_AUTH_*` name it sets that
/// social-core reads), and the names the social-core the target pins reads for them and for the
/// backend prefixes of the names it does not read (`SOCIAL_AUTH_OIDC_SCOPES` → `OIDC`).
fn social_candidates<'a>(d: &'a Input<'_>, targets: &Targets) -> (Vec<&'a str>, Vec<String>) {
    // The backends the settings' names are scoped to, and those `REMOTE_AUTH_BACKEND` names by
    // their class (from the environment too: netbox-docker maps REMOTE_AUTH_BACKEND).
    let mut in_use: Vec<&str> = d.netbox.settings().filter_map(|s| SOCIAL.backend_of(&s.name)).collect();
    in_use.extend(d.netbox.backends().unwrap_or_default().iter().filter_map(|path| SOCIAL.backend_of_class(path)));
    in_use.sort_unstable();
    in_use.dedup();
    let mut backends = in_use.clone();
    backends.extend(d.netbox.settings().filter(|s| !social_reads(&s.name)).filter_map(|s| SOCIAL.backend_prefix(&s.name)));
    backends.sort_unstable();
    backends.dedup();
    let names = SOCIAL.names(&social_pins(targets.netbox), &backends);
    (in_use, names)
}

/// A setting of other backends under the prefix of one that never reads it
/// (`SOCIAL_AUTH_AZUREAD_OAUTH2_TENANT_ID`: social-core's multi-tenant `AzureADOAuth2` reads no
/// tenant; `AzureADTenantOAuth2` and the B2C backend do): no name is near, but which backends
/// read it is known.
fn another_backends_setting(setting: &Setting, targets: &Targets) -> Option<Finding> {
    let name = setting.name.as_str();
    let backend = SOCIAL.backend_prefix(name)?;
    let suffix = name.get(PREFIX.len() + backend.len() + 1..)?;
    let readers = SOCIAL.other_backends_reading(backend, suffix, &social_pins(targets.netbox));
    let prefixes: Vec<String> = readers.iter().map(|r| format!("`SOCIAL_AUTH_{r}_`")).collect();
    let listed = match prefixes.as_slice() {
        [] => return None,
        [one] => format!("only the backend whose settings start with {one} does"),
        [head @ .., last] => format!("only the backends whose settings start with {} or {last} do", head.join(", ")),
    };
    Some(
        Finding::in_block(
            &SETTING_UNKNOWN,
            setting.block,
            setting.name_range.clone(),
            format!(
                "the social-core backend whose settings start with `SOCIAL_AUTH_{backend}_` never reads `{suffix}` ({listed}), so unless a pipeline step of your own reads `{}`, this line has no effect",
                name.escape_debug()
            ),
        )
        .with_help(format!("remove the line, or sign in through a backend that reads `{suffix}` and give the setting that backend's prefix")),
    )
}

/// The one candidate that ends in the same word as `name` (a word of four letters or more, after
/// `SOCIAL_AUTH_` and at least one other word).
fn same_last_word<'a>(name: &str, candidates: &'a [String]) -> Option<&'a str> {
    let rest = name.strip_prefix("SOCIAL_AUTH_")?;
    let (_, word) = rest.rsplit_once('_')?;
    if word.len() < 4 {
        return None;
    }
    let mut matching = candidates
        .iter()
        .filter(|c| c.strip_suffix(word).is_some_and(|head| head.ends_with('_') && head.len() > "SOCIAL_AUTH_".len()));
    match (matching.next(), matching.next()) {
        (Some(one), None) => Some(one.as_str()),
        _ => None,
    }
}

/// The one candidate made of the same words in another order (`LOGIN_BANNER` for NetBox's
/// `BANNER_LOGIN`): too far apart for an edit distance, the same name to a reader.
fn same_words<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    fn words(n: &str) -> Vec<&str> {
        let mut w: Vec<&str> = n.split('_').filter(|w| !w.is_empty()).collect();
        w.sort_unstable();
        w
    }
    let wanted = words(name);
    if wanted.len() < 2 {
        return None;
    }
    let mut matching = candidates.filter(|c| *c != name && words(c) == wanted);
    match (matching.next(), matching.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}



#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{
        OIDC, assert_cases, assert_fires_in_chapter, assert_quiet_in_chapter, finding_in, findings,
    };

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        ("netbox/setting-unknown", "4.7", "ALLOWED_HOST = ['netbox.internaldomain.com']\n", 1, "MY_HELPER_VALUE = 'x'\nALLOWED_HOSTS = [MY_HELPER_VALUE]\n"),
        // far from every name and read by nobody (an install script's LOG_LEVEL, corpus case
        // h165); a helper its file reads, or one computed by code, is left alone
        ("netbox/setting-unknown", "4.7", "LOG_LEVEL = 'WARNING'\n", 1, "import os\nLOG_LEVEL = 'WARNING'\nLOGGING = {'root': {'level': LOG_LEVEL}}\nBASE_DIR = os.path.dirname(__file__)\nSITE = os.environ.get('SITE', 'x')\n"),
        // NetBox's own prefix, far from every name under it (the trial's Nomad job's extra.py);
        // a name some release read is for setting-removed
        ("netbox/setting-unknown", "4.7", "REMOTE_AUTH_STAFF_SUPERUSERS = True\n", 1, "REMOTE_AUTH_STAFF_GROUPS = ['staff']\nSSO_STAFF_SUPERUSERS = True\nREMOTE_AUTH_SUPERUSERS = ['admin'] if SSO_STAFF_SUPERUSERS else []\n"),
        // the same words in another order (an install script's LOGIN_BANNER, corpus case t38)
        ("netbox/setting-unknown", "4.7", "LOGIN_BANNER = 'Upgrade suite'\n", 1, "BANNER_LOGIN = 'Upgrade suite'\nLOGIN_HELPER_TEXT = 'x'\nBANNER_TOP = LOGIN_HELPER_TEXT\n"),
        // read by social-core's OpenIdConnectAuth (4.7.0+), by the app's middleware, by NetBox
        ("netbox/setting-unknown", "4.7", "SOCIAL_AUTH_OIDC_SCOPES = ['groups']\n", 1, "SOCIAL_AUTH_OIDC_JWT_LEEWAY = 10\nSOCIAL_AUTH_RAISE_EXCEPTIONS = True\nSOCIAL_AUTH_BACKEND_ATTRS = {}\n"),
        // a name some NetBox release read is for setting-removed and setting-too-new
        ("netbox/setting-unknown", "4.7", "SOCIAL_AUTH_OIDC_KEYS = 'id'\n", 1, "NAPALM_USERNAME = 'x'\nJINJA_FILTERS = {}\n"),
        // a custom pipeline step's own setting under a right backend prefix, near nothing
        // (GROUPS_CLAIM is four letters from GROUPS_MAP: too far for a name of 17); the step is
        // in the pipeline (NetBox's default pipeline, a whole file's without one, reads none)
        ("netbox/setting-unknown", "4.7", "SOCIAL_AUTH_OIDC_SECRETS = 's'\n", 1, "SOCIAL_AUTH_PIPELINE = ('social_core.pipeline.social_auth.social_details', 'custom.steps.map_groups')\nSOCIAL_AUTH_OIDC_KEY = 'id'\nSOCIAL_AUTH_OIDC_SUPERUSER_GROUPS = ['admins']\nSOCIAL_AUTH_OIDC_GROUPS_CLAIM = 'groups'\n"),
        // a setting only other backends read, under the prefix of one that never reads it (the
        // multi-tenant Entra ID backend and a tenant, NetBox Labs' Entra ID page, corpus case h33);
        // under the tenant backend's own prefix it is read
        (
            "netbox/setting-unknown",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.azuread.AzureADOAuth2'\nSOCIAL_AUTH_AZUREAD_OAUTH2_KEY = 'id'\nSOCIAL_AUTH_AZUREAD_OAUTH2_TENANT_ID = 't'\n",
            3,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.azuread_tenant.AzureADTenantOAuth2'\nSOCIAL_AUTH_AZUREAD_TENANT_OAUTH2_KEY = 'id'\nSOCIAL_AUTH_AZUREAD_TENANT_OAUTH2_TENANT_ID = 't'\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::SETTING_UNKNOWN, CASES);
    }

    /// The committed "fix" of issue 12: the backend is `oidc`, and social-core's leeway setting is
    /// `JWT_LEEWAY`.
    #[test]
    fn a_name_with_the_wrong_backend_gets_the_setting_of_the_backend_in_use() {
        let found = findings(&format!("{OIDC}SOCIAL_AUTH_OPENID_CONNECT_LEEWAY = 30\n"), "4.7");
        assert_eq!(
            found,
            vec![(
                "netbox/setting-unknown",
                "neither social-core nor social-auth-app-django reads `SOCIAL_AUTH_OPENID_CONNECT_LEEWAY`, so unless a pipeline step of your own reads it, this line has no effect; did you mean `SOCIAL_AUTH_OIDC_JWT_LEEWAY`?".to_owned(),
                "rename it to `SOCIAL_AUTH_OIDC_JWT_LEEWAY`".to_owned()
            )]
        );
    }

    /// The backend in use known only from `REMOTE_AUTH_BACKEND`'s class (netbox-docker's
    /// environment, an add-on with the one setting: corpus case h193, now t153); without it, the
    /// name is near no backend's and nothing is said.
    #[test]
    fn the_backend_in_use_is_also_known_by_its_class() {
        let chapter = |backend: &str| {
            format!("# t\n\n```sh,check=env,file=env/netbox.env\nREMOTE_AUTH_BACKEND={backend}\n```\n\n```python,check=netbox,file=configuration/extra.py\nSOCIAL_AUTH_OPENID_CONNECT_LEEWAY = 60\n```\n")
        };
        // Chapter line 8, the add-on's one line (the helper counts from the first fence).
        assert_fires_in_chapter("netbox/setting-unknown", &chapter("social_core.backends.open_id_connect.OpenIdConnectAuth"), 5);
        assert_quiet_in_chapter("netbox/setting-unknown", &chapter("netbox.authentication.RemoteUserBackend"));
    }

    /// A `SOCIAL_AUTH_` name near none, beside a pipeline of the libraries' steps only (NetBox
    /// Enterprise's SOCIAL_AUTH_PIPELINE_CONFIG, corpus case t163); a step of one's own may read
    /// it, and so may a pipeline not shown.
    #[test]
    fn a_name_no_step_of_the_pipeline_reads() {
        let pipeline = |step: &str| {
            format!("{OIDC}SOCIAL_AUTH_PIPELINE = (\n    'social_core.pipeline.social_auth.social_details',\n    '{step}',\n)\nSOCIAL_AUTH_PIPELINE_CONFIG = {{'AZUREAD_GROUP_MAP': {{}}}}\n")
        };
        let library = pipeline("netbox.authentication.user_default_groups_handler");
        assert_fires_in_chapter("netbox/setting-unknown", &format!("# t\n\n```python,check=netbox,partial\n{library}```\n"), 8);
        // A backend class of one's own reads its settings itself.
        let custom = library.replace("social_core.backends.open_id_connect.OpenIdConnectAuth", "corp_sso.backends.CorpSso");
        assert_quiet_in_chapter("netbox/setting-unknown", &format!("# t\n\n```python,check=netbox,partial\n{custom}```\n"));
        let own = pipeline("netbox.custom_pipeline.map_groups");
        assert_quiet_in_chapter("netbox/setting-unknown", &format!("# t\n\n```python,check=netbox,partial\n{own}```\n"));
        assert_quiet_in_chapter("netbox/setting-unknown", &format!("# t\n\n```python,check=netbox,partial\n{OIDC}SOCIAL_AUTH_PIPELINE_CONFIG = {{}}\n```\n"));
    }

    #[test]
    fn a_typo_gets_the_nearest_name_the_target_reads() {
        let found = findings("ALLOWED_HOST = ['netbox.example.com']\nJINJA_FILTER = {}\n", "4.7");
        let helps: Vec<&str> = found.iter().map(|(_, _, help)| help.as_str()).collect();
        assert_eq!(helps, ["rename it to `ALLOWED_HOSTS`", "rename it to `JINJA_FILTERS`"]);
    }

    /// A chained assignment sets its other names: only the unread name's part does nothing
    /// (`DEBUG = TEMPLATES_DEBUG = True`; corpus case t166 chains Django's old TEMPLATE_DEBUG,
    /// setting-ignored's).
    #[test]
    fn a_chained_assignment_is_not_a_line_without_effect() {
        let (message, _) = finding_in("netbox/setting-unknown", "extra.py", "DEBUG = TEMPLATES_DEBUG = True\n", "4.7");
        assert!(message.ends_with("so setting `TEMPLATES_DEBUG` here has no effect"), "{message}");
        let (message, _) = finding_in("netbox/setting-unknown", "extra.py", "TEMPLATES_DEBUG = True\n", "4.7");
        assert!(message.ends_with("so this line has no effect"), "{message}");
    }

    /// A name nobody reads: said so, with no name invented for it; an excerpt's other lines may
    /// read it, and a file with a star import may read anything.
    #[test]
    fn a_name_nobody_reads_only_where_the_whole_file_is_shown() {
        let (message, help) = finding_in("netbox/setting-unknown", "extra.py", "CSRF_ALLOWED_ORIGINS = ['https://netbox.example.com']\n", "4.7");
        assert!(message.contains("no NetBox release reads `CSRF_ALLOWED_ORIGINS`") && message.contains("no line of this file uses it"), "{message}");
        assert!(!help.contains("rename"), "{help}");
        assert_quiet_in_chapter("netbox/setting-unknown", "# t\n\n```python,check=netbox,partial\nLOG_LEVEL = 'WARNING'\n```\n");
        assert_quiet_in_chapter("netbox/setting-unknown", "# t\n\n```python,check=netbox\nfrom .local import *\nLOG_LEVEL = 'WARNING'\n```\n");
        // A helper another file imports from the configuration module is read there.
        let imported = "# t\n\n```python,check=netbox,file=configuration.py\nLDAP_SERVER = 'ldaps://dc.example.com'\n```\n\n```python,check=netbox,file=ldap_config.py\nfrom netbox.configuration import LDAP_SERVER\nAUTH_LDAP_SERVER_URI = LDAP_SERVER\n```\n";
        assert_quiet_in_chapter("netbox/setting-unknown", imported);
        assert_fires_in_chapter("netbox/setting-unknown", &imported.replace("import LDAP_SERVER\nAUTH_LDAP_SERVER_URI = LDAP_SERVER", "import ALLOWED_HOSTS\nAUTH_LDAP_SERVER_URI = 'ldaps://dc'"), 1);
    }
}
