# Single sign-on with Microsoft Azure AD (multi-tenant OAuth2 backend)
REMOTE_AUTH_BACKEND = 'social_core.backends.azuread.AzureADOAuth2'

SOCIAL_AUTH_AZUREAD_OAUTH2_KEY = '3f2b8c1e-6d4a-4e7b-9a10-5c2d8e7f0a41'
SOCIAL_AUTH_AZUREAD_OAUTH2_SECRET = 'Qx7~pLm2.Vt9rS4kW8zN3hJ6bF1cD5gY0aE'
SOCIAL_AUTH_REDIRECT_IS_HTTPS = True
