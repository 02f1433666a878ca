ALLOWED_HOSTS = ["[::1]"]
CSRF_TRUSTED_ORIGINS = ["http://__YOUR_HOSTNAME_HERE__"]
DATABASE = {"HOST": "/run/postgresql", "NAME": "netbox", "USER": "netbox"}
MEDIA_ROOT = "/var/lib/netbox/media"
REDIS = {"caching": {"SSL": False, "URL": "unix:///run/redis-netbox/redis.sock?db=1"}, "tasks": {"SSL": False, "URL": "unix:///run/redis-netbox/redis.sock?db=0"}}
REPORTS_ROOT = "/var/lib/netbox/reports"
SCRIPTS_ROOT = "/var/lib/netbox/scripts"
STATIC_ROOT = "/var/lib/netbox/static"
with open("/var/lib/netbox/secret-key-file", "r") as file:
    SECRET_KEY = file.readline()
