#########################
#   Required settings   #
#########################

# Names this server answers to (first one preferred). Example: ['netbox.example.com', 'netbox.internal.local']
ALLOWED_HOSTS = ['*']

# PostgreSQL database configuration.
DATABASE = {
    'NAME': 'netbox',  # Database name
    'USER': 'netbox',  # PostgreSQL username
    'PASSWORD': 'Rk8#vT2wLq5mZx7n',  # PostgreSQL password
    'HOST': 'netbox-prod.c1x2y3z4.us-west-2.rds.amazonaws.com',  # Database server
    'PORT': '5432',  # Database port (leave blank for default)
}

# Key for cryptographic signing; keep it out of the repository. 50 or more mixed characters.
SECRET_KEY = 'znu4MA^@M!kD^@KgJ=2iTaEhhUniF=uVCJudccUGU%3UdhUz7z'

#########################
#   Optional settings   #
#########################

# Administrators notified of errors.
ADMINS = [
    # ['John Doe', 'jdoe@example.com'],
]

# Banners (HTML allowed).
BANNER_TOP = ''
BANNER_BOTTOM = ''

# Text above the login form.
BANNER_LOGIN = ''

# Path prefix when NetBox lives under a directory, e.g. 'netbox/'.
BASE_PATH = ''

# API CORS settings.
CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = [
    # 'hostname.example.com',
]
CORS_ORIGIN_REGEX_WHITELIST = [
    # r'^(https?://)?(\w+\.)?example\.com$',
]

# Never on in production.
DEBUG = False

# Email settings
EMAIL = {
    'SERVER': 'localhost',
    'PORT': 25,
    'USERNAME': '',
    'PASSWORD': '',
    'TIMEOUT': 10,  # seconds
    'FROM_EMAIL': '',
}

# Enforce unique IP space in the global table.
ENFORCE_GLOBAL_UNIQUE = True

# Django logging: see the Django documentation.
LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'handlers': {
        'file': {
            'level': 'DEBUG',
            'class': 'logging.FileHandler',
            'filename': '/home/netbox/netbox.log',
        },
    },
    'loggers': {
        'django': {
            'handlers': ['file'],
            'level': 'INFO',
        },
    },
}

# Only signed-in users may see anything.
LOGIN_REQUIRED = True

# Maintenance banner.
MAINTENANCE_MODE = False

# Largest page an API client may ask for with ?limit=.
MAX_PAGE_SIZE = 10000

# MEDIA_ROOT = '/opt/netbox/netbox/media'

# NAPALM credentials and options.
NAPALM_USERNAME = ''
NAPALM_PASSWORD = ''

NAPALM_TIMEOUT = 30

NAPALM_ARGS = {}

# Objects per page.
PAGINATE_COUNT = 50

# Prefer IPv4 as a device's primary address.
PREFER_IPV4 = True

# REPORTS_ROOT = '/opt/netbox/netbox/reports'

# Time zone (default: UTC)
TIME_ZONE = 'America/Los_Angeles'

# Date/time formats (Django date filter syntax).
DATE_FORMAT = 'N j, Y'
SHORT_DATE_FORMAT = 'Y-m-d'
TIME_FORMAT = 'g:i a'
SHORT_TIME_FORMAT = 'H:i:s'
DATETIME_FORMAT = 'N j, Y g:i a'
SHORT_DATETIME_FORMAT = 'Y-m-d H:i'

# Django keeps sessions for 14 days by default: either shorten them with SESSION_COOKIE_AGE or end them when the
# browser closes with SESSION_EXPIRE_AT_BROWSER_CLOSE (one or the other).
SESSION_EXPIRE_AT_BROWSER_CLOSE = False
SESSION_COOKIE_AGE = 3600
