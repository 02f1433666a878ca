from os import environ

PLUGINS = ["netbox_diode_plugin"]

# The netbox-to-diode client secret comes from the mounted secrets file,
# secrets/netbox_to_diode_client_secret.txt bind-mounted at
# /run/secrets/netbox_to_diode (see docker-compose.yml).
_netbox_to_diode_secret = ""
try:
    with open("/run/secrets/netbox_to_diode") as _f:
        _netbox_to_diode_secret = _f.readline().strip()
except OSError:
    pass

PLUGINS_CONFIG = {
    "netbox_diode_plugin": {
        "diode_target_override": environ.get(
            "DIODE_TARGET_OVERRIDE", "grpc://ingress-nginx:80/diode"
        ),
        "diode_username": "diode",
        "netbox_to_diode_client_secret": _netbox_to_diode_secret,
    }
}
