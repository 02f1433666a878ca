//! The Authentik side: the OAuth2 provider and the application of the blueprint (facts §3).

use std::ops::Range;

use crate::finding::BlockId;
use crate::parse::authentik::{Blueprint, Entry, Node, NodeKind};
use crate::parse::base64;

/// The blueprint model of an OAuth2/OpenID provider.
pub const PROVIDER_MODEL: &str = "authentik_providers_oauth2.oauth2provider";
/// The blueprint model of an application.
pub const APPLICATION_MODEL: &str = "authentik_core.application";
/// The blueprint model of a scope mapping.
pub const SCOPE_MAPPING_MODEL: &str = "authentik_providers_oauth2.scopemapping";
/// The blueprint model of a group (Authentik 2025.12.4 and 2026.5.0-rc1, blueprints/system/bootstrap.yaml).
pub const GROUP_MODEL: &str = "authentik_core.group";

/// How Authentik compares a redirect URI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchingMode {
    /// Exact string equality.
    Strict,
    /// `re.fullmatch`.
    Regex,
}

/// One accepted redirect URI.
#[derive(Debug, Clone, PartialEq)]
pub struct RedirectUri {
    /// Strict or regex.
    pub mode: MatchingMode,
    /// The URL or pattern.
    pub url: String,
    /// Where it is written.
    pub range: Range<usize>,
}

impl RedirectUri {
    /// Whether Authentik accepts `uri` with this entry.
    pub fn accepts(&self, uri: &str) -> Option<bool> {
        match self.mode {
            MatchingMode::Strict => Some(self.url == uri),
            MatchingMode::Regex => regex::Regex::new(&format!("^(?:{})$", self.url)).ok().map(|re| re.is_match(uri)),
        }
    }
}

/// The provider.
#[derive(Debug, Clone)]
pub struct Provider {
    /// Its block.
    pub block: BlockId,
    /// The entry's `model:` line.
    pub range: Range<usize>,
    /// The entry's `id:`.
    pub id: Option<String>,
    /// `client_id` (a string, or a tag such as `!Env`).
    pub client_id: Option<Node>,
    /// `client_secret`.
    pub client_secret: Option<Node>,
    /// Accepted redirect URIs; `None` when not statically known.
    pub redirect_uris: Option<Vec<RedirectUri>>,
    /// The field itself.
    pub redirect_uris_node: Option<Node>,
    /// Written in the pre-2024.8.5 single-string form.
    pub redirect_uris_old_format: bool,
    /// `signing_key`, when written (null counts as missing).
    pub signing_key: Option<Node>,
    /// `invalidation_flow`: the flow Authentik's end-session runs for this provider.
    pub invalidation_flow: Option<Node>,
    /// `encryption_key`, when written and not null.
    pub encryption_key: Option<Node>,
    /// `property_mappings`.
    pub property_mappings: Option<Node>,
}

/// The application.
#[derive(Debug, Clone)]
pub struct Application {
    /// Its block.
    pub block: BlockId,
    /// The slug and where it is written.
    pub slug: Option<(String, Range<usize>)>,
    /// The provider reference (`!KeyOf provider-id`).
    pub provider: Option<Node>,
}

/// A custom scope mapping defined in the blueprint.
#[derive(Debug, Clone)]
pub struct ScopeMapping {
    /// Its block.
    pub block: BlockId,
    /// The entry's `id:`.
    pub id: Option<String>,
    /// `name`.
    pub name: Option<String>,
    /// `scope_name`.
    pub scope_name: Option<String>,
    /// `expression` and where it is written.
    pub expression: Option<(String, Range<usize>)>,
    /// The expression as written in the block (indentation, quotes and escapes included), at
    /// `expression`'s range: to place a finding on the line that holds a call.
    pub expression_source: Option<String>,
}

