# NetBox Enterprise: "NetBox Python Configuration Overrides" (admin console, advanced settings)
REMOTE_AUTH_BACKEND = 'social_core.backends.azuread.AzureADOAuth2'
SOCIAL_AUTH_AZUREAD_OAUTH2_KEY = '6f1d2c3b-8a4e-4b7f-9c0d-2e5a7b9c1d3f'
SOCIAL_AUTH_AZUREAD_OAUTH2_SECRET = 'Xq8~pLm2.Vt7Rz4_Kw9Ns3Hd6Fb1Jc5Ga0Ye'
