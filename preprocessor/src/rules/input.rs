//! What every rule's check receives: the deployment, and its login flow derived once for all the
//! rules that need it. Apart from the registries (`rules/mod.rs`, each domain's `mod.rs`) so
//! that a rule imports this and the base layer, and the registries import the rules: never the
//! reverse.

use crate::finding::Finding;
use crate::model::Deployment;
use crate::model::flow::Flow;
use crate::version::Targets;

/// What a check looks at: one deployment, and the login flow derived from it once for all the
/// rules that need it (it reads as the deployment itself).
#[derive(Debug)]
pub struct Input<'a> {
    /// The deployment.
    pub deployment: &'a Deployment,
    /// Its login flow, when it has one (see [`Flow::derive`]).
    pub flow: Option<Flow<'a>>,
}

impl<'a> Input<'a> {
    /// A deployment with its flow derived.
    pub fn new(deployment: &'a Deployment) -> Input<'a> {
        Input { deployment, flow: Flow::derive(deployment) }
    }
}

impl std::ops::Deref for Input<'_> {
    type Target = Deployment;

    fn deref(&self) -> &Deployment {
        self.deployment
    }
}

/// A check: looks at one deployment and reports findings.
pub type Check = fn(&Input<'_>, &Targets, &mut Vec<Finding>);
