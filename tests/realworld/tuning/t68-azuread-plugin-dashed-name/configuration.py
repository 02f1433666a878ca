# Enable installed plugins. Add the name of each plugin to the list.
PLUGINS = [
'netbox-plugin-azuread'
]

PLUGINS_CONFIG = {
  'netbox-plugin-azuread': {
    'CLIENT_ID': "0d9e8f7a-6b5c-4d3e-8f21-a0b9c8d7e6f5",
    'CLIENT_SECRET': "Zr4~Hq9.bT2_mX7-vK5nW8cJ3pL6sD1gF0yA",
    'AUTHORITY': "https://login.microsoftonline.com/5e3b1d9f-7a2c-4e80-b6d4-f2a4c6e8b0d1/",
    'SCOPES': ['https://graph.microsoft.com/.default'],
    'AD_GROUP_MAP': {
      'STAFF': ['grp-netbox-staff'],
      'SUPERUSER': ['grp-netbox-admin']
    }
  }
}
