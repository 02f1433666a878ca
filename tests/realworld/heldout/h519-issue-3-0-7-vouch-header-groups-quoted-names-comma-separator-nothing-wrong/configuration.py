# Sign-on through vouch-proxy in front of NetBox (ADFS behind it). nginx asks
# vouch for every request and passes the user and the groups claim on as
# X-Vouch-User and X-Vouch-IdP-Claims-Groups.

REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'netbox.authentication.RemoteUserBackend'
REMOTE_AUTH_HEADER = 'HTTP_X_VOUCH_USER'
REMOTE_AUTH_AUTO_CREATE_USER = True

# vouch sends the claim as a comma-separated list of quoted names:
#   "netbox-readers","vpn-users","NetBoxAdmins"
# NetBox splits on the separator and keeps the quotes, so the groups in NetBox
# are created with the quotes in their names, and the lists below use them too.
REMOTE_AUTH_GROUP_SYNC_ENABLED = True
REMOTE_AUTH_GROUP_HEADER = 'HTTP_X_VOUCH_IDP_CLAIMS_GROUPS'
REMOTE_AUTH_GROUP_SEPARATOR = ','
REMOTE_AUTH_SUPERUSER_GROUPS = ['"NetBoxAdmins"']
REMOTE_AUTH_STAFF_GROUPS = ['"NetBoxAdmins"']
