PLUGINS = [
    'netbox_qrcode',
    'netbox_dns',
    'netbox_inventory',
    'netbox_topology_views',
]

PLUGINS_CONFIG = {
    'netbox_qrcode': {
        'with_text': True,
        'text_fields': ['name', 'serial'],
        'custom_text': 'Property of Example Org',
        'qr_box_size': 4,
        'cable': None,
        'device': {
            'qr_box_size': 6,
        },
    },
}
