//! `netbox/name-not-defined`: a configuration or code file that reads, at its top level, a name
//! it never assigns or imports (`PLUGINS.append(…)` in netbox-docker's `extra.py`): Python raises
//! `NameError` when it loads the file, and NetBox does not start.

use crate::finding::{Finding, Rule, Severity};
use crate::model::Role;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A top-level read of a name the file binds nowhere.
pub const NAME_NOT_DEFINED: Rule = Rule {
    id: "netbox/name-not-defined",
    severity: Severity::Error,
    summary: "a NetBox configuration or code file reads a name that it never assigns or imports, at its top level (netbox-docker's `extra.py` appending to `PLUGINS`: NameError when the file is loaded) or in a function (a pipeline step using `logging` without importing it: NameError whenever it runs)",
    help: "assign or import the name in the same file: a netbox-docker add-on sets the whole value itself (`PLUGINS = ['netbox_bgp']` in configuration/plugins.py), or imports what configuration.py sets, `from netbox.configuration.configuration import PLUGINS`",
    fact: "Python looks a module's free names up in its own globals, then in builtins, and raises NameError otherwise (the language reference, 4.2.2 Resolution of names); NetBox imports configuration.py as a module (settings.py load_configuration, 4.6.8 L57-62); netbox-docker loads configuration.py and then every other *.py of /etc/netbox/config/ each as a module of its own (docker/configuration.docker.py `_import`: importlib spec_from_file_location, exec_module), so a name the main file set is not defined in extra.py (seen with Python 3.11: `NameError: name 'PLUGINS' is not defined` from `PLUGINS.append` loaded that way; netbox-community/netbox issue #21359, tests/realworld/tuning/t104-…)",
    applies: Applies::Always,
};

