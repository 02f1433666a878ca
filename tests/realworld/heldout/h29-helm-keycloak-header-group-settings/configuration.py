# The chart's remoteAuth and extraConfig values, written as the NetBox parameters they are named for
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = ['social_core.backends.keycloak.KeycloakOAuth2']
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_AUTO_CREATE_GROUPS = True
REMOTE_AUTH_DEFAULT_GROUPS = []
REMOTE_AUTH_DEFAULT_PERMISSIONS = {}
# NOTE: group sync, superuser and staff groups only work with header authentication
REMOTE_AUTH_GROUP_SYNC_ENABLED = True
REMOTE_AUTH_SUPERUSER_GROUPS = ['platform-admins']
REMOTE_AUTH_SUPERUSERS = []
REMOTE_AUTH_STAFF_GROUPS = ['platform-devs']
REMOTE_AUTH_STAFF_USERS = []

SOCIAL_AUTH_KEYCLOAK_KEY = 'netbox-k8s'
SOCIAL_AUTH_KEYCLOAK_SECRET = 'Hq3vN8cRt1ZpL6wYk2Xs9BdF'
SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAt3Vq'
SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://kc.harbor-lab.example/realms/infra/protocol/openid-connect/auth'
SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://kc.harbor-lab.example/realms/infra/protocol/openid-connect/token'
SOCIAL_AUTH_KEYCLOAK_SCOPE = ['openid', 'email', 'profile']
SOCIAL_AUTH_KEYCLOAK_ID_KEY = 'email'
LOGIN_REQUIRED = True

# Authentication pipeline, executed in order during login
SOCIAL_AUTH_PIPELINE = [
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.auth_allowed',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
    'netbox.sso_pipeline.set_superuser',
]
