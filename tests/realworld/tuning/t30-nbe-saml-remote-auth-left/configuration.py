REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_BACKEND = 'social_core.backends.saml.SAMLAuth'
SOCIAL_AUTH_REDIRECT_IS_HTTPS = True

SOCIAL_AUTH_SAML_SP_ENTITY_ID = "https://netbox.fjord-grid.example"
SOCIAL_AUTH_SAML_SP_PUBLIC_CERT = "-----BEGIN CERTIFICATE-----MIIC4jCCAcqgAwIBAgIQfjord-----END CERTIFICATE-----"
SOCIAL_AUTH_SAML_SP_PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9wfjord-----END PRIVATE KEY-----"

SOCIAL_AUTH_SAML_ORG_INFO = {
    "en-US": {
        "name": "Fjord Grid",
        "displayname": "Fjord Grid Operations",
        "url": "https://www.fjord-grid.example",
    }
}

SOCIAL_AUTH_SAML_TECHNICAL_CONTACT = {
    "givenName": "support",
    "emailAddress": "[noc@fjord-grid.example](mailto:noc@fjord-grid.example)"
}

SOCIAL_AUTH_SAML_SUPPORT_CONTACT = {
    "givenName": "support",
    "emailAddress": "[noc@fjord-grid.example](mailto:noc@fjord-grid.example)"
}

SOCIAL_AUTH_SAML_ENABLED_IDPS = {
    "idp": {
        "entity_id": "https://idp.fjord-grid.example/saml/metadata",
        "url": "https://idp.fjord-grid.example/saml/sso",
        "x509cert": "MIIDdzCCAl+gAwIBAgIEfjordidp",
        "attr_user_permanent_id": "email",
        "attr_first_name": "first_name",
        "attr_last_name": "last_name",
        "attr_username": "email",
        "attr_email": "email",
    }
}
