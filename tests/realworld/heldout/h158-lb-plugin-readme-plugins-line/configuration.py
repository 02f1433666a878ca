PLUGINS = [
    'netbox_loadbalancer'
]
