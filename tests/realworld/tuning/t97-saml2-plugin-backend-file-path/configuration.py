# the plugin's backends.py, modified and placed next to this file
REMOTE_AUTH_BACKEND = '/etc/netbox/config/backends.py'
