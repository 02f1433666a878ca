#########################
#   Required settings   #
#########################

import os
BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Example: ALLOWED_HOSTS = ['netbox.example.com', 'netbox.internal.local']
ALLOWED_HOSTS = os.environ.get('ALLOWED_HOSTS', '')

# PostgreSQL database configuration (the PaaS add-on's variables)
DATABASE = {
    'NAME': os.environ.get('POSTGRESQL_ADDON_DB', 'inventory'),
    'USER': os.environ.get('POSTGRESQL_ADDON_USER', 'inventory'),
    'PASSWORD': os.environ.get('POSTGRESQL_ADDON_PASSWORD', 'inventory'),
    'HOST': os.environ.get('POSTGRESQL_ADDON_HOST', 'localhost'),
    'PORT': os.environ.get('POSTGRESQL_ADDON_PORT', 5432),
    'CONN_MAX_AGE': 300,      # Max database connection age
}

REDIS = {
    'tasks': {
        'HOST': os.environ.get('REDIS_HOST', '127.0.0.1'),
        'PORT': int(os.environ.get('REDIS_PORT', '6379')),
        'PASSWORD': os.environ.get('REDIS_PASSWORD', ''),
        'DATABASE': 1,
        'DEFAULT_TIMEOUT': 300,
        'SSL': False,
    },
    'caching': {
        'HOST': os.environ.get('REDIS_HOST', '127.0.0.1'),
        'PORT': int(os.environ.get('REDIS_PORT', '6379')),
        'PASSWORD': os.environ.get('REDIS_PASSWORD', ''),
        'DATABASE': 2,
        'DEFAULT_TIMEOUT': 300,
        'SSL': False,
    }
}

SECRET_KEY = os.environ.get('SECRET_KEY', '')


#########################
#   Optional settings   #
#########################

ADMINS = [
]

BANNER_TOP = ''
BANNER_BOTTOM = ''
BANNER_LOGIN = ''

BASE_PATH = ''

CACHE_TIMEOUT = 900

CHANGELOG_RETENTION = 90

CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = [
]
CORS_ORIGIN_REGEX_WHITELIST = [
]

# Set to True to enable server debugging. Never enable debugging on a production system.
DEBUG = os.environ.get('DEBUG', 'true').lower() == 'true'

EMAIL = {
    'SERVER': os.environ.get('EMAIL_SERVER', 'localhost'),
    'PORT': int(os.environ.get('EMAIL_PORT', '25')),
    'USERNAME': os.environ.get('EMAIL_USERNAME', ''),
    'PASSWORD': os.environ.get('EMAIL_PASSWORD', ''),
    'TIMEOUT': 10,  # seconds
    'FROM_EMAIL': os.environ.get('EMAIL_FROM_EMAIL', ''),
}

ENFORCE_GLOBAL_UNIQUE = False

EXEMPT_VIEW_PERMISSIONS = [
]

LOGGING = {}

LOGIN_REQUIRED = False

LOGIN_TIMEOUT = None

MAINTENANCE_MODE = False

MAX_PAGE_SIZE = 1000

METRICS_ENABLED = False

NAPALM_USERNAME = ''
NAPALM_PASSWORD = ''
NAPALM_TIMEOUT = 30
NAPALM_ARGS = {}

PAGINATE_COUNT = 50

PLUGINS = []

PREFER_IPV4 = False

# Remote authentication support
REMOTE_AUTH_ENABLED = False
REMOTE_AUTH_BACKEND = 'utilities.auth_backends.RemoteUserBackend'
REMOTE_AUTH_HEADER = 'HTTP_REMOTE_USER'
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_DEFAULT_GROUPS = []
REMOTE_AUTH_DEFAULT_PERMISSIONS = []

RELEASE_CHECK_TIMEOUT = 24 * 3600

RELEASE_CHECK_URL = None

SESSION_FILE_PATH = None

TIME_ZONE = 'UTC'

DATE_FORMAT = 'N j, Y'
SHORT_DATE_FORMAT = 'Y-m-d'
TIME_FORMAT = 'g:i a'
SHORT_TIME_FORMAT = 'H:i:s'
DATETIME_FORMAT = 'N j, Y g:i a'
SHORT_DATETIME_FORMAT = 'Y-m-d H:i'

STATIC_URL = '/static/'
STATIC_ROOT = os.path.join(BASE_DIR, 'static')
STATICFILES_DIRS = [
    os.path.join(BASE_DIR, 'netbox', "static"),
]
