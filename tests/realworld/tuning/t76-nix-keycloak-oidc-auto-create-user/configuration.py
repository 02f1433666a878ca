# services.netbox.settings, as pythonVars renders them
ALLOWED_HOSTS = ['netbox.home-realm.example']
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://auth.home-realm.example/realms/home'
REMOTE_AUTH_AUTO_CREATE_USER = True
# Groups would not map however we set this.
# SOCIAL_AUTH_USER_FIELD_MAPPING = {
#   "groups": "groups",
# }
# REMOTE_AUTH_AUTO_CREATE_GROUPS = True
# REMOTE_AUTH_GROUP_SYNC_ENABLED = True
# REMOTE_AUTH_SUPERUSER_GROUPS = ["superuser"]
# REMOTE_AUTH_STAFF_GROUPS = ["staff"]

# services.netbox.extraConfig
with open("/run/secrets/services/netbox/openid_client_id", "r") as file:
    SOCIAL_AUTH_OIDC_KEY = file.readline()
with open("/run/secrets/services/netbox/openid_client_secret", "r") as file:
    SOCIAL_AUTH_OIDC_SECRET = file.readline()
