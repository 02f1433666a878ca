# Enable installed plugins. Add the name of each plugin to the list.
PLUGINS = [
    "netbox_topology_views",
    'netbox_interface_sync',
    'netbox_qrcode',
]

# Plugins configuration settings. These settings are used by various plugins that the user may have installed.
# Each key in the dictionary is the name of an installed plugin and its value is a dictionary of settings.
PLUGINS_CONFIG = {
    'netbox_qrcode': {
        'with_text': True,
        'text_fields': ['name', 'serial'],
        'font': 'TahomaBold',
        'custom_text': 'Property of Example Networks',
        'text_location': 'right',
        'qr_version': 1,
        'qr_error_correction': 1,
        'qr_box_size': 4,
        'qr_border': 4,
        # per object options
        'cable': {
            'text_fields': [
                '_termination_a_device',
                'termination_a',
                '_termination_b_device',
                'termination_b'
        ]},
        'rack': None,
        'device': {
            'qr_box_size': 6,
        }
    }
}
