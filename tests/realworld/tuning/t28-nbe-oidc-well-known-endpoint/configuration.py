# NetBox Python configuration overrides: generic OpenID Connect sign-on
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'
SOCIAL_AUTH_OIDC_KEY = 'nbe-inventory'
SOCIAL_AUTH_OIDC_SECRET = 'q8Zr2mVt5LwX0cYp7NdK4sHf'
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://login.orbit-ops.example/.well-known/openid-configuration'

# Session lifetime for standard deployments (24 hours)
SESSION_COOKIE_AGE = 86400
