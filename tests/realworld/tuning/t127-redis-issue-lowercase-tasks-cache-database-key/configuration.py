# Redis, after the upgrade to 2.8 asked for a 'tasks' section
REDIS = {
    'tasks': {
        'host': 'localhost',
        'port': 6379,
        'password': '',
        'database': 0,
        'default_timeout': 300,
        'ssl': False,
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': '',
        'DATABASE': 0,
        'CACHE_DATABASE': 1,
        'DEFAULT_TIMEOUT': 300,
        'SSL': False,
    }
}
