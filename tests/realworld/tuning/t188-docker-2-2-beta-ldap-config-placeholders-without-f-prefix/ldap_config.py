import ldap
import os

# values from the container's environment (include/ldap.env)
hostname = os.environ['AUTH_LDAP_SERVER']
binduser = os.environ['AUTH_LDAP_BIND_USER']
bindgroup = os.environ['AUTH_LDAP_BIND_GROUP']
dc1 = os.environ['AUTH_LDAP_BIND_DC1']
dc2 = os.environ['AUTH_LDAP_BIND_DC2']
bindpassword = os.environ['AUTH_LDAP_PASSWORD']

# Server URI
AUTH_LDAP_SERVER_URI = "ldaps://{hostname}"

# Needed when binding to Active Directory.
AUTH_LDAP_CONNECTION_OPTIONS = {
    ldap.OPT_REFERRALS: 0
}

# Service account DN and password.
AUTH_LDAP_BIND_DN = "CN={binduser},CN={bindgroup},DC={dc1},DC={dc2}"
AUTH_LDAP_BIND_PASSWORD = "{bindpassword}"

# Accept a self-signed certificate.
LDAP_IGNORE_CERT_ERRORS = True

from django_auth_ldap.config import LDAPSearch

# The user's DN can be built from the login name, so no search.
AUTH_LDAP_USER_DN_TEMPLATE = "uid=%(user)s,cn={bindgroup},dc={dc1},dc={dc2}"
