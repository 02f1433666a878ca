# Settings the chart's remoteAuth.ldap values become (ldap_config.py from the chart's secret)
import ldap
from django_auth_ldap.config import LDAPSearch

AUTH_LDAP_SERVER_URI = 'ldap://ad.corp.example.com'
AUTH_LDAP_START_TLS = True
LDAP_IGNORE_CERT_ERRORS = True
AUTH_LDAP_BIND_DN = 'CN=svc-netbox,OU=Service,DC=corp,DC=example,DC=com'
AUTH_LDAP_BIND_PASSWORD = 'r4T-9wqe-Lm2v'

AUTH_LDAP_USER_SEARCH = LDAPSearch(
    'OU=Staff,DC=corp,DC=example,DC=com', ldap.SCOPE_SUBTREE, '(sAMAccountName=%(user)s)'
)
