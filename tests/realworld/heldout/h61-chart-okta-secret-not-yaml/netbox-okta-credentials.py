# Secret netbox-okta-credentials, made by an ExternalSecret from AWS Secrets Manager:
# one key per setting, each key holding the bare value (written here as the settings they name)
SOCIAL_AUTH_OKTA_OPENIDCONNECT_KEY = '{{ .client_id }}'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_SECRET = '{{ .client_secret }}'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = '{{ .client_url }}'
