ALLOWED_HOSTS = ['inventory.corp-lab.test', 'inventory.lab.internal', '10.20.30.40']

DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': 'netbox',
        'USER': 'netbox',
        'PASSWORD': 'Rk4vNw8qLs2xTb7m',
        'HOST': 'localhost',
        'PORT': '',
        'CONN_MAX_AGE': 300,
    }
}
