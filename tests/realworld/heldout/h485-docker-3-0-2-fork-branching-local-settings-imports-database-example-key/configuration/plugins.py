# Plugins and their settings go here.
# Every plugin named below has to be installed in the image first
# (netbox-docker's wiki, "Using NetBox Plugins").

# PLUGINS = ["netbox_bgp"]

# PLUGINS_CONFIG = {
#   "netbox_bgp": {
#     ...
#   }
# }

PLUGINS = [
    'netbox_branching',
]
