# NetBox configuration for a single-server deployment

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# Database
DATABASE = {
    'ENGINE': 'django.db.backends.sqlite3',
    'NAME': '/opt/upgrade-suite/netbox/database/netbox.db',
    'OPTIONS': {
        'timeout': 20,
    }
}

# Redis
REDIS = {
    'tasks': {
        'HOST': '127.0.0.1',
        'PORT': 6379,
        'PASSWORD': 'Rk4-our-redis-pass',
        'DATABASE': 3,
        'SSL': False,
    },
    'caching': {
        'HOST': '127.0.0.1',
        'PORT': 6379,
        'PASSWORD': 'Rk4-our-redis-pass',
        'DATABASE': 4,
        'SSL': False,
    }
}

SECRET_KEY = 'Qe7_Wr2-Ty9Ui4Op1As6Df3Gh8Jk5Lz0Xc7Vb2Nm9Qw4Er1Ty6Ui3Op8'

ADMINS = [
    ('Network Admin', 'netops@corp.example'),
]

ALLOWED_HOSTS = ['*']
BASE_PATH = ''
CACHE_TIMEOUT = 900
CORS_ALLOW_ALL_ORIGINS = True
DEBUG = False

EMAIL = {
    'SERVER': 'localhost',
    'PORT': 587,
    'USERNAME': '',
    'PASSWORD': '',
    'USE_SSL': False,
    'USE_TLS': False,
    'TIMEOUT': 10,
    'FROM_EMAIL': 'netbox@corp.example',
}

ENFORCE_GLOBAL_UNIQUE = False
HTTP_PROXIES = None
ALLOW_TOKEN_RETRIEVAL = False
NETBOX_USERNAME = ''
NETBOX_PASSWORD = ''
LOGIN_BANNER = 'Upgrade suite'
MAX_PAGE_SIZE = 1000
PLUGINS = []
PLUGINS_CONFIG = {}
REMOTE_AUTH_ENABLED = False
TIME_ZONE = 'UTC'
DATE_FORMAT = 'N j, Y'
SHORT_DATE_FORMAT = 'Y-m-d'
TIME_FORMAT = 'g:i a'
SHORT_TIME_FORMAT = 'H:i:s'
DATETIME_FORMAT = 'N j, Y g:i a'
SHORT_DATETIME_FORMAT = 'Y-m-d H:i'
PREFER_IPV4 = False
PAGINATE_COUNT = 50
RACK_ELEVATION_DEFAULT_UNIT_HEIGHT = 22
RACK_ELEVATION_DEFAULT_UNIT_WIDTH = 220
CSRF_COOKIE_NAME = 'csrftoken'
SESSION_COOKIE_NAME = 'sessionid'
GRAPHQL_ENABLED = True
MEDIA_ROOT = '/opt/upgrade-suite/netbox/media'
REPORTS_ROOT = '/opt/upgrade-suite/netbox/reports'
SCRIPTS_ROOT = '/opt/upgrade-suite/netbox/scripts'
STATIC_ROOT = '/opt/upgrade-suite/netbox/static'
DEFAULT_FILE_STORAGE = 'django.core.files.storage.FileSystemStorage'
RQ_DEFAULT_TIMEOUT = 300
MAINTENANCE_MODE = False
FIELD_CHOICES = {}
INSTALLED_APPS = []
CUSTOM_VALIDATORS = {}
CUSTOM_LINKS = {}
BANNER_TOP = ''
BANNER_BOTTOM = ''
BANNER_LOGIN = 'Upgrade suite - device inventory'
RELEASE_CHECK_URL = None
LOGIN_REQUIRED = True
CHANGELOG_RETENTION = 90
JOBRESULT_RETENTION = 90
MAPS_URL = 'https://maps.example/?q='
NAPALM_USERNAME = ''
NAPALM_PASSWORD = ''
NAPALM_TIMEOUT = 30
NAPALM_ARGS = {}
