# Loaded after configuration.py (netbox-docker mounts it as /etc/netbox/config/extra.py).
import os

# Behind Traefik (TLS ends there): CSRF needs the public origin.
_public_url = os.environ.get("NETBOX_PUBLIC_URL", "").rstrip("/")
if _public_url:
    CSRF_TRUSTED_ORIGINS = [_public_url]

# SSO through Keycloak; REMOTE_AUTH_ENABLED is for header authentication and stays off.
_oidc_endpoint = os.environ.get("NETBOX_OIDC_ENDPOINT", "")
if _oidc_endpoint:
    REMOTE_AUTH_BACKEND = "social_core.backends.open_id_connect.OpenIdConnectAuth"
    SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = _oidc_endpoint
    SOCIAL_AUTH_OIDC_KEY = os.environ.get("NETBOX_OIDC_CLIENT_ID", "netbox")
    SOCIAL_AUTH_OIDC_SECRET = os.environ.get("NETBOX_OIDC_CLIENT_SECRET", "")
    SOCIAL_AUTH_OIDC_SCOPE = ["profile", "email"]

    _logout_url = os.environ.get("NETBOX_OIDC_LOGOUT_URL", "")
    if _logout_url:
        LOGOUT_REDIRECT_URL = _logout_url
