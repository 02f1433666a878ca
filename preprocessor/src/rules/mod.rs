//! The rule registry: every rule's id, default severity, summary, fix, the fact it rests on, and
//! the versions it applies to.
//!
//! Rules live in one file per rule under their domain (`netbox/`, `nginx/`, `authentik/`,
//! `flow/`): the rule a `const` next to the function that checks it and the file's tests with its
//! cases, so a rule's code, its documentation and its cases are found together. The tool's own rules (`configcheck/…`) are data
//! in the base layer ([`crate::own_rules`]), since extraction and parsing report them. This
//! registry imports the rules; a rule imports [`input`] and the base layer, never the registry.

pub mod authentik;
pub mod flow;
pub mod input;
pub mod netbox;
pub mod nginx;

pub use self::input::{Check, Input};
use crate::extract::closest_of;
use crate::finding::Rule;
use crate::own_rules;

/// `domain::file => RULE`: the rule `RULE` of `rules/domain/file.rs`, checked by its function `file`.
macro_rules! checked {
    ($($domain:ident :: $file:ident => $rule:ident),* $(,)?) => {
        &[$((&$domain::$file::$rule, $domain::$file::$file as Check)),*]
    };
}

/// The rules with a check on one product's file (NetBox's, nginx's, Authentik's), one line
/// each, in the order of the rule reference (RULES.md).
const CHECKS: &[(&Rule, Check)] = checked![
    netbox::login_redirect_url_type => LOGIN_REDIRECT_URL_TYPE,
    netbox::remote_auth_header_unused => REMOTE_AUTH_HEADER_UNUSED,
    netbox::remote_auth_enabled_unneeded => REMOTE_AUTH_ENABLED_UNNEEDED,
    netbox::remote_auth_header_format => REMOTE_AUTH_HEADER_FORMAT,
    netbox::protected_user_fields_obsolete => PROTECTED_USER_FIELDS_OBSOLETE,
    netbox::setting_ignored => SETTING_IGNORED,
    netbox::setting_removed => SETTING_REMOVED,
    netbox::setting_unknown => SETTING_UNKNOWN,
    netbox::social_auth_prefix_missing => SOCIAL_AUTH_PREFIX_MISSING,
    netbox::allowed_hosts_type => ALLOWED_HOSTS_TYPE,
    netbox::allowed_hosts_entry => ALLOWED_HOSTS_ENTRY,
    netbox::csrf_trusted_origins_scheme => CSRF_TRUSTED_ORIGINS_SCHEME,
    netbox::oidc_endpoint_name => OIDC_ENDPOINT_NAME,
    netbox::oidc_endpoint_fallback_name => OIDC_ENDPOINT_FALLBACK_NAME,
    netbox::oidc_endpoint_well_known => OIDC_ENDPOINT_WELL_KNOWN,
    netbox::oidc_endpoint_trailing_slash => OIDC_ENDPOINT_TRAILING_SLASH,
    netbox::oidc_endpoint_shape => OIDC_ENDPOINT_SHAPE,
    netbox::oidc_scope_type => OIDC_SCOPE_TYPE,
    netbox::oidc_scope_redundant => OIDC_SCOPE_REDUNDANT,
    netbox::backend_path => BACKEND_PATH,
    netbox::backend_list_version => BACKEND_LIST_VERSION,
    netbox::oidc_backend_version => OIDC_BACKEND_VERSION,
    netbox::redirect_is_https_smell => REDIRECT_IS_HTTPS_SMELL,
    netbox::redirect_is_https_scoped => REDIRECT_IS_HTTPS_SCOPED,
    netbox::allowed_redirect_hosts_irrelevant => ALLOWED_REDIRECT_HOSTS_IRRELEVANT,
    netbox::login_required_deprecated => LOGIN_REQUIRED_DEPRECATED,
    netbox::pipeline_default_groups => PIPELINE_DEFAULT_GROUPS,
    netbox::pipeline_group_import => PIPELINE_GROUP_IMPORT,
    netbox::pipeline_is_staff => PIPELINE_IS_STAFF,
    netbox::pipeline_unbound_variable => PIPELINE_UNBOUND_VARIABLE,
    nginx::missing_forwarded_proto => MISSING_FORWARDED_PROTO,
    nginx::missing_forwarded_host => MISSING_FORWARDED_HOST,
    nginx::port_lost => PORT_LOST,
    nginx::headers_lost_by_inheritance => HEADERS_LOST_BY_INHERITANCE,
    nginx::forwarded_host_appended => FORWARDED_HOST_APPENDED,
    nginx::client_max_body_size_small => CLIENT_MAX_BODY_SIZE_SMALL,
    nginx::upstream_not_loopback => UPSTREAM_NOT_LOOPBACK,
    authentik::encryption_key_set => ENCRYPTION_KEY_SET,
    authentik::signing_key_missing => SIGNING_KEY_MISSING,
    authentik::signing_key_ec => SIGNING_KEY_EC,
    authentik::redirect_uri_old_format => REDIRECT_URI_OLD_FORMAT,
    authentik::redirect_uri_regex_dots => REDIRECT_URI_REGEX_DOTS,
    authentik::mapping_ak_groups => MAPPING_AK_GROUPS,
];

