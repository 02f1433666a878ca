//! Rules that need several files: what nginx forwards, what NetBox does with it, and what the
//! provider accepts (facts §1-§5).
//!
//! One file per rule: its documentation (the `Rule`), its check and its tests. Shared, in `shared`:
//! what several of them derive.

mod shared;
#[cfg(test)]
mod testing;

rules! {
    redirect_uri_mismatch => REDIRECT_URI_MISMATCH,
    allowed_hosts_missing_public_host => ALLOWED_HOSTS_MISSING_PUBLIC_HOST,
    host_refused => HOST_REFUSED,
    csrf_origin_fails => CSRF_ORIGIN_FAILS,
    scope_not_provided => SCOPE_NOT_PROVIDED,
    oidc_endpoint_mismatch => OIDC_ENDPOINT_MISMATCH,
    client_id_mismatch => CLIENT_ID_MISMATCH,
    client_secret_mismatch => CLIENT_SECRET_MISMATCH,
    client_secret_is_client_id => CLIENT_SECRET_IS_CLIENT_ID,
    logout_url_mismatch => LOGOUT_URL_MISMATCH,
    logout_keeps_authentik_session => LOGOUT_KEEPS_AUTHENTIK_SESSION,
    remote_auth_header_spoofable => REMOTE_AUTH_HEADER_SPOOFABLE,
}
