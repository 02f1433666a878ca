import os

# Sign-on through the identity provider (OpenID Connect), read from the container's environment.
# netbox-docker's configuration.py merges every *.py of /etc/netbox/config/ into its settings.
#
# Every value comes from the environment; without the three keys below this file sets nothing
# and NetBox keeps local accounts only. The keys are listed in .env.example.
#
# The provider's endpoints live under its issuer (Authentik: https://<idp>/application/o/<slug>/).
# The public origin also belongs in CSRF_TRUSTED_ORIGINS (set from the compose file).

_client_id = os.environ.get("NETBOX_SSO_CLIENT_ID", "").strip()
_client_secret = os.environ.get("NETBOX_SSO_CLIENT_SECRET", "").strip()
_endpoint = os.environ.get("NETBOX_SSO_ENDPOINT", "").strip().rstrip("/") + "/"

if _client_id and _client_secret and _endpoint:
    REMOTE_AUTH_ENABLED = True
    REMOTE_AUTH_BACKEND = "social_core.backends.open_id_connect.OpenIdConnectAuth"
    REMOTE_AUTH_AUTO_CREATE_USER = True

    # New users are put in these existing NetBox groups (comma-separated).
    _groups = os.environ.get("NETBOX_SSO_DEFAULT_GROUPS", "")
    REMOTE_AUTH_DEFAULT_GROUPS = [g.strip() for g in _groups.split(",") if g.strip()]
    REMOTE_AUTH_DEFAULT_PERMISSIONS = {}

    # python-social-auth names its settings after the backend ("oidc").
    SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = _endpoint
    SOCIAL_AUTH_OIDC_KEY = _client_id
    SOCIAL_AUTH_OIDC_SECRET = _client_secret
