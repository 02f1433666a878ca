#########################
#                       #
#   Required settings   #
#                       #
#########################

# Host names this NetBox answers to (Vagrant lab: the box is reached through a forwarded port).
ALLOWED_HOSTS = ['localhost', '127.0.0.1']

# PostgreSQL on the same box.
DATABASE = {
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': 'netbox',
    'HOST': 'localhost',
    'PORT': '',
}

# Generated once by generate_secret_key.py when this file is first written.
SECRET_KEY = 'ArJ7!p34Td=+-qI#WP0FO903wlXZj+TWtPuvu)n7n=(NgZgQjw'


#########################
#                       #
#   Optional settings   #
#                       #
#########################

ADMINS = [
    # ['Lab Admin', 'lab-admin@corp-lab.net'],
]

BANNER_TOP = ''
BANNER_BOTTOM = ''
BANNER_LOGIN = ''

BASE_PATH = ''

CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = [
]
CORS_ORIGIN_REGEX_WHITELIST = [
]

DEBUG = False

EMAIL = {
    'SERVER': 'localhost',
    'PORT': 25,
    'USERNAME': '',
    'PASSWORD': '',
    'TIMEOUT': 10,  # seconds
    'FROM_EMAIL': '',
}

ENFORCE_GLOBAL_UNIQUE = False

LOGGING = {}

LOGIN_REQUIRED = False

MAINTENANCE_MODE = False

MAX_PAGE_SIZE = 1000

NAPALM_USERNAME = ''
NAPALM_PASSWORD = ''
NAPALM_TIMEOUT = 30
NAPALM_ARGS = {}

PAGINATE_COUNT = 50

PREFER_IPV4 = False

TIME_ZONE = 'UTC'

DATE_FORMAT = 'N j, Y'
SHORT_DATE_FORMAT = 'Y-m-d'
TIME_FORMAT = 'g:i a'
SHORT_TIME_FORMAT = 'H:i:s'
DATETIME_FORMAT = 'N j, Y g:i a'
SHORT_DATETIME_FORMAT = 'Y-m-d H:i'
