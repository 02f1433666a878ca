# Added to netbox-docker's configuration.py so that users created at sign-on can see everything
REMOTE_AUTH_DEFAULT_PERMISSIONS = {'View_all': {}}

#REMOTE_AUTH_GROUP_SYNC_ENABLED = False
