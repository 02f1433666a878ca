LOGIN_REQUIRED = True
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.okta.OktaOAuth2'
SOCIAL_AUTH_OKTA_OAUTH2_KEY = 'redacted'
SOCIAL_AUTH_OKTA_OAUTH2_SECRET = 'redacted-too'
SOCIAL_AUTH_OKTA_OAUTH2_API_URL = 'https://corp.okta.example/oauth2/'
SOCIAL_AUTH_REDIRECT_IS_HTTPS = True
SOCIAL_AUTH_OKTA_OAUTH2_SCOPE = ['openid', 'profile', 'email', 'groups']

SOCIAL_AUTH_PIPELINE = [
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.auth_allowed',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.social_auth.associate_by_email',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'netbox.authentication.user_default_groups_handler',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
    'netbox.okta_netbox_sso.sync_groups',
]
