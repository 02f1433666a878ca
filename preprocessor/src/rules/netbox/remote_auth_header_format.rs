//! `netbox/remote-auth-header-format`: A header name Django never exposes under that key.

use super::shared::{at_value, truthy};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A header name Django never exposes under that key.
pub const REMOTE_AUTH_HEADER_FORMAT: Rule = Rule {
    id: "netbox/remote-auth-header-format",
    severity: Severity::Error,
    summary: "with header authentication, `REMOTE_AUTH_HEADER` is not a WSGI name (`HTTP_` + upper-case header, `_` for `-`)",
    help: "write the WSGI name: the request header `X-Authentik-Username` is `HTTP_X_AUTHENTIK_USERNAME`",
    fact: "facts §1.2 (REMOTE_AUTH_HEADER must be the WSGI META name)",
    applies: Applies::Always,
};

pub fn remote_auth_header_format(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let header_auth = truthy(&d.netbox, "REMOTE_AUTH_ENABLED") == Some(true)
        && d.netbox.backends().is_none_or(|b| b.iter().any(|b| b == "netbox.authentication.RemoteUserBackend"));
    let Some(setting) = d.netbox.get("REMOTE_AUTH_HEADER") else { return };
    let Some(header) = setting.value.as_str() else { return };
    if header_auth && (!header.starts_with("HTTP_") || header.contains('-') || header != header.to_uppercase()) {
        let wsgi = format!("HTTP_{}", header.trim_start_matches("HTTP_").to_uppercase().replace('-', "_"));
        out.push(at_value(
            &REMOTE_AUTH_HEADER_FORMAT,
            setting,
            &setting.value,
            format!("Django never has a request header under `{header}`, so header authentication never finds a user; the WSGI name is `{wsgi}`"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[(
        "netbox/remote-auth-header-format",
        "4.7",
        "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_HEADER = 'X-Authentik-Username'\n",
        2,
        "REMOTE_AUTH_ENABLED = True\nREMOTE_AUTH_HEADER = 'HTTP_X_AUTHENTIK_USERNAME'\n",
    )];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::REMOTE_AUTH_HEADER_FORMAT, CASES);
    }
}
