"""NetBox configuration."""
import os
from distutils.util import strtobool
from packaging import version
from django.core.exceptions import ImproperlyConfigured
from .settings import VERSION  # pylint: disable=relative-beyond-top-level


NETBOX_RELEASE_CURRENT = version.parse(VERSION)
NETBOX_RELEASE_28 = version.parse("2.8")
NETBOX_RELEASE_29 = version.parse("2.9")
NETBOX_RELEASE_211 = version.parse("2.11")

# Enforce required configuration parameters
for key in [
    "ALLOWED_HOSTS",
    "POSTGRES_DB",
    "POSTGRES_USER",
    "POSTGRES_HOST",
    "POSTGRES_PASSWORD",
    "REDIS_HOST",
    "REDIS_PASSWORD",
    "SECRET_KEY",
]:
    if not os.environ.get(key):
        raise ImproperlyConfigured(f"Required environment variable {key} is missing.")


def is_truthy(arg):
    """Convert "truthy" strings into Booleans."""
    if isinstance(arg, bool):
        return arg

    try:
        bool_val = strtobool(arg)
    except ValueError:
        raise ImproperlyConfigured(f"Unexpected variable value: {arg}")  # pylint: disable=raise-missing-from

    return bool(bool_val)


BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(" ")

DATABASE = {
    "NAME": os.environ["POSTGRES_DB"],
    "USER": os.environ["POSTGRES_USER"],
    "PASSWORD": os.environ["POSTGRES_PASSWORD"],
    "HOST": os.environ["POSTGRES_HOST"],
    "PORT": 5432 if "POSTGRES_PORT" not in os.environ else int(os.environ["POSTGRES_PORT"]),
}

SECRET_KEY = os.environ["SECRET_KEY"]

REDIS = {
    "caching": {
        "HOST": os.environ["REDIS_HOST"],
        "PORT": int(os.environ.get("REDIS_PORT", 6379)),
        "PASSWORD": os.environ["REDIS_PASSWORD"],
        "DATABASE": 1,
        "SSL": is_truthy(os.environ.get("REDIS_SSL", False)),
    },
    "tasks": {
        "HOST": os.environ["REDIS_HOST"],
        "PORT": int(os.environ.get("REDIS_PORT", 6379)),
        "PASSWORD": os.environ["REDIS_PASSWORD"],
        "DATABASE": 0,
        "SSL": is_truthy(os.environ.get("REDIS_SSL", False)),
    },
}

if NETBOX_RELEASE_28 < NETBOX_RELEASE_CURRENT < NETBOX_RELEASE_29:
    # NetBox 2.8.x Specific Settings
    REDIS["caching"]["DEFAULT_TIMEOUT"] = 300
    REDIS["tasks"]["DEFAULT_TIMEOUT"] = 300
elif NETBOX_RELEASE_CURRENT < NETBOX_RELEASE_211:
    RQ_DEFAULT_TIMEOUT = 300
else:
    raise ImproperlyConfigured(f"Version {NETBOX_RELEASE_CURRENT} of NetBox is unsupported at this time.")

ADMINS = [
    # ['John Doe', 'jdoe@example.com'],
]

BANNER_TOP = os.environ.get("BANNER_TOP", "")
BANNER_BOTTOM = os.environ.get("BANNER_BOTTOM", "")
BANNER_LOGIN = os.environ.get("BANNER_LOGIN", "")

BASE_PATH = os.environ.get("BASE_PATH", "")

CHANGELOG_RETENTION = int(os.environ.get("CHANGELOG_RETENTION", 0))

CORS_ORIGIN_ALLOW_ALL = is_truthy(os.environ.get("CORS_ORIGIN_ALLOW_ALL", False))
CORS_ORIGIN_WHITELIST = []
CORS_ORIGIN_REGEX_WHITELIST = []

DEBUG = is_truthy(os.environ.get("DEBUG", False))
DEVELOPER = is_truthy(os.environ.get("DEVELOPER", False))

