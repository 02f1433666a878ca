//! The rule registry: every rule's id, default severity, summary, fix, the fact it rests on, and
//! the versions it applies to.
//!
//! Rules live in one file per rule under their domain (`netbox/`, `nginx/`, `authentik/`,
//! `flow/`): the rule a `const` next to the function that checks it and the file's tests with its
//! cases, so a rule's code, its documentation and its cases are found together. Each domain's
//! `mod.rs` is its registry, one line per rule (the macro `rules!` below), and the helpers its
//! rules share, if any, are in its `shared.rs`; this registry chains the domains in the order of the rule
//! reference. The tool's own rules (`configcheck/…`) are data in the base layer
//! ([`crate::own_rules`]), since extraction and parsing report them. This
//! registry imports the rules; a rule imports [`input`] and the base layer, never the registry.

/// A domain's registry, its `mod.rs`: `rules! { file => RULE, … }`, one line per rule in the
/// order of the rule reference (RULES.md). `file => RULE` declares the module `file` (the file
/// `file.rs`) and registers its rule `RULE`, checked by its function `file`, in the domain's
/// `CHECKS`. A rule that another stage reports (and checks) comes after
/// `; reported elsewhere:`, in the domain's `REPORTED_ELSEWHERE`.
///
/// tests/architecture.rs reads these declarations from the source: it knows this syntax.
macro_rules! rules {
    ($($file:ident => $rule:ident),* $(,)? $(; reported elsewhere: $($other:ident => $other_rule:ident),* $(,)?)?) => {
        $(pub mod $file;)*
        $($(pub mod $other;)*)?

        /// This domain's rules with their checks, in the order of the rule reference.
        pub(super) const CHECKS: &[(&$crate::finding::Rule, $crate::rules::input::Check)] =
            &[$((&$file::$rule, $file::$file as $crate::rules::input::Check)),*];

        $(
            /// This domain's rules that another stage reports.
            pub(super) const REPORTED_ELSEWHERE: &[&$crate::finding::Rule] = &[$(&$other::$other_rule),*];
        )?
    };
}

pub mod authentik;
pub mod flow;
pub mod input;
pub mod netbox;
pub mod nginx;

pub use self::input::{Check, Input};
use crate::extract::closest_of;
use crate::finding::Rule;
use crate::own_rules;

/// The rules with a check on one product's file (NetBox's, nginx's, Authentik's), then those
/// that need several files, checked after nginx's and Authentik's own: the domains in the order
/// of the rule reference (RULES.md).
const CHECKS: &[&[(&Rule, Check)]] = &[netbox::CHECKS, nginx::CHECKS, authentik::CHECKS, flow::CHECKS];

/// The rules reported by another stage (the opt-in `nginx -t` of the executable stage).
const REPORTED_ELSEWHERE: &[&[&Rule]] = &[netbox::REPORTED_ELSEWHERE, nginx::REPORTED_ELSEWHERE];

/// Every rule with a check on the deployment model.
pub fn checks() -> impl Iterator<Item = &'static (&'static Rule, Check)> {
    CHECKS.iter().copied().flatten()
}

