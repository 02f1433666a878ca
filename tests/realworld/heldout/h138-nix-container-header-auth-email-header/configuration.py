ALLOWED_HOSTS = ["*"]
DATABASE = {"HOST": "/run/postgresql", "NAME": "netbox", "USER": "netbox"}
GIT_PATH = "/nix/store/0000000000000000000000000000000-git-minimal-2.44.1/bin/git"
LOGGING = {"formatters": {"precise": {"format": "[%(levelname)s@%(name)s] %(message)s"}}, "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "precise"}}, "root": {"handlers": ["console"], "level": "INFO"}, "version": 1}
MEDIA_ROOT = "/var/lib/netbox/media"
REDIS = {"caching": {"SSL": False, "URL": "unix:///run/redis-netbox/redis.sock?db=1"}, "tasks": {"SSL": False, "URL": "unix:///run/redis-netbox/redis.sock?db=0"}}
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_HEADER = "HTTP_X_USERNAME"
REMOTE_AUTH_USER_EMAIL = "HTTP_X_EMAIL"
REPORTS_ROOT = "/var/lib/netbox/reports"
SCRIPTS_ROOT = "/var/lib/netbox/scripts"
STATIC_ROOT = "/var/lib/netbox/static"
with open("/var/lib/netbox/.secretkey.txt", "r") as file:
    SECRET_KEY = file.readline()
