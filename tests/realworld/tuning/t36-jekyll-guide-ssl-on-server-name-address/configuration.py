ALLOWED_HOSTS = ['ipam.corp.example', '10.20.0.15']

DATABASE = {
    'NAME': 'netbox',                   # Database name
    'USER': 'netbox',                   # PostgreSQL username
    'PASSWORD': 'Wm3-our-own-db-pass',  # PostgreSQL password
    'HOST': 'localhost',                # Database server
    'PORT': '',                         # Database port (leave blank for default)
    'CONN_MAX_AGE': 300,                # Max database connection age
}

SECRET_KEY = 'Ye5Ra9Tf2Gh7Jk3Lp8Zx1Cv6Bn4Mq0Ws9Ed2Rf7Tg3Yh8Uj5Ik1'
