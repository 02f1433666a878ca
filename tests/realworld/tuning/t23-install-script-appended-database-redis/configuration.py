# Copied from configuration_example.py by the installer, then appended to.

ALLOWED_HOSTS = []

DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': 'netbox',
        'USER': '',
        'PASSWORD': '',
        'HOST': 'localhost',
        'PORT': '',
        'CONN_MAX_AGE': 300,
    }
}

REDIS = {
    'tasks': {
        'HOST': 'localhost',
        'PORT': 6379,
        'USERNAME': '',
        'PASSWORD': '',
        'DATABASE': 0,
        'SSL': False,
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        'USERNAME': '',
        'PASSWORD': '',
        'DATABASE': 1,
        'SSL': False,
    }
}

SECRET_KEY = ''

# --- automated additions ---
SECRET_KEY = '5f0c2a9e7b1d4c8a3e6f9b2d5a8c1e4f7a0b3d6c9e2f5a8b1c4d7e0f3a6b9c2d'
ALLOWED_HOSTS = ['inventory.lab.example']

DATABASE = {
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': 'inventory-db-pass',
    'HOST': 'localhost',
    'PORT': '',
}

REDIS = {
    'caches': {
        'default': {
            'HOST': 'localhost',
            'PORT': 6379,
            'PASSWORD': '',
            'DATABASE': 0,
            'SSL': False,
        }
    }
}
# --- end automated additions ---
