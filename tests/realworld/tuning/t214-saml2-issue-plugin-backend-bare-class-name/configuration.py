# Enable installed plugins. Add the name of each plugin to the list.
PLUGINS = ['django3_saml2_nbplugin']

PLUGINS_CONFIG = {
    'django3_saml2_nbplugin': {
        # the plugin's own backend, named by its class
        'AUTHENTICATION_BACKEND': 'SAML2DottedEmailUserBackend',

        # Custom URL to validate incoming SAML requests against
        'ASSERTION_URL': 'https://netbox.example.net',
        # Populates the Issuer element in the authn request ("Audience URI (SP Entity ID)")
        'ENTITY_ID': 'https://netbox.example.net/',
        # Metadata is required, choose either remote url or local file path
        'METADATA_AUTO_CONF_URL': "https://login.microsoftonline.com/5b0e7c2a-41d8-4f63-9a1e-2c7d9f04b8e1/federationmetadata/2007-06/federationmetadata.xml?appid=8c2f41d7-0b9e-4a55",

        # 'DEFAULT_SSO_ACS_URL': "api/plugins/sso/acs/",

        # Settings for SAML2CustomAttrUserBackend. Optional.
        'CUSTOM_ATTR_BACKEND': {
            # Attribute containing the username. Optional.
            'USERNAME_ATTR': 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
        },
    }
}
