//! `netbox/model-import-in-configuration`: a Django model imported at the top of
//! `configuration.py`, which NetBox runs before Django's apps are loaded.

use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::Import;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A model import at the top level of a file NetBox runs while its settings are built.
pub const MODEL_IMPORT_IN_CONFIGURATION: Rule = Rule {
    id: "netbox/model-import-in-configuration",
    severity: Severity::Error,
    summary: "`configuration.py` (or a netbox-docker add-on such as `extra.py`) imports Django models at its top (`from django.contrib.auth.models import Group`, `from netbox.authentication import Group`): NetBox runs the file while Django builds its settings, before any app is loaded, and does not start (AppRegistryNotReady)",
    help: "import the model inside the function that uses it, or move that function (a pipeline step) into a module of its own",
    fact: "NetBox's settings.py imports the configuration module while Django's settings are being built (v2.0.0 line 9 `from netbox import configuration`, v3.7.0 lines 50-52, 4.6.8 lines 57-58 through settings_utils.py `load_configuration`, line 183; netbox-docker 3.0.2's configuration.docker.py runs every *.py of /etc/netbox/config then). A model class's ModelBase.__new__ asks `apps.get_containing_app_config` (Django 6.0.8 django/db/models/base.py line 131), which raises AppRegistryNotReady('Apps aren't loaded yet.') until the apps are loaded (django/apps/registry.py lines 129-138). Seen on NetBox 4.6.8 (Django 6.0.8): django.setup() fails so with `from django.contrib.auth.models import Group`, `…contenttypes.models`, `from django.contrib.auth import models`, `users.models`, `dcim.models`, `netbox.models`, `social_django.models` and `netbox.authentication` (whose top imports users.models: read at v2.10.0, v3.0.0, v3.7.0, v4.0.0, 4.6.8 and 4.7.3) at the top of configuration.py, and starts with `from django.db import models`, `from django.contrib.auth import get_user_model` or the import inside a function. ldap_config.py is loaded later, by the LDAP backend",
    applies: Applies::Always,
};

/// Django apps whose `models` module defines models: django.contrib's with models, python-social-auth's
/// Django app, and NetBox's own apps (INSTALLED_APPS of NetBox 4.6.8 settings.py lines 472-509;
/// account, wireless: models.py; the others: a models package).
const APPS: &[&str] = &[
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.flatpages",
    "django.contrib.redirects",
    "django.contrib.sessions",
    "django.contrib.sites",
    "social_django",
    "account",
    "circuits",
    "core",
    "dcim",
    "extras",
    "ipam",
    "netbox",
    "tenancy",
    "users",
    "virtualization",
    "vpn",
    "wireless",
];

/// Modules that import models at their own top.
const IMPORTS_MODELS: &[&str] = &["netbox.authentication"];

/// What this import loads that defines models, as the message says it: `APP.models` or a module
/// under it, `from APP import models`, or a module that imports models at its own top.
fn loads_models(import: &Import) -> Option<String> {
    let module = import.module.as_str();
    if IMPORTS_MODELS.contains(&module) {
        return Some(format!("`{}` (which imports NetBox's models)", module.escape_debug()));
    }
    let models_of = |app: &str| {
        module == format!("{app}.models")
            || module.starts_with(&format!("{app}.models."))
            || (module == app && import.name == "models")
    };
    let app = APPS.iter().find(|app| models_of(app))?;
    // Quoted as written (a dotted module name is not turned into one the file does not show).
    Some(if module == *app { format!("`models` from `{app}`") } else { format!("`{}`", module.escape_debug()) })
}

