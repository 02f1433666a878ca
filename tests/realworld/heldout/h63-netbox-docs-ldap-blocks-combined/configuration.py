REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'
