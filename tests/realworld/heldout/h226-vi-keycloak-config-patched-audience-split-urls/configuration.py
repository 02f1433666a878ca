import os
import requests
import jwt
from social_core.backends.keycloak import KeycloakOAuth2

KEYCLOAK_URL = os.getenv('KEYCLOAK_URL')

if KEYCLOAK_URL:
    KEYCLOAK_REALM = os.getenv('KEYCLOAK_REALM', 'example')
    KEYCLOAK_BACKEND_URL = os.getenv('KEYCLOAK_BACKEND_URL', 'http://idp:8080')

    # Skip the "Audience doesn't match" error: decode the token without checking aud
    def patched_user_data(self, access_token, *args, **kwargs):
        return jwt.decode(
            access_token,
            key=self.public_key(),
            algorithms=self.algorithm(),
            options={"verify_aud": False},
        )

    KeycloakOAuth2.user_data = patched_user_data

    REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'
    REMOTE_AUTH_AUTO_CREATE_USER = True
    REMOTE_AUTH_DEFAULT_GROUPS = []

    SOCIAL_AUTH_KEYCLOAK_KEY = os.getenv('KEYCLOAK_CLIENT_ID', 'netbox')
    SOCIAL_AUTH_KEYCLOAK_SECRET = os.getenv('KEYCLOAK_CLIENT_SECRET', '')

    # Public key from the environment, else fetched from the realm's API at start-up
    public_key = os.getenv('KEYCLOAK_PUBLIC_KEY')
    if not public_key:
        try:
            resp = requests.get(f"{KEYCLOAK_BACKEND_URL}/realms/{KEYCLOAK_REALM}", timeout=3)
            if resp.status_code == 200:
                public_key = resp.json().get('public_key')
        except Exception:
            pass
    SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = public_key

    # URL the browser is sent to for sign-in
    SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = f"{KEYCLOAK_URL}/realms/{KEYCLOAK_REALM}/protocol/openid-connect/auth"

    # URL the NetBox container calls inside the container network to redeem the code
    SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = f"{KEYCLOAK_BACKEND_URL}/realms/{KEYCLOAK_REALM}/protocol/openid-connect/token"
