#
# Ansible managed
#

import ldap
from django_auth_ldap.config import LDAPSearch, GroupOfNamesType, NestedGroupOfNamesType

# =========== General Server Configuration ===========

AUTH_LDAP_SERVER_URI = "ldap://directory.example.org:1389"

# The following may be needed if you are binding to Active Directory.
AUTH_LDAP_CONNECTION_OPTIONS = {
    ldap.OPT_REFERRALS: 0
}

AUTH_LDAP_BIND_DN = "CN=admin,DC=example,DC=org"
AUTH_LDAP_BIND_PASSWORD = "our-bind-password"

LDAP_IGNORE_CERT_ERRORS = False

# LDAP_CA_CERT_DIR = '/etc/ssl/certs'

# LDAP_CA_CERT_FILE = '/path/to/example-CA.crt'

# =========== User Authentication ===========

AUTH_LDAP_USER_DN_TEMPLATE = "uid=%(user)s,OU=People,DC=example,DC=org"
AUTH_LDAP_USER_ATTR_MAP = {
    "email": "mail",
    "first_name": "givenName",
    "last_name": "sn",
    "user_name": "uid"
}

# =========== User Groups for Permissions ===========

AUTH_LDAP_GROUP_SEARCH = LDAPSearch("OU=Groups,DC=example,DC=org", ldap.SCOPE_SUBTREE, "(objectClass=group)")
AUTH_LDAP_GROUP_TYPE = GroupOfNamesType()


AUTH_LDAP_MIRROR_GROUPS = True

AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    "is_active": "CN=Netbox Users,OU=Groups,DC=example,DC=org",
    "is_staff": "CN=Netbox Staff,OU=Groups,DC=example,DC=org",
    "is_superuser": "CN=Netbox Admins,OU=Groups,DC=example,DC=org"
}

AUTH_LDAP_FIND_GROUP_PERMS = True

AUTH_LDAP_CACHE_TIMEOUT = 3600
