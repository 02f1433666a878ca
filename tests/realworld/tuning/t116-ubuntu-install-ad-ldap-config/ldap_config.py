import ldap
from django_auth_ldap.config import LDAPSearch, NestedGroupOfNamesType

# Server URI
AUTH_LDAP_SERVER_URI = "ldap://dc01.corp.example:3268"

# The following may be needed if you are binding to Active Directory.
AUTH_LDAP_CONNECTION_OPTIONS = {
    ldap.OPT_REFERRALS: 0
}

# Set the DN and password for the NetBox service account.
AUTH_LDAP_BIND_DN = "cn=svc-ipam,ou=Service,dc=corp,dc=example"
AUTH_LDAP_BIND_PASSWORD = "Svc-bind-3Fp8"

# Ignore certificate errors (self-signed certificates).
LDAP_IGNORE_CERT_ERRORS = True

# Users log in with their sAMAccountName or their user principal name.
AUTH_LDAP_USER_SEARCH = LDAPSearch(
    "dc=corp,dc=example",
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

AUTH_LDAP_GROUP_SEARCH = LDAPSearch(
    "dc=corp,dc=example",
    ldap.SCOPE_SUBTREE,
    "(objectClass=group)"
)
AUTH_LDAP_GROUP_TYPE = NestedGroupOfNamesType()

# Only members of this group may log in.
AUTH_LDAP_REQUIRE_GROUP = "cn=ipam-active,ou=Groups,dc=corp,dc=example"

AUTH_LDAP_MIRROR_GROUPS = True

AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    "is_active": "cn=ipam-active,ou=Groups,dc=corp,dc=example",
    "is_staff": "cn=ipam-staff,ou=Groups,dc=corp,dc=example",
    "is_superuser": "cn=ipam-superuser,ou=Groups,dc=corp,dc=example"
}

AUTH_LDAP_FIND_GROUP_PERMS = True

AUTH_LDAP_CACHE_TIMEOUT = 3600
AUTH_LDAP_ALWAYS_UPDATE_USER = True
