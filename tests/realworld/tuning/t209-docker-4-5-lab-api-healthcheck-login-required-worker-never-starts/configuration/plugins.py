PLUGINS = [
    'netbox_bgp',
]

PLUGINS_CONFIG = {
    'netbox_bgp': {
        # show the device's BGP sessions in a device tab
        'device_ext_page': 'right',
    },
}
