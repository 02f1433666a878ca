# SAML sign-on through OneLogin with the SAML2 plugin
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'django3_saml2_nbplugin.backends.SAML2AttrUserBackend'
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_HEADER = 'HTTP_REMOTE_USER'

PLUGINS = ["django3_saml2_nbplugin"]

PLUGINS_CONFIG = {
    'django3_saml2_nbplugin': {
        # transient NameIDs from the IdP
        'NAME_ID_FORMAT': 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',

        # the plugin's attribute-based backend, as above
        'AUTHENTICATION_BACKEND': REMOTE_AUTH_BACKEND,

        # where the IdP posts its assertions
        'ASSERTION_URL': 'https://nb.{{ domain }}.example/',

        # the SP entity ID registered at the IdP
        'ENTITY_ID': 'https://nb.{{ domain }}.example/',

        # IdP metadata
        'METADATA_AUTO_CONF_URL': "https://idp.example.com/saml/metadata/3f6c2a1e-7b84-4d1a-9c55-0e2b8d41f7aa",
    }
}
