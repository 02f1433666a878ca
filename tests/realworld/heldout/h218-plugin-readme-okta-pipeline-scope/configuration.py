# --- Plugin ---
PLUGINS = [
    'netbox_oidc_group_sync',
]

# --- OIDC provider (Okta) ---
REMOTE_AUTH_BACKEND = 'social_core.backends.okta_openidconnect.OktaOpenIdConnect'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_KEY = '0oa7fx2kq9LmNp3Rt5d8'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_SECRET = 'kW4zQ8vR2mT6yH1bN9cX3fJ7pL5sD0gA-eU_oI2'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = 'https://example-org.okta.com/oauth2/'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_SCOPE = ['openid', 'profile', 'email', 'groups']

# --- social auth pipeline (group sync needs its step) ---
SOCIAL_AUTH_PIPELINE = (
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.auth_allowed',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'netbox_oidc_group_sync.pipeline.sync_oidc_groups',   # group sync
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
)
