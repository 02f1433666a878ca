# services.netbox of the host module (package netbox_4_5 from nixpkgs, its nginx option switched on for the
# host name) as nixpkgs renders the settings into configuration.py; the module's database, Redis, secret
# and path defaults are left out here.
ALLOWED_HOSTS = ["inventory.example.net", "192.0.2.54"]
BANNER_TOP = "Example Lab inventory - authoritative infrastructure records"
CENSUS_REPORTING_ENABLED = False
CSRF_COOKIE_SECURE = True
DISK_BASE_UNIT = 1024
LOGIN_REQUIRED = True
METRICS_ENABLED = True
RAM_BASE_UNIT = 1024
RELEASE_CHECK_URL = None
SECURE_PROXY_SSL_HEADER = ["HTTP_X_FORWARDED_PROTO", "https"]
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
TIME_ZONE = "America/Chicago"
