#########################
#   Required settings   #
#########################

ALLOWED_HOSTS = [ "netbox.example.org" ]

DATABASE = {
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': 'Kq4-role-db-Pass-279',
    'HOST': 'localhost',
    'PORT': '',
    'CONN_MAX_AGE': 300,
}

REDIS = {
    'tasks': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': 'Rv8-role-redis-Pass-279',
        'DATABASE': 0,
        'RQ_DEFAULT_TIMEOUT': 300,
        'SSL': False,
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': 'Rv8-role-redis-Pass-279',
        'DATABASE': 1,
        'RQ_DEFAULT_TIMEOUT': 300,
        'SSL': False,
    }
}

SECRET_KEY = 'w3Ry!8qLz0Np5Tb2Vx7Kc4Hj9Md6Sf1Ga3Ue8Io5Py2Qw7Er4Tz'


#########################
#   Optional settings   #
#########################

ADMINS = [
    ['NetBox Admin', 'netbox-admin@example.org'],
]

ALLOWED_URL_SCHEMES = (
    'file', 'ftp', 'ftps', 'http', 'https', 'irc', 'mailto', 'sftp', 'ssh', 'tel', 'telnet', 'tftp', 'vnc', 'xmpp',
)

BANNER_TOP = ''
BANNER_BOTTOM = ''

BANNER_LOGIN = ''

BASE_PATH = ''

CACHE_TIMEOUT = 900

CHANGELOG_RETENTION = 365

CORS_ORIGIN_ALLOW_ALL = False

DEBUG = False

EMAIL = {
    'SERVER': 'localhost',
    'PORT': 25,
    'USERNAME': '',
    'PASSWORD': '',
    'USE_SSL': False,
    'USE_TLS': False,
    'TIMEOUT': 10,  # seconds
    'FROM_EMAIL': '',
}

ENFORCE_GLOBAL_UNIQUE = False

INTERNAL_IPS = ('127.0.0.1', '::1')

LOGGING = {}

LOGIN_REQUIRED = True

LOGIN_TIMEOUT = 1209600

MAINTENANCE_MODE = False

MAX_PAGE_SIZE = 1000

MEDIA_ROOT = '/srv/www/netbox/netbox/media'

METRICS_ENABLED = False

NAPALM_USERNAME = ''
NAPALM_PASSWORD = ''

NAPALM_TIMEOUT = 30

NAPALM_ARGS = {}

PAGINATE_COUNT = 50

PLUGINS = [
]

PLUGINS_CONFIG = {
}

PREFER_IPV4 = False

RACK_ELEVATION_DEFAULT_UNIT_HEIGHT = 22
RACK_ELEVATION_DEFAULT_UNIT_WIDTH = 220

REMOTE_AUTH_ENABLED = False
REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'
REMOTE_AUTH_HEADER = 'HTTP_REMOTE_USER'
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_DEFAULT_GROUPS = []
REMOTE_AUTH_DEFAULT_PERMISSIONS = {}

RELEASE_CHECK_TIMEOUT = 24 * 3600

RELEASE_CHECK_URL = None

REPORTS_ROOT = '/srv/www/netbox/netbox/reports'

SCRIPTS_ROOT = '/srv/www/netbox/netbox/scripts'

SESSION_FILE_PATH = None

TIME_ZONE = 'Europe/Prague'

DATE_FORMAT = 'N j, Y'
SHORT_DATE_FORMAT = 'Y-m-d'
TIME_FORMAT = 'g:i a'
SHORT_TIME_FORMAT = 'H:i:s'
DATETIME_FORMAT = 'N j, Y g:i a'
SHORT_DATETIME_FORMAT = 'Y-m-d H:i'