/// Everything the blueprints define.
#[derive(Debug, Clone, Default)]
pub struct AuthentikSetup {
    /// Providers (the guide has one).
    pub providers: Vec<Provider>,
    /// Applications.
    pub applications: Vec<Application>,
    /// Custom scope mappings.
    pub scope_mappings: Vec<ScopeMapping>,
    /// Certificate-key pairs the blueprint defines itself.
    pub keypairs: Vec<KeyPair>,
    /// Flows the blueprint names: (`id`, slug, whether the entry makes the flow: it gives its
    /// `designation`, where an entry without one may only point at a flow of the instance).
    pub flows: Vec<(Option<String>, Option<String>, bool)>,
    /// The `id`s of the User Logout stages the blueprint defines.
    pub user_logout_stages: Vec<Option<String>>,
    /// Stage bindings: the target flow's and the stage's references.
    pub stage_bindings: Vec<(Reference, Reference)>,
    /// Blocks that are Authentik's own system blueprints: Authentik manages them, so nothing in
    /// them is for a reader to fix (their objects still count, for example the scope mappings
    /// a provider finds).
    pub system_blocks: Vec<BlockId>,
    /// The names of the groups the blueprints make (`authentik_core.group` entries whose `name`
    /// is a plain string).
    pub groups: Vec<String>,
}

/// A reference to another object in a blueprint: `!KeyOf id`, or `!Find [model, [field, value]]`.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    /// `!KeyOf`'s id.
    pub key_of: Option<String>,
    /// `!Find`'s strings: the model, then field and value pairs.
    pub find: Vec<String>,
}

impl Reference {
    fn of(node: Option<&Node>) -> Reference {
        let Some(node) = node else { return Reference::default() };
        let strings: Vec<String> = node.strings().iter().map(|s| s.to_string()).collect();
        match node.tag() {
            Some("!KeyOf") => Reference { key_of: strings.into_iter().next(), find: Vec::new() },
            Some("!Find") => Reference { key_of: None, find: strings },
            _ => Reference::default(),
        }
    }

    /// The value a `!Find` gives for `field` (`[slug, X]` → X).
    fn found(&self, field: &str) -> Option<&str> {
        let i = self.find.iter().position(|s| s == field)?;
        self.find.get(i + 1).map(String::as_str)
    }
}

/// The blueprint model of a flow, of a User Logout stage, and of a flow's stage binding.
pub const FLOW_MODEL: &str = "authentik_flows.flow";
/// See [`FLOW_MODEL`].
pub const USER_LOGOUT_STAGE_MODEL: &str = "authentik_stages_user_logout.userlogoutstage";
/// See [`FLOW_MODEL`].
pub const STAGE_BINDING_MODEL: &str = "authentik_flows.flowstagebinding";
/// Authentik's own invalidation flows (blueprints/default/, 2025.12.4 and 2026.5.0-rc1): the one its
/// Log out runs, with a User Logout stage, and the providers' default, with no stage at all.
pub const LOGOUT_FLOW: &str = "default-invalidation-flow";
/// See [`LOGOUT_FLOW`].
pub const PROVIDER_INVALIDATION_FLOW: &str = "default-provider-invalidation-flow";

/// The blueprint model of a certificate-key pair.
pub const KEYPAIR_MODEL: &str = "authentik_crypto.certificatekeypair";

/// A certificate-key pair defined in the blueprint (`key_data` as PEM).
#[derive(Debug, Clone)]
pub struct KeyPair {
    /// The entry's `id:`.
    pub id: Option<String>,
    /// `name`.
    pub name: Option<String>,
    /// The key's algorithm, read from `key_data`.
    pub algorithm: Option<KeyAlgorithm>,
}

/// What kind of private key a PEM holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAlgorithm {
    /// RSA: Authentik signs RS256.
    Rsa,
    /// Elliptic curve: Authentik signs ES256/384/512.
    Ec,
}

/// The algorithm of a PEM private key: by its label, or for PKCS #8 by the algorithm OID inside.
pub fn key_algorithm(pem: &str) -> Option<KeyAlgorithm> {
    if pem.contains("BEGIN EC PRIVATE KEY") {
        return Some(KeyAlgorithm::Ec);
    }
    if pem.contains("BEGIN RSA PRIVATE KEY") {
        return Some(KeyAlgorithm::Rsa);
    }
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64::decode(body.trim())?;
    const EC_PUBLIC_KEY: [u8; 9] = [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]; // 1.2.840.10045.2.1
    const RSA_ENCRYPTION: [u8; 11] = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]; // 1.2.840.113549.1.1.1
    if der.windows(EC_PUBLIC_KEY.len()).any(|w| w == EC_PUBLIC_KEY) {
        Some(KeyAlgorithm::Ec)
    } else if der.windows(RSA_ENCRYPTION.len()).any(|w| w == RSA_ENCRYPTION) {
        Some(KeyAlgorithm::Rsa)
    } else {
        None
    }
}

