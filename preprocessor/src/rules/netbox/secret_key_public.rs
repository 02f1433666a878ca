//! `netbox/secret-key-public`: `SECRET_KEY` is the one netbox-docker publishes in its example
//! environment file.
//!
//! ## What it does
//! Finds a `SECRET_KEY` (netbox-docker's variable, or configuration.py's) whose value is one of
//! the keys netbox-docker's `env/netbox.env` has shipped.
//!
//! ## Why is this bad?
//! Django signs sessions, password-reset links and other tokens with the key: whoever knows it,
//! and everyone can read it in netbox-docker's repository, can forge them.
//!
//! ## Example
//! `SECRET_KEY=r8OwDznj!!dci#P9ghmRfdu1Ysxm0AiPeDCQhKE+N_rClfWNj` in `env/netbox.env`.
//!
//! Use instead: a key of your own (`openssl rand -base64 48`, NetBox's generate_secret_key.py).

use super::secret_key;
use super::shared::at_value;
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// netbox-docker's public example key in use.
pub const SECRET_KEY_PUBLIC: Rule = Rule {
    id: "netbox/secret-key-public",
    severity: Severity::Warning,
    summary: "`SECRET_KEY` is a key netbox-docker publishes in its example `env/netbox.env`: anyone can forge the sessions and tokens Django signs with it",
    help: "generate a key of your own, 50 characters or more (NetBox's generate_secret_key.py, or `openssl rand -base64 48`), and put it in its place (netbox-docker: the SECRET_KEY variable, or a /run/secrets/secret_key file)",
    fact: "netbox-docker's env/netbox.env has shipped two keys in its history (git log -- env/netbox.env, 25 versions to 27bf52c): `r8OwDznj!!dci#P9ghmRfdu1Ysxm0AiPeDCQhKE+N_rClfWNj` and, quoted or not, `r(m)9nLGnz$(_q3N4z1k(EFsMCjjjzx08x9VhNVcfd%6RF#r!6DE@+V5Zk2X`; netbox-docker's configuration.py reads the variable unless /run/secrets/secret_key exists from 0.26.0 (6bada66; 3.0.2 configuration/configuration.py L115), and before it, from bd9298e (2017-12-13) to 0.25.0, took the variable whenever it was set (0.25.0 L50, `os.environ.get('SECRET_KEY', read_secret('secret_key'))`); NetBox's own image of 2016-2017 read the variable alone (af8734563 netbox/netbox/configuration.docker.py L27); Django signs with SECRET_KEY the session-auth hash that keeps a session valid, password-reset tokens and every value of its cryptographic signing (Django's settings reference, SECRET_KEY). The first key is also the one NetBox's own docker-compose.yml set for its digitalocean/netbox image (af8734563 and 864fa17b7^ docker-compose.yml). Seen in netbox-docker checkouts published with the example's environment (tests/realworld/tuning/t131-… to t134-…)",
    applies: Applies::Always,
};

/// The keys netbox-docker's example environment file has shipped.
const PUBLISHED: &[&str] = &[
    "r8OwDznj!!dci#P9ghmRfdu1Ysxm0AiPeDCQhKE+N_rClfWNj",
    "r(m)9nLGnz$(_q3N4z1k(EFsMCjjjzx08x9VhNVcfd%6RF#r!6DE@+V5Zk2X",
];

