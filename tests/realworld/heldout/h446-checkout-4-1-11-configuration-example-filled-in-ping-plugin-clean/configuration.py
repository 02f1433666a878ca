#########################
#                       #
#   Required settings   #
#                       #
#########################


# Host names NetBox answers to. The first one is the preferred name.
ALLOWED_HOSTS = ['*']

# PostgreSQL database configuration
DATABASE = {
    'ENGINE': 'django.db.backends.postgresql',  # Database engine
    'NAME': 'netbox',         # Database name
    'USER': 'netbox',               # PostgreSQL username
    'PASSWORD': 'Orbit#Lantern27',           # PostgreSQL password
    'HOST': 'localhost',      # Database server
    'PORT': '',               # Database port (leave blank for default)
    'CONN_MAX_AGE': 300,      # Max database connection age
}

# Redis for background tasks and for caching, one database each
REDIS = {
    'tasks': {
        'HOST': 'localhost',
        'PORT': 6379,
        # For Redis Sentinel, comment out HOST and PORT and use:
        # 'SENTINELS': [('sentinel.redis.example.com', 6379)],
        # 'SENTINEL_SERVICE': 'netbox',
        'USERNAME': '',
        'PASSWORD': 'Orbit#Lantern27',
        'DATABASE': 0,
        'SSL': False,
        # 'INSECURE_SKIP_TLS_VERIFY': False,
        # 'CA_CERT_PATH': '/etc/ssl/certs/ca.crt',
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        # 'SENTINELS': [('sentinel.redis.example.com', 6379)],
        # 'SENTINEL_SERVICE': 'netbox',
        'USERNAME': '',
        'PASSWORD': 'Orbit#Lantern27',
        'DATABASE': 1,
        'SSL': False,
        # 'INSECURE_SKIP_TLS_VERIFY': False,
        # 'CA_CERT_PATH': '/etc/ssl/certs/ca.crt',
    }
}

# Used for cryptographic signing; at least 50 characters. Never expose it.
SECRET_KEY = 'qghYKkEbHJ7R*2_)+lw#R5ugx1x-x(_=@-mmask-NR@Z1u6pmV'


#########################
#                       #
#   Optional settings   #
#                       #
#########################

# NetBox administrators (name, email) notified of application errors.
ADMINS = [
    # ('Jane Doe', 'jane@example.net'),
]

# Permit the retrieval of API tokens after their creation.
ALLOW_TOKEN_RETRIEVAL = False

# Validators for local account passwords.
AUTH_PASSWORD_VALIDATORS = [
    # {
    #     'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator',
    #     'OPTIONS': {
    #         'min_length': 10,
    #     }
    # },
]

# Base URL path when NetBox is served under a directory, e.g. 'netbox/'
BASE_PATH = ''

# API Cross-Origin Resource Sharing (CORS)
CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = [
    # 'https://hostname.example.net',
]
CORS_ORIGIN_REGEX_WHITELIST = [
    # r'^(https?://)?(\w+\.)?example\.net$',
]

# Name of the CSRF token cookie.
CSRF_COOKIE_NAME = 'csrftoken'

# Never enable debugging on a production system.
DEBUG = False



# Default language/locale
DEFAULT_LANGUAGE = 'en-us'

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

# Models viewable by all users, anonymous ones included ('*' for all).
EXEMPT_VIEW_PERMISSIONS = [
    # 'dcim.site',
    # 'ipam.prefix',
]

# HTTP proxies for outbound requests (e.g. webhooks).
# HTTP_PROXIES = {
#     'http': 'http://10.20.0.5:3128',
#     'https': 'http://10.20.0.5:1080',
# }

# Addresses that count as internal (debug toolbar).
INTERNAL_IPS = ('127.0.0.1', '::1')

# Custom logging (Django's LOGGING dictionary).
LOGGING = {}

# Renew a valid session's lifetime on each authenticated request.
LOGIN_PERSISTENCE = False

# False lets anonymous users view most of NetBox (not change it).
LOGIN_REQUIRED = True

# Session lifetime in seconds (default 1209600, 14 days).
LOGIN_TIMEOUT = None

# View name or URL users are sent to after logging out.
LOGOUT_REDIRECT_URL = 'home'

# Where uploaded media is stored (derived from the install location by default).
# MEDIA_ROOT = '/opt/netbox/netbox/media'

# Prometheus metrics at /metrics
METRICS_ENABLED = False

# Enable installed plugins. Add the name of each plugin to the list.
PLUGINS = ['netbox_ping',]


# Settings of installed plugins, keyed by plugin name.
PLUGINS_CONFIG = {
    'netbox_ping': {
        'coming_soon': True
    }
 }

# Remote authentication support
REMOTE_AUTH_ENABLED = False
REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'
REMOTE_AUTH_HEADER = 'HTTP_REMOTE_USER'
REMOTE_AUTH_USER_FIRST_NAME = 'HTTP_REMOTE_USER_FIRST_NAME'
REMOTE_AUTH_USER_LAST_NAME = 'HTTP_REMOTE_USER_LAST_NAME'
REMOTE_AUTH_USER_EMAIL = 'HTTP_REMOTE_USER_EMAIL'
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_DEFAULT_GROUPS = []
REMOTE_AUTH_DEFAULT_PERMISSIONS = {}

# Release check; None disables it.
RELEASE_CHECK_URL = None
# RELEASE_CHECK_URL = 'https://api.github.com/repos/netbox-community/netbox/releases'

# Where custom reports are stored (derived from the install location by default).
# REPORTS_ROOT = '/opt/netbox/netbox/reports'

# Maximum execution time for background tasks, in seconds.
RQ_DEFAULT_TIMEOUT = 300

# Where custom scripts are stored (derived from the install location by default).
# SCRIPTS_ROOT = '/opt/netbox/netbox/scripts'

# Name of the session cookie.
SESSION_COOKIE_NAME = 'sessionid'

# A file path here stores sessions on disk instead of in the database.
SESSION_FILE_PATH = None

# Django-storages for uploaded media, e.g.:
# STORAGE_BACKEND = 'storages.backends.s3boto3.S3Boto3Storage'
# STORAGE_CONFIG = {
#     'AWS_ACCESS_KEY_ID': 'Key ID',
#     'AWS_SECRET_ACCESS_KEY': 'Secret',
#     'AWS_STORAGE_BUCKET_NAME': 'netbox',
#     'AWS_S3_REGION_NAME': 'eu-west-1',
# }

# Time zone (default: UTC)
TIME_ZONE = 'UTC'
