# ----------------------------------------------------------------------------
# Mandatory parameters
# ----------------------------------------------------------------------------

# Host names NetBox answers to. '*' lets any name through.
ALLOWED_HOSTS = ['*']

# PostgreSQL connection (see Django's DATABASES reference).
DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',  # engine
        'NAME': 'netbox',         # database
        'USER': 'netbox',               # role
        'PASSWORD': 'kq7Vd2mXr8Lp',           # role's password, asked for by the playbook
        'HOST': 'localhost',      # server
        'PORT': '',               # empty: libpq's default port
        'CONN_MAX_AGE': 300,      # seconds a connection is kept
    }
}

# Redis: one database for the task queue, another for the cache.
REDIS = {
    'tasks': {
        'HOST': 'localhost',
        'PORT': 6379,
        # For Sentinel, drop HOST and PORT and use these instead
        # 'SENTINELS': [('sentinel.lab.internal', 6379)],
        # 'SENTINEL_SERVICE': 'netbox',
        'USERNAME': '',
        'PASSWORD': '',
        'DATABASE': 0,
        'SSL': False,
        # Skip certificate checks (not advised)
        # 'INSECURE_SKIP_TLS_VERIFY': False,
        # CA bundle for a self-signed Redis certificate
        # 'CA_CERT_PATH': '/etc/ssl/certs/ca.crt',
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        # For Sentinel, drop HOST and PORT and use these instead
        # 'SENTINELS': [('sentinel.lab.internal', 6379)],
        # 'SENTINEL_SERVICE': 'netbox',
        'USERNAME': '',
        'PASSWORD': '',
        'DATABASE': 1,
        'SSL': False,
        # Skip certificate checks (not advised)
        # 'INSECURE_SKIP_TLS_VERIFY': False,
        # CA bundle for a self-signed Redis certificate
        # 'CA_CERT_PATH': '/etc/ssl/certs/ca.crt',
    }
}

# Signing key: at least 50 characters, kept out of sight.
SECRET_KEY = 'Pwd6sINDNL^DEitybJ_mc=(kz*qe#@VCtm43EN4_nt)aGoqEz@'


# ----------------------------------------------------------------------------
# Optional parameters
# ----------------------------------------------------------------------------

# (name, e-mail) pairs told about application errors
ADMINS = [
    # ('Ops Desk', 'ops@lab.internal'),
]

# Tokens cannot be shown again once created
ALLOW_TOKEN_RETRIEVAL = False

# Password validators for local accounts (Django's list)
AUTH_PASSWORD_VALIDATORS = [
    # {
    #     'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator',
    #     'OPTIONS': {
    #         'min_length': 12,
    #     }
    # },
]

# URL prefix when NetBox lives under a sub-path, e.g. 'netbox/'
BASE_PATH = ''

# Cross-origin API access
CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = [
    # 'https://tools.lab.internal',
]
CORS_ORIGIN_REGEX_WHITELIST = [
    # r'^(https?://)?(\w+\.)?lab\.internal$',
]

# Cookie holding the CSRF token
CSRF_COOKIE_NAME = 'csrftoken'

# Debug mode: slow and leaky, never in production
DEBUG = False

# Language shown by default
DEFAULT_LANGUAGE = 'en-us'

# Outgoing mail
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

# Models anyone may view, as '<app>.<model>'
EXEMPT_VIEW_PERMISSIONS = [
    # 'dcim.site',
    # 'ipam.prefix',
]

# Proxies for outgoing requests (webhooks and the like)
# HTTP_PROXIES = {
#     'http': 'http://proxy.lab.internal:3128',
#     'https': 'http://proxy.lab.internal:3128',
# }

# Addresses treated as internal (debug toolbar)
INTERNAL_IPS = ('127.0.0.1', '::1')

# Django logging configuration
LOGGING = {}

# Renew a session on every request
LOGIN_PERSISTENCE = False

# Require a login for every page
LOGIN_REQUIRED = True

# Session lifetime in seconds (None: Django's default)
LOGIN_TIMEOUT = None

# Hide the local login form (for sign-on-only setups)
LOGIN_FORM_HIDDEN = False

# Where to go after logging out
LOGOUT_REDIRECT_URL = 'home'

# Where uploads are stored; the default follows the install path
# MEDIA_ROOT = '/opt/netbox/netbox/media'

# Prometheus metrics on /metrics
METRICS_ENABLED = False

# Installed plugins
PLUGINS = []

# Per-plugin settings, keyed by plugin name
# PLUGINS_CONFIG = {
#     'some_plugin': {
#         'option': 'value',
#     }
# }

# Header authentication
REMOTE_AUTH_ENABLED = False
REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'
REMOTE_AUTH_HEADER = 'HTTP_REMOTE_USER'
REMOTE_AUTH_USER_FIRST_NAME = 'HTTP_REMOTE_USER_FIRST_NAME'
REMOTE_AUTH_USER_LAST_NAME = 'HTTP_REMOTE_USER_LAST_NAME'
REMOTE_AUTH_USER_EMAIL = 'HTTP_REMOTE_USER_EMAIL'
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_DEFAULT_GROUPS = []
REMOTE_AUTH_DEFAULT_PERMISSIONS = {}

# Release check (None switches it off)
RELEASE_CHECK_URL = None
# RELEASE_CHECK_URL = 'https://api.github.com/repos/netbox-community/netbox/releases'

# Where custom reports live; the default follows the install path
# REPORTS_ROOT = '/opt/netbox/netbox/reports'

# Longest run of a background job, in seconds
RQ_DEFAULT_TIMEOUT = 300

# Where custom scripts live; the default follows the install path
# SCRIPTS_ROOT = '/opt/netbox/netbox/scripts'

# Cookie holding the session
SESSION_COOKIE_NAME = 'sessionid'

# Keep sessions in files instead of the database (None: database)
SESSION_FILE_PATH = None

# Units for memory and disk sizes (1000 unless set to 1024)
# DISK_BASE_UNIT = 1024
# RAM_BASE_UNIT = 1024

# Uploads on object storage through django-storages, for example:
# STORAGE_BACKEND = 'storages.backends.s3boto3.S3Boto3Storage'
# STORAGE_CONFIG = {
#     'AWS_ACCESS_KEY_ID': 'key id',
#     'AWS_SECRET_ACCESS_KEY': 'secret',
#     'AWS_STORAGE_BUCKET_NAME': 'netbox',
#     'AWS_S3_REGION_NAME': 'eu-central-1',
# }

# Time zone
TIME_ZONE = 'UTC'
