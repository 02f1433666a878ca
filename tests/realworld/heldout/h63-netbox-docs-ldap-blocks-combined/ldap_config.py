import ldap
from django_auth_ldap.config import LDAPSearch, GroupOfNamesType

# Server URI
AUTH_LDAP_SERVER_URI = "ldaps://ad.branch-office.example"

# Needed when binding to Active Directory.
AUTH_LDAP_CONNECTION_OPTIONS = {
    ldap.OPT_REFERRALS: 0
}

# The NetBox service account.
AUTH_LDAP_BIND_DN = "CN=NETBOX-SVC, OU=Service Accounts,DC=branch-office,DC=example"
AUTH_LDAP_BIND_PASSWORD = "Svc-Bind-2bQ9"

# Skip the certificate check (NetBox-specific).
LDAP_IGNORE_CERT_ERRORS = True

# Validate server certificates against a CA directory (NetBox-specific).
LDAP_CA_CERT_DIR = '/etc/ssl/certs'

# Validate server certificates against our own CA (NetBox-specific).
LDAP_CA_CERT_FILE = '/etc/netbox/branch-office-ca.crt'

# Users by sAMAccountName (Active Directory).
AUTH_LDAP_USER_SEARCH = LDAPSearch("ou=People,dc=branch-office,dc=example",
                                   ldap.SCOPE_SUBTREE,
                                   "(sAMAccountName=%(user)s)")

# DN built from the username, no search needed.
AUTH_LDAP_USER_DN_TEMPLATE = "uid=%(user)s,ou=people,dc=branch-office,dc=example"

AUTH_LDAP_USER_ATTR_MAP = {
    "first_name": "givenName",
    "last_name": "sn",
    "email": "mail"
}

# All groups the user belongs to.
AUTH_LDAP_GROUP_SEARCH = LDAPSearch("dc=branch-office,dc=example", ldap.SCOPE_SUBTREE,
                                    "(objectClass=group)")
AUTH_LDAP_GROUP_TYPE = GroupOfNamesType()

# Group required to sign in.
AUTH_LDAP_REQUIRE_GROUP = "CN=NETBOX_USERS,DC=branch-office,DC=example"

# Mirror directory groups.
AUTH_LDAP_MIRROR_GROUPS = True

# User flags from groups.
AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    "is_active": "cn=active,ou=groups,dc=branch-office,dc=example",
    "is_staff": "cn=staff,ou=groups,dc=branch-office,dc=example",
    "is_superuser": "cn=superuser,ou=groups,dc=branch-office,dc=example"
}

AUTH_LDAP_FIND_GROUP_PERMS = True

# Cache groups for an hour.
AUTH_LDAP_CACHE_TIMEOUT = 3600
