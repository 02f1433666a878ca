# services.netbox of the host module (package netbox from nixpkgs) as nixpkgs renders it into configuration.py;
# its database, Redis and path defaults are left out here.
ALLOWED_HOSTS = ["netbox.example.net"]
with open("/run/secrets/netbox/secret_key", "r") as file:
    SECRET_KEY = file.readline()

# Remote authentication support
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = "social_core.backends.open_id_connect.OpenIdConnectAuth"
REMOTE_AUTH_HEADER = "HTTP_REMOTE_USER"
REMOTE_AUTH_USER_FIRST_NAME = "HTTP_REMOTE_USER_FIRST_NAME"
REMOTE_AUTH_USER_LAST_NAME = "HTTP_REMOTE_USER_LAST_NAME"
REMOTE_AUTH_USER_EMAIL = "HTTP_REMOTE_USER_EMAIL"
REMOTE_AUTH_AUTO_CREATE_USER = True
SOCIAL_AUTH_OIDC_ENDPOINT = "https://sso.example.net"
SOCIAL_AUTH_OIDC_KEY = "3f6b1c0e-8d2a-4e7f-9a51-2c4d6e8f0a1b"
LOGOUT_REDIRECT_URL = "https://netbox.example.net"
PLUGINS = ["netbox_topology_views"]

# extraConfig
from os import environ
SOCIAL_AUTH_OIDC_SECRET = environ.get('SOCIAL_AUTH_OIDC_SECRET')
