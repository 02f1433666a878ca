# Settings the chart's remoteAuth.ldap values become (ldap_config.py from the chart's secret)
import ldap

AUTH_LDAP_SERVER_URI = 'ldaps://ldap.lab.example.org'
AUTH_LDAP_START_TLS = False
LDAP_IGNORE_CERT_ERRORS = True
AUTH_LDAP_BIND_DN = ''
AUTH_LDAP_BIND_PASSWORD = ''
