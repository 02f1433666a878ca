"""Azure (branch) configuration file"""
import os

#########################
#   Required settings   #
#########################

ALLOWED_HOSTS = [
    '*'
]

SECRET_KEY = os.environ['SECRET_KEY']

# Set to True to enable server debugging. Never enable debugging on a production system.
DEBUG = os.environ['NETBOX_DEBUG']

# PostgreSQL database configuration.
DATABASE = {
    'NAME':     os.environ['DB_NAME'],     # Database name
    'USER':     os.environ['DB_USER'],     # PostgreSQL username
    'PASSWORD': os.environ['DB_PASSWORD'], # PostgreSQL password
    'HOST':     os.environ['DB_HOST'],     # Database server
    'PORT':     os.environ['DB_PORT'],     # Database port (leave blank for default)
}

# Redis database settings. Separate sections for webhooks and caching allow for connecting to separate
# Redis instances/databases if desired. Full connection details are required in both sections.
REDIS = {
    'webhooks': {
        'HOST': os.environ['REDIS_HOST'],
        'PORT': os.environ['REDIS_PORT'],
        'PASSWORD': os.environ['REDIS_PASSWORD'],
        'DATABASE': 0,
        'DEFAULT_TIMEOUT': 1,
        'SSL': os.environ['REDIS_SSL'],
    },
    'caching': {
        'HOST': os.environ['REDIS_HOST'],
        'PORT': os.environ['REDIS_PORT'],
        'PASSWORD': os.environ['REDIS_PASSWORD'],
        'DATABASE': 0,
        'DEFAULT_TIMEOUT': 1,
        'SSL': os.environ['REDIS_SSL'],
    }
}

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

CORS_ORIGIN_ALLOW_ALL = os.environ['CORS_ORIGIN_ALLOW_ALL']
CORS_ORIGIN_WHITELIST = [
]
CORS_ORIGIN_REGEX_WHITELIST = [
]

EMAIL = {
    'SERVER': 'localhost',
    'PORT': 25,
    'USERNAME': '',
    'PASSWORD': '',
    'TIMEOUT': 10,  # seconds
    'FROM_EMAIL': '',
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

PREFER_IPV4 = False

SESSION_FILE_PATH = None

TIME_ZONE = 'UTC'

# The webhooks backend is disabled by default. Set this to True to enable it.
WEBHOOKS_ENABLED = False

DATE_FORMAT = 'N j, Y'
SHORT_DATE_FORMAT = 'Y-m-d'
TIME_FORMAT = 'g:i a'
SHORT_TIME_FORMAT = 'H:i:s'
DATETIME_FORMAT = 'N j, Y g:i a'
SHORT_DATETIME_FORMAT = 'Y-m-d H:i'
