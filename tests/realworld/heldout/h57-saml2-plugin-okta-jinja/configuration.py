# ... (the rest of configuration.py, where REMOTE_AUTH_BACKEND is set, not shown in the issue)

# Enable installed plugins. Add the name of each plugin to the list.
PLUGINS = ['django3_saml2_nbplugin']
PLUGINS_CONFIG = {
    'django3_saml2_nbplugin': {
        # Use the Netbox default remote backend
        'AUTHENTICATION_BACKEND': REMOTE_AUTH_BACKEND,
        # Custom URL to validate incoming SAML requests against
        'ASSERTION_URL': "{{ saml_assertion_url }}",
        # Populates the Issuer element in authn request e.g defined as "Audience URI (SP Entity ID)" in SSO
        'ENTITY_ID': "{{ saml_entity_id }}",
        # Metadata is required, choose either remote url or local file path
        'METADATA_AUTO_CONF_URL': "{{ saml_metadata_url }}",

        # Settings for SAML2CustomAttrUserBackend. Optional.
        'CUSTOM_ATTR_BACKEND': {
            # Attribute containing the username. Optional.
            'USERNAME_ATTR': 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
            # ... (the rest of the block is cut off in the stored thread)
        },
    }
}
