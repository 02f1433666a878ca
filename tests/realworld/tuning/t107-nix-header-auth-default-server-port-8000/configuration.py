# services.netbox.settings of the host module (package netbox_3_7, listenAddress "[::]"),
# as nixpkgs renders them into configuration.py; nixpkgs' own defaults are left out
ALLOWED_HOSTS = ['netbox.lab.example.net', 'netbox.service.consul', '10.20.0.41']
CORS_ORIGIN_ALLOW_ALL = False
CORS_ORIGIN_WHITELIST = ['https://netbox.lab.example.net']
CSRF_TRUSTED_ORIGINS = ['https://netbox.lab.example.net', 'http://netbox.service.consul:8000']
METRICS_ENABLED = True
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'
REMOTE_AUTH_HEADER = 'HTTP_REMOTE_USER'
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_GROUP_HEADER = 'HTTP_REMOTE_GROUPS'
REMOTE_AUTH_GROUP_SYNC_ENABLED = True
REMOTE_AUTH_GROUP_SEPARATOR = ','
REMOTE_AUTH_SUPERUSER_GROUPS = ['admins']
REMOTE_AUTH_STAFF_GROUPS = ['admins']
