# Single sign-on through Keycloak (python-social-auth), added to configuration.py
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'

SOCIAL_AUTH_KEYCLOAK_KEY = 'netbox'
SOCIAL_AUTH_KEYCLOAK_SECRET = 'b7Tq2wXk9LmZ4rPv8NcY3sHd6GfJ1aEu'
SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAq3Jd8mXv2LkT0wZ7yRb5HnC4pQe9sUf1gVa6Yt3oKj2MiNlPcDx8ErGwS5hTz7UvBy0FnA4qLm1XeJd9RkWc6VpQ2sTb8YuHn3fKg5zLxOi7CwMr0jEaSdP4vNtBq9lZ1FyU6hXeG2oRkJ3aWm8sYc5Dv7iTp0QnLb4xCe2HgMf9Ku1zVrAo6EjSt3PwNd8QbXy5Gh2IvLk7Mc0RfUa4TeZn9JsOq1BpDx6WlYg3Cv8HiKr5NtFm2EuSbV7Xa0zQo4dLj1PwIDAQAB'
SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://sso.corp.example/realms/corp/protocol/openid-connect/auth'
SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://sso.corp.example/realms/corp/protocol/openid-connect/token'

# The sign-on button on the login page
SOCIAL_AUTH_BACKEND_ATTRS = {
    'keycloak': {
        'display_name': 'Corporate SSO',
        'icon_url': '/static/img/sso-icon.png',
    }
}
