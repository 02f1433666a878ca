# Database
DATABASE = {
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': 'Hn4-pQ8-our-db-secret',
    'HOST': 'localhost',
    'PORT': '',
    'CONN_MAX_AGE': 300,
}

# Redis
REDIS = {
    'default': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': '',
        'DATABASE': 0,
        'SSL': False,
    }
}

# Secret key (from generate_secret_key.py)
SECRET_KEY = 'Vb8-Kd2_Lq9sPw3Zx7Hn1Jm5Rt0Yc4Gf6Ua8Ei2Ow9Qs3Dl7Nk1'

# Allowed hosts
ALLOWED_HOSTS = ['*']
