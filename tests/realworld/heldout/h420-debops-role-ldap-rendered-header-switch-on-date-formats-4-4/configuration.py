# Ansible managed
# -*- coding: utf-8 -*-
# vim: foldmarker=[[[,]]]:foldmethod=marker

import json

# Required settings [[[1

# Host names NetBox answers to; the first one is the preferred name.
ALLOWED_HOSTS = [ 'dcim.corp.example', 'ipam.corp.example' ]

# PostgreSQL connection.
DATABASE = {
    'ENGINE': 'django.db.backends.postgresql',     # Database engine
    'NAME': 'netbox_production',                   # Database name
    'USER': 'netbox',                              # PostgreSQL username
    'PASSWORD': 'JI9XwmFhpb5oDXY4Ul7E',            # PostgreSQL password
    'HOST': 'localhost',                           # Database server
    'PORT': '5432',                                # Database port
    'CONN_MAX_AGE': 300,                           # Max database connection age
}

# Redis for background tasks and for caching, one database each.
REDIS = {
    'tasks': {
        'HOST': 'localhost',
        'PORT': 6379,
        # 'SENTINELS': [('sentinel.corp.example', 6379)],
        # 'SENTINEL_SERVICE': 'netbox',
        'USERNAME': '',
        'PASSWORD': '',
        'DATABASE': 0,
        'SSL': False,
        # 'INSECURE_SKIP_TLS_VERIFY': False,
        # 'CA_CERT_PATH': '/etc/ssl/certs/ca.crt',
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        # 'SENTINELS': [('sentinel.corp.example', 6379)],
        # 'SENTINEL_SERVICE': 'netbox',
        'USERNAME': '',
        'PASSWORD': '',
        'DATABASE': 1,
        'SSL': False,
        # 'INSECURE_SKIP_TLS_VERIFY': False,
        # 'CA_CERT_PATH': '/etc/ssl/certs/ca.crt',
    }
}

# Key for signing sessions and tokens; keep it to this file.
SECRET_KEY = 'oc5vCC5f9q9j,,2,q.NJ23F,gOgVje3pkng-yPkbvvYKiOgev5EaP4_Xm5mAxz.B'

# Optional settings [[[1

ADMINS = [
    # ['Jane Doe', 'jdoe@corp.example'],
    [ 'ops', 'ops@corp.example' ],
]

ALLOW_TOKEN_RETRIEVAL = False

AUTH_PASSWORD_VALIDATORS = [
    # {
    #     'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator',
    #     'OPTIONS': {
    #         'min_length': 10,
    #     }
    # },
]

# URL path prefix when NetBox is served below a directory, e.g. 'netbox/'.
BASE_PATH = ''

CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = [
    # 'https://client.corp.example',
]
CORS_ORIGIN_REGEX_WHITELIST = [
    # r'^(https?://)?(\w+\.)?corp\.example$',
]

CSRF_COOKIE_NAME = 'csrftoken'

DEBUG = False

DEFAULT_LANGUAGE = 'en-us'

EMAIL = {
    'SERVER': 'localhost',
    'PORT': 25,
    'USERNAME': '',
    'PASSWORD': '',
    'USE_TLS': True,
    'TIMEOUT': 10,  # seconds
    'FROM_EMAIL': 'netbox@dcim.corp.example',
}

# Localization
ENABLE_LOCALIZATION = False

EXEMPT_VIEW_PERMISSIONS = [
    # 'dcim.site',
    # 'ipam.prefix',
]

# HTTP_PROXIES = {
#     'http': 'http://proxy.corp.example:3128',
#     'https': 'http://proxy.corp.example:3128',
# }

INTERNAL_IPS = ('127.0.0.1', '::1')

LOGGING = json.loads('''{}''')

LOGIN_PERSISTENCE = False

LOGIN_REQUIRED = True

LOGIN_TIMEOUT = 1209600

LOGOUT_REDIRECT_URL = 'home'

MEDIA_ROOT = '/srv/netbox/media'

# STORAGE_BACKEND = 'storages.backends.s3boto3.S3Boto3Storage'
# STORAGE_CONFIG = {
#     'AWS_STORAGE_BUCKET_NAME': 'netbox',
# }

METRICS_ENABLED = False

PLUGINS = json.loads('''[]''')

PLUGINS_CONFIG = json.loads('''{}''')

PREFER_IPV4 = False

# Remote authentication support
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'
REMOTE_AUTH_HEADER = 'HTTP_REMOTE_USER'
REMOTE_AUTH_USER_FIRST_NAME = 'HTTP_REMOTE_USER_FIRST_NAME'
REMOTE_AUTH_USER_LAST_NAME = 'HTTP_REMOTE_USER_LAST_NAME'
REMOTE_AUTH_USER_EMAIL = 'HTTP_REMOTE_USER_EMAIL'
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_DEFAULT_GROUPS = []
REMOTE_AUTH_DEFAULT_PERMISSIONS = {}

REPORTS_ROOT = '/srv/netbox/reports'

RQ_DEFAULT_TIMEOUT = 300

SCRIPTS_ROOT = '/srv/netbox/scripts'

SESSION_COOKIE_NAME = 'sessionid'

# Sessions go to the database; a directory here stores them as files instead.
SESSION_FILE_PATH = ''

TIME_ZONE = 'Etc/UTC'

# Date and time formats
DATE_FORMAT = 'N j, Y'
SHORT_DATE_FORMAT = 'Y-m-d'
TIME_FORMAT = 'g:i a'
SHORT_TIME_FORMAT = 'H:i:s'
DATETIME_FORMAT = 'N j, Y g:i a'
SHORT_DATETIME_FORMAT = 'Y-m-d H:i'

# Settings of the role that configuration_example.py does not have [[[1

CENSUS_REPORTING_ENABLED = True

# Dynamic configuration parameters [[[1

BANNER_TOP = ''
BANNER_BOTTOM = ''

BANNER_LOGIN = ''

CHANGELOG_RETENTION = 90

ENFORCE_GLOBAL_UNIQUE = False

MAINTENANCE_MODE = False

MAPS_URL = 'https://www.openstreetmap.org/search?query='

MAX_PAGE_SIZE = 1000

PAGINATE_COUNT = 50
