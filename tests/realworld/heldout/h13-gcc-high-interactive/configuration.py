# Existing settings above are kept.

# --- GCC-High OIDC Configuration (added by script) ---
REMOTE_AUTH_BACKEND = 'social_core.backends.azuread.AzureADOAuth2'
SOCIAL_AUTH_AZUREAD_OAUTH2_KEY = 'b7c6d5e4-2222-4333-8444-555566667777'
SOCIAL_AUTH_AZUREAD_OAUTH2_SECRET = 'typed-by-the-operator'
SOCIAL_AUTH_AZUREAD_OAUTH2_AUTHORITY_HOST = 'https://login.microsoftonline.us'

REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_AUTO_CREATE_USER = True
