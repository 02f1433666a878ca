//! `authentik/redirect-uri-old-format`: The pre-2024.8.5 single-string redirect URIs.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Product, Targets, Version};

/// The pre-2024.8.5 single-string redirect URIs.
pub const REDIRECT_URI_OLD_FORMAT: Rule = Rule {
    id: "authentik/redirect-uri-old-format",
    severity: Severity::Warning,
    summary: "`redirect_uris` written as one string (the format before Authentik 2024.8.5 / 2024.10.3) for a newer target",
    help: "write a list: redirect_uris: [{matching_mode: strict, url: https://<public host>/oauth/complete/oidc/}]",
    fact: "facts §3.2 (new format since 2024.8.5 / 2024.10.3, CVE-2024-52289: list of {matching_mode, url}; the migration made every entry strict)",
    applies: Applies::Range { product: Product::Authentik, since: Some(Version::new(2024, 8, 5)), before: None },
};

pub fn redirect_uri_old_format(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    for provider in d.authentik.providers.iter().filter(|p| p.redirect_uris_old_format) {
        let Some(node) = &provider.redirect_uris_node else { continue };
        out.push(Finding::in_block(
            &REDIRECT_URI_OLD_FORMAT,
            provider.block,
            node.range.clone(),
            format!("Authentik {} keeps redirect URIs as a list of {{matching_mode, url}}; this single string is the old format, where every entry was a regex and a blank field learned the first URI used", targets.authentik),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::authentik::testing::blueprint;
    use crate::rules::testing::{NETBOX, NGINX, assert_fires, assert_quiet};

    #[test]
    fn redirect_uri_old_format() {
        let b = blueprint(
            "      redirect_uris:\n        - matching_mode: strict\n          url: https://netbox.internaldomain.com/oauth/complete/oidc/\n",
            "      redirect_uris: https://netbox\\.internaldomain\\.com/oauth/complete/oidc/\n",
        );
        assert_fires("authentik/redirect-uri-old-format", (NETBOX, NGINX, &b), "redirect_uris:");
        // The list written inline is the new format.
        let inline = blueprint(
            "      redirect_uris:\n        - matching_mode: strict\n          url: https://netbox.internaldomain.com/oauth/complete/oidc/\n",
            "      redirect_uris: [{matching_mode: strict, url: https://netbox.internaldomain.com/oauth/complete/oidc/}]\n",
        );
        assert_quiet("authentik/redirect-uri-old-format", (NETBOX, NGINX, &inline));
    }
}