pub fn secret_key_public(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some((setting, source)) = secret_key::in_use(&d.netbox) else { return };
    let Some(key) = setting.value.as_str() else { return };
    if !PUBLISHED.contains(&key) {
        return;
    }
    // The key is public, but the message need not repeat it. The first one NetBox's own
    // docker-compose.yml published before netbox-docker's env/netbox.env did (af8734563 L27).
    let published_by = if key == PUBLISHED[0] {
        "netbox-docker's example env/netbox.env, and NetBox's own docker-compose.yml of 2016-2017 before it, published"
    } else {
        "netbox-docker publishes in its example env/netbox.env"
    };
    let finding = at_value(
        &SECRET_KEY_PUBLIC,
        setting,
        &setting.value,
        format!(
            "`SECRET_KEY` is the key {published_by}{source}: anyone can read it there and forge the sessions, password-reset links and signed values Django makes with it"
        ),
    );
    // A configuration that takes the variable first: a secret file would leave the public key
    // in use.
    out.push(if source.variable_first() {
        let variable = secret_key::variable(&d.netbox);
        finding.with_help(format!("generate a key of your own, 50 characters or more (NetBox's generate_secret_key.py, or `openssl rand -base64 48`), and set the {variable} variable to it: the configuration NetBox runs uses the variable whenever it is set, whether or not a /run/secrets/secret_key file exists (netbox-docker's reads the file first from 0.26.0)"))
    } else {
        finding
    });
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, assert_fires_in_chapter, assert_quiet_in_chapter};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[(
        "netbox/secret-key-public",
        "4.7",
        "ALLOWED_HOSTS = ['x']\nSECRET_KEY = 'r8OwDznj!!dci#P9ghmRfdu1Ysxm0AiPeDCQhKE+N_rClfWNj'\n",
        2,
        "ALLOWED_HOSTS = ['x']\nSECRET_KEY = 'r8OwDznj!!dci#P9ghmRfdu1Ysxm0AiPeDCQhKE+N_rClfWNk'\n",
    )];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::SECRET_KEY_PUBLIC, CASES);
    }

    /// netbox-docker's environment file, quoted as its latest example writes it (corpus cases
    /// t131 to t134); a key of one's own is quiet.
    #[test]
    fn in_netbox_dockers_environment_file() {
        let env = |key: &str| format!("# t\n\n```sh,check=env\nDB_HOST=postgres\nSECRET_KEY={key}\n```\n");
        assert_fires_in_chapter("netbox/secret-key-public", &env("'r(m)9nLGnz$(_q3N4z1k(EFsMCjjjzx08x9VhNVcfd%6RF#r!6DE@+V5Zk2X'"), 2);
        assert_fires_in_chapter("netbox/secret-key-public", &env("r8OwDznj!!dci#P9ghmRfdu1Ysxm0AiPeDCQhKE+N_rClfWNj"), 2);
        assert_quiet_in_chapter("netbox/secret-key-public", &env("'Vq3lN0x8pZk2Rr7sT1uW4yB6cD9eF5gH2jK8mP0qS3tV6wX9zA1b'"));
    }

    /// The message and help say where the key is read as the configuration NetBox runs reads
    /// it. netbox-docker from 0.26.0 reads /run/secrets/secret_key first, so a `secret_key`
    /// secret leaves the variable unused. Before 0.26.0 (`v2.8.9`, its LDAP variant,
    /// `ninech/netbox`) and on NetBox's own image of 2016 (corpus case t232) the variable wins
    /// whenever it is set, secret or not, and the help asks for the variable. A configuration
    /// shown decides over the image: 0.25.0's plain lookup, or 0.26.0's `_read_secret`.
    #[test]
    fn the_message_and_help_say_which_source_the_configuration_reads_first() {
        // The service's environment sets `variable` to the public key.
        let found_in = |variable: &str, image: &str, secrets: &str, python: &str| {
            let chapter = format!(
                "# t\n\n```yaml,check=compose\nservices:\n  netbox:\n    image: {image}\n{secrets}    environment:\n      {variable}: r8OwDznj!!dci#P9ghmRfdu1Ysxm0AiPeDCQhKE+N_rClfWNj\n```\n{python}"
            );
            crate::rules::testing::diagnostics(&chapter, &crate::config::Settings::default())
                .into_iter()
                .find(|d| d.rule == "netbox/secret-key-public")
                .map(|finding| (finding.message, finding.help.into_owned()))
        };
        let found = |image: &str, secrets: &str, python: &str| found_in("SECRET_KEY", image, secrets, python);
        let fired = |image: &str, secrets: &str, python: &str| {
            found(image, secrets, python)
                .unwrap_or_else(|| panic!("secret-key-public does not fire with {image} {secrets:?} {python:?}"))
        };
        let asks_for_the_variable = |help: &str| help.contains("set the SECRET_KEY variable to it") && !help.contains("or a /run/secrets");
        let secret = "    secrets:\n      - secret_key\n";
        for image in ["digitalocean/netbox", "ninech/netbox:v2.4.6", "netboxcommunity/netbox:v2.8.9", "netboxcommunity/netbox:v2.8-ldap"] {
            for secrets in ["", secret] {
                let (message, help) = fired(image, secrets, "");
                assert!(message.contains("uses the variable whether or not a /run/secrets/secret_key file exists"), "{message}");
                assert!(asks_for_the_variable(&help), "{help}");
            }
        }
        // The key NetBox's own compose file set for its image, named as such.
        let (old, _) = fired("digitalocean/netbox", "", "");
        assert!(old.contains("NetBox's own docker-compose.yml of 2016-2017"), "{old}");
        for image in ["netboxcommunity/netbox:v4.2-3.2.0", "netboxcommunity/netbox:v2.9", "netboxcommunity/netbox:latest"] {
            let (current, help) = fired(image, "", "");
            assert!(current.contains("netbox-docker from 0.26.0 uses it unless a /run/secrets/secret_key file replaces it"), "{current}");
            assert!(help.contains("or a /run/secrets/secret_key file"), "{help}");
            assert_eq!(found(image, secret, ""), None, "{image}: the secret file replaces the variable");
        }
        let shown = |line: &str| format!("\n```python,check=netbox,file=configuration/configuration.py\nimport os\n{line}\n```\n");
        // 0.25.0's configuration shown, on today's image: its lookup takes the variable first.
        let lookup = shown("SECRET_KEY = os.environ.get('SECRET_KEY', read_secret('secret_key'))");
        let (message, help) = fired("netboxcommunity/netbox:latest", secret, &lookup);
        assert!(message.contains("the configuration shown reads the variable and uses it whenever it is set"), "{message}");
        assert!(asks_for_the_variable(&help), "{help}");
        // One's own name for the variable: the help names it.
        let own_name = shown("SECRET_KEY = os.environ.get('NETBOX_SECRET_KEY')");
        let (_, help) = found_in("NETBOX_SECRET_KEY", "netboxcommunity/netbox:latest", "", &own_name)
            .expect("secret-key-public fires on NETBOX_SECRET_KEY");
        assert!(help.contains("set the NETBOX_SECRET_KEY variable to it"), "{help}");
        // 0.26.0's configuration shown, on an old image: the secret file replaces the variable.
        let file_first = shown("SECRET_KEY = _read_secret('secret_key', os.environ.get('SECRET_KEY', ''))");
        assert_eq!(found("netboxcommunity/netbox:v2.8.9", secret, &file_first), None);
        assert!(fired("netboxcommunity/netbox:v2.8.9", "", &file_first).0.contains("netbox-docker from 0.26.0"));
        // The key written in the configuration beside the old image: the variable is not read.
        let own = shown("SECRET_KEY = 'r8OwDznj!!dci#P9ghmRfdu1Ysxm0AiPeDCQhKE+N_rClfWNj'");
        let (message, help) = fired("digitalocean/netbox", "", &own);
        assert!(!message.contains("variable"), "{message}");
        assert!(!help.contains("set the SECRET_KEY variable to it"), "{help}");
    }
}
