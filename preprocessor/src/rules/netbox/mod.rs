//! Rules that need only NetBox's `configuration.py` (facts §1, §2, §8).
//!
//! Every rule reports only on statically known values: a value read from the environment or
//! computed by code the evaluator does not follow never produces a finding.
//!
//! One file per rule: its documentation (the `Rule`), its check and its cases. Shared, in `shared`:
//! the helpers several rules use; in `keycloak`, what the Keycloak rules share; in `parameters` and `social_names`, the inventories of what NetBox and python-social-auth
//! read, and in `social_backends`, what social-core's backend modules define (`data/`).

mod keycloak;
mod parameters;
mod shared;
mod social_backends;
mod social_names;
#[cfg(test)]
mod testing;

rules! {
    login_redirect_url_type => LOGIN_REDIRECT_URL_TYPE,
    remote_auth_header_unused => REMOTE_AUTH_HEADER_UNUSED,
    remote_auth_group_sync_off => REMOTE_AUTH_GROUP_SYNC_OFF,
    port_published_beside_proxy => PORT_PUBLISHED_BESIDE_PROXY,
    remote_auth_enabled_unneeded => REMOTE_AUTH_ENABLED_UNNEEDED,
    rq_worker_missing => RQ_WORKER_MISSING,
    compose_worker_without_environment => COMPOSE_WORKER_WITHOUT_ENVIRONMENT,
    compose_service_without_image => COMPOSE_SERVICE_WITHOUT_IMAGE,
    compose_image_invalid => COMPOSE_IMAGE_INVALID,
    linuxserver_variable_invalid => LINUXSERVER_VARIABLE_INVALID,
    linuxserver_allowed_host_default => LINUXSERVER_ALLOWED_HOST_DEFAULT,
    compose_port_not_listening => COMPOSE_PORT_NOT_LISTENING,
    compose_host_not_a_service => COMPOSE_HOST_NOT_A_SERVICE,
    permission_name_invalid => PERMISSION_NAME_INVALID,
    base_path_directory => BASE_PATH_DIRECTORY,
    ldap_dn_malformed => LDAP_DN_MALFORMED,
    docker_variable_unset => DOCKER_VARIABLE_UNSET,
    traefik_subpath_without_base_path => TRAEFIK_SUBPATH_WITHOUT_BASE_PATH,
    ldap_settings_in_configuration => LDAP_SETTINGS_IN_CONFIGURATION,
    plugin_distribution_name => PLUGIN_DISTRIBUTION_NAME,
    db_password_public_example => DB_PASSWORD_PUBLIC_EXAMPLE,
    docker_superuser_known_credentials => DOCKER_SUPERUSER_KNOWN_CREDENTIALS,
    docker_superuser_skipped => DOCKER_SUPERUSER_SKIPPED,
    remote_auth_header_format => REMOTE_AUTH_HEADER_FORMAT,
    env_list_value_space_split => ENV_LIST_VALUE_SPACE_SPLIT,
    protected_user_fields_obsolete => PROTECTED_USER_FIELDS_OBSOLETE,
    setting_ignored => SETTING_IGNORED,
    setting_removed => SETTING_REMOVED,
    setting_deprecated => SETTING_DEPRECATED,
    setting_too_new => SETTING_TOO_NEW,
    setting_unknown => SETTING_UNKNOWN,
    setting_annotated_not_assigned => SETTING_ANNOTATED_NOT_ASSIGNED,
    social_auth_prefix_missing => SOCIAL_AUTH_PREFIX_MISSING,
    allowed_hosts_type => ALLOWED_HOSTS_TYPE,
    allowed_hosts_entry => ALLOWED_HOSTS_ENTRY,
    database_both_set => DATABASE_BOTH_SET,
    database_engine_not_postgresql => DATABASE_ENGINE_NOT_POSTGRESQL,
    redis_section_missing => REDIS_SECTION_MISSING,
    redis_same_database => REDIS_SAME_DATABASE,
    redis_key_unread => REDIS_KEY_UNREAD,
    bool_setting_text => BOOL_SETTING_TEXT,
    redis_key_beside_sentinels => REDIS_KEY_BESIDE_SENTINELS,
    secret_key_short => SECRET_KEY_SHORT,
    secret_key_public => SECRET_KEY_PUBLIC,
    api_token_pepper_short => API_TOKEN_PEPPER_SHORT,
    model_import_in_configuration => MODEL_IMPORT_IN_CONFIGURATION,
    plugin_name_not_module => PLUGIN_NAME_NOT_MODULE,
    plugins_config_key_not_plugin => PLUGINS_CONFIG_KEY_NOT_PLUGIN,
    csrf_trusted_origins_scheme => CSRF_TRUSTED_ORIGINS_SCHEME,
    oidc_endpoint_name => OIDC_ENDPOINT_NAME,
    oidc_endpoint_fallback_name => OIDC_ENDPOINT_FALLBACK_NAME,
    oidc_endpoint_well_known => OIDC_ENDPOINT_WELL_KNOWN,
    oidc_endpoint_trailing_slash => OIDC_ENDPOINT_TRAILING_SLASH,
    oidc_endpoint_shape => OIDC_ENDPOINT_SHAPE,
    okta_api_url_endpoint => OKTA_API_URL_ENDPOINT,
    azuread_authority_host_url => AZUREAD_AUTHORITY_HOST_URL,
    keycloak_authorization_url => KEYCLOAK_AUTHORIZATION_URL,
    keycloak_authorization_url_host => KEYCLOAK_AUTHORIZATION_URL_HOST,
    keycloak_public_key_shape => KEYCLOAK_PUBLIC_KEY_SHAPE,
    oidc_scope_type => OIDC_SCOPE_TYPE,
    oidc_scope_redundant => OIDC_SCOPE_REDUNDANT,
    backend_path => BACKEND_PATH,
    backend_not_importable => BACKEND_NOT_IMPORTABLE,
    backend_list_version => BACKEND_LIST_VERSION,
    oidc_backend_version => OIDC_BACKEND_VERSION,
    ldap_dn_template_overrides_search => LDAP_DN_TEMPLATE_OVERRIDES_SEARCH,
    ldap_group_type_unknown => LDAP_GROUP_TYPE_UNKNOWN,
    ldap_flag_is_staff => LDAP_FLAG_IS_STAFF,
    ldap_ignore_cert_errors => LDAP_IGNORE_CERT_ERRORS,
    ldap_without_tls => LDAP_WITHOUT_TLS,
    redirect_is_https_smell => REDIRECT_IS_HTTPS_SMELL,
    redirect_is_https_scoped => REDIRECT_IS_HTTPS_SCOPED,
    allowed_redirect_hosts_irrelevant => ALLOWED_REDIRECT_HOSTS_IRRELEVANT,
    login_required_deprecated => LOGIN_REQUIRED_DEPRECATED,
    backend_attrs_not_pair => BACKEND_ATTRS_NOT_PAIR,
    pipeline_default_groups => PIPELINE_DEFAULT_GROUPS,
    pipeline_reads_is_staff => PIPELINE_READS_IS_STAFF,
    pipeline_step_unknown => PIPELINE_STEP_UNKNOWN,
    pipeline_step_module_path => PIPELINE_STEP_MODULE_PATH,
    pipeline_group_import => PIPELINE_GROUP_IMPORT,
    pipeline_is_staff => PIPELINE_IS_STAFF,
    pipeline_unbound_variable => PIPELINE_UNBOUND_VARIABLE,
    name_not_defined => NAME_NOT_DEFINED,
    env_social_auth_unread => ENV_SOCIAL_AUTH_UNREAD,
    protected_user_fields_missing => PROTECTED_USER_FIELDS_MISSING,
    ldap_setting_unknown => LDAP_SETTING_UNKNOWN;
    reported elsewhere:
    env_value_spans_lines => ENV_VALUE_SPANS_LINES,
    env_last_line_unnamed => ENV_LAST_LINE_UNNAMED,
    env_variable_repeated => ENV_VARIABLE_REPEATED,
}
