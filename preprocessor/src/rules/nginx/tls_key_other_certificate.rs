//! `nginx/tls-key-other-certificate`: a server's TLS key comes from another certificate's
//! directory than its certificate, in a layout that keeps one pair per directory.
//!
//! ## What it does
//! Pairs each `ssl_certificate` of a server with its `ssl_certificate_key` (the n-th of each, a
//! server's own or its `http` level's) and reports the key when both lie in the directory of one
//! certificate of a layout that keeps a certificate and its key together, and the two
//! directories differ: Certbot's `/etc/letsencrypt/live/<name>/` and NixOS's ACME module's
//! `/var/lib/acme/<name>/`.
//!
//! ## Why is this bad?
//! Certbot writes each certificate lineage's `fullchain.pem` and `privkey.pem` into its own
//! `live/<name>/` directory. A key from another name's directory does not belong to the
//! certificate (or, after a typo, does not exist): nginx refuses the configuration
//! (`SSL_CTX_use_PrivateKey … key values mismatch`, or `cannot load certificate key … No such
//! file or directory`, seen with nginx 1.22.1), so it does not start.
//!
//! ## Example
//! `ssl_certificate /etc/letsencrypt/live/ipam.example.org/fullchain.pem;` beside
//! `ssl_certificate_key /etc/letsencrypt/live/ipam.exmaple.org/privkey.pem;`.
//!
//! Use instead: both from the same `live/<name>/` directory.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A server's key is from another certificate's directory.
pub const TLS_KEY_OTHER_CERTIFICATE: Rule = Rule {
    id: "nginx/tls-key-other-certificate",
    severity: Severity::Error,
    summary: "`ssl_certificate_key` is in another certificate's directory (Certbot's `/etc/letsencrypt/live/<name>/`) than its `ssl_certificate`: the key does not belong to the certificate, or does not exist, and nginx refuses to start",
    help: "take the key from the certificate's own directory: `ssl_certificate_key /etc/letsencrypt/live/<the certificate's name>/privkey.pem;`",
    fact: "Certbot keeps each certificate lineage in its own directory, /etc/letsencrypt/live/<name>/ with fullchain.pem and privkey.pem (certbot/docs/using.rst, 'Where are my certificates?', and the paths it prints after issuing); NixOS's security.acme writes each certificate and its key into `destPath = \"/var/lib/acme/${cert}\"` (nixos/modules/security/acme); nginx pairs the n-th ssl_certificate_key with the n-th ssl_certificate (nginx docs); seen with nginx 1.22.1: a key from another pair fails `nginx -t` with `SSL_CTX_use_PrivateKey(…) failed (… key values mismatch)`, a key path that does not exist with `cannot load certificate key … No such file or directory`. Seen in tests/realworld/tuning/t223-… (a Certbot lineage name misspelt in the key's path)",
    applies: Applies::Always,
};

/// The certificate's own directory name in a layout of one directory per certificate.
fn lineage(path: &str) -> Option<&str> {
    let path = path.trim_matches(|c| c == '"' || c == '\'');
    ["/letsencrypt/live/", "/var/lib/acme/"].iter().find_map(|root| {
        let (_, rest) = path.split_once(root)?;
        let (name, file) = rest.split_once('/')?;
        (!name.is_empty() && !file.is_empty() && !name.contains('$') && !file.contains('/')).then_some(name)
    })
}

pub fn tls_key_other_certificate(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for server in &d.nginx.servers {
        for ((certificate, _), (key, key_range)) in server.certificates.iter().zip(&server.certificate_keys) {
            let (Some(ours), Some(theirs)) = (lineage(certificate), lineage(key)) else { continue };
            if ours == theirs {
                continue;
            }
            out.push(Finding::in_block(
                &TLS_KEY_OTHER_CERTIFICATE,
                server.block,
                key_range.clone(),
                format!(
                    "the certificate is `{}`'s, but this key is from `{}`'s directory: it is not the certificate's key (or the directory does not exist), so nginx refuses to start",
                    ours.escape_debug(),
                    theirs.escape_debug()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet, messages};

    const PAIR: &str = "    ssl_certificate /etc/letsencrypt/live/netbox.example.com/fullchain.pem;\n    ssl_certificate_key /etc/letsencrypt/live/netbox.example.com/privkey.pem;\n";

    fn site(pair: &str) -> String {
        nginx("server_name netbox.internaldomain.com;", &format!("server_name netbox.internaldomain.com;\n{pair}"))
    }

    #[test]
    fn a_key_from_another_lineage() {
        // t223's shape: the name misspelt in the key's path.
        let typo = site(&PAIR.replace("live/netbox.example.com/privkey", "live/netbox.exmaple.com/privkey"));
        assert_fires("nginx/tls-key-other-certificate", (NETBOX, &typo, BLUEPRINT), "ssl_certificate_key /etc/letsencrypt/live/netbox.exmaple.com/privkey.pem");
        let all = messages(NETBOX, &typo, BLUEPRINT);
        let message = all.iter().find(|(r, _)| *r == "nginx/tls-key-other-certificate").map(|(_, m)| m.as_str()).unwrap_or("");
        assert!(message.starts_with("the certificate is `netbox.example.com`'s, but this key is from `netbox.exmaple.com`'s directory"), "{message}");
        // NixOS's ACME directories.
        let nixos = site("    ssl_certificate /var/lib/acme/a.example/fullchain.pem;\n    ssl_certificate_key /var/lib/acme/b.example/key.pem;\n");
        assert_fires("nginx/tls-key-other-certificate", (NETBOX, &nixos, BLUEPRINT), "ssl_certificate_key /var/lib/acme/b.example/key.pem");
    }

    #[test]
    fn quiet_on_a_pair_of_one_directory_or_of_other_layouts() {
        assert_quiet("nginx/tls-key-other-certificate", (NETBOX, &site(PAIR), BLUEPRINT));
        // Keys kept apart from certificates by design (Debian's /etc/ssl), or a variable.
        let apart = site("    ssl_certificate /etc/ssl/certs/netbox.pem;\n    ssl_certificate_key /etc/ssl/private/netbox.key;\n");
        assert_quiet("nginx/tls-key-other-certificate", (NETBOX, &apart, BLUEPRINT));
        let variable = site(&PAIR.replace("live/netbox.example.com/privkey", "live/$ssl_server_name/privkey"));
        assert_quiet("nginx/tls-key-other-certificate", (NETBOX, &variable, BLUEPRINT));
        // Two pairs (RSA and ECDSA), each of its own lineage.
        let two = site(&format!("{PAIR}{}", PAIR.replace("netbox.example.com", "netbox.example.com-ecdsa")));
        assert_quiet("nginx/tls-key-other-certificate", (NETBOX, &two, BLUEPRINT));
    }
}
