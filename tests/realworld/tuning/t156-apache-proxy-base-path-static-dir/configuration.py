# NetBox behind the reverse proxy at 10.20.30.5; NetBox itself on 10.20.30.6
ALLOWED_HOSTS = ['10.20.30.6', '10.20.30.5']

# Base URL path if accessing NetBox within a directory.
BASE_PATH = 'opt/netbox/netbox/static'
