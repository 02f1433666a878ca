# These need to match the client in Keycloak
SOCIAL_AUTH_KEYCLOAK_KEY = 'netbox'
SOCIAL_AUTH_KEYCLOAK_SECRET = 'kc-netbox-client-secret-a41f0d7c6e'

# Realm Settings -> Keys -> RS256 public key
SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuW7yYq2lH0fQ3xGm5Jp8NcR1vT4sL6dK9aE2bZ0wX7iU3oP5nM8qC1hF4jY6tD9gS2rB0vK7lA3eW5zQ1uI8oN4pT6yR2cX0mJ9hG3fD5sA7kL1bV8nE2wQ4tY6uI0oP3aS5dF7gH9jK2lZ4xC6vB8nM1qW3eR5tY7uI9oP1aS3dF5gH7jK9lZ2xC4vB6nM8qW0eR2tY4uI6oP8aS0dF2gH4jK6lZ8xC0vB2nM4qW6eR8tY0uIDAQAB'

# Realm Settings -> General -> OpenID Endpoint Configuration
SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://kc.selfhosted.example/realms/home/protocol/openid-connect/auth'
SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://kc.selfhosted.example/realms/home/protocol/openid-connect/token'
