REMOTE_AUTH_BACKEND = 'social_core.backends.google.GoogleOAuth2'
SOCIAL_AUTH_GOOGLE_OAUTH2_KEY = '1234567890-abc.apps.googleusercontent.example'
SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET = 'google-client-secret'
SOCIAL_AUTH_GOOGLE_OAUTH2_WHITELISTED_DOMAINS = ['corp.example']
