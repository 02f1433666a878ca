# appended with tee -a after netbox-docker's own settings
REMOTE_AUTH_ENABLED="true"
REMOTE_AUTH_BACKEND="netbox.authentication.LDAPBackend"
AUTH_USER_MODEL="auth.User"
