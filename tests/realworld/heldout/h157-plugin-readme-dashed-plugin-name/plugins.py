PLUGINS = [
    'netbox-activedirectory'
]

PLUGINS_CONFIG = {
    "netbox-activedirectory": {},
}
