# services.netbox of the host module (package netbox_3_7) as nixpkgs renders it into configuration.py:
# ALLOWED_HOSTS is nixpkgs' default; database, Redis and path defaults are left out here.
ALLOWED_HOSTS = ["*"]
with open("/run/secrets/netbox/secret_key", "r") as file:
    SECRET_KEY = file.readline()
with open("/run/secrets/netbox/keycloak_secret", "r") as file:
    SOCIAL_AUTH_KEYCLOAK_SECRET = file.readline()

REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = "social_core.backends.keycloak.KeycloakOAuth2"
SOCIAL_AUTH_KEYCLOAK_KEY = "netbox"
SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmu/P/FLCeXLZKgmLclhwzDl2pzpELeQE8Ez4RtRajCJgrmMp7HGqnQQ61yr3OXyiFFEekpt1FOg2mTT2lIyBEhqXC/JdtC5UoFTj7k7c6zQd2C8hn/qwpCxlBEk7Iu1OJ+P22GlIW1n/P5ZoJmAcJcw8RuB2Qh372iQvUxLq7NWsopnwHCwL82ArT+gWHA4vq/iiOKGe37/a2RUfQ1Ow+fShR5sxxCo9UfsQOK3INzEYZSGtfr5cVM014YKFQ80+YQyO9cfVUf2qrAmOSv0oSqD2UXK0JidjVDRNEUtOSQwGEoVK0cLg4GIjnXA2KGl0F9ik41kQ1P7uF1S2iEh6ewIDAQAB"
SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = "https://sso.example.org/realms/home/protocol/openid-connect/auth"
SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = "https://sso.example.org/realms/home/protocol/openid-connect/token"
