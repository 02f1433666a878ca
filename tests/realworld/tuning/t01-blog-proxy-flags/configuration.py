# Lines a homelab blog adds to an existing configuration.py to log in through Authentik
# behind nginx (the rest of the file is the stock example and is not shown).
ALLOWED_HOSTS = ['netbox.lab.example', '192.0.2.10']

REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'
REMOTE_AUTH_HEADER = 'HTTP_X_AUTHENTIK_USERNAME'
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_DEFAULT_GROUPS = []
REMOTE_AUTH_DEFAULT_PERMISSIONS = {}
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://sso.lab.example/application/o/netbox/'
SOCIAL_AUTH_OIDC_KEY = 'lab-netbox-client'
SOCIAL_AUTH_OIDC_SECRET = 'generated-by-authentik-0123456789'
SOCIAL_AUTH_OIDC_SCOPE = ['openid', 'profile', 'email', 'roles']
SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['groups']
SOCIAL_AUTH_REDIRECT_IS_HTTPS = True
SOCIAL_AUTH_ALLOWED_REDIRECT_HOSTS = ['netbox.lab.example', '192.0.2.10']
SOCIAL_AUTH_LOGIN_REDIRECT_URL = True
