# python-social-auth configuration
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://sso.tarn.example/application/o/netbox'  # endpoint without /.well-known/openid-configuration
SOCIAL_AUTH_OIDC_KEY = 'nb-3c7e91f04a2d'
SOCIAL_AUTH_OIDC_SECRET = 'pTq8wR2vLz6YcN4sKd9fHm1XbJ5eGu7A'
