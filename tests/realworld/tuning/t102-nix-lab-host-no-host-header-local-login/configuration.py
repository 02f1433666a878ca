ALLOWED_HOSTS = ["*"]
CSRF_TRUSTED_ORIGINS = ["http://10.44.0.12"]
DATABASE = {"HOST": "/run/postgresql", "NAME": "netbox", "USER": "netbox"}
DEBUG = False
GIT_PATH = "/nix/store/0000000000000000000000000000000-git-minimal-2.47.2/bin/git"
MEDIA_ROOT = "/var/lib/netbox/media"
REDIS = {"caching": {"SSL": False, "URL": "unix:///run/redis-netbox/redis.sock?db=1"}, "tasks": {"SSL": False, "URL": "unix:///run/redis-netbox/redis.sock?db=0"}}
STATIC_ROOT = "/var/lib/netbox/static"
with open("/var/lib/netbox/secret-key", "r") as file:
    SECRET_KEY = file.readline()