/// The rules that need several files, checked after nginx's and Authentik's own.
const FLOW_CHECKS: &[(&Rule, Check)] = checked![
    flow::redirect_uri_mismatch => REDIRECT_URI_MISMATCH,
    flow::allowed_hosts_missing_public_host => ALLOWED_HOSTS_MISSING_PUBLIC_HOST,
    flow::host_refused => HOST_REFUSED,
    flow::csrf_origin_fails => CSRF_ORIGIN_FAILS,
    flow::scope_not_provided => SCOPE_NOT_PROVIDED,
    flow::oidc_endpoint_mismatch => OIDC_ENDPOINT_MISMATCH,
    flow::client_id_mismatch => CLIENT_ID_MISMATCH,
    flow::client_secret_mismatch => CLIENT_SECRET_MISMATCH,
    flow::logout_url_mismatch => LOGOUT_URL_MISMATCH,
    flow::logout_keeps_authentik_session => LOGOUT_KEEPS_AUTHENTIK_SESSION,
];

/// The rules reported by another stage (the opt-in `nginx -t` of the executable stage).
const REPORTED_ELSEWHERE: &[&Rule] = &[&nginx::syntax_test_failed::SYNTAX_TEST_FAILED];

/// Every rule with a check on the deployment model.
pub fn checks() -> impl Iterator<Item = &'static (&'static Rule, Check)> {
    CHECKS.iter().chain(FLOW_CHECKS)
}

/// Every rule of the registry, the tool's own first.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    own_rules::RULES.iter().copied().chain(checks().map(|(rule, _)| *rule)).chain(REPORTED_ELSEWHERE.iter().copied())
}

/// A rule by id.
pub fn find(id: &str) -> Option<&'static Rule> {
    all().find(|rule| rule.id == id)
}

/// The rule id nearest to a misspelt one.
pub fn closest(id: &str) -> Option<&'static str> {
    closest_of(id, all().map(|rule| rule.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_namespaced_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for rule in all() {
            assert!(seen.insert(rule.id), "duplicate id {}", rule.id);
            let (domain, name) = rule.id.split_once('/').expect("domain/name");
            assert!(["configcheck", "netbox", "nginx", "authentik", "flow"].contains(&domain), "{}", rule.id);
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{}", rule.id);
            assert!(!rule.summary.is_empty() && !rule.help.is_empty() && !rule.fact.is_empty(), "{}", rule.id);
        }
    }

    #[test]
    fn the_fixed_ids_of_the_design_exist() {
        for id in [
            "configcheck/syntax-error",
            "configcheck/expectation-unmet",
            "configcheck/unknown-attribute",
            "netbox/login-redirect-url-type",
            "netbox/remote-auth-header-unused",
            "netbox/protected-user-fields-obsolete",
            "netbox/setting-ignored",
            "netbox/setting-removed",
        ] {
            assert!(find(id).is_some(), "{id} missing");
        }
    }
}

/// Test support: a reference deployment (NetBox's own nginx layout, a correct
/// configuration.py, a blueprint with a strict redirect URI and an RSA signing key) and a way to
/// check variations of it.
#[cfg(test)]
pub mod testing {
    use std::path::Path;

