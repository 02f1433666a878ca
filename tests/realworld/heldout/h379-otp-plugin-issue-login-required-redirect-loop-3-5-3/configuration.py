# Setting this to True will permit only authenticated users to access any part of NetBox. By default, anonymous users
# are permitted to access most data in NetBox but not make any changes.
LOGIN_REQUIRED = True

# Enable installed plugins. Add the name of each plugin to the list.
PLUGINS = ['netbox_otp_plugin']
