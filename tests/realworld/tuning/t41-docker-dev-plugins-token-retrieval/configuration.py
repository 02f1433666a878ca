import re
from os import environ
from os.path import abspath, dirname, join

# Based on netbox-docker's configuration.py, for the development stack.


def _read_secret(secret_name, default=None):
    try:
        f = open('/run/secrets/' + secret_name, 'r', encoding='utf-8')
    except EnvironmentError:
        return default
    else:
        with f:
            return f.readline().strip()


def _environ_get_and_map(variable_name, default=None, map_fn=None):
    env_value = environ.get(variable_name, default)
    if env_value == None:
        return env_value
    if not map_fn:
        return env_value
    return map_fn(env_value)


_AS_BOOL = lambda value: value.lower() == 'true'
_AS_INT = lambda value: int(value)
_AS_LIST = lambda value: list(filter(None, value.split(' ')))

ALLOWED_HOSTS = environ.get('ALLOWED_HOSTS', '*').split(' ')
if '*' not in ALLOWED_HOSTS and 'localhost' not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append('localhost')

DATABASES = {
    'default': {
        'NAME': environ.get('DB_NAME', 'netbox'),
        'USER': environ.get('DB_USER', ''),
        'PASSWORD': _read_secret('db_password', environ.get('DB_PASSWORD', '')),
        'HOST': environ.get('DB_HOST', 'localhost'),
        'PORT': environ.get('DB_PORT', ''),
        'OPTIONS': {'sslmode': environ.get('DB_SSLMODE', 'prefer')},
        'CONN_MAX_AGE': _environ_get_and_map('DB_CONN_MAX_AGE', '300', _AS_INT),
        'DISABLE_SERVER_SIDE_CURSORS': _environ_get_and_map('DB_DISABLE_SERVER_SIDE_CURSORS', 'False', _AS_BOOL),
    }
}

REDIS = {
    'tasks': {
        'HOST': environ.get('REDIS_HOST', 'localhost'),
        'PORT': _environ_get_and_map('REDIS_PORT', 6379, _AS_INT),
        'USERNAME': environ.get('REDIS_USERNAME', ''),
        'PASSWORD': _read_secret('redis_password', environ.get('REDIS_PASSWORD', '')),
        'DATABASE': _environ_get_and_map('REDIS_DATABASE', 0, _AS_INT),
        'SSL': _environ_get_and_map('REDIS_SSL', 'False', _AS_BOOL),
    },
    'caching': {
        'HOST': environ.get('REDIS_CACHE_HOST', environ.get('REDIS_HOST', 'localhost')),
        'PORT': _environ_get_and_map('REDIS_CACHE_PORT', environ.get('REDIS_PORT', '6379'), _AS_INT),
        'USERNAME': environ.get('REDIS_CACHE_USERNAME', environ.get('REDIS_USERNAME', '')),
        'PASSWORD': _read_secret('redis_cache_password', environ.get('REDIS_CACHE_PASSWORD', environ.get('REDIS_PASSWORD', ''))),
        'DATABASE': _environ_get_and_map('REDIS_CACHE_DATABASE', '1', _AS_INT),
        'SSL': _environ_get_and_map('REDIS_CACHE_SSL', environ.get('REDIS_SSL', 'False'), _AS_BOOL),
    },
}

SECRET_KEY = environ.get('SECRET_KEY', "placeholderplaceholderplaceholderplaceholderplaceholder")

ADMINS = [
]

# Permit the retrieval of API tokens after their creation.
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
    'USERNAME': '',
    'PASSWORD': '',
    'USE_SSL': False,
    'USE_TLS': False,
    'TIMEOUT': 10,
    'FROM_EMAIL': '',
}

EXEMPT_VIEW_PERMISSIONS = [
]

INTERNAL_IPS = ('127.0.0.1', '::1')

LOGGING = {}

LOGIN_PERSISTENCE = False

# Setting this to False will permit unauthenticated users to access most areas of NetBox (but not make any changes).
LOGIN_REQUIRED = True

LOGIN_TIMEOUT = None

LOGIN_FORM_HIDDEN = False

LOGOUT_REDIRECT_URL = 'home'

METRICS_ENABLED = False

PLUGINS = [
    "netbox_inventory",
    "netbox_diode_plugin",
    "netbox_custom_objects",
    "netbox_branching",  # must stay the last plugin
]

PLUGINS_CONFIG = {
    "netbox_branching": {
        "exempt_models": [
            "netbox_custom_objects.customobjecttype",
            "netbox_custom_objects.customobjecttypefield",
        ],
    },
    "netbox_inventory": {
        "sync_hardware_serial_asset_tag": True,
    },
    "netbox_diode_plugin": {
        "diode_target_override": "grpc://localhost:8080/diode",
        "diode_username": "diode",
        "netbox_to_diode_client_secret": "dev-only-diode-secret-4f1c9a7e2b",
    },
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

RELEASE_CHECK_URL = None

RQ_DEFAULT_TIMEOUT = 300

SESSION_COOKIE_NAME = 'sessionid'

SESSION_FILE_PATH = None

TIME_ZONE = 'UTC'

DEBUG = True
DEVELOPER = True

# Branching

from netbox_branching.utilities import DynamicSchemaDict

DATABASES = DynamicSchemaDict(DATABASES)

DATABASE_ROUTERS = [
    'netbox_branching.database.BranchAwareRouter',
]
