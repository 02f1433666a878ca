# services.netbox of the host module (package netbox from nixpkgs, unixSocket /run/netbox/netbox.sock) as
# nixpkgs renders it into configuration.py; ALLOWED_HOSTS is nixpkgs' default; database, Redis and path
# defaults are left out here.
ALLOWED_HOSTS = ["*"]
with open("/run/agenix/netbox-secret", "r") as file:
    SECRET_KEY = file.readline()

CSRF_TRUSTED_ORIGINS = ["https://netbox.example.org"]
REMOTE_AUTH_AUTO_CREATE_GROUPS = True
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_BACKEND = "social_core.backends.open_id_connect.OpenIdConnectAuth"
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_GROUP_HEADER = "HTTP_X_GROUPS"
REMOTE_AUTH_GROUP_SEPARATOR = ","
REMOTE_AUTH_GROUP_SYNC_ENABLED = True
REMOTE_AUTH_HEADER = "HTTP_X_USER"
REMOTE_AUTH_SUPERUSER_GROUPS = ["admin"]
REMOTE_AUTH_USER_EMAIL = "HTTP_X_EMAIL"

LOGIN_FORM_HIDDEN = "true"

SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = "https://login.example.org"
SOCIAL_AUTH_OIDC_KEY = "netbox"
SOCIAL_AUTH_OIDC_SCOPE = ["groups"]

# extraConfig
with open("/run/agenix/netbox-oauth-secret", "r") as file:
    SOCIAL_AUTH_OIDC_SECRET = file.readline()