impl AuthentikSetup {
    /// Read one blueprint.
    pub fn add(&mut self, blueprint: &Blueprint, block: BlockId) {
        if blueprint.system {
            self.system_blocks.push(block);
        }
        for entry in blueprint.entries_of(PROVIDER_MODEL) {
            self.providers.push(provider(entry, block));
        }
        for entry in blueprint.entries_of(KEYPAIR_MODEL) {
            self.keypairs.push(KeyPair {
                id: entry.id.clone(),
                name: entry.field("name").and_then(Node::as_str).map(str::to_string),
                algorithm: entry.field("key_data").and_then(Node::as_str).and_then(key_algorithm),
            });
        }
        for entry in blueprint.entries_of(APPLICATION_MODEL) {
            self.applications.push(Application {
                block,
                slug: entry.field("slug").and_then(|n| n.as_str().map(|s| (s.to_string(), n.range.clone()))),
                provider: entry.field("provider").cloned(),
            });
        }
        self.flows.extend(blueprint.entries_of(FLOW_MODEL).map(|e| {
            let slug = e.field("slug").and_then(Node::as_str).map(str::to_string);
            (e.id.clone(), slug, e.field("designation").is_some())
        }));
        self.user_logout_stages.extend(blueprint.entries_of(USER_LOGOUT_STAGE_MODEL).map(|e| e.id.clone()));
        for entry in blueprint.entries_of(STAGE_BINDING_MODEL) {
            self.stage_bindings.push((Reference::of(entry.field("target")), Reference::of(entry.field("stage"))));
        }
        self.groups.extend(
            blueprint
                .entries_of(GROUP_MODEL)
                .filter_map(|e| e.field("name").and_then(Node::as_str))
                .map(str::to_string),
        );
        for entry in blueprint.entries_of(SCOPE_MAPPING_MODEL) {
            self.scope_mappings.push(ScopeMapping {
                block,
                id: entry.id.clone(),
                name: entry.field("name").and_then(Node::as_str).map(str::to_string),
                scope_name: entry.field("scope_name").and_then(Node::as_str).map(str::to_string),
                expression: entry
                    .field("expression")
                    .and_then(|n| n.as_str().map(|s| (s.to_string(), n.range.clone()))),
                expression_source: entry
                    .field("expression")
                    .filter(|n| n.as_str().is_some())
                    .and_then(|n| blueprint.source.get(n.range.clone()))
                    .map(str::to_string),
            });
        }
    }

    /// The provider NetBox talks to (the first one).
    pub fn provider(&self) -> Option<&Provider> {
        self.providers.first()
    }

    /// The application of that provider (the one referring to it, else the first).
    pub fn application(&self) -> Option<&Application> {
        let provider_id = self.provider().and_then(|p| p.id.as_deref());
        self.applications
            .iter()
            .find(|a| a.provider.as_ref().is_some_and(|p| p.strings().iter().any(|s| Some(*s) == provider_id)))
            .or(self.applications.first())
    }

    /// The algorithm of the provider's signing key, when the blueprint defines that key itself
    /// (`!KeyOf id`, or `!Find [authentik_crypto.certificatekeypair, [name, X]]`).
    pub fn signing_algorithm(&self, provider: &Provider) -> Option<KeyAlgorithm> {
        let reference = provider.signing_key.as_ref()?;
        let strings = reference.strings();
        let keypair = if reference.tag() == Some("!KeyOf") {
            let id = strings.first()?;
            self.keypairs.iter().find(|k| k.id.as_deref() == Some(*id))
        } else {
            let i = strings.iter().position(|s| *s == "name")?;
            let name = strings.get(i + 1)?;
            self.keypairs.iter().find(|k| k.name.as_deref() == Some(*name))
        };
        keypair?.algorithm
    }

