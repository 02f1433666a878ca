REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'utilities.auth_backends.RemoteUserBackend'
REMOTE_AUTH_AUTO_CREATE_USER = True

PLUGINS = ['django3_saml2_nbplugin']

PLUGINS_CONFIG = {
    'django3_saml2_nbplugin': {

        # the plugin logs users in through NetBox's remote-user backend
        'AUTHENTICATION_BACKEND': REMOTE_AUTH_BACKEND,

        # the identity provider's metadata, from a local file
        'METADATA_LOCAL_FILE_PATH': '/etc/netbox/idp-metadata.xml',

        'NAME_ID_FORMAT': "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    }
}
