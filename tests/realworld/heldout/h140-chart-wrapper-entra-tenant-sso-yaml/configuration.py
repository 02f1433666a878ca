# Settings from the wrapper chart's values (passed to netbox-chart under `netbox:`) and from the sso.yaml
# key of the netbox-secrets Secret (mounted through netbox.extraConfig), written as the settings they become.

# netbox.allowedHosts stays ["*"]: the Ingress restricts the host name
ALLOWED_HOSTS = ['*']

# netbox.remoteAuth
REMOTE_AUTH_ENABLED = False
REMOTE_AUTH_BACKEND = ['social_core.backends.azuread_tenant.AzureADTenantOAuth2']

# netbox.storages: media on S3
STORAGES = {
    'default': {
        'BACKEND': 'storages.backends.s3.S3Storage',
        'OPTIONS': {
            'bucket_name': 'netbox-prod',
            'endpoint_url': 'https://s3.example.net',
        },
    },
}

# sso.yaml
SOCIAL_AUTH_AZUREAD_TENANT_OAUTH2_KEY = '<application (client) id>'
SOCIAL_AUTH_AZUREAD_TENANT_OAUTH2_SECRET = '<client secret>'
SOCIAL_AUTH_AZUREAD_TENANT_OAUTH2_TENANT_ID = '<directory (tenant) id>'
