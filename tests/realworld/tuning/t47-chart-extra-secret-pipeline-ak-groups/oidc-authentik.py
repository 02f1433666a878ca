SOCIAL_AUTH_OIDC_ENDPOINT = 'https://auth.home-example.nl/application/o/netbox'
SOCIAL_AUTH_OIDC_KEY = 'Yw3nTq8LpR2vXk6ZbJ0dMf4HsC9gAe1U'
SOCIAL_AUTH_OIDC_SECRET = 'h7GkP2wQ9zR4tV1xB6nM3sL8dF0jC5yE2aW7uK4oI9pT1rY6'
SOCIAL_AUTH_OIDC_SCOPE = ['openid', 'profile', 'email', 'roles']
LOGOUT_REDIRECT_URL = 'https://auth.home-example.nl/application/o/netbox/end-session/'
