import ldap
from django_auth_ldap.config import LDAPSearch, GroupOfNamesType

# Server config

AUTH_LDAP_SERVER_URI = "ldap://ldap.example.org"
AUTH_LDAP_START_TLS = True
AUTH_LDAP_BIND_DN = "cn=netbox,ou=services,dc=example,dc=org"
AUTH_LDAP_BIND_PASSWORD = "Lb6-role-bind-Pass-279"


# User config

AUTH_LDAP_USER_SEARCH = LDAPSearch("ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE, "(uid=%(user)s)")
AUTH_LDAP_USER_ATTR_MAP = {
    "first_name": "givenName",
    "last_name": "sn",
    "email": "mail"
}


# Group config

AUTH_LDAP_GROUP_SEARCH = LDAPSearch("ou=groups,dc=example,dc=org", ldap.SCOPE_SUBTREE, "(objectClass=group)")
AUTH_LDAP_GROUP_TYPE = GroupOfNamesType()
AUTH_LDAP_REQUIRE_GROUP = "cn=netbox-users,ou=groups,dc=example,dc=org"
AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    "is_active": "cn=netbox-users,ou=groups,dc=example,dc=org",
    "is_staff": "cn=netbox-staff,ou=groups,dc=example,dc=org",
    "is_superuser": "cn=netbox-admins,ou=groups,dc=example,dc=org"
}
AUTH_LDAP_MIRROR_GROUPS = True
AUTH_LDAP_FIND_GROUP_PERMS = True
