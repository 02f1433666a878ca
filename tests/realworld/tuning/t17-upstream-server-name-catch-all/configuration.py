import os

ALLOWED_HOSTS = ['netbox.corp.example']

REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://auth.corp.example/application/o/netbox/'
SOCIAL_AUTH_OIDC_KEY = os.environ['OIDC_CLIENT_ID']
SOCIAL_AUTH_OIDC_SECRET = os.environ['OIDC_CLIENT_SECRET']
