####
## This file contains extra configuration options that can't be configured
## directly through environment variables.
####

ADMINS = [
    ['NOC Team', 'noc@example.com'],
]

## URL schemes that are allowed within links in NetBox
ALLOWED_URL_SCHEMES = (
    'file', 'ftp', 'ftps', 'http', 'https', 'irc', 'mailto', 'sftp', 'ssh', 'tel', 'telnet', 'tftp', 'vnc', 'xmpp',
)

## Remote authentication support
# REMOTE_AUTH_DEFAULT_PERMISSIONS = {}
REMOTE_AUTH_ENABLED=True
REMOTE_AUTH_AUTO_CREATE_USER=True
REMOTE_AUTH_BACKEND='social_core.backends.azuread.AzureADOAuth2'
SOCIAL_AUTH_AZUREAD_OAUTH2_KEY='3c1f8a2e-5b7d-4e90-a6c4-2d9e8f1b7a05'
SOCIAL_AUTH_AZUREAD_OAUTH2_SECRET='Xq7~Lm2.Pv9Rt4-Wz8Kc1Hn6Bd3Fs5Gj0Ya'
SOCIAL_AUTH_REDIRECT_IS_HTTPS=True

SOCIAL_AUTH_USERNAME_IS_FULL_EMAIL = True

SOCIAL_AUTH_AZUREAD_OAUTH2_RESOURCE = 'https://graph.microsoft.com/'
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
    'social_core.pipeline.user.user_details'
)


# Define special user types using groups. Exercise great caution when assigning superuser status.
SOCIAL_AUTH_PIPELINE_CONFIG = {
    'AZUREAD_USER_FLAGS_BY_GROUP': {
        "is_staff": ['netops-managers','netops-staff'],
        "is_superuser": ['netops-managers','netops-staff']
    },

    'AZUREAD_GROUP_MAP': {
        'netops-managers': 'netbox-admin',
        'netops-staff': 'netbox-admin',
    }

}
