# services.netbox of the host module (package netbox_3_6) as nixpkgs renders it into configuration.py:
# the module's own defaults (database, Redis, paths) are left out; secretKeyFile is read by nixpkgs' extraConfig.
ALLOWED_HOSTS = ["*"]
with open("/run/agenix/netbox_secret", "r") as file:
    SECRET_KEY = file.readline()
