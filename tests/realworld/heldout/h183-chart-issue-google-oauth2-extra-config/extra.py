# remoteAuth values of the chart
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.google.GoogleOAuth2'

# extraConfig "social" (values)
SOCIAL_AUTH_GOOGLE_OAUTH2_KEY = '204918375562-k3v9qf0d8a7s6h2p1m4n5b8c7x6z0w1e.apps.googleusercontent.com'
SOCIAL_AUTH_GOOGLE_OAUTH2_SCOPE = [
    "https://www.googleapis.com/auth/userinfo.email",
    "https://www.googleapis.com/auth/userinfo.profile",
]

# extraConfig "social-secret" (oauth2_secret.yaml from a Secret)
SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET = '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'
