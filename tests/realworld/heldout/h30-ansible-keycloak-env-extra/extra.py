# These need to match your Client app information in Keycloak.
SOCIAL_AUTH_KEYCLOAK_KEY = 'netbox'
SOCIAL_AUTH_KEYCLOAK_SECRET = 'V7pQ2sLk9XwR4tZc1MbN6yHd'

# Keycloak -> Realm Settings -> Keys tab -> Public key button for RS256
SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr5Wm'

# Keycloak -> Realm Settings -> General tab -> OpenID Endpoint Configuration
SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://id.maple-hosting.example/realms/mash/protocol/openid-connect/auth'
SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://id.maple-hosting.example/realms/mash/protocol/openid-connect/token'
