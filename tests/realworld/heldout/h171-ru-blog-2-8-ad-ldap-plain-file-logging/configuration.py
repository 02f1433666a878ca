#########################
#                       #
#   Required settings   #
#                       #
#########################

ALLOWED_HOSTS = [
    'netbox.lab.example.ru',
    'netbox.lab.example.local',
    '127.0.0.1',
    '192.0.2.110'
]

DATABASE = {
    'NAME': 'netbox',         # Database name
    'USER': 'netbox',               # PostgreSQL username
    'PASSWORD': 'Kx7-db-Passw0rd',           # PostgreSQL password
    'HOST': 'localhost',      # Database server
    'PORT': '',               # Database port (leave blank for default)
    'CONN_MAX_AGE': 300,      # Max database connection age
}

REDIS = {
    'tasks': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': '',
        'DATABASE': 0,
        'DEFAULT_TIMEOUT': 300,
        'SSL': False,
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': '',
        'DATABASE': 1,
        'DEFAULT_TIMEOUT': 300,
        'SSL': False,
    }
}

SECRET_KEY = 'verysecretkey'


#########################
#                       #
#   Optional settings   #
#                       #
#########################

BASE_PATH = ''

CACHE_TIMEOUT = 900

CHANGELOG_RETENTION = 90

CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = [
    'https://netbox.lab.example.ru',
    'https://netbox.lab.example.local',
    'http://netbox.lab.example.ru',
    'http://netbox.lab.example.local',
]

DEBUG = False

LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'handlers': {
         'file': {
             'level': 'INFO',
             'class': 'logging.FileHandler',
             'filename': '/var/log/netbox.log',
         },
     },
     'loggers': {
         'django': {
             'handlers': ['file'],
             'level': 'INFO',
         },
     },
}

LOGIN_REQUIRED = True

LOGIN_TIMEOUT = 3600

MEDIA_ROOT = '/opt/netbox/netbox/media'

METRICS_ENABLED = True

NAPALM_USERNAME = ''
NAPALM_PASSWORD = ''
NAPALM_TIMEOUT = 30
NAPALM_ARGS = {}

PAGINATE_COUNT = 50

PLUGINS = []

# Remote authentication support
REMOTE_AUTH_ENABLED = False
REMOTE_AUTH_BACKEND = 'utilities.auth_backends.RemoteUserBackend'
REMOTE_AUTH_HEADER = 'HTTP_REMOTE_USER'
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_DEFAULT_GROUPS = []
REMOTE_AUTH_DEFAULT_PERMISSIONS = []

RELEASE_CHECK_TIMEOUT = 24 * 3600
RELEASE_CHECK_URL = 'https://api.github.com/repos/netbox-community/netbox/releases'

SESSION_FILE_PATH = None

TIME_ZONE = 'Europe/Moscow'

DATE_FORMAT = 'N j, Y'
SHORT_DATE_FORMAT = 'Y-m-d'
TIME_FORMAT = 'g:i a'
SHORT_TIME_FORMAT = 'H:i:s'
DATETIME_FORMAT = 'N j, Y g:i a'
SHORT_DATETIME_FORMAT = 'Y-m-d H:i'