    /// Whether the provider's invalidation flow (what its end-session runs) ends the user's Authentik
    /// session, that is, has a User Logout stage: Authentik's [`LOGOUT_FLOW`] does, its
    /// [`PROVIDER_INVALIDATION_FLOW`] does not unless the blueprint binds one to it, and a flow the
    /// blueprint defines does when the blueprint binds one to it. `None` when it cannot be known
    /// (a flow of the instance the blueprint does not show).
    pub fn invalidation_ends_session(&self, provider: &Provider) -> Option<bool> {
        let flow = Reference::of(provider.invalidation_flow.as_ref());
        // The flow by its id in this blueprint and by its slug.
        let entry = flow.key_of.as_ref().and_then(|id| self.flows.iter().find(|(i, _, _)| i.as_ref() == Some(id)));
        let slug = flow.found("slug").or_else(|| entry.and_then(|(_, s, _)| s.as_deref()));
        let makes_flow = entry.is_some_and(|(_, _, makes)| *makes);
        let names_this_flow = |target: &Reference| match (&target.key_of, target.found("slug")) {
            (Some(id), _) => flow.key_of.as_ref() == Some(id),
            (None, Some(target_slug)) => slug == Some(target_slug),
            _ => false,
        };
        let is_logout_stage = |stage: &Reference| match &stage.key_of {
            Some(id) => self.user_logout_stages.iter().any(|i| i.as_ref() == Some(id)),
            None => stage.find.first().map(String::as_str) == Some(USER_LOGOUT_STAGE_MODEL),
        };
        if self.stage_bindings.iter().any(|(target, stage)| names_this_flow(target) && is_logout_stage(stage)) {
            return Some(true);
        }
        match slug {
            Some(LOGOUT_FLOW) => Some(true),
            Some(PROVIDER_INVALIDATION_FLOW) => Some(false),
            // Made here, and nothing here binds a User Logout stage to it.
            _ if makes_flow => Some(false),
            // A flow of the instance: its stages are not in the blueprint.
            _ => None,
        }
    }

    /// The scopes the provider's mappings provide, when statically known.
    pub fn provided_scopes(&self, provider: &Provider) -> Option<Vec<String>> {
        let mappings = provider.property_mappings.as_ref()?;
        let NodeKind::Seq(items) = &mappings.kind else { return None };
        let mut scopes = Vec::new();
        for item in items {
            scopes.push(self.scope_of(item)?);
        }
        Some(scopes)
    }

    /// The scope a mapping reference provides: a managed built-in
    /// (`goauthentik.io/providers/oauth2/scope-email`), a `[scope_name, x]` lookup, or a `!KeyOf`
    /// to a scope mapping of the blueprint.
    fn scope_of(&self, reference: &Node) -> Option<String> {
        let strings = reference.strings();
        if let Some(managed) = strings.iter().find_map(|s| s.strip_prefix("goauthentik.io/providers/oauth2/scope-")) {
            return Some(managed.to_string());
        }
        if let Some(i) = strings.iter().position(|s| *s == "scope_name") {
            return strings.get(i + 1).map(|s| s.to_string());
        }
        if reference.tag() == Some("!KeyOf") {
            let id = strings.first()?;
            return self
                .scope_mappings
                .iter()
                .find(|m| m.id.as_deref() == Some(*id))
                .and_then(|m| m.scope_name.clone());
        }
        if let Some(i) = strings.iter().position(|s| *s == "name") {
            let name = strings.get(i + 1)?;
            return self
                .scope_mappings
                .iter()
                .find(|m| m.name.as_deref() == Some(*name))
                .and_then(|m| m.scope_name.clone());
        }
        None
    }
}

