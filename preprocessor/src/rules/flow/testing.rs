//! The flow rules' test helpers: variations of the reference deployment.

use crate::rules::testing::NETBOX;

pub fn netbox(from: &str, to: &str) -> String {
    assert!(NETBOX.contains(from), "{from}");
    NETBOX.replace(from, to)
}

/// The quoted value a configuration assigns to `name`.
pub fn value_of<'a>(netbox: &'a str, name: &str) -> &'a str {
    let line = netbox.lines().find(|l| l.starts_with(name)).unwrap();
    line.split('\'').nth(1).unwrap()
}

#[test]
fn every_rule_of_the_deployment_domains_has_a_test_in_its_file_or_module() {
    // The tests in the flow rules' files and in nginx/ and authentik/ name the rule ids; this guards that
    // a new rule does not arrive without one.
    let sources: Vec<String> = [
        include_str!("allowed_hosts_missing_public_host.rs"),
        include_str!("client_id_mismatch.rs"),
        include_str!("client_secret_mismatch.rs"),
        include_str!("csrf_origin_fails.rs"),
        include_str!("host_refused.rs"),
        include_str!("logout_url_mismatch.rs"),
        include_str!("oidc_endpoint_mismatch.rs"),
        include_str!("redirect_uri_mismatch.rs"),
        include_str!("scope_not_provided.rs"),
        include_str!("../nginx/missing_forwarded_proto.rs"),
        include_str!("../nginx/missing_forwarded_host.rs"),
        include_str!("../nginx/port_lost.rs"),
        include_str!("../nginx/headers_lost_by_inheritance.rs"),
        include_str!("../nginx/forwarded_host_appended.rs"),
        include_str!("../nginx/client_max_body_size_small.rs"),
        include_str!("../nginx/upstream_not_loopback.rs"),
        include_str!("../authentik/encryption_key_set.rs"),
        include_str!("../authentik/signing_key_missing.rs"),
        include_str!("../authentik/signing_key_ec.rs"),
        include_str!("../authentik/redirect_uri_old_format.rs"),
        include_str!("../authentik/redirect_uri_regex_dots.rs"),
        include_str!("../authentik/mapping_ak_groups.rs"),
    ]
    .iter()
    .map(|s| s.split_whitespace().collect())
    .collect();
    for (rule, _) in crate::rules::checks().filter(|(r, _)| !r.id.starts_with("netbox/")) {
        let needle = format!("assert_fires(\"{}\"", rule.id);
        assert!(sources.iter().any(|s| s.contains(&needle)), "{} has no firing test", rule.id);
    }
}
