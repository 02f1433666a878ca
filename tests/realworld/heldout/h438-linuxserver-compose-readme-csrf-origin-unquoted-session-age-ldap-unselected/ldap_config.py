import ldap
from django_auth_ldap.config import LDAPSearch

AUTH_LDAP_SERVER_URI = "ldap://dc01.iberlab.example"
AUTH_LDAP_BIND_DN = "CN=svc-netbox,OU=Servicios,DC=iberlab,DC=example"
AUTH_LDAP_BIND_PASSWORD = "Jw5Rk8Tn2Qh"
AUTH_LDAP_USER_SEARCH = LDAPSearch(
    "OU=Usuarios,DC=iberlab,DC=example",
    ldap.SCOPE_SUBTREE,
    "(sAMAccountName=%(user)s)"
)
