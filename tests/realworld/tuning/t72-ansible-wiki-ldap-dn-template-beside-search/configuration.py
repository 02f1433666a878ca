# The role's netbox_remote_auth variable, as it lands in configuration.py.
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'
