from os import environ


def _read_secret(secret_name, default=None):
    try:
        f = open('/run/secrets/' + secret_name, 'r', encoding='utf-8')
    except EnvironmentError:
        return default
    else:
        with f:
            return f.readline().strip()


# SSO Configuration
SOCIAL_AUTH_AZUREAD_OAUTH2_KEY = environ.get('SOCIAL_AUTH_AZUREAD_OAUTH2_KEY', '')
SOCIAL_AUTH_AZUREAD_OAUTH2_SECRET = _read_secret('azuread_oauth2_secret', environ.get('SOCIAL_AUTH_AZUREAD_OAUTH2_SECRET', ''))
SOCIAL_AUTH_AZUREAD_OAUTH2_TENANT_ID = environ.get('SOCIAL_AUTH_AZUREAD_OAUTH2_TENANT_ID', '')
