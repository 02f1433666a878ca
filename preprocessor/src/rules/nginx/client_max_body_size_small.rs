//! `nginx/client-max-body-size-small`: A body limit below NetBox's reference.

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A body limit below NetBox's reference.
pub const CLIENT_MAX_BODY_SIZE_SMALL: Rule = Rule {
    id: "nginx/client-max-body-size-small",
    severity: Severity::Info,
    summary: "`client_max_body_size` is below the 25m of NetBox's reference file (nginx's default is 1m)",
    help: "set `client_max_body_size 25m;` in the server, as NetBox's contrib/nginx.conf does",
    fact: "facts §5 (NetBox's contrib/nginx.conf sets client_max_body_size 25m)",
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

pub fn client_max_body_size_small(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    let Some(flow) = &d.flow else { return };
    let reference = 25 * 1024 * 1024;
    match flow.location.client_max_body_size.as_ref().or(flow.server.client_max_body_size.as_ref()) {
        Some((size, range)) => {
            if size_in_bytes(size).is_some_and(|b| b != 0 && b < reference) {
                out.push(Finding::in_block(
                    &CLIENT_MAX_BODY_SIZE_SMALL,
                    flow.server.block,
                    range.clone(),
                    format!("uploads larger than {size} (images, attachments, imports) fail with 413 Request Entity Too Large"),
                ));
            }
        }
        // Nothing to point at: point at the server, where the fix goes (its public `listen`).
        None => out.push(Finding::in_block(
            &CLIENT_MAX_BODY_SIZE_SMALL,
            flow.server.block,
            flow.server.anchor(),
            "no `client_max_body_size` is set in this server, so nginx's default of 1m applies: larger uploads fail with 413 Request Entity Too Large",
        )),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet};

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
}
