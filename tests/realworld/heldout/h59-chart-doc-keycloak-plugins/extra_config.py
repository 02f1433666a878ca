# netbox-chart values.yaml, extraConfig[0].values, written as the settings the chart makes of them
# ... (the OpenID Connect settings of the same block, not shown on the page)

PLUGINS = [
    'netbox_attachments',
    'netbox_topology_views',
    'netbox_secrets',
    'netbox_reorder_rack',
    'netbox_lists',
    'netbox_inventory',
    'netbox_custom_objects',
    'validity',
    'netbox_dns',
]

# Only needed for the Data Source validator of "validity"
CUSTOM_VALIDATORS = {
    'core.datasource': [
        'validity.custom_validators.DataSourceValidator',
    ],
}
