ALLOWED_HOSTS = ["ipam.wrenfield.org"]
CSRF_TRUSTED_ORIGINS = ["https://ipam.wrenfield.org"]
DATABASE = {"HOST": "/run/postgresql", "NAME": "netbox", "USER": "netbox"}
GIT_PATH = "/nix/store/0000000000000000000000000000000-git-minimal-2.44.1/bin/git"
LOGGING = {"formatters": {"precise": {"format": "[%(levelname)s@%(name)s] %(message)s"}}, "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "precise"}}, "root": {"handlers": ["console"], "level": "INFO"}, "version": 1}
MEDIA_ROOT = "/var/lib/netbox/media"
REDIS = {"caching": {"SSL": False, "URL": "unix:///run/redis-netbox/redis.sock?db=1"}, "tasks": {"SSL": False, "URL": "unix:///run/redis-netbox/redis.sock?db=0"}}
REPORTS_ROOT = "/var/lib/netbox/reports"
SCRIPTS_ROOT = "/var/lib/netbox/scripts"
STATIC_ROOT = "/var/lib/netbox/static"
with open("/run/secrets/netbox", "r") as file:
    SECRET_KEY = file.readline()
