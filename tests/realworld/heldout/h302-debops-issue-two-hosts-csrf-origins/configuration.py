ALLOWED_HOSTS = [ 'dcim.example.net', 'ipam.example.net' ]
CSRF_TRUSTED_ORIGINS = [ 'https://dcim.example.net', 'https://ipam.example.net' ]
