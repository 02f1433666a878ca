//! `netbox/azuread-authority-host-url`: a Microsoft Entra ID (Azure AD) backend's
//! `AUTHORITY_HOST` holds a URL where social-core expects a host name.
//!
//! ## What it does
//! Finds `SOCIAL_AUTH_AZUREAD_*_AUTHORITY_HOST` (or the shared `SOCIAL_AUTH_AUTHORITY_HOST`) whose
//! value has a scheme (`https://login.microsoftonline.us`) or a path, while the backend's
//! `AUTHORITY_URL` is not set.
//!
//! ## Why is this bad?
//! social-core builds every Entra ID URL from the setting as a host: `BASE_URL =
//! "https://{authority_host}/{tenant_id}"`, and the authorization, token and discovery URLs
//! from that base (social_core/backends/azuread.py, social-auth-core 4.3.0 to 7.0.0; the tenant,
//! v2 and B2C backends inherit it). A value with `https://` gives
//! `https://https://login.microsoftonline.us/common/oauth2/authorize`: the browser is sent to a
//! host named `https`, and single sign-on never starts. National clouds (GCC High,
//! 21Vianet) are where this setting is needed, so it is where the mistake is made.
//!
//! ## Example
//! `SOCIAL_AUTH_AZUREAD_OAUTH2_AUTHORITY_HOST = 'https://login.microsoftonline.us'`
//!
//! Use instead: `SOCIAL_AUTH_AZUREAD_OAUTH2_AUTHORITY_HOST = 'login.microsoftonline.us'`.

use super::shared::at_value;
use super::social_names::social_pins;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// An Entra ID `AUTHORITY_HOST` that is a URL.
pub const AZUREAD_AUTHORITY_HOST_URL: Rule = Rule {
    id: "netbox/azuread-authority-host-url",
    severity: Severity::Error,
    summary: "a Microsoft Entra ID (Azure AD) backend's `AUTHORITY_HOST` is a URL (`https://login.microsoftonline.us`), where social-core puts a host name into `https://{authority_host}/{tenant}`",
    help: "give the host name alone: SOCIAL_AUTH_AZUREAD_OAUTH2_AUTHORITY_HOST = 'login.microsoftonline.us'",
    fact: "social_core/backends/azuread.py, AzureADOAuth2: `BASE_URL = \"https://{authority_host}/{tenant_id}\"`, `authority_host = self.setting(\"AUTHORITY_HOST\", \"login.microsoftonline.com\")`, `AUTHORIZATION_URL = \"{base_url}/oauth2/authorize\"` (social-auth-core 4.3.0 L43-63, 5.2.0 L49-80, 7.0.0 L61-127; the setting is absent before 4.3.0, where nothing reads it); from 6.0.0 a set `AUTHORITY_URL` replaces the base (7.0.0 L129-157); nothing reads AUTHORITY_HOST before 4.3.0, so the rule stays quiet where the target NetBox pins an older social-auth-core (NetBox 3.1.0 to 3.2.4). AzureADTenantOAuth2, AzureADV2TenantOAuth2 (azuread_tenant.py) and AzureADOAuth2V2 inherit the base; AzureADB2COAuth2 builds `https://{authority_host}/{tenant_name}.onmicrosoft.com` (azuread_b2c.py L61, 7.0.0). social-core's `setting(name)` also reads the name without the backend's part (`SOCIAL_AUTH_AUTHORITY_HOST`; strategy.py L77-86, 5.2.0)",
    applies: Applies::Always,
};

/// The setting prefixes of the Entra ID backends (`name` upper-cased, `-` as `_`), and the shared name.
const BACKENDS: &[&str] = &[
    "AZUREAD_OAUTH2",
    "AZUREAD_TENANT_OAUTH2",
    "AZUREAD_V2_TENANT_OAUTH2",
    "AZUREAD_OAUTH2_V2",
    "AZUREAD_B2C_OAUTH2",
];

pub fn azuread_authority_host_url(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    // social-core reads AUTHORITY_HOST from 4.3.0: before, the setting is ignored, not wrong.
    if !social_pins(targets.netbox).iter().any(|pin| *pin >= Version::new(4, 3, 0)) {
        return;
    }
    let names = BACKENDS
        .iter()
        .map(|b| (format!("SOCIAL_AUTH_{b}_AUTHORITY_HOST"), Some(format!("SOCIAL_AUTH_{b}_AUTHORITY_URL"))))
        .chain(std::iter::once(("SOCIAL_AUTH_AUTHORITY_HOST".to_string(), None)));
    for (name, url_name) in names {
        let Some(setting) = d.netbox.get(&name) else { continue };
        let Some(host) = setting.value.as_str() else { continue };
        // social-auth-core 6.0.0 on: an AUTHORITY_URL, set or unknown, may replace the base.
        if d.netbox.get("SOCIAL_AUTH_AUTHORITY_URL").is_some()
            || url_name.as_ref().is_some_and(|u| d.netbox.get(u).is_some())
        {
            continue;
        }
        let Some(host_name) = host_of(host) else { continue };
        out.push(
            at_value(
                &AZUREAD_AUTHORITY_HOST_URL,
                setting,
                &setting.value,
                format!(
                    "social-core puts this value into `https://{{authority_host}}/{{tenant}}` as a host name, so the sign-in URL becomes `https://{}/…`, not one of `{}`: single sign-on never starts",
                    host.escape_debug(),
                    host_name.escape_debug()
                ),
            )
            .with_help(format!("give the host name alone: `{}`", host_name.escape_debug())),
        );
    }
}

