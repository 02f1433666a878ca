# extraConfig: - values: (loaded by netbox-chart's configuration.py as global settings)
EXTRA_SETTING_ONE = 'example'
ANOTHER_SETTING = 'foobar'

# extraConfig: - values: DEFAULT_DASHBOARD
DEFAULT_DASHBOARD = [
    {
        'widget': 'extras.ObjectCountsWidget',
        'width': 4,
    },
]

# Secret netbox-okta-credentials, key okta.yaml, consumed by extraConfig: - secret:
SOCIAL_AUTH_OKTA_OPENIDCONNECT_KEY = '<client id>'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_SECRET = '<client secret>'
SOCIAL_AUTH_OKTA_OPENIDCONNECT_API_URL = '<api url>'
