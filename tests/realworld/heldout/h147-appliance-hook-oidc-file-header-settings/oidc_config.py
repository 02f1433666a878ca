
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_AUTO_CREATE_USER = True

REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'

SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = '{{ oidc_endpoint }}'
SOCIAL_AUTH_OIDC_KEY = '{{ oidc_client_id }}'
SOCIAL_AUTH_OIDC_SECRET = '{{ oidc_client_secret }}'
SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['groups']
SOCIAL_AUTH_REDIRECT_IS_HTTPS = True
