#!/usr/bin/env python
# -*- coding:utf-8 -*-
"""
---
File:           ldap_config.py
Author:         Network Team
Email:          netops@ops.example.org
Description:    LDAP settings for NetBox.
"""

__version__ = "0.1"

import ldap
from django_auth_ldap.config import LDAPSearch
from django_auth_ldap.config import GroupOfNamesType

# Server URI
AUTH_LDAP_SERVER_URI = "ldaps://dc1.ops.example.org:3269"

# The following may be needed if you are binding to Active Directory.
AUTH_LDAP_CONNECTION_OPTIONS = {
        ldap.OPT_REFERRALS: 0
}

# Set the DN and password for the NetBox service account.
AUTH_LDAP_BIND_DN = "CN=NetBox Reader,CN=Managed Service Accounts,DC=ops,DC=example,DC=org"
AUTH_LDAP_BIND_PASSWORD = "BINDPASSWORD"

# Include this setting if you want to ignore certificate errors. This might be
# needed to accept a self-signed cert.
# Note that this is a NetBox-specific setting which sets:
#     ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)
LDAP_IGNORE_CERT_ERRORS = True

AUTH_LDAP_USER_SEARCH = LDAPSearch("cn=Users,dc=ops,dc=example,dc=org",
                                   ldap.SCOPE_SUBTREE,"(sAMAccountName=%(user)s)")

# If a user's DN is producible from their username, we don't need to search.
# AUTH_LDAP_USER_DN_TEMPLATE = "uid=%(user)s,ou=users,dc=ops,dc=example,dc=org"
AUTH_LDAP_USER_DN_TEMPLATE = "None"

# You can map user attributes to Django attributes as so.
AUTH_LDAP_USER_ATTR_MAP = {
        "first_name": "givenName",
        "last_name": "sn",
        "email": "mail"
}
# This search ought to return all groups to which the user belongs.
# django_auth_ldap uses this to determine group hierarchy.
AUTH_LDAP_GROUP_SEARCH = LDAPSearch("dc=ops,dc=example,dc=org", ldap.SCOPE_SUBTREE,
                                   "(objectClass=group)")
AUTH_LDAP_GROUP_TYPE = GroupOfNamesType()

# Define a group required to login.
AUTH_LDAP_REQUIRE_GROUP = "cn=NetBox Users,dc=ops,dc=example,DC=org"

# Define special user types using groups. Exercise great caution when assigning
# superuser status.
AUTH_LDAP_USER_FLAGS_BY_GROUP = {
        "is_active": "cn=active,ou=groups,dc=ops,dc=example,dc=org",
}

# This should only be done once
AUTH_LDAP_ALWAYS_UPDATE_USER = False

# For more granular permissions, we can map LDAP groups to Django groups.
AUTH_LDAP_FIND_GROUP_PERMS = True

# Cache groups for one hour to reduce LDAP traffic
AUTH_LDAP_CACHE_GROUPS = True
AUTH_LDAP_GROUP_CACHE_TIMEOUT = 3600

# Use ldaps:// because it is better
AUTH_LDAP_START_TLS = True

AUTHENTICATION_BACKENDS = (
    'django_auth_ldap.backend.LDAPBackend'
    'django.contrib.auth.backends.ModelBackend'
)
