//! The rule registry: every rule's id, default severity, summary, fix, the fact it rests on, and
//! the versions it applies to.
//!
//! Rules live in one module per domain (`netbox`, later `nginx`, `authentik`, `flow`), each rule
//! a `const` next to the function that checks it, so a rule's code, its documentation and (in the
//! module's tests) its test are found together. `configcheck` holds the tool's own rules.

pub mod authentik;
pub mod configcheck;
pub mod flow;
pub mod netbox;
pub mod nginx;

use crate::diagnostic::{Finding, Severity};
use crate::extract::closest_of;
use crate::model::Deployment;
use crate::version::{Applies, Targets};

/// A rule of the catalog.
#[derive(Debug)]
pub struct Rule {
    /// Stable id `domain/kebab-name`.
    pub id: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// What it catches, in one line.
    pub summary: &'static str,
    /// The fix.
    pub help: &'static str,
    /// The fact it rests on: a section of the facts file, or an upstream source.
    pub fact: &'static str,
    /// The versions the fact holds for.
    pub applies: Applies,
}

/// A check: looks at one deployment and reports findings.
pub type Check = fn(&Deployment, &Targets, &mut Vec<Finding>);

/// Every rule with a check on the deployment model.
pub fn checks() -> impl Iterator<Item = &'static (&'static Rule, Check)> {
    netbox::CHECKS.iter().chain(nginx::CHECKS).chain(authentik::CHECKS).chain(flow::CHECKS)
}

/// Every rule of the registry, the tool's own first.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    configcheck::RULES.iter().copied().chain(checks().map(|(rule, _)| *rule)).chain(nginx::OTHER.iter().copied())
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
