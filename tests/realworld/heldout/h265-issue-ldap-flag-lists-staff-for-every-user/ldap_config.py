import ldap
from django_auth_ldap.config import LDAPSearch, GroupOfNamesType

AUTH_LDAP_SERVER_URI = "ldaps://ldap.example.org"

AUTH_LDAP_USER_SEARCH = LDAPSearch("ou=People,dc=example,dc=org",
                                   ldap.SCOPE_SUBTREE,
                                   "(uid=%(user)s)")

AUTH_LDAP_GROUP_SEARCH = LDAPSearch("ou=Group,dc=example,dc=org", ldap.SCOPE_SUBTREE,
                                    "(objectClass=groupOfNames)")
AUTH_LDAP_GROUP_TYPE = GroupOfNamesType()

AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    "is_active": [ "cn=netbox,ou=Group,dc=example,dc=org","cn=netbox-noc,ou=Group,dc=example,dc=org","cn=netbox-dc,ou=Group,dc=example,dc=org" ],
    "is_staff": [ "cn=netbox,ou=Group,dc=example,dc=org","cn=netbox-noc,ou=Group,dc=example,dc=org","cn=netbox-dc,ou=Group,dc=example,dc=org" ],
    "is_superuser": "cn=netbox-admin,ou=Group,dc=example,dc=org"
}
