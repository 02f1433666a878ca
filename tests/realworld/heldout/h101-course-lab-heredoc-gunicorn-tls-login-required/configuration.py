ALLOWED_HOSTS = ['netbox.lab.example.net', 'netbox', '192.0.2.30']
DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'netbox',
             'USER': 'netbox', 'PASSWORD': 'netbox', 'HOST': '/var/lib/netlab/netbox/run', 'PORT': ''}}
REDIS = {'tasks': {'HOST': '127.0.0.1', 'PORT': 6379, 'DATABASE': 0, 'SSL': False},
         'caching': {'HOST': '127.0.0.1', 'PORT': 6379, 'DATABASE': 1, 'SSL': False}}
SECRET_KEY = 'lab-only-8d2b6f0a4e9c3d7b1f5a8e2c6d0b4f9a3e7c1d5b8f2a6e0c4d9b3f7a1e5c8d2'
API_TOKEN_PEPPERS = {1: 'lab-only-pepper-2e6a0c4f8b1d5e9a3c7f0b4d8e2a6c1f5b9'}
TIME_ZONE = 'America/Sao_Paulo'
LOGIN_REQUIRED = True
