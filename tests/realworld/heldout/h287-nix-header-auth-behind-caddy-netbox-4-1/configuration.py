# services.netbox.settings of the host module (package netbox_4_1) as nixpkgs renders them into configuration.py;
# the module's own defaults (database, Redis, paths) are left out; secretKeyFile is read by nixpkgs' extraConfig.
ALLOWED_HOSTS = [
    "netbox.example.net",
    "netbox.service.consul",
    "10.0.2.41",
    "[2001:db8:167f:d062::41]",
]
CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = ["https://netbox.example.net"]
CSRF_TRUSTED_ORIGINS = [
    "https://netbox.example.net",
    "http://netbox.service.consul:8000",
]
METRICS_ENABLED = True
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = "netbox.authentication.RemoteUserBackend"
REMOTE_AUTH_HEADER = "HTTP_REMOTE_USER"
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_GROUP_HEADER = "HTTP_REMOTE_GROUPS"
REMOTE_AUTH_GROUP_SYNC_ENABLED = True
REMOTE_AUTH_GROUP_SEPARATOR = ","
REMOTE_AUTH_SUPERUSER_GROUPS = ["admins"]
REMOTE_AUTH_STAFF_GROUPS = ["admins"]
with open("/run/secrets/netbox/secret_key", "r") as file:
    SECRET_KEY = file.readline()
