# /opt/netbox/netbox/netbox/ldap_config.py
import ldap
from django_auth_ldap.config import LDAPSearch, NestedGroupOfNamesType

# --- Server & bind ---
# ldaps on 636, or the Global Catalog on 3269 for a forest with several domains
AUTH_LDAP_SERVER_URI = "ldaps://dc1.corp.example.org"
AUTH_LDAP_CONNECTION_OPTIONS = {
    ldap.OPT_REFERRALS: 0,  # AD: no referral chasing
}

# read-only service account
AUTH_LDAP_BIND_DN = "CN=svc-netbox,OU=Service Accounts,DC=corp,DC=example,DC=org"
AUTH_LDAP_BIND_PASSWORD = "Vq3!ramp-Lodge-71"

# TLS / certificates: trust the system's CA directory
LDAP_CA_CERT_DIR = '/etc/ssl/certs'
# LDAP_CA_CERT_FILE = '/path/to/corp-ca.crt'
# lab only:
# LDAP_IGNORE_CERT_ERRORS = True

# StartTLS only with ldap://, not ldaps://
# AUTH_LDAP_START_TLS = True

# --- Users ---
# sign in with sAMAccountName or userPrincipalName
AUTH_LDAP_USER_SEARCH = LDAPSearch(
    "DC=corp,DC=example,DC=org",
    ldap.SCOPE_SUBTREE,
    "(&(|(userPrincipalName=%(user)s)(sAMAccountName=%(user)s))"
    "(objectCategory=Person)(objectClass=User))"
)
AUTH_LDAP_USER_DN_TEMPLATE = None

AUTH_LDAP_USER_ATTR_MAP = {
    "username": "sAMAccountName",
    "email": "mail",
    "first_name": "givenName",
    "last_name": "sn",
}
AUTH_LDAP_USER_QUERY_FIELD = "username"

# --- Groups ---
# only the NetBox groups, nested membership followed
AUTH_LDAP_GROUP_SEARCH = LDAPSearch(
    "OU=App Groups,DC=corp,DC=example,DC=org",
    ldap.SCOPE_SUBTREE,
    "(&(objectClass=group)(|(cn=NB-Admin*)(cn=NB-*)))"
)
AUTH_LDAP_GROUP_TYPE = NestedGroupOfNamesType()

AUTH_LDAP_REQUIRE_GROUP = "CN=NB-Users,OU=App Groups,DC=corp,DC=example,DC=org"

AUTH_LDAP_MIRROR_GROUPS = True

AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    "is_superuser": "CN=NB-SuperAdmins,OU=App Groups,DC=corp,DC=example,DC=org",
    "is_active":    "CN=NB-Users,OU=App Groups,DC=corp,DC=example,DC=org",
}

AUTH_LDAP_FIND_GROUP_PERMS = True

# keep group lookups warm for an hour
AUTH_LDAP_CACHE_TIMEOUT = 0

AUTH_LDAP_ALWAYS_UPDATE_USER = True