pub fn name_not_defined(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for read in d.netbox.undefined_names() {
        let name = read.name.escape_debug();
        let why = if read.role == Role::Partial {
            "netbox-docker loads each file of its configuration directory as a module of its own, and names set in another file are not defined here"
        } else {
            "Python looks it up in this file and in its builtins only"
        };
        let message = match &read.function {
            // A function's body runs when it is called (a pipeline step's at each sign-on).
            Some(function) => format!(
                "`{name}` is read in `{}` but this file never assigns or imports it: whenever that function runs, Python raises `NameError: name '{name}' is not defined` (it looks the name up in this file's globals and in its builtins only)",
                function.escape_debug()
            ),
            None => format!(
                "`{name}` is read here but this file never assigns or imports it: when the file is loaded and this line runs, Python raises `NameError: name '{name}' is not defined` ({why})"
            ),
        };
        let mut finding = Finding::in_block(&NAME_NOT_DEFINED, read.block, read.range.clone(), message);
        if read.function.is_some() {
            out.push(finding.with_help(format!("import or assign `{name}` in this file (`import {name}` at its top, for a module)")));
            continue;
        }
        // The import helps only where the main file shown sets the name: netbox-docker's own
        // configuration.py leaves PLUGINS commented out, and importing it raises ImportError.
        let set_in_main = d
            .netbox
            .get(&read.name)
            .and_then(|setting| d.netbox.file_of(setting.block))
            .is_some_and(crate::model::is_configuration_file);
        if read.role == Role::Partial {
            finding = finding.with_help(if set_in_main {
                format!("import it from the main file first: `from netbox.configuration.configuration import {name}` (netbox-docker loads configuration.py before the other files)")
            } else {
                format!("assign it in this file (`{name} = …`, the whole value: netbox-docker's configuration/plugins.py is where its PLUGINS and PLUGINS_CONFIG go), or import it from the file that sets it")
            });
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, assert_cases_in, finding_in};

    const ADD_ON: &str = "PLUGINS.append('netbox_topology_views')\n\nPLUGINS_CONFIG['netbox_topology_views'] = {'allow_coordinates_saving': True}\n";

    #[test]
    fn a_netbox_docker_add_on_reading_the_main_files_names() {
        assert_cases_in(
            &super::NAME_NOT_DEFINED,
            "extra.py",
            &[
                // netbox-community/netbox issue #21359 (corpus case t104).
                ("netbox/name-not-defined", "4.7", ADD_ON, 1,
                 "from netbox.configuration.configuration import PLUGINS, PLUGINS_CONFIG\n\nPLUGINS.append('netbox_topology_views')\nPLUGINS_CONFIG['netbox_topology_views'] = {}\n"),
                // Each name once, at its first read.
                ("netbox/name-not-defined", "4.7", ADD_ON, 3, "PLUGINS = ['netbox_topology_views']\nPLUGINS_CONFIG = {}\n"),
                // A read the file guards is not judged.
                ("netbox/name-not-defined", "4.7", "", 0, "try:\n    PLUGINS.append('x')\nexcept NameError:\n    PLUGINS = ['x']\n"),
            ],
        );
        let (message, help) = finding_in("netbox/name-not-defined", "extra.py", ADD_ON, "4.7");
        assert!(message.contains("NameError: name 'PLUGINS' is not defined") && message.contains("netbox-docker loads each file"), "{message}");
        // netbox-docker's own configuration.py leaves PLUGINS commented out: no import to suggest.
        assert!(help.contains("assign it in this file") && !help.contains("from netbox.configuration"), "{help}");
    }

    #[test]
    fn the_whole_configuration_and_its_partial_blocks() {
        assert_cases(
            &super::NAME_NOT_DEFINED,
            &[
                ("netbox/name-not-defined", "4.7", "ALLOWED_HOSTS = [HOST]\n", 1, "HOST = 'netbox.example.com'\nALLOWED_HOSTS = [HOST]\n"),
                ("netbox/name-not-defined", "4.7", "", 0, "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n"),
            ],
        );
    }

    #[test]
    fn a_name_another_block_of_the_file_binds_or_a_partial_block_is_quiet() {
        use crate::rules::netbox::testing::{assert_fires_in_chapter, assert_quiet_in_chapter};
        let two_blocks = "# t\n\n```python,check=netbox\nALLOWED_HOSTS = [HOST]\n```\n\n```python,check=netbox\nHOST = 'netbox.example.com'\n```\n";
        assert_quiet_in_chapter("netbox/name-not-defined", two_blocks);
        assert_quiet_in_chapter("netbox/name-not-defined", "# t\n\n```python,check=netbox,partial\nPLUGINS.append('netbox_bgp')\n```\n");
        assert_fires_in_chapter("netbox/name-not-defined", "# t\n\n```python,check=netbox,file=ldap_config.py\nAUTH_LDAP_BIND_DN = BASE_DN\n```\n", 1);
        // Excerpts of add-ons and ldap_config.py: their imports are not shown.
        assert_quiet_in_chapter("netbox/name-not-defined", "# t\n\n```python,check=netbox,file=ldap_config.py,partial\nAUTH_LDAP_USER_SEARCH = LDAPSearch('ou=users,dc=example,dc=com', ldap.SCOPE_SUBTREE, '(uid=%(user)s)')\n```\n");
        assert_quiet_in_chapter("netbox/name-not-defined", "# t\n\n```python,check=netbox,file=configuration/extra.py,partial\nPLUGINS.append('netbox_bgp')\n```\n");
    }

    #[test]
    fn the_import_is_suggested_where_the_main_file_sets_the_name() {
        use crate::rules::testing::diagnostics;
        let chapter = "# t\n\n```python,check=netbox,file=configuration/configuration.py,partial\nPLUGINS = ['netbox_bgp']\n```\n\n```python,check=netbox,file=configuration/extra.py\nPLUGINS.append('netbox_topology_views')\n```\n";
        let found = diagnostics(chapter, &crate::config::Settings::default());
        let finding = found.iter().find(|d| d.rule == "netbox/name-not-defined").expect("fires on extra.py");
        assert!(finding.help.contains("from netbox.configuration.configuration import PLUGINS"), "{}", finding.help);
    }

    /// A pipeline step that logs without importing `logging` (corpus case t129): NameError
    /// whenever the step runs, at each sign-on; a branch that may not run, and an excerpt, are not
    /// judged.
    #[test]
    fn a_pipeline_steps_body() {
        use crate::rules::netbox::testing::{assert_fires_in_chapter, assert_quiet_in_chapter};
        let step = "def map_groups(response, user, *args, **kwargs):\n    logger = logging.getLogger('x')\n";
        let chapter = |attributes: &str, body: &str| format!("# t\n\n```python,check=netbox,file=custom_pipeline.py{attributes}\n{body}```\n");
        assert_fires_in_chapter("netbox/name-not-defined", &chapter("", step), 2);
        assert_quiet_in_chapter("netbox/name-not-defined", &chapter("", &format!("import logging\n{step}")));
        assert_quiet_in_chapter("netbox/name-not-defined", &chapter(",partial", step));
        let branch = "def map_groups(response, user, *args, **kwargs):\n    if not response:\n        raise ImproperlyConfigured('no response')\n";
        assert_quiet_in_chapter("netbox/name-not-defined", &chapter("", branch));
        let (message, help) = finding_in("netbox/name-not-defined", "custom_pipeline.py", step, "4.7");
        assert!(message.contains("read in `map_groups`") && message.contains("whenever that function runs"), "{message}");
        assert!(help.contains("import logging"), "{help}");
    }
}
