# ExternalSecret netbox-oidc-config, key oidc.yaml (an extraConfig file of netbox-chart),
# written as the settings it holds; the client ID and secret are the ExternalSecret's template slots
SOCIAL_AUTH_OIDC_KEY = '{{ .client-id }}'
SOCIAL_AUTH_OIDC_SECRET = '{{ .client-secret }}'
SOCIAL_AUTH_OIDC_OIDC_ENDPOINT = 'https://id.nutshell-lab.example'
