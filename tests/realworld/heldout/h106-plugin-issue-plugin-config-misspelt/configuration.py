PLUGINS = ['netbox_config_backup']

PLUGIN_CONFIG = {
    'netbox_config_backup': {
        # Parent folder must exist and be writable by your RQ worker and readable by the WSGI process
        'repository': '/srv/netbox-backups',
    },
}
