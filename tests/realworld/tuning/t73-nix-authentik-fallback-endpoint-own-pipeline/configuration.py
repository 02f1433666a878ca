# services.netbox.settings, as pythonVars renders them
ALLOWED_HOSTS = ['dcim.exchange-lab.example']
DATABASE = {
    'NAME': 'netbox',
    'USER': 'netbox',
    'HOST': 'pg01.exchange-lab.example',
    'PORT': 5432,
    'PASSWORD': '',
}
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'
SOCIAL_AUTH_OIDC_ENDPOINT = 'https://sso.exchange-lab.example/application/o/dcim/'
SOCIAL_AUTH_OIDC_KEY = 'Zr8Kq3VtN1xLm5PwB7dHc2YsJ9gF4aRu6eTo0iQk'
LOGOUT_REDIRECT_URL = 'https://sso.exchange-lab.example/application/o/dcim/end-session/'

# services.netbox.extraConfig
with open('/run/secrets/dcim_db_pw', 'r') as file:
    DATABASE['PASSWORD'] = file.read()

with open('/run/secrets/dcim_oidc_secret', 'r') as file:
    SOCIAL_AUTH_OIDC_SECRET = file.read()

SOCIAL_AUTH_PIPELINE = (
    # social-core's own steps
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.auth_allowed',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
    # our steps: groups and roles from Authentik
    'netbox.exlab_pipeline.add_groups',
    'netbox.exlab_pipeline.remove_groups',
    'netbox.exlab_pipeline.set_roles',
)
