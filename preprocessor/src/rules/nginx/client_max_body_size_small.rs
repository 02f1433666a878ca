//! `nginx/client-max-body-size-small`: nginx refuses request bodies NetBox itself accepts.
//!
//! ## What it does
//! Compares nginx's `client_max_body_size` for the location that proxies NetBox (nginx's 1m
//! default when none is set) with the request data NetBox accepts, Django's
//! `DATA_UPLOAD_MAX_MEMORY_SIZE` (NetBox's default 2621440 bytes, 2.5 MiB, or the value
//! configuration.py sets). A limit at or above it is the site's choice of how large a file may
//! be (NixOS sets 10m for every virtual host): no finding. A `client_max_body_size` lost to a
//! missing `;` on the line before is named, and the help asks for the semicolon.
//!
//! ## Why is this bad?
//! An API request, a bulk import or an image attachment between nginx's limit and NetBox's is
//! refused by nginx with 413 Request Entity Too Large before NetBox sees it; NetBox's reference
//! file sets 25m.

use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::ValueKind;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A body limit below NetBox's reference.
pub const CLIENT_MAX_BODY_SIZE_SMALL: Rule = Rule {
    id: "nginx/client-max-body-size-small",
    severity: Severity::Info,
    summary: "`client_max_body_size` (nginx's default is 1m) is below the request data NetBox itself accepts (DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MiB by default, which Django does not apply to file uploads): nginx refuses with 413 what NetBox would take",
    help: "set `client_max_body_size 25m;` in the server, as NetBox's contrib/nginx.conf does",
    fact: "facts §5 (NetBox's contrib/nginx.conf sets client_max_body_size 25m); NetBox settings.py (4.6.8 L102): DATA_UPLOAD_MAX_MEMORY_SIZE = getattr(configuration, 'DATA_UPLOAD_MAX_MEMORY_SIZE', 2621440); Django's settings reference: the size is checked against the request body excluding file upload data, and None disables the check; seen with nginx 1.22.1: a 2 MB body without client_max_body_size gets 413",
    applies: Applies::Always,
};

fn size_in_bytes(text: &str) -> Option<u64> {
    let lower = text.to_ascii_lowercase();
    let (number, unit) = match lower.chars().last()? {
        'k' => (&lower[..lower.len() - 1], 1024),
        'm' => (&lower[..lower.len() - 1], 1024 * 1024),
        'g' => (&lower[..lower.len() - 1], 1024 * 1024 * 1024),
        _ => (lower.as_str(), 1),
    };
    number.parse::<u64>().ok().map(|n| n * unit)
}

const MIB: u64 = 1024 * 1024;

