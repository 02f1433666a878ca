# The real file, kept next to the book so it can be tested on its own.
ALLOWED_HOSTS = ['netbox.internaldomain.com']

# ANCHOR: oidc
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'
SOCIAL_AUTH_OIDC_SCOPE = 'groups'
# ANCHOR_END: oidc

SOCIAL_AUTH_LOGIN_REDIRECT_URL = True
