


#########################
#                       #
#   Required settings   #
#                       #
#########################

# Fully qualified names NetBox accepts; writes through other names are refused.
# The first one is taken as the preferred name.
ALLOWED_HOSTS = ['ipam.corp.example']

# PostgreSQL connection.
DATABASE = {
    'NAME': 'netbox',         # database
    'USER': 'netbox',               # role
    'PASSWORD': 'netbox',           # role's password (the module's default)
    'HOST': '127.0.0.1',      # server
    'PORT': '5432',               # port
}

# Key for signing and random values: long, mixed, and never shown to anyone.
# NetBox refuses to run without it.
SECRET_KEY = '4HNd9Dv2lTS=DQHbsJeKY4(Ju4!T1-YdWU65g7_3ZJ^AB8fA)8'


#########################
#                       #
#   Optional settings   #
#                       #
#########################

# [name, e-mail] pairs told about errors (mail settings below permitting).
ADMINS = [
    # ['Network Team', 'netteam@corp.example'],
]

# Banners above and below every page (HTML allowed).
BANNER_TOP = ''
BANNER_BOTTOM = ''

# Text above the login form (HTML allowed).
BANNER_LOGIN = ''

# URL prefix when served under a sub-path, e.g. 'netbox/'.
BASE_PATH = ''

# Cross-origin API access.
CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = [
    # 'tools.corp.example',
]
CORS_ORIGIN_REGEX_WHITELIST = [
    # r'^(https?://)?(\w+\.)?corp\.example$',
]

# Debug mode: never in production.
DEBUG = False

# Outgoing mail.
EMAIL = {
    'SERVER': 'localhost',
    'PORT': 25,
    'USERNAME': '',
    'PASSWORD': '',
    'TIMEOUT': 10,  # seconds
    'FROM_EMAIL': '',
}

# Enforce unique IP space in the global table (outside VRFs).
ENFORCE_GLOBAL_UNIQUE = False

# Django logging configuration.
LOGGING = {}

# Require a login for every page.
LOGIN_REQUIRED = False

# Show the maintenance banner.
MAINTENANCE_MODE = False

# Largest ?limit= an API client may ask for (0 or None: no limit).
MAX_PAGE_SIZE = 1000

# Where uploads go; the default follows the install path.
# MEDIA_ROOT = '/opt/netbox/netbox/media'

# Credentials NetBox uses towards devices through NAPALM.
NAPALM_USERNAME = ''
NAPALM_PASSWORD = ''

# NAPALM timeout in seconds.
NAPALM_TIMEOUT = 30

# Extra NAPALM arguments, as a dictionary.
NAPALM_ARGS = {}

# Objects per page in lists.
PAGINATE_COUNT = 50

# Prefer IPv4 over IPv6 when choosing a primary address.
PREFER_IPV4 = False

# Where reports live; the default follows the install path.
# REPORTS_ROOT = '/opt/netbox/netbox/reports'

# Time zone.
TIME_ZONE = 'UTC'

# Date and time formats (Django's date template filter syntax).
DATE_FORMAT = 'N j, Y'
SHORT_DATE_FORMAT = 'Y-m-d'
TIME_FORMAT = 'g:i a'
SHORT_TIME_FORMAT = 'H:i:s'
DATETIME_FORMAT = 'N j, Y g:i a'
SHORT_DATETIME_FORMAT = 'Y-m-d H:i'
