# services.netbox.settings of a NixOS host (NetBox 4.1 from nixpkgs), as rendered
ALLOWED_HOSTS = ['netbox.garden.example']
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://sso.garden.example/application/o/netbox/'
SOCIAL_AUTH_OIDC_KEY = 'Vq7mKc2RtX9bLw4NzH8sJd3PfY6gAe1UoT5iZk0C'
LOGOUT_REDIRECT_URL = 'https://sso.garden.example/application/o/netbox/end-session/'

# services.netbox.extraConfig
with open("/run/agenix/netbox-client-secret", "r") as file:
    SOCIAL_AUTH_OIDC_SECRET = file.readline()

SOCIAL_AUTH_PIPELINE = (
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'netbox.authentication.user_default_groups_handler',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
    'netbox.custom_pipeline.add_groups',
    'netbox.custom_pipeline.remove_groups',
    'netbox.custom_pipeline.set_roles'
)
