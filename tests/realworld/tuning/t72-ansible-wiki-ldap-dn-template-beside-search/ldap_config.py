import ldap
from django_auth_ldap.config import LDAPSearch

# Server URI
AUTH_LDAP_SERVER_URI = "ldaps://dc01.corp-lab.example"

# NetBox-specific: skip the server certificate check (self-signed certificates).
LDAP_IGNORE_CERT_ERRORS = True

# Needed when binding to Active Directory.
AUTH_LDAP_CONNECTION_OPTIONS = {
    ldap.OPT_REFERRALS: 0
}

# Service account used for the searches.
AUTH_LDAP_BIND_DN = "CN=svc-netbox,OU=Service Accounts,DC=corp-lab,DC=example"
AUTH_LDAP_BIND_PASSWORD = "Bind-Pass-7Qx2"

# Find users by sAMAccountName.
AUTH_LDAP_USER_SEARCH = LDAPSearch("ou=Staff,dc=corp-lab,dc=example",
                                   ldap.SCOPE_SUBTREE,
                                   "(sAMAccountName=%(user)s)")

# If the DN can be built from the username, no search is needed.
AUTH_LDAP_USER_DN_TEMPLATE = "uid=%(user)s,ou=staff,dc=corp-lab,dc=example"

# Map directory attributes to user fields.
AUTH_LDAP_USER_ATTR_MAP = {
    "first_name": "givenName",
    "last_name": "sn",
    "email": "mail",
}
