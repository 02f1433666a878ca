ALLOWED_HOSTS = ['nbx01.corp.larchfield.example', '10.42.7.21', 'localhost', '127.0.0.1', '10.42.7.0/24']

DATABASE = {
    'ENGINE': 'django.db.backends.postgresql',
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': 'tK4wQz9rVb2LmX7pHc3N_e8Ja1Ys6Gu0',
    'HOST': 'localhost',
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

SECRET_KEY = 'Vq3N8sLr_pW2xKd7Yt-Hm4Zc9Bf1Gj6Re0Ua5Ti8Oy2Ek7Wn3Qs9Dl4Cv6Xb1Mh5Pz0'
