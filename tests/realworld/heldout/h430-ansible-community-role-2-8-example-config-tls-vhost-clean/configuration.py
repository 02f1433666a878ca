#########################
#   Required settings   #
#########################

# Valid FQDNs for the NetBox server; the first is treated as the preferred name.
ALLOWED_HOSTS = ['netbox.fflab']

# PostgreSQL database configuration.
DATABASE = {
    'NAME': 'netbox',               # Database name
    'USER': 'netbox',               # PostgreSQL username
    'PASSWORD': 'wq3Hf8Zr2LmT6cVb',           # PostgreSQL password
    'HOST': 'localhost',      # Database server
    'PORT': '',               # Database port (leave blank for default)
    'CONN_MAX_AGE': 300,      # Max database connection age
}

# Redis: one section for queued tasks, one for caching, on separate database IDs.
REDIS = {
    'tasks': {
        'HOST': 'localhost',
        'PORT': 6379,
        # For Redis Sentinel, comment out HOST and PORT and set these instead
        # 'SENTINELS': [('mysentinel.redis.example.com', 6379)],
        # 'SENTINEL_SERVICE': 'netbox',
        'PASSWORD': '',
        'DATABASE': 0,
        'DEFAULT_TIMEOUT': 300,
        'SSL': False,
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        # For Redis Sentinel, comment out HOST and PORT and set these instead
        # 'SENTINELS': [('mysentinel.redis.example.com', 6379)],
        # 'SENTINEL_SERVICE': 'netbox',
        'PASSWORD': '',
        'DATABASE': 1,
        'DEFAULT_TIMEOUT': 300,
        'SSL': False,
    }
}

# Used for secure generation of random numbers and strings; at least 50 characters.
SECRET_KEY = 'pV7#kq2!Lx9@dWm4^Rt8&Zc1*Hs6(Ny3)Bf5-Gj0_Qe2+Ua7=Xo4'


#########################
#   Optional settings   #
#########################

ADMINS = [
    # ['John Doe', 'jdoe@example.com'],
]

# URL schemes that are allowed within links in NetBox
ALLOWED_URL_SCHEMES = (
    'file', 'ftp', 'ftps', 'http', 'https', 'irc', 'mailto', 'sftp', 'ssh', 'tel', 'telnet', 'tftp', 'vnc', 'xmpp',
)

# Banners at the top and bottom of every page, and on the login page. HTML is allowed.
BANNER_TOP = ''
BANNER_BOTTOM = ''
BANNER_LOGIN = ''

# Base URL path if NetBox is served within a directory, e.g. 'netbox/'
BASE_PATH = ''

# Cache timeout in seconds (0 disables caching)
CACHE_TIMEOUT = 900

# Days to retain logged changes (0 retains them indefinitely)
CHANGELOG_RETENTION = 90

# API Cross-Origin Resource Sharing (CORS) settings
CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = [
    # 'https://hostname.example.com',
]
CORS_ORIGIN_REGEX_WHITELIST = [
    # r'^(https?://)?(\w+\.)?example\.com$',
]

# Never enable debugging on a production system.
DEBUG = False

# Email settings
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

# Enforce unique IP space in the global table
ENFORCE_GLOBAL_UNIQUE = False

# Models viewable by all users, anonymous included ('<app>.<model>', or '*')
EXEMPT_VIEW_PERMISSIONS = [
    # 'dcim.site',
    # 'ipam.prefix',
]

# HTTP proxies for outbound requests (e.g. webhooks)
# HTTP_PROXIES = {
#     'http': 'http://10.10.1.10:3128',
#     'https': 'http://10.10.1.10:1080',
# }

# Addresses that see the debugging toolbar
INTERNAL_IPS = ('127.0.0.1', '::1')

# Custom logging (Django's logging configuration)
LOGGING = {}

# Only authenticated users may access any part of NetBox.
LOGIN_REQUIRED = True

# Seconds a user stays logged in to the web UI (default: 14 days)
LOGIN_TIMEOUT = None

# Show a "maintenance mode" banner on every page
MAINTENANCE_MODE = False

# Highest "limit" an API consumer may request (0 or None: no limit)
MAX_PAGE_SIZE = 1000

# Where uploaded media is stored (derived from the install location by default)
# MEDIA_ROOT = '/opt/netbox/netbox/media'

# Storage backend for uploaded media (django-storages)
# STORAGE_BACKEND = 'storages.backends.s3boto3.S3Boto3Storage'
# STORAGE_CONFIG = {
#     'AWS_STORAGE_BUCKET_NAME': 'netbox',
# }

# Prometheus metrics at /metrics
METRICS_ENABLED = False

# Credentials NetBox uses to reach devices through NAPALM
NAPALM_USERNAME = ''
NAPALM_PASSWORD = ''

# NAPALM timeout in seconds
NAPALM_TIMEOUT = 30

# NAPALM optional arguments, as a dictionary
NAPALM_ARGS = {}

# Objects per page in lists
PAGINATE_COUNT = 50

# Installed plugins
PLUGINS = []

# Plugin settings, keyed by plugin name
# PLUGINS_CONFIG = {
#     'my_plugin': {
#         'foo': 'bar',
#     }
# }

# Prefer IPv4 over IPv6 for a device's primary IP
PREFER_IPV4 = False

# Rack elevation size defaults, in pixels
RACK_ELEVATION_DEFAULT_UNIT_HEIGHT = 22
RACK_ELEVATION_DEFAULT_UNIT_WIDTH = 220

# Remote authentication support
REMOTE_AUTH_ENABLED = False
REMOTE_AUTH_BACKEND = 'utilities.auth_backends.RemoteUserBackend'
REMOTE_AUTH_HEADER = 'HTTP_REMOTE_USER'
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_DEFAULT_GROUPS = []
REMOTE_AUTH_DEFAULT_PERMISSIONS = []

# How often the GitHub API is asked for the latest release (at least one hour)
RELEASE_CHECK_TIMEOUT = 24 * 3600

# Repository checked for new releases; None disables the check.
RELEASE_CHECK_URL = None
# RELEASE_CHECK_URL = 'https://api.github.com/repos/netbox-community/netbox/releases'

# Where custom reports and scripts are stored (derived from the install location by default)
# REPORTS_ROOT = '/opt/netbox/netbox/reports'
# SCRIPTS_ROOT = '/opt/netbox/netbox/scripts'

# Store sessions in files under this path instead of the database
SESSION_FILE_PATH = None

# Time zone (default: UTC)
TIME_ZONE = 'Europe/Berlin'

# Date/time formatting (Django's date format syntax)
DATE_FORMAT = 'N j, Y'
SHORT_DATE_FORMAT = 'Y-m-d'
TIME_FORMAT = 'g:i a'
SHORT_TIME_FORMAT = 'H:i:s'
DATETIME_FORMAT = 'N j, Y g:i a'
SHORT_DATETIME_FORMAT = 'Y-m-d H:i'
