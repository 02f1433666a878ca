# NetBox configuration for the netbox-docker image, mounted at /etc/netbox/config/configuration.py
import os

ALLOWED_HOSTS = [
    os.environ.get('NETBOX_ALLOWED_HOST', 'netbox.lab.example.org'),
    'localhost',
    '127.0.0.1',
]

DATABASE = {
    'NAME': os.environ.get('NETBOX_DB_NAME', 'netbox'),
    'USER': os.environ.get('NETBOX_DB_USER', 'netbox'),
    'PASSWORD': os.environ.get('NETBOX_DB_PASSWORD', ''),
    'HOST': 'netbox-postgres',
    'PORT': '',
    'CONN_MAX_AGE': 300,
}

REDIS = {
    'tasks': {
        'HOST': 'netbox-redis',
        'PORT': 6379,
        'PASSWORD': os.environ.get('NETBOX_REDIS_PASSWORD', ''),
        'DATABASE': 0,
        'SSL': False,
    },
    'caching': {
        'HOST': 'netbox-redis',
        'PORT': 6379,
        'PASSWORD': os.environ.get('NETBOX_REDIS_PASSWORD', ''),
        'DATABASE': 1,
        'SSL': False,
    },
}

SECRET_KEY = os.environ.get('NETBOX_SECRET_KEY', '')

BASE_PATH = ''
LOGIN_REQUIRED = True
MEDIA_ROOT = '/opt/netbox/netbox/media'
TIME_ZONE = os.environ.get('TZ', 'Europe/Berlin')

# Active Directory sign-in, straight against the domain controller (no forward auth in front)
REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'

import ldap
from django_auth_ldap.config import LDAPSearch, GroupOfNamesType, NestedActiveDirectoryGroupType

AUTH_LDAP_SERVER_URI = os.environ.get('LDAP_SERVER', 'ldap://10.20.0.10')

AUTH_LDAP_BIND_DN = os.environ.get('LDAP_BIND_DN', '')
AUTH_LDAP_BIND_PASSWORD = os.environ.get('LDAP_BIND_PASSWORD', '')

# STARTTLS on port 389
AUTH_LDAP_START_TLS = True

AUTH_LDAP_USER_SEARCH = LDAPSearch(
    'OU=Users,OU=Lab,DC=ad,DC=example,DC=org',
    ldap.SCOPE_SUBTREE,
    '(sAMAccountName=%(user)s)',
)

AUTH_LDAP_USER_ATTR_MAP = {
    'first_name': 'givenName',
    'last_name': 'sn',
    'email': 'mail',
}

AUTH_LDAP_GROUP_SEARCH = LDAPSearch(
    'OU=Groups,OU=Lab,DC=ad,DC=example,DC=org',
    ldap.SCOPE_SUBTREE,
    '(objectClass=group)',
)

AUTH_LDAP_GROUP_TYPE = NestedActiveDirectoryGroupType()

AUTH_LDAP_REQUIRE_GROUP = 'CN=IPAM-Users,OU=Security Groups,OU=Groups,OU=Lab,DC=ad,DC=example,DC=org'

AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    'is_active': 'CN=IPAM-Users,OU=Security Groups,OU=Groups,OU=Lab,DC=ad,DC=example,DC=org',
    'is_staff': 'CN=IPAM-Staff,OU=Security Groups,OU=Groups,OU=Lab,DC=ad,DC=example,DC=org',
    'is_superuser': 'CN=IPAM-Admins,OU=Security Groups,OU=Groups,OU=Lab,DC=ad,DC=example,DC=org',
}

AUTH_LDAP_MIRROR_GROUPS = True

PLUGINS = [
    'netbox_unifi_sync',
]

PLUGINS_CONFIG = {
    'netbox_unifi_sync': {},
}
