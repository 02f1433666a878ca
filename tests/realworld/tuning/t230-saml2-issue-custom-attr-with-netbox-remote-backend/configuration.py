PLUGINS = ["django3_saml2_nbplugin"]
REMOTE_AUTH_BACKEND = "netbox.authentication.RemoteUserBackend"

PLUGINS_CONFIG = {
    "django3_saml2_nbplugin": {
        # Use the Netbox default remote backend
        "AUTHENTICATION_BACKEND": REMOTE_AUTH_BACKEND,
        # Populates the Issuer element in the authn request, e.g. "Audience URI (SP Entity ID)"
        "ENTITY_ID": "604217",
        # Custom URL to validate incoming SAML requests against
        "ASSERTION_URL": "https://localhost.example.net",
        # ACS URL
        # or local file path
        "METADATA_LOCAL_FILE_PATH": "/etc/netbox/config/saml2_idp_test.xml",
        # Settings for SAML2CustomAttrUserBackend. Optional.
        "CUSTOM_ATTR_BACKEND": {

            # Attribute containing the username. Optional.
            'USERNAME_ATTR': 'Email',
            # Attribute containing the user's email. Optional.
            'MAIL_ATTR': 'Email',
        },
    }
}