/// The host of a value that is a URL or has a path (`https://login.microsoftonline.us/` gives
/// `login.microsoftonline.us`); `None` for a bare host name (with or without a port).
fn host_of(value: &str) -> Option<&str> {
    let (rest, had_scheme) = match value.split_once("://") {
        Some((_, rest)) => (rest, true),
        None => (value, false),
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    if host.is_empty() || (!had_scheme && end == rest.len()) {
        return None;
    }
    // A bare host with only a trailing `/` is still a mistake: the URL gets `//`.
    Some(host)
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // The GCC High host written as a URL (the trial's helper README).
        (
            "netbox/azuread-authority-host-url",
            "4.7",
            "REMOTE_AUTH_BACKEND = 'social_core.backends.azuread.AzureADOAuth2'\nSOCIAL_AUTH_AZUREAD_OAUTH2_AUTHORITY_HOST = 'https://login.microsoftonline.us'\n",
            2,
            "REMOTE_AUTH_BACKEND = 'social_core.backends.azuread.AzureADOAuth2'\nSOCIAL_AUTH_AZUREAD_OAUTH2_AUTHORITY_HOST = 'login.microsoftonline.us'\n",
        ),
        // The tenant backend; a host with a path.
        (
            "netbox/azuread-authority-host-url",
            "4.7",
            "SOCIAL_AUTH_AZUREAD_TENANT_OAUTH2_AUTHORITY_HOST = 'login.chinacloudapi.cn/'\n",
            1,
            "SOCIAL_AUTH_AZUREAD_TENANT_OAUTH2_AUTHORITY_HOST = 'login.chinacloudapi.cn'\n",
        ),
        // An AUTHORITY_URL (social-auth-core 7) replaces the base: the host is not used.
        (
            "netbox/azuread-authority-host-url",
            "4.7",
            "SOCIAL_AUTH_AUTHORITY_HOST = 'https://login.microsoftonline.us'\n",
            1,
            "SOCIAL_AUTH_AZUREAD_OAUTH2_AUTHORITY_HOST = 'https://login.microsoftonline.us'\nSOCIAL_AUTH_AZUREAD_OAUTH2_AUTHORITY_URL = 'https://login.microsoftonline.us/contoso'\n",
        ),
        // A value from the environment is unknown.
        (
            "netbox/azuread-authority-host-url",
            "4.7",
            "SOCIAL_AUTH_AZUREAD_OAUTH2_V2_AUTHORITY_HOST = 'http://login.microsoftonline.de'\n",
            1,
            "import os\nSOCIAL_AUTH_AZUREAD_OAUTH2_AUTHORITY_HOST = os.environ.get('AUTHORITY_HOST', 'https://x')\n",
        ),
    ];

    #[test]
    fn a_netbox_whose_social_core_never_reads_the_setting_is_left_alone() {
        // NetBox 3.1 pins social-auth-core 4.1.0 and 4.2.0: AUTHORITY_HOST came in 4.3.0.
        let netbox = "SOCIAL_AUTH_AZUREAD_OAUTH2_AUTHORITY_HOST = 'https://login.microsoftonline.us'\n";
        let at = |target: &str| {
            let targets = crate::version::Targets { netbox: target.parse().unwrap(), ..Default::default() };
            crate::rules::testing::fired_with(targets, netbox, crate::rules::testing::NGINX, crate::rules::testing::BLUEPRINT)
                .into_iter()
                .any(|(r, _)| r == "netbox/azuread-authority-host-url")
        };
        assert!(!at("3.1") && at("3.2") && at("4.7"));
    }

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::AZUREAD_AUTHORITY_HOST_URL, CASES);
    }

    #[test]
    fn the_message_names_the_url_users_are_sent_to_and_the_help_the_host() {
        let (message, help) = finding_of(
            "netbox/azuread-authority-host-url",
            "SOCIAL_AUTH_AZUREAD_OAUTH2_AUTHORITY_HOST = 'https://login.microsoftonline.us'\n",
            "4.7",
        );
        assert!(message.contains("`https://https://login.microsoftonline.us/…`"), "{message}");
        assert!(help.contains("`login.microsoftonline.us`"), "{help}");
    }
}
