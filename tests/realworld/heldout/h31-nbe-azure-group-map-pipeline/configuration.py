# Basic SSO authentication
REMOTE_AUTH_BACKEND = 'social_core.backends.azuread.AzureADOAuth2'
SOCIAL_AUTH_AZUREAD_OAUTH2_KEY = '6f1c2b7e-3d4a-4e8b-9c0d-1a2b3c4d5e6f'
SOCIAL_AUTH_AZUREAD_OAUTH2_SECRET = 'Lq8~vT2pXk9Rw4Zs1Nc6Yh3Jd'

# Microsoft Graph API access (required for group mapping)
SOCIAL_AUTH_AZUREAD_OAUTH2_RESOURCE = 'https://graph.microsoft.com/'

# Authentication pipeline with group mapping
SOCIAL_AUTH_PIPELINE = (
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'social_core.pipeline.social_auth.associate_by_email',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'netbox.authentication.user_default_groups_handler',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
    'nbc_auth_extensions.azure_authentication.azuread_map_groups',
)

# Group mapping configuration
SOCIAL_AUTH_PIPELINE_CONFIG = {
    'AZUREAD_USER_FLAGS_BY_GROUP': {
        'is_superuser': ['0d9f3a12-7b45-4c6e-8f21-9a3b5c7d1e20'],
        'is_staff': ['4e8a1c33-2f6b-4d97-a0c5-6b1d2e3f4a51']
    },
    'AZUREAD_GROUP_MAP': {
        '9b7c5d31-1e2f-4a6b-8c9d-0e1f2a3b4c5d': 'Network Engineers',
    }
}
