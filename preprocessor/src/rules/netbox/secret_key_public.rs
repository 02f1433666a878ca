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

use super::shared::{at_value, secret_key};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// netbox-docker's public example key in use.
pub const SECRET_KEY_PUBLIC: Rule = Rule {
    id: "netbox/secret-key-public",
    severity: Severity::Warning,
    summary: "`SECRET_KEY` is a key netbox-docker publishes in its example `env/netbox.env`: anyone can forge the sessions and tokens Django signs with it",
    help: "generate a key of your own, 50 characters or more (NetBox's generate_secret_key.py, or `openssl rand -base64 48`), and put it in its place (netbox-docker: the SECRET_KEY variable, or a /run/secrets/secret_key file)",
    fact: "netbox-docker's env/netbox.env has shipped two keys in its history (git log -- env/netbox.env, 25 versions to 27bf52c): `r8OwDznj!!dci#P9ghmRfdu1Ysxm0AiPeDCQhKE+N_rClfWNj` and, quoted or not, `r(m)9nLGnz$(_q3N4z1k(EFsMCjjjzx08x9VhNVcfd%6RF#r!6DE@+V5Zk2X`; netbox-docker's configuration.py reads the variable unless /run/secrets/secret_key exists (3.0.2 configuration/configuration.py L115); Django signs with SECRET_KEY the session-auth hash that keeps a session valid, password-reset tokens and every value of its cryptographic signing (Django's settings reference, SECRET_KEY). Seen in netbox-docker checkouts published with the example's environment (tests/realworld/tuning/t131-… to t134-…)",
    applies: Applies::Always,
};

/// The keys netbox-docker's example environment file has shipped.
const PUBLISHED: &[&str] = &[
    "r8OwDznj!!dci#P9ghmRfdu1Ysxm0AiPeDCQhKE+N_rClfWNj",
    "r(m)9nLGnz$(_q3N4z1k(EFsMCjjjzx08x9VhNVcfd%6RF#r!6DE@+V5Zk2X",
];

pub fn secret_key_public(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some((setting, where_from)) = secret_key(&d.netbox) else { return };
    let Some(key) = setting.value.as_str() else { return };
    if !PUBLISHED.contains(&key) {
        return;
    }
    // The key is public, but the message need not repeat it.
    let finding = at_value(
        &SECRET_KEY_PUBLIC,
        setting,
        &setting.value,
        format!(
            "`SECRET_KEY` is the key netbox-docker publishes in its example env/netbox.env{where_from}: anyone can read it there and forge the sessions, password-reset links and signed values Django makes with it"
        ),
    );
    // NetBox's own image of 2016-2017 reads the variable alone: no secret file to offer.
    let file_unread = d.netbox.stock_configuration().is_some_and(|stock| stock.secret_key_file_unread);
    out.push(if file_unread {
        finding.with_help("generate a key of your own, 50 characters or more (`openssl rand -base64 48`), and set the SECRET_KEY variable to it; this image reads no secret file, netbox-docker's image reads /run/secrets/secret_key before the variable")
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

    /// The message says where the key is read as the image shown reads it: netbox-docker's
    /// image reads /run/secrets/secret_key first; NetBox's own image of 2016 (corpus case t232)
    /// read no such file, so the message does not name one.
    #[test]
    fn the_message_names_the_file_only_where_the_image_reads_one() {
        let compose = |image: &str| {
            format!(
                "# t\n\n```yaml,check=compose\nservices:\n  netbox:\n    image: {image}\n    environment:\n      SECRET_KEY: r8OwDznj!!dci#P9ghmRfdu1Ysxm0AiPeDCQhKE+N_rClfWNj\n```\n"
            )
        };
        let message_and_help = |image: &str| {
            let found = crate::rules::testing::diagnostics(&compose(image), &crate::config::Settings::default());
            let finding = found
                .into_iter()
                .find(|d| d.rule == "netbox/secret-key-public")
                .unwrap_or_else(|| panic!("secret-key-public does not fire with {image}"));
            (finding.message, finding.help.into_owned())
        };
        let (old, old_help) = message_and_help("digitalocean/netbox");
        assert!(!old.contains("/run/secrets") && old.contains("configuration.docker.py"), "{old}");
        assert!(old_help.contains("this image reads no secret file"), "{old_help}");
        let (current, help) = message_and_help("netboxcommunity/netbox:v4.2-3.2.0");
        assert!(current.contains("unless a /run/secrets/secret_key file replaces it"), "{current}");
        assert!(help.contains("or a /run/secrets/secret_key file"), "{help}");
    }
}
