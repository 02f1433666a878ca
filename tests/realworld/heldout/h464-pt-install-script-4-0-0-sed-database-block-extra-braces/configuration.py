# NetBox configuration as the installer leaves it: the example file of the release,
# then SECRET_KEY, ALLOWED_HOSTS and the DATABASE block edited in place with sed.

ALLOWED_HOSTS = ['*']

# Database (rewritten line by line by the installer)
DATABASE = {
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': 'Kest2rel@Pass9',
    'HOST': 'localhost',
    'PORT': '',
    'CONN_MAX_AGE': 300,
}
}

# Redis: tasks and caching on the local server
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

# Generated with generate_secret_key.py
SECRET_KEY = 'Vq7#Lm2xR9(tZp4@wK8sN1^bH6yD3-fJ0=gC5+uE)aT_rY8%Wn'

# Optional settings, left as the example has them
ADMINS = [
]

ALLOW_TOKEN_RETRIEVAL = False

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
    'CONN_MAX_AGE': 300,
}
    'HOST': 'localhost',
    'PORT': '',
    'CONN_MAX_AGE': 300,
}
}

EXEMPT_VIEW_PERMISSIONS = [
]

INTERNAL_IPS = ('127.0.0.1', '::1')

LOGGING = {}

LOGIN_PERSISTENCE = False

LOGIN_REQUIRED = False

LOGIN_TIMEOUT = None

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
