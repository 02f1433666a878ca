# HelmRelease values, as the chart's netbox.yaml sets them
METRICS_ENABLED = True
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'
REMOTE_AUTH_AUTO_CREATE_USER = True
LOGIN_REQUIRED = True
TIME_ZONE = 'Europe/Brussels'

# extraConfig: the authentik-client secret (oidc-authentik.yaml)
SOCIAL_AUTH_OIDC_ENDPOINT = 'https://auth.home.example/application/o/netbox'
SOCIAL_AUTH_OIDC_KEY = 'Vq3nT8dLwB2mXr6P'
SOCIAL_AUTH_OIDC_SECRET = 'oidc-home-secret-72c4e1a9b05d'
SOCIAL_AUTH_OIDC_SCOPE = ['openid', 'profile', 'email', 'roles']
LOGOUT_REDIRECT_URL = 'https://auth.home.example/application/o/netbox/end-session/'

# extraConfig: values
SOCIAL_AUTH_PIPELINE = [
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.auth_allowed',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
    'netbox.authentik_pipeline.add_groups',
    'netbox.authentik_pipeline.remove_groups',
    'netbox.authentik_pipeline.set_roles',
]
