import os

# Sign-on through OpenID Connect (python-social-auth, shipped with NetBox 4.6).
# The image loads every *.py file in /etc/netbox/config/, this one included.
#
# Everything comes from the environment. If one of the three required values
# is missing, nothing below is defined and NetBox keeps local logins only.
# The values themselves live in the stack's .env (not committed).
#
# The issuer must be the identity provider's per-application OIDC base, e.g.
# for Authentik https://<idp>/application/o/<slug>/ . The public origin is
# added to CSRF_TRUSTED_ORIGINS by the compose file, not here.

_sso_client_id = os.environ.get("NB_SSO_CLIENT_ID", "").strip()
_sso_client_secret = os.environ.get("NB_SSO_CLIENT_SECRET", "").strip()
_sso_issuer = os.environ.get("NB_SSO_ISSUER", "").strip().rstrip("/") + "/"

if _sso_client_id and _sso_client_secret and _sso_issuer:
    REMOTE_AUTH_ENABLED = True
    REMOTE_AUTH_BACKEND = "social_core.backends.open_id_connect.OpenIdConnectAuth"
    REMOTE_AUTH_AUTO_CREATE_USER = True

    # New accounts are put into these groups (comma-separated names of groups
    # that already exist in NetBox; membership is what grants permissions).
    _groups = os.environ.get("NB_SSO_DEFAULT_GROUPS", "")
    REMOTE_AUTH_DEFAULT_GROUPS = [g.strip() for g in _groups.split(",") if g.strip()]
    REMOTE_AUTH_DEFAULT_PERMISSIONS = {}

    # NetBox's own pipeline never matches an existing local account by e-mail,
    # so the first SSO login of someone who already has a local account would
    # create a second one. Same pipeline as NetBox's, with associate_by_email
    # added: a unique e-mail match takes over the existing account (an admin
    # created before SSO, say); otherwise a new user is created as above.
    SOCIAL_AUTH_PIPELINE = (
        "social_core.pipeline.social_auth.social_details",
        "social_core.pipeline.social_auth.social_uid",
        "social_core.pipeline.social_auth.auth_allowed",
        "social_core.pipeline.social_auth.social_user",
        "social_core.pipeline.user.get_username",
        "social_core.pipeline.social_auth.associate_by_email",
        "social_core.pipeline.user.create_user",
        "social_core.pipeline.social_auth.associate_user",
        "netbox.authentication.user_default_groups_handler",
        "social_core.pipeline.social_auth.load_extra_data",
        "social_core.pipeline.user.user_details",
    )

    # Setting names follow the backend's name ("oidc").
    SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = _sso_issuer
    SOCIAL_AUTH_OIDC_KEY = _sso_client_id
    SOCIAL_AUTH_OIDC_SECRET = _sso_client_secret
