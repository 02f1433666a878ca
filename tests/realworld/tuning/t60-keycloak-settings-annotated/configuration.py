# ... (the rest of configuration.py, not shown in the issue)

REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'

SOCIAL_AUTH_KEYCLOAK_KEY: 'netbox'
SOCIAL_AUTH_KEYCLOAK_SECRET: 'c41e9b07-2f6d-4a83-b5e2-7d90f1a36c58'
SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA6hiGEHEQUVFiv40ebd2VLPx2qbRiqI8QRAWcEMIaT5CahqWc6U2XvTyq0UHBvPmv/lrySIT1oniMbbO0UVmLTenEL8ANt0GZSpckbDeH53/oC51GtPU33UIX7o4RZ3YOOZvbQaxeHvjLggpQuM98QgNRwvRFjsY1WpjL5QD4F6oPmIIeSUftKT+VgDIcsGghVd6PBw/mgVgN1zUTbb4SfPlkn0pUUfUJ1tnSf71GJ1KNDgF9W9NrivvoHm+kbpPHIiNqWJfugn6ccUa+7/2e8ROEw2zseyJ54xTogMx68dxa0oCikfXs7iQ4UmWkw4cWrpfMCKbzYYrjzzZ0M1CgpwIDAQAB'
SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL: 'https://netbox-dev.lab.example/realms/netbox/protocol/openid-connect/auth'
SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL: 'https://sso-dev.lab.example/auth/realms/netbox/protocol/openid-connect/token'
SOCIAL_AUTH_KEYCLOAK_ID_KEY: 'email'

# ...
