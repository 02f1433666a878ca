# Settings the chart's remoteAuth.ldap values become (server, search and group part)
import ldap
from django_auth_ldap.config import LDAPSearch, GroupOfNamesType

AUTH_LDAP_SERVER_URI = 'ldap://dc1.corp.example.org'
AUTH_LDAP_START_TLS = False
LDAP_IGNORE_CERT_ERRORS = True
AUTH_LDAP_BIND_DN = 'cn=netboxbind,ou=service accounts,DC=corp,dc=example,dc=org'
AUTH_LDAP_BIND_PASSWORD = 'Vt5-mQ8e-zK3r'

AUTH_LDAP_USER_DN_TEMPLATE = None
AUTH_LDAP_USER_SEARCH = LDAPSearch(
    'OU=Users,DC=corp,dc=example,dc=org', ldap.SCOPE_SUBTREE, '(sAMAccountName=%(user)s)'
)

AUTH_LDAP_GROUP_SEARCH = LDAPSearch(
    'OU=Groups,DC= corp,dc=example,dc=org', ldap.SCOPE_SUBTREE, '(objectClass=group)'
)
AUTH_LDAP_GROUP_TYPE = GroupOfNamesType()
AUTH_LDAP_FIND_GROUP_PERMS = True
AUTH_LDAP_MIRROR_GROUPS = True
AUTH_LDAP_CACHE_TIMEOUT = 3600
