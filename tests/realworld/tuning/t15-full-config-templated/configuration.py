ALLOWED_HOSTS = ["netbox.as64500.example"]

DATABASE = {
    "NAME": "netbox",
    "USER": "netbox",
    "PASSWORD": "{{ .db_password }}",
    "HOST": "db.as64500.example",
    "PORT": "",
    "CONN_MAX_AGE": 300,
}

REDIS = {
    "tasks": {"HOST": "redis.as64500.example", "PORT": 6385, "DATABASE": 0},
    "caching": {"HOST": "redis.as64500.example", "PORT": 6385, "DATABASE": 1},
}

SECRET_KEY = "{{ .secret_key }}"

EXEMPT_VIEW_PERMISSIONS = ["*"]

SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True

PLUGINS = ["netbox_bgp"]

DJANGO_ADMIN_ENABLED = True

TIME_ZONE = "Europe/Paris"

REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = "social_core.backends.open_id_connect.OpenIdConnectAuth"

SOCIAL_AUTH_OIDC_ENDPOINT = "https://auth.as64500.example/application/o/netbox/"
SOCIAL_AUTH_OIDC_KEY = "{{ .client_id }}"
SOCIAL_AUTH_OIDC_SECRET = "{{ .client_secret }}"
LOGOUT_REDIRECT_URL = "https://auth.as64500.example/application/o/netbox/end-session/"
SOCIAL_AUTH_OIDC_SCOPE = ["openid", "profile", "email", "entitlements"]

SOCIAL_AUTH_PIPELINE = (
    "social_core.pipeline.social_auth.social_details",
    "social_core.pipeline.social_auth.social_uid",
    "social_core.pipeline.social_auth.social_user",
    "social_core.pipeline.user.get_username",
    "social_core.pipeline.user.create_user",
    "social_core.pipeline.social_auth.associate_user",
    "social_core.pipeline.social_auth.load_extra_data",
    "social_core.pipeline.user.user_details",
    "netbox_sso.pipeline.sync_entitlements",
)
