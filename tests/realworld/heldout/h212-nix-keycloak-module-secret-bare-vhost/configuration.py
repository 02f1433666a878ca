# the NixOS module's ALLOWED_HOSTS default, then services.netbox.settings, then the module's extraConfig
ALLOWED_HOSTS = ['*']
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.keycloak.KeycloakOAuth2'
SOCIAL_AUTH_KEYCLOAK_KEY = 'netbox'
SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1YfygjeFqwlwAhFD3nLDEMP7ae/TG14PwC9tRtwn6C/AOqFoSKPVL28DJ5sbn1EsUpZjp+XtuSHV7O3A5P90mmJ/vCJSQ/oIb2gsc3B3eRijvWklEomVm1284UHlveGh8I6bZ8inTExC4NO//KIsOCQsJDCYAHpsv9HT5S+gQ7bxgU93ml65vMhxZ9Y6/8GrU0ARhB7GUSFtQLHCERjtqd75qp/kG3yRxyyyvEyxNrsTX7EqcV13MVsdRwxOzEagY5NlJYiouB/tKKzSTl2ufdOkmuRnPPGJsjimuW1MkKdFrkaEbJBl4rcX/GzmNyohfkLrTdOdHz7I/+K6SOWO0QIDAQAB'
SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL = 'https://sso.example.net/realms/lab/protocol/openid-connect/auth'
SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL = 'https://sso.example.net/realms/lab/protocol/openid-connect/token'

with open('/run/secrets/netbox/secret_key', 'r') as file:
    SECRET_KEY = file.readline()

with open('/run/secrets/netbox/keycloak_secret', 'r') as file:
    SOCIAL_AUTH_KEYCLOAK_SECRET = file.readline()
