REDIS = {
    'HOST': 'localhost',
    'PORT': 6379,
    'PASSWORD': 'hX3vQ9rLw2Tz',
    'DATABASE': 0,
    'CACHE_DATABASE': 1,
    'DEFAULT_TIMEOUT': 300,
    'SSL': False,
}
