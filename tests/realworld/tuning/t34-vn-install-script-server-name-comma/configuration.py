# configuration_example.py of NetBox 4.0.5, as the install script edits it with sed
ALLOWED_HOSTS = ['ipam.corp.example','192.0.2.10']

DATABASE = {
    'NAME': 'netbox',
    'USER': 'netbox_user',
    'PASSWORD': 'Tq7-wVb2-kLm9-ours',
    'HOST': 'localhost',
    'PORT': '',
    'CONN_MAX_AGE': 300,
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

SECRET_KEY = 'r9Zp2Qw8Lx4Vn7Bt1Hc6Jd3Fk5Gs0Ma2Ue8Yo4Ti6Re1Wq9Pl3Xz'
