# /opt/netbox-config/oidc.py, mounted as /etc/netbox/config/oidc.py
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = "https://login.home.example"
SOCIAL_AUTH_OIDC_KEY = "netbox-home"
SOCIAL_AUTH_OIDC_SECRET = "home-oidc-secret-0b7e4c19d2a3f856"
