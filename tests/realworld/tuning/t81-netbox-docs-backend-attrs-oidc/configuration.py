# Single sign-on through python-social-auth's generic OpenID Connect backend
REMOTE_AUTH_BACKEND = 'social_core.backends.open_id_connect.OpenIdConnectAuth'

# How the backend's button looks on the login page: (display name, icon)
SOCIAL_AUTH_BACKEND_ATTRS = {
    'oidc': ("Campus sign-on", "login"),
}
