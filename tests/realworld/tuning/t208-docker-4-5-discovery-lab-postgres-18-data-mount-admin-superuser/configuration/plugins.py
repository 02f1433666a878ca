# NetBox plugins: Diode for discovery mode
# https://github.com/netboxlabs/diode-netbox-plugin

PLUGINS = [
    "netbox_diode_plugin",
    "validity",
]

# PLUGINS_CONFIG lives in configuration.py and reads its secrets from the
# environment (env/netbox.generated.env among others); nothing is set here.
