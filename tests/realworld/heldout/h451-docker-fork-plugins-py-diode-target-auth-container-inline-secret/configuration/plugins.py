# Plugins and their settings go here.
# Uncomment what you need.

# Building an image with the plugins installed is described on
# netbox-docker's wiki page "Using Netbox Plugins".

# PLUGINS = ["netbox_bgp"]

# PLUGINS_CONFIG = {
#   "netbox_bgp": {
#     SETTINGS GO HERE
#   }
# }

PLUGINS = [
    "netbox_diode_plugin",
]

PLUGINS_CONFIG = {
    "netbox_diode_plugin": {
        # gRPC target of the Diode server
        "diode_target_override": "grpc://discovery-diode-auth-1:8080/diode",

        # user that changes applied through the plugin are recorded under
        "diode_username": "diode-ingest",

        # client secret of netbox-to-diode, printed by Diode's bootstrap
        "netbox_to_diode_client_secret": "+npXLHSoucaWkqNA2Cq0b+ZB/INgqRByGeP9hyEwiog="
    },
}
