//! `nginx/code-loading-directive`: a directive that makes nginx load code when it reads the
//! file; the executable stage refuses to run `nginx -t` on it (SECURITY.md).

use crate::finding::{Rule, Severity};
use crate::parse::nginx::Directive;
use crate::version::Applies;

/// A directive that loads code: `nginx -t` is not run on its file.
pub const CODE_LOADING_DIRECTIVE: Rule = Rule {
    id: "nginx/code-loading-directive",
    severity: Severity::Error,
    summary: "a directive that makes nginx load code (a module, an OpenSSL engine, Perl, njs or Lua): `nginx -t` is not run on the file (only with `nginx-test = true` in book.toml)",
    help: "a guide's site file needs none of these; show such a directive in a block without `check=`, or check the file with `nginx-test = false`",
    fact: "nginx's documentation of load_module, ssl_engine, ssl_certificate_key (\"engine:name:id\"), and the perl, njs and Lua modules; `nginx -t` with OpenSSL 3 runs a library named by ssl_engine or engine: (SECURITY.md)",
    applies: Applies::Always,
};

/// Directives whose name alone says they load code: (name or name prefix, what they load).
const LOADERS: &[(&str, bool, &str)] = &[
    ("load_module", false, "a shared object (a dynamic module)"),
    ("ssl_engine", false, "an OpenSSL engine (a shared object)"),
    // ngx_http_perl_module: perl_modules, perl_require, perl_set, perl.
    ("perl", true, "Perl code (ngx_http_perl_module)"),
    // njs: js_import, js_include, js_path, js_set, js_content, …
    ("js_", true, "JavaScript (njs)"),
    // OpenResty's Lua module: lua_package_path, init_by_lua_file, content_by_lua_block, …
    ("lua_", true, "Lua code (lua-nginx-module)"),
];

/// Why nginx must not read this directive (what it would load), if it must not.
pub(crate) fn refusal(directive: &Directive) -> Option<String> {
    let name = directive.name.as_str();
    let loader = LOADERS.iter().find(|(n, prefix, _)| if *prefix { name.starts_with(n) } else { name == *n });
    if let Some((_, _, what)) = loader {
        return Some(format!("`{name}` makes nginx load {what} when it reads the file"));
    }
    if name.contains("_by_lua") {
        return Some(format!("`{name}` makes nginx run Lua code (lua-nginx-module)"));
    }
    // `ssl_certificate_key engine:NAME:ID` (and proxy_/grpc_/uwsgi_ssl_certificate_key): the key
    // comes from an OpenSSL engine, which OpenSSL loads as a shared object named NAME.
    if name.ends_with("certificate_key")
        && let Some(arg) = directive.args.iter().find(|a| a.text.starts_with("engine:"))
    {
        return Some(format!(
            "`{name} {}` makes nginx load an OpenSSL engine (a shared object) when it reads the file",
            arg.text
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::nginx::{parse, walk};

    fn refused(text: &str) -> Vec<String> {
        let file = parse(text);
        assert!(file.syntax_errors.is_empty(), "{:?}", file.syntax_errors);
        let mut out = Vec::new();
        walk(&file.directives, &mut |d| out.extend(refusal(d)));
        out
    }

    #[test]
    fn code_loaders_are_refused_by_name() {
        let found = refused(
            "load_module modules/x.so;\nssl_engine x;\nperl_modules /p;\njs_import a.js;\ncontent_by_lua_block { x; }\nlua_package_path x;\nlocation / {\n    proxy_ssl_certificate_key \"engine:/l.so:k\";\n}\n",
        );
        assert_eq!(found.len(), 7, "{found:#?}");
        assert!(found[0].starts_with("`load_module` makes nginx load a shared object"));
        assert!(found[6].contains("`proxy_ssl_certificate_key engine:/l.so:k`"), "{}", found[6]);
    }

    #[test]
    fn ordinary_site_directives_and_file_keys_are_not() {
        let found = refused(
            "server {\n    ssl_certificate_key /etc/ssl/private/engine:x.key;\n    add_header X-Engine engine:x;\n    set $js_like 1;\n    proxy_pass http://127.0.0.1:8001;\n}\n",
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