pub fn model_import_in_configuration(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    // One finding per statement: `from users.models import Group, User` records two imports.
    let mut last = None;
    for import in &d.netbox.startup_imports {
        let Some(loaded) = loads_models(import) else { continue };
        if last == Some((import.block, &import.range)) {
            continue;
        }
        last = Some((import.block, &import.range));
        out.push(Finding::in_block(
            &MODEL_IMPORT_IN_CONFIGURATION,
            import.block,
            import.range.clone(),
            format!(
                "NetBox runs this file while Django builds its settings, before any app is loaded: importing {loaded} defines Django models there, and Django refuses with AppRegistryNotReady ('Apps aren't loaded yet.'), so NetBox does not start"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, fired_chapter_lines};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // Django's Group at the top, for a pipeline step written in configuration.py (corpus
        // case t75); the same import inside the step runs only at sign-on, when apps are loaded.
        (
            "netbox/model-import-in-configuration",
            "4.6",
            "ALLOWED_HOSTS = ['netbox.example.com']\nfrom django.contrib.auth.models import Group\n",
            2,
            "ALLOWED_HOSTS = ['netbox.example.com']\ndef map_groups(backend, user, response, *args, **kwargs):\n    from django.contrib.auth.models import Group\n    user.groups.set(Group.objects.all())\n",
        ),
        // NetBox's own Group, through netbox.authentication; the framework's `models` is no model.
        (
            "netbox/model-import-in-configuration",
            "4.7",
            "import os\nfrom netbox.authentication import Group\n",
            2,
            "import os\nfrom django.db import models\nfrom django.db.models import Q\nfrom django.contrib.auth import get_user_model\n",
        ),
        // `from APP import models` and a module of a models package; a `models` of no Django app.
        (
            "netbox/model-import-in-configuration",
            "4.7",
            "from django.contrib.auth import models\nimport dcim.models.devices\n",
            1,
            "from mycompany.models import Thing\nimport models\nfrom users import constants\n",
        ),
        // Only what runs unconditionally at load: not behind `if`, nor in a `try`.
        (
            "netbox/model-import-in-configuration",
            "4.7",
            "X = 1\nfrom users.models import Group, User\n",
            2,
            "import os\nif os.environ.get('SSO'):\n    from users.models import Group\ntry:\n    from social_django.models import UserSocialAuth\nexcept Exception:\n    pass\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::MODEL_IMPORT_IN_CONFIGURATION, CASES);
    }

    #[test]
    fn only_files_run_with_the_settings() {
        let block = |file: &str| {
            format!("# t\n\n```python,check=netbox,file={file}\nfrom django.contrib.auth.models import Group\n```\n")
        };
        let fired = |file: &str| fired_chapter_lines("netbox/model-import-in-configuration", &block(file));
        // netbox-docker's add-ons are run by its configuration.py, with the settings.
        assert_eq!(fired("configuration/extra.py"), vec![1]);
        assert_eq!(fired("extra.py"), vec![1]);
        // ldap_config.py is loaded by the LDAP backend when it is first used; a pipeline module
        // when the pipeline reaches its step.
        assert_eq!(fired("ldap_config.py"), Vec::<usize>::new());
        assert_eq!(fired("configuration/ldap/extra.py"), Vec::<usize>::new());
        assert_eq!(fired("custom_pipeline.py"), Vec::<usize>::new());
        // A fragment by another name (`lint` takes a pipeline module with constants for one)
        // may be such a module; configuration.py marked partial is still the configuration.
        let partial = |file: &str| {
            let chapter = block(file).replace(",check=netbox,", ",check=netbox,partial,");
            fired_chapter_lines("netbox/model-import-in-configuration", &chapter)
        };
        assert_eq!(partial("custom_pipeline.py"), Vec::<usize>::new());
        assert_eq!(partial("configuration.py"), vec![1]);
    }

    #[test]
    fn one_finding_per_statement() {
        let chapter = "# t\n\n```python,check=netbox\nfrom users.models import Group, User\n```\n";
        assert_eq!(fired_chapter_lines("netbox/model-import-in-configuration", chapter), vec![1]);
    }

    #[test]
    fn the_message_names_the_module() {
        let (message, _) = crate::rules::netbox::testing::finding_of(
            "netbox/model-import-in-configuration",
            "from django.contrib.auth import models\n",
            "4.7",
        );
        assert!(message.contains("importing `models` from `django.contrib.auth` defines Django models"), "{message}");
    }
}