EMAIL = {
    "SERVER": os.environ.get("EMAIL_SERVER", "localhost"),
    "PORT": int(os.environ.get("EMAIL_PORT", 25)),
    "USERNAME": os.environ.get("EMAIL_USERNAME", ""),
    "PASSWORD": os.environ.get("EMAIL_PASSWORD", ""),
    "TIMEOUT": int(os.environ.get("EMAIL_TIMEOUT", 10)),  # seconds
    "FROM_EMAIL": os.environ.get("EMAIL_FROM", ""),
}

ENFORCE_GLOBAL_UNIQUE = is_truthy(os.environ.get("ENFORCE_GLOBAL_UNIQUE", False))

INTERNAL_IPS = ("127.0.0.1", "::1")

LOG_LEVEL = os.environ.get("LOG_LEVEL", "DEBUG" if DEBUG else "INFO")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "verbose": {
            "format": "{asctime} {levelname} {message} - {name} - {module} - {pathname}:{lineno}",
            "datefmt": "%H:%M:%S",
            "style": "{",
        },
    },
    "handlers": {"console": {"level": "DEBUG", "class": "rq.utils.ColorizingStreamHandler", "formatter": "verbose"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}

LOGIN_REQUIRED = is_truthy(os.environ.get("LOGIN_REQUIRED", False))

MAINTENANCE_MODE = is_truthy(os.environ.get("MAINTENANCE_MODE", False))

MAX_PAGE_SIZE = int(os.environ.get("MAX_PAGE_SIZE", 1000))

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", os.path.join(BASE_DIR, "media"))

METRICS_ENABLED = True

NAPALM_USERNAME = os.environ.get("NAPALM_USERNAME", "")
NAPALM_PASSWORD = os.environ.get("NAPALM_PASSWORD", "")

NAPALM_TIMEOUT = int(os.environ.get("NAPALM_TIMEOUT", 30))

NAPALM_ARGS = {
    "secret": NAPALM_PASSWORD,
}

PAGINATE_COUNT = int(os.environ.get("PAGINATE_COUNT", 50))

PLUGINS = ["netbox_onboarding"]

PLUGINS_CONFIG = {}

PREFER_IPV4 = is_truthy(os.environ.get("PREFER_IPV4", False))

REMOTE_AUTH_ENABLED = False
REMOTE_AUTH_HEADER = "HTTP_REMOTE_USER"
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_DEFAULT_GROUPS = []

if NETBOX_RELEASE_28 < NETBOX_RELEASE_CURRENT < NETBOX_RELEASE_29:
    # NetBox 2.8.x Specific Settings
    REMOTE_AUTH_BACKEND = "utilities.auth_backends.RemoteUserBackend"
    REMOTE_AUTH_DEFAULT_PERMISSIONS = []
elif NETBOX_RELEASE_CURRENT < NETBOX_RELEASE_211:
    REMOTE_AUTH_BACKEND = "netbox.authentication.RemoteUserBackend"
    REMOTE_AUTH_DEFAULT_PERMISSIONS = {}
else:
    raise ImproperlyConfigured(f"Version {NETBOX_RELEASE_CURRENT} of NetBox is unsupported at this time.")

RELEASE_CHECK_TIMEOUT = 24 * 3600

RELEASE_CHECK_URL = None

SESSION_FILE_PATH = None

REPORTS_ROOT = os.environ.get("REPORTS_ROOT", os.path.join(BASE_DIR, "reports"))

SCRIPTS_ROOT = os.environ.get("SCRIPTS_ROOT", os.path.join(BASE_DIR, "scripts"))

TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")

DATE_FORMAT = os.environ.get("DATE_FORMAT", "N j, Y")
SHORT_DATE_FORMAT = os.environ.get("SHORT_DATE_FORMAT", "Y-m-d")
TIME_FORMAT = os.environ.get("TIME_FORMAT", "g:i a")
SHORT_TIME_FORMAT = os.environ.get("SHORT_TIME_FORMAT", "H:i:s")
DATETIME_FORMAT = os.environ.get("DATETIME_FORMAT", "N j, Y g:i a")
SHORT_DATETIME_FORMAT = os.environ.get("SHORT_DATETIME_FORMAT", "Y-m-d H:i")
