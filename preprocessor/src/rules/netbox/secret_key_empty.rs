//! `netbox/secret-key-empty`: an empty `SECRET_KEY` on a NetBox before 3.5, which does not
//! check the key's length itself: Django refuses it.
//!
//! ## Why is this bad?
//! Django signs sessions and login hashes with `SECRET_KEY` and refuses an empty one with
//! `ImproperlyConfigured: The SECRET_KEY setting must not be empty.`: at start-up up to
//! Django 3.1, at the key's first use from Django 3.2 (NetBox 2.11 and later), which is every
//! sign-in. NetBox 3.5 and later refuse it themselves, with a message of their own
//! (`netbox/secret-key-short`).
//!
//! ## Example
//! The example configuration's `SECRET_KEY = ''` left as it is (an install script whose
//! generated key never reached the file).
//!
//! Use instead: a key of 50 characters or more (NetBox's `generate_secret_key.py`).

use super::secret_key;
use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// An empty `SECRET_KEY` before NetBox 3.5.
pub const SECRET_KEY_EMPTY: Rule = Rule {
    id: "netbox/secret-key-empty",
    severity: Severity::Error,
    summary: "`SECRET_KEY` (in configuration.py, or netbox-docker's environment file) is empty: Django refuses it, at start-up (NetBox before 2.11) or at the first sign-in (2.11 to 3.4); NetBox 3.5 and later refuse it themselves (`netbox/secret-key-short`)",
    help: "generate a key of 50 characters or more (NetBox ships generate_secret_key.py) and put it in its place",
    fact: "Django 1.11.29 and 3.1.14 django/conf/__init__.py L128-129 / L188-189 (`Settings.__init__`: `if not self.SECRET_KEY: raise ImproperlyConfigured(\"The SECRET_KEY setting must not be empty.\")`); Django 3.2.9 L89-90 and 4.1.13 L100-101 (the same refusal in `LazySettings.__getattr__`, at the first read of the setting); Django 3.2.9 django/utils/crypto.py `salted_hmac` reads settings.SECRET_KEY, and contrib/auth `login` calls `get_session_auth_hash`, which uses it (L99-100); NetBox's requirements.txt pins Django 3.1.8 at v2.10.10, 3.2 at v2.11.0, 3.2.9 at v3.1.0, 4.1.8 at v3.4.10 (wheels and tags read); NetBox v3.1.0 settings.py L66-76 only checks that SECRET_KEY is defined; the length check arrived in 3.5.0 (netbox/secret-key-short). Seen in tests/realworld/tuning/t182-… (an install script whose sed left the example's empty key)",
    applies: Applies::netbox_before(3, 5, 0),
};

/// The first NetBox that pins Django 3.2, where the refusal moved from start-up to first use.
const LAZY_REFUSAL: Version = Version::new(2, 11, 0);

