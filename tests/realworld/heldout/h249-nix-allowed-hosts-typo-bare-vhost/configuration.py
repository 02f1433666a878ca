# services.netbox of the host module (package netbox from nixpkgs) as nixpkgs renders it into configuration.py:
# ALLOWED_HOSTS is nixpkgs' default, the module's own setting is below; database, Redis and path defaults are
# left out here.
ALLOWED_HOSTS = ["*"]
with open("/var/lib/netbox/secret-key-file", "r") as file:
    SECRET_KEY = file.readline()

ALLOWES_HOSTS = ["netbox.example.org"]
