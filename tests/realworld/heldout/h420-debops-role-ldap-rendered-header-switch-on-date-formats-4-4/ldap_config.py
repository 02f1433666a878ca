# Ansible managed
# -*- coding: utf-8 -*-

from importlib import import_module
from os import environ

import ldap
from django_auth_ldap.config import LDAPSearch


# Look a group type class up by its name
def _import_group_type(group_type_name):
    mod = import_module('django_auth_ldap.config')
    try:
        return getattr(mod, group_type_name)()
    except:
        return None

# Directory server
AUTH_LDAP_SERVER_URI = 'ldap://ldap.corp.example/'

# Needed for Active Directory.
AUTH_LDAP_CONNECTION_OPTIONS = {
    ldap.OPT_REFERRALS: 0
}

# Service account of this NetBox host.
AUTH_LDAP_BIND_DN = 'uid=netbox,cn=ipam01.corp.example,ou=Hosts,dc=corp,dc=example'
AUTH_LDAP_BIND_PASSWORD = 'T7jQdYDlBZT1zCPaqjW9ph6,GuSQ6m-g'

# No DN template: users are searched for.
AUTH_LDAP_USER_DN_TEMPLATE = None

# STARTTLS on the ldap:// connection.
AUTH_LDAP_START_TLS = True

# Uncomment to accept any server certificate (NetBox's own setting).
#LDAP_IGNORE_CERT_ERRORS = True

AUTH_LDAP_USER_SEARCH_BASEDN = 'dc=corp,dc=example'
AUTH_LDAP_USER_SEARCH = LDAPSearch(
    AUTH_LDAP_USER_SEARCH_BASEDN,
    ldap.SCOPE_SUBTREE,
    "(uid=%(user)s)"
)

# Groups the user belongs to, for the group hierarchy.
AUTH_LDAP_GROUP_SEARCH_BASEDN = environ.get('AUTH_LDAP_GROUP_SEARCH_BASEDN', '')
AUTH_LDAP_GROUP_SEARCH_CLASS = environ.get('AUTH_LDAP_GROUP_SEARCH_CLASS', 'group')
AUTH_LDAP_GROUP_SEARCH = LDAPSearch(AUTH_LDAP_GROUP_SEARCH_BASEDN, ldap.SCOPE_SUBTREE,
                                    "(objectClass=" + AUTH_LDAP_GROUP_SEARCH_CLASS + ")")
AUTH_LDAP_GROUP_TYPE = _import_group_type(environ.get('AUTH_LDAP_GROUP_TYPE', 'GroupOfNamesType'))

# Only members of this group may sign in.
AUTH_LDAP_REQUIRE_GROUP = 'cn=NetBox Users,ou=Groups,uid=netbox,cn=ipam01.corp.example,ou=Hosts,dc=corp,dc=example'

# User flags taken from group membership.
AUTH_LDAP_USER_FLAGS_BY_GROUP = {}

if AUTH_LDAP_REQUIRE_GROUP is not None:
    AUTH_LDAP_USER_FLAGS_BY_GROUP = {
        "is_active": 'cn=NetBox Active Users,ou=Groups,uid=netbox,cn=ipam01.corp.example,ou=Hosts,dc=corp,dc=example',
        "is_staff": 'cn=NetBox Staff,ou=Groups,uid=netbox,cn=ipam01.corp.example,ou=Hosts,dc=corp,dc=example',
        "is_superuser": 'cn=NetBox Administrators,ou=Groups,uid=netbox,cn=ipam01.corp.example,ou=Hosts,dc=corp,dc=example'
    }

# Map directory groups to NetBox groups for permissions.
AUTH_LDAP_FIND_GROUP_PERMS = environ.get('AUTH_LDAP_FIND_GROUP_PERMS', 'True').lower() == 'true'
AUTH_LDAP_MIRROR_GROUPS = environ.get('AUTH_LDAP_MIRROR_GROUPS', '').lower() == 'true'

# Keep group lookups for an hour.
AUTH_LDAP_CACHE_TIMEOUT = int(environ.get('AUTH_LDAP_CACHE_TIMEOUT', 3600))

# User attributes from the directory.
AUTH_LDAP_USER_ATTR_MAP = {
    "first_name": environ.get('AUTH_LDAP_ATTR_FIRSTNAME', 'givenName'),
    "last_name": environ.get('AUTH_LDAP_ATTR_LASTNAME', 'sn'),
    "email": environ.get('AUTH_LDAP_ATTR_MAIL', 'mailAddress')
}
