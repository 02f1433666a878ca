import ldap
from django_auth_ldap.config import LDAPSearch, NestedGroupOfNamesType

AUTH_LDAP_SERVER_URI = "ldap://dc.office.example"

AUTH_LDAP_CONNECTION_OPTIONS = {
    ldap.OPT_REFERRALS: 0,
}

AUTH_LDAP_BIND_DN = "CN=svc-netbox,OU=ServiceAccounts,DC=office,DC=example"
AUTH_LDAP_BIND_PASSWORD = "svc-bind-password-here"

AUTH_LDAP_USER_SEARCH = LDAPSearch(
    "DC=office,DC=example",
    ldap.SCOPE_SUBTREE,
    "(sAMAccountName=%(user)s)",
)

AUTH_LDAP_USER_ATTR_MAP = {
    "first_name": "givenName",
    "last_name": "sn",
    "email": "mail",
}

AUTH_LDAP_GROUP_SEARCH = LDAPSearch(
    "OU=Groups,DC=office,DC=example",
    ldap.SCOPE_SUBTREE,
    "(objectClass=group)",
)
AUTH_LDAP_GROUP_TYPE = NestedGroupOfNamesType()

AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    "is_active":    "CN=nb_active,OU=Groups,DC=office,DC=example",
    "is_staff":     "CN=nb_staff,OU=Groups,DC=office,DC=example",
    "is_superuser": "CN=nb_superuser,OU=Groups,DC=office,DC=example",
}

AUTH_LDAP_FIND_GROUP_PERMS = True
AUTH_LDAP_MIRROR_GROUPS    = True
AUTH_LDAP_ALWAYS_UPDATE_USER = True
AUTH_LDAP_CACHE_TIMEOUT    = 10