fn provider(entry: &Entry, block: BlockId) -> Provider {
    let redirect_node = entry.field("redirect_uris").cloned();
    let (redirect_uris, old_format) = match redirect_node.as_ref().map(|n| &n.kind) {
        Some(NodeKind::Str(text)) => {
            // The old form: one text field, whitespace-separated entries, each a regex.
            let node = redirect_node.as_ref();
            let start = node.map_or(0, |n| n.range.start);
            let uris = text
                .split_whitespace()
                .map(|url| RedirectUri {
                    mode: MatchingMode::Regex,
                    url: url.to_string(),
                    range: start..start + text.len(),
                })
                .collect();
            (Some(uris), true)
        }
        Some(NodeKind::Seq(items)) => {
            let uris: Option<Vec<RedirectUri>> = items
                .iter()
                .map(|item| {
                    let url = item.get("url")?;
                    let mode = match item.get("matching_mode").and_then(Node::as_str) {
                        Some("regex") => MatchingMode::Regex,
                        Some("strict") | None => MatchingMode::Strict,
                        Some(_) => return None,
                    };
                    Some(RedirectUri { mode, url: url.as_str()?.to_string(), range: url.range.clone() })
                })
                .collect();
            (uris, false)
        }
        _ => (None, false),
    };
    let present = |name: &str| entry.field(name).filter(|n| !n.is_null()).cloned();
    Provider {
        block,
        range: entry.model_range.clone(),
        id: entry.id.clone(),
        client_id: present("client_id"),
        client_secret: present("client_secret"),
        redirect_uris,
        redirect_uris_node: redirect_node,
        redirect_uris_old_format: old_format,
        signing_key: present("signing_key"),
        invalidation_flow: present("invalidation_flow"),
        encryption_key: present("encryption_key"),
        property_mappings: present("property_mappings"),
    }
}

/// The application an Authentik endpoint names: `<slug>` in `…/application/o/<slug>/`, the
/// application's issuer URL (facts §3.1), with a discovery path, query or fragment after it left
/// aside; `None` when that is no application's slug.
pub fn endpoint_application(url: &str) -> Option<&str> {
    let (_, rest) = url.split_once("/application/o/")?;
    let rest = rest.split(['?', '#']).next().unwrap_or("").trim_end_matches('/');
    let slug = rest.strip_suffix("/.well-known/openid-configuration").unwrap_or(rest);
    is_application_slug(slug).then_some(slug)
}

/// Authentik's endpoints under `/application/o/` that belong to no application (facts §3.1).
pub const SHARED_ENDPOINTS: [&str; 6] = ["authorize", "token", "userinfo", "introspect", "revoke", "device"];

/// Whether a path segment can name an application: a slug (letters, digits, `-` and `_`, what
/// Django's slug fields take) that is none of Authentik's shared endpoints.
fn is_application_slug(segment: &str) -> bool {
    !segment.is_empty()
        && segment.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && !SHARED_ENDPOINTS.contains(&segment)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::authentik::parse;

    #[test]
    fn key_algorithms_are_read_from_the_pem() {
        // PKCS #8 headers of a P-256 and an RSA key (the algorithm identifier is in the first bytes).
        assert_eq!(
            key_algorithm(
                "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----"
            ),
            Some(KeyAlgorithm::Ec)
        );
        assert_eq!(
            key_algorithm("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----"),
            Some(KeyAlgorithm::Rsa)
        );
        assert_eq!(
            key_algorithm("-----BEGIN EC PRIVATE KEY-----\nxx\n-----END EC PRIVATE KEY-----"),
            Some(KeyAlgorithm::Ec)
        );
        assert_eq!(key_algorithm("not a key"), None);
    }

    #[test]
    fn reads_provider_and_application_and_scopes() {
        let mut setup = AuthentikSetup::default();
        setup.add(&parse(crate::rules::testing::BLUEPRINT), BlockId(0));
        let provider = setup.provider().unwrap();
        assert_eq!(
            provider.redirect_uris.as_ref().unwrap()[0].url,
            "https://netbox.internaldomain.com/oauth/complete/oidc/"
        );
        assert!(provider.signing_key.is_some() && provider.encryption_key.is_none());
        assert_eq!(setup.application().unwrap().slug.as_ref().unwrap().0, "netbox");
        assert_eq!(setup.provided_scopes(provider).unwrap(), ["openid", "email", "profile"]);
        let strict = &provider.redirect_uris.as_ref().unwrap()[0];
        assert_eq!(strict.accepts("https://netbox.internaldomain.com/oauth/complete/oidc/"), Some(true));
        assert_eq!(strict.accepts("https://netbox.internaldomain.com/oauth/complete/oidc"), Some(false));
        let regex = RedirectUri {
            mode: MatchingMode::Regex,
            url: "https://netbox\\.internaldomain\\.com/.*".into(),
            range: 0..0,
        };
        assert_eq!(regex.accepts("https://netbox.internaldomain.com/oauth/complete/oidc/"), Some(true));
        assert_eq!(regex.accepts("https://evil.example/?https://netbox.internaldomain.com/"), Some(false), "fullmatch");
    }
}
