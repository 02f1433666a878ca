REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'

SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://id.corp.example'
SOCIAL_AUTH_OIDC_KEY = 'inventory'
SOCIAL_AUTH_OIDC_SECRET = 'Zr4Kp9Wq2Lx7Ncv5Bt8Hm3Jd6Fs1Gy0Ae'
SOCIAL_AUTH_OIDC_SCOPE = ['profile', 'email', 'groups']
SOCIAL_AUTH_OIDC_USERNAME_KEY = 'preferred_username'

SOCIAL_AUTH_PIPELINE = (
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'social_core.pipeline.social_auth.associate_by_email',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
    'netbox.custom_pipeline.add_groups',
    'netbox.custom_pipeline.remove_groups',
    'netbox.custom_pipeline.set_roles',
)

SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['groups']
