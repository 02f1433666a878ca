# NetBox configuration, rendered by the homelab's Ansible role (managed file)

#########################
#   Required settings   #
#########################

ALLOWED_HOSTS = [
    'localhost',
    '127.0.0.1',
    '192.0.2.41',
]

# CSRF trusted origins for a reverse proxy with HTTPS (none given in this inventory)
CSRF_TRUSTED_ORIGINS = [
]

DATABASE = {
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': 'Vq7-lxc-db-Password-41',
    'HOST': 'localhost',
    'PORT': '',
    'CONN_MAX_AGE': 300,
}

REDIS = {
    'tasks': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': '',
        'DATABASE': 0,
        'SSL': False,
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': '',
        'DATABASE': 1,
        'SSL': False,
    }
}

SECRET_KEY = 'p4L9x-Wq2!mZr8TnV6cYs3KdJh0uB5eGa7NfRw1QzXo9Lk2Mv4'

#########################
#   Optional settings   #
#########################

ADMINS = [
]

BASE_PATH = ''

SECURE_HSTS_SECONDS = 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False

DEBUG = False

EMAIL = {
    'SERVER': 'localhost',
    'PORT': 25,
    'USERNAME': '',
    'PASSWORD': '',
    'USE_SSL': False,
    'USE_TLS': False,
    'TIMEOUT': 10,
    'FROM_EMAIL': '',
}

MAINTENANCE_MODE = False

INTERNAL_IPS = ('127.0.0.1', '::1')

LOGGING = {}

MEDIA_ROOT = '/opt/netbox/netbox/media'

CHANGELOG_RETENTION = 90

CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = [
]
CORS_ORIGIN_REGEX_WHITELIST = [
]

TIME_ZONE = 'UTC'

DATE_FORMAT = 'N j, Y'
SHORT_DATE_FORMAT = 'Y-m-d'
TIME_FORMAT = 'g:i a'
SHORT_TIME_FORMAT = 'H:i:s'
DATETIME_FORMAT = 'N j, Y g:i a'
SHORT_DATETIME_FORMAT = 'Y-m-d H:i'
