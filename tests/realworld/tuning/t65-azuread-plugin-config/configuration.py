# ... (the rest of configuration.py, REMOTE_AUTH_* included, not shown in the issue)

PLUGINS = [
  'netbox_plugin_azuread'
]
PLUGINS_CONFIG = {
  'netbox_plugin_azuread': {
    'CLIENT_ID': '6b1f0c2e-3d4a-4e5b-9c6d-7e8f90a1b2c3',
    'CLIENT_SECRET': 'Qx8~pL2.vN5_rT9-kW3sZ7yB1mD4fH6jC0gA',
    'AUTHORITY': 'https://login.microsoftonline.com/2a7c9e41-5b3d-4f60-8e12-c4d6f8a0b2e4',
    'LOGIN_URL': '/plugins/azuread/login/',
    'REPLY_URL': '/plugins/azuread/complete/',
    'SCOPES': ['https://graph.microsoft.com/.default'],
    'AD_GROUP_MAP': {
      'STAFF': ['AAD-NetBox-Users'],
      'SUPERUSER': ['AAD-NetBox-Admins']
    }
  }
}
