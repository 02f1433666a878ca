import ldap
# Server URI
AUTH_LDAP_SERVER_URI = "ldap://dc1.corp-lab.test"

# The following may be needed if you are binding to Active Directory.
AUTH_LDAP_CONNECTION_OPTIONS = {
    ldap.OPT_REFERRALS: 0
}

# Set the DN and password for the NetBox service account.
AUTH_LDAP_BIND_DN = "CN=svc-inventory,OU=SERVICES,DC=corp-lab,DC=test"
AUTH_LDAP_BIND_PASSWORD = "Hx4pLq9wZt2m"

# Include this setting if you want to ignore certificate errors. This might be needed to accept a self-signed cert.
# Note that this is a NetBox-specific setting which sets:
#     ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)
LDAP_IGNORE_CERT_ERRORS = True

from django_auth_ldap.config import LDAPSearch

AUTH_LDAP_USER_SEARCH = LDAPSearch("OU=USERS,DC=corp-lab,DC=test", ldap.SCOPE_SUBTREE,
                                   "(uid=%(user)s)")  # "(sAMAccountName=%(user)s)")  > also tried this
# You can map user attributes to Django attributes as so.
AUTH_LDAP_USER_ATTR_MAP = {
    "first_name": "givenName",
    "last_name": "sn",
    "email": "mail"
}

from django_auth_ldap.config import LDAPSearch, GroupOfNamesType, NestedGroupOfNamesType

AUTH_LDAP_GROUP_SEARCH = LDAPSearch("OU=GROUPS,DC=corp-lab,DC=test", ldap.SCOPE_SUBTREE,
                                    "(objectClass=groupOfNames)")
