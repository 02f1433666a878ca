# configuration.py: NetBox's Django settings (rendered by Ansible)
# Mounted over the image's /etc/netbox/config/configuration.py, so everything NetBox needs is set here;
# the image's own environment-driven settings no longer apply.

from os import environ

SECRET_KEY = environ.get('SECRET_KEY', '')

DATABASE = {
    'NAME': environ.get('DB_NAME', 'netbox'),
    'USER': environ.get('DB_USER', 'netbox'),
    'PASSWORD': environ.get('DB_PASSWORD', ''),
    'HOST': environ.get('DB_HOST', 'netbox-postgres'),
    'PORT': int(environ.get('DB_PORT', '5432')),
    'CONN_MAX_AGE': 300,
}

REDIS = {
    'tasks': {
        'HOST': environ.get('REDIS_HOST', 'netbox-redis'),
        'PORT': int(environ.get('REDIS_PORT', '6379')),
        'USERNAME': '',
        'PASSWORD': environ.get('REDIS_PASSWORD', ''),
        'DATABASE': int(environ.get('REDIS_DATABASE', '0')),
        'SSL': False,
    },
    'caching': {
        'HOST': environ.get('REDIS_CACHE_HOST', environ.get('REDIS_HOST', 'netbox-redis')),
        'PORT': int(environ.get('REDIS_CACHE_PORT', environ.get('REDIS_PORT', '6379'))),
        'USERNAME': '',
        'PASSWORD': environ.get('REDIS_CACHE_PASSWORD', environ.get('REDIS_PASSWORD', '')),
        'DATABASE': int(environ.get('REDIS_CACHE_DATABASE', '1')),
        'SSL': False,
    },
}

ALLOWED_HOSTS = [
    'medialab.example-media.net',
    'localhost',
    '127.0.0.1',
    '::1',
]

PLUGINS = [
    'netbox_topology_views',
]

PLUGINS_CONFIG = {
    'netbox_topology_views': {
        'static_image_directory': 'netbox_topology_views/img',
        'allow_coordinates_saving': True,
        'always_save_coordinates': True,
    }
}

# CORS: API calls from our own domain only
CORS_ORIGIN_WHITELIST = [
    'https://medialab.example-media.net',
]
