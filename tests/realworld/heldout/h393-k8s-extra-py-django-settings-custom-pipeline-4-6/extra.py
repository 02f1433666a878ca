import os

# OIDC/OAuth2 configuration for Authentik
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'
REMOTE_AUTH_AUTO_CREATE_USER = True

# Social auth configuration
AUTHENTICATION_BACKENDS = (
    'social_core.backends.open_id_connect.OpenIdConnectAuth',
    'netbox.authentication.RemoteUserBackend',
)

# OIDC settings
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://sso.apps.example.org/application/o/netbox/'
SOCIAL_AUTH_OIDC_KEY = 'gW1387brRQJB2fPB54uhqTtpw3rHJzQPLT1LcnLc'
SOCIAL_AUTH_OIDC_SECRET = os.environ.get('SOCIAL_AUTH_OIDC_SECRET')

# Login URLs
LOGIN_URL = '/oauth/login/oidc/'
LOGIN_REDIRECT_URL = '/'

# Additional OIDC configuration
SOCIAL_AUTH_OIDC_SCOPE = ["openid","profile","email"]
SOCIAL_AUTH_OIDC_USERNAME_KEY = 'preferred_username'

# Fill in user fields the provider does not send
def get_user_details(strategy, details, backend, user=None, *args, **kwargs):
    """Return the user details with fallbacks for missing names"""
    out = {
        'username': details.get('username'),
        'email': details.get('email', ''),
        'first_name': details.get('first_name', ''),
        'last_name': details.get('last_name', ''),
    }

    # NetBox needs a last name
    if not out['last_name']:
        full_name = details.get('fullname') or details.get('first_name', '')
        name_parts = full_name.split(' ', 1) if full_name else []

        if len(name_parts) == 2:
            out['first_name'] = name_parts[0]
            out['last_name'] = name_parts[1]
        elif len(name_parts) == 1:
            out['first_name'] = name_parts[0]
            out['last_name'] = name_parts[0]
        else:
            out['first_name'] = out.get('username', 'User')
            out['last_name'] = out.get('username', 'User')

    return {'details': out}

# Register the function as an importable module for the pipeline
import sys
from types import ModuleType

custom_pipeline = ModuleType('netbox_custom_pipeline')
custom_pipeline.get_user_details = get_user_details
sys.modules['netbox_custom_pipeline'] = custom_pipeline

SOCIAL_AUTH_PIPELINE = (
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.auth_allowed',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'netbox_custom_pipeline.get_user_details',  # before create_user
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
)

# User attribute mapping
SOCIAL_AUTH_OIDC_USER_FIELDS = {
    'username': 'preferred_username',
    'email': 'email',
    'first_name': 'given_name',
    'last_name': 'family_name',
}
