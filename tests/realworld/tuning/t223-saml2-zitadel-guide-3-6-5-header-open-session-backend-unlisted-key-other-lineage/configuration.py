#########################
#   Required settings   #
#########################

# the one public name, set when SAML was added (['*'] during the first install)
ALLOWED_HOSTS = ['ipam.fieldlab.example']

DATABASE = {
    'NAME': 'netbox',                   # Database name
    'USER': 'netbox',                   # PostgreSQL username
    'PASSWORD': 'J5brHrAXFLQSif0K',     # PostgreSQL password
    'HOST': 'localhost',                # Database server
    'PORT': '',                         # Database port (leave blank for default)
    # 'ENGINE': 'django.db.backends.postgresql',  # Database engine
    'CONN_MAX_AGE': 300,                # Max database connection age (seconds)
}

REDIS = {
    'tasks': {
        'HOST': 'localhost',    # Redis server
        'PORT': 6379,           # Redis port
        'PASSWORD': '',         # Redis password (optional)
        'DATABASE': 0,          # Database ID
        'SSL': False,           # Use SSL (optional)
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': '',
        'DATABASE': 1,          # a second database for the cache
        'SSL': False,
    }
}

# generated with generate_secret_key.py
SECRET_KEY = '&_vOZ(#Qivhz-6De@^Tv4Sumq=hCpf$R=vJeGpWkOQb0^3)N30'

#########################
#   Optional settings   #
#########################

ADMINS = [
]

ALLOW_TOKEN_RETRIEVAL = False

AUTH_PASSWORD_VALIDATORS = [
]

BASE_PATH = ''

# button above the login form that starts the SAML sign-in
BANNER_LOGIN = '<a href="/api/plugins/sso/login" class="btn btn-primary btn-block">Login with SSO</a>'

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

ENABLE_LOCALIZATION = False

EXEMPT_VIEW_PERMISSIONS = [
]

INTERNAL_IPS = ('127.0.0.1', '::1')

# everything of django and netbox at INFO and above into one file
LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'formatters': {
        'normal': {
            'format': '%(asctime)s %(name)s %(levelname)s: %(message)s'
        },
    },
    'handlers': {
        'file': {
            'level': 'DEBUG',
            'class': 'logging.handlers.WatchedFileHandler',
            'filename': '/var/log/netbox/netbox.log',
            'formatter': 'normal',
        },
    },
    'loggers': {
        'django': {
            'handlers': ['file'],
            'level': 'INFO',
        },
        'netbox': {
            'handlers': ['file'],
            'level': 'INFO',
        },
    },
}

LOGIN_PERSISTENCE = False
LOGIN_REQUIRED = True
LOGIN_TIMEOUT = None
LOGOUT_REDIRECT_URL = 'home'

METRICS_ENABLED = False

# SAML2 sign-on through Zitadel (netbox-plugin-auth-saml2 with django3-auth-saml2)
PLUGINS = ['django3_saml2_nbplugin']
PLUGINS_CONFIG = {
        'django3_saml2_nbplugin':{
        'AUTHENTICATION_BACKEND': 'django3_saml2_nbplugin.backends.SAML2CustomAttrUserBackend',
        'ASSERTION_URL': 'https://ipam.fieldlab.example/',
        'ENTITY_ID':'https://ipam.fieldlab.example/',
        'METADATA_LOCAL_FILE_PATH': '/opt/netbox/zitadel-metadata.xml',
        'CUSTOM_ATTR_BACKEND': {
            "USERNAME_ATTR": "emailaddress",
            "MAIL_ATTR": "emailaddress",
            "FIRST_NAME_ATTR": "givenname",
            "LAST_NAME_ATTR": "surname",
        '   ALWAYS_UPDATE_USER': True,
    }
  }
}

REMOTE_AUTH_ENABLED = True
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

TIME_ZONE = 'America/Chicago'

DATE_FORMAT = 'N j, Y'
SHORT_DATE_FORMAT = 'Y-m-d'
TIME_FORMAT = 'g:i a'
SHORT_TIME_FORMAT = 'H:i:s'
DATETIME_FORMAT = 'N j, Y g:i a'
SHORT_DATETIME_FORMAT = 'Y-m-d H:i'
