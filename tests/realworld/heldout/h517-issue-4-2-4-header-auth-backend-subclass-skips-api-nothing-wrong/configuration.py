# Header authentication part of configuration.py (NetBox 4.2.4). The reverse
# proxy in front signs users in and sends their name in X-Portal-User.
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'netbox.remote_auth_api_skip.ApiSkippingRemoteUserBackend'
REMOTE_AUTH_HEADER = 'HTTP_X_PORTAL_USER'
REMOTE_AUTH_AUTO_CREATE_USER = True
