ALLOWED_HOSTS = ["*"]
DATABASE = {"HOST": "/run/postgresql", "NAME": "netbox", "USER": "netbox"}
GIT_PATH = "/nix/store/q8w2k4r7m1x5v9c3b6n0z2j4h8f1d7s5-git-minimal-2.50.1/bin/git"
MEDIA_ROOT = "/var/lib/netbox/media"
REDIS = {"caching": {"SSL": False, "URL": "unix:///run/redis-netbox/redis.sock?db=1"}, "tasks": {"SSL": False, "URL": "unix:///run/redis-netbox/redis.sock?db=0"}}
REPORTS_ROOT = "/var/lib/netbox/reports"
SCRIPTS_ROOT = "/var/lib/netbox/scripts"
STATIC_ROOT = "/var/lib/netbox/static"
with open("/run/agenix/netbox", "r") as file:
    SECRET_KEY = file.readline()