pub fn client_max_body_size_small(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    // What NetBox accepts in a request's data: its configuration's, else its default.
    // `None` switches Django's check off (any size); a value not known here is not guessed.
    let netbox_accepts = match d.netbox.get("DATA_UPLOAD_MAX_MEMORY_SIZE").map(|s| &s.value.kind) {
        Some(ValueKind::Int(n)) => u64::try_from(*n).unwrap_or(0),
        // No limit in Django: nginx's is the only one, and below NetBox's contrib 25m it is small.
        Some(ValueKind::None) => u64::MAX,
        Some(_) => return,
        None => 2_621_440,
    };
    let accepted = if netbox_accepts == u64::MAX {
        "NetBox itself sets no limit (DATA_UPLOAD_MAX_MEMORY_SIZE = None)".to_owned()
    } else {
        format!("NetBox itself accepts form and import data up to {netbox_accepts} bytes (DATA_UPLOAD_MAX_MEMORY_SIZE), and file uploads, which Django does not count against that, of any size")
    };
    // At least what NetBox accepts, and never less than the 25m of NetBox's contrib/nginx.conf.
    let help = if netbox_accepts <= 25 * MIB {
        "set `client_max_body_size 25m;` in the server, as NetBox's contrib/nginx.conf does".to_owned()
    } else if netbox_accepts == u64::MAX {
        "set `client_max_body_size` in the server to the largest upload you allow, 25m or more (NetBox's contrib/nginx.conf sets 25m)".to_owned()
    } else {
        format!("set `client_max_body_size {}m;` in the server, the request data NetBox accepts", netbox_accepts.div_ceil(MIB))
    };
    match flow.location.client_max_body_size.as_ref().or(flow.server.client_max_body_size.as_ref()) {
        Some((size, range)) => {
            let enough = if netbox_accepts == u64::MAX { 25 * MIB } else { netbox_accepts };
            if size_in_bytes(size).is_some_and(|b| b != 0 && b < enough) {
                out.push(Finding::in_block(
                    &CLIENT_MAX_BODY_SIZE_SMALL,
                    flow.server.block,
                    range.clone(),
                    format!("requests larger than {size} (image attachments, bulk imports, API calls) fail with 413 Request Entity Too Large, while {accepted}"),
                ).with_help(help));
            }
        }
        // Written, but lost to a missing `;` on the line before (corpus case h471): the fix is
        // that semicolon, not a second directive (which `nginx -t` would then refuse as a
        // duplicate). nginx/missing-semicolon reports the line itself.
        None if let Some((lost, size)) = d.nginx.swallowed.iter().find_map(|s| {
            let size = s.lost_body_size.as_ref()?;
            (s.block == flow.server.block && flow.server.range.contains(&s.range.start)).then_some((s, size))
        }) =>
        {
            let enough = if netbox_accepts == u64::MAX { 25 * MIB } else { netbox_accepts };
            let still_small = size_in_bytes(size).is_some_and(|b| b != 0 && b < enough);
            let fix = if still_small { format!(", and raise the `client_max_body_size {}` after it ({help})", size.escape_debug()) } else { format!(": the `client_max_body_size {}` after it then applies", size.escape_debug()) };
            out.push(
                Finding::in_block(
                    &CLIENT_MAX_BODY_SIZE_SMALL,
                    flow.server.block,
                    flow.server.anchor(),
                    format!("the `client_max_body_size {}` written in this server is lost to the missing `;` of `{}`, so nginx's default of 1m applies: larger requests (image attachments, bulk imports, API calls) fail with 413 Request Entity Too Large, while {accepted}", size.escape_debug(), lost.meant.escape_debug()),
                )
                .with_help(format!("end `{}` with `;`{fix}", lost.meant.escape_debug())),
            );
        }
        // Nothing to point at: point at the server, where the fix goes (its public `listen`).
        None => out.push(Finding::in_block(
            &CLIENT_MAX_BODY_SIZE_SMALL,
            flow.server.block,
            flow.server.anchor(),
            format!("no `client_max_body_size` is set in this server, so nginx's default of 1m applies: larger requests (image attachments, bulk imports, API calls) fail with 413 Request Entity Too Large, while {accepted}"),
        ).with_help(help)),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet, helps, messages};

    #[test]
    fn client_max_body_size_small() {
        assert_fires(
            "nginx/client-max-body-size-small",
            (NETBOX, &nginx("25m", "2m"), BLUEPRINT),
            "client_max_body_size 2m",
        );
        assert_fires(
            "nginx/client-max-body-size-small",
            (NETBOX, &nginx("    client_max_body_size 25m;\n", ""), BLUEPRINT),
            "listen [::]:443 ssl",
        );
        // A limit above what NetBox accepts is the site's choice (NixOS's 10m on every host).
        assert_quiet("nginx/client-max-body-size-small", (NETBOX, &nginx("25m", "10m"), BLUEPRINT));
        // Unless NetBox is told to accept more.
        let larger = format!("{NETBOX}DATA_UPLOAD_MAX_MEMORY_SIZE = 52428800\n");
        assert_fires("nginx/client-max-body-size-small", (&larger, &nginx("25m", "10m"), BLUEPRINT), "client_max_body_size 10m");
        // 0 lifts the limit.
        assert_quiet("nginx/client-max-body-size-small", (NETBOX, &nginx("25m", "0"), BLUEPRINT));
        // Set in the `http` block around the server (a whole nginx.conf): inherited.
        let unset = nginx("    client_max_body_size 25m;\n", "");
        assert_quiet(
            "nginx/client-max-body-size-small",
            (NETBOX, &format!("http {{\n    client_max_body_size 25m;\n{unset}}}\n"), BLUEPRINT),
        );
        assert_fires(
            "nginx/client-max-body-size-small",
            (NETBOX, &format!("http {{\n    client_max_body_size 2m;\n{unset}}}\n"), BLUEPRINT),
            "client_max_body_size 2m",
        );
    }

    /// A `client_max_body_size` swallowed by a missing `;` (h471's shape): the help asks for the
    /// semicolon, not a second directive.
    #[test]
    fn a_size_lost_to_a_missing_semicolon_asks_for_the_semicolon() {
        let site = nginx("internaldomain.com;\n    client_max", "internaldomain.com\n    client_max");
        let found: Vec<_> = messages(NETBOX, &site, BLUEPRINT).into_iter().filter(|(r, _)| *r == "nginx/client-max-body-size-small").collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.starts_with("the `client_max_body_size 25m` written in this server is lost to the missing `;` of `server_name netbox.internaldomain.com`"), "{found:?}");
        let help = helps(NETBOX, &site, BLUEPRINT).into_iter().find(|(r, _)| *r == "nginx/client-max-body-size-small").map(|(_, h)| h);
        assert_eq!(help.as_deref(), Some("end `server_name netbox.internaldomain.com` with `;`: the `client_max_body_size 25m` after it then applies"));
        // Another directive lost in between, and a size still below what NetBox accepts.
        let chain = nginx("internaldomain.com;\n    client_max_body_size 25m", "internaldomain.com\n    access_log off\n    client_max_body_size 2m");
        let help = helps(NETBOX, &chain, BLUEPRINT).into_iter().find(|(r, _)| *r == "nginx/client-max-body-size-small").map(|(_, h)| h);
        assert!(help.as_deref().is_some_and(|h| h.starts_with("end `server_name netbox.internaldomain.com` with `;`, and raise the `client_max_body_size 2m` after it (set `client_max_body_size 25m;`")), "{help:?}");
    }

    /// The help asks for at least what NetBox accepts; `None` (no limit in Django) makes any
    /// limit small, and a value not known here is not judged. The message does not claim
    /// DATA_UPLOAD_MAX_MEMORY_SIZE limits file uploads (Django does not count them).
    #[test]
    fn the_fix_follows_what_netbox_accepts() {
        let help_for = |netbox: &str| {
            helps(netbox, &nginx("25m", "10m"), BLUEPRINT).into_iter().find(|(r, _)| *r == "nginx/client-max-body-size-small").map(|(_, h)| h)
        };
        let larger = format!("{NETBOX}DATA_UPLOAD_MAX_MEMORY_SIZE = 52428800\n");
        assert_eq!(help_for(&larger).as_deref(), Some("set `client_max_body_size 50m;` in the server, the request data NetBox accepts"));
        let unlimited = format!("{NETBOX}DATA_UPLOAD_MAX_MEMORY_SIZE = None\n");
        assert!(help_for(&unlimited).is_some_and(|h| h.contains("largest upload you allow")));
        // With no limit in Django, a limit of 25m or more is the site's choice.
        assert_quiet("nginx/client-max-body-size-small", (&unlimited, &nginx("25m", "500m"), BLUEPRINT));
        let unknown = format!("import os\n{NETBOX}DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ['MAX'])\n");
        assert_eq!(help_for(&unknown), None);
        let said = messages(NETBOX, &nginx("25m", "2m"), BLUEPRINT);
        let (_, message) = said.iter().find(|(r, _)| *r == "nginx/client-max-body-size-small").unwrap();
        assert!(message.contains("file uploads, which Django does not count against that"), "{message}");
    }
}
