//! `nginx/redirect-server-name-invalid`: a redirect built from `$server_name` where the server's
//! first name is no host.

use crate::finding::{Finding, Rule, Severity};
use crate::model::flow::django_domain;
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A redirect to `$server_name` in a server whose first name is `_`, empty or a pattern.
pub const REDIRECT_SERVER_NAME_INVALID: Rule = Rule {
    id: "nginx/redirect-server-name-invalid",
    severity: Severity::Warning,
    summary: "A `return` redirects to `$server_name`, but the server's first name (`_`, none, a wildcard or regex) is no host a browser can reach",
    help: "redirect to the host the browser asked for: `return 301 https://$host$request_uri;`, as NetBox's contrib/nginx.conf does",
    fact: "nginx docs ($server_name: the name of the server that accepted the request; a server without server_name has the empty name; `_` is just an invalid name), seen with nginx 1.22.1 for nginx/forwarded-host-server-name (`_` and an empty name); NetBox's contrib/nginx.conf (4.6.8): `return 301 https://$host$request_uri;` in a `server_name _` server",
    applies: Applies::Always,
};

pub fn redirect_server_name_invalid(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for server in &d.nginx.servers {
        let Some((url, range)) = &server.redirect else { continue };
        if !(url.contains("$server_name") || url.contains("${server_name}")) {
            continue;
        }
        let first = server.first_name();
        let no_host =
            first.is_empty() || first.starts_with(['.', '*', '~']) || first.ends_with('*') || django_domain(first).is_none();
        if !no_host {
            continue;
        }
        let shown = if first.is_empty() { "empty (the server has no server_name)".to_string() } else { format!("`{first}`") };
        out.push(Finding::in_block(
            &REDIRECT_SERVER_NAME_INVALID,
            server.block,
            range.clone(),
            format!(
                "this redirect sends browsers to `{url}`, and `$server_name` is this server's first name, {shown}, not a host: every visitor of this server lands on an address that does not resolve instead of NetBox"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{BLUEPRINT, NETBOX, NGINX, assert_fires, assert_quiet};

    fn with_redirect(names: &str, url: &str) -> String {
        format!("{NGINX}server {{\n    listen 80;\n{names}    return 301 {url};\n}}\n")
    }

    #[test]
    fn redirect_server_name_invalid() {
        // A catch-all port-80 server that redirects to its own name, `_`.
        let site = with_redirect("    server_name _;\n", "https://$server_name:8443$request_uri");
        assert_fires("nginx/redirect-server-name-invalid", (NETBOX, &site, BLUEPRINT), "return 301 https://$server_name");
        // No server_name at all: the name is empty.
        let site = with_redirect("", "https://$server_name$request_uri");
        assert_fires("nginx/redirect-server-name-invalid", (NETBOX, &site, BLUEPRINT), "return 301");
        // A real first name is where the redirect should go; `$host` is the browser's.
        assert_quiet(
            "nginx/redirect-server-name-invalid",
            (NETBOX, &with_redirect("    server_name netbox.internaldomain.com;\n", "https://$server_name$request_uri"), BLUEPRINT),
        );
        assert_quiet(
            "nginx/redirect-server-name-invalid",
            (NETBOX, &with_redirect("    server_name _;\n", "https://$host$request_uri"), BLUEPRINT),
        );
    }
}
