# The settings the ConfigMap netbox-oidc's key netbox-oidc.yaml becomes once netbox-chart's configuration.py
# merges it (extraConfig entry 2); the client secret comes from the Secret of the same name (entry 3).
LOGIN_FORM_HIDDEN = 'true'
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'
SOCIAL_AUTH_BACKEND_ATTRS = {
    'oidc': ['Keycloak', 'login'],
}
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://sso.corp-lab.example/realms/master'
SOCIAL_AUTH_OIDC_KEY = 'netbox'
SOCIAL_AUTH_SUPERUSER_ROLE = 'admin'
LOGLEVEL = 'DEBUG'
SOCIAL_AUTH_PIPELINE = [
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'social_core.pipeline.social_auth.associate_by_email',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'netbox.authentication.user_default_groups_handler',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
    'netbox.sso_pipeline_roles.set_role',
]
