# mounted as /etc/netbox/config/ldap/ldap_config.py in the image
import os
import ldap
from django_auth_ldap.config import LDAPSearch

AUTH_LDAP_SERVER_URI = os.environ.get("PLATFORM_LDAP_URL")

AUTH_LDAP_BIND_DN = os.environ.get("PLATFORM_LDAP_BIND_DN", "")
AUTH_LDAP_BIND_PASSWORD = os.environ.get("PLATFORM_LDAP_BIND_PASSWORD", "")

# accounts are below the platform's users base DN, login attribute 'username'
AUTH_LDAP_USER_SEARCH = LDAPSearch(
    os.environ.get("PLATFORM_LDAP_USERS_BASE_DN", ""),
    ldap.SCOPE_SUBTREE,
    "(username=%(user)s)",
)

AUTH_LDAP_USER_ATTR_MAP = {
    "username": "username",
    "email": "mail",
    "first_name": "givenName",
    "last_name": "sn",
}
