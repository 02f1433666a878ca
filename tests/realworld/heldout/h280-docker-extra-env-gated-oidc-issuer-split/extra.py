####
## This file contains extra configuration options that can't be configured
## directly through environment variables.
####

## Remote authentication support
# REMOTE_AUTH_DEFAULT_PERMISSIONS = {}


####
## topology UI: single sign-on to NetBox's own UI through the same OIDC provider the topology UI uses.
## Off unless NETBOX_SSO=oidc. Local username/password login keeps working for admins.
####
from os import environ as _env

if _env.get('NETBOX_SSO', 'none').lower() == 'oidc':
    REMOTE_AUTH_BACKEND = ['social_core.backends.open_id_connect.OpenIdConnectAuth']
    # SOCIAL_AUTH_OIDC_OIDC_ENDPOINT / _KEY / _SECRET come from the environment (configuration.py).
    # The endpoint is the issuer as NetBox reaches it (e.g. http://idp:8080/realms/topo); the expected
    # "iss" is the issuer as browsers see it, which can differ inside a compose network or cluster.
    SOCIAL_AUTH_OIDC_SCOPE = ['openid', 'profile', 'email']
    if _env.get('NETBOX_SSO_ISSUER'):
        SOCIAL_AUTH_OIDC_ID_TOKEN_ISSUER = _env['NETBOX_SSO_ISSUER']
    SOCIAL_AUTH_BACKEND_ATTRS = {'oidc': (_env.get('NETBOX_SSO_LABEL', 'Single sign-on'), 'login')}
    SOCIAL_AUTH_PIPELINE = (
        'social_core.pipeline.social_auth.social_details',
        'social_core.pipeline.social_auth.social_uid',
        'topo_sso.pipeline.require_group',           # not in a topology group -> refused, no account created
        'social_core.pipeline.social_auth.social_user',
        'topo_sso.pipeline.link_existing_user',      # reuse the account the API created; never a superuser
        'social_core.pipeline.user.get_username',
        'social_core.pipeline.user.create_user',
        'social_core.pipeline.social_auth.associate_user',
        'topo_sso.pipeline.sync_groups',             # IdP groups -> NetBox groups
        'social_core.pipeline.social_auth.load_extra_data',
        'social_core.pipeline.user.user_details',
    )
