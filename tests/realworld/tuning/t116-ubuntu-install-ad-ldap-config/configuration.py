ALLOWED_HOSTS = ['ipam.corp.example', '192.0.2.20']

DATABASE = {
    'NAME': 'netbox',               # Database name
    'USER': 'netbox',               # PostgreSQL username
    'PASSWORD': 'Db-pass-7Qx2',     # PostgreSQL password
    'HOST': 'localhost',            # Database server
    'PORT': '',                     # Database port (leave blank for default)
    'CONN_MAX_AGE': 300,            # Max database connection age (seconds)
}

REDIS = {
    'tasks': {
        'HOST': 'localhost',      # Redis server
        'PORT': 6379,             # Redis port
        'PASSWORD': '',           # Redis password (optional)
        'DATABASE': 0,            # Database ID
        'SSL': False,             # Use SSL (optional)
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': '',
        'DATABASE': 1,            # Unique ID for second database
        'SSL': False,
    }
}

SECRET_KEY = 'q8#Zr2v!Lm4Tx9@Wc7Ke1Pb5Ny3Hd6Jf0Ga8Sw2Uo4Ri7El9Xt'

REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'
