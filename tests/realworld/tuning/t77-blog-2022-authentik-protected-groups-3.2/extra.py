REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://id.lab-north.example/application/o/netbox-lab/'
SOCIAL_AUTH_OIDC_KEY = 'Kc7Qm2Vx9TbL4nRz8WpD1sHf6JgA3yEu5oNi0tYk'
SOCIAL_AUTH_OIDC_SECRET = 'sB4nX8qL2vT7mK9zR1wP6yD3hJ5gF0cA8eU4oI7tY2rM6qN1bV9xC3zK5hJ7wS0d'
SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['groups']
