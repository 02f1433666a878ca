# NetBox v4.1.x configuration (idempotent)

ALLOWED_HOSTS = ['*']  # tighten for production

# v4.1.x expects DATABASE (singular)
DATABASE = {
    'ENGINE': 'django.db.backends.postgresql',
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': '{{ netbox_database_password }}',
    'HOST': 'localhost',
    'PORT': '',
    'CONN_MAX_AGE': 300,
}

REDIS = {
    'tasks': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': '{{ redis_password }}',
        'DATABASE': 0,
        'SSL': False,
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': '{{ redis_password }}',
        'DATABASE': 1,
        'SSL': False,
    },
}

# SECRET_KEY is supplied by Ansible (read from a key file on the host)
SECRET_KEY = '{{ netbox_secret_key }}'
PREFER_IPV4 = True
TIME_ZONE = 'UTC'
LANGUAGE_CODE = 'en-us'
METRICS_ENABLED = True

PLUGINS = [
]

PLUGINS_CONFIG = {
}
