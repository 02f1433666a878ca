REMOTE_AUTH_BACKEND = "social_core.backends.open_id_connect.OpenIdConnectAuth"
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = "https://quant.example.org/idp"
SOCIAL_AUTH_OIDC_KEY = "oidc-key"
SOCIAL_AUTH_OIDC_SECRET = "oidc-secret-here"

SOCIAL_AUTH_PROTECTED_USER_FIELDS = [
    "groups"
]
SOCIAL_AUTH_REDIRECT_IS_HTTPS = True
