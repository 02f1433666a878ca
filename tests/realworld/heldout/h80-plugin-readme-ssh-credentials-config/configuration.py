PLUGINS = [
    'netbox_save_download',
]

PLUGINS_CONFIG = {
    'netbox_save_download': {
        'ssh_username': 'netops',
        'ssh_password': 'change-me',
    }
}
