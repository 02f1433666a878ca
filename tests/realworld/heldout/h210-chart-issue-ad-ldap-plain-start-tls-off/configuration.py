# Settings the chart's remoteAuth values become (netbox.yaml)
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'netbox.authentication.LDAPBackend'
