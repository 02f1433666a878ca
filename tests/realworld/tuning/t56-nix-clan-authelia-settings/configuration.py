# services.netbox.settings of a NixOS host (Authelia as the identity provider), as rendered
ALLOWED_HOSTS = ['netbox.home.internal']
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'
SOCIAL_AUTH_OIDC_KEY = 'netbox'
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://auth.home.example'
SOCIAL_AUTH_BACKEND_ATTRS = {'oidc': ['Authelia', 'login']}

# services.netbox.extraConfig
with open("/run/secrets/vars/netbox/oauth-client-secret", "r") as file:
    SOCIAL_AUTH_OIDC_SECRET = file.readline()
