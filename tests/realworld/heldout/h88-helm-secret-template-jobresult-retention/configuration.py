ALLOWED_HOSTS = [
    '127.0.0.1',
    '::1',
    'netbox.lab.example.net',
]

DATABASE = {
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': 'Wq7pLk2vRz9d',
    'HOST': 'inventory-postgresql',
    'PORT': '5432',
    'CONN_MAX_AGE': 300,
}

REDIS = {
    'tasks': {
        'HOST': 'inventory-redis',
        'PORT': 6379,
        'PASSWORD': 'r3D1s-Tn8vQ2',
        'DATABASE': 0,
        'SSL': False,
    },
    'caching': {
        'HOST': 'inventory-redis',
        'PORT': 6379,
        'PASSWORD': 'r3D1s-Tn8vQ2',
        'DATABASE': 1,
        'SSL': False,
    }
}

SECRET_KEY = 'ZkE3cFF2TDl3UnQ0Yk44bU0yeUgxc0Q2Z0o1a1A3bkMwdlgzZlI4YVcyaEwxdFk5ZVU0cUI2'
CHANGELOG_RETENTION = 90
JOBRESULT_RETENTION = 90

PREFER_IPV4 = False

ENFORCE_GLOBAL_UNIQUE = False

GRAPHQL_ENABLED = True
MAX_PAGE_SIZE = 1000
PAGINATE_COUNT = 50
CSRF_TRUSTED_ORIGINS = [
  'https://netbox.lab.example.net',
]

CORS_ORIGIN_ALLOW_ALL = False

DEBUG = False

LOGIN_PERSISTENCE = False

LOGIN_REQUIRED = False

METRICS_ENABLED = False

TIME_ZONE = 'UTC'

MEDIA_ROOT = '/opt/netbox/netbox/media'
REPORTS_ROOT = '/opt/netbox/netbox/reports'
SCRIPTS_ROOT = '/opt/netbox/netbox/scripts'

RELEASE_CHECK_URL = 'https://api.github.com/repos/netbox-community/netbox/releases'
SESSION_FILE_PATH = None