pub fn secret_key_empty(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let Some((setting, where_from)) = secret_key::in_use(&d.netbox) else { return };
    if setting.value.as_str() != Some("") {
        return;
    }
    let when = if targets.netbox < LAZY_REFUSAL {
        "at start-up (Django 3.1 and before, which this NetBox pins), so NetBox answers no request"
    } else {
        "where the key is first read (Django 3.2 and later, which this NetBox pins): signing a session needs it, so every sign-in fails with a server error"
    };
    out.push(at_value(
        &SECRET_KEY_EMPTY,
        setting,
        &setting.value,
        format!("`SECRET_KEY` is empty{where_from}: Django refuses it with `ImproperlyConfigured: The SECRET_KEY setting must not be empty.` {when}"),
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // The example's empty key left in (corpus case t182).
        ("netbox/secret-key-empty", "3.1", "ALLOWED_HOSTS = ['*']\nSECRET_KEY = ''\n", 2, "SECRET_KEY = 'short'\n"),
        // The last assignment counts.
        ("netbox/secret-key-empty", "2.10", "SECRET_KEY = 'x'\nSECRET_KEY = \"\"\n", 2, "SECRET_KEY = ''\nSECRET_KEY = 'a generated key'\n"),
        // From 3.5 NetBox's own length check says it (netbox/secret-key-short).
        ("netbox/secret-key-empty", "3.5", "X = 1\n", 0, "SECRET_KEY = ''\n"),
        // A key from the environment is unknown.
        ("netbox/secret-key-empty", "3.4", "X = 1\n", 0, "import os\nSECRET_KEY = os.environ.get('SECRET_KEY', '')\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::SECRET_KEY_EMPTY, CASES);
    }

    /// netbox-docker's variable left empty, unless the service gets Docker secrets (its
    /// /run/secrets/secret_key is read first).
    #[test]
    fn netbox_dockers_variable_unless_a_secret_may_replace_it() {
        use crate::rules::testing::linted_for;
        let mut settings = crate::config::Settings::default();
        settings.targets.netbox = "3.4".parse().unwrap();
        let lines = |chapter: &str| linted_for("netbox/secret-key-empty", chapter, &settings).into_iter().map(|(line, _)| line).collect::<Vec<_>>();
        let project = |service: &str| {
            format!("# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v3.4-2.5.0\n    env_file: netbox.env\n{service}```\n\n```sh,check=env,file=netbox.env\nDB_HOST=postgres\nSECRET_KEY=\n```\n")
        };
        assert_eq!(lines(&project("")), [9]);
        assert_eq!(lines(&project("    secrets:\n      - secret_key\n")), [0; 0]);
        assert_eq!(lines(&project("    secrets:\n      - source: nb_key\n        target: secret_key\n")), [0; 0]);
        assert_eq!(lines(&project("    volumes:\n      - ./secrets:/run/secrets:ro\n")), [0; 0]);
        // Another secret (an OAuth client's) does not replace the key: still judged.
        assert_eq!(lines(&project("    secrets:\n      - google_oauth2_secret\n")), [11]);
        assert_eq!(lines(&project("    secrets:\n      - source: secret_key\n        target: oauth_secret\n")), [12]);
        // The environment file a YAML merge key gives the service is read (`<<: *netbox-base`,
        // found by the false-finding hunt of 2026-12-02), and so is the secret it gives.
        let merged = |base: &str| {
            format!("# t\n\n```yaml,check=compose,file=docker-compose.yml\nx-netbox-base: &netbox-base\n  image: netboxcommunity/netbox:v3.4-2.5.0\n  env_file: netbox.env\n{base}services:\n  netbox:\n    <<: *netbox-base\n```\n\n```sh,check=env,file=netbox.env\nDB_HOST=postgres\nSECRET_KEY=\n```\n")
        };
        assert_eq!(lines(&merged("")), [11]);
        assert_eq!(lines(&merged("  secrets:\n    - secret_key\n")), [0; 0]);
        assert_eq!(lines(&merged("  volumes:\n    - ./secrets:/run/secrets:ro\n")), [0; 0]);
    }

    /// netbox-docker before 0.26.0 took the variable whenever it was set: an empty one beat the
    /// secret file (`os.environ.get('SECRET_KEY', read_secret('secret_key'))` returns `''`).
    #[test]
    fn an_image_that_takes_the_variable_first_is_not_saved_by_a_secret() {
        let mut settings = crate::config::Settings::default();
        settings.targets.netbox = "2.8".parse().unwrap();
        let chapter = "# t\n\n```yaml,check=compose,file=docker-compose.yml\nservices:\n  netbox:\n    image: netboxcommunity/netbox:v2.8.9\n    env_file: netbox.env\n    secrets:\n      - secret_key\n```\n\n```sh,check=env,file=netbox.env\nDB_HOST=postgres\nSECRET_KEY=\n```\n";
        let found = crate::rules::testing::diagnostics(chapter, &settings);
        let finding = found.iter().find(|d| d.rule == "netbox/secret-key-empty").expect("secret-key-empty fires");
        assert!(finding.message.contains("whether or not a /run/secrets/secret_key file exists"), "{}", finding.message);
        assert!(finding.message.contains("at start-up"), "{}", finding.message);
    }

    #[test]
    fn the_message_says_when_django_refuses_it() {
        let (late, _) = finding_of("netbox/secret-key-empty", "SECRET_KEY = ''\n", "3.1");
        assert!(late.contains("every sign-in fails"), "{late}");
        let (early, _) = finding_of("netbox/secret-key-empty", "SECRET_KEY = ''\n", "2.10");
        assert!(early.contains("at start-up"), "{early}");
    }
}
