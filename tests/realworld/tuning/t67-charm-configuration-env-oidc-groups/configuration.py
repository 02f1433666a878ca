# NetBox settings for a Kubernetes operator (charm): values come from the environment the
# charm sets.

import json
import os

ALLOWED_HOSTS = json.loads(os.environ.get("DJANGO_ALLOWED_HOSTS", "[]"))

# the same host names, as https origins
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if host != "*"]

DATABASE = {
    'ENGINE': 'django.db.backends.postgresql',
    "NAME": os.environ.get("POSTGRESQL_DB_NAME"),
    "USER": os.environ.get("POSTGRESQL_DB_USERNAME"),
    "PASSWORD": os.environ.get("POSTGRESQL_DB_PASSWORD"),
    "HOST": os.environ.get("POSTGRESQL_DB_HOSTNAME"),
    "PORT": int(os.environ.get("POSTGRESQL_DB_PORT", "5432")),
    'CONN_MAX_AGE': 300,
}

REDIS = {
    'tasks': {
        'HOST': os.environ.get("REDIS_DB_HOSTNAME"),
        'PORT': os.environ.get("REDIS_DB_PORT", "6379"),
        'USERNAME': os.environ.get("REDIS_DB_USERNAME", ""),
        'PASSWORD': os.environ.get("REDIS_DB_PASSWORD", ""),
        'DATABASE': 0,
        'SSL': False,
    },
    'caching': {
        'HOST': os.environ.get("REDIS_DB_HOSTNAME"),
        'PORT': os.environ.get("REDIS_DB_PORT", "6379"),
        'USERNAME': os.environ.get("REDIS_DB_USERNAME", ""),
        'PASSWORD': os.environ.get("REDIS_DB_PASSWORD", ""),
        'DATABASE': 1,
        'SSL': False,
    }
}

# the platform hands over a shorter key: doubled to pass NetBox's 50-character check
SECRET_KEY = os.environ['DJANGO_SECRET_KEY'] * 2

ADMINS = []
ALLOW_TOKEN_RETRIEVAL = False
BASE_PATH = os.environ.get("DJANGO_BASE_PATH", "")
CORS_ORIGIN_ALLOW_ALL = False
CSRF_COOKIE_NAME = 'csrftoken'
DEBUG = os.environ.get("DJANGO_DEBUG", "false") == "true"
DEFAULT_LANGUAGE = 'en-us'
ENABLE_LOCALIZATION = False
EXEMPT_VIEW_PERMISSIONS = []
INTERNAL_IPS = ('127.0.0.1', '::1')
LOGIN_PERSISTENCE = False
LOGIN_REQUIRED = False
LOGIN_TIMEOUT = None
LOGOUT_REDIRECT_URL = 'home'
METRICS_ENABLED = False
PLUGINS = []
RELEASE_CHECK_URL = None
RQ_DEFAULT_TIMEOUT = 300
SESSION_COOKIE_NAME = 'sessionid'
SESSION_FILE_PATH = None
TIME_ZONE = 'UTC'

DATE_FORMAT = 'N j, Y'
SHORT_DATE_FORMAT = 'Y-m-d'
TIME_FORMAT = 'g:i a'
SHORT_TIME_FORMAT = 'H:i:s'
DATETIME_FORMAT = 'N j, Y g:i a'
SHORT_DATETIME_FORMAT = 'Y-m-d H:i'

# Sign-on through the platform's OAuth integration, when it is related
REMOTE_AUTH_ENABLED = False
if "DJANGO_OIDC_CLIENT_ID" in os.environ:
    REMOTE_AUTH_ENABLED = True
    REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'

    SOCIAL_AUTH_LOGIN_URL = os.environ.get("DJANGO_OIDC_REDIRECT_PATH")
    SOCIAL_AUTH_OIDC_ENDPOINT = os.environ.get("DJANGO_OIDC_API_BASE_URL")
    SOCIAL_AUTH_OIDC_KEY = os.environ.get("DJANGO_OIDC_CLIENT_ID")
    SOCIAL_AUTH_OIDC_SCOPE = os.environ.get("DJANGO_OIDC_SCOPES", "openid profile email").split()
    SOCIAL_AUTH_OIDC_SECRET = os.environ.get("DJANGO_OIDC_CLIENT_SECRET")
    SOCIAL_AUTH_OIDC_USERNAME_KEY = "email"
    SOCIAL_AUTH_VERIFY_SSL = True
    SOCIAL_AUTH_OIDC_AUTHORIZATION_URL = os.environ.get("DJANGO_OIDC_AUTHORIZE_URL")
    SOCIAL_AUTH_OIDC_ACCESS_TOKEN_URL = os.environ.get("DJANGO_OIDC_ACCESS_TOKEN_URL")
    SOCIAL_AUTH_OIDC_JWKS_URI = os.environ.get("DJANGO_OIDC_JWKS_URL")
    SOCIAL_AUTH_OIDC_USERINFO_URL = os.environ.get("DJANGO_OIDC_USER_URL")


def _comma_separated_env(name):
    return [value.strip() for value in os.environ.get(name, "").split(",") if value.strip()]


SOCIAL_AUTH_OIDC_GROUPS_CLAIM = os.environ.get("DJANGO_OIDC_GROUPS_CLAIM", "")
SOCIAL_AUTH_PIPELINE = (
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'netbox.configuration.oidc_groups_handler',
    'netbox.authentication.user_default_groups_handler',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
)


def oidc_groups_handler(user, response, **_kwargs):
    """Set the user's NetBox groups from the configured claim."""
    if not SOCIAL_AUTH_OIDC_GROUPS_CLAIM:
        return
    try:
        remote_groups = response[SOCIAL_AUTH_OIDC_GROUPS_CLAIM]
    except KeyError as exc:
        raise ValueError(f"no {SOCIAL_AUTH_OIDC_GROUPS_CLAIM!r} claim in the response") from exc
    if not isinstance(remote_groups, (list, tuple)):
        raise ValueError(f"the {SOCIAL_AUTH_OIDC_GROUPS_CLAIM!r} claim is not a list")

    from netbox.authentication import RemoteUserBackend

    RemoteUserBackend().configure_groups(user, remote_groups)


REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_AUTO_CREATE_GROUPS = bool(SOCIAL_AUTH_OIDC_GROUPS_CLAIM)
REMOTE_AUTH_GROUP_SYNC_ENABLED = bool(SOCIAL_AUTH_OIDC_GROUPS_CLAIM)
REMOTE_AUTH_SUPERUSER_GROUPS = _comma_separated_env("DJANGO_OIDC_SUPERUSER_GROUPS")
REMOTE_AUTH_STAFF_GROUPS = _comma_separated_env("DJANGO_OIDC_STAFF_GROUPS")
REMOTE_AUTH_DEFAULT_GROUPS = []
REMOTE_AUTH_DEFAULT_PERMISSIONS = {}
