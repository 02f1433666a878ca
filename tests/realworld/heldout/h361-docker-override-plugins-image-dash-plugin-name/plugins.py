PLUGINS = [

    "netbox-floorplan-plugin",

]

PLUGINS_CONFIG = {
    "netbox_floorplan": {
        "default_size": 10,
    },

}
