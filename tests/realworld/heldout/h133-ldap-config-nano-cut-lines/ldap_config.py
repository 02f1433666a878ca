
import ldap
from django_auth_ldap.config import LDAPSearch, NestedGroupOfNamesType, GroupOfNamesType

# Server URI
AUTH_LDAP_SERVER_URI = "ldaps://dc01.corp.example.org"
AUTH_LDAP_CONNECTION_OPTIONS = {
    ldap.OPT_REFERRALS: 0
}
AUTH_LDAP_BASE_DN = 'DC=corp,DC=example,DC=org'
AUTH_LDAP_BIND_DN = "CN=svc-netbox,OU=Service,OU=IPAM,OU=Apps,DC=corp,DC=example,DC=org"
AUTH_LDAP_BIND_PASSWORD = "Kq7-not-our-real-password"
LDAP_IGNORE_CERT_ERRORS = True

# Search from the base DN instead of ou=Users
#AUTH_LDAP_USER_SEARCH = LDAPSearch("dc=corp,dc=example,dc=org", ldap.SCOPE_SUBTREE, "(sAMAccountName=%(u>
AUTH_LDAP_USER_SEARCH = LDAPSearch(
    "dc=corp,dc=example,dc=org",
    ldap.SCOPE_SUBTREE,
    "(|(sAMAccountName=%(user)s)(mail=%(user)s))"
)


AUTH_LDAP_USER_ATTR_MAP = {
    "first_name": "givenName",
    "last_name": "sn",
    "email": "mail"
}

AUTH_LDAP_GROUP_SEARCH = LDAPSearch("dc=corp,dc=example,dc=org", ldap.SCOPE_SUBTREE,"(objectClass=group)")
AUTH_LDAP_GROUP_TYPE = GroupOfNamesType()
AUTH_LDAP_REQUIRE_GROUP = "CN=ipam_active,OU=Groups,OU=IPAM,OU=Apps,DC=corp,DC=exam>

#Mirror LDAP group
#AUTH_LDAP_MIRROR_GROUPS = True

#Special user types from groups
AUTH_LDAP_USER_FLAGS_BY_GROUP = {
#       "is_active": "CN=ipam_active,OU=Groups,OU=IPAM,OU=Apps,DC=corp,DC=example,DC=o>
        "is_staff": "CN=ipam_staff,OU=Groups,OU=IPAM,OU=Apps,DC=corp,DC=example,DC=org",
        "is_superuser": "CN=ipam_admin,OU=Groups,OU=IPAM,OU=Apps,DC=corp,DC=example,D>
}

AUTH_LDAP_FIND_GROUP_PERMS = True
AUTH_LDAP_CACHE_TIMEOUT = 3600

