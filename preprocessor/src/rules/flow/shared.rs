//! What several flow rules derive.

use crate::finding::Finding;
use crate::finding::Rule;
use crate::model::Deployment;
use crate::model::authentik::Provider;
use crate::model::flow::{Flow, host_allowed};
use crate::parse::authentik::Node;
use crate::parse::netbox::Setting;

/// Whether Django refuses the host it sees: not a valid host name, or ALLOWED_HOSTS statically
/// known and not matching.
pub(super) fn django_refuses_host(d: &Deployment, flow: &Flow<'_>) -> bool {
    flow.host_invalid()
        || matches!((d.netbox.allowed_hosts(), flow.domain()), (Some((_, hosts)), Some(domain)) if !host_allowed(&domain, &hosts))
}

/// What a flow finding is about, to point at the line that decides it.
#[derive(Clone, Copy)]
pub(super) enum Cause {
    /// The host: its header, else `proxy_pass` (nginx's default Host is the upstream's).
    Host,
    /// The scheme: its header, else the TLS `listen` whose https never reaches NetBox.
    Scheme,
}

pub(super) fn at_flow(rule: &'static Rule, flow: &Flow<'_>, cause: Cause, message: String) -> Option<Finding> {
    let decided = match cause {
        Cause::Host => flow.host.site.as_ref(),
        Cause::Scheme => flow.scheme.site.as_ref(),
    };
    if let Some((block, range)) = decided {
        return Some(Finding::in_block(rule, *block, range.clone(), message));
    }
    let fallback = match cause {
        Cause::Host => flow.location.proxy_pass.as_ref().map(|(_, range)| (flow.location.block, range.clone())),
        Cause::Scheme => flow.server.public_listen().range.map(|range| (flow.server.block, range)),
    };
    fallback.map(|(block, range)| Finding::in_block(rule, block, range, message))
}

pub(super) fn plain(node: Option<&Node>) -> Option<&str> {
    node.and_then(Node::as_str)
}

/// A setting of `configuration.py` and the provider's field for the same thing
/// (`SOCIAL_AUTH_OIDC_KEY` and `client_id`), when both are plain strings and they differ: the
/// setting, its value and the provider's.
pub(super) fn differs_from_provider<'d>(
    d: &'d Deployment,
    name: &str,
    field: impl FnOnce(&'d Provider) -> Option<&'d Node>,
) -> Option<(&'d Setting, &'d str, &'d str)> {
    let provider = d.authentik.provider()?;
    let setting = d.netbox.get(name)?;
    let (ours, theirs) = (setting.value.as_str()?, plain(field(provider))?);
    (ours != theirs).then_some((setting, ours, theirs))
}
