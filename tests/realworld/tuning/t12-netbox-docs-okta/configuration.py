REMOTE_AUTH_BACKEND = 'social_core.backends.okta_openidconnect.OktaOpenIdConnect'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_KEY = '0oa1b2c3d4e5f6g7h8i9'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_SECRET = 'okta-client-secret'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = 'https://corp.okta.example/oauth2/'
