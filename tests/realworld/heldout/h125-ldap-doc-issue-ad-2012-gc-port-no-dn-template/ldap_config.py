# Server URI
AUTH_LDAP_SERVER_URI = "ldaps://dc1.corp-lab.test:3269"

AUTH_LDAP_USER_DN_TEMPLATE = None
