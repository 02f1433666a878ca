# write access is denied for hostnames not in this list; the first entry is the preferred name
ALLOWED_HOSTS = ['ipam01.lab.example.net', '192.0.2.41']

# see Django docs for the full parameter list: https://docs.djangoproject.com/en/stable/ref/settings/#databases
DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': 'netbox',
        'USER': 'netbox',
        'PASSWORD': '{{ psql_password }}',
        'HOST': 'localhost',
        'PORT': '',  # blank uses the default port
        'CONN_MAX_AGE': 300,
    }
}

# separate caching/task Redis configs; recommended to use different database IDs for each
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

# never expose outside this file; must be defined, ideally 50+ chars mixing letters/numbers/symbols
SECRET_KEY = '{{ secret_key }}'

# enables v2 API tokens (NetBox v4.5+); each pepper must be at least 50 characters
API_TOKEN_PEPPERS = {
    1: '{{ api_token_peppers }}',
}


ADMINS = [
    # ('John Doe', 'jdoe@example.com'),
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

EXEMPT_VIEW_PERMISSIONS = [
]

INTERNAL_IPS = ('127.0.0.1', '::1')

LOGGING = {}

LOGIN_PERSISTENCE = False

LOGIN_TIMEOUT = None

# hides the login form; useful when only allowing SSO
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

# checks for a new NetBox release; set to None to disable
RELEASE_CHECK_URL = None

RQ_DEFAULT_TIMEOUT = 300  # seconds

SESSION_COOKIE_NAME = 'sessionid'

SESSION_FILE_PATH = None

TIME_ZONE = 'UTC'
