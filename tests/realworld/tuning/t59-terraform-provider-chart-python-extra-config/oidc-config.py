# Extra NetBox configuration for netbox-chart's extraConfig (mounted from a
# ConfigMap key named oidc-config.yaml).

import os

REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'

# Authentik issuer, no trailing slash.
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://auth.cloud-example.dev/application/o/netbox'

# groups on top of the standard scopes, for _map_netbox_roles below.
SOCIAL_AUTH_OIDC_SCOPE = ['openid', 'email', 'profile', 'groups']

SOCIAL_AUTH_OIDC_KEY = os.environ.get('OIDC_CLIENT_ID')
SOCIAL_AUTH_OIDC_SECRET = os.environ.get('OIDC_CLIENT_SECRET')

# Map the groups claim onto is_staff / is_superuser; demotes users who
# leave the admins group.
def _map_netbox_roles(strategy, details, backend, user=None, response=None, *args, **kwargs):
    if user is None or response is None:
        return
    groups = response.get('groups') or []
    is_admin = 'admins' in groups
    changed = False
    if user.is_staff != is_admin:
        user.is_staff = is_admin
        changed = True
    if user.is_superuser != is_admin:
        user.is_superuser = is_admin
        changed = True
    if changed:
        user.save(update_fields=['is_staff', 'is_superuser'])

SOCIAL_AUTH_PIPELINE = (
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.auth_allowed',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
    'netbox.configuration._map_netbox_roles',
)

# The chart's ingress is off (a gateway in front of the Service): force https.
SOCIAL_AUTH_REDIRECT_IS_HTTPS = True
