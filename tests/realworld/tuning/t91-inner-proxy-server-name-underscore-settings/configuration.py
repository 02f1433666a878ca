ALLOWED_HOSTS = ['inventory.corp.example', '10.20.30.40', 'localhost']

# HTTPS through the reverse proxy
SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')

# reverse proxy support
USE_X_FORWARDED_HOST = True
USE_X_FORWARDED_PORT = True
