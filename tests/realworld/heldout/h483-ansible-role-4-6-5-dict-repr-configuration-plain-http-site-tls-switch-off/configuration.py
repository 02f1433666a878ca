# Managed by Ansible: local edits are overwritten on the next run.

# rendered from roles/netbox/templates/configuration.py.j2

ALLOWED_HOSTS = ['localhost', 'ipam.home.arpa']

DATABASE = {'NAME': 'netbox', 'USER': 'netbox', 'PASSWORD': 'tP6wq2Zr9LmX4cV7sKe1', 'HOST': 'localhost', 'PORT': 5432, 'CONN_MAX_AGE': 300}

REDIS = {'tasks': {'HOST': 'localhost', 'PORT': 6379, 'PASSWORD': 'Gm3xR8vQ1nZt5YwL7pHc', 'DATABASE': 1, 'SSL': False}, 'caching': {'HOST': 'localhost', 'PORT': 6379, 'PASSWORD': 'Gm3xR8vQ1nZt5YwL7pHc', 'DATABASE': 0, 'SSL': False}}

SECRET_KEY = 'AGUrslf2I7aLj9GMv5exSJP9zGhDb9AVND5bU0b1EiDLfxhkeW43LJ75TZRt'

API_TOKEN_PEPPERS = {
    1: "7Ub3w2L4X4iFKZdLrn4z\u0026Cmqn(q8E3(Un^jcavlSuyk1ojvzkQx\u0026",
}

TIME_ZONE = 'Pacific/Auckland'
PLUGINS = ['netbox_ping']
PLUGINS_CONFIG = {'netbox_ping': {'default_timeout': 800, 'default_packet_size': 56}}
