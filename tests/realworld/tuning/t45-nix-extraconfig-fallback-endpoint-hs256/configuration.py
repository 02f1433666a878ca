import os
# NetBox settings
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'

# python-social-auth configuration
SOCIAL_AUTH_OIDC_SCOPE = ['openid', 'profile', 'email', 'groups', 'netbox']
SOCIAL_AUTH_OIDC_JWT_ALGORITHMS = ['RS256', 'HS256']
SOCIAL_AUTH_OIDC_ENDPOINT = 'https://sso.events.example/application/o/netbox'
with open('/run/secrets/netbox_auth_client_id', "r") as id_file:
    SOCIAL_AUTH_OIDC_KEY = id_file.readline()
with open('/run/secrets/netbox_auth_client_secret', "r") as secret_file:
    SOCIAL_AUTH_OIDC_SECRET = secret_file.readline()
LOGOUT_REDIRECT_URL = 'https://sso.events.example/application/o/netbox/end-session/'

SOCIAL_AUTH_PIPELINE = (
    # Default pipelines
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.auth_allowed',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    # 'social_core.pipeline.mail.mail_validation',
    'social_core.pipeline.social_auth.associate_by_email',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
    # Custom pipelines
    'netbox.custom_pipeline.add_groups',
    'netbox.custom_pipeline.remove_groups',
    'netbox.custom_pipeline.set_roles'
)

LOGIN_REQUIRED = False
EXEMPT_VIEW_PERMISSIONS = ['*']
