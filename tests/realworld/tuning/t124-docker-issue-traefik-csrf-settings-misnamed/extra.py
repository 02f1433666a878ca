# tried behind Traefik for "Origin checking failed - null does not match any trusted origins"
ALLOWED_HOSTS = ['netbox.lab.example.net', 'localhost']
CSRF_TRUSTED_ORIGINS = ['https://netbox.lab.example.net']
CSRF_ALLOWED_ORIGINS = ['https://netbox.lab.example.net']
CORS_ORIGINS_WHITELIST = ['https://netbox.lab.example.net']
SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')
