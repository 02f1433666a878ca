# Settings the chart's remoteAuth.ldap values become (server, search and group-type part)
import ldap
from django_auth_ldap.config import LDAPSearch, GroupOfNamesType

AUTH_LDAP_SERVER_URI = 'ldaps://dc1.corp.example.com'
AUTH_LDAP_START_TLS = False
LDAP_IGNORE_CERT_ERRORS = True
AUTH_LDAP_BIND_DN = 'CN=svc-netbox,OU=services,DC=corp,DC=example,DC=com'
AUTH_LDAP_BIND_PASSWORD = 'h6Yq-2Lrp-Wx9e'

AUTH_LDAP_USER_DN_TEMPLATE = None
AUTH_LDAP_USER_SEARCH = LDAPSearch(
    'DC=corp,DC=example,DC=com', ldap.SCOPE_SUBTREE, '(sAMAccountName=%(user)s)'
)

AUTH_LDAP_GROUP_SEARCH = LDAPSearch(
    'DC=corp,DC=example,DC=com', ldap.SCOPE_SUBTREE, '(objectClass=top)'
)
AUTH_LDAP_GROUP_TYPE = GroupOfNamesType()
AUTH_LDAP_FIND_GROUP_PERMS = False
AUTH_LDAP_CACHE_TIMEOUT = 3600

AUTH_LDAP_USER_ATTR_MAP = {
    'first_name': 'givenName',
    'last_name': 'sn',
    'email': 'mail',
}
