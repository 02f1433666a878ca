# The Secret's oidc.yaml key (netbox-chart extraConfig), written as the settings it becomes.
SOCIAL_AUTH_OIDC_ENDPOINT = 'https://login.k3s-home.example/application/o/netbox/'
SOCIAL_AUTH_OIDC_KEY = '4f9c2a7e1b6d8053c3e4a9f0d2b7c6e1'
SOCIAL_AUTH_OIDC_SECRET = 'pL7vQ2xR9sK4mN8tB3wZ6yH1jD5gF0cA7eU2oI9rT4kM6qW8nV3bX1zS5hJ0dG2f'
SOCIAL_AUTH_OIDC_SCOPE = [
    'openid',
    'profile',
    'email',
    'roles',
]
LOGOUT_REDIRECT_URL = 'https://login.k3s-home.example/application/o/netbox/end-session/'
SOCIAL_AUTH_REDIRECT_IS_HTTPS = True
SOCIAL_AUTH_BACKEND_ATTRS = {
    'oidc': ['k3s-home login', 'login'],
}
