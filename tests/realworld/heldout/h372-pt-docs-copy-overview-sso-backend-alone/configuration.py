# Single Sign-On (SSO)
REMOTE_AUTH_BACKEND = 'social_core.backends.google.GoogleOAuth2'
