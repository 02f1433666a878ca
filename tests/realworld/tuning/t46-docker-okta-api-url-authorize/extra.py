REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_BACKEND = 'social_core.backends.okta_openidconnect.OktaOpenIdConnect'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_KEY = '0oa7rk2netbox4inv5d7'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_SECRET = 'qP3vL9sT2wX6zB8nD4fH7jK1mR5tY0uE'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = 'https://corp-inventory.okta.example/oauth2/v1/authorize'
