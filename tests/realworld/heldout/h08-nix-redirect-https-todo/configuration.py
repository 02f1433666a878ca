CSRF_TRUSTED_ORIGINS = [
    "https://netbox.home.example",
    "http://netbox.service.consul:8000",
]
METRICS_ENABLED = True
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = "social_core.backends.open_id_connect.OpenIdConnectAuth"
# TODO fix this by configuring the X-Forwarded-Proto to come through properly
SOCIAL_AUTH_REDIRECT_IS_HTTPS = True
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = "https://auth.home.example"
SOCIAL_AUTH_OIDC_KEY = "netbox"
SOCIAL_AUTH_OIDC_SCOPE = ["groups"]
REMOTE_AUTH_STAFF_GROUPS = ["admins"]
