# --- BEGIN MANAGED SSO BLOCK ---
# Do not edit by hand — re-run install.sh with --netbox-sso-* flags to change.
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = ['social_core.backends.openid_connect.OpenIdConnectAuth']
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_AUTO_CREATE_GROUPS = True
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://login.microsoftonline.com/7d3e1a52-90b4-4c6f-8e21-5a0b9c4d2f18/v2.0'
SOCIAL_AUTH_OIDC_KEY = 'c0ffee00-4b1d-4e6a-9f3c-2d8a7b6e5f40'
SOCIAL_AUTH_OIDC_SECRET = 'Zx8Q~entra-client-secret-0f3a9c'
SOCIAL_AUTH_OIDC_SCOPE = ['openid', 'profile', 'email', 'offline_access']
SOCIAL_AUTH_OIDC_USERNAME_KEY = 'preferred_username'
NETBOX_SSO_GROUP_MAP = {"ipam-admins": "Administrators", "ipam-readers": "Readers"}
NETBOX_SSO_ALLOWED_GROUP = 'ipam-users'
# Redirect URI registered in Entra: https://ipam.corp.example/oauth/complete/oidc/
SOCIAL_AUTH_PIPELINE = (
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.auth_allowed',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user_details',
    'lm_sso_pipeline.sync_entra_groups',
)
# --- END MANAGED SSO BLOCK ---
