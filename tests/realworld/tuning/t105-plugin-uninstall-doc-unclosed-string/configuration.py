PLUGINS = [
    #"netbox_device_groups",
    'other plugins here',
]
PLUGINS_CONFIG = {
    # "netbox_device_groups": {
    #     "USERNAME": "alice",
    #     "PASSWORD": "secret",
    # }
    'other plugins here':{
        'other plugin': 'variable
    },
}
