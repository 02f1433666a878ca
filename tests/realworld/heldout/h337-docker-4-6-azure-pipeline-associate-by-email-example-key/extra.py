####
## This file contains extra configuration options that can't be configured
## directly through environment variables.
####

## Remote authentication support
# REMOTE_AUTH_DEFAULT_PERMISSIONS = {}

## Azure AD / Microsoft Entra ID Social Auth Configuration
## Read Social Auth settings from environment variables
from os import environ

# Azure AD OAuth2 settings for single-tenant authentication
if environ.get('SOCIAL_AUTH_AZUREAD_OAUTH2_KEY'):
    SOCIAL_AUTH_AZUREAD_OAUTH2_KEY = environ.get('SOCIAL_AUTH_AZUREAD_OAUTH2_KEY')

if environ.get('SOCIAL_AUTH_AZUREAD_OAUTH2_SECRET'):
    SOCIAL_AUTH_AZUREAD_OAUTH2_SECRET = environ.get('SOCIAL_AUTH_AZUREAD_OAUTH2_SECRET')

# Optional: force an https redirect URI behind a load balancer or reverse proxy
# SOCIAL_AUTH_REDIRECT_IS_HTTPS = True

# Custom pipeline: link a sign-in to an existing user with the same e-mail address
# instead of creating a second user
SOCIAL_AUTH_PIPELINE = (
    # details from the provider
    'social_core.pipeline.social_auth.social_details',
    # the provider's uid
    'social_core.pipeline.social_auth.social_uid',
    # is this backend allowed
    'social_core.pipeline.social_auth.auth_allowed',
    # existing association
    'social_core.pipeline.social_auth.social_user',
    # find an existing user by e-mail (the key step)
    'social_core.pipeline.social_auth.associate_by_email',
    # username
    'social_core.pipeline.user.get_username',
    # create the user if none was found above
    'social_core.pipeline.user.create_user',
    # associate the social account with the user
    'social_core.pipeline.social_auth.associate_user',
    # extra data from the provider
    'social_core.pipeline.social_auth.load_extra_data',
    # update first name, last name and so on
    'social_core.pipeline.user.user_details',
)
