//! `nginx/missing-semicolon`: a line without its `;`, so nginx read the next directive as more
//! arguments and never set it.
//!
//! ## What it does
//! Finds a directive whose arguments run on to a later line that starts with another
//! directive's name (`server_name localhost` with no `;`, then `client_max_body_size 25m;`).
//! Where nginx refuses the result itself (`listen`, or a directive that takes a fixed number of
//! arguments), the file's syntax error says so instead.
//!
//! ## Why is this bad?
//! nginx ends a directive only at `;`, `{` or `}`, never at a line break, and `server_name`
//! takes any number of names: `nginx -t` accepts the file, and the second directive is lost
//! without a word. Seen with nginx 1.22.1: `server_name localhost` followed by
//! `client_max_body_size 25m;` passes `nginx -t`, `$server_name` is `localhost`, and a 2 MB
//! upload is refused with 413 (nginx's 1m default), because the 25m was taken for two more
//! server names.
//!
//! ## Example
//! ```nginx
//! server_name netbox.example.com
//! client_max_body_size 25m;
//! ```
//!
//! Use instead: `server_name netbox.example.com;` (every directive ends with `;`).

use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A directive lost to a missing `;` on the line before it.
pub const MISSING_SEMICOLON: Rule = Rule {
    id: "nginx/missing-semicolon",
    severity: Severity::Error,
    summary: "a line without its `;`: nginx reads the next directive as more arguments of this one; where it accepts them (`server_name` takes any number of names), that directive is never set and `nginx -t` passes",
    help: "end the line with `;`",
    fact: "nginx's configuration syntax (a directive ends at `;`; ngx_conf_read_token does not stop at a line break); seen with nginx 1.22.1: `server_name localhost` then `client_max_body_size 25m;` passes `nginx -t`, `$server_name` is `localhost`, a 2 MB request body gets 413",
    applies: Applies::Always,
};

pub fn missing_semicolon(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for s in &d.nginx.swallowed {
        let what = format!(
            "`{}` has no `;` at the end of its line: nginx reads on and takes `{}` for more arguments of it, so that directive is not set (or, where these arguments are invalid, nginx refuses the file)",
            s.meant.escape_debug(),
            s.lost.escape_debug()
        );
        out.push(Finding::in_block(&MISSING_SEMICOLON, s.block, s.range.clone(), what));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet, messages};

    #[test]
    fn a_server_name_that_swallows_the_next_line() {
        let site = nginx("internaldomain.com;\n    client_max", "internaldomain.com\n    client_max");
        assert_fires("nginx/missing-semicolon", (NETBOX, &site, BLUEPRINT), "server_name netbox.internaldomain.com");
        let all = messages(NETBOX, &site, BLUEPRINT);
        let message = all.iter().find(|(r, _)| *r == "nginx/missing-semicolon").map(|(_, m)| m.as_str()).unwrap_or("");
        assert!(message.contains("`server_name netbox.internaldomain.com` has no `;`") && message.contains("`client_max_body_size 25m`"), "{message}");
        // The swallowed words are not server names: no second name for the `$server_name` rule.
        assert!(all.iter().all(|(r, _)| *r != "nginx/forwarded-host-server-name"), "{all:#?}");
        // A long swallowed run is shown by its first words.
        let long = nginx("internaldomain.com;\n    client_max", "internaldomain.com\n    proxy_set_header X-A 1 2 3 4 5 6 7;\n    client_max");
        let all = messages(NETBOX, &long, BLUEPRINT);
        let message = all.iter().find(|(r, _)| *r == "nginx/missing-semicolon").map(|(_, m)| m.as_str()).unwrap_or("");
        assert!(message.contains("`proxy_set_header X-A 1 2 3 4 …`"), "{message}");
    }

    #[test]
    fn names_over_several_lines_and_listen() {
        // Several names over lines are one directive, as nginx reads it.
        let site = nginx("server_name netbox.internaldomain.com;", "server_name netbox.internaldomain.com\n        netbox.example.org;");
        assert_quiet("nginx/missing-semicolon", (NETBOX, &site, BLUEPRINT));
        // `listen 443 ssl` without `;` is nginx's own error ("invalid parameter"), reported as
        // the block's syntax error, not twice.
        let site = nginx("listen [::]:443 ssl ipv6only=off;", "listen [::]:443 ssl ipv6only=off\n    server_name x;");
        let all = messages(NETBOX, &site, BLUEPRINT);
        assert!(all.iter().all(|(r, _)| *r != "nginx/missing-semicolon"), "{all:#?}");
        assert!(all.iter().any(|(r, m)| *r == "configcheck/syntax-error" && m.contains("invalid parameter \"server_name\"")), "{all:#?}");
    }
}
