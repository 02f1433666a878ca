{{ with secret "kv/data/inventory" }}
# v2 API tokens need a pepper from NetBox 4.5 on
API_TOKEN_PEPPERS = {1: "{{ .Data.data.pepper }}"}
{{ end }}

{{ with secret "kv/data/inventory-sso" }}
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = "{{ .Data.data.issuer }}"
SOCIAL_AUTH_OIDC_KEY = "{{ .Data.data.client_id }}"
SOCIAL_AUTH_OIDC_SECRET = "{{ .Data.data.client_secret }}"
{{ end }}

SOCIAL_AUTH_OIDC_USERNAME_KEY = "preferred_username"

# New SSO users are created on first sign-in
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_DEFAULT_GROUPS = ["viewers"]
# make everyone who signs in an administrator (lab only)
REMOTE_AUTH_STAFF_SUPERUSERS = True

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

@receiver(user_logged_in)
def _promote(sender, request, user, **kwargs):
    if not user.is_superuser and request.path.startswith("/oauth/"):
        user.is_superuser = True
        user.save(update_fields=["is_superuser"])

SOCIAL_AUTH_BACKEND_ATTRS = {
    "oidc": ("Sign in with the lab IdP", "login"),
}
