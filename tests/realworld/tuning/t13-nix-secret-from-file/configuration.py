# extraConfig of a NixOS module: the secret comes from a file managed by sops
import os

with open("/run/secrets/netbox-oauth-secret", "r") as handle:
    SOCIAL_AUTH_OIDC_SECRET = handle.readline()

SOCIAL_AUTH_BACKEND_ATTRS = {
    'oidc': ("Login with Authelia", "login"),
}
