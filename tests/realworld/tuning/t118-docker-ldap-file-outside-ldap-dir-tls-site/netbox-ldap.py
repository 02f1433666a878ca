# Mounted into the NetBox container as /etc/netbox/config/ldap_config.py (read-only).
import ldap
from django_auth_ldap.config import LDAPSearch, GroupOfNamesType

# LDAP server
AUTH_LDAP_SERVER_URI = "ldap://10.40.8.5"
AUTH_LDAP_BIND_DN = "CN=netbox,OU=ServiceAccounts,DC=plant,DC=example"
AUTH_LDAP_BIND_PASSWORD = "Ldap-Bind-5rT8"

# User search
AUTH_LDAP_USER_SEARCH = LDAPSearch(
    "OU=Users,DC=plant,DC=example",
    ldap.SCOPE_SUBTREE,
    "(sAMAccountName=%(user)s)"
)

# User attributes
AUTH_LDAP_USER_ATTR_MAP = {
    "first_name": "givenName",
    "last_name": "sn",
    "email": "mail"
}

# Groups
AUTH_LDAP_GROUP_SEARCH = LDAPSearch(
    "OU=Groups,DC=plant,DC=example",
    ldap.SCOPE_SUBTREE,
    "(objectClass=group)"
)

AUTH_LDAP_GROUP_TYPE = GroupOfNamesType()

# Directory groups to NetBox flags
AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    "is_staff": "CN=NetBox Users,OU=Groups,DC=plant,DC=example",
    "is_superuser": "CN=NetBox Admins,OU=Groups,DC=plant,DC=example"
}

# Cache directory lookups for an hour
AUTH_LDAP_CACHE_TIMEOUT = 3600
