# Sign-on through the Authentik OpenID Connect provider; the plugin's sync_groups step is in
# SOCIAL_AUTH_PIPELINE as its installation page says (not shown).
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'

# Read by the plugin's sync_groups step.
REMOTE_AUTH_GROUP_SYNC_ENABLED = True
REMOTE_AUTH_GROUP_HEADER = "groups"
REMOTE_AUTH_AUTO_CREATE_GROUPS = True
REMOTE_AUTH_SUPERUSER_GROUPS = ["nb-admins"]
