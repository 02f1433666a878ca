# Ansible managed

import json

DATABASE = {
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': 'Db-rk42-Vx9q-netbox',
    'HOST': 'localhost',
    'PORT': '',
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


ALLOWED_HOSTS = json.loads(r"""["localhost", "127.0.0.1"]""")
TIME_ZONE = "Europe/Paris"
SECRET_KEY = "S8J@yEQHv3hfb2cQ8C&rq%23*2ZKNUL9_%A6E2kph3ByY_feyw"
