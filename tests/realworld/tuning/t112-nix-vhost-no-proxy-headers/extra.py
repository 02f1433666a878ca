# the NixOS module's services.netbox.settings, as it writes them, then extraConfig
ALLOWED_HOSTS = ["ipam.example.com"]
REMOTE_AUTH_BACKEND = "social_core.backends.open_id_connect.OpenIdConnectAuth"
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = "https://idm.example.com/oauth2/openid/ipam"
SOCIAL_AUTH_OIDC_KEY = "ipam"
SOCIAL_AUTH_OIDC_JWT_ALGORITHMS = ["ES256"]
from os import environ
SOCIAL_AUTH_OIDC_SECRET = environ.get("OIDC_SECRET")