    use crate::check::check_chapters;
    use crate::config::Settings;
    use crate::extract::ChapterInput;

    /// NetBox's `contrib/nginx.conf`, for the guide's host.
    pub const NGINX: &str = "server {\n    listen [::]:443 ssl ipv6only=off;\n    server_name netbox.internaldomain.com;\n    client_max_body_size 25m;\n    location / {\n        proxy_pass http://127.0.0.1:8001;\n        proxy_set_header X-Forwarded-Host $http_host;\n        proxy_set_header X-Real-IP $remote_addr;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }\n}\n";

    /// A correct configuration.py.
    pub const NETBOX: &str = "ALLOWED_HOSTS = ['netbox.internaldomain.com']\nREMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'\nSOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://authentik.yourdomain.com/application/o/netbox'\nSOCIAL_AUTH_OIDC_KEY = 'netbox'\nSOCIAL_AUTH_OIDC_SECRET = 'secret-value'\nLOGOUT_REDIRECT_URL = 'https://authentik.yourdomain.com/application/o/netbox/end-session/'\n";

    /// A correct blueprint.
    pub const BLUEPRINT: &str = "version: 1\nentries:\n  - model: authentik_providers_oauth2.oauth2provider\n    id: netbox-provider\n    identifiers:\n      name: NetBox\n    attrs:\n      client_id: netbox\n      client_secret: secret-value\n      invalidation_flow: !Find [authentik_flows.flow, [slug, default-invalidation-flow]]\n      redirect_uris:\n        - matching_mode: strict\n          url: https://netbox.internaldomain.com/oauth/complete/oidc/\n      signing_key: !Find [authentik_crypto.certificatekeypair, [name, authentik Self-signed Certificate]]\n      property_mappings:\n        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-openid]]\n        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-email]]\n        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-profile]]\n  - model: authentik_core.application\n    identifiers:\n      slug: netbox\n    attrs:\n      provider: !KeyOf netbox-provider\n";

    /// The rules that fire on a deployment, with the text of the line each points at.
    pub fn fired(netbox: &str, nginx: &str, blueprint: &str) -> Vec<(&'static str, String)> {
        fired_with(crate::version::Targets::default(), netbox, nginx, blueprint)
    }

    /// [`fired`], for a book that targets other versions.
    pub fn fired_with(
        targets: crate::version::Targets,
        netbox: &str,
        nginx: &str,
        blueprint: &str,
    ) -> Vec<(&'static str, String)> {
        let content = format!(
            "```python,check=netbox\n{netbox}```\n\n```nginx,check=nginx\n{nginx}```\n\n```yaml,check=authentik\n{blueprint}```\n"
        );
        let chapter = ChapterInput::for_test(&content);
        let settings = Settings { targets, ..Settings::default() };
        let checked = check_chapters(&[chapter], Path::new("."), &settings).unwrap();
        checked
            .diagnostics
            .into_iter()
            .map(|d| (d.rule, content.lines().nth(d.start.line - 1).unwrap_or("").trim().to_string()))
            .collect()
    }

    /// Assert that `rule` fires on the variation, at a line containing `line` (that it does not
    /// fire on the reference deployment is `the_reference_deployment_is_clean`).
    pub fn assert_fires(rule: &str, (netbox, nginx, blueprint): (&str, &str, &str), line: &str) {
        let got = fired(netbox, nginx, blueprint);
        assert!(
            got.iter().any(|(r, l)| *r == rule && l.contains(line)),
            "{rule} should fire at `{line}`; got {got:#?}"
        );
    }

    /// Assert that `rule` does not fire on the variation: a near miss, close to a firing case
    /// but right.
    pub fn assert_quiet(rule: &str, (netbox, nginx, blueprint): (&str, &str, &str)) {
        let got = fired(netbox, nginx, blueprint);
        assert!(!got.iter().any(|(r, _)| *r == rule), "{rule} must not fire; got {got:#?}");
        // A near miss the tool cannot read would be quiet for the wrong reason.
        assert!(!got.iter().any(|(r, _)| r.starts_with("configcheck/")), "{got:#?}");
    }

    #[test]
    fn the_reference_deployment_is_clean() {
        assert_eq!(fired(NETBOX, NGINX, BLUEPRINT), vec![]);
    }
}
