# Microsoft Entra ID sign-on, as the Entra ID guide of the NetBox documentation gives it
REMOTE_AUTH_BACKEND = 'social_core.backends.azuread.AzureADOAuth2'
SOCIAL_AUTH_AZUREAD_OAUTH2_KEY = '8d41c7a2-0b3e-4f19-a6d5-72e9c0b14f38'
SOCIAL_AUTH_AZUREAD_OAUTH2_SECRET = 'mN4~tR8.xQ2vL6yH0pZ5sK9wC3fJ7bD1gU'
