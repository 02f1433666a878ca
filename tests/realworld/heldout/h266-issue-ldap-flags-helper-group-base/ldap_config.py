import ldap
from django_auth_ldap.config import LDAPSearch, GroupOfNamesType

AUTH_LDAP_SERVER_URI = "ldaps://directory.example.net"
AUTH_LDAP_BIND_DN = "cn=netbox-bind,ou=services,dc=example,dc=net"
AUTH_LDAP_BIND_PASSWORD = "r7Wq2mXv9LpT4cZs"

AUTH_LDAP_USER_SEARCH = LDAPSearch("ou=people,dc=example,dc=net", ldap.SCOPE_SUBTREE, "(uid=%(user)s)")

AUTH_LDAP_GROUP_BASE = "ou=groups,dc=example,dc=net"
AUTH_LDAP_GROUP_SEARCH = LDAPSearch(AUTH_LDAP_GROUP_BASE, ldap.SCOPE_SUBTREE, "(objectClass=groupOfNames)")
AUTH_LDAP_GROUP_TYPE = GroupOfNamesType()

AUTH_LDAP_FIND_GROUP_PERMS = True

AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    'is_active': 'cn=netbox,' + AUTH_LDAP_GROUP_BASE,
    'is_superuser': 'cn=netbox-admin,' + AUTH_LDAP_GROUP_BASE,
}
