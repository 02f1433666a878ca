####
## This file contains extra configuration options that can't be configured
## directly through environment variables.
####

## Enable installed plugins. Add the name of each plugin to the list.
# from netbox.configuration.configuration import PLUGINS
# PLUGINS.append('my_plugin')

# BEGIN PLANT LOCAL SETTINGS

# Local time zone of the plant.
TIME_ZONE = "Europe/Vienna"

# Send the Site and Device "Map" buttons to the local map plugin.
MAPS_URL = (
    "https://netbox.plant.example.net/"
    "plugins/map/sitemap/?q="
)

# Turn off NetBox functions that need Internet access.
ISOLATED_DEPLOYMENT = True

# The Copilot feature is not used in the isolated network.
COPILOT_ENABLED = False

# No release check against GitHub.
RELEASE_CHECK_URL = None

# Prefer the IPv4 address when choosing a primary IP.
PREFER_IPV4 = True

# END PLANT LOCAL SETTINGS
