PLUGINS = ['django3-auth-saml2']
