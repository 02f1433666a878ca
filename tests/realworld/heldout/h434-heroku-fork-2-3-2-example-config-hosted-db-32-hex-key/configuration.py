#########################
#                       #
#   Required settings   #
#                       #
#########################

# The fully-qualified domain names NetBox may be reached by; write access through any other name is refused.
# The first one is the preferred name.
#
# Example: ALLOWED_HOSTS = ['netbox.example.com', 'netbox.internal.local']
ALLOWED_HOSTS = ['ipam-demo-rq.herokuapp.com']

# PostgreSQL database configuration.
DATABASE = {
    'NAME': 'd4kq81ve2jz0m7',         # Database name
    'USER': 'qvnyzwhbtlrkpa',               # PostgreSQL username
    'PASSWORD': '8571dcebb613eca3fc9f28c6bd9ed2534cb788e443ed29abda79ae0c9640cc18',           # PostgreSQL password
    'HOST': 'ec2-198-51-100-37.eu-west-1.compute.amazonaws.com',      # Database server
    'PORT': '5432',               # Database port (leave blank for default)
}

# Used for secure generation of random numbers and strings; never expose it outside this file. For optimal security it
# should be at least 50 characters of letters, numbers and symbols. NetBox will not run without it. See
# https://docs.djangoproject.com/en/dev/ref/settings/#std:setting-SECRET_KEY
SECRET_KEY = 'c02a3c1241479fc57975a0f955872c25'


#########################
#                       #
#   Optional settings   #
#                       #
#########################

# Name and e-mail pairs of the administrators notified of application errors (with working e-mail settings).
ADMINS = [
    # ['John Doe', 'jdoe@example.com'],
]

# Optional banners at the top and bottom of every page (HTML allowed); BANNER_BOTTOM = BANNER_TOP repeats one.
BANNER_TOP = ''
BANNER_BOTTOM = ''

# Text to include on the login page above the login form. HTML is allowed.
BANNER_LOGIN = ''

# Base URL path if accessing NetBox within a directory. For example, if installed at http://example.com/netbox/, set:
# BASE_PATH = 'netbox/'
BASE_PATH = ''

# API Cross-Origin Resource Sharing: allow every origin, or list them in CORS_ORIGIN_WHITELIST or
# CORS_ORIGIN_REGEX_WHITELIST (see django-cors-headers).
CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = [
    # 'hostname.example.com',
]
CORS_ORIGIN_REGEX_WHITELIST = [
    # r'^(https?://)?(\w+\.)?example\.com$',
]

# Server debugging: slow, and it may reveal sensitive information. Testing only, never in production.
DEBUG = False

# Email settings
EMAIL = {
    'SERVER': 'localhost',
    'PORT': 25,
    'USERNAME': '',
    'PASSWORD': '',
    'TIMEOUT': 10,  # seconds
    'FROM_EMAIL': '',
}

# Enforce unique IP space in the global table (prefixes and addresses outside any VRF).
ENFORCE_GLOBAL_UNIQUE = False

# Enable custom logging. Please see the Django documentation for detailed guidance on configuring custom logs:
#   https://docs.djangoproject.com/en/1.11/topics/logging/
LOGGING = {}

# Setting this to True will permit only authenticated users to access any part of NetBox. By default, anonymous users
# are permitted to access most data in NetBox (excluding secrets) but not make any changes.
LOGIN_REQUIRED = False

# Setting this to True will display a "maintenance mode" banner at the top of every page.
MAINTENANCE_MODE = False

# The largest "?limit=" an API consumer may ask for; 0 or None lets "?limit=0" return every object.
MAX_PAGE_SIZE = 1000

# Where uploaded media (image attachments) is stored; the default follows the installed location.
# MEDIA_ROOT = '/opt/netbox/netbox/media'

# Credentials that NetBox will uses to authenticate to devices when connecting via NAPALM.
NAPALM_USERNAME = ''
NAPALM_PASSWORD = ''

# NAPALM timeout (in seconds). (Default: 30)
NAPALM_TIMEOUT = 30

# NAPALM optional arguments (see http://napalm.readthedocs.io/en/latest/support/#optional-arguments). Arguments must
# be provided as a dictionary.
NAPALM_ARGS = {}

# Determine how many objects to display per page within a list. (Default: 50)
PAGINATE_COUNT = 50

# Prefer IPv4 over IPv6 when choosing a device's primary IP address.
PREFER_IPV4 = False

# Where custom reports are stored; the default follows the installed location.
# REPORTS_ROOT = '/opt/netbox/netbox/reports'

# Time zone (default: UTC)
TIME_ZONE = 'UTC'

# Date/time formatting. See the following link for supported formats:
# https://docs.djangoproject.com/en/dev/ref/templates/builtins/#date
DATE_FORMAT = 'N j, Y'
SHORT_DATE_FORMAT = 'Y-m-d'
TIME_FORMAT = 'g:i a'
SHORT_TIME_FORMAT = 'H:i:s'
DATETIME_FORMAT = 'N j, Y g:i a'
SHORT_DATETIME_FORMAT = 'Y-m-d H:i'
