# netbox/netbox/netbox/configuration.py

### Keycloak OIDC
REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'
# or a list for several backends, e.g. Keycloak and LDAP
# REMOTE_AUTH_BACKEND = [
#         'social_core.backends.keycloak.KeycloakOAuth2',
#         'netbox.authentication.LDAPBackend'
# ]

SOCIAL_AUTH_KEYCLOAK_KEY = 'netbox'
SOCIAL_AUTH_KEYCLOAK_SECRET = 'Vq3nX8rLm2TzP6wYb9KcD4hJ7sF1gA5e'
SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwq7Lm3NfY8pZ2sR5tV1xB6cH9dJ4kW0eQ3uA7gT2yK8iO5rP1nM6vC3bX9zL4hS7fD2jG0aE5wU8qY1tR6oI3pK9mN2vB7cX4zS1hL8dF5gJ0aW3eT6yU9iO2pQ5rM8nB1vC4xZ7kL0sH3dG6fJ9aE2wT5uY8iR1oP4qN7mB0vX3cZ6kS9lH2dF5gJ8aW1eT4yU7iO0pQ3rMIDAQAB'
SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://sso.plant-ops.example/realms/ops/protocol/openid-connect/auth'
SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://sso.plant-ops.example/realms/ops/protocol/openid-connect/token'
SOCIAL_AUTH_BACKEND_ATTRS = {
    'keycloak': ("Sign in with Keycloak", "login"),
}  # button text

# our Keycloak role sync step: netbox.custom_pipeline.set_role
SOCIAL_AUTH_PIPELINE = [
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'social_core.pipeline.social_auth.associate_by_email',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'netbox.authentication.user_default_groups_handler',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
    'netbox.custom_pipeline.set_role'
]
### Keycloak OIDC end