/// Every rule of the registry, the tool's own first.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    own_rules::RULES
        .iter()
        .copied()
        .chain(checks().map(|(rule, _)| *rule))
        .chain(REPORTED_ELSEWHERE.iter().copied().flatten().copied())
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
    use crate::diagnostic::Diagnostic;
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
        let content = deployment(netbox, nginx, blueprint);
        let settings = Settings { targets, ..Settings::default() };
        diagnostics(&content, &settings)
            .into_iter()
            .map(|d| (d.rule, content.lines().nth(d.start.line - 1).unwrap_or("").trim().to_string()))
            .collect()
    }

    /// The rules that fire on a chapter of checked blocks (the default targets).
    pub fn fired_chapter(content: &str) -> Vec<&'static str> {
        diagnostics(content, &Settings::default()).into_iter().map(|d| d.rule).collect()
    }

    /// The rules that fire on a deployment, with their messages: to check a message against
    /// its input.
    pub fn messages(netbox: &str, nginx: &str, blueprint: &str) -> Vec<(&'static str, String)> {
        messages_with(crate::version::Targets::default(), netbox, nginx, blueprint)
    }

    /// [`messages`], for a book that targets other versions.
    pub fn messages_with(
        targets: crate::version::Targets,
        netbox: &str,
        nginx: &str,
        blueprint: &str,
    ) -> Vec<(&'static str, String)> {
        let settings = Settings { targets, ..Settings::default() };
        diagnostics(&deployment(netbox, nginx, blueprint), &settings).into_iter().map(|d| (d.rule, d.message)).collect()
    }

    /// The message of `rule` on a deployment (empty when it does not fire).
    pub fn message_of(
        rule: &str,
        targets: crate::version::Targets,
        (netbox, nginx, blueprint): (&str, &str, &str),
    ) -> String {
        messages_with(targets, netbox, nginx, blueprint)
            .into_iter()
            .find(|(r, _)| *r == rule)
            .map(|(_, m)| m)
            .unwrap_or_default()
    }

    /// The rules that fire on a deployment, with their help: to check a fix against its input.
    pub fn helps(netbox: &str, nginx: &str, blueprint: &str) -> Vec<(&'static str, String)> {
        diagnostics(&deployment(netbox, nginx, blueprint), &Settings::default())
            .into_iter()
            .map(|d| (d.rule, d.help.into_owned()))
            .collect()
    }

    /// A chapter of the three files of a deployment, each in its checked block.
    pub fn deployment(netbox: &str, nginx: &str, blueprint: &str) -> String {
        format!(
            "```python,check=netbox\n{netbox}```\n\n```nginx,check=nginx\n{nginx}```\n\n```yaml,check=authentik\n{blueprint}```\n"
        )
    }

    /// Every diagnostic of a chapter of checked blocks, through the whole pipeline.
    pub fn diagnostics(chapter: &str, settings: &Settings) -> Vec<Diagnostic> {
        check_chapters(&[ChapterInput::for_test(chapter)], Path::new("."), settings).unwrap().diagnostics
    }

    /// The lines (from the first fence, as [`crate::rules::netbox::testing`] counts) on which
    /// `rule` fires when the chapter's blocks are files `lint` read: every environment file a
    /// compose block names was read.
    pub fn fired_linted_lines(rule: &str, chapter: &str) -> Vec<usize> {
        linted(rule, chapter).into_iter().map(|(line, _)| line).collect()
    }

    /// The lines (as [`fired_linted_lines`]) and messages of `rule`'s findings on a chapter read
    /// as `lint` reads files.
    pub fn linted(rule: &str, chapter: &str) -> Vec<(usize, String)> {
        linted_for(rule, chapter, &Settings::default())
    }

    /// [`linted`] for the targets of `settings` (`lint` takes NetBox's from an image's tag).
    pub fn linted_for(rule: &str, chapter: &str, settings: &Settings) -> Vec<(usize, String)> {
        let mut sources = crate::source::Sources::default();
        let mut extraction = crate::extract::extract(&[ChapterInput::for_test(chapter)], &mut sources);
        // The project's `.env`: a block of that file, read for interpolation only, else none.
        let compose = crate::extract::Kind::Compose;
        let dotenv = extraction.blocks.iter().find(|b| b.file == ".env").map(|b| (b.id, b.text.as_str().into()));
        for block in &mut extraction.blocks {
            block.project_complete = block.kind == compose;
            block.project_env_only = block.file == ".env";
            if block.kind == compose {
                block.project_env = Some(dotenv.clone().unwrap_or_else(|| (block.id, "".into())));
            }
        }
        crate::check::check_files(extraction.blocks, sources, settings)
            .unwrap()
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == rule)
            .map(|d| (d.start.line - 3, d.message))
            .collect()
    }

    /// Assert that `rule` fires on `line` of a chapter read as `lint` reads files.
    pub fn assert_fires_linted(rule: &str, chapter: &str, line: usize) {
        let lines = fired_linted_lines(rule, chapter);
        assert!(lines.contains(&line), "{rule} should fire on line {line} of\n{chapter}\ngot lines {lines:?}");
    }

    /// Assert that `rule` does not fire on a chapter read as `lint` reads files.
    pub fn assert_quiet_linted(rule: &str, chapter: &str) {
        let lines = fired_linted_lines(rule, chapter);
        assert!(lines.is_empty(), "{rule} must not fire on\n{chapter}\ngot lines {lines:?}");
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
