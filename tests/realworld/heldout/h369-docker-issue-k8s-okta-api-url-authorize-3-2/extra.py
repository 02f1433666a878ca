REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_BACKEND = 'social_core.backends.okta_openidconnect.OktaOpenIdConnect'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_KEY = '0oa9exampleNetboxK3y7'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_SECRET = 'pW4nR8tZ2vYc6mQ1sX9dL3hJ7kB5fG0a'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = 'https://example-netops.okta.com/oauth2/v1/authorize'
