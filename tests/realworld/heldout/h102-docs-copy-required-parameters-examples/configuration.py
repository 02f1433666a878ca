ALLOWED_HOSTS = ['inventory.corp-lab.test', '198.51.100.47']

DATABASE = {
    'NAME': 'netbox',                              # Database name
    'USER': 'netbox',                              # PostgreSQL username
    'PASSWORD': 'Vq7mKe2LrT9xWp4s',                # PostgreSQL password
    'HOST': 'localhost',                           # Database server
    'PORT': '',                                    # Database port (leave blank for default)
    'CONN_MAX_AGE': 300,                           # Max database connection age
    'ENGINE': 'django.db.backends.postgresql',     # Database driver
}
