# NetBox Configuration
import os

ALLOWED_HOSTS = ['netbox.corp.example', 'nbx01', '10.20.30.40', 'localhost', '127.0.0.1']

DATABASE = {
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': 'Qm4vT8zLr2XwN6pa',
    'HOST': 'localhost',
    'PORT': '',
    'CONN_MAX_AGE': 300,
}

REDIS = {
    'tasks': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': 'hJ3nW9sKq1VbZ7ry',
        'DATABASE': 0,
        'SSL': False,
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': 'hJ3nW9sKq1VbZ7ry',
        'DATABASE': 1,
        'SSL': False,
    }
}

SECRET_KEY = 'pV2xR7kLm9QwT4zNc8HsJ3bF6gYd1UaE5oKi0XrMvBnWq2LtZy'

# Désactiver le mode debug en production
DEBUG = False

# Configuration des médias
MEDIA_ROOT = os.path.join(os.path.dirname(__file__), 'media')

# Configuration pour HTTPS via reverse proxy
SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')
# Configuration pour reverse proxy
USE_X_FORWARDED_HOST = True
USE_X_FORWARDED_PORT = True
# Domaines de confiance pour CSRF
CSRF_TRUSTED_ORIGINS = ['https://netbox.corp.example']
