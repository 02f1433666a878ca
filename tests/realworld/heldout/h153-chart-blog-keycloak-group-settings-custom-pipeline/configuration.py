# netbox-chart values as the settings they become (remoteAuth and extraConfig)
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = ['social_core.backends.keycloak.KeycloakOAuth2']
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_AUTO_CREATE_GROUPS = True
REMOTE_AUTH_DEFAULT_GROUPS = []
REMOTE_AUTH_DEFAULT_PERMISSIONS = {}
# NOTE: groupSyncEnabled, superuserGroups, staffGroups only work with
# HTTP header-based auth. For python-social-auth, use custom pipeline instead.
REMOTE_AUTH_GROUP_SYNC_ENABLED = True
REMOTE_AUTH_SUPERUSER_GROUPS = ['administrator']
REMOTE_AUTH_SUPERUSERS = []
REMOTE_AUTH_STAFF_GROUPS = ['developer']
REMOTE_AUTH_STAFF_USERS = []

SOCIAL_AUTH_KEYCLOAK_KEY = 'netbox'
SOCIAL_AUTH_KEYCLOAK_SECRET = 'pR4wT8zK2mX6vB1nQ9sL3cH7jD5fG0yA'
SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3ssHKeU1ylizr2bVRq7KIitm4GTWd7ckYAxO46vaT4QjcCpG1gxYagLp0IFwtEikBOlxB2vVjyWv3zcgqQCdR4XUa14491fOSnekpvZuDT61ZsiFP5dhRUmBdCB+qGpvIeUhca7LvKPDU3EK55NUt1bvLTWt3IXjEevlEHutLEwrUdrLWAWtMgYSZdAeX3oT1NsRo+zQUZYsE31/lyRihv2Ej9HTvcZ2/qWrnZNRjSv29Ziuijsl17hM8MDuoiLwNg6/cCx6xLhhUnkFGxeGAk6CvIdgDiurnahfCi/mqEwy51pO6ocprrclHRbuOE07efOUY0YkI5866lSPbuAAqwIDAQAB'
SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://sso.lab.example/realms/lab/protocol/openid-connect/auth'
SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://sso.lab.example/realms/lab/protocol/openid-connect/token'
SOCIAL_AUTH_KEYCLOAK_SCOPE = ['openid', 'email', 'profile']
SOCIAL_AUTH_KEYCLOAK_ID_KEY = 'email'
LOGIN_REQUIRED = True
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
