# services.netbox of the host module (package netbox_3_7) as nixpkgs renders it into configuration.py:
# ALLOWED_HOSTS is nixpkgs' default; its database, Redis and path defaults are left out here.
ALLOWED_HOSTS = ["*"]
with open("/run/secrets/netbox/secret_key", "r") as file:
    SECRET_KEY = file.readline()

# extraConfig
REMOTE_AUTH_ENABLED = True;
REMOTE_AUTH_HEADER = 'HTTP_X_AUTH_REMOTE_USER';
REMOTE_AUTH_AUTO_CREATE_USER = True;
