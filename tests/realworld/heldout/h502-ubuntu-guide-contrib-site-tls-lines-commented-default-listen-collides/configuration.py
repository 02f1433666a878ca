# NetBox configuration for the lab VM (copied from configuration_example.py; only the host list and the key changed)

# Names and addresses NetBox answers to: the VM's address
ALLOWED_HOSTS = ['10.20.30.41']

# PostgreSQL connection, as the example ships it
DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',  # Database engine
        'NAME': 'netbox',         # Database name
        'USER': '',               # PostgreSQL username
        'PASSWORD': '',           # PostgreSQL password
        'HOST': 'localhost',      # Database server
        'PORT': '',               # Database port (leave blank for default)
        'CONN_MAX_AGE': 300,      # Max database connection age
    }
}

# Redis: one database for background tasks, another for the cache
REDIS = {
    'tasks': {
        'HOST': 'localhost',
        'PORT': 6379,
        'USERNAME': '',
        'PASSWORD': '',
        'DATABASE': 0,
        'SSL': False,
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        'USERNAME': '',
        'PASSWORD': '',
        'DATABASE': 1,
        'SSL': False,
    }
}

# from generate_secret_key.py
SECRET_KEY = '64TjEYN=_C_rfCPG2t!PM0=-)rbHrhZdf4$no1Y!#LD(JBOy&o'

# peppers for v2 API tokens (none yet)
API_TOKEN_PEPPERS = {}

ADMINS = [
    # ('Lab Admin', 'lab-admin@example.net'),
]

AUTH_PASSWORD_VALIDATORS = [
]

BASE_PATH = ''

CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = [
]
CORS_ORIGIN_REGEX_WHITELIST = [
]

CSRF_COOKIE_NAME = 'csrftoken'

DEBUG = False

DEFAULT_LANGUAGE = 'en-us'

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

STREAMING_EXPORTS = False

EXEMPT_VIEW_PERMISSIONS = [
]

LOGGING = {}

LOGIN_PERSISTENCE = False
LOGIN_TIMEOUT = None
LOGIN_FORM_HIDDEN = False
LOGOUT_REDIRECT_URL = 'home'

METRICS_ENABLED = False

PLUGINS = []

REMOTE_AUTH_ENABLED = False
REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'
REMOTE_AUTH_HEADER = 'HTTP_REMOTE_USER'
REMOTE_AUTH_USER_FIRST_NAME = 'HTTP_REMOTE_USER_FIRST_NAME'
REMOTE_AUTH_USER_LAST_NAME = 'HTTP_REMOTE_USER_LAST_NAME'
REMOTE_AUTH_USER_EMAIL = 'HTTP_REMOTE_USER_EMAIL'
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_DEFAULT_GROUPS = []
REMOTE_AUTH_DEFAULT_PERMISSIONS = {}

RELEASE_CHECK_URL = None

RQ_DEFAULT_TIMEOUT = 300

SESSION_COOKIE_NAME = 'sessionid'
SESSION_FILE_PATH = None

TIME_ZONE = 'UTC'
