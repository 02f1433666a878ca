#!/usr/bin/env python
# /etc/netbox/config/configuration.docker.py from the same ConfigMap (key configuration.docker.py)
import os

DATABASE = {
    'NAME': os.environ.get('DB_NAME', 'netbox'),
    'USER': os.environ.get('DB_USER', 'netbox'),
    'PASSWORD': os.environ.get('DB_PASSWORD', ''),
    'HOST': os.environ.get('DB_HOST', 'netbox-db'),
    'PORT': int(os.environ.get('DB_PORT', 5432)),
    'CONN_MAX_AGE': int(os.environ.get('DB_CONN_MAX_AGE', 300)),
}

REDIS = {
    'tasks': {
        'HOST': os.environ.get('REDIS_HOST', 'netbox-valkey'),
        'PORT': int(os.environ.get('REDIS_PORT', 6379)),
        'PASSWORD': os.environ.get('REDIS_PASSWORD', ''),
        'DATABASE': 0,
        'CONN_MAX_AGE': int(os.environ.get('REDIS_CONN_MAX_AGE', 300)),
        'SSL': os.environ.get('REDIS_SSL', 'false').lower() == 'true',
    },
    'caching': {
        'HOST': os.environ.get('REDIS_CACHE_HOST', 'netbox-valkey-cache'),
        'PORT': int(os.environ.get('REDIS_CACHE_PORT', 6379)),
        'PASSWORD': os.environ.get('REDIS_CACHE_PASSWORD', ''),
        'DATABASE': 1,
        'CONN_MAX_AGE': int(os.environ.get('REDIS_CACHE_CONN_MAX_AGE', 300)),
        'SSL': os.environ.get('REDIS_CACHE_SSL', 'false').lower() == 'true',
    }
}
