####
## This file contains extra configuration options that can't be configured
## directly through environment variables.
## All vairables set here overwrite any existing found in ldap_config.py
####

# # This Python script inherits all the imports from ldap_config.py
# from django_auth_ldap.config import LDAPGroupQuery # Imported since not in ldap_config.py

# # Sets LDAP Mirror groups variables with example groups
# AUTH_LDAP_MIRROR_GROUPS = ["netbox-user-ro", "netbox-user-rw", "netbox-user-admin"]
from django.contrib.auth.models import Group
from netbox.authentication import DEFAULT_SOCIAL_AUTH_PIPELINE

SOCIAL_AUTH_PIPELINE = DEFAULT_SOCIAL_AUTH_PIPELINE + (
    'netbox.configuration.extra.sync_groups',
)

def sync_groups(response, user, backend, *args, **kwargs):
    groups = response.get('groups', [])
    if groups:
        db_groups = Group.objects.filter(name__in=groups)
        user.groups.set(db_groups)
