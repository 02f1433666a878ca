ALLOWED_HOSTS = ['netbox.example.net']

DATABASES = {
    'default': {
        'NAME': 'netbox',
        'USER': 'netbox',
        'PASSWORD': 'Vb7kQm2xLw9pRt4z',
        'HOST': 'pg.example.net',
        'PORT': '',
        'CONN_MAX_AGE': 300,
    }
}

REDIS = {
    'tasks': {
        'SENTINELS': [
            ('10.20.0.11', 26379),
            ('10.20.0.12', 26379),
            ('10.20.0.13', 26379),
        ],
        'SENTINEL_SERVICE': 'master',
        'PASSWORD': 'q4Jr8sTn2Wv6Yc1e',
        'DATABASE': 0,
        'SSL': True,
        'INSECURE_SKIP_TLS_VERIFY': True,
    },
    'caching': {
        'SENTINELS': [
            ('10.20.0.21', 26379),
            ('10.20.0.22', 26379),
            ('10.20.0.23', 26379),
        ],
        'SENTINEL_SERVICE': 'master',
        'PASSWORD': 'q4Jr8sTn2Wv6Yc1e',
        'DATABASE': 0,
        'SSL': True,
        'INSECURE_SKIP_TLS_VERIFY': True,
    }
}

SECRET_KEY = 'n8%Fh2q!Zr7@Lw3x#Tb6$Vd9^Kp4&Mc1*Gs5(Yj0)Ue8-Ra2+Wo6=Xi3_Nl7'
