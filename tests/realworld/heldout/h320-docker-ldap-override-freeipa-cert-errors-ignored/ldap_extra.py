####
## Extra LDAP options that can't be configured directly through environment variables.
## Everything set here overrides what ldap_config.py set.
####

from django_auth_ldap.config import LDAPGroupQuery  # not imported by ldap_config.py
from os import environ
import json

AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    'is_active': 'cn=ipausers,cn=groups,cn=accounts,dc=example,dc=net',
    'is_staff': (
        LDAPGroupQuery('cn=infra-admins,cn=groups,cn=accounts,dc=example,dc=net')
        | LDAPGroupQuery('cn=network-eng,cn=groups,cn=accounts,dc=example,dc=net')
        | LDAPGroupQuery('cn=noc,cn=groups,cn=accounts,dc=example,dc=net')
    ),
    'is_superuser': 'cn=infra-admins,cn=groups,cn=accounts,dc=example,dc=net'
}
