//! `netbox/login-required-deprecated`: `LOGIN_REQUIRED` on NetBox 4.6 and later.
//!
//! Not on netbox-docker's `LOGIN_REQUIRED` variable or its own `configuration.py`: that file sets
//! `LOGIN_REQUIRED` from the environment whether the variable is set or not (netbox-docker
//! 3.0.2, `_environ_get_and_map('LOGIN_REQUIRED', 'True', _AS_BOOL)`), so the warning is
//! netbox-docker's, and removing the variable changes nothing.

use super::shared::at_statement;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// `LOGIN_REQUIRED` on NetBox 4.6 and later.
pub const LOGIN_REQUIRED_DEPRECATED: Rule = Rule {
    id: "netbox/login-required-deprecated",
    severity: Severity::Info,
    summary: "`LOGIN_REQUIRED` is set on NetBox 4.6 or later, where it is deprecated",
    help: "remove the line: login is required by default since NetBox 4.0.2",
    fact: "facts §1.1 (default True since v4.0.2; FutureWarning since v4.6.0, removal planned for v5.0), §11 (settings.py L277-285 in 4.7.3)",
    applies: Applies::netbox_since(4, 6, 0),
};

pub fn login_required_deprecated(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    if let Some(setting) = d.netbox.get("LOGIN_REQUIRED")
        && !d.netbox.is_from_environment(setting)
        && !d.netbox.is_netbox_docker_own(setting)
        && !d.netbox.is_chart_rendered(setting)
    {
        let extra = if setting.value.truthy() == Some(false) {
            "; set to False it also warns that unauthenticated access will stop being supported"
        } else {
            ""
        };
        out.push(at_statement(
            &LOGIN_REQUIRED_DEPRECATED,
            setting,
            format!("`LOGIN_REQUIRED` is deprecated: NetBox logs a FutureWarning at every start and will drop it in 5.0{extra}"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::assert_cases;
    use crate::rules::testing::fired_chapter;

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        ("netbox/login-required-deprecated", "4.6", "LOGIN_REQUIRED = True\n", 1, "LOGIN_TIMEOUT = 3600\n"),
        ("netbox/login-required-deprecated", "4.5", "X = 1\n", 0, "LOGIN_REQUIRED = True\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::LOGIN_REQUIRED_DEPRECATED, CASES);
    }

    #[test]
    fn not_on_netbox_dockers_variable() {
        // netbox-docker's configuration.py sets LOGIN_REQUIRED whether the variable is set or not.
        let env = "```sh,check=env\nLOGIN_REQUIRED=true\n```\n";
        assert!(!fired_chapter(env).contains(&"netbox/login-required-deprecated"));
        let python = "```python,check=netbox,file=extra.py\nLOGIN_REQUIRED = True\n```\n";
        assert!(fired_chapter(python).contains(&"netbox/login-required-deprecated"));
    }
}
