# services.netbox.settings as the NixOS module writes them, then extraConfig
ALLOWED_HOSTS = ["dcim.ixp.example"]

DATABASE = {
    "NAME": "netbox",
    "USER": "netbox",
    "HOST": "pg01.ixp.example",
    "PORT": 5432,
    "PASSWORD": "",
}

REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = "social_core.backends.open_id_connect.OpenIdConnectAuth"
SOCIAL_AUTH_OIDC_ENDPOINT = "https://auth.ixp.example/application/o/dcim/"
SOCIAL_AUTH_OIDC_KEY = "Qm7rTz2vKx9pLw4nHc8sJd3fGb6yNa5eUt1oRi0q"
LOGOUT_REDIRECT_URL = "https://auth.ixp.example/application/o/dcim/end-session/"

#REMOTE_AUTH_AUTO_CREATE_USER = True
#REMOTE_AUTH_GROUP_SYNC_ENABLED = True
#REMOTE_AUTH_SUPERUSER_GROUPS = ["superuser"]

with open('/run/secrets/dcim_db_pw', 'r') as file:
    DATABASE['PASSWORD'] = file.read()

with open('/run/secrets/dcim_oidc_secret', 'r') as file:
    SOCIAL_AUTH_OIDC_SECRET = file.read()
