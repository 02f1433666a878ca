ALLOWED_HOSTS = ['{{ netbox_fqdn }}']
DATABASE = {
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': '{{ vault_netbox_db_password }}',
    'HOST': 'localhost',
}
REDIS = {
    'tasks': {'HOST': 'localhost', 'PORT': 6379, 'DATABASE': 0},
    'caching': {'HOST': 'localhost', 'PORT': 6379, 'DATABASE': 1},
}
SECRET_KEY = '{{ vault_netbox_secret_key }}'
CSRF_TRUSTED_ORIGINS = ['https://{{ netbox_fqdn }}']

REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://{{ sso_host }}/application/o/{{ netbox_app_slug }}'
SOCIAL_AUTH_OIDC_KEY = '{{ netbox_oidc_client_id }}'
SOCIAL_AUTH_OIDC_SECRET = '{{ vault_netbox_oidc_secret }}'
