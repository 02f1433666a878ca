# netbox-chart values (loginRequired, remoteAuth), written as the settings the chart makes of them.
LOGIN_REQUIRED = True
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = [
    'social_core.backends.open_id_connect.OpenIdConnectAuth',
]
