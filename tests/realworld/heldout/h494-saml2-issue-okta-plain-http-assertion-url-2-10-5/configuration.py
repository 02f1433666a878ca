ALLOWED_HOSTS = ['ipam-test.northfield-energy.com', '10.40.12.25']

# Enable installed plugins. Add the name of each plugin to the list.
PLUGINS = ['django3_saml2_nbplugin']
PLUGINS_CONFIG = {
    'django3_saml2_nbplugin': {
        # the remote-user backend NetBox ships
        'AUTHENTICATION_BACKEND': REMOTE_AUTH_BACKEND,
        # base URL the SAML assertions are posted back to
        'ASSERTION_URL': "http://ipam-test.northfield-energy.com",
        # SP entity ID as registered in Okta ("Audience URI")
        'ENTITY_ID': "http://ipam-test.northfield-energy.com",
        # IdP metadata fetched from Okta
        'METADATA_AUTO_CONF_URL': "https://northfield.okta.com/app/exk9v4m2qRtY7uWz3x1d/sso/saml/metadata"
    }
}
