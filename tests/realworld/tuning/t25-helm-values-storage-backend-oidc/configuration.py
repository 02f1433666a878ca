# Settings from the NetBox Helm chart's values (netbox.yml.tpl) and the oidc.yaml secret the
# chart loads through extraConfig, written as the settings they become.

STORAGE_BACKEND = 'storages.backends.s3boto3.S3Boto3Storage'
STORAGE_CONFIG = {
    'AWS_ACCESS_KEY_ID': 'homelab-netbox-s3-key',
    'AWS_SECRET_ACCESS_KEY': 'homelab-netbox-s3-secret-8e21',
    'AWS_STORAGE_BUCKET_NAME': 'netbox',
    'AWS_S3_ENDPOINT_URL': 'https://static.homelab.example',
    'AWS_S3_REGION_NAME': 'unneeded',
}

LOGIN_REQUIRED = True

REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = [
    'social_core.backends.open_id_connect.OpenIdConnectAuth',
]
REMOTE_AUTH_AUTO_CREATE_USER = True

# oidc.yaml
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://auth.homelab.example/application/o/netbox/'
SOCIAL_AUTH_OIDC_KEY = 'homelab-netbox'
SOCIAL_AUTH_OIDC_SECRET = 'homelab-oidc-secret-3d5a7f2e91c4b680'
SOCIAL_AUTH_OIDC_SCOPE = ['openid', 'profile', 'email', 'roles']
LOGOUT_REDIRECT_URL = 'https://auth.homelab.example/application/o/netbox/end-session/'

SOCIAL_AUTH_PIPELINE = [
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
    'netbox.sso_pipeline_roles.add_groups',
    'netbox.sso_pipeline_roles.remove_groups',
    'netbox.sso_pipeline_roles.set_roles',
]
