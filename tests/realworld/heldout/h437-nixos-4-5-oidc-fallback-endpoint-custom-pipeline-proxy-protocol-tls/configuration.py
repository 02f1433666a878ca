# services.netbox of the host module (pkgs.netbox_4_5, the host's pipeline module linked into the package as
# netbox/netbox/ddix_pipeline.py) as nixpkgs writes configuration.py: the settings, the module's defaults merged in,
# one per line in sorted order, then the extraConfig lines (the module's secret-file reads, then the host's).
ALLOWED_HOSTS = ["dcim.ixp.example.net"]
DATABASES = {"default": {"HOST": "pg01.ixp.example.net", "NAME": "netbox", "PASSWORD": "", "PORT": 5432, "USER": "netbox"}}
GIT_PATH = "/nix/store/0000000000000000000000000000000-git-minimal-2.51.0/bin/git"
LOGGING = {"formatters": {"precise": {"format": "[%(levelname)s@%(name)s] %(message)s"}}, "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "precise"}}, "root": {"handlers": ["console"], "level": "INFO"}, "version": 1}
LOGOUT_REDIRECT_URL = "https://auth.ixp.example.net/application/o/dcim/end-session/"
MEDIA_ROOT = "/var/lib/netbox/media"
REDIS = {"caching": {"SSL": False, "URL": "unix:///run/redis-netbox/redis.sock?db=1"}, "tasks": {"SSL": False, "URL": "unix:///run/redis-netbox/redis.sock?db=0"}}
REMOTE_AUTH_BACKEND = "social_core.backends.open_id_connect.OpenIdConnectAuth"
REMOTE_AUTH_ENABLED = True
REPORTS_ROOT = "/var/lib/netbox/reports"
SCRIPTS_ROOT = "/var/lib/netbox/scripts"
SOCIAL_AUTH_OIDC_ENDPOINT = "https://auth.ixp.example.net/application/o/dcim/"
SOCIAL_AUTH_OIDC_KEY = "VzEPTd2kS1jJXDCKwOOUBptaqsRHQaRIWahhgEJT"
STATIC_ROOT = "/var/lib/netbox/static"
with open("/run/secrets/netbox/secret_key", "r") as file:
    SECRET_KEY = file.readline()
with open("/run/secrets/netbox/api_token_pepper", "r") as file:
    API_TOKEN_PEPPERS = {1: file.readline()}
with open('/run/secrets/netbox/db_pw', 'r') as file:
  DATABASES['default']['PASSWORD'] = file.read()

with open('/run/secrets/netbox/oidc_secret', 'r') as file:
  SOCIAL_AUTH_OIDC_SECRET = file.read()

SOCIAL_AUTH_PIPELINE = (
  ###################
  # Default pipelines
  ###################

  # What the provider tells about the user, in a simple format for creating the
  # user later (sometimes part of the auth response, sometimes an API call).
  'social_core.pipeline.social_auth.social_details',

  # The user's unique identifier at the provider.
  'social_core.pipeline.social_auth.social_uid',

  # Is this sign-in allowed here (e-mail and domain allow-lists, if defined).
  'social_core.pipeline.social_auth.auth_allowed',

  # Is this social account already associated with a user of the site.
  'social_core.pipeline.social_auth.social_user',

  # Make up a username, with a random suffix on a collision.
  'social_core.pipeline.user.get_username',

  # Validation e-mail for the address. Disabled by default.
  # 'social_core.pipeline.mail.mail_validation',

  # Associate with another account of the same e-mail address. Disabled by default.
  # 'social_core.pipeline.social_auth.associate_by_email',

  # Create the user if none was found.
  'social_core.pipeline.user.create_user',

  # Record the association of the social account with the user.
  'social_core.pipeline.social_auth.associate_user',

  # Fill extra_data with the configured values (and the access token etc.).
  'social_core.pipeline.social_auth.load_extra_data',

  # Update the user with changed details from the provider.
  'social_core.pipeline.user.user_details',

  ###################
  # Custom pipelines
  ###################
  # Groups from the identity provider
  'netbox.ddix_pipeline.add_groups',
  'netbox.ddix_pipeline.remove_groups',
  # Roles
  'netbox.ddix_pipeline.set_roles'
)
