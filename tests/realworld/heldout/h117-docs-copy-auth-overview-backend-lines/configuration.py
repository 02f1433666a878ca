# LDAP Authentication
REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'

# HTTP Header Authentication (the page's second option)
# REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'

# Single Sign-On (SSO) (the page's third option)
# REMOTE_AUTH_BACKEND = 'social_core.backends.google.GoogleOAuth2'
