# --- GCC-High OIDC Configuration (added by script) ---
REMOTE_AUTH_BACKEND = 'social_core.backends.azuread.AzureADOAuth2'
SOCIAL_AUTH_AZUREAD_OAUTH2_KEY = '3f2b1c4d-0000-4000-8000-abcdefabcdef'
SOCIAL_AUTH_AZUREAD_OAUTH2_SECRET = 'entered-at-the-prompt'
SOCIAL_AUTH_AZUREAD_OAUTH2_AUTHORITY_HOST = 'https://login.microsoftonline.us'

# Enable remote authentication and user creation
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_AUTO_CREATE_USER = True
# --- End of GCC-High OIDC Configuration ---
