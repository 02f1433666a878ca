//! `netbox/compose-image-invalid`: a service's `image:` that is no image reference Docker parses.
//!
//! ## What it does
//! Applies when `lint` read the whole Compose project and it runs a `netbox` service. Reports,
//! at the value, each service's `image:` (the last file's that sets it, as Compose merges; not a
//! service Compose may leave out, by its `profiles:` or a `!reset` tag) that
//! the reference grammar Docker uses refuses: a repository name with upper-case letters, a space
//! or a backslash, a separator at an end; a tag with other characters than letters, digits, `_`,
//! `.` and `-`; a digest that is not `algorithm:hex` (`sha256:` and 64 lower-case hex digits).
//! An interpolated value (`${VERSION}`) is not known here and left alone.
//!
//! ## Why is this bad?
//! Docker Compose cannot pull or run the image: `docker compose up` stops with `invalid
//! reference format` (or `repository name must be lowercase`), and the service never starts.
//! YAML makes some of these out of sight: a `\` at a line's end is no continuation in a plain
//! scalar, it stays, and the next line is folded in after a space.
//!
//! ## Example
//! `image: docker.io/netboxcommunity/netbox:v4.7.0-5.1.1@sha256:sha256:4c1f…`
//!
//! Use instead: `image: docker.io/netboxcommunity/netbox:v4.7.0-5.1.1@sha256:4c1f…`, on one line.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::finding::{Finding, Rule, Severity};
use crate::parse::compose::{ImageReferenceError, image_reference_errors};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// An image Docker cannot parse.
pub const COMPOSE_IMAGE_INVALID: Rule = Rule {
    id: "netbox/compose-image-invalid",
    severity: Severity::Error,
    summary: "a service's `image:` is no image reference Docker parses (a space or a backslash, upper case in the repository, a malformed tag or digest): `docker compose up` stops with \"invalid reference format\" and the service never starts",
    help: "write the reference on one line as `registry/repository:tag` or `…@sha256:<64 hex digits>`, the repository in lower case",
    fact: "distribution/reference 0965666 (v0.6.0+; the parser Docker and compose-go use) reference.go L4-27 (grammar: name [\":\" tag] [\"@\" digest]; path components [a-z0-9]+ joined by [_.]|__|[-]*; tag [\\w][\\w.-]{0,127}; digest algorithm \":\" hex, 32 hex digits at least), L72 and L81 (\"invalid reference format\", \"repository name must be lowercase\"), L230-242 (Parse); normalize.go L66-79 (ParseNormalizedNamed: upper case in the repository refused); opencontainers/go-digest 137fd2b algorithm.go L35-36, L163, L289-306 (sha256 and sha512 digests: exactly 64 and 128 lower-case hex digits). YAML 1.2 §7.3.3 (no escapes in plain scalars) and §6.5 (line folding). Seen in tests/realworld/tuning/t169-… (`image: \\` and a digest written `sha256:sha256:`)",
    applies: Applies::Always,
};

