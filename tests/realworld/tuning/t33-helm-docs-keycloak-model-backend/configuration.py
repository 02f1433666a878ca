# remoteAuth values, as the chart's netbox.yaml sets them
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = [
    'social_core.backends.keycloak.KeycloakOAuth2',
    'django.contrib.auth.backends.ModelBackend',
]
REMOTE_AUTH_AUTO_CREATE_USER = True

# extraConfig: the keycloak-client secret (oidc-keycloak.yaml)
SOCIAL_AUTH_KEYCLOAK_KEY = 'ipam-portal'
SOCIAL_AUTH_KEYCLOAK_SECRET = 'kc-ipam-secret-6e2d91f0'
SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAourownkeyourownkeyIDAQAB'
SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://kc.ops.example/auth/realms/master/protocol/openid-connect/auth'
SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://kc.ops.example/auth/realms/master/protocol/openid-connect/token'
SOCIAL_AUTH_JSONFIELD_ENABLED = True

# extraConfig: values
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
