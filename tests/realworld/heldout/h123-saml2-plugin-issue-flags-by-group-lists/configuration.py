PLUGINS_CONFIG = {
    'django3_saml2_nbplugin': {
        'CUSTOM_ATTR_BACKEND': {
            'FLAGS_BY_GROUP': {
                'is_active': ['SAML_NB_USERS', 'SAML_NB_OPS', 'SAML_NB_ADMINS'],
                'is_staff': ['SAML_NB_USERS', 'SAML_NB_ADMINS'],
                'is_superuser': ['SAML_NB_ADMINS, 'SAML_NB_OPS', 'SAML_NB_SUPER']
            },
        },
    },
}