pub fn compose_image_invalid(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(services) = d.netbox.whole_project_services() else { return };
    // Each service's image is the last file's that sets one; a service Compose may not create
    // (a profile's, one a tag replaces or removes) has its image parsed only if it is.
    let mut last: FxHashMap<&str, usize> = FxHashMap::default();
    let mut may_not_run: FxHashSet<&str> = FxHashSet::default();
    for (at, service) in services.shown.iter().enumerate() {
        if service.image.is_some() {
            last.insert(service.name.as_str(), at);
        }
        if service.may_not_run {
            may_not_run.insert(service.name.as_str());
        }
    }
    last.retain(|name, _| !may_not_run.contains(name));
    let mut indices: Vec<usize> = last.into_values().collect();
    indices.sort_unstable();
    // Services that share an anchor's image share its place: one finding.
    let mut reported = FxHashSet::default();
    for at in indices {
        let service = &services.shown[at];
        let Some((image, range)) = &service.image else { continue };
        let errors = image_reference_errors(image);
        if errors.is_empty() || !reported.insert((service.key.0, range.start)) {
            continue;
        }
        let parts = errors
            .iter()
            .map(|error| match error {
                ImageReferenceError::Name => "its repository name holds characters no name may (only lower-case letters and digits, joined by `.`, `_`, `__` or `-`, and `/` between components)",
                ImageReferenceError::Uppercase => "its repository name has upper-case letters (\"repository name must be lowercase\")",
                ImageReferenceError::Tag => "its tag holds characters no tag may (letters, digits, `_`, `.` and `-`, not first)",
                ImageReferenceError::Digest => "its digest is not `algorithm:hex` (`sha256:` and 64 lower-case hex digits)",
            })
            .collect::<Vec<_>>()
            .join("; ");
        out.push(Finding::in_block(
            &COMPOSE_IMAGE_INVALID,
            service.key.0,
            range.clone(),
            format!(
                "the image of the service `{}`, `{}`, is no reference Docker parses: {parts}. `docker compose up` stops with \"invalid reference format\" and the service never starts",
                service.name.escape_debug(),
                // As written: a backslash is what is wrong, so it is not escaped here (the
                // reports escape for their contexts); a control character is no part of it.
                image.replace(char::is_control, " "),
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires_linted, assert_quiet_linted, linted};

    fn chapter(image: &str) -> String {
        format!("# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: {image}\n```\n")
    }

    /// A `\` at a line's end folded into the name and a digest written twice (corpus case t169),
    /// upper case in the repository, a tag with a `+`, a short digest: each at the value, line 3.
    #[test]
    fn references_docker_refuses() {
        let digest = "4c1f0e9a7d2b8c3e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7a8b9c0";
        let folded = format!("\\\n      docker.io/netboxcommunity/netbox:v4.7.0-5.1.1@sha256:sha256:{digest}");
        assert_fires_linted("netbox/compose-image-invalid", &chapter(&folded), 3);
        assert_fires_linted("netbox/compose-image-invalid", &chapter("ghcr.io/Example-Org/netbox:v4.6"), 3);
        assert_fires_linted("netbox/compose-image-invalid", &chapter("netboxcommunity/netbox:v4.6+ldap"), 3);
        assert_fires_linted("netbox/compose-image-invalid", &chapter("netboxcommunity/netbox@sha256:4c1f0e9a"), 3);
        let found = linted("netbox/compose-image-invalid", &chapter(&folded));
        assert!(found.len() == 1 && found[0].1.contains("repository name") && found[0].1.contains("digest"), "{found:?}");
    }

    /// Registry hosts with ports and upper case, `__` and dashes, a full digest beside a tag, an
    /// interpolated tag, a later file's image replacing a wrong one.
    #[test]
    fn references_docker_parses() {
        let digest = "4c1f0e9a7d2b8c3e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7a8b9c0";
        for image in [
            "netboxcommunity/netbox",
            "docker.io/netboxcommunity/netbox:v4.6-5.0.2",
            "Registry.Example.org:5000/ops/netbox__custom--build:4.6_ldap.1",
            "localhost:5000/netbox",
            "[fd00::1]:5000/netbox:latest",
            "netboxcommunity/netbox:${VERSION-v4.6-5.0.2}",
            "netboxcommunity/netbox:{{ netbox_version }}",
        ] {
            assert_quiet_linted("netbox/compose-image-invalid", &chapter(image));
        }
        assert_quiet_linted(
            "netbox/compose-image-invalid",
            &chapter(&format!("netboxcommunity/netbox:v4.7.0-5.1.1@sha256:{digest}")),
        );
        let replaced = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: NetBox:latest\n```\n\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.6\n```\n";
        assert_quiet_linted("netbox/compose-image-invalid", replaced);
        // A profile's service, and one an override removes: Compose never parses their images.
        let debug = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.6\n  debug:\n    image: Busybox\n    profiles: [debug]\n```\n";
        assert_quiet_linted("netbox/compose-image-invalid", debug);
        let removed = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v4.6\n  old:\n    image: Busybox\n```\n\n```yaml,check=compose,file=docker-compose.override.yml\nservices:\n  old: !reset {}\n```\n";
        assert_quiet_linted("netbox/compose-image-invalid", removed);
    }
}
