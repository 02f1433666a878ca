//! Rules on the nginx site that proxies NetBox (facts §4, §5, §8 NGX-*).
//!
//! One file per rule: its documentation (the `Rule`), its check and its cases.

mod shared;
#[cfg(test)]
mod testing;

rules! {
    missing_forwarded_proto => MISSING_FORWARDED_PROTO,
    missing_forwarded_host => MISSING_FORWARDED_HOST,
    port_lost => PORT_LOST,
    forwarded_host_server_name => FORWARDED_HOST_SERVER_NAME,
    headers_lost_by_inheritance => HEADERS_LOST_BY_INHERITANCE,
    forwarded_host_appended => FORWARDED_HOST_APPENDED,
    client_max_body_size_small => CLIENT_MAX_BODY_SIZE_SMALL,
    upstream_not_loopback => UPSTREAM_NOT_LOOPBACK,
    media_served_without_login => MEDIA_SERVED_WITHOUT_LOGIN,
    static_alias_not_static_root => STATIC_ALIAS_NOT_STATIC_ROOT,
    redirect_server_name_invalid => REDIRECT_SERVER_NAME_INVALID,
    listen_port_is_upstream_port => LISTEN_PORT_IS_UPSTREAM_PORT,
    plain_http_only => PLAIN_HTTP_ONLY,
    forwarded_proto_behind_proxy => FORWARDED_PROTO_BEHIND_PROXY,
    subpath_without_base_path => SUBPATH_WITHOUT_BASE_PATH,
    missing_semicolon => MISSING_SEMICOLON,
    tls_key_other_certificate => TLS_KEY_OTHER_CERTIFICATE;
    reported elsewhere:
    syntax_test_failed => SYNTAX_TEST_FAILED,
    code_loading_directive => CODE_LOADING_DIRECTIVE,
}
