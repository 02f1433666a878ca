# ldap_config.py lives in the same folder as configuration.py
import ldap
from django_auth_ldap.config import LDAPSearch, NestedGroupOfNamesType

# Server URI
AUTH_LDAP_SERVER_URI = "ldaps://dc02.ad.example.net"

# The following may be needed if you are binding to Active Directory.
AUTH_LDAP_CONNECTION_OPTIONS = {
    ldap.OPT_REFERRALS: 0
}

# DN and password of the NetBox service account.
AUTH_LDAP_BIND_DN = "CN=svc-ldaps-nb,OU=Accounts,DC=ad,DC=example,DC=net"
AUTH_LDAP_BIND_PASSWORD = "Tz8#kelp-Orbit-40"

# NetBox-specific: ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER) when True
LDAP_IGNORE_CERT_ERRORS = False

# NetBox-specific: ldap.set_option(ldap.OPT_X_TLS_CACERTDIR, LDAP_CA_CERT_DIR)
LDAP_CA_CERT_DIR = '/usr/local/share/ca-certificates/'

# NetBox-specific: ldap.set_option(ldap.OPT_X_TLS_CACERTFILE, LDAP_CA_CERT_FILE)
LDAP_CA_CERT_FILE = '/usr/local/share/ca-certificates/ad-root-ca.crt'

# users by sAMAccountName or userPrincipalName (Active Directory)
AUTH_LDAP_USER_SEARCH = LDAPSearch(
    "OU=Accounts,DC=ad,DC=example,DC=net",
    ldap.SCOPE_SUBTREE,
    "(|(userPrincipalName=%(user)s)(sAMAccountName=%(user)s))"
)

AUTH_LDAP_USER_DN_TEMPLATE = None

AUTH_LDAP_USER_ATTR_MAP = {
    "username": "sAMAccountName",
    "email": "mail",
    "first_name": "givenName",
    "last_name": "sn",
}

AUTH_LDAP_USER_QUERY_FIELD = "username"

# This search ought to return all groups to which the user belongs.
AUTH_LDAP_GROUP_SEARCH = LDAPSearch(
    "CN=NetBox Access,OU=Accounts,DC=ad,DC=example,DC=net",
    ldap.SCOPE_SUBTREE,
    "(objectClass=group)"
)
AUTH_LDAP_GROUP_TYPE = NestedGroupOfNamesType()

# Define a group required to login.
AUTH_LDAP_REQUIRE_GROUP = "CN=NetBox Access,OU=Accounts,DC=ad,DC=example,DC=net"

# Mirror LDAP group assignments.
AUTH_LDAP_MIRROR_GROUPS = True

# Define special user types using groups. Exercise great caution when assigning superuser status.
AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    "is_active": "CN=NetBox Access,OU=Accounts,DC=ad,DC=example,DC=net",
    "is_staff": "CN=NetBox Access,OU=Accounts,DC=ad,DC=example,DC=net",
    "is_superuser": "CN=NetBox Access,OU=Accounts,DC=ad,DC=example,DC=net"
}

# For more granular permissions, we can map LDAP groups to Django groups.
AUTH_LDAP_FIND_GROUP_PERMS = True

# Cache groups for one hour to reduce LDAP traffic
AUTH_LDAP_CACHE_TIMEOUT = 3600
AUTH_LDAP_ALWAYS_UPDATE_USER = True
LDAP_AUTH_USE_TLS = True  # make sure TLS is on
#LDAP_AUTH_TLS_VERIFY_CERTIFICATES = False
