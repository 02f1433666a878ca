import os
import requests
import jwt
from social_core.backends.keycloak import KeycloakOAuth2

KEYCLOAK_URL = os.getenv('KEYCLOAK_URL')

if KEYCLOAK_URL:
    KEYCLOAK_REALM = os.getenv('KEYCLOAK_REALM', 'master')
    KEYCLOAK_BACKEND_URL = os.getenv('KEYCLOAK_BACKEND_URL', 'http://keycloak:8080')

    # skip the "Audience doesn't match" error: no aud check in PyJWT
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

    # public key from the environment, else fetched from the realm's endpoint
    realm_key = os.getenv('KEYCLOAK_PUBLIC_KEY')
    if not realm_key:
        try:
            resp = requests.get(f"{KEYCLOAK_BACKEND_URL}/realms/{KEYCLOAK_REALM}", timeout=3)
            if resp.status_code == 200:
                realm_key = resp.json().get('public_key')
        except Exception:
            pass
    SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = realm_key

    # the browser is sent here
    SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = f"{KEYCLOAK_URL}/realms/{KEYCLOAK_REALM}/protocol/openid-connect/auth"

    # NetBox's container redeems the code here, inside the Compose network
    SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = f"{KEYCLOAK_BACKEND_URL}/realms/{KEYCLOAK_REALM}/protocol/openid-connect/token"
