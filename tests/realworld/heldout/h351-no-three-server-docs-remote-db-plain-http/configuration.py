ALLOWED_HOSTS = ['*']

DATABASE = {
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': 'Db-Oslo-7720-nb',
    'HOST': '198.51.100.65',
    'PORT': '',
    'CONN_MAX_AGE': 300,
}

REDIS = {
    'tasks': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': '',
        'DATABASE': 0,
        'SSL': False,
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': '',
        'DATABASE': 1,
        'SSL': False,
    }
}

SECRET_KEY = 'mW5#qT8^zL2*vB6!cN9=hR3+jK7(xP1)fD4-sG0@yU8%eA2$oIu'

# IMPORTANT: SECRET_KEY må holdes hemmelig og må ikke committes til git
