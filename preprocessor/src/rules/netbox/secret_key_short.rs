//! `netbox/secret-key-short`: a `SECRET_KEY` shorter than the 50 characters NetBox requires.

use super::secret_key;
use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A `SECRET_KEY` shorter than 50 characters: NetBox refuses to start.
pub const SECRET_KEY_SHORT: Rule = Rule {
    id: "netbox/secret-key-short",
    severity: Severity::Error,
    summary: "`SECRET_KEY` (in configuration.py, or netbox-docker's environment file) is shorter than the 50 characters NetBox requires at start-up",
    help: "generate one of 50 characters or more (NetBox ships generate_secret_key.py; `netbox secret-key` on a pip install) and put it in its place",
    fact: "netbox/netbox/settings.py of NetBox 4.6.8 (vendored source, line 241), of the 4.7.3 wheel (line 247) of the git tag v4.3.0 (line 208) and of v3.5.0 (lines 74-78, where commit 2c34cd5ec, NetBox #12343, brought it; v3.4.10 has no such check): `if len(SECRET_KEY) < 50: raise ImproperlyConfigured(\"SECRET_KEY must be at least 50 characters in length. …\")`; netbox-docker 3.0.2 configuration/configuration.py line 115: `SECRET_KEY = _read_secret('secret_key', environ.get('SECRET_KEY', ''))`, where `_read_secret` (lines 20-27) returns the first line of /run/secrets/NAME when that file exists, else the variable's value.",
    applies: Applies::netbox_since(3, 5, 0),
};

const MINIMUM: usize = 50;

pub fn secret_key_short(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let nb = &d.netbox;
    let Some((setting, where_from)) = secret_key::in_use(nb) else { return };
    let Some(key) = setting.value.as_str() else { return };
    let length = key.chars().count();
    if length >= MINIMUM {
        return;
    }
    // The key itself is a secret: only its length is said.
    out.push(at_value(
        &SECRET_KEY_SHORT,
        setting,
        &setting.value,
        format!(
            "`SECRET_KEY` has {length} characters{where_from}: NetBox stops at start-up with `ImproperlyConfigured: SECRET_KEY must be at least 50 characters in length.`, so it answers no request (a proxy in front of it answers 502 Bad Gateway)"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::fired_chapter;
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    const FIFTY: &str = "SECRET_KEY = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX'\n";

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // 49 characters fail, 50 pass (NetBox's `len(SECRET_KEY) < 50`).
        (
            "netbox/secret-key-short",
            "4.6",
            "ALLOWED_HOSTS = ['x']\nSECRET_KEY = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVW'\n",
            2,
            FIFTY,
        ),
        // The last assignment counts: an empty placeholder replaced by a real key is fine.
        ("netbox/secret-key-short", "4.7", "SECRET_KEY = 'long enough'\nSECRET_KEY = 'short'\n", 2, "SECRET_KEY = ''\nSECRET_KEY = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX'\n"),
        // A key from the environment or a template is unknown.
        ("netbox/secret-key-short", "4.7", "X = 1\n", 0, "import os\nSECRET_KEY = os.environ['SECRET_KEY']\n"),
        // The check came with 3.5.0 (corpus case t140 runs 4.0); 3.4 took any key.
        ("netbox/secret-key-short", "3.5", "SECRET_KEY = 'short'\n", 1, "X = 1\n"),
        ("netbox/secret-key-short", "3.4", "X = 1\n", 0, "SECRET_KEY = 'short'\n"),
        ("netbox/secret-key-short", "4.7", "X = 1\n", 0, "SECRET_KEY = '{{ netbox_secret_key }}'\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::SECRET_KEY_SHORT, CASES);
    }

    #[test]
    fn the_message_gives_the_length_never_the_key() {
        let (message, _) = finding_of("netbox/secret-key-short", "SECRET_KEY = 'Hq7Wm2Zr9Kt4Lp8Xv1Nc6Bd3Fs5Gj0Ya'\n", "4.7");
        assert!(message.contains("has 32 characters"), "{message}");
        assert!(!message.contains("Hq7Wm2"), "the key is printed: {message}");
    }

    #[test]
    fn a_short_key_in_netbox_dockers_environment_file_is_found() {
        let env = "```sh,check=env\nSECRET_KEY=Hq7Wm2Zr9Kt4Lp8Xv1Nc6Bd3Fs5Gj0Ya\nLOGIN_REQUIRED=true\n```\n";
        assert!(fired_chapter(env).contains(&"netbox/secret-key-short"));
        let long = "```sh,check=env\nSECRET_KEY=abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\n```\n";
        assert!(!fired_chapter(long).contains(&"netbox/secret-key-short"));
        // A template's slot (`op inject`, Ansible) is replaced before Compose reads the file.
        let slot = "```sh,check=env\nSECRET_KEY='{{ op://prod/netbox/secret_key }}'\n```\n";
        assert!(!fired_chapter(slot).contains(&"netbox/secret-key-short"));
        // A configuration that sets SECRET_KEY itself wins over the variable.
        let both = format!("{env}\n```python,check=netbox,file=extra.py\nSECRET_KEY = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX'\n```\n");
        assert!(!fired_chapter(&both).contains(&"netbox/secret-key-short"));
    }

    /// An image that takes the variable first is judged with a secret file given (netbox-docker
    /// before 0.26.0 took the variable whenever it was set); today's image reads the file
    /// instead, so its variable is not known to be used.
    #[test]
    fn a_secret_file_saves_only_an_image_that_reads_it_first() {
        let compose = |image: &str| {
            format!("```yaml,check=compose\nservices:\n  netbox:\n    image: {image}\n    secrets:\n      - secret_key\n    environment:\n      SECRET_KEY: Hq7Wm2Zr9Kt4Lp8Xv1Nc6Bd3Fs5Gj0Ya\n```\n")
        };
        assert!(fired_chapter(&compose("netboxcommunity/netbox:v2.8.9")).contains(&"netbox/secret-key-short"));
        assert!(!fired_chapter(&compose("netboxcommunity/netbox:v4.2-3.2.0")).contains(&"netbox/secret-key-short"));
    }
}
