# services.netbox of the host module (package netbox from nixpkgs) as nixpkgs renders it into configuration.py:
# the host's ALLOWED_HOSTS replaces the module's default ["*"]; database, Redis and path defaults are left out here.
with open("/run/secrets/netbox/secret_key", "r") as file:
    SECRET_KEY = file.readline()

ALLOWED_HOSTS = ["netbox.lab-example.net"]
