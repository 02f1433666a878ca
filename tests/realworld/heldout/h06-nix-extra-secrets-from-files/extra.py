# Extra NetBox configuration: secrets read from the runtime directory at start-up
with open('/run/secrets/netbox-api-token-peppers') as f:
    API_TOKEN_PEPPERS = {1: f.read().strip()}

with open('/run/secrets/netbox-oidc-client-id') as f:
    SOCIAL_AUTH_OIDC_KEY = f.read().strip()

with open('/run/secrets/netbox-oidc-client-secret') as f:
    SOCIAL_AUTH_OIDC_SECRET = f.read().strip()

REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://id.home.example'
SOCIAL_AUTH_PIPELINE = (
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.auth_allowed',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'netbox.authentication.user_default_groups_handler',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
)
