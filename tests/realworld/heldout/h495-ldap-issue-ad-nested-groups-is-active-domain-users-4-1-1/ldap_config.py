import ldap
from django_auth_ldap.config import LDAPSearch, NestedGroupOfNamesType

# Domain controllers of ad.marlow-freight.co.uk, LDAP over TLS
AUTH_LDAP_SERVER_URI = "ldaps://dc01.ad.marlow-freight.co.uk"

# Needed against Active Directory
AUTH_LDAP_CONNECTION_OPTIONS = {
    ldap.OPT_REFERRALS: 0
}

# Service account NetBox binds with
AUTH_LDAP_BIND_DN = "CN=svc-netbox,OU=Service Accounts,DC=ad,DC=marlow-freight,DC=co,DC=uk"
AUTH_LDAP_BIND_PASSWORD = "Vq7!tRw2#Lm9pZe4"

# Users log in with their sAMAccountName
AUTH_LDAP_USER_SEARCH = LDAPSearch("OU=Staff,DC=ad,DC=marlow-freight,DC=co,DC=uk",
                                   ldap.SCOPE_SUBTREE,
                                   "(sAMAccountName=%(user)s)")
AUTH_LDAP_USER_DN_TEMPLATE = None

AUTH_LDAP_USER_ATTR_MAP = {
    "first_name": "givenName",
    "last_name": "sn",
    "email": "mail"
}

# Groups, nested memberships resolved
AUTH_LDAP_GROUP_SEARCH = LDAPSearch("DC=ad,DC=marlow-freight,DC=co,DC=uk", ldap.SCOPE_SUBTREE,
                                    "(objectClass=group)")
AUTH_LDAP_GROUP_TYPE = NestedGroupOfNamesType()

AUTH_LDAP_MIRROR_GROUPS = True

# Every domain account may sign in (read access comes with the mirrored group)
AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    "is_active": "CN=Domain Users,CN=Users,DC=ad,DC=marlow-freight,DC=co,DC=uk",
}

AUTH_LDAP_FIND_GROUP_PERMS = True
AUTH_LDAP_CACHE_TIMEOUT = 3600
